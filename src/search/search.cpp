#include "search/search.h"

#include <libstemmer.h>

#include <mutex>

#include "db/bulk.h"

namespace pantau::search {

namespace {

// Folds one UTF-8 code point of the Latin-1 Supplement / Latin Extended-A ranges to ASCII.
char fold(uint32_t cp) {
  static const char* latin1 =  // U+00C0 .. U+00FF
      "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
  return 0;
}

std::string folded_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      ++i;
      continue;
    }
    size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    uint32_t cp = 0;
    if (len == 2 && i + 1 < s.size()) cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    char f = fold(cp);
    if (f) {
      out.push_back(static_cast<char>(f >= 'A' && f <= 'Z' ? f - 'A' + 'a' : f));
    } else {
      out.push_back(' ');  // other scripts and punctuation separate words
    }
    i += std::min(len, s.size() - i);
  }
  return out;
}

class Stemmer {
 public:
  Stemmer() : s_(sb_stemmer_new("indonesian", "UTF_8")) {}
  ~Stemmer() { sb_stemmer_delete(s_); }
  std::string stem(const std::string& w) {
    std::lock_guard lk(mu_);
    if (!s_) return w;
    const sb_symbol* r = sb_stemmer_stem(s_, reinterpret_cast<const sb_symbol*>(w.data()), static_cast<int>(w.size()));
    return r ? std::string(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(s_))) : w;
  }

 private:
  sb_stemmer* s_;
  std::mutex mu_;
};

Stemmer& stemmer() {
  static Stemmer s;
  return s;
}

std::string joined_terms(std::string_view text) {
  std::string out;
  for (auto& t : terms(text)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

}  // namespace

std::string region_terms(std::string_view code) {
  // "63.71.02" -> "zr63 zr6371 zr637102": one token per level of the region's ancestry, so a
  // search limited to an area intersects the word lists with the area's list inside the index
  // instead of reading every match in the country and dropping those outside.
  std::string out, digits;
  for (size_t i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '.') {
      if (digits.empty()) continue;
      if (!out.empty()) out += ' ';
      out += "zr" + digits;
    } else if (code[i] >= '0' && code[i] <= '9') {
      digits.push_back(code[i]);
    }
  }
  return out;
}

std::vector<std::string> terms(std::string_view text) {
  std::string f = folded_lower(text);
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 2 && word.size() <= 40) out.push_back(stemmer().stem(word));
    word.clear();
  };
  for (char ch : f) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) word.push_back(ch);
    else flush();
  }
  flush();
  return out;
}

// SQLite: the FTS5 rows of search_docs are added once per group commit, for every row from the
// group's first new id on (ids only grow, and a row removed or rolled back in the group is simply
// not there any more). One FTS5 statement per submission wrote an index segment each time and made
// every later statement of the group flush FTS5 again (see docs/PERFORMANCE.md, durable submissions).
static constexpr const char* kFtsFrom = "INSERT INTO search_fts (rowid, terms) SELECT id, terms FROM search_docs WHERE id >= ?";

std::string text_terms(std::string_view text) { return joined_terms(text); }

std::string join_terms(std::string a, std::string_view b) {
  if (!a.empty() && !b.empty()) a += ' ';
  a += b;
  return a;
}

std::string document_terms(const Document& d) {
  std::string_view body = std::string_view(d.body).substr(0, kMaxBodyBytes);
  std::string text;
  text.reserve(d.title.size() + 1 + body.size());
  text.append(d.title).append(" ").append(body);
  return joined_terms(text) + " " + region_terms(d.region_code);
}

void index(db::Conn& c, const Document& d) {
  remove(c, d.entity, d.entity_id);
  index_new_one(c, d);
}

void index_new_one(db::Conn& c, const Document& d) {
  std::string_view body = std::string_view(d.body).substr(0, 20000);
  int64_t id = c.insert("INSERT INTO search_docs (entity, entity_id, region_code, classification, title, link, excerpt, terms) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        {d.entity, d.entity_id, d.region_code, int64_t{d.classification}, d.title, d.link,
                         std::string(body.substr(0, 300)), d.terms.empty() ? document_terms(d) : d.terms});
  if (c.dialect() == db::Dialect::SQLite) c.before_commit(kFtsFrom, id);
}

