// /api/v1/monitoring/... and /api/v1/calendar/holidays, /api/v1/notifications
#include <fmt/format.h>

#include "auth/roles.h"
#include "core/holidays_store.h"
#include "core/period.h"
#include "core/strings.h"
#include "core/time.h"
#include "db/rerun.h"
#include "http/answer_cache.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/monitoring/documents.h"
#include "modules/monitoring/rules.h"
#include "modules/monitoring/store.h"
#include "modules/regions/public.h"
#include "notify/notify.h"

namespace pantau::monitoring {

using http::Ctx;
using http::Response;

namespace {

using http::path_id;

Result<ReportQuery> list_query(const http::Request& req) {
  ReportQuery q;
  PANTAU_TRY(http::Paging page, http::paging(req));
  q.after = page.after;
  q.limit = page.limit;
  q.report_type = req.q("type").value_or("");
  q.period = req.q("period").value_or("");
  q.status = req.q("status").value_or("");
  q.region_code = req.q("region").value_or("");
  if (!q.region_code.empty()) PANTAU_CHECK(regions::check_code(q.region_code, "region"));
  return q;
}

std::optional<int> clearance_field(json::In& in) {
  if (auto c = in.one_of("classification", false, auth::kClearanceNames)) return auth::parse_clearance(*c);
  return std::nullopt;
}

Result<ReportInput> report_input(const http::Request& req, bool create) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  ReportInput r;
  if (create) {
    r.report_type = in.str("report_type", true, 64).value_or("");
    r.period = in.str("period", true, 16).value_or("");
    r.region_code = in.str("region_code", false, 8).value_or("");
  }
  const rapidjson::Value* sections = in.get("sections");
  if (sections && !sections->IsObject()) in.add_error("sections", "type", "Harus berupa objek.", "Must be an object.");
  for (size_t i = 0; i < kSections.size(); ++i) {
    if (!sections || !sections->IsObject()) continue;
    auto it = sections->FindMember(rapidjson::Value(kSections[i].data(), static_cast<rapidjson::SizeType>(kSections[i].size())));
    if (it == sections->MemberEnd() || it->value.IsNull()) continue;
    std::string field = "sections." + std::string(kSections[i]);
    if (!it->value.IsString()) {
      in.add_error(field, "type", "Harus berupa teks.", "Must be text.");
      continue;
    }
    std::string v(it->value.GetString(), it->value.GetStringLength());
    if (v.size() > 100000) {
      in.add_error(field, "too_long", "Paling banyak 100.000 karakter.", "At most 100,000 characters.");
      continue;
    }
    if (!valid_utf8(v) || v.find('\0') != std::string::npos) {
      in.add_error(field, "invalid", "Mengandung karakter yang tidak diizinkan.", "Contains a character that is not allowed.");
      continue;
    }
    r.sections[i] = std::move(v);
  }
  r.classification = clearance_field(in);
  if (!in.ok()) return in.error();
  return r;
}

Response list_types(Ctx& ctx) {
  return http::read_items(ctx, [](db::Conn& c) { return list_report_types(c); });
}

Response patch_type(Ctx& ctx) {
  // Deadline rules hold for the whole country: only the ministry changes them.
  if (!ctx.scope().national()) return Error::forbidden();
  PANTAU_TRY(int64_t version, http::required_version(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto unit = in.one_of("due_unit", true, {"CALENDAR_DAYS", "WORKING_DAYS", "MONTHS"});
  auto value = in.int64("due_value", true, 0, 366);
  auto basis = in.str("legal_basis", false, 500);
  auto opens = in.int64("submit_from_days_before_end", false, 0, 92);
  if (!in.ok()) return in.error();
  DueRule rule{parse_offset_unit(*unit).value(), static_cast<int>(*value)};
  std::string code(ctx.req.param("code"));
  std::optional<int> opens_days;
  if (opens) opens_days = static_cast<int>(*opens);
  return http::write(ctx, [&](db::Conn& c) { return update_report_type(c, ctx.scope(), code, version, rule, basis, opens_days); });
}

Response list_holidays(Ctx& ctx) {
  auto year = ctx.req.q("year").value_or("");
  if (!year.empty() && (!parse_int64(year) || year.size() != 4))
    return Error::invalid_field("year", "invalid", "Tahun tidak valid.", "Invalid year.");
  return http::read(ctx, [&](db::Conn& c) {
    json::Out o;
    o.begin_object().key("items").begin_array();
    for (const auto& h : holidays::list(c, year))
      o.begin_object().kv("date", h.date).kv("kind", h.kind).kv_message("name", {h.name_id, h.name_en})
          .kv("legal_basis", h.legal_basis).end_object();
    o.end_array().end_object();
    return Response::json(200, o.take());
  });
}

Response add_holiday(Ctx& ctx) {
  if (!ctx.scope().national()) return Error::forbidden();
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto date = in.str("date", true, 10);
  auto kind = in.one_of("kind", true, {"LIBUR_NASIONAL", "CUTI_BERSAMA"});
  auto name_id = in.str("name_id", true, 200);
  auto name_en = in.str("name_en", false, 200);
  auto basis = in.str("legal_basis", true, 300);
  if (date && !parse_date(*date)) in.add_error("date", "invalid", "Tanggal harus berformat TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (!in.ok()) return in.error();
  holidays::Holiday h{*date, *kind, *name_id, name_en.value_or(""), *basis};
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(holidays::Holiday saved, holidays::add(c, ctx.scope(), h));
    return Response::json(201, json::object("date", saved.date, "kind", saved.kind));
  });
}

Response delete_holiday(Ctx& ctx) {
  if (!ctx.scope().national()) return Error::forbidden();
  std::string date(ctx.req.param("date"));
  if (!parse_date(date)) return Error::not_found();
  return http::write(ctx, [&](db::Conn& c) { return holidays::remove(c, ctx.scope(), date); });
}

// The report list is read again and again (514 offices, the province and ministry dashboards)
// while reports change rarely: the rendered page is kept while nothing was written (see
// http::AnswerCache), for at most 5 s (writes this process cannot see: another process on the
// SQLite file), and never past the next deadline of an unsent report on it (its timeliness turns
// from NOT_YET_DUE to MISSING then). The session, CSRF, permission and scope checks run before
// this handler on every request. 32 MB holds a page of 50 for each of ~1,000 callers and queries.
http::AnswerCache& list_cache() {
  static http::AnswerCache cache(4096, std::chrono::seconds(5), size_t{32} << 20);
  return cache;
}

// Everything the page depends on: the query as parsed (an absent limit is the default one; other
// parameters do not change the page), and the caller's area and clearance (the page holds no
// per-user field, no localised text that follows the caller's language, and its timeliness depends
// on the time, see list_cache). Each part is length-prefixed, so no two queries share a key.
std::string list_key(const ReportQuery& q, const auth::Scope& s) {
  std::string key;
  key.reserve(96);
  auto part = [&](std::string_view v) {
    key += std::to_string(v.size());
    key += ':';
    key += v;
  };
  part(s.region_code);
  part(std::to_string(s.clearance));
  part(q.after ? std::to_string(*q.after) : std::string());
  part(std::to_string(q.limit));
  part(q.report_type);
  part(q.period);
  part(q.status);
  part(q.region_code);
  return key;
}

// Whether a cached page can be trusted to follow every write: on SQLite this process is the
// writer (other processes are bounded by the ttl); on PostgreSQL only while the change listener
// follows the writes of other instances (`pantau serve` always opens with it, Database::generation).
bool list_cache_usable(db::Database& db) { return db.dialect() == db::Dialect::SQLite || db.health().listening; }

// A request that asks caches to go to the origin (Cache-Control: no-cache, e.g. a forced reload)
// is answered from the query; its page then replaces the kept one.
bool wants_fresh(const http::Request& req) { return req.header("cache-control").find("no-cache") != std::string_view::npos; }

Response list_all_reports(Ctx& ctx) {
  PANTAU_TRY(ReportQuery q, list_query(ctx.req));
  if (!q.status.empty() && !parse_report_status(q.status))
    return Error::invalid_field("status", "not_allowed", "Status laporan tidak dikenal.", "Unknown report status.");
  if (!q.period.empty() && !parse_period(q.period).ok())
    return Error::invalid_field("period", "invalid", "Periode tidak valid (mis. 2026-Q3).", "Invalid period (e.g. 2026-Q3).");
  const bool cacheable = list_cache_usable(ctx.db());
  const uint64_t generation = ctx.db().generation();  // before the query: a write meanwhile makes the page unusable
  const std::string key = cacheable ? list_key(q, ctx.scope()) : std::string();
  // A kept page was made by a request with the same type, so the type was known then and no
  // write (which a change of the types would be) happened since.
  if (cacheable && !wants_fresh(ctx.req))
    if (auto hit = list_cache().find(key, generation)) return http::conditional_answer(ctx.req, *hit);
  // The page is written straight from the rows (list_reports_json), not through records.
  std::optional<TimePoint> turns_at;
  std::string page;
  bool known_type = true;
  Status s = ctx.db().read([&](db::Conn& c) {
    known_type = q.report_type.empty() || get_report_type(c, q.report_type).has_value();
    if (known_type) page = list_reports_json(c, ctx.scope(), q, &turns_at);
  });
  if (!s.ok()) return s.error();
  if (!known_type) return Error::invalid_field("type", "not_allowed", "Jenis laporan tidak dikenal.", "Unknown report type.");
  if (!cacheable) {
    std::string tag = http::body_etag(page);
    return http::conditional_answer(ctx.req, http::CachedAnswer{std::move(page), std::move(tag)});
  }
  std::optional<http::AnswerCache::Clock::time_point> until;
  if (turns_at) until = http::AnswerCache::Clock::now() + (*turns_at - system_time().now());
  return http::conditional_answer(ctx.req, *list_cache().keep(key, generation, std::move(page), until));
}

Response create_one_report(Ctx& ctx) {
  PANTAU_TRY(ReportInput in, report_input(ctx.req, true));
  return http::create(ctx, [&](db::Conn& c) { return create_report(c, ctx.scope(), in); });
}

// The evidence files attached to a record the caller may read, as a JSON array (name, size, hash).
std::string attachments_json(db::Conn& c, const auth::Scope& s, std::string_view entity, int64_t id) {
  json::Out o;
  o.begin_array();
  for (const auto& f : record_attachments(c, s, entity, id))
    o.begin_object().kv("id", f.id).kv("name", f.name).kv("mime", f.mime).kv("size", f.size).kv("sha256", f.sha256).end_object();
  o.end_array();
  return o.take();
}

Response get_one_report(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto r = get_report(c, ctx.scope(), id);
    if (!r) return Error::not_found("Laporan tidak ditemukan.", "Report not found.");
    std::string files = attachments_json(c, ctx.scope(), "periodic_report", id);
    return http::with_version(Response::json(200, json::with_member(to_json(*r), "attachments", files)), r->version);
  });
}

