#include "search/search.h"

#include <libstemmer.h>

#include <algorithm>
#include <mutex>
#include <optional>

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

// The digits that name a record's area in its area words: the kab/kota ("63.71.02" -> "6371"),
// or the province for a province's own records ("63"); none for national records.
std::string area_digits(std::string_view code) {
  std::string digits;
  for (char ch : code)
    if (ch >= '0' && ch <= '9') digits.push_back(ch);
  if (digits.size() >= 4) return digits.substr(0, 4);
  return digits.size() == 2 ? digits : std::string();
}

bool area_token(std::string_view w) {
  return w.size() > 2 && w.substr(0, 2) == "zr" && w.find_first_not_of("0123456789", 2) == std::string_view::npos;
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
// The FTS5 rowid is the document's id negated (migration 0038): FTS5 walks a word's list cheaply
// forwards and expensively backwards (every page it enters backwards is decoded whole), and a
// search wants the newest first, i.e. the largest ids: those are now the smallest rowids. Rows are
// added in ascending rowid order, so the group's rows make one index segment.
static constexpr const char* kFtsFrom =
    "INSERT INTO search_fts (rowid, terms) SELECT -id, terms FROM search_docs WHERE id >= ? ORDER BY id DESC";

std::string text_terms(std::string_view text) {
  std::string out;
  for (auto& t : terms(text)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::string join_terms(std::string a, std::string_view b) {
  if (!a.empty() && !b.empty()) a += ' ';
  a += b;
  return a;
}

std::string finish_terms(std::string words, std::string_view region_code) {
  std::string out = std::move(words);
  std::vector<std::string_view> distinct;
  for (size_t at = 0; at < out.size();) {
    size_t end = out.find(' ', at);
    if (end == std::string::npos) end = out.size();
    if (end > at) distinct.emplace_back(out.data() + at, end - at);
    at = end + 1;
  }
  std::string tail = " " + region_terms(region_code);
  // Area words: every distinct word once more, joined to the record's kab/kota (or province):
  // "hoaks" in 63.71.02 -> "hoakszr6371". A search limited to a kab/kota then reads one short
  // list ("hoakszr6371") and a province's search the lists that start with "hoakszr63", instead
  // of walking the word's list for the whole country (see docs/PERFORMANCE.md, search).
  std::string area = area_digits(region_code);
  if (!area.empty()) {
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (auto w : distinct) {
      if (area_token(w)) continue;
      tail.append(" ").append(w).append("zr").append(area);
    }
  }
  out += tail;
  return out;
}

std::string document_terms(const Document& d) {
  std::string_view body = std::string_view(d.body).substr(0, kMaxBodyBytes);
  std::string text;
  text.reserve(d.title.size() + 1 + body.size());
  text.append(d.title).append(" ").append(body);
  return finish_terms(text_terms(text), d.region_code);
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
    // yet; deleting it from search_docs is enough (see kFtsFrom). search_fts keeps no copy of the
    // text (contentless, migration 0038): its entry is removed by giving the text it was made of.
    std::optional<std::pair<int64_t, std::string>> doc;
    c.query("SELECT id, terms FROM search_docs WHERE entity = ? AND entity_id = ?", {entity, entity_id},
            [&](const db::Row& r) { doc.emplace(r.i64(0), r.str(1)); });
    if (!doc) return;
    c.exec("INSERT INTO search_fts (search_fts, rowid, terms) VALUES ('delete', ?, ?)", {-doc->first, doc->second});
    c.exec("DELETE FROM search_docs WHERE id = ?", {doc->first});
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
  const bool sqlite = c.dialect() == db::Dialect::SQLite;
  // National users and provinces match the words (a province with its area token, zr63: reading
  // the word's list forwards beside the province's cost less than a prefix query over its area
  // words, see docs/PERFORMANCE.md). A kab/kota matches its area words (see document_terms):
  // "hoakszr6371"; below a kab/kota the kab/kota's area words and the area's token (zr637102).
  // The scope filter below stays the rule; the tokens make it cheap.
  std::string area = s.national() ? std::string() : area_digits(s.region_code);
  if (area.size() != 4) area.clear();
  std::string match;
  auto add = [&](const std::string& token) {
    if (!match.empty()) match += sqlite ? " " : " & ";
    match += sqlite ? "\"" + token + "\"" : token;
  };
  for (auto& w : words) add(area.empty() ? w : w + "zr" + area);
  if (!s.national()) {
    auto tokens = region_terms(s.region_code);
    auto last = tokens.rfind(' ');
    std::string own = tokens.substr(last == std::string::npos ? 0 : last + 1);
    if (area.empty() || own.size() > 2 + area.size()) add(own);
  }
  db::Params p{match};
  std::string sql;
  if (sqlite) {
    sql = "SELECT d.entity, d.entity_id, d.region_code, d.title, d.link, d.excerpt FROM search_fts f "
          "JOIN search_docs d ON d.id = -f.rowid WHERE search_fts MATCH ? AND ";
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
  // (ranking all 20,000 matches of a common word took 40-50 ms; see docs/PERFORMANCE.md). On
  // SQLite the newest are the smallest FTS5 rowids (kFtsFrom): FTS5 reads its lists forwards.
  sql += sqlite ? " ORDER BY f.rowid LIMIT ?" : " ORDER BY d.id DESC LIMIT ?";
  p.emplace_back(int64_t{limit});
  c.query(sql, p, [&](const db::Row& r) {
    hits.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
  });
  return hits;
}

}  // namespace pantau::search