void index_new(db::Conn& c, const std::vector<Document>& docs) {
  if (docs.empty()) return;
  auto ids = db::reserve_ids(c, "search_docs", docs.size());
  db::Params v;
  v.reserve(docs.size() * 9);
  for (size_t i = 0; i < docs.size(); ++i) {
    const Document& d = docs[i];
    std::string body = d.body.size() > 20000 ? d.body.substr(0, 20000) : d.body;
    v.insert(v.end(), {ids[i], d.entity, d.entity_id, d.region_code, int64_t{d.classification}, d.title, d.link, body.substr(0, 300),
                       d.terms.empty() ? document_terms(d) : d.terms});
  }
  db::insert_rows(c, "INSERT INTO search_docs (id, entity, entity_id, region_code, classification, title, link, excerpt, terms)", 9, std::move(v));
  if (c.dialect() == db::Dialect::SQLite) c.before_commit(kFtsFrom, ids.front());
}

void remove(db::Conn& c, const std::string& entity, const std::string& entity_id) {
  if (c.dialect() == db::Dialect::SQLite) {
    // Only a row that has one: a DELETE on search_fts, even of nothing, makes FTS5 take part in
    // every later statement of the group commit. A row added in this group is not in search_fts
    // yet; deleting it from search_docs is enough (see kFtsFrom).
    auto id = c.query_i64("SELECT id FROM search_docs WHERE entity = ? AND entity_id = ?", {entity, entity_id});
    if (!id) return;
    c.exec("DELETE FROM search_fts WHERE rowid = ?", {*id});
    c.exec("DELETE FROM search_docs WHERE id = ?", {*id});
    return;
  }
  c.exec("DELETE FROM search_docs WHERE entity = ? AND entity_id = ?", {entity, entity_id});
}

void merge_some(db::Conn& c) {
  if (c.dialect() == db::Dialect::SQLite) c.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', 300)");
}

std::vector<Hit> query(db::Conn& c, const auth::Scope& s, std::string_view q, int limit, const std::string& entity) {
  std::vector<Hit> hits;
  auto words = terms(q);
  if (words.empty()) return hits;
  if (words.size() > 12) words.resize(12);
  std::string match;
  for (auto& w : words) match += (match.empty() ? "" : c.dialect() == db::Dialect::SQLite ? " " : " & ") +
                                 (c.dialect() == db::Dialect::SQLite ? "\"" + w + "\"" : w);
  if (!s.national()) {
    // The area's token (see region_terms): the scope filter below stays the rule, this makes it cheap.
    auto area = region_terms(s.region_code);
    auto last = area.rfind(' ');
    match += (c.dialect() == db::Dialect::SQLite ? " " : " & ") + area.substr(last == std::string::npos ? 0 : last + 1);
  }
  db::Params p{match};
  std::string sql;
  if (c.dialect() == db::Dialect::SQLite) {
    sql = "SELECT d.entity, d.entity_id, d.region_code, d.title, d.link, d.excerpt FROM search_fts f "
          "JOIN search_docs d ON d.id = f.rowid WHERE search_fts MATCH ? AND ";
  } else {
    sql = "SELECT d.entity, d.entity_id, d.region_code, d.title, d.link, d.excerpt FROM search_docs d "
          "WHERE d.tsv @@ to_tsquery('simple', ?) AND ";
  }
  sql += s.record_filter("d.region_code", "d.classification", p);
  if (!entity.empty()) {
    sql += " AND d.entity = ?";
    p.emplace_back(entity);
  }
  // Newest first: the engine stops after `limit` matches instead of ranking every one
  // (ranking all 20,000 matches of a common word took 40-50 ms; see docs/PERFORMANCE.md).
  sql += c.dialect() == db::Dialect::SQLite ? " ORDER BY f.rowid DESC LIMIT ?" : " ORDER BY d.id DESC LIMIT ?";
  p.emplace_back(int64_t{limit});
  c.query(sql, p, [&](const db::Row& r) {
    hits.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
  });
  return hits;
}

}  // namespace pantau::search
