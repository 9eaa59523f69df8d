#include "modules/ormas/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <map>
#include <set>
#include <exception>
#include <thread>
#include <tuple>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/interned.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/service_clock.h"
#include "db/bulk.h"
#include "modules/actors/public.h"
#include "search/search.h"

namespace pantau::ormas {

// Fields of activity as words for the search index ("HUKUM_HAM" -> "hukum ham"), so a search hit
// shows words, not codes.
static std::string field_words(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& f : fields) {
    if (!out.empty()) out += ' ';
    for (char ch : f) out += ch == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

namespace {

FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}
db::Value text_or_null(const std::string& v) { return v.empty() ? db::Value() : db::Value(v); }
db::Value opt(const std::optional<double>& v) { return v ? db::Value(*v) : db::Value(); }
std::optional<Date> opt_date(const std::string& s) { return s.empty() ? std::nullopt : parse_date(s); }

std::string position_label(std::string_view p) {
  static const std::map<std::string_view, std::string_view> labels = {
      {"KETUA", "Ketua"}, {"WAKIL_KETUA", "Wakil Ketua"}, {"SEKRETARIS", "Sekretaris"}, {"BENDAHARA", "Bendahara"},
      {"ANGGOTA", "Anggota"}, {"PEMBINA", "Pembina"}, {"PENASEHAT", "Penasehat"}};
  auto it = labels.find(p);
  return std::string(it == labels.end() ? p : it->second);
}

std::string join(const std::vector<std::string>& v, char sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

// The value of a deadline rule in force on `on` (ormas_deadline_rules).
int rule_value(db::Conn& c, const std::string& code, Date on, int fallback) {
  auto v = c.query_i64("SELECT offset_value FROM ormas_deadline_rules WHERE code = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
                       {code, format_date(on)});
  return v ? static_cast<int>(*v) : fallback;
}

std::vector<SanctionStep> all_steps(db::Conn& c) {
  std::vector<SanctionStep> out;
  c.query("SELECT regime, step, level, response_value, response_unit, legal_basis, effective_from, effective_to FROM ormas_sanction_steps "
          "ORDER BY regime, step", {}, [&](const db::Row& r) {
            SanctionStep s{r.str(0), static_cast<int>(r.i64(1)), r.str(2), static_cast<int>(r.i64(3)), r.str(4), r.str(5),
                           parse_date(r.text(6)).value_or(Date{}), std::nullopt};
            if (!r.is_null(7)) s.effective_to = parse_date(r.text(7));
            out.push_back(s);
          });
  return out;
}

struct OrmasRow {
  int64_t id = 0, version = 0;
  std::string name, region, status, legal_form, fields;
  int classification = 0;
};

// The ormas when the caller may see it.
std::optional<OrmasRow> find(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("region_code", "classification", p);
  std::optional<OrmasRow> out;
  c.query("SELECT id, version, name, region_code, status, legal_form, fields, classification FROM ormas WHERE id = ? AND " + where, p,
          [&](const db::Row& r) {
            out = OrmasRow{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), static_cast<int>(r.i64(7))};
          });
  return out;
}

void append_audit(db::Conn& c, const auth::Scope& s, const std::string& action, const std::string& entity, int64_t id,
           const std::string& region, std::string snapshot) {
  audit::append(c, s, {action, entity, std::to_string(id), region, 0, std::nullopt, std::move(snapshot)});
}

int64_t insert_board_member(db::Conn& c, const auth::Scope& s, int64_t ormas_id, const std::string& ormas_name,
                            const std::string& region, const BoardInput& b, bool audit = true) {
  int64_t actor = actors::find_or_create_person(c, s, {b.name, b.nik, "", "", region}, audit);
  int64_t id = c.insert(
      "INSERT INTO ormas_board_members (ormas_id, actor_id, nik, name, name_key, position, term_start, term_end, is_state_official, "
      "region_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {ormas_id, actor, b.nik, b.name, actors::name_key(b.name), b.position, text_or_null(b.term_start), text_or_null(b.term_end),
       int64_t{b.is_state_official}, region, now_iso()});
  (void)actors::link(c, s, actor,
                     {"ormas", "ormas_board_member", std::to_string(id), "ORMAS_BOARD", position_label(b.position) + ", " + ormas_name,
                      region, 0},
                     false, true);
  return id;
}

// The ormas_words entries of one name: each of its words, and its whole name key marked with '#'
// (which sorts before every letter and digit, so it never meets a word's range) for searches of
// two or more words. The '#' key is a temporary: `f` copies what it keeps.
template <class F>
void for_each_search_word(const actors::NameParts& name, F&& f) {
  for (auto& w : name.words)
    if (!w.empty()) f(std::string_view(w));
  if (name.key.empty()) return;
  const std::string marked = "#" + name.key;
  f(std::string_view(marked));
}

}  // namespace

void index_search_words(db::Conn& c, const std::vector<int64_t>& ormas_ids, bool fresh) {
  // The actors' names (by primary keys and the members' ormas index), their words computed here
  // as actor_words holds them: no lookup of actor_words by actor, which has no index for it.
  struct Key {
    std::string word, region;
    int64_t ormas_id;
    int64_t classification;
    // The table's key order: rows written in it append to each word's range of the B-tree
    // instead of splitting pages all over it (an import writes a million of them).
    bool operator<(const Key& o) const { return std::tie(word, region, ormas_id) < std::tie(o.word, o.region, o.ormas_id); }
  };
  std::vector<Key> keys;
  for (size_t at = 0; at < ormas_ids.size(); at += 500) {
    db::Params p;
    std::string in;
    for (size_t i = at; i < std::min(ormas_ids.size(), at + 500); ++i) {
      in += in.empty() ? "?" : ", ?";
      p.emplace_back(ormas_ids[i]);
    }
    db::Params twice = p;
    for (auto& v : p) twice.push_back(v);
    c.query("SELECT o.id, o.region_code, o.classification, a.name FROM ormas o JOIN actors a ON a.id = o.actor_id WHERE o.id IN (" + in +
                ") UNION ALL SELECT o.id, o.region_code, o.classification, a.name FROM ormas_board_members b "
                "JOIN ormas o ON o.id = b.ormas_id JOIN actors a ON a.id = b.actor_id WHERE b.ormas_id IN (" + in + ")",
            twice, [&](const db::Row& r) {
              for_each_search_word(actors::name_parts(r.text(3)), [&](std::string_view w) {
                keys.push_back({std::string(w), r.str(1), r.i64(0), r.i64(2)});
              });
            });
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return !(a < b) && !(b < a); }), keys.end());
  if (fresh) {
    db::Params rows;
    rows.reserve(keys.size() * 4);
    for (auto& k : keys) {
      rows.emplace_back(std::move(k.word));
      rows.emplace_back(std::move(k.region));
      rows.emplace_back(k.ormas_id);
      rows.emplace_back(k.classification);
    }
    db::insert_rows(c, "INSERT INTO ormas_words (word, region_code, ormas_id, classification)", 4, std::move(rows));
    return;
  }
  for (auto& k : keys)
    c.exec("INSERT INTO ormas_words (word, region_code, ormas_id, classification) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
           {k.word, k.region, k.ormas_id, k.classification});
}