Response patch_report(Ctx& ctx) {
  return http::update(ctx, [](const http::Request& req) { return report_input(req, false); },
                      [&](db::Conn& c, int64_t id, int64_t version, const ReportInput& in) {
                        return update_report(c, ctx.scope(), id, version, in);
                      });
}

Response report_action(Ctx& ctx) {
  return http::action(
      ctx, {"SUBMIT", "RETURN", "ACCEPT", "CONSOLIDATE", "ARCHIVE"}, "reason",
      [&](db::Conn& c, int64_t id, int64_t version, const std::string& action, const std::string& reason) {
        return act_on_report(c, ctx.scope(), id, version, *parse_report_action(action), reason);
      });
}

Response report_sources(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto r = get_report(c, ctx.scope(), id);
    if (!r) return Error::not_found("Laporan tidak ditemukan.", "Report not found.");
    return Response::json(200, http::page_json(http::Page<PeriodicReport>{source_reports(c, ctx.scope(), *r), std::nullopt}));
  });
}

// The recap is the same for everyone with the same area (it shows who reported, not what), and
// national users ask for the same period again and again: keep the rendered answer while nothing
// was written, for at most 5 s (deadlines passing change "not yet due" to "missing").
http::AnswerCache& recap_cache() {
  static http::AnswerCache cache(256, std::chrono::seconds(5));
  return cache;
}

