#include "modules/actors/store.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <rapidjson/document.h>

#include "audit/audit.h"
#include "core/interned.h"
#include "core/service_clock.h"
#include "core/strings.h"
#include "db/bulk.h"
#include "modules/party_aid/public.h"

namespace pantau::actors {

namespace {

db::Value text_or_null(const std::string& v) { return v.empty() ? db::Value() : db::Value(v); }

// The surviving actor of a chain of merges.
int64_t resolve(db::Conn& c, int64_t id) {
  for (int i = 0; i < 16; ++i) {
    auto next = c.query_i64("SELECT merged_into FROM actors WHERE id = ? AND merged_into IS NOT NULL", {id});
    if (!next) break;
    id = *next;
  }
  return id;
}

// The words of an actor's name, each with the actor's region (a suggestion filters by region
// in the word's own entry, migration 0036).
void add_words(db::Conn& c, int64_t id, const std::string& name, const std::string& region) {
  std::set<std::string> seen;
  for (auto& w : name_words(name))
    if (!w.empty() && seen.insert(w).second)
      c.exec("INSERT INTO actor_words (word, actor_id, region_code) VALUES (?, ?, ?)", {w, id, region});
}

void audit_actor(db::Conn& c, const auth::Scope& s, const std::string& action, int64_t id, const std::string& region,
                 std::string snapshot, int classification = 0) {
  audit::append(c, s, {action, "actor", std::to_string(id), region, classification, std::nullopt, std::move(snapshot)});
}

int64_t create_actor(db::Conn& c, const auth::Scope& s, const std::string& kind, const std::string& name, const std::string& nik,
                     const std::string& passport, const std::string& nationality, const std::string& registry,
                     const std::string& region, bool audit) {
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO actors (kind, name, name_key, nik, passport_no, nationality, registry_no, region_code, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {kind, name, name_key(name), text_or_null(nik), text_or_null(passport), nationality, text_or_null(registry), region, now, now});
  add_words(c, id, name, region);
  if (audit) audit_actor(c, s, "create", id, region, created_snapshot(kind, name));
  return id;
}

struct ActorRow {
  int64_t id = 0;
  std::string kind, name, name_key, nik, passport, nationality, registry, region;
  std::optional<int64_t> merged_into;
  int64_t version = 1;
};

std::optional<ActorRow> load(db::Conn& c, int64_t id) {
  std::optional<ActorRow> a;
  c.query("SELECT id, kind, name, name_key, nik, passport_no, nationality, registry_no, region_code, merged_into, version "
          "FROM actors WHERE id = ?",
          {id}, [&](const db::Row& r) {
            a = ActorRow{r.i64(0), r.str(1), r.str(2), r.str(3), r.opt_str(4).value_or(""), r.opt_str(5).value_or(""),
                         r.str(6), r.opt_str(7).value_or(""), r.str(8), r.opt_i64(9), r.i64(10)};
          });
  return a;
}

// The actor and every actor merged into it (directly or through a chain).
std::vector<int64_t> family(db::Conn& c, int64_t id) {
  std::vector<int64_t> all{id};
  for (size_t i = 0; i < all.size() && all.size() < 200; ++i)
    c.query("SELECT id FROM actors WHERE merged_into = ?", {all[i]}, [&](const db::Row& r) { all.push_back(r.i64(0)); });
  return all;
}

std::string in_list(const std::vector<int64_t>& ids, db::Params& p) {
  std::string sql = "(";
  for (size_t i = 0; i < ids.size(); ++i) {
    sql += i ? ", ?" : "?";
    p.emplace_back(ids[i]);
  }
  return sql + ")";
}

bool visible_links(db::Conn& c, const auth::Scope& s, const std::vector<int64_t>& ids) {
  db::Params p;
  // Parameters in the order of the SQL text: each call appends its own, so one per statement.
  std::string ids_sql = in_list(ids, p);
  std::string scope_sql = s.record_filter("region_code", "classification", p);
  std::string sql = "SELECT 1 FROM actor_links WHERE actor_id IN " + ids_sql + " AND " + scope_sql + " LIMIT 1";
  return c.query_i64(sql, p).has_value();
}

bool visible(db::Conn& c, const auth::Scope& s, const ActorRow& a) {
  return s.covers(a.region) || visible_links(c, s, family(c, a.id));
}

Status not_found_actor() { return Error::not_found("Aktor tidak ditemukan.", "Actor not found."); }

std::string identifier_for(const auth::Scope& s, const std::string& v) {
  if (v.empty()) return v;
  return s.cleared_for(kIdentifierClearance) ? v : mask_identifier(v);
}

}  // namespace

int64_t find_or_create_person(db::Conn& c, const auth::Scope& s, const PersonRef& p, bool audit) {
  std::optional<int64_t> id;
  if (!p.nik.empty()) id = c.query_i64("SELECT id FROM actors WHERE nik = ?", {p.nik});
  else if (!p.passport_no.empty())
    id = c.query_i64("SELECT id FROM actors WHERE passport_no = ? AND nationality = ?", {p.passport_no, p.nationality});
  if (id) return resolve(c, *id);
  return create_actor(c, s, "PERSON", p.name, p.nik, p.passport_no, p.nationality, "", p.region_code, audit);
}

int64_t find_or_create_organisation(db::Conn& c, const auth::Scope& s, const std::string& name, const std::string& registry_no,
                                    const std::string& region_code, bool audit) {
  std::optional<int64_t> id;
  if (!registry_no.empty())
    id = c.query_i64("SELECT id FROM actors WHERE kind = 'ORGANISATION' AND registry_no = ? ORDER BY id LIMIT 1", {registry_no});
  else
    id = c.query_i64("SELECT id FROM actors WHERE kind = 'ORGANISATION' AND name_key = ? AND registry_no IS NULL ORDER BY id LIMIT 1",
                     {name_key(name)});
  if (id) return resolve(c, *id);
  return create_actor(c, s, "ORGANISATION", name, "", "", "", registry_no, region_code, audit);
}

Status link(db::Conn& c, const auth::Scope& s, int64_t actor_id, const Link& l, bool audit, bool fresh) {
  if (!fresh) {
    std::string candidate = l.entity + ":" + l.entity_id;
    if (c.query_i64("SELECT 1 FROM actor_kept_apart WHERE actor_id = ? AND candidate = ?", {actor_id, candidate}))
      return Error::conflict("actor.kept_apart", "Data ini sudah dinyatakan bukan aktor yang sama.",
                             "This record was already declared not to be the same actor.");
    c.exec("DELETE FROM actor_links WHERE entity = ? AND entity_id = ? AND role = ?", {l.entity, l.entity_id, l.role});
  }
  c.insert("INSERT INTO actor_links (actor_id, module, entity, entity_id, role, label, region_code, classification, linked_by, linked_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           {actor_id, l.module, l.entity, l.entity_id, l.role, l.label, l.region_code, int64_t{l.classification}, s.user_id, now_iso()});
  if (audit)
    audit_actor(c, s, "link", actor_id, l.region_code, to_json(l), l.classification);
  return {};
}

void unlink(db::Conn& c, const std::string& entity, const std::string& entity_id) {
  c.exec("DELETE FROM actor_links WHERE entity = ? AND entity_id = ?", {entity, entity_id});
}

std::vector<Suggestion> suggest(db::Conn& c, const auth::Scope& s, std::string_view q_in, int limit) {
  std::string q = trim(q_in);
  std::vector<Suggestion> out;
  std::set<int64_t> seen;
  auto emit = [&](const db::Row& r) {
    if (static_cast<int>(seen.size()) >= limit || !seen.insert(r.i64(0)).second) return;
    std::string nik = r.opt_str(3).value_or(""), passport = r.opt_str(4).value_or("");
    out.push_back({r.i64(0), r.str(1), r.str(2), identifier_for(s, !nik.empty() ? nik : passport),
                   !nik.empty() ? "NIK" : !passport.empty() ? "PASPOR" : "", r.str(5)});
  };
  const std::string cols = "a.id, a.kind, a.name, a.nik, a.passport_no, a.region_code";
  bool digits = !q.empty() && std::all_of(q.begin(), q.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  // Identifiers are confidential: only a cleared viewer finds a person by them.
  if (q.size() >= 4 && s.cleared_for(kIdentifierClearance)) {
    std::string upper = q;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    db::Params p{upper, upper + "~"};
    std::string col = digits ? "a.nik" : "a.passport_no";
    std::string sql = "SELECT " + cols + " FROM actors a WHERE " + col + " >= ? AND " + col + " < ? AND a.merged_into IS NULL AND " +
                      s.region_filter("a.region_code", p) + " ORDER BY " + col + " LIMIT ?";
    p.emplace_back(int64_t{limit});
    c.query(sql, p, emit);
  }
  auto words = name_words(q);
  if (!digits && !words.empty() && static_cast<int>(seen.size()) < limit) {
    if (words.size() == 1) {
      // The word range in (word, actor_id) order with the region checked in the same entry
      // (actor_words.region_code): the actor's row is read only for words in the viewer's area,
      // not for every actor of the range that a kab/kota office skips.
      db::Params p{words[0], words[0] + "{"};
      std::string sql = "SELECT " + cols + " FROM actor_words w JOIN actors a ON a.id = w.actor_id WHERE w.word >= ? AND w.word < ? "
                        "AND " + s.region_filter("w.region_code", p) + " AND a.merged_into IS NULL ORDER BY w.word, w.actor_id LIMIT ?";
      p.emplace_back(int64_t{limit * 2});
      c.query(sql, p, emit);
    } else {
      std::string key;
      for (auto& w : words) key += w;
      db::Params p{key, key + "{"};
      std::string sql = "SELECT " + cols + " FROM actors a WHERE a.name_key >= ? AND a.name_key < ? AND a.merged_into IS NULL AND " +
                        s.region_filter("a.region_code", p) + " ORDER BY a.name_key, a.id LIMIT ?";
      p.emplace_back(int64_t{limit});
      c.query(sql, p, emit);
    }
  }
  return out;
}

std::optional<ActorPage> actor_page(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto a = load(c, id);
  if (!a || !visible(c, s, *a)) return std::nullopt;
  auto fam = family(c, a->id);
  ActorPage out;
  out.id = a->id;
  out.kind = a->kind;
  out.name = a->name;
  out.region_code = a->region;
  out.merged_into = a->merged_into;
  out.version = a->version;
  out.identifiers_masked = !s.cleared_for(kIdentifierClearance);
  out.nik = identifier_for(s, a->nik);
  out.passport_no = identifier_for(s, a->passport);
  out.nationality = a->nationality;
  out.registry_no = a->registry;
  if (!a->nik.empty() && s.cleared_for(kIdentifierClearance)) {
    Date today = *parse_date(now_iso().substr(0, 10));
    if (auto info = check_nik(a->nik, today); info.ok()) out.nik_info = *info;
  }
  // Roles the viewer may see.
  {
    db::Params p;
    std::string ids_sql = in_list(fam, p);
    std::string scope_sql = s.record_filter("l.region_code", "l.classification", p);
    std::string sql = "SELECT l.id, l.actor_id, l.module, l.entity, l.entity_id, l.role, l.label, l.region_code, "
                      "COALESCE(g.name, ''), l.classification, l.linked_at FROM actor_links l LEFT JOIN regions g ON g.code = l.region_code "
                      "WHERE l.actor_id IN " + ids_sql + " AND " + scope_sql + " ORDER BY l.module, l.id";
    c.query(sql, p, [&](const db::Row& r) {
      out.roles.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7), r.str(8), r.str(10)});
    });
  }
  std::set<std::string> linked;
  {
    db::Params p;
    c.query("SELECT entity, entity_id FROM actor_links WHERE entity = 'party_board'", p,
            [&](const db::Row& r) { linked.insert(r.str(0) + ":" + r.str(1)); });
  }
  std::set<std::string> apart;
  c.query("SELECT candidate FROM actor_kept_apart WHERE actor_id = ?", {a->id}, [&](const db::Row& r) { apart.insert(r.str(0)); });
  for (size_t i = 1; i < fam.size(); ++i)
    if (auto m = load(c, fam[i])) out.merged.push_back({m->id, m->name, m->region});
  // Records elsewhere whose names match: other actors and party officers, for the officer to
  // link, merge or keep apart.
  {
    db::Params p{a->name_key, a->id};
    std::string sql = "SELECT id, name, region_code, kind FROM actors WHERE name_key = ? AND id <> ? AND merged_into IS NULL AND " +
                      s.region_filter("region_code", p) + " ORDER BY id LIMIT 20";
    c.query(sql, p, [&](const db::Row& r) {
      std::string cand = "actor:" + std::to_string(r.i64(0));
      if (apart.count(cand) || r.text(3) != a->kind) return;
      Candidate k;
      k.candidate = cand;
      k.kind = "ACTOR";
      k.actor_id = r.i64(0);
      k.name = r.str(1);
      k.region_code = r.str(2);
      k.label = r.str(1);
      out.candidates.push_back(std::move(k));
    });
  }
  if (a->kind == "PERSON") {
    for (auto& off : party_aid::board_officers(c, s)) {
      std::string cand = "party_board:" + std::to_string(off.board_id) + ":" + off.position;
      if (apart.count(cand) || linked.count(cand) || !names_match(off.name, a->name)) continue;
      Candidate k;
      k.candidate = cand;
      k.kind = "PARTY_BOARD";
      k.name = off.name;
      k.region_code = off.region_code;
      k.position = off.position;
      k.party = off.party;
      k.status = off.status;
      k.label = off.position + " " + off.party + " (SK " + off.decree_no + ")";
      out.candidates.push_back(std::move(k));
    }
  }
  return out;
}