namespace {

// The search words of ormas created by an import (ormas_words, fresh rows), from the names the
// import holds: for each ormas (`ids[i]` in `regions[i]`, classification 0 as every imported
// ormas) the words and the '#' name key of each name in `names[i]` (its own actor's and its
// members' actors', as the actors table holds them). The same rows index_search_words() reads
// back from the stored names, without reading them: every word is interned once, the rows are
// sorted by the ranks of their word and region (16-byte entries instead of strings), then
// written in the table's key order so that they append to each word's range of the B-tree.
// The constructor sorts (on the builder thread, while the connection's thread is busy); emit()
// hands the rows over a slice at a time (the cells of 1.5 million rows at once would cost more
// in memory and page faults than the statements).
class SearchWordRows {
 public:
  SearchWordRows(const std::vector<int64_t>& ids, const std::vector<const std::string*>& regions,
                 const std::vector<std::vector<const actors::NameParts*>>& names) {
    Interned words, region_ix;
    entries_.reserve(ids.size() * 16);
    for (size_t i = 0; i < ids.size(); ++i) {
      uint32_t region = region_ix.add(*regions[i]);
      for (const actors::NameParts* name : names[i])
        for_each_search_word(*name, [&](std::string_view w) {
          // A plain word is the NameParts' own string; a '#' key is a temporary, kept in `keys_`.
          auto k = words.find(w);
          if (!k) k = words.add(w.front() == '#' ? std::string_view(keys_.emplace_back(w)) : w);
          entries_.push_back({*k, region, ids[i]});
        });
    }
    auto word_ranks = words.ranked();
    auto region_ranks = region_ix.ranked();
    words_ = std::move(word_ranks.sorted);
    regions_ = std::move(region_ranks.sorted);
    for (auto& e : entries_) e = {word_ranks.rank[e.word], region_ranks.rank[e.region], e.ormas_id};
    auto key = [](const Entry& e) { return std::tie(e.word, e.region, e.ormas_id); };
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) { return key(a) < key(b); });
    entries_.erase(std::unique(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) { return key(a) == key(b); }),
                   entries_.end());
  }
  // The rows (word, region_code, ormas_id, classification), a slice at a time; `emit` returns
  // false to stop, and then so does this.
  template <class Emit>
  bool emit(Emit&& emit) const {
    constexpr size_t kSlice = 32000;
    for (size_t from = 0; from < entries_.size(); from += kSlice) {
      db::Params rows;
      rows.reserve(kSlice * 4);
      for (size_t k = from; k < std::min(entries_.size(), from + kSlice); ++k) {
        rows.emplace_back(std::string(words_[entries_[k].word]));
        rows.emplace_back(std::string(regions_[entries_[k].region]));
        rows.emplace_back(entries_[k].ormas_id);
        rows.emplace_back(int64_t{0});
      }
      if (!emit(std::move(rows))) return false;
    }
    return true;
  }

 private:
  struct Entry {
    uint32_t word, region;
    int64_t ormas_id;
  };
  std::deque<std::string> keys_;  // the '#' name keys (the plain words are the NameParts' own)
  std::vector<std::string_view> words_, regions_;  // by rank
  std::vector<Entry> entries_;
};

