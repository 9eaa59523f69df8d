CREATE INDEX search_docs_terms ON search_docs USING gin (to_tsvector('simple', terms));
CREATE INDEX search_docs_region ON search_docs (region_code);