Status link_party_officer(db::Conn& c, const auth::Scope& s, int64_t actor_id, const std::string& candidate) {
  auto a = load(c, actor_id);
  if (!a || a->merged_into || !visible(c, s, *a)) return not_found_actor();
  auto parts = split(candidate, ':');
  auto board = parts.size() == 3 && parts[0] == "party_board" ? parse_int64(parts[1]) : std::nullopt;
  if (!board)
    return Error::invalid_field("candidate", "invalid", "Calon tautan tidak dikenal.", "Unknown link candidate.");
  auto off = party_aid::board_officer(c, s, *board, parts[2]);
  if (!off) return Error::invalid_field("candidate", "not_found", "Pengurus partai tidak ditemukan.", "Party officer not found.");
  if (c.query_i64("SELECT 1 FROM actor_links WHERE entity = 'party_board' AND entity_id = ? AND actor_id <> ?",
                  {std::to_string(*board) + ":" + parts[2], actor_id}))
    return Error::conflict("actor.linked_elsewhere", "Jabatan ini sudah ditautkan ke aktor lain.", "This position is already linked to another actor.");
  Link l{"party_aid", "party_board", std::to_string(*board) + ":" + parts[2], "PARTY_BOARD",
         off->position + " " + off->party + " (SK " + off->decree_no + ")", off->region_code, 0};
  return link(c, s, actor_id, l);
}