// Items handed from one thread to another, at most `capacity` waiting: an import's rows are
// built on one core while the statements of the rows before them run on the connection's.
template <class T>
class Handoff {
 public:
  explicit Handoff(size_t capacity) : capacity_(capacity) {}
  // false when the taker gave up (cancel): the giver stops.
  bool push(T&& v) {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return q_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    q_.push_back(std::move(v));
    cv_.notify_all();
    return true;
  }
  // nullopt once the giver closed and everything was taken.
  std::optional<T> pop() {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return !q_.empty() || closed_ || cancelled_; });
    if (q_.empty()) return std::nullopt;
    T v = std::move(q_.front());
    q_.pop_front();
    cv_.notify_all();
    return v;
  }
  void close() {
    std::lock_guard lk(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  void cancel() {
    std::lock_guard lk(mu_);
    cancelled_ = true;
    q_.clear();
    cv_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<T> q_;
  bool closed_ = false, cancelled_ = false;
};

}  // namespace

WorkingDayCalendar load_calendar(db::Conn& c) {
  WorkingDayCalendar cal;
  c.query("SELECT date FROM holidays", {}, [&](const db::Row& r) {
    if (auto d = parse_date(r.text(0))) cal.add_day_off(*d);
  });
  return cal;
}

std::vector<FieldError> validate(const OrmasInput& in, Date today) {
  OrmasFacts f{in.name, in.legal_form, in.scope_level, in.region_code, in.skt_no, in.ahu_decree_no, in.npwp, in.email, in.fields,
               opt_date(in.founding_date), opt_date(in.skt_issue_date)};
  auto e = validate_ormas(f, today);
  for (auto [name, value] : {std::pair{"founding_date", &in.founding_date}, {"deed_date", &in.deed_date}, {"skt_issue_date", &in.skt_issue_date}})
    if (!value->empty() && !parse_date(*value)) e.push_back(field(name, "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  if ((in.lat && (*in.lat < -11.5 || *in.lat > 6.5)) || (in.lng && (*in.lng < 94.5 || *in.lng > 141.5)))
    e.push_back(field("lat", "out_of_range", "Koordinat di luar wilayah Indonesia.", "Coordinates outside Indonesia."));
  if (in.board.size() > 200) e.push_back(field("board", "too_many", "Paling banyak 200 pengurus.", "At most 200 board members."));
  std::set<std::string> niks;
  for (size_t i = 0; i < in.board.size() && i < 200; ++i) {
    auto& b = in.board[i];
    std::string at = "board[" + std::to_string(i) + "].";
    auto nik = actors::check_nik(b.nik, today);
    if (!nik.ok()) {
      auto fe = nik.error().fields.front();
      fe.field = at + "nik";
      e.push_back(fe);
    } else if (!niks.insert(b.nik).second) {
      e.push_back(field(at + "nik", "duplicate", "NIK ini sudah ada di susunan pengurus.", "This NIK is already on the board."));
    }
    if (b.name.empty() || b.name.size() > 200) e.push_back(field(at + "name", "required", "Nama pengurus wajib diisi.", "The member's name is required."));
    if (std::find(kPositions.begin(), kPositions.end(), b.position) == kPositions.end())
      e.push_back(field(at + "position", "not_allowed", "Jabatan tidak dikenal.", "Unknown position."));
    for (auto [name, value] : {std::pair{"term_start", &b.term_start}, {"term_end", &b.term_end}})
      if (!value->empty() && !parse_date(*value)) e.push_back(field(at + name, "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
    if (!b.term_start.empty() && !b.term_end.empty() && b.term_end < b.term_start)
      e.push_back(field(at + "term_end", "before_start", "Akhir masa bakti sebelum awalnya.", "The term ends before it starts."));
  }
  return e;
}

Result<int64_t> create_ormas(db::Conn& c, const auth::Scope& s, const OrmasInput& in, bool audit) {
  if (!s.covers(in.region_code)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (audit && !c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.region_code}))  // an import checked its regions
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  std::string expiry;
  if (auto d = opt_date(in.skt_issue_date)) expiry = format_date(skt_expiry(*d, rule_value(c, "SKT_VALIDITY", *d, 5)));
  std::string now = now_iso();
  std::string registry = !in.skt_no.empty() ? in.skt_no : in.ahu_decree_no;
  int64_t actor = actors::find_or_create_organisation(c, s, in.name, registry, in.region_code, audit);
  int64_t id = c.insert(
      "INSERT INTO ormas (name, abbreviation, name_key, legal_form, scope_level, fields, founding_date, deed_notary, deed_no, deed_date, "
      "ahu_decree_no, skt_no, skt_issue_date, skt_expiry_date, npwp, address, region_code, phone, email, lat, lng, actor_id, created_by, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {in.name, in.abbreviation, actors::name_key(in.name), in.legal_form, in.scope_level, join(in.fields, ','),
       text_or_null(in.founding_date), in.deed_notary, in.deed_no, text_or_null(in.deed_date), in.ahu_decree_no, in.skt_no,
       text_or_null(in.skt_issue_date), text_or_null(expiry), in.npwp, in.address, in.region_code, in.phone, in.email, opt(in.lat),
       opt(in.lng), actor, s.user_id, now, now});
  (void)actors::link(c, s, actor, {"ormas", "ormas", std::to_string(id), "ORMAS", in.name, in.region_code, 0}, false, true);
  for (auto& b : in.board) insert_board_member(c, s, id, in.name, in.region_code, b, audit);
  index_search_words(c, {id}, true);
  search::index(c, {"ormas", std::to_string(id), in.region_code, 0, in.name,
                    in.abbreviation + " " + in.address + " " + field_words(in.fields), "/ormas/" + std::to_string(id)});
  if (audit)
    append_audit(c, s, "create", "ormas", id, in.region_code,
          audit::snapshot({{"name", in.name}, {"legal_form", in.legal_form}, {"skt_no", in.skt_no},
                      {"board", static_cast<int64_t>(in.board.size())}}));
  return id;
}

Result<int64_t> add_board_member(db::Conn& c, const auth::Scope& s, int64_t ormas_id, int64_t version, const BoardInput& b) {
  auto o = find(c, s, ormas_id);
  if (!o) return Error::not_found("Ormas tidak ditemukan.", "Ormas not found.");
  if (o->version != version) return Error::stale_version();
  OrmasInput one;
  one.name = o->name;
  one.legal_form = "NON_BH";
  one.scope_level = "KABKOTA";
  one.region_code = o->region;
  one.board = {b};
  auto errs = validate(one, pantau::office_today(s.region_code));
  if (!errs.empty()) {
    for (auto& e : errs) e.field = e.field.rfind("board[0].", 0) == 0 ? e.field.substr(9) : e.field;
    return Error::invalid(errs);
  }
  if (c.query_i64("SELECT 1 FROM ormas_board_members WHERE ormas_id = ? AND nik = ?", {ormas_id, b.nik}))
    return Error::invalid_field("nik", "duplicate", "NIK ini sudah ada di susunan pengurus.", "This NIK is already on the board.");
  int64_t id = insert_board_member(c, s, ormas_id, o->name, o->region, b);
  index_search_words(c, {ormas_id}, false);
  c.exec("UPDATE ormas SET version = version + 1, updated_at = ? WHERE id = ?", {now_iso(), ormas_id});
  append_audit(c, s, "add_board_member", "ormas", ormas_id, o->region,
        audit::snapshot({{"member_id", id}, {"name", b.name}, {"position", b.position}}));
  return id;
}

namespace {

OrmasSummary summary_from(const db::Row& r, Date today) {
  OrmasSummary o;
  o.id = r.i64(0);
  o.name = r.str(1);
  o.abbreviation = r.str(2);
  o.legal_form = r.str(3);
  o.scope_level = r.str(4);
  o.fields = r.str(5);
  o.region_code = r.str(6);
  o.region_name = r.str(7);
  o.skt_expiry_date = r.opt_str(8);
  std::optional<Date> expiry = r.is_null(8) ? std::nullopt : parse_date(r.text(8));
  o.skt_state = std::string(name(skt_state(expiry, today, 90, 30)));
  o.skt_no = r.str(9);
  o.status = r.str(10);
  o.board_count = r.i64(11);
  o.version = r.i64(12);
  return o;
}

}  // namespace

db::Page<OrmasSummary> list_ormas(db::Conn& c, const auth::Scope& s, const ListFilter& f, Date today) {
  db::Params p;
  // With a search text the id list drives the query (see below): SQLite is told not to use the
  // region index then (a unary '+', which PostgreSQL does not accept on text and does not need).
  const bool searching = !trim(f.q).empty() && c.dialect() == db::Dialect::SQLite;
  std::string sql =
      "SELECT o.id, o.name, o.abbreviation, o.legal_form, o.scope_level, o.fields, o.region_code, COALESCE(g.name, ''), "
      "o.skt_expiry_date, o.skt_no, o.status, (SELECT COUNT(*) FROM ormas_board_members b WHERE b.ormas_id = o.id), o.version "
      "FROM ormas o LEFT JOIN regions g ON g.code = o.region_code WHERE " +
      s.record_filter(searching ? "+o.region_code" : "o.region_code", "o.classification", p);
  // The list's own filters on the ormas `o` (its region column given apart, see the word search).
  auto filters = [&](std::string& out, db::Params& q, const std::string& o, const std::string& region_column) {
    if (!f.region.empty()) {
      auth::Scope narrow = s;
      narrow.region_code = f.region;
      out += " AND " + narrow.region_filter(region_column, q);
    }
    if (!f.status.empty()) { out += " AND " + o + ".status = ?"; q.emplace_back(f.status); }
    if (!f.field.empty()) { out += " AND (',' || " + o + ".fields || ',') LIKE ?"; q.emplace_back("%," + f.field + ",%"); }
    if (f.skt == "EXPIRED") { out += " AND " + o + ".skt_expiry_date < ?"; q.emplace_back(format_date(today)); }
    if (f.skt == "EXPIRING") {
      out += " AND " + o + ".skt_expiry_date >= ? AND " + o + ".skt_expiry_date <= ?";
      q.emplace_back(format_date(today));
      q.emplace_back(format_date(civil_from_days(days_from_civil(today) + 90)));
    }
  };
  filters(sql, p, "o", "o.region_code");
  std::string q = trim(f.q);
  bool digits = q.size() == 16 && std::all_of(q.begin(), q.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (digits) {
    // A NIK finds a board member's ormas only for a viewer cleared to see NIKs.
    if (!s.cleared_for(actors::kIdentifierClearance)) return {};
    sql += " AND o.id IN (SELECT b.ormas_id FROM ormas_board_members b WHERE b.nik = ?)";
    p.emplace_back(q);
  } else if (!q.empty()) {
    auto words = actors::name_words(q);
    if (words.empty()) return {};
    // One word: any word of the names of the ormas' actors (its own and its members') starting
    // with it. Two or more: names starting with those words (the prefix of the whole name key,
    // "ahmad hidayat" -> "ahmadhidayat…", kept in the same table as "#ahmadhidayat…"). Either
    // way the page's ids come from ormas_words alone, read through its key (word, region_code,
    // ormas_id) within the viewer's region range and cut to the page there (newest first, after
    // the cursor, `limit + 1`): a common name among a million members costs what the viewer's
    // region holds, and the outer query reads one page of ormas rows. The other filters join
    // the ormas rows only when asked for.
    std::string lo;
    if (words.size() == 1) {
      lo = words[0];
    } else {
      lo = "#";
      for (auto& w : words) lo += w;
    }
    const std::string hi = lo + "{";
    const bool joined = !f.status.empty() || !f.field.empty() || !f.skt.empty();
    // The first and last entry of the range (two seeks): none is no match at all; one word
    // holds each ormas once, so the page needs no grouping (a top-N sort of ids, not a
    // temporary B-tree of every match).
    auto first = c.query_str("SELECT word FROM ormas_words WHERE word >= ? AND word < ? ORDER BY word LIMIT 1", {lo, hi});
    if (!first) return {};
    auto last = c.query_str("SELECT word FROM ormas_words WHERE word >= ? AND word < ? ORDER BY word DESC LIMIT 1", {lo, hi});
    const bool one_word = last && *last == *first;
    std::string ids = "SELECT w.ormas_id FROM ormas_words w";
    if (joined) ids += " JOIN ormas o2 ON o2.id = w.ormas_id";
    ids += one_word ? " WHERE w.word = ?" : " WHERE w.word >= ? AND w.word < ?";
    p.emplace_back(one_word ? *first : lo);
    if (!one_word) p.emplace_back(hi);
    ids += " AND " + s.record_filter("w.region_code", "w.classification", p);
    if (joined) filters(ids, p, "o2", "w.region_code");
    else if (!f.region.empty()) {
      auth::Scope narrow = s;
      narrow.region_code = f.region;
      ids += " AND " + narrow.region_filter("w.region_code", p);
    }
    if (f.page.after) {
      ids += " AND w.ormas_id < ?";
      p.emplace_back(*f.page.after);
    }
    ids += one_word ? " ORDER BY w.ormas_id DESC LIMIT ?" : " GROUP BY w.ormas_id ORDER BY w.ormas_id DESC LIMIT ?";
    p.emplace_back(int64_t{f.page.limit} + 1);
    sql += " AND o.id IN (" + ids + ")";
  }
  return db::keyset_page(c, std::move(sql), std::move(p), f.page, "o.id",
                         [&](const db::Row& r) { return summary_from(r, today); }, db::KeyOrder::Descending);
}

std::optional<Ormas> get_ormas(db::Conn& c, const auth::Scope& s, int64_t id, Date today) {
  db::Params p{id};
  std::string where = s.record_filter("o.region_code", "o.classification", p);
  std::optional<Ormas> out;
  WorkingDayCalendar cal = load_calendar(c);
  int first = rule_value(c, "SKT_REMIND_FIRST", today, 90), second = rule_value(c, "SKT_REMIND_SECOND", today, 30);
  c.query("SELECT o.id, o.name, o.abbreviation, o.legal_form, o.scope_level, o.fields, o.founding_date, o.deed_notary, o.deed_no, "
          "o.deed_date, o.ahu_decree_no, o.skt_no, o.skt_issue_date, o.skt_expiry_date, o.npwp, o.address, o.region_code, "
          "COALESCE(g.name, ''), o.phone, o.email, o.lat, o.lng, o.status, o.actor_id, o.version, o.created_at "
          "FROM ormas o LEFT JOIN regions g ON g.code = o.region_code WHERE o.id = ? AND " + where, p, [&](const db::Row& r) {
            Ormas& o = out.emplace();
            std::optional<Date> expiry = r.is_null(13) ? std::nullopt : parse_date(r.text(13));
            o.id = r.i64(0);
            o.name = r.str(1);
            o.abbreviation = r.str(2);
            o.legal_form = r.str(3);
            o.scope_level = r.str(4);
            for (auto& f : split(r.text(5), ','))
              if (!f.empty()) o.fields.push_back(f);
            o.founding_date = r.opt_str(6);
            o.deed_notary = r.str(7);
            o.deed_no = r.str(8);
            o.deed_date = r.opt_str(9);
            o.ahu_decree_no = r.str(10);
            o.skt_no = r.str(11);
            o.skt_issue_date = r.opt_str(12);
            o.skt_expiry_date = r.opt_str(13);
            o.skt_state = std::string(name(skt_state(expiry, today, first, second)));
            o.npwp = r.str(14);
            o.address = r.str(15);
            o.region_code = r.str(16);
            o.region_name = r.str(17);
            o.phone = r.str(18);
            o.email = r.str(19);
            o.lat = r.opt_f64(20);
            o.lng = r.opt_f64(21);
            o.status = r.str(22);
            o.actor_id = r.opt_i64(23);
            o.version = r.i64(24);
            o.created_at = r.str(25);
          });
  if (!out) return out;
  Ormas& o = *out;
  const bool cleared = s.cleared_for(actors::kIdentifierClearance);
  o.identifiers_masked = !cleared;
  c.query("SELECT b.id, b.actor_id, b.nik, b.name, b.position, b.term_start, b.term_end, b.is_state_official, "
          "(SELECT COUNT(DISTINCT x.ormas_id) FROM ormas_board_members x WHERE x.nik = b.nik AND x.ormas_id <> b.ormas_id) "
          "FROM ormas_board_members b WHERE b.ormas_id = ? ORDER BY b.id", {id}, [&](const db::Row& r) {
            o.board.push_back({r.i64(0), r.i64(1), r.i64(8), cleared ? r.str(2) : actors::mask_identifier(r.text(2)), r.str(3), r.str(4),
                               r.opt_str(5), r.opt_str(6), r.i64(7) != 0});
          });
  // Registrations with their checklist and clocks.
  c.query("SELECT id, region_code, status, submitted_on, clock_start, verification_due, completion_due, receipt_no, decided_on, reason, version "
          "FROM ormas_registrations WHERE ormas_id = ? ORDER BY id", {id}, [&](const db::Row& r) {
            Registration& g = o.registrations.emplace_back();
            g.id = r.i64(0);
            g.region_code = r.str(1);
            g.status = r.str(2);
            g.submitted_on = r.str(3);
            g.clock_start = r.str(4);
            g.verification_due = r.str(5);
            g.completion_due = r.opt_str(6);
            g.receipt_no = r.str(7);
            g.decided_on = r.opt_str(8);
            g.reason = r.str(9);
            g.version = r.i64(10);
            // The running clock: the office's while verifying, the applicant's while completing.
            const std::string& st = g.status;
            std::optional<std::string> due;
            if (st == "SUBMITTED" || st == "UNDER_VERIFICATION" || st == "RESUBMITTED") due = g.verification_due;
            if (st == "INCOMPLETE_NOTIFIED") due = g.completion_due;
            if (due)
              g.clock = Clock{st == "INCOMPLETE_NOTIFIED" ? "APPLICANT" : "OFFICE", *due, working_days_left(cal, today, *parse_date(*due))};
          });
  for (auto& g : o.registrations)
    c.query("SELECT d.doc_type, t.name_id, t.name_en, t.legal_basis, d.verdict, d.note, d.checked_at FROM ormas_registration_documents d "
            "JOIN ormas_document_types t ON t.code = d.doc_type WHERE d.registration_id = ? ORDER BY t.sort", {g.id}, [&](const db::Row& r) {
              g.documents.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.opt_str(6)});
            });
  c.query("SELECT id, year, due_date, submitted_on, activities, finances_summary FROM ormas_annual_reports WHERE ormas_id = ? ORDER BY year",
          {id}, [&](const db::Row& r) {
            o.annual_reports.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(3) > r.str(2)});
          });
  c.query("SELECT id, regime, step, level, decree_no, issued_on, compliance_due, complied_on, legal_basis, reason, version "
          "FROM ormas_sanctions WHERE ormas_id = ? ORDER BY step, id", {id}, [&](const db::Row& r) {
            Sanction x;
            x.id = r.i64(0);
            x.regime = r.str(1);
            x.step = r.i64(2);
            x.level = r.str(3);
            x.decree_no = r.str(4);
            x.issued_on = r.str(5);
            x.compliance_due = r.opt_str(6);
            x.complied_on = r.opt_str(7);
            x.legal_basis = r.str(8);
            x.reason = r.str(9);
            x.version = r.i64(10);
            if (x.compliance_due && !x.complied_on) x.working_days_left = working_days_left(cal, today, *parse_date(*x.compliance_due));
            o.sanctions.push_back(std::move(x));
          });
  return out;
}