// ?type=&period= of a recap (the period is required).
Result<std::pair<std::string, std::string>> recap_query(const http::Request& req) {
  auto type = req.q("type").value_or("TRIWULAN");
  auto period = req.q("period").value_or("");
  if (period.empty()) return Error::invalid_field("period", "required", "Wajib diisi.", "This field is required.");
  return std::make_pair(type, period);
}

Response recap_route(Ctx& ctx) {
  PANTAU_TRY(auto q, recap_query(ctx.req));
  const auto& [type, period] = q;
  const uint64_t generation = ctx.db().generation();
  const std::string key = type + '\n' + period + '\n' + ctx.scope().region_code;
  if (auto hit = recap_cache().get(key, generation)) return Response::json(200, *hit);
  Response r = http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(auto rows, recap(c, ctx.scope(), type, period, system_time().now()));
    return Response::json(200, recap_json(type, period, rows));
  });
  if (r.status == 200) recap_cache().put(key, generation, r.body);
  return r;
}

Response report_pdf_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  std::optional<PeriodicReport> r;
  Status s = ctx.db().read([&](db::Conn& c) { r = get_report(c, ctx.scope(), id); });
  if (!s.ok()) return s.error();
  if (!r) return Error::not_found("Laporan tidak ditemukan.", "Report not found.");
  auto issued = documents::issue(ctx.db(), ctx.scope(), report_document(*r), documents::public_base(ctx.svc.cfg),
                                 [&](db::Conn& c, const documents::Stamp& st) { return report_pdf(c, ctx.scope(), *r, st); });
  if (!issued.ok()) return issued.error();
  Response res = http::attachment(std::move(issued->pdf), "application/pdf",
                                  fmt::format("laporan-{}-{}-{}.pdf", r->report_type, r->region_code, r->period));
  res.header("X-Document-Code", issued->entry.code);
  return res;
}