Status keep_apart(db::Conn& c, const auth::Scope& s, int64_t actor_id, const std::string& candidate) {
  auto a = load(c, actor_id);
  if (!a || !visible(c, s, *a)) return not_found_actor();
  if (candidate.empty() || candidate.size() > 100 || (candidate.rfind("actor:", 0) != 0 && candidate.rfind("party_board:", 0) != 0))
    return Error::invalid_field("candidate", "invalid", "Calon tautan tidak dikenal.", "Unknown link candidate.");
  c.exec("INSERT INTO actor_kept_apart (actor_id, candidate, decided_by, decided_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
         {actor_id, candidate, s.user_id, now_iso()});
  audit_actor(c, s, "keep_apart", actor_id, a->region, kept_apart_snapshot(candidate));
  return {};
}

Status merge(db::Conn& c, const auth::Scope& s, int64_t survivor, int64_t other) {
  auto a = load(c, survivor), b = load(c, other);
  if (!a || !b || !visible(c, s, *a) || !visible(c, s, *b)) return not_found_actor();
  if (survivor == other || a->merged_into || b->merged_into)
    return Error::conflict("actor.merge_state", "Aktor ini sudah digabung atau sama.", "The actor is already merged or the same.");
  if (a->kind != b->kind)
    return Error::conflict("actor.kind", "Orang tidak dapat digabung dengan organisasi.", "A person cannot be merged with an organisation.");
  if (!a->nik.empty() && !b->nik.empty() && a->nik != b->nik)
    return Error::conflict("actor.different_nik", "Dua NIK berbeda berarti dua orang; perbaiki NIK yang salah lebih dulu.",
                           "Two different NIKs are two people; correct the wrong NIK first.");
  if (c.query_i64("SELECT 1 FROM actor_kept_apart WHERE actor_id = ? AND candidate = ?", {survivor, "actor:" + std::to_string(other)}))
    return Error::conflict("actor.kept_apart", "Aktor ini sudah dinyatakan berbeda.", "These actors were declared different.");
  c.exec("UPDATE actors SET merged_into = ?, version = version + 1, updated_at = ? WHERE id = ?", {survivor, now_iso(), other});
  audit_actor(c, s, "merge", other, b->region, merged_snapshot(survivor, b->name));
  return {};
}

