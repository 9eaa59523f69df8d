-- One case-folding rule for name searches on both databases (core/strings.h fold_name): ASCII
-- and Latin-1 letters to lower-case ASCII, everything else unchanged, whatever the cluster's
-- locale. SQLite gets the same function from db/sqlite_db.cpp.
CREATE OR REPLACE FUNCTION pantau_fold(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT translate(t, 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿABCDEFGHIJKLMNOPQRSTUVWXYZ', 'aaaaaaaceeeeiiiidnoooooouuuuytsaaaaaaaceeeeiiiidnoooooouuuuytyabcdefghijklmnopqrstuvwxyz') $$;