Response recap_xlsx_route(Ctx& ctx) {
  PANTAU_TRY(auto q, recap_query(ctx.req));
  const auto& [type, period] = q;
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(auto rows, recap(c, ctx.scope(), type, period, system_time().now()));
    PANTAU_TRY(std::string x, recap_xlsx(type, period, rows));
    return http::attachment(std::move(x), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            fmt::format("rekap-{}-{}.xlsx", type, period));
  });
}

Result<MonitoringTeam> team_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  MonitoringTeam t;
  t.region_code = in.str("region_code", false, 8).value_or("");
  t.name = in.str("name", true, 300).value_or("");
  t.decree_number = in.str("decree_number", true, 200).value_or("");
  t.decree_date = in.str("decree_date", true, 10).value_or("");
  t.valid_from = in.str("valid_from", true, 10).value_or("");
  t.valid_to = in.str("valid_to", false, 10);
  t.legal_basis = in.str("legal_basis", false, 500).value_or("");
  auto* members = in.get("members");
  if (!members || !members->IsArray() || members->Size() == 0 || members->Size() > 200) {
    in.add_error("members", "required", "Isi daftar anggota tim (1-200 orang).", "List the team members (1-200 people).");
  } else {
    for (rapidjson::SizeType i = 0; i < members->Size(); ++i) {
      auto& m = (*members)[i];
      auto str = [&](const char* k) {
        return m.IsObject() && m.HasMember(k) && m[k].IsString() ? trim(m[k].GetString()).substr(0, 300) : std::string();
      };
      TeamMember tm{str("name"), str("nip"), str("position_title"), str("origin_agency"), str("team_role"), str("working_group")};
      if (tm.name.empty()) in.add_error(fmt::format("members[{}].name", i), "required", "Nama wajib diisi.", "The name is required.");
      if (std::find(kTeamRoles.begin(), kTeamRoles.end(), tm.team_role) == kTeamRoles.end())
        in.add_error(fmt::format("members[{}].team_role", i), "not_allowed", "Peran dalam tim tidak dikenal.", "Unknown team role.");
      t.members.push_back(std::move(tm));
    }
  }
  if (!in.ok()) return in.error();
  return t;
}

Response list_all_teams(Ctx& ctx) {
  return http::read(ctx, [&](db::Conn& c) {
    return Response::json(200, http::page_json(http::Page<MonitoringTeam>{list_teams(c, ctx.scope()), std::nullopt}));
  });
}

Response get_one_team(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_team(c, ctx.scope(), id); },
                        {"Tim tidak ditemukan.", "Team not found."});
}

Response create_team(Ctx& ctx) {
  PANTAU_TRY(MonitoringTeam in, team_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return save_team(c, ctx.scope(), std::nullopt, 0, in); });
}

Response patch_team(Ctx& ctx) {
  return http::update(ctx, team_input, [&](db::Conn& c, int64_t id, int64_t version, const MonitoringTeam& in) {
    return save_team(c, ctx.scope(), id, version, in);
  });
}