Status unmerge(db::Conn& c, const auth::Scope& s, int64_t merged) {
  auto b = load(c, merged);
  if (!b || !visible(c, s, *b)) return not_found_actor();
  if (!b->merged_into)
    return Error::conflict("actor.not_merged", "Aktor ini tidak sedang digabung.", "This actor is not merged.");
  c.exec("UPDATE actors SET merged_into = NULL, version = version + 1, updated_at = ? WHERE id = ?", {now_iso(), merged});
  audit_actor(c, s, "unmerge", merged, b->region, unmerged_snapshot(*b->merged_into));
  return {};
}

PersonRef person_of(const std::string& name, const std::string& id_no, bool foreign, const std::string& region_code) {
  PersonRef p{trim(name), "", "", "", region_code};
  std::string id = trim(id_no);
  for (auto& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (!foreign && check_nik(id, office_today(region_code)).ok()) p.nik = id;
  if (foreign && valid_passport(id)) p.passport_no = id;
  return p;
}

void link_record(db::Conn& c, const auth::Scope& s, const PersonRef& who, bool organisation, const Link& l) {
  if (trim(who.name).empty() && who.nik.empty() && who.passport_no.empty()) return;
  std::optional<int64_t> id;
  if (!organisation && (!who.nik.empty() || !who.passport_no.empty())) {
    id = find_or_create_person(c, s, who);
  } else {
    std::string key = name_key(who.name);
    std::vector<int64_t> same;
    c.query("SELECT id FROM actors WHERE kind = ? AND name_key = ? AND merged_into IS NULL ORDER BY id LIMIT 2",
            {std::string(organisation ? "ORGANISATION" : "PERSON"), key}, [&](const db::Row& r) { same.push_back(r.i64(0)); });
    if (same.size() == 1) id = same.front();
    else id = create_actor(c, s, organisation ? "ORGANISATION" : "PERSON", trim(who.name), "", "", "", "", who.region_code, true);
  }
  (void)link(c, s, *id, l);  // kept apart: the record stays unlinked
}

void link_incident_actors(db::Conn& c, const auth::Scope& s, int64_t incident_id, std::string_view actors_json,
                          const std::string& region_code, int classification) {
  rapidjson::Document d;
  d.Parse(actors_json.data(), actors_json.size());
  if (d.HasParseError() || !d.IsArray()) return;
  int n = 0;
  for (auto& a : d.GetArray()) {
    if (!a.IsObject() || !a.HasMember("name") || !a["name"].IsString()) continue;
    std::string name = trim(a["name"].GetString());
    // entity_id "incident:n": one role per actor of the incident.
    link_record(c, s, {name, "", "", "", region_code}, true,
                {"conflict", "conflict_incident_actor", std::to_string(incident_id) + ":" + std::to_string(n++), "INCIDENT_ACTOR",
                 "Pihak dalam insiden konflik #" + std::to_string(incident_id), region_code, classification});
  }
}

// ---- bulk ----

struct Bulk::Impl {
  Impl(db::Conn& conn, const auth::Scope& scope) : c(conn), s(scope) {}
  db::Conn& c;
  const auth::Scope& s;
  std::unordered_map<std::string, int64_t> by_nik, by_registry, by_name, by_passport;  // known actors (existing or new)
  std::vector<std::string> nik_checked;  // NIKs looked up already (found or not), sorted: asked once
  db::Params actors, links;  // pending rows
  // The pending search words (actor_words) of the new actors, 16 bytes each until take_words()
  // sorts them: a word is a view of its actor's NameParts (the caller's or own_names), a region
  // one of the few distinct regions, copied once.
  struct Word {
    uint32_t word, region;
    int64_t actor;
  };
  std::vector<Word> words;
  Interned word_ix, region_ix;
  std::deque<std::string> regions;  // the regions region_ix numbers (a caller's may be a temporary)
  uint32_t intern_region(const std::string& r) {
    if (auto k = region_ix.find(r)) return *k;
    return region_ix.add(regions.emplace_back(r));
  }
  // Names of the actors handed out: created here (the caller's NameParts, or own_names) and
  // found in the database (found_names), for name_of().
  std::unordered_map<int64_t, const NameParts*> new_names;
  std::deque<NameParts> own_names;
  std::unordered_map<int64_t, NameParts> found_names;
  std::vector<int64_t> pool;  // reserved ids not used yet
  int64_t next_sqlite = 0;
  std::string now = now_iso();

  int64_t next_id() {
    if (c.dialect() == db::Dialect::SQLite) {  // one writer: continue after the reservation
      if (!next_sqlite) next_sqlite = db::reserve_ids(c, "actors", 1).front();
      return next_sqlite++;
    }
    if (pool.empty()) {
      pool = db::reserve_ids(c, "actors", 1024);
      std::reverse(pool.begin(), pool.end());
    }
    int64_t id = pool.back();
    pool.pop_back();
    return id;
  }
  int64_t create(const std::string& kind, const std::string& name, const std::string& nik, const std::string& passport,
                 const std::string& nationality, const std::string& registry, const std::string& region,
                 const NameParts* parts = nullptr) {
    if (!parts) parts = &own_names.emplace_back(name_parts(name));
    int64_t id = next_id();
    new_names.emplace(id, parts);
    // Each cell constructed in place (an initializer list would copy every string once more).
    for (db::Value v : {db::Value(id), db::Value(kind)}) actors.push_back(std::move(v));
    actors.emplace_back(name);
    actors.emplace_back(parts->key);
    actors.push_back(text_or_null(nik));
    actors.push_back(text_or_null(passport));
    actors.emplace_back(nationality);
    actors.push_back(text_or_null(registry));
    actors.emplace_back(region);
    actors.emplace_back(now);
    actors.emplace_back(now);
    const auto& all = parts->words;
    const uint32_t r = all.empty() ? 0 : intern_region(region);
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].empty() || std::find(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(i), all[i]) != all.begin() + static_cast<std::ptrdiff_t>(i))
        continue;  // each word once per actor
      words.push_back({word_ix.add(all[i]), r, id});
    }
    return id;
  }
  // Existing actors whose `column` is one of `keys` (merges followed): in batches of 500, or, when
  // the table holds fewer actors than there are keys (a first import), in one pass over them.
  void lookup(const std::string& where, const std::string& column, const std::vector<std::string>& keys,
              std::unordered_map<std::string, int64_t>& into, std::vector<std::string>* checked = nullptr) {
    std::vector<std::string> todo;
    todo.reserve(keys.size());
    for (auto& k : keys)
      if (!k.empty() && !into.count(k) && !(checked && std::binary_search(checked->begin(), checked->end(), k))) todo.push_back(k);
    std::sort(todo.begin(), todo.end());
    todo.erase(std::unique(todo.begin(), todo.end()), todo.end());
    if (todo.empty()) return;
    if (checked) {  // `checked` stays sorted
      auto middle = checked->insert(checked->end(), todo.begin(), todo.end());
      std::inplace_merge(checked->begin(), middle, checked->end());
    }
    std::vector<std::pair<std::string, int64_t>> merged;
    auto found = [&](const db::Row& r) {
      if (into.count(r.str(0))) return;  // the first (oldest) one, as find_or_create_organisation
      into.emplace(r.str(0), r.i64(1));
      if (!r.is_null(2)) merged.emplace_back(r.str(0), r.i64(1));
      else found_names.emplace(r.i64(1), name_parts(r.text(3)));
    };
    const std::string select = "SELECT " + column + ", id, merged_into, name FROM actors WHERE " + where + column;
    if (static_cast<int64_t>(todo.size()) > c.query_i64("SELECT MAX(id) FROM actors").value_or(0)) {
      std::unordered_set<std::string_view> wanted(todo.begin(), todo.end());
      c.query(select + " IS NOT NULL ORDER BY id", {}, [&](const db::Row& r) {
        if (wanted.count(r.text(0))) found(r);
      });
    } else {
      for (size_t at = 0; at < todo.size(); at += 500) {
        db::Params p;
        std::string in;
        for (size_t i = at; i < std::min(todo.size(), at + 500); ++i) {
          in += in.empty() ? "?" : ", ?";
          p.emplace_back(todo[i]);
        }
        c.query(select + " IN (" + in + ") ORDER BY id", p, found);
      }
    }
    for (auto& [k, id] : merged) {
      into[k] = resolve(c, id);
      name_of(into[k]);  // read now: name_of() needs no database afterwards
    }
  }
  const NameParts& name_of(int64_t actor_id) {
    if (auto it = new_names.find(actor_id); it != new_names.end()) return *it->second;
    if (auto it = found_names.find(actor_id); it != found_names.end()) return it->second;
    // The survivor of a merge (or an actor found by passport): read once.
    std::string name;
    c.query("SELECT name FROM actors WHERE id = ?", {actor_id}, [&](const db::Row& r) { name = r.str(0); });
    return found_names.emplace(actor_id, name_parts(name)).first->second;
  }
};

