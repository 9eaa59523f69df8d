// The schema of a database as its catalogue describes it, in a normalised text: tables and their
// columns (type, NOT NULL, default, key, collation, identity), constraints, indexes, triggers,
// functions and sequences, and the rows the migrations ship (reference data). Two databases built
// by different SQL texts print the same when their schema is the same; comments, line breaks and
// the order of statements do not show.
//
// tests/fixtures/schema_sqlite.txt and schema_postgres.txt hold this text for the schema that the
// migrations build (test_migrations.cpp compares); the `schema_catalogue` tool prints it for any
// database (tests/migrations/upgrade.sh).
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "db/database.h"

namespace pantau::testing_support {

// SQL text without comments, with every run of white space made one space, and no space inside
// brackets or before a comma: how a statement was laid out does not show.
inline std::string normalise_sql(std::string_view sql) {
  std::string out;
  bool space = false;
  auto put = [&](char ch) {
    if (space && !out.empty() && ch != ',' && ch != ')' && out.back() != '(') out += ' ';
    space = false;
    out += ch;
  };
  for (size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (ch == '\'' || ch == '"') {  // a literal or a quoted name, as written
      size_t end = sql.find(ch, i + 1);
      if (end == std::string_view::npos) end = sql.size() - 1;
      put(ch);
      out.append(sql.substr(i + 1, end - i));
      i = end;
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
      space = true;
    } else if (ch == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 1;
      space = true;
    } else if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = true;
    } else {
      put(ch);
    }
  }
  return out;
}

namespace detail {
inline std::string cell(const db::Row& r, int i) { return r.is_null(i) ? "NULL" : r.str(i); }
inline std::string cells(const db::Row& r, int from = 0) {
  std::string s;
  for (int i = from; i < r.size(); ++i) s += (i > from ? " | " : "") + cell(r, i);
  return s;
}
// Every row of a table, one line each, sorted (the order rows come back in is no part of it).
inline void rows_of(db::Conn& c, const std::string& table, const std::string& select, std::string& out) {
  std::vector<std::string> rows;
  c.query(select, {}, [&](const db::Row& r) { rows.push_back(cells(r)); });
  std::sort(rows.begin(), rows.end());
  for (auto& r : rows) out += "row " + table + ": " + r + "\n";
}
// The table's rows, but for schema_migrations only what was applied (not when).
inline std::string select_rows(const std::string& table, const std::string& quoted) {
  return table == "schema_migrations" ? "SELECT version, name FROM schema_migrations" : "SELECT * FROM " + quoted;
}
}  // namespace detail

inline std::string sqlite_catalogue(db::Conn& c) {
  using detail::cell;
  using detail::cells;
  std::string out;
  std::vector<std::string> tables, virtual_tables;
  c.query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name", {},
          [&](const db::Row& r) {
            std::string sql = normalise_sql(r.text(3));
            out += r.str(0) + " " + r.str(1) + " on " + r.str(2) + ": " + sql + "\n";
            if (r.str(0) == "table") (sql.rfind("CREATE VIRTUAL TABLE", 0) == 0 ? virtual_tables : tables).push_back(r.str(1));
          });
  auto shadow = [&](const std::string& t) {  // the tables a virtual table keeps its data in
    return std::any_of(virtual_tables.begin(), virtual_tables.end(),
                       [&](const std::string& v) { return t.rfind(v + "_", 0) == 0; });
  };
  for (const auto& t : tables) {
    c.query("SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid",
            {t}, [&](const db::Row& r) { out += "column " + t + ": " + cells(r) + "\n"; });
    c.query("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, match FROM pragma_foreign_key_list(?) "
            "ORDER BY id, seq",
            {t}, [&](const db::Row& r) { out += "foreign key " + t + ": " + cells(r) + "\n"; });
    std::vector<std::string> indexes;
    c.query("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name", {t},
            [&](const db::Row& r) {
              out += "index " + t + ": " + cells(r) + "\n";
              indexes.push_back(r.str(0));
            });
    for (const auto& ix : indexes)
      c.query("SELECT seqno, cid, name, \"desc\", coll, key FROM pragma_index_xinfo(?) ORDER BY seqno", {ix},
              [&](const db::Row& r) { out += "index column " + ix + ": " + cells(r) + "\n"; });
    if (!shadow(t)) detail::rows_of(c, t, detail::select_rows(t, "\"" + t + "\""), out);
  }
  return out;
}

inline std::string postgres_catalogue(db::Conn& c) {
  using detail::cells;
  std::string out;
  auto each = [&](const std::string& what, const std::string& sql) {
    c.query(sql, {}, [&](const db::Row& r) { out += what + ": " + cells(r) + "\n"; });
  };
  // Definitions the server prints over several lines: one line, like the SQLite ones.
  auto each_normalised = [&](const std::string& what, const std::string& sql) {
    c.query(sql, {}, [&](const db::Row& r) {
      out += what + ": ";
      for (int i = 0; i < r.size(); ++i) out += (i ? " | " : "") + normalise_sql(detail::cell(r, i));
      out += "\n";
    });
  };
  std::vector<std::string> tables;
  c.query("SELECT relname, relkind, relpersistence FROM pg_class WHERE relnamespace = 'public'::regnamespace "
          "AND relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY relname",
          {}, [&](const db::Row& r) {
            out += "relation: " + cells(r) + "\n";
            if (r.str(1) == "r" || r.str(1) == "p") tables.push_back(r.str(0));
          });
  each("column",
       "SELECT table_name, ordinal_position, column_name, data_type, character_maximum_length, numeric_precision, "
       "is_nullable, column_default, is_identity, identity_generation, identity_start, identity_increment, "
       "collation_name, is_generated, generation_expression FROM information_schema.columns "
       "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
  each("constraint",
       "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
       "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2");
  each("index", "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2");
  each_normalised("trigger",
                  "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger "
                  "WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = "
                  "'public'::regnamespace) ORDER BY 1, 2");
  each_normalised("function",
                  "SELECT proname, pg_get_function_identity_arguments(oid), pg_get_functiondef(oid) FROM pg_proc "
                  "WHERE pronamespace = 'public'::regnamespace ORDER BY 1, 2");
  each_normalised("view", "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1");
  each("sequence",
       "SELECT sequencename, data_type, start_value, min_value, max_value, increment_by, cycle, last_value "
       "FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
  each("extension", "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1");
  for (const auto& t : tables) detail::rows_of(c, t, detail::select_rows(t, "public.\"" + t + "\""), out);
  return out;
}

inline std::string schema_catalogue(db::Conn& c) {
  return c.dialect() == db::Dialect::SQLite ? sqlite_catalogue(c) : postgres_catalogue(c);
}

}  // namespace pantau::testing_support