std::vector<SharedMember> duplicates(db::Conn& c, const auth::Scope& s) {
  const bool cleared = s.cleared_for(actors::kIdentifierClearance);
  db::Params p;
  std::string where = s.region_filter("b.region_code", p);
  std::vector<SharedMember> out;
  std::string current;
  c.query("SELECT b.nik, b.name, b.actor_id, b.ormas_id, o.name, b.position, b.region_code FROM ormas_board_members b "
          "JOIN ormas o ON o.id = b.ormas_id WHERE " + where + " AND b.nik IN (SELECT x.nik FROM ormas_board_members x "
          "GROUP BY x.nik HAVING COUNT(DISTINCT x.ormas_id) > 1) ORDER BY b.nik, b.ormas_id LIMIT 2000", p, [&](const db::Row& r) {
            if (out.empty() || r.str(0) != current) {
              current = r.str(0);
              out.push_back({cleared ? current : actors::mask_identifier(current), r.str(1), r.i64(2), {}});
            }
            out.back().ormas.push_back({r.i64(3), r.str(4), r.str(5), r.str(6)});
          });
  return out;
}

namespace {

struct RegRow {
  int64_t id = 0, ormas_id = 0, version = 0;
  std::string region, status, completion_due;
};

std::optional<RegRow> find_reg(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.region_filter("r.region_code", p);
  std::optional<RegRow> out;
  c.query("SELECT r.id, r.ormas_id, r.version, r.region_code, r.status, COALESCE(r.completion_due, '') FROM ormas_registrations r "
          "WHERE r.id = ? AND " + where, p, [&](const db::Row& r) {
            out = RegRow{r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5)};
          });
  return out;
}

}  // namespace