Bulk::Bulk(db::Conn& c, const auth::Scope& s) : impl_(std::make_unique<Impl>(c, s)) {}
Bulk::~Bulk() = default;

void Bulk::prefetch_people(const std::vector<std::string>& niks) { impl_->lookup("", "nik", niks, impl_->by_nik, &impl_->nik_checked); }

void Bulk::prefetch_organisations(const std::vector<std::pair<std::string, std::string>>& orgs) {
  std::vector<std::string> registries, keys;
  for (auto& [name, registry] : orgs) (registry.empty() ? keys : registries).push_back(registry.empty() ? name_key(name) : registry);
  impl_->lookup("kind = 'ORGANISATION' AND ", "registry_no", registries, impl_->by_registry);
  impl_->lookup("kind = 'ORGANISATION' AND registry_no IS NULL AND ", "name_key", keys, impl_->by_name);
}

int64_t Bulk::person(const PersonRef& p, const NameParts* name) {
  if (p.nik.empty()) {  // a passport (looked up one by one), or nothing: a new person
    if (p.passport_no.empty()) return impl_->create("PERSON", p.name, "", "", p.nationality, "", p.region_code, name);
    std::string key = p.passport_no + "|" + p.nationality;
    if (auto it = impl_->by_passport.find(key); it != impl_->by_passport.end()) return it->second;
    auto id = impl_->c.query_i64("SELECT id FROM actors WHERE passport_no = ? AND nationality = ?", {p.passport_no, p.nationality});
    return impl_->by_passport[key] = id ? resolve(impl_->c, *id)  // its name read by name_of() when asked
                                        : impl_->create("PERSON", p.name, "", p.passport_no, p.nationality, "", p.region_code, name);
  }
  auto it = impl_->by_nik.find(p.nik);
  if (it == impl_->by_nik.end() && !std::binary_search(impl_->nik_checked.begin(), impl_->nik_checked.end(), p.nik)) {
    impl_->lookup("", "nik", {p.nik}, impl_->by_nik, &impl_->nik_checked);  // not prefetched
    it = impl_->by_nik.find(p.nik);
  }
  if (it != impl_->by_nik.end()) return it->second;
  // Absent (prefetched or looked up above): a new actor, known by its NIK from now on.
  int64_t id = impl_->create("PERSON", p.name, p.nik, "", "", "", p.region_code, name);
  impl_->by_nik.emplace(p.nik, id);
  return id;
}

