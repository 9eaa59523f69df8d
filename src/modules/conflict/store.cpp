#include "modules/conflict/store.h"

#include <fmt/format.h>

#include <functional>
#include <map>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/region_code.h"
#include "core/service_clock.h"
#include "core/strings.h"
#include "modules/actors/public.h"
#include "notify/notify.h"
#include "report/indonesian.h"
#include "report/xlsx.h"

namespace pantau::conflict {

namespace {

db::Value opt(const std::optional<double>& v) { return v ? db::Value(*v) : db::Value(); }
db::Value opt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(); }

FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}

// The kab/kota (or province) an incident counts for in surge rules.
std::string district_of(const std::string& code) { return code.size() >= 5 ? code.substr(0, 5) : code; }

void raise_alert(db::Conn& c, const std::string& region, const std::string& rule, const Message& why, const std::string& entity,
                 int64_t entity_id, int classification, const std::string& target_tier = "KABKOTA") {
  int64_t id = c.insert("INSERT INTO conflict_alerts (region_code, rule_code, reason_id, reason_en, entity, entity_id, raised_at, "
                        "classification) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        {region, rule, why.id, why.en, entity, std::to_string(entity_id), now_iso(), int64_t{classification}});
  audit::append(c, auth::Scope::system(), {"raise", "conflict_alert", std::to_string(id), region, classification, std::nullopt,
                                           audit::snapshot({{"rule", rule}, {"entity", entity}, {"entity_id", entity_id}})});
  // The office at the rule's target tier and the tier above are told.
  for (const std::string& office : alert_recipients(target_tier, region))
    notify::office(c, office, auth::kRecordReview, "Peringatan dini konflik: " + why.id, "Conflict early warning: " + why.en,
                   fmt::format("/conflict/alerts/{}", id), "conflict_alert", id, classification);
}

constexpr const char* kRuleColumns = "id, kind, active, target_tier, days, factor, min_incidents, baseline_days, response_days, note, version, updated_at";

AlertRule rule_from_row(const db::Row& r, std::string* note = nullptr, int64_t* version = nullptr, std::string* updated = nullptr) {
  AlertRule a;
  a.id = r.i64(0);
  a.code = r.str(1);
  a.active = r.i64(2) != 0;
  a.target_tier = r.str(3);
  a.days = static_cast<int>(r.i64(4));
  a.factor = r.f64(5);
  a.min_incidents = static_cast<int>(r.i64(6));
  a.baseline_days = static_cast<int>(r.i64(7));
  a.response_days = static_cast<int>(r.i64(8));
  if (note) *note = r.str(9);
  if (version) *version = r.i64(10);
  if (updated) *updated = r.is_null(11) ? std::string() : r.str(11);
  return a;
}

// The enabled rules of one kind, as the administrators set them.
std::vector<AlertRule> active_rules(db::Conn& c, const char* kind) {
  std::vector<AlertRule> out;
  c.query(fmt::format("SELECT {} FROM conflict_alert_rules WHERE kind = ? AND active = 1 ORDER BY id", kRuleColumns),
          {std::string(kind)}, [&](const db::Row& r) { out.push_back(rule_from_row(r)); });
  return out;
}

}  // namespace