Result<int64_t> create_registration(db::Conn& c, const auth::Scope& s, int64_t ormas_id, const std::string& submitted_on) {
  auto o = find(c, s, ormas_id);
  if (!o) return Error::not_found("Ormas tidak ditemukan.", "Ormas not found.");
  auto on = parse_date(submitted_on);
  if (!on) return Error::invalid_field("submitted_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (c.query_i64("SELECT 1 FROM ormas_registrations WHERE ormas_id = ? AND status NOT IN ('CLOSED', 'REFUSED', 'RECEIPT_ISSUED')", {ormas_id}))
    return Error::conflict("ormas.registration_open", "Ormas ini sudah punya pendaftaran yang sedang berjalan.",
                           "This ormas already has a registration in progress.");
  WorkingDayCalendar cal = load_calendar(c);
  Date due = working_due(cal, *on, rule_value(c, "VERIFICATION", *on, 15));
  std::string now = now_iso();
  int64_t id = c.insert("INSERT INTO ormas_registrations (ormas_id, region_code, submitted_on, clock_start, verification_due, created_by, "
                        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        {ormas_id, o->region, submitted_on, submitted_on, format_date(due), s.user_id, now, now});
  // The checklist: the documents that apply to this ormas.
  bool religion = o->fields.find("AGAMA") != std::string::npos, belief = o->fields.find("KEPERCAYAAN") != std::string::npos;
  bool official = c.query_i64("SELECT 1 FROM ormas_board_members WHERE ormas_id = ? AND is_state_official = 1", {ormas_id}).has_value();
  std::vector<std::string> types;
  c.query("SELECT code, applies FROM ormas_document_types ORDER BY sort", {}, [&](const db::Row& r) {
    std::string a = r.str(1);
    bool applies = a == "ALWAYS" || (a == "RELIGION" && religion) || (a == "BELIEF" && belief) || (a == "STATE_OFFICIAL" && official) ||
                   (a == "NON_BH" && o->legal_form == "NON_BH") || (a == "BH" && o->legal_form != "NON_BH");
    if (applies) types.push_back(r.str(0));
  });
  for (auto& t : types)
    c.exec("INSERT INTO ormas_registration_documents (registration_id, doc_type) VALUES (?, ?)", {id, t});
  append_audit(c, s, "create", "ormas_registration", id, o->region,
        audit::snapshot({{"ormas_id", ormas_id}, {"submitted_on", submitted_on}, {"verification_due", format_date(due)}}));
  return id;
}

Status judge_document(db::Conn& c, const auth::Scope& s, int64_t reg_id, const std::string& doc_type, const std::string& verdict,
                      const std::string& note) {
  auto r = find_reg(c, s, reg_id);
  if (!r) return Error::not_found("Pendaftaran tidak ditemukan.", "Registration not found.");
  if (r->status != "UNDER_VERIFICATION" && r->status != "SUBMITTED" && r->status != "RESUBMITTED")
    return Error::conflict("ormas.not_verifying", "Dokumen hanya dinilai selama verifikasi.", "Documents are judged only during verification.");
  if (verdict != "VALID" && verdict != "INVALID" && verdict != "PENDING")
    return Error::invalid_field("verdict", "not_allowed", "Pilih VALID, INVALID, atau PENDING.", "Choose VALID, INVALID or PENDING.");
  if (verdict == "INVALID" && note.empty())
    return Error::invalid_field("note", "required", "Sebutkan kekurangan dokumen.", "Say what is wrong with the document.");
  int64_t n = c.exec("UPDATE ormas_registration_documents SET verdict = ?, note = ?, checked_by = ?, checked_at = ? "
                     "WHERE registration_id = ? AND doc_type = ?", {verdict, note, s.user_id, now_iso(), reg_id, doc_type});
  if (n == 0) return Error::invalid_field("doc_type", "not_found", "Dokumen ini tidak ada dalam daftar periksa.", "This document is not on the checklist.");
  c.exec("UPDATE ormas_registrations SET version = version + 1, updated_at = ? WHERE id = ?", {now_iso(), reg_id});
  append_audit(c, s, "judge_document", "ormas_registration", reg_id, r->region,
        audit::snapshot({{"doc_type", doc_type}, {"verdict", verdict}, {"note", note}}));
  return {};
}

Status registration_action(db::Conn& c, const auth::Scope& s, int64_t reg_id, int64_t version, const std::string& action,
                           const std::string& on_text, const std::string& receipt_no, const std::string& reason, Date today) {
  auto r = find_reg(c, s, reg_id);
  if (!r) return Error::not_found("Pendaftaran tidak ditemukan.", "Registration not found.");
  if (r->version != version) return Error::stale_version();
  Date on = on_text.empty() ? today : parse_date(on_text).value_or(Date{});
  if (!on_text.empty() && !parse_date(on_text))
    return Error::invalid_field("on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  RegFacts f;
  int64_t required = c.query_i64("SELECT COUNT(*) FROM ormas_registration_documents WHERE registration_id = ?", {reg_id}).value_or(0);
  int64_t valid = c.query_i64("SELECT COUNT(*) FROM ormas_registration_documents WHERE registration_id = ? AND verdict = 'VALID'", {reg_id}).value_or(0);
  f.all_required_valid = required > 0 && valid == required;
  f.any_not_valid = valid < required;
  f.completion_overdue = !r->completion_due.empty() && format_date(today) > r->completion_due;
  auto from = parse_reg_state(r->status);
  if (!from) return Error::internal("unknown registration state");
  PANTAU_TRY(RegState to, reg_transition(*from, action, f));
  if (action == "issue_receipt" && receipt_no.empty())
    return Error::invalid_field("receipt_no", "required", "Nomor surat keterangan tanda lapor wajib diisi.", "The receipt number is required.");
  if (action == "refuse" && reason.empty())
    return Error::invalid_field("reason", "required", "Alasan penolakan wajib diisi.", "The reason for refusal is required.");
  WorkingDayCalendar cal = load_calendar(c);
  std::string sql = "UPDATE ormas_registrations SET status = ?, version = version + 1, updated_at = ?";
  db::Params p{std::string(name(to)), now_iso()};
  if (action == "notify_incomplete") {
    sql += ", completion_due = ?";
    p.emplace_back(format_date(working_due(cal, on, rule_value(c, "COMPLETION", on, 15))));
  }
  if (action == "resubmit") {
    // Completed documents restart the office's verification clock.
    sql += ", clock_start = ?, verification_due = ?";
    p.emplace_back(format_date(on));
    p.emplace_back(format_date(working_due(cal, on, rule_value(c, "VERIFICATION", on, 15))));
    c.exec("UPDATE ormas_registration_documents SET verdict = 'PENDING' WHERE registration_id = ? AND verdict = 'INVALID'", {reg_id});
  }
  if (action == "issue_receipt") { sql += ", receipt_no = ?"; p.emplace_back(receipt_no); }
  if (action == "approve" || action == "refuse" || action == "issue_receipt") { sql += ", decided_on = ?"; p.emplace_back(format_date(on)); }
  if (!reason.empty()) { sql += ", reason = ?"; p.emplace_back(reason); }
  sql += " WHERE id = ?";
  p.emplace_back(reg_id);
  c.exec(sql, p);
  append_audit(c, s, action, "ormas_registration", reg_id, r->region,
        audit::snapshot({{"from", r->status}, {"to", std::string(name(to))}, {"on", format_date(on)}, {"receipt_no", receipt_no},
                    {"reason", reason}}));
  return {};
}

Result<int64_t> add_annual_report(db::Conn& c, const auth::Scope& s, int64_t ormas_id, int year, const std::string& submitted_on,
                                  const std::string& activities, const std::string& finances) {
  auto o = find(c, s, ormas_id);
  if (!o) return Error::not_found("Ormas tidak ditemukan.", "Ormas not found.");
  auto on = parse_date(submitted_on);
  if (!on) return Error::invalid_field("submitted_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (year < 2000 || year > on->year)
    return Error::invalid_field("year", "out_of_range", "Tahun laporan tidak valid.", "The report's year is not valid.");
  if (activities.empty())
    return Error::invalid_field("activities", "required", "Uraian kegiatan wajib diisi.", "The activities are required.");
  if (c.query_i64("SELECT 1 FROM ormas_annual_reports WHERE ormas_id = ? AND year = ?", {ormas_id, int64_t{year}}))
    return Error::conflict("ormas.report_exists", "Laporan tahun ini sudah ada.", "This year's report already exists.");
  Date due = annual_report_due(year, rule_value(c, "ANNUAL_REPORT", Date{year, 12, 31}, 0));
  int64_t id = c.insert("INSERT INTO ormas_annual_reports (ormas_id, year, due_date, submitted_on, activities, finances_summary, created_by, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        {ormas_id, int64_t{year}, format_date(due), submitted_on, activities, finances, s.user_id, now_iso()});
  append_audit(c, s, "create", "ormas_annual_report", id, o->region,
        audit::snapshot({{"ormas_id", ormas_id}, {"year", int64_t{year}}, {"due_date", format_date(due)}, {"submitted_on", submitted_on}}));
  return id;
}

Result<int64_t> impose_sanction(db::Conn& c, const auth::Scope& s, int64_t ormas_id, const std::string& level,
                                const std::string& decree_no, const std::string& issued_on, const std::string& reason, bool grave) {
  auto o = find(c, s, ormas_id);
  if (!o) return Error::not_found("Ormas tidak ditemukan.", "Ormas not found.");
  auto on = parse_date(issued_on);
  std::vector<FieldError> e;
  if (!on) e.push_back(field("issued_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  if (decree_no.empty()) e.push_back(field("decree_no", "required", "Nomor keputusan wajib diisi.", "The decree number is required."));
  if (reason.empty()) e.push_back(field("reason", "required", "Alasan (larangan yang dilanggar) wajib diisi.", "The reason (the prohibition breached) is required."));
  if (!e.empty()) return Error::invalid(e);
  if (o->status == "REVOKED") return Error::conflict("ormas.revoked", "SKT/badan hukum ormas ini sudah dicabut.", "This ormas was already revoked.");
  std::vector<IssuedSanction> issued;
  std::string regime;
  c.query("SELECT step, level, complied_on, regime FROM ormas_sanctions WHERE ormas_id = ? ORDER BY step", {ormas_id}, [&](const db::Row& r) {
    issued.push_back({static_cast<int>(r.i64(0)), r.str(1), !r.is_null(2)});
    regime = r.str(3);
  });
  auto ladder = ladder_on(all_steps(c), *on);
  // A case started under one regime continues on its ladder only if that regime is still in force.
  if (!regime.empty() && !ladder.empty() && ladder.front().regime != regime) issued.clear();
  PANTAU_TRY(SanctionStep step, next_sanction(ladder, issued, level, grave));
  WorkingDayCalendar cal = load_calendar(c);
  auto due = compliance_due(step, *on, cal);
  int64_t id = c.insert("INSERT INTO ormas_sanctions (ormas_id, regime, step, level, decree_no, issued_on, compliance_due, legal_basis, reason, "
                        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {ormas_id, step.regime, int64_t{step.step}, step.level, decree_no, issued_on,
                         due ? db::Value(format_date(*due)) : db::Value(), step.legal_basis, reason, s.user_id, now_iso()});
  std::string status = step.level == "ACTIVITY_STOP" ? "ACTIVITY_STOPPED" : step.level == "REVOCATION" ? "REVOKED" : "";
  if (!status.empty())
    c.exec("UPDATE ormas SET status = ?, version = version + 1, updated_at = ? WHERE id = ?", {status, now_iso(), ormas_id});
  append_audit(c, s, "sanction", "ormas", ormas_id, o->region,
        audit::snapshot({{"sanction_id", id}, {"level", step.level}, {"step", int64_t{step.step}}, {"decree_no", decree_no},
                    {"issued_on", issued_on}, {"legal_basis", step.legal_basis},
                    {"compliance_due", due ? audit::SnapshotValue(format_date(*due)) : audit::SnapshotValue(nullptr)}}));
  return id;
}

Status comply_sanction(db::Conn& c, const auth::Scope& s, int64_t sanction_id, const std::string& complied_on) {
  auto ormas_id = c.query_i64("SELECT ormas_id FROM ormas_sanctions WHERE id = ?", {sanction_id});
  auto o = ormas_id ? find(c, s, *ormas_id) : std::nullopt;
  if (!o) return Error::not_found("Sanksi tidak ditemukan.", "Sanction not found.");
  if (!parse_date(complied_on)) return Error::invalid_field("complied_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (c.exec("UPDATE ormas_sanctions SET complied_on = ?, version = version + 1 WHERE id = ? AND complied_on IS NULL", {complied_on, sanction_id}) == 0)
    return Error::conflict("ormas.already_complied", "Kepatuhan sudah dicatat.", "Compliance was already recorded.");
  append_audit(c, s, "comply", "ormas_sanction", sanction_id, o->region, audit::snapshot({{"complied_on", complied_on}}));
  return {};
}

Reminders reminders(db::Conn& c, const auth::Scope& s, Date today) {
  WorkingDayCalendar cal = load_calendar(c);
  int first = rule_value(c, "SKT_REMIND_FIRST", today, 90), second = rule_value(c, "SKT_REMIND_SECOND", today, 30);
  Reminders out;
  {
    db::Params p{format_date(civil_from_days(days_from_civil(today) + first))};
    std::string sql = "SELECT id, name, region_code, skt_no, skt_expiry_date FROM ormas WHERE skt_expiry_date IS NOT NULL AND "
                      "skt_expiry_date <= ? AND status <> 'REVOKED' AND " + s.record_filter("region_code", "classification", p) +
                      " ORDER BY skt_expiry_date LIMIT 500";
    c.query(sql, p, [&](const db::Row& r) {
      Date exp = *parse_date(r.text(4));
      out.skt.push_back({r.i64(0), days_from_civil(exp) - days_from_civil(today), r.str(1), r.str(2), r.str(3), r.str(4),
                         std::string(name(skt_state(exp, today, first, second)))});
    });
  }
  {
    db::Params p;
    std::string sql = "SELECT r.id, r.ormas_id, o.name, r.status, r.verification_due, r.completion_due FROM ormas_registrations r "
                      "JOIN ormas o ON o.id = r.ormas_id WHERE r.status IN ('SUBMITTED', 'UNDER_VERIFICATION', 'RESUBMITTED', "
                      "'INCOMPLETE_NOTIFIED') AND " + s.record_filter("o.region_code", "o.classification", p) + " ORDER BY r.verification_due LIMIT 500";
    c.query(sql, p, [&](const db::Row& r) {
      bool applicant = r.text(3) == "INCOMPLETE_NOTIFIED";
      std::string due = applicant ? r.opt_str(5).value_or("") : r.str(4);
      if (due.empty()) return;
      out.registrations.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), applicant ? "APPLICANT" : "OFFICE", due,
                                   working_days_left(cal, today, *parse_date(due))});
    });
  }
  {
    // Last year's report, once its due date has passed and nothing was submitted.
    int year = today.year - 1;
    Date due = annual_report_due(year, rule_value(c, "ANNUAL_REPORT", Date{year, 12, 31}, 0));
    if (today > due) {
      db::Params p{int64_t{year}};
      std::string sql = "SELECT o.id, o.name, o.region_code FROM ormas o WHERE o.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM "
                        "ormas_annual_reports a WHERE a.ormas_id = o.id AND a.year = ?) AND " +
                        s.record_filter("o.region_code", "o.classification", p) + " ORDER BY o.id LIMIT 500";
      c.query(sql, p, [&](const db::Row& r) { out.annual_reports.push_back({r.i64(0), r.str(1), r.str(2), format_date(due), year}); });
    }
  }
  {
    db::Params p;
    std::string sql = "SELECT x.id, x.ormas_id, o.name, x.level, x.decree_no, x.issued_on, x.compliance_due FROM ormas_sanctions x "
                      "JOIN ormas o ON o.id = x.ormas_id WHERE x.compliance_due IS NOT NULL AND x.complied_on IS NULL AND " +
                      s.record_filter("o.region_code", "o.classification", p) + " ORDER BY x.compliance_due LIMIT 500";
    c.query(sql, p, [&](const db::Row& r) {
      out.warnings.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6),
                              working_days_left(cal, today, *parse_date(r.text(6)))});
    });
  }
  return out;
}

Result<ImportReport> import_ormas(db::Conn& c, const auth::Scope& s, const CsvTable& t, const std::string& file_sha256) {
  ImportReport rep;
  for (auto col : {"name", "legal_form", "scope_level", "region_code"})
    if (t.column(col) < 0)
      return Error::invalid_field("file", "missing_column", fmt::format("Kolom {} tidak ada di berkas.", col),
                                  fmt::format("The column {} is missing from the file.", col));
  enum Col { kName, kAbbreviation, kLegalForm, kScopeLevel, kRegion, kFields, kFounding, kDeedNotary, kDeedNo, kDeedDate, kAhu, kSkt,
             kSktIssue, kNpwp, kAddress, kPhone, kEmail, kKetuaNik, kKetuaNama, kSekretarisNik, kSekretarisNama, kBendaharaNik,
             kBendaharaNama, kColumns };
  static constexpr const char* kNames[kColumns] = {
      "name", "abbreviation", "legal_form", "scope_level", "region_code", "fields", "founding_date", "deed_notary", "deed_no",
      "deed_date", "ahu_decree_no", "skt_no", "skt_issue_date", "npwp", "address", "phone", "email", "ketua_nik", "ketua_nama",
      "sekretaris_nik", "sekretaris_nama", "bendahara_nik", "bendahara_nama"};
  int at[kColumns];
  for (int k = 0; k < kColumns; ++k) at[k] = t.column(kNames[k]);
  Date today = pantau::office_today(s.region_code);
  std::set<std::string> regions;
  c.query("SELECT code FROM regions", {}, [&](const db::Row& r) { regions.insert(r.str(0)); });
  const size_t n = t.rows.size();
  rep.rows = static_cast<int>(n);
  std::vector<OrmasInput> inputs(n);
  std::vector<std::vector<FieldError>> errors(n);
  // Every name normalised once (the actor's key and words, the records' name_key).
  std::vector<actors::NameParts> org_names(n);
  std::vector<std::vector<actors::NameParts>> board_names(n);
  // Reading, checking and normalising a row touches no database: the rows are shared out over
  // the cores before the write statements (a row's outcome does not depend on the others).
  auto prepare = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      auto& row = t.rows[i];
      auto cell = [&](Col k) { return at[k] < 0 ? std::string() : trim(row[static_cast<size_t>(at[k])]); };
      OrmasInput& in = inputs[i];
      in.name = cell(kName);
      in.abbreviation = cell(kAbbreviation);
      in.legal_form = cell(kLegalForm);
      in.scope_level = cell(kScopeLevel);
      in.region_code = cell(kRegion);
      for (auto& f : split(cell(kFields), ','))
        if (!trim(f).empty()) in.fields.push_back(trim(f));
      in.founding_date = cell(kFounding);
      in.deed_notary = cell(kDeedNotary);
      in.deed_no = cell(kDeedNo);
      in.deed_date = cell(kDeedDate);
      in.ahu_decree_no = cell(kAhu);
      in.skt_no = cell(kSkt);
      in.skt_issue_date = cell(kSktIssue);
      in.npwp = cell(kNpwp);
      in.address = cell(kAddress);
      in.phone = cell(kPhone);
      in.email = cell(kEmail);
      for (auto [pos, nik_col, name_col] : {std::tuple{"KETUA", kKetuaNik, kKetuaNama}, {"SEKRETARIS", kSekretarisNik, kSekretarisNama},
                                            {"BENDAHARA", kBendaharaNik, kBendaharaNama}}) {
        std::string nik = cell(nik_col), nm = cell(name_col);
        if (!nik.empty() || !nm.empty()) in.board.push_back({std::move(nik), std::move(nm), pos, "", "", false});
      }
      auto errs = validate(in, today);
      if (errs.empty() && !s.covers(in.region_code))
        errs.push_back(field("region_code", "forbidden", "Wilayah ini di luar cakupan Anda.", "This region is outside your scope."));
      if (errs.empty() && !regions.count(in.region_code))
        errs.push_back(field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist."));
      errors[i] = std::move(errs);
      if (!errors[i].empty()) continue;
      org_names[i] = actors::name_parts(in.name);
      for (auto& b : in.board) board_names[i].push_back(actors::name_parts(b.name));
    }
  };
  {
    const size_t workers = n < 2000 ? 1 : std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4);
    const size_t per = (n + workers - 1) / std::max<size_t>(workers, 1);
    std::vector<std::exception_ptr> failed(workers);
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w)
      pool.emplace_back([&, w] {
        try {
          prepare(std::min(n, w * per), std::min(n, (w + 1) * per));
        } catch (...) {
          failed[w] = std::current_exception();
        }
      });
    try {
      prepare(0, std::min(n, per));
    } catch (...) {
      failed[0] = std::current_exception();
    }
    for (auto& th : pool) th.join();
    for (auto& f : failed)
      if (f) std::rethrow_exception(f);
  }
  for (size_t i = 0; i < n; ++i) {
    int line = t.row_lines.empty() ? static_cast<int>(i) + 2 : t.row_lines[i];
    for (auto& e : errors[i]) rep.refused.emplace_back(line, std::move(e));
  }
  if (!rep.refused.empty()) return rep;
  if (inputs.empty()) {
    append_audit(c, s, "import", "ormas", 0, s.region_code,
                 audit::snapshot({{"file_sha256", file_sha256}, {"rows", int64_t{0}}, {"first_id", int64_t{0}}, {"last_id", int64_t{0}}}));
    return rep;
  }
  // The bulk path: every id reserved first, the actors found in batches, then every table
  // written with multi-row statements (actors before the records that refer to them).
  size_t members = 0;
  std::vector<std::string> niks;
  std::vector<std::pair<std::string, std::string>> orgs;
  orgs.reserve(n);
  for (auto& in : inputs) {
    members += in.board.size();
    orgs.emplace_back(in.name, !in.skt_no.empty() ? in.skt_no : in.ahu_decree_no);
    for (auto& b : in.board) niks.push_back(b.nik);
  }
  db::BulkCache cache(c);  // a larger SQLite page cache while the rows are written
  auto ormas_ids = db::reserve_ids(c, "ormas", inputs.size());
  auto member_ids = db::reserve_ids(c, "ormas_board_members", members);
  actors::Bulk bulk(c, s);
  bulk.prefetch_people(niks);
  bulk.prefetch_organisations(orgs);
  // The first import of a registry (into tables smaller than the file): the secondary indexes
  // of the four tables it fills are built once at the end instead of taking 1.2 million keys
  // one at a time (after the look-ups above, which read them).
  db::DeferredIndexes indexes(c, {{"actors", inputs.size() + members}, {"actor_links", inputs.size() + members},
                                      {"ormas", inputs.size()}, {"ormas_board_members", members}});
  // SKT validity (years) by issue date, read here: the rows are built on another thread.
  std::map<std::string, int> validity;
  for (auto& in : inputs)
    if (auto d = opt_date(in.skt_issue_date); d && !validity.count(in.skt_issue_date))
      validity.emplace(in.skt_issue_date, rule_value(c, "SKT_VALIDITY", *d, 5));
  bulk.reserve(inputs.size() + members);  // from here the Bulk needs no database (every key was prefetched)
  const std::string now = now_iso();
  std::vector<search::Document> docs;
  docs.reserve(inputs.size());
  // The names of each ormas' actors (its own, then its members'), for its search words.
  std::vector<std::vector<const actors::NameParts*>> actor_names(inputs.size());
  std::vector<const std::string*> ormas_regions(inputs.size());
  // The rows are built on a second thread (no database: the look-ups were done above) while this
  // one, the connection's, writes the chunk before: a chunk of 2,000 ormas at a time (the actors
  // of a chunk, then its ormas and members), so that the pending rows stay small (a whole file's
  // cells at once cost more in allocation and page faults than the SQL itself), each cell moved
  // or copied once into its row; then the search words of the whole file, sorted.
  struct Chunk {
    actors::Bulk::Rows actors;
    db::Params ormas, members;
  };
  Handoff<Chunk> chunks(2);
  Handoff<db::Params> actor_word_rows(2), word_rows(2);
  std::exception_ptr build_failed;
  auto build = [&] {
    constexpr size_t kChunk = 2000;
    auto put = [](db::Params& p, auto&&... v) { (p.emplace_back(std::forward<decltype(v)>(v)), ...); };
    size_t m = 0;
    for (size_t from = 0; from < inputs.size(); from += kChunk) {
      const size_t to = std::min(inputs.size(), from + kChunk);
      Chunk chunk;
      chunk.ormas.reserve((to - from) * 26);
      chunk.members.reserve((to - from) * 3 * 12);
      for (size_t i = from; i < to; ++i) {
        OrmasInput& in = inputs[i];
        const int64_t id = ormas_ids[i];
        std::string sid = std::to_string(id);
        std::string expiry;
        if (auto d = opt_date(in.skt_issue_date)) expiry = format_date(skt_expiry(*d, validity.at(in.skt_issue_date)));
        int64_t actor = bulk.organisation(in.name, orgs[i].second, in.region_code, &org_names[i]);
        bulk.link(actor, {"ormas", "ormas", sid, "ORMAS", in.name, in.region_code, 0});
        actor_names[i].push_back(&bulk.name_of(actor));
        ormas_regions[i] = &in.region_code;  // kept: region_code is copied into the rows, never moved
        for (size_t k = 0; k < in.board.size(); ++k) {
          BoardInput& b = in.board[k];
          const int64_t bid = member_ids[m++];
          int64_t person = bulk.person({b.name, b.nik, "", "", in.region_code}, &board_names[i][k]);
          actor_names[i].push_back(&bulk.name_of(person));
          bulk.link(person, {"ormas", "ormas_board_member", std::to_string(bid), "ORMAS_BOARD",
                             position_label(b.position) + ", " + in.name, in.region_code, 0});
          put(chunk.members, bid, id, person, std::move(b.nik), board_names[i][k].key, std::move(b.name), std::move(b.position),
              text_or_null(b.term_start), text_or_null(b.term_end), int64_t{b.is_state_official}, in.region_code, now);
        }
        auto& doc = docs.emplace_back(search::Document{"ormas", sid, in.region_code, 0, in.name,
                                                       in.abbreviation + " " + in.address + " " + field_words(in.fields), "/ormas/" + sid});
        doc.terms = search::document_terms(doc);  // here, not on the connection's thread
        put(chunk.ormas, id, org_names[i].key, std::move(in.name), std::move(in.abbreviation), std::move(in.legal_form),
            std::move(in.scope_level), join(in.fields, ','), text_or_null(in.founding_date), std::move(in.deed_notary),
            std::move(in.deed_no), text_or_null(in.deed_date), std::move(in.ahu_decree_no), std::move(in.skt_no),
            text_or_null(in.skt_issue_date), text_or_null(expiry), std::move(in.npwp), std::move(in.address), in.region_code,
            std::move(in.phone), std::move(in.email), opt(in.lat), opt(in.lng), actor, s.user_id, now, now);
      }
      chunk.actors = bulk.take();
      if (!chunks.push(std::move(chunk))) return;
    }
    chunks.close();
    // Both sets of search words sorted while the connection's thread builds the indexes, then
    // handed over in the order it writes them.
    auto actor_words = bulk.take_words();
    SearchWordRows ormas_words(ormas_ids, ormas_regions, actor_names);
    if (!actor_words.emit([&](db::Params&& rows) { return actor_word_rows.push(std::move(rows)); })) return;
    actor_word_rows.close();
    if (!ormas_words.emit([&](db::Params&& rows) { return word_rows.push(std::move(rows)); })) return;
    word_rows.close();
  };
  std::thread builder([&] {
    try {
      build();
    } catch (...) {
      build_failed = std::current_exception();
      chunks.close();
      actor_word_rows.close();
      word_rows.close();
    }
  });
  // Whatever happens below (a statement failing), the builder stops and is joined.
  struct Joined {
    std::function<void()> stop;
    ~Joined() { stop(); }
  } joined{[&] {
    chunks.cancel();
    actor_word_rows.cancel();
    word_rows.cancel();
    if (builder.joinable()) builder.join();
  }};
  auto check_builder = [&] {  // after a queue's end: the builder failed, or it has closed it
    if (build_failed) {
      builder.join();
      std::rethrow_exception(build_failed);
    }
  };
  while (auto chunk = chunks.pop()) {
    actors::Bulk::write(c, std::move(chunk->actors));  // the actors before the records that refer to them
    db::insert_rows(c, "INSERT INTO ormas (id, name_key, name, abbreviation, legal_form, scope_level, fields, founding_date, deed_notary, "
                       "deed_no, deed_date, ahu_decree_no, skt_no, skt_issue_date, skt_expiry_date, npwp, address, region_code, phone, email, "
                       "lat, lng, actor_id, created_by, created_at, updated_at)", 26, std::move(chunk->ormas));
    db::insert_rows(c, "INSERT INTO ormas_board_members (id, ormas_id, actor_id, nik, name_key, name, position, term_start, term_end, "
                       "is_state_official, region_code, created_at)", 12, std::move(chunk->members));
  }
  check_builder();
  indexes.restore();
  // The search words of the whole file, each table's in its key order: the new actors' (about
  // 1.0 million rows for 100,000 ormas), then the ormas' (about 1.4 million, built from the names
  // held here).
  while (auto rows = actor_word_rows.pop()) actors::Bulk::write_words(c, std::move(*rows));
  check_builder();
  while (auto rows = word_rows.pop())
    db::insert_rows(c, "INSERT INTO ormas_words (word, region_code, ormas_id, classification)", 4, std::move(*rows));
  check_builder();
  builder.join();
  search::index_new(c, docs);
  rep.created = static_cast<int64_t>(inputs.size());
  rep.board_members = static_cast<int64_t>(members);
  append_audit(c, s, "import", "ormas", ormas_ids.front(), s.region_code,
        audit::snapshot({{"file_sha256", file_sha256}, {"rows", int64_t{rep.rows}}, {"first_id", ormas_ids.front()},
                         {"last_id", ormas_ids.back()}}));
  return rep;
}