int64_t Bulk::organisation(const std::string& name, const std::string& registry_no, const std::string& region_code,
                           const NameParts* parts) {
  auto& known = registry_no.empty() ? impl_->by_name : impl_->by_registry;
  std::string key = registry_no.empty() ? (parts ? parts->key : name_key(name)) : registry_no;
  if (auto it = known.find(key); it != known.end()) return it->second;
  int64_t id = impl_->create("ORGANISATION", name, "", "", "", registry_no, region_code, parts);
  known.emplace(std::move(key), id);
  return id;
}

void Bulk::link(int64_t actor_id, const Link& l) {
  auto& p = impl_->links;
  p.emplace_back(actor_id);
  for (const std::string* v : {&l.module, &l.entity, &l.entity_id, &l.role, &l.label, &l.region_code}) p.emplace_back(*v);
  p.emplace_back(int64_t{l.classification});
  p.emplace_back(impl_->s.user_id);
  p.emplace_back(impl_->now);
}

const NameParts& Bulk::name_of(int64_t actor_id) { return impl_->name_of(actor_id); }

void Bulk::reserve(size_t n) {
  auto& m = *impl_;
  if (m.c.dialect() == db::Dialect::SQLite) {
    if (!m.next_sqlite) m.next_sqlite = db::reserve_ids(m.c, "actors", 1).front();
    return;
  }
  if (m.pool.size() >= n) return;
  auto more = db::reserve_ids(m.c, "actors", n - m.pool.size());
  m.pool.insert(m.pool.begin(), more.rbegin(), more.rend());  // handed out from the back, oldest first
}

