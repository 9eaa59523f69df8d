// Full-text search over the records of every module (reports, events, ...), scoped like
// everything else. Text is folded (lower case, accents removed) and stemmed with the Snowball
// Indonesian stemmer (libstemmer) in C++, so "pemantauan", "dipantau" and "Pemantauan" meet,
// and the same terms are indexed by SQLite FTS5 or PostgreSQL full-text search.
#pragma once
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"

namespace pantau::search {

// Lower-cases, removes Latin accents, splits into words and stems each (Indonesian).
// The index tokens of a region and its ancestors: "63.71" -> "zr63 zr6371".
std::string region_terms(std::string_view code);
std::vector<std::string> terms(std::string_view text);

struct Document {
  std::string entity, entity_id, region_code;
  int classification = 0;
  std::string title, body;
  std::string link;
  // The index terms (document_terms(*this)) when already computed, e.g. by the request's worker
  // thread before the write; empty: computed when the entry is written.
  std::string terms;
};
// The folded, stemmed words of the title and body and the region's area tokens.
std::string document_terms(const Document& d);
// The folded, stemmed words of `text`, joined by spaces (what document_terms makes of the title and
// body). Words never span a line break, so for valid UTF-8 the words of `a + "\n" + b` are those of
// `a + "\n"` followed by those of `b`: a caller can compute most of a document's terms before the
// write (on the request's thread) and add the rest known only inside it (e.g. the region's name).
std::string text_terms(std::string_view text);
// Joins two word lists made by text_terms (either may be empty).
std::string join_terms(std::string a, std::string_view b);
// A document's index terms from its words (text_terms of the title and body, joined): the words,
// the region's area tokens (region_terms) and the area words ("hoakszr6371"). document_terms(d) is
// finish_terms(text_terms(title + " " + body), d.region_code).
std::string finish_terms(std::string words, std::string_view region_code);
// The body of a document is cut at this many bytes before its words are taken.
inline constexpr size_t kMaxBodyBytes = 20000;
// Adds or replaces a record's entry, inside the caller's write transaction.
void index(db::Conn& c, const Document& d);
// The entry of a record created in this transaction (it has none yet).
void index_new_one(db::Conn& c, const Document& d);
void remove(db::Conn& c, const std::string& entity, const std::string& entity_id);
// The entries of many records created in this transaction (none has an entry yet), in
// multi-row statements: an import.
void index_new(db::Conn& c, const std::vector<Document>& docs);

struct Hit {
  std::string entity, entity_id, region_code, title, link, snippet;
};
// Records matching every word of `q` within the caller's scope and clearance, newest first.
std::vector<Hit> query(db::Conn& c, const auth::Scope& s, std::string_view q, int limit, const std::string& entity = "");

// Housekeeping: the SQLite index grows by one small segment per write; merge a bounded amount
// (a few hundred pages) so searches keep reading few segments. PostgreSQL's GIN index is kept
// by autovacuum: nothing to do there.
void merge_some(db::Conn& c);

}  // namespace pantau::search