Result<EventInput> event_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  EventInput e;
  e.region_code = in.str("region_code", true, 8).value_or("");
  if (!e.region_code.empty() && region_level(e.region_code) == RegionLevel::Invalid)
    in.add_error("region_code", "region_code", "Kode wilayah tidak valid.", "Invalid region code.");
  e.location_text = in.str("location_text", false, 500).value_or("");
  e.occurred_at = in.str("occurred_at", true, 30).value_or("");
  if (!e.occurred_at.empty()) {
    auto t = parse_iso(e.occurred_at);
    if (!t) in.add_error("occurred_at", "invalid", "Waktu harus ISO 8601 UTC, mis. 2026-11-23T08:30:00Z.",
                         "The time must be ISO 8601 UTC, e.g. 2026-11-23T08:30:00Z.");
    else if (*t > system_time().now() + std::chrono::minutes(10))
      in.add_error("occurred_at", "future", "Waktu kejadian tidak boleh di masa depan.", "The event cannot be in the future.");
    else e.occurred_at = format_iso(*t);
  }
  e.category_code = in.str("category_code", true, 64).value_or("");
  e.title = in.str("title", true, 300).value_or("");
  e.description = in.str("description", false, 20000).value_or("");
  e.escalation_level = in.one_of("escalation_level", true, kEscalationLevels).value_or("");
  e.source = in.one_of("source", true, kEventSources).value_or("");
  e.source_ref = in.str("source_ref", false, 500).value_or("");
  e.lat = in.number("lat", false);
  e.lng = in.number("lng", false);
  if (e.lat && (*e.lat < -11.5 || *e.lat > 6.5)) in.add_error("lat", "out_of_range", "Lintang di luar wilayah Indonesia.", "Latitude outside Indonesia.");
  if (e.lng && (*e.lng < 94.5 || *e.lng > 141.5)) in.add_error("lng", "out_of_range", "Bujur di luar wilayah Indonesia.", "Longitude outside Indonesia.");
  if (auto* actors = in.get("actors")) {
    if (!actors->IsArray() || actors->Size() > 50) {
      in.add_error("actors", "type", "Harus berupa daftar (paling banyak 50).", "Must be a list (at most 50).");
    } else {
      json::Out o;
      o.begin_array();
      for (auto& a : actors->GetArray()) {
        if (!a.IsObject() || !a.HasMember("name") || !a["name"].IsString() || a["name"].GetStringLength() > 200) {
          in.add_error("actors", "invalid", "Setiap aktor perlu nama (teks).", "Each actor needs a name (text).");
          break;
        }
        std::string type = a.HasMember("type") && a["type"].IsString() ? a["type"].GetString() : "OTHER";
        static const std::vector<std::string> types = {"PARTY", "CANDIDATE", "ORMAS", "ASN", "PUBLIC", "MEDIA", "OTHER"};
        if (std::find(types.begin(), types.end(), type) == types.end()) type = "OTHER";
        o.begin_object().kv("type", type).kv("name", trim(a["name"].GetString())).end_object();
      }
      o.end_array();
      e.actors_json = o.take();
    }
  }
  e.classification = clearance_field(in).value_or(0);
  if (!in.ok()) return in.error();
  return e;
}

Response list_all_events(Ctx& ctx) {
  PANTAU_TRY(ReportQuery q, list_query(ctx.req));
  auto category = ctx.req.q("category").value_or("");
  if (!q.status.empty() && !parse_event_status(q.status))
    return Error::invalid_field("status", "not_allowed", "Status laporan cepat tidak dikenal.", "Unknown fast-report status.");
  return http::read_page(ctx, [&](db::Conn& c) -> Result<db::Page<PoliticalEvent>> {
    // An unknown category is a mistake to be told, not a slow scan that finds nothing.
    if (!category.empty() && !category_exists(c, category))
      return Error::invalid_field("category", "not_allowed", "Kategori tidak dikenal.", "Unknown category.");
    return list_events(c, ctx.scope(), q, category);
  });
}

Response create_one_event(Ctx& ctx) {
  PANTAU_TRY(EventInput in, event_input(ctx.req));
  prepare_event_terms(in);
  // create_event only writes to the database and returns the record, and idempotent_write only
  // assigns its answer: the write may be run again (see db::RerunAllowed).
  db::RerunAllowed rerun(true);
  return http::create(ctx, [&](db::Conn& c) -> Result<http::Response> {
    // The answer is the JSON the audit row holds (to_json of the record), serialised once.
    std::string json;
    PANTAU_TRY(PoliticalEvent e, create_event(c, ctx.scope(), in, &json));
    return http::with_version(http::Response::json(201, std::move(json)), e.version);
  });
}

Response get_one_event(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto e = get_event(c, ctx.scope(), id);
    if (!e) return Error::not_found("Laporan kejadian tidak ditemukan.", "Event report not found.");
    // The photos and documents sent with the fast report (uploaded with entity political_event).
    std::string files = attachments_json(c, ctx.scope(), "political_event", id);
    return http::with_version(Response::json(200, json::with_member(to_json(*e), "attachments", files)), e->version);
  });
}