std::vector<MapPoint> map_points(db::Conn& c, const auth::Scope& s, const std::string& region) {
  db::Params p;
  std::string sql = "SELECT id, name, region_code, lat, lng, status FROM ormas WHERE lat IS NOT NULL AND lng IS NOT NULL AND " +
                    s.record_filter("region_code", "classification", p);
  if (!region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = region;
    sql += " AND " + narrow.region_filter("region_code", p);
  }
  sql += " ORDER BY id LIMIT 5000";
  std::vector<MapPoint> out;
  c.query(sql, p, [&](const db::Row& r) { out.push_back({r.i64(0), r.str(1), r.str(2), r.str(5), r.f64(3), r.f64(4)}); });
  return out;
}

std::vector<MapCount> map_counts(db::Conn& c, const auth::Scope& s, const std::string& region) {
  db::Params p;
  std::string sql = "SELECT region_code, COUNT(*) FROM ormas WHERE status <> 'REVOKED' AND " + s.record_filter("region_code", "classification", p);
  if (!region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = region;
    sql += " AND " + narrow.region_filter("region_code", p);
  }
  sql += " GROUP BY region_code ORDER BY region_code";
  std::vector<MapCount> out;
  c.query(sql, p, [&](const db::Row& r) { out.push_back({r.str(0), r.i64(1)}); });
  return out;
}

std::optional<int64_t> ormas_of_registration(db::Conn& c, const auth::Scope& s, int64_t registration_id) {
  auto o = c.query_i64("SELECT ormas_id FROM ormas_registrations WHERE id = ?", {registration_id});
  if (!o || !find(c, s, *o)) return std::nullopt;
  return o;
}

std::optional<int64_t> ormas_of_sanction(db::Conn& c, const auth::Scope& s, int64_t sanction_id) {
  auto o = c.query_i64("SELECT ormas_id FROM ormas_sanctions WHERE id = ?", {sanction_id});
  if (!o || !find(c, s, *o)) return std::nullopt;
  return o;
}

}  // namespace pantau::ormas