namespace {

// Checks and stores one incident with its audit row; the alert rules are the caller's.
// `known`: the region and type were already looked up (a checked import file), and the import
// writes one audit row for the whole file instead of one per incident.
Result<int64_t> insert_incident(db::Conn& c, const auth::Scope& s, const IncidentInput& in, bool known = false) {
  if (!s.covers(in.region_code)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (!known && !c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.region_code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  if (!known && !c.query_i64("SELECT 1 FROM conflict_types WHERE code = ?", {in.type_code}))
    return Error::invalid_field("type_code", "not_found", "Jenis konflik tidak dikenal.", "Unknown conflict type.");
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  if (in.hotspot_id) {
    db::Params p{*in.hotspot_id};
    std::string where = s.record_filter("region_code", "classification", p);  // a hotspot the caller may see
    if (!c.query_i64("SELECT 1 FROM conflict_hotspots WHERE id = ? AND " + where, p))
      return Error::invalid_field("hotspot_id", "not_found", "Potensi konflik tidak ditemukan.", "Hotspot not found.");
  }
  int64_t id = c.insert(
      "INSERT INTO conflict_incidents (region_code, occurred_on, time_precision, lat, lng, geo_precision, source, type_code, "
      "actors, fatalities, injuries, displaced, property_damage, info_source, info_ref, description, hotspot_id, "
      "classification, created_by, created_at, occurred_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {in.region_code, in.occurred_on, int64_t{in.time_precision}, opt(in.lat), opt(in.lng), int64_t{in.geo_precision}, in.source,
       in.type_code, in.actors_json, int64_t{in.fatalities}, int64_t{in.injuries}, int64_t{in.displaced},
       int64_t{in.property_damage}, in.info_source, in.info_ref, in.description, opt(in.hotspot_id), int64_t{in.classification},
       s.user_id, now_iso(), in.occurred_time.empty() ? db::Value() : db::Value(in.occurred_time)});
  actors::link_incident_actors(c, s, id, in.actors_json, in.region_code, in.classification);  // one actor across modules
  if (!known)
    audit::append(c, s, {"create", "conflict_incident", std::to_string(id), in.region_code, in.classification, std::nullopt,
                         audit::snapshot({{"occurred_on", in.occurred_on}, {"type", in.type_code}, {"fatalities", int64_t{in.fatalities}}})});
  return id;
}

void fatality_rule(db::Conn& c, const AlertRule& rule, const IncidentInput& in, int64_t id) {
  Date on = *parse_date(in.occurred_on);
  if (auto why = fatality({on, in.fatalities, in.injuries, in.displaced, in.property_damage}))
    raise_alert(c, in.region_code, "FATALITY", *why, "conflict_incident", id, in.classification, rule.target_tier);
}

// INCIDENT_SURGE for the kab/kota of a new incident: its recent count against its own baseline.
void surge_rule(db::Conn& c, const AlertRule& r, const IncidentInput& in, int64_t id) {
  {
    std::string district = district_of(in.region_code);
    Date today = office_today(district);
    std::string from = format_date(civil_from_days(days_from_civil(today) - r.days - r.baseline_days));
    std::vector<Date> dates;
    int64_t cls = 0;  // the alert is classified as the most confidential incident it counts
    auth::Scope d;
    d.region_code = district;
    db::Params p{from};
    std::string where = d.region_filter("region_code", p);
    c.query("SELECT occurred_on, classification FROM conflict_incidents WHERE occurred_on >= ? AND " + where, p,
            [&](const db::Row& row) {
              dates.push_back(*parse_date(row.text(0)));
              cls = std::max(cls, row.i64(1));
            });
    // One open surge alert per district at a time.
    bool open = c.query_i64("SELECT 1 FROM conflict_alerts WHERE rule_code = 'INCIDENT_SURGE' AND region_code = ? AND status <> 'CLOSED'",
                            {district}).has_value();
    if (!open)
      if (auto why = incident_surge(r, today, dates))
        raise_alert(c, district, "INCIDENT_SURGE", *why, "conflict_incident", id, static_cast<int>(cls), r.target_tier);
  }
}

}  // namespace

Result<int64_t> create_incident(db::Conn& c, const auth::Scope& s, const IncidentInput& in) {
  PANTAU_TRY(int64_t id, insert_incident(c, s, in));
  for (auto& rule : active_rules(c, "FATALITY")) fatality_rule(c, rule, in, id);
  for (auto& rule : active_rules(c, "INCIDENT_SURGE")) surge_rule(c, rule, in, id);
  return id;
}

static constexpr const char* kIncidentSelect =
    "SELECT i.id, i.region_code, COALESCE(g.name, ''), i.occurred_on, i.time_precision, i.lat, i.lng, i.geo_precision, "
    "i.source, i.type_code, i.actors, i.fatalities, i.injuries, i.displaced, i.property_damage, i.info_source, i.info_ref, "
    "i.verification, i.description, i.hotspot_id, i.classification, i.version, i.occurred_time "
    "FROM conflict_incidents i LEFT JOIN regions g ON g.code = i.region_code ";

static Incident incident_from(const db::Row& r) {
  Incident i;
  i.id = r.i64(0);
  i.region_code = r.str(1);
  i.region_name = r.str(2);
  i.occurred_on = r.str(3);
  i.time_precision = r.i64(4);
  i.lat = r.opt_f64(5);
  i.lng = r.opt_f64(6);
  i.geo_precision = r.i64(7);
  i.source = r.str(8);
  i.type_code = r.str(9);
  i.actors_json = r.str(10);
  i.fatalities = r.i64(11);
  i.injuries = r.i64(12);
  i.displaced = r.i64(13);
  i.property_damage = r.i64(14) != 0;
  i.info_source = r.str(15);
  i.info_ref = r.str(16);
  i.verification = r.str(17);
  i.description = r.str(18);
  i.hotspot_id = r.opt_i64(19);
  i.classification = static_cast<int>(r.i64(20));
  i.version = r.i64(21);
  i.occurred_time = r.opt_str(22);
  return i;
}

db::Page<Incident> list_incidents(db::Conn& c, const auth::Scope& s, const IncidentQuery& q) {
  db::Params p;
  const IncidentFilter& f = q.filter;
  std::string sql = std::string(kIncidentSelect) + "WHERE " + s.record_filter("i.region_code", "i.classification", p);
  if (!q.region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = q.region;
    sql += " AND " + narrow.region_filter("i.region_code", p);
  }
  if (!q.from.empty()) { sql += " AND i.occurred_on >= ?"; p.emplace_back(q.from); }
  if (!q.to.empty()) { sql += " AND i.occurred_on <= ?"; p.emplace_back(q.to); }
  if (!f.source.empty()) { sql += " AND i.source = ?"; p.emplace_back(f.source); }
  if (!f.type.empty()) {
    sql += " AND (i.type_code = ? OR i.type_code LIKE ?)";
    p.emplace_back(f.type);
    p.emplace_back(f.type + ".%");
  }
  if (!f.verification.empty()) { sql += " AND i.verification = ?"; p.emplace_back(f.verification); }
  if (!f.info_source.empty()) { sql += " AND i.info_source = ?"; p.emplace_back(f.info_source); }
  return db::keyset_page(c, sql, p, q.page, "i.id", incident_from, db::KeyOrder::Descending);
}

std::optional<Incident> get_incident(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("i.region_code", "i.classification", p);
  std::optional<Incident> out;
  c.query(std::string(kIncidentSelect) + "WHERE i.id = ? AND " + where, p, [&](const db::Row& r) { out = incident_from(r); });
  return out;
}

Result<ImportReport> import_incidents(db::Conn& c, const auth::Scope& s, const CsvTable& t, const std::string& file_sha256) {
  ImportReport rep;
  static const char* required[] = {"region_code", "occurred_on", "source", "type_code", "info_source"};
  for (auto col : required)
    if (t.column(col) < 0)
      return Error::invalid_field("file", "missing_column", fmt::format("Kolom {} tidak ada di berkas.", col),
                                  fmt::format("The file has no {} column.", col));
  auto get = [&](const std::vector<std::string>& row, const char* col) {
    int i = t.column(col);
    return i < 0 ? std::string() : trim(row[static_cast<size_t>(i)]);
  };
  auto num = [&](const std::vector<std::string>& row, const char* col, int line) -> int {
    std::string v = get(row, col);
    if (v.empty()) return 0;
    auto n = parse_int64(v);
    if (!n || *n < 0) {
      rep.refused.push_back({line, field(col, "invalid", "Harus bilangan bulat >= 0.", "Must be a whole number >= 0.")});
      return 0;
    }
    return static_cast<int>(*n);
  };
  // Each region and type is looked up once per file.
  std::map<std::string, bool> known_regions, known_types;
  auto known = [&](std::map<std::string, bool>& cache, const char* sql, const std::string& code) {
    auto it = cache.find(code);
    if (it != cache.end()) return it->second;
    return cache[code] = c.query_i64(sql, {code}).has_value();
  };
  std::vector<IncidentInput> inputs;
  inputs.reserve(t.rows.size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    int line = t.row_lines[i];
    IncidentInput in;
    in.region_code = get(row, "region_code");
    in.occurred_on = get(row, "occurred_on");
    in.occurred_time = get(row, "occurred_time");
    in.source = get(row, "source");
    in.type_code = get(row, "type_code");
    in.info_source = get(row, "info_source");
    in.info_ref = get(row, "info_ref");
    in.description = get(row, "description");
    in.fatalities = num(row, "fatalities", line);
    in.injuries = num(row, "injuries", line);
    in.displaced = num(row, "displaced", line);
    in.property_damage = get(row, "property_damage") == "1";
    for (auto& e : validate_incident(in, now_iso())) rep.refused.push_back({line, e});
    if (!in.region_code.empty() && region_level(in.region_code) != RegionLevel::Invalid) {
      if (!s.covers(in.region_code))
        rep.refused.push_back({line, field("region_code", "out_of_scope", "Wilayah di luar cakupan Anda.", "Region outside your scope.")});
      else if (!known(known_regions, "SELECT 1 FROM regions WHERE code = ?", in.region_code))
        rep.refused.push_back({line, field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.")});
    }
    if (!known(known_types, "SELECT 1 FROM conflict_types WHERE code = ?", in.type_code))
      rep.refused.push_back({line, field("type_code", "not_found", "Jenis konflik tidak dikenal.", "Unknown conflict type.")});
    inputs.push_back(std::move(in));
  }
  rep.rows = static_cast<int>(inputs.size());
  if (!rep.refused.empty()) return rep;  // nothing is imported; the caller reports every refusal
  // Stored row by row; the alert rules then run as they would have for each row: a FATALITY
  // alert per deadly incident, and the surge rule once per kab/kota, after its last new incident.
  auto fatal_rules = active_rules(c, "FATALITY"), surge_rules = active_rules(c, "INCIDENT_SURGE");
  std::map<std::string, size_t> last_of_district;
  for (size_t i = 0; i < inputs.size(); ++i) {
    PANTAU_TRY(int64_t id, insert_incident(c, s, inputs[i], true));
    rep.created.push_back(id);
    for (auto& rule : fatal_rules) fatality_rule(c, rule, inputs[i], id);
    last_of_district[district_of(inputs[i].region_code)] = i;
  }
  // One audit row for the file (hash-chained like every row): its SHA-256, the row count and the
  // first and last incident id. Each incident keeps created_by/created_at in its own row.
  if (!rep.created.empty()) {
    int cls = 0;
    for (auto& in : inputs) cls = std::max(cls, in.classification);
    audit::append(c, s, {"import", "conflict_incident", fmt::format("{}-{}", rep.created.front(), rep.created.back()), s.region_code,
                         cls, std::nullopt,
                         audit::snapshot({{"sha256", file_sha256}, {"rows", static_cast<int64_t>(rep.created.size())},
                                          {"first_id", rep.created.front()}, {"last_id", rep.created.back()}})});
  }
  for (auto& rule : surge_rules)
    for (auto& [_, i] : last_of_district) surge_rule(c, rule, inputs[i], rep.created[i]);
  return rep;
}

namespace {
const std::vector<std::string> kExportColumns = {"id", "region_code", "region_name", "occurred_on", "source", "police_group",
                                                 "type_code", "fatalities", "injuries", "displaced", "property_damage",
                                                 "info_source", "info_ref", "verification", "description"};

// The incidents an export holds (the CSV and the XLSX alike), oldest first.
void for_each_exported(db::Conn& c, const auth::Scope& s, const std::string& region, const std::function<void(const db::Row&)>& fn) {
  db::Params p;
  std::string sql = std::string(kIncidentSelect) + "WHERE " + s.record_filter("i.region_code", "i.classification", p);
  if (!region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = region;
    sql += " AND " + narrow.region_filter("i.region_code", p);
  }
  c.query(sql + " ORDER BY i.occurred_on, i.id LIMIT 1000000", p, fn);
}
}  // namespace

std::string incidents_csv(db::Conn& c, const auth::Scope& s, const std::string& region) {
  CsvWriter w;
  for (const auto& h : kExportColumns) w.text(h);
  w.end_row();
  for_each_exported(c, s, region, [&](const db::Row& r) {
    w.number(r.i64(0)).code(r.text(1)).text(r.text(2)).text(r.text(3)).text(r.text(8)).text(police_group(r.text(8)))
        .text(r.text(9)).number(r.i64(11)).number(r.i64(12)).number(r.i64(13)).number(r.i64(14)).text(r.text(15))
        .text(r.text(16)).text(r.text(17)).text(r.text(18)).end_row();
  });
  return w.take();
}

Result<std::string> incidents_xlsx(db::Conn& c, const auth::Scope& s, const std::string& region) {
  using report::XlsxCell;
  report::XlsxWorkbook wb({"Insiden konflik sosial", "Pantau", "Daftar insiden konflik sosial", std::nullopt});
  wb.add_sheet("Insiden konflik");
  wb.header(kExportColumns);
  for_each_exported(c, s, region, [&](const db::Row& r) {
    auto day = parse_date(r.text(3));
    wb.row({XlsxCell::integer(r.i64(0)), r.str(1), r.str(2), day ? XlsxCell::date(*day) : XlsxCell(r.str(3)), r.str(8),
            std::string(police_group(r.text(8))), r.str(9), XlsxCell::integer(r.i64(11)), XlsxCell::integer(r.i64(12)),
            XlsxCell::integer(r.i64(13)), XlsxCell::integer(r.i64(14)), r.str(15), r.str(16), r.str(17), r.str(18)});
  });
  return wb.finish();
}

// ---- hotspots ----

Result<int64_t> create_hotspot(db::Conn& c, const auth::Scope& s, const HotspotInput& in) {
  if (!s.covers(in.region_code)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.region_code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  if (!c.query_i64("SELECT 1 FROM conflict_types WHERE code = ?", {in.type_code}))
    return Error::invalid_field("type_code", "not_found", "Jenis konflik tidak dikenal.", "Unknown conflict type.");
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO conflict_hotspots (region_code, name, source, type_code, parties, root_cause, triggers, history, impact_scope, "
      "responsible_agencies, handling_actions, lat, lng, classification, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {in.region_code, in.name, in.source, in.type_code, in.parties_json, in.root_cause, in.triggers, in.history, in.impact_scope,
       in.responsible_agencies, in.handling_actions, opt(in.lat), opt(in.lng), int64_t{in.classification}, s.user_id, now, now});
  audit::append(c, s, {"create", "conflict_hotspot", std::to_string(id), in.region_code, in.classification, std::nullopt,
                       audit::snapshot({{"name", in.name}, {"stage", std::string("POTENTIAL")}})});
  return id;
}

static constexpr const char* kHotspotSelect =
    "SELECT h.id, h.region_code, COALESCE(g.name, ''), h.name, h.source, h.type_code, h.parties, h.root_cause, h.triggers, "
    "h.history, h.stage, h.impact_scope, h.responsible_agencies, h.handling_actions, h.lat, h.lng, h.classification, h.version "
    "FROM conflict_hotspots h LEFT JOIN regions g ON g.code = h.region_code ";

static Hotspot hotspot_from(const db::Row& r) {
  Hotspot h;
  h.id = r.i64(0);
  h.region_code = r.str(1);
  h.region_name = r.str(2);
  h.name = r.str(3);
  h.source = r.str(4);
  h.type_code = r.str(5);
  h.parties_json = r.str(6);
  h.root_cause = r.str(7);
  h.triggers = r.str(8);
  h.history = r.str(9);
  h.stage = r.str(10);
  h.impact_scope = r.str(11);
  h.responsible_agencies = r.str(12);
  h.handling_actions = r.str(13);
  h.lat = r.opt_f64(14);
  h.lng = r.opt_f64(15);
  h.classification = static_cast<int>(r.i64(16));
  h.version = r.i64(17);
  return h;
}

std::optional<Hotspot> get_hotspot(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("h.region_code", "h.classification", p);
  std::optional<Hotspot> out;
  c.query(std::string(kHotspotSelect) + "WHERE h.id = ? AND " + where, p, [&](const db::Row& r) { out = hotspot_from(r); });
  return out;
}

db::Page<Hotspot> list_hotspots(db::Conn& c, const auth::Scope& s, const std::string& region) {
  db::Params p;
  std::string sql = std::string(kHotspotSelect) + "WHERE " + s.record_filter("h.region_code", "h.classification", p);
  if (!region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = region;
    sql += " AND " + narrow.region_filter("h.region_code", p);
  }
  db::Page<Hotspot> out;
  c.query(sql + " ORDER BY h.id DESC LIMIT 1000", p, [&](const db::Row& r) { out.items.push_back(hotspot_from(r)); });
  return out;
}

Status change_stage(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, Stage to, const std::string& note) {
  if (!s.can(auth::kRecordWrite)) return Error::forbidden();
  db::Params p{id};
  std::string where = s.record_filter("region_code", "classification", p);
  std::optional<std::string> stage, region;
  int64_t current = 0, cls = 0;
  c.query("SELECT stage, region_code, version, classification FROM conflict_hotspots WHERE id = ? AND " + where, p,
          [&](const db::Row& r) {
            stage = r.str(0);
            region = r.str(1);
            current = r.i64(2);
            cls = r.i64(3);
          });
  if (!stage) return Error::not_found("Potensi konflik tidak ditemukan.", "Hotspot not found.");
  if (current != version) return Error::stale_version();
  Stage from = *parse_stage(*stage);
  PANTAU_TRY(Stage next, stage_transition(from, to, false));
  c.exec("UPDATE conflict_hotspots SET stage = ?, handling_actions = CASE WHEN ? = '' THEN handling_actions ELSE handling_actions || ? END, "
         "updated_at = ?, version = version + 1 WHERE id = ?",
         {std::string(name(next)), note, "\n" + report::tanggal_indonesia(*parse_date(now_iso().substr(0, 10))) + ": " + note, now_iso(), id});
  audit::append(c, s, {"stage", "conflict_hotspot", std::to_string(id), *region, static_cast<int>(cls),
                       audit::snapshot({{"stage", std::string(name(from))}}), audit::snapshot({{"stage", std::string(name(next))}})});
  for (auto& rule : active_rules(c, "HOTSPOT_ESCALATING"))
    if (auto why = hotspot_escalated(from, next))
      raise_alert(c, *region, "HOTSPOT_ESCALATING", *why, "conflict_hotspot", id, static_cast<int>(cls), rule.target_tier);
  return {};
}

// ---- conflict status ----

Result<int64_t> declare_status(db::Conn& c, const auth::Scope& s, const StatusInput& in) {
  PANTAU_CHECK(check_status_duration(in.duration_days));
  RegionLevel want = in.scale == "KABKOTA" ? RegionLevel::KabKota : in.scale == "PROVINSI" ? RegionLevel::Provinsi : RegionLevel::National;
  if (region_level(in.region_code) != want)
    return Error::invalid_field("region_code", "wrong_level", "Kode wilayah tidak sesuai skala status.", "The region code does not match the scale.");
  if (!s.covers(in.region_code) || !s.can(auth::kRecordApprove))
    return Error::forbidden("Penetapan status di luar kewenangan Anda.", "Declaring this status is outside your authority.");
  auto start = parse_date(in.start_date);
  if (!start) return Error::invalid_field("start_date", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  std::string end = format_date(civil_from_days(days_from_civil(*start) + in.duration_days - 1));
  int64_t id = c.insert("INSERT INTO conflict_statuses (scale, region_code, hotspot_id, decree_number, start_date, end_date, created_by, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        {in.scale, in.region_code, opt(in.hotspot_id), in.decree_number, in.start_date, end, s.user_id, now_iso()});
  if (in.hotspot_id) {
    db::Params p{*in.hotspot_id};
    std::string where = s.record_filter("region_code", "classification", p);  // a hotspot the caller may see
    auto stage = c.query_str("SELECT stage FROM conflict_hotspots WHERE id = ? AND " + where, p);
    if (!stage) return Error::invalid_field("hotspot_id", "not_found", "Potensi konflik tidak ditemukan.", "Hotspot not found.");
    PANTAU_TRY(Stage next, stage_transition(*parse_stage(*stage), Stage::StatusDeclared, true));
    c.exec("UPDATE conflict_hotspots SET stage = ?, version = version + 1 WHERE id = ?", {std::string(name(next)), *in.hotspot_id});
  }
  audit::append(c, s, {"declare", "conflict_status", std::to_string(id), in.region_code, 0, std::nullopt,
                       audit::snapshot({{"decree", in.decree_number}, {"start", in.start_date}, {"end", end}})});
  return id;
}

Status extend_status(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, int days, const std::string& decree) {
  db::Params p{id};
  std::string where = s.region_filter("region_code", p);
  std::optional<std::string> end, region, status;
  int64_t v = 0;
  bool extended = false;
  c.query("SELECT end_date, region_code, status, version, extended_to FROM conflict_statuses WHERE id = ? AND " + where, p,
          [&](const db::Row& r) {
            end = r.str(0);
            region = r.str(1);
            status = r.str(2);
            v = r.i64(3);
            extended = !r.is_null(4);
          });
  if (!end) return Error::not_found("Status tidak ditemukan.", "Status not found.");
  if (!s.can(auth::kRecordApprove)) return Error::forbidden();
  if (v != version) return Error::stale_version();
  if (*status == "ENDED") return Error::conflict("status_ended", "Status sudah berakhir.", "The status has ended.");
  PANTAU_CHECK(check_extension(days, extended));
  std::string to = format_date(civil_from_days(days_from_civil(*parse_date(*end)) + days));
  c.exec("UPDATE conflict_statuses SET extended_to = ?, extension_decree = ?, status = 'EXTENDED', version = version + 1 WHERE id = ?",
         {to, decree, id});
  audit::append(c, s, {"extend", "conflict_status", std::to_string(id), *region, 0, std::nullopt,
                       audit::snapshot({{"extended_to", to}, {"decree", decree}})});
  return {};
}

Status end_status(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& ended_on) {
  db::Params p{id};
  std::string where = s.region_filter("region_code", p);
  auto region = c.query_str("SELECT region_code FROM conflict_statuses WHERE id = ? AND " + where, p);
  if (!region) return Error::not_found("Status tidak ditemukan.", "Status not found.");
  if (!s.can(auth::kRecordApprove)) return Error::forbidden();
  if (!parse_date(ended_on)) return Error::invalid_field("ended_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (c.exec("UPDATE conflict_statuses SET ended_on = ?, status = 'ENDED', version = version + 1 WHERE id = ? AND version = ? AND status <> 'ENDED'",
             {ended_on, id, version}) == 0)
    return Error::stale_version();
  audit::append(c, s, {"end", "conflict_status", std::to_string(id), *region, 0, std::nullopt, audit::snapshot({{"ended_on", ended_on}})});
  return {};
}

db::Page<ConflictStatus> list_statuses(db::Conn& c, const auth::Scope& s) {
  db::Params p;
  db::Page<ConflictStatus> out;
  c.query("SELECT id, scale, region_code, hotspot_id, decree_number, start_date, end_date, extension_decree, extended_to, ended_on, "
          "status, version FROM conflict_statuses WHERE " + s.region_filter("region_code", p) + " ORDER BY id DESC LIMIT 500",
          p, [&](const db::Row& r) {
            ConflictStatus st;
            st.id = r.i64(0);
            st.scale = r.str(1);
            st.region_code = r.str(2);
            st.hotspot_id = r.opt_i64(3);
            st.decree_number = r.str(4);
            st.start_date = r.str(5);
            st.end_date = r.str(6);
            st.extension_decree = r.opt_str(7);
            st.extended_to = r.opt_str(8);
            st.ended_on = r.opt_str(9);
            st.status = r.str(10);
            st.version = r.i64(11);
            out.items.push_back(std::move(st));
          });
  return out;
}

// ---- alerts ----

namespace {
// The alerts the caller may see (optionally one), newest first.
std::vector<Alert> read_alerts(db::Conn& c, const auth::Scope& s, const std::string& status, Date today, std::optional<int64_t> id,
                               const std::string& region = "") {
  db::Params p;
  std::string sql = "SELECT a.id, a.region_code, COALESCE(g.name, ''), a.rule_code, a.reason_id, a.reason_en, a.entity, a.entity_id, "
                    "a.raised_at, a.assigned_agency, a.due_date, a.status, a.response, a.outcome, a.closed_at, a.version, a.escalated_to, "
                    "a.escalated_at, (SELECT MIN(r.response_days) FROM conflict_alert_rules r WHERE r.kind = a.rule_code AND r.active = 1) "
                    "FROM conflict_alerts a LEFT JOIN regions g ON g.code = a.region_code WHERE " +
                    s.record_filter("a.region_code", "a.classification", p);
  if (!status.empty()) { sql += " AND a.status = ?"; p.emplace_back(status); }
  if (!region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = region;
    sql += " AND " + narrow.region_filter("a.region_code", p);
  }
  if (id) { sql += " AND a.id = ?"; p.emplace_back(*id); }
  std::string t = format_date(today);
  std::vector<Alert> out;
  c.query(sql + " ORDER BY a.id DESC LIMIT 500", p, [&](const db::Row& r) {
    Alert a;
    a.id = r.i64(0);
    a.region_code = r.str(1);
    a.region_name = r.str(2);
    a.rule_code = r.str(3);
    a.reason = {r.str(4), r.str(5)};
    a.entity = r.str(6);
    a.entity_id = r.str(7);
    a.raised_at = r.str(8);
    a.assigned_agency = r.opt_str(9);
    a.due_date = r.opt_str(10);
    a.status = r.str(11);
    a.response = r.str(12);
    a.outcome = r.str(13);
    a.closed_at = r.opt_str(14);
    a.version = r.i64(15);
    a.overdue = !r.is_null(10) && r.str(10) < t && r.text(11) != "CLOSED";
    // An overdue response is escalated: the tier above sees it flagged for follow-up.
    a.escalated_to = !r.is_null(16) ? r.str(16) : a.overdue ? region_parent(district_of(r.str(1))) : std::string();
    a.escalated_at = r.opt_str(17);
    // The response time the administrators set for rules of this kind (the suggested due date).
    a.response_days = r.is_null(18) ? int64_t{3} : r.i64(18);
    out.push_back(std::move(a));
  });
  return out;
}
}  // namespace

db::Page<Alert> list_alerts(db::Conn& c, const auth::Scope& s, const std::string& status, Date today, const std::string& region) {
  db::Page<Alert> out;
  out.items = read_alerts(c, s, status, today, std::nullopt, region);
  return out;
}

std::optional<Alert> get_alert(db::Conn& c, const auth::Scope& s, int64_t id, Date today) {
  auto found = read_alerts(c, s, "", today, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

static Result<std::string> alert_region(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, int* cls) {
  db::Params p{id};
  std::string where = s.record_filter("region_code", "classification", p);
  std::optional<std::string> region;
  int64_t v = 0;
  c.query("SELECT region_code, version, classification FROM conflict_alerts WHERE id = ? AND " + where, p, [&](const db::Row& r) {
    region = r.str(0);
    v = r.i64(1);
    *cls = static_cast<int>(r.i64(2));
  });
  if (!region) return Error::not_found("Peringatan tidak ditemukan.", "Alert not found.");
  if (!s.can(auth::kRecordReview)) return Error::forbidden();
  if (v != version) return Error::stale_version();
  return *region;
}

Status assign_alert(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& agency, const std::string& due) {
  int cls = 0;  // the history of an alert is as confidential as the alert
  PANTAU_TRY(std::string region, alert_region(c, s, id, version, &cls));
  if (!parse_date(due)) return Error::invalid_field("due_date", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (c.exec("UPDATE conflict_alerts SET assigned_agency = ?, due_date = ?, status = 'ASSIGNED', version = version + 1 "
             "WHERE id = ? AND status IN ('OPEN', 'ASSIGNED')",
             {agency, due, id}) == 0)
    return Error::conflict("alert_closed", "Peringatan ini sudah ditanggapi atau ditutup.", "This alert was already answered or closed.");
  audit::append(c, s, {"assign", "conflict_alert", std::to_string(id), region, cls, std::nullopt,
                       audit::snapshot({{"agency", agency}, {"due_date", due}})});
  return {};
}

Status respond_alert(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& response,
                     const std::string& outcome, bool close) {
  int cls = 0;
  PANTAU_TRY(std::string region, alert_region(c, s, id, version, &cls));
  if (response.empty() && outcome.empty())
    return Error::invalid_field("response", "required", "Catat tanggapan atau hasilnya.", "Record the response or its outcome.");
  if (close && outcome.empty())
    return Error::invalid_field("outcome", "required", "Peringatan ditutup dengan hasil yang tercatat.", "An alert is closed with a recorded outcome.");
  // A closed alert stays closed with its recorded outcome.
  if (c.exec("UPDATE conflict_alerts SET response = CASE WHEN ? = '' THEN response ELSE ? END, outcome = ?, status = ?, closed_at = ?, "
             "version = version + 1 WHERE id = ? AND status <> 'CLOSED'",
             {response, response, outcome, std::string(close ? "CLOSED" : "RESPONDED"), close ? db::Value(now_iso()) : db::Value(), id}) == 0)
    return Error::conflict("alert_closed", "Peringatan ini sudah ditutup.", "This alert is already closed.");
  audit::append(c, s, {close ? "close" : "respond", "conflict_alert", std::to_string(id), region, cls, std::nullopt,
                       std::string("{}")});
  return {};
}

// ---- vulnerability ----

Vulnerability vulnerability(db::Conn& c, const auth::Scope& s, int level, const std::string& province, Date today,
                            const ScoringModel& model) {
  size_t len = level == 1 ? 2 : 5;
  std::map<std::string, std::vector<IncidentFacts>> incidents;
  std::map<std::string, std::vector<Stage>> hotspots;
  std::map<std::string, std::string> names;
  auth::Scope scope = s;
  if (!province.empty() && s.covers(province)) scope.region_code = province;
  {
    db::Params p{int64_t{level}};
    c.query("SELECT code, name FROM regions WHERE level = ? AND " + scope.region_filter("code", p), p,
            [&](const db::Row& r) { names[r.str(0)] = r.str(1); });
  }
  std::string from = format_date(civil_from_days(days_from_civil(today) - model.window_days));
  {
    db::Params p{from, format_date(today)};
    std::string where = scope.record_filter("region_code", "classification", p);
    c.query("SELECT region_code, occurred_on, fatalities, injuries, displaced, property_damage FROM conflict_incidents "
            "WHERE occurred_on >= ? AND occurred_on <= ? AND " + where, p, [&](const db::Row& r) {
              std::string code = r.str(0);
              if (code.size() < len) return;
              incidents[code.substr(0, len)].push_back({*parse_date(r.text(1)), static_cast<int>(r.i64(2)),
                                                        static_cast<int>(r.i64(3)), static_cast<int>(r.i64(4)), r.i64(5) != 0});
            });
  }
  {
    db::Params p;
    std::string where = scope.record_filter("region_code", "classification", p);
    c.query("SELECT region_code, stage FROM conflict_hotspots WHERE " + where, p, [&](const db::Row& r) {
      std::string code = r.str(0);
      if (code.size() >= len) hotspots[code.substr(0, len)].push_back(*parse_stage(r.text(1)));
    });
  }
  Vulnerability out;
  out.level = level;
  out.date = today;
  for (auto& [code, name] : names) out.regions.push_back({code, name, score_region(model, today, incidents[code], hotspots[code])});
  return out;
}

// ---- alert rules (administrators) ----

namespace {

Status national_admin(const auth::Scope& s) {
  if (!s.national() || !s.can(auth::kUserAdmin))
    return Error::forbidden("Aturan peringatan dini hanya diubah administrator pusat.",
                            "Only national administrators change the early-warning rules.");
  return {};
}

}  // namespace

std::optional<AlertRuleRow> find_alert_rule(db::Conn& c, int64_t id) {
  std::optional<AlertRuleRow> out;
  c.query(fmt::format("SELECT {} FROM conflict_alert_rules WHERE id = ?", kRuleColumns), {id}, [&](const db::Row& r) {
    AlertRuleRow row;
    row.rule = rule_from_row(r, &row.note, &row.version, &row.updated_at);
    out = std::move(row);
  });
  return out;
}

std::vector<AlertRuleRow> list_alert_rules(db::Conn& c) {
  std::vector<AlertRuleRow> out;
  c.query(fmt::format("SELECT {} FROM conflict_alert_rules ORDER BY id", kRuleColumns), {}, [&](const db::Row& r) {
    AlertRuleRow row;
    row.rule = rule_from_row(r, &row.note, &row.version, &row.updated_at);
    out.push_back(std::move(row));
  });
  return out;
}

Result<int64_t> create_alert_rule(db::Conn& c, const auth::Scope& s, const AlertRule& r, const std::string& note) {
  PANTAU_CHECK(national_admin(s));
  auto errs = validate_alert_rule(r);
  if (!errs.empty()) return Error::invalid(errs);
  int64_t id = c.insert("INSERT INTO conflict_alert_rules (kind, active, target_tier, days, factor, min_incidents, baseline_days, "
                        "response_days, note, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                        {r.code, int64_t{r.active ? 1 : 0}, r.target_tier, int64_t{r.days}, r.factor, int64_t{r.min_incidents},
                         int64_t{r.baseline_days}, int64_t{r.response_days}, note, now_iso()});
  AlertRule saved = r;
  saved.id = id;
  audit::append(c, s, {"create", "conflict_alert_rule", std::to_string(id), "", 0, std::nullopt, to_json(AlertRuleRow{saved, note, "", 1})});
  return id;
}

Status update_alert_rule(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const AlertRule& r,
                         const std::string& note) {
  PANTAU_CHECK(national_admin(s));
  auto before = find_alert_rule(c, id);
  if (!before) return Error::not_found("Aturan tidak ditemukan.", "Rule not found.");
  if (before->version != version) return Error::stale_version();
  auto errs = validate_alert_rule(r);
  if (!errs.empty()) return Error::invalid(errs);
  if (r.code != before->rule.code)
    return Error::invalid_field("kind", "immutable", "Jenis aturan tidak dapat diubah.", "A rule's kind cannot change.");
  if (c.exec("UPDATE conflict_alert_rules SET active = ?, target_tier = ?, days = ?, factor = ?, min_incidents = ?, "
             "baseline_days = ?, response_days = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
             {int64_t{r.active ? 1 : 0}, r.target_tier, int64_t{r.days}, r.factor, int64_t{r.min_incidents}, int64_t{r.baseline_days},
              int64_t{r.response_days}, note, now_iso(), id, version}) == 0)
    return Error::stale_version();
  AlertRule after = r;
  after.id = id;
  audit::append(c, s, {"update", "conflict_alert_rule", std::to_string(id), "", 0, to_json(*before),
                       to_json(AlertRuleRow{after, note, "", version + 1})});
  return {};
}

// ---- taxonomy ----

Taxonomy taxonomy(db::Conn& c) {
  Taxonomy t;
  // Parents first, each followed by its sub-types.
  c.query("SELECT code, parent_code, name_id, name_en FROM conflict_types ORDER BY COALESCE(parent_code, code), parent_code IS NOT NULL, code",
          {}, [&](const db::Row& r) { t.types.push_back({r.str(0), r.opt_str(1), {r.str(2), r.str(3)}}); });
  return t;
}

}  // namespace pantau::conflict