Response event_action(Ctx& ctx) {
  return http::action(
      ctx, {"VERIFY", "ESCALATE", "HANDLE", "CLOSE", "REJECT"}, "note",
      [&](db::Conn& c, int64_t id, int64_t version, const std::string& action, const std::string& note) {
        return act_on_event(c, ctx.scope(), id, version, *parse_event_action(action), note);
      });
}

Response categories(Ctx& ctx) {
  return http::read(ctx, [](db::Conn& c) {
    json::Out o;
    o.begin_object().key("items").begin_array();
    for (const auto& k : list_categories(c))
      o.begin_object().kv("code", k.code).kv_opt("parent_code", k.parent_code).kv_message("name", {k.name_id, k.name_en}).end_object();
    o.end_array().end_object();
    return Response::json(200, o.take());
  });
}

Response notifications(Ctx& ctx) {
  return http::read(ctx, [&](db::Conn& c) {
    notify::Inbox box = notify::inbox(c, ctx.scope());
    json::Out o;
    o.begin_object().key("items").begin_array();
    for (const auto& n : box.items)
      o.begin_object().kv("id", n.id).kv_message("title", n.title).kv("link", n.link).kv("entity", n.entity)
          .kv("entity_id", n.entity_id).kv("created_at", n.created_at).kv("read", n.read).end_object();
    o.end_array().kv("unread", box.unread).end_object();
    return Response::json(200, o.take());
  });
}

Response mark_read(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return http::write(ctx, [&](db::Conn& c) { return notify::mark_read(c, ctx.scope(), id); });
}

// POST /api/v1/notifications/read-all: every notification the caller sees counts as read.
Response mark_all_read(Ctx& ctx) {
  return http::write(ctx, [&](db::Conn& c) { return notify::mark_all_read(c, ctx.scope()); });
}

// DELETE /api/v1/monitoring/reports/{id}/attachments/{file_id}: a wrong attachment goes while the
// report is a draft or returned, by the owning office only (remove_attachment says what it writes).
Response delete_attachment(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(int64_t file_id, path_id(ctx.req, "file_id"));
  return http::write(ctx, [&](db::Conn& c) { return remove_attachment(c, ctx.scope(), id, file_id); });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions admin{false, auth::kUserAdmin};
  r.get("/api/v1/monitoring/report-types", list_types);
  r.patch("/api/v1/monitoring/report-types/{code}", patch_type, admin);
  r.get("/api/v1/calendar/holidays", list_holidays);
  r.post("/api/v1/calendar/holidays", add_holiday, admin);
  r.del("/api/v1/calendar/holidays/{date}", delete_holiday, admin);
  r.get("/api/v1/monitoring/reports", list_all_reports, read);
  r.post("/api/v1/monitoring/reports", create_one_report, write);
  r.get("/api/v1/monitoring/reports/{id}", get_one_report, read);
  r.patch("/api/v1/monitoring/reports/{id}", patch_report, write);
  r.post("/api/v1/monitoring/reports/{id}/actions", report_action, read);
  r.get("/api/v1/monitoring/reports/{id}/sources", report_sources, read);
  r.get("/api/v1/monitoring/recap", recap_route, read);
  r.get("/api/v1/monitoring/recap.xlsx", recap_xlsx_route, read);
  r.get("/api/v1/monitoring/reports/{id}/pdf", report_pdf_route, read);
  r.get("/api/v1/monitoring/teams", list_all_teams, read);
  r.post("/api/v1/monitoring/teams", create_team, write);
  r.get("/api/v1/monitoring/teams/{id}", get_one_team, read);
  r.patch("/api/v1/monitoring/teams/{id}", patch_team, write);
  r.get("/api/v1/monitoring/categories", categories);
  r.get("/api/v1/monitoring/events", list_all_events, read);
  r.post("/api/v1/monitoring/events", create_one_event, write);
  r.get("/api/v1/monitoring/events/{id}", get_one_event, read);
  r.post("/api/v1/monitoring/events/{id}/actions", event_action, read);
  r.get("/api/v1/notifications", notifications);
  r.post("/api/v1/notifications/{id}/read", mark_read);
  r.post("/api/v1/notifications/read-all", mark_all_read);
  r.del("/api/v1/monitoring/reports/{id}/attachments/{file_id}", delete_attachment, write);
}

}  // namespace pantau::monitoring