Bulk::Rows Bulk::take() {
  auto& m = *impl_;
  Rows out{std::move(m.actors), std::move(m.links)};
  m.actors.clear();
  m.links.clear();
  return out;
}

void Bulk::write(db::Conn& c, Rows&& rows) {
  db::insert_rows(c, "INSERT INTO actors (id, kind, name, name_key, nik, passport_no, nationality, registry_no, region_code, "
                     "created_at, updated_at)", 11, std::move(rows.actors));
  db::insert_rows(c, "INSERT INTO actor_links (actor_id, module, entity, entity_id, role, label, region_code, classification, "
                     "linked_by, linked_at)", 10, std::move(rows.links));
}

Bulk::Words Bulk::take_words() {
  auto& m = *impl_;
  Words out;
  // The words by their rank in byte order, then the entries in the table's key order (word, actor_id).
  auto [sorted, rank] = m.word_ix.ranked();
  out.words_ = std::move(sorted);
  out.regions_.assign(m.region_ix.all().begin(), m.region_ix.all().end());
  out.entries_.reserve(m.words.size());
  for (auto& w : m.words) out.entries_.push_back({rank[w.word], w.region, w.actor});
  std::sort(out.entries_.begin(), out.entries_.end(),
            [](const Words::Entry& a, const Words::Entry& b) { return std::tie(a.word, a.actor) < std::tie(b.word, b.actor); });
  m.words.clear();
  m.word_ix = Interned();
  return out;
}

bool Bulk::Words::emit(const std::function<bool(db::Params&&)>& emit, size_t slice) const {
  slice = std::max<size_t>(slice, 1);
  for (size_t from = 0; from < entries_.size(); from += slice) {
    const size_t to = std::min(entries_.size(), from + slice);
    db::Params rows;
    rows.reserve((to - from) * 3);
    for (size_t k = from; k < to; ++k) {
      rows.emplace_back(std::string(words_[entries_[k].word]));
      rows.emplace_back(entries_[k].actor);
      rows.emplace_back(regions_[entries_[k].region]);
    }
    if (!emit(std::move(rows))) return false;
  }
  return true;
}

void Bulk::write_words(db::Conn& c, db::Params&& rows) {
  db::insert_rows(c, "INSERT INTO actor_words (word, actor_id, region_code)", 3, std::move(rows));
}

}  // namespace pantau::actors
