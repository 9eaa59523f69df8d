CREATE VIRTUAL TABLE search_fts USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2');
