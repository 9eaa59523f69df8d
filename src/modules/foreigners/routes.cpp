// /api/v1/foreigners/...: foreign nationals, foreign organisations, presences with their state,
// decisions, field checks and referrals, permit reminders, the recap (JSON and XLSX) and the map.
#include <fmt/format.h>

#include <algorithm>

#include "auth/roles.h"
#include "core/strings.h"
#include "core/service_clock.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "modules/actors/public.h"
#include "modules/foreigners/store.h"
#include "modules/regions/public.h"

namespace pantau::foreigners {

using http::Ctx;
using http::Response;

namespace {

// Deadlines and reminders count the office's own day (WITA in Kalimantan Selatan), not UTC's.
Date office_today(const Ctx& ctx) { return pantau::office_today(ctx.scope().region_code); }

int clearance_of(json::In& in, const char* key, int fallback) {
  if (auto c = in.one_of(key, false, auth::kClearanceNames)) return *auth::parse_clearance(*c);
  return fallback;
}

// The fields of a person (create: every field, the required ones required; patch: only the
// fields the body holds, each checked as on create). `present` collects the fields read.
void read_person(json::In& in, PersonInput& p, bool patch, std::vector<std::string>& present) {
  auto want = [&](const char* k) {
    if (patch && !in.has(k)) return false;
    present.emplace_back(k);
    return true;
  };
  const bool req = !patch;
  if (want("full_name")) p.full_name = in.str("full_name", req, 200).value_or("");
  if (want("nationality")) p.nationality = in.str("nationality", req, 3).value_or("");
  if (want("passport_no")) {
    p.passport_no = in.str("passport_no", req, 12).value_or("");
    for (auto& ch : p.passport_no) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  if (want("permit_type")) p.permit_type = in.one_of("permit_type", req, kPermitTypes).value_or("");
  if (want("region_code")) p.region_code = in.str("region_code", req, 13).value_or("");
  for (auto [k, dst] : {std::pair{"sex", &p.sex}, {"birth_date", &p.birth_date}, {"passport_expiry", &p.passport_expiry},
                        {"permit_valid_from", &p.permit_valid_from}, {"permit_valid_to", &p.permit_valid_to}})
    if (want(k)) *dst = in.str(k, false, 10).value_or("");
  for (auto [k, dst] : {std::pair{"permit_no", &p.permit_no}, {"sponsor_name", &p.sponsor_name}, {"sponsor_type", &p.sponsor_type},
                        {"sponsor_address", &p.sponsor_address}, {"occupation", &p.occupation}})
    if (want(k)) *dst = in.str(k, false, 300).value_or("");
  if (want("classification")) p.classification = clearance_of(in, "classification", patch ? -1 : 0);
  if (want("id_classification")) p.id_classification = clearance_of(in, "id_classification", patch ? -1 : 1);
}

Result<PersonInput> person_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  PersonInput p;
  std::vector<std::string> present;
  read_person(in, p, false, present);
  if (!in.ok()) return in.error();
  auto e = validate(p);
  if (!e.empty()) return Error::invalid(e);
  return p;
}

// A PATCH body: the fields it holds, checked one by one here; the whole record is validated as
// on create once the store has laid them over the stored values.
Result<PersonPatch> person_patch(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  PersonPatch p;
  read_person(in, p.values, true, p.fields);
  if (!in.ok()) return in.error();
  return p;
}

void read_org(json::In& in, OrgInput& o, bool patch, std::vector<std::string>& present) {
  auto want = [&](const char* k) {
    if (patch && !in.has(k)) return false;
    present.emplace_back(k);
    return true;
  };
  const bool req = !patch;
  if (want("name")) o.name = in.str("name", req, 300).value_or("");
  if (want("country")) o.country = in.str("country", req, 3).value_or("");
  if (want("region_code")) o.region_code = in.str("region_code", req, 13).value_or("");
  for (auto [k, dst] : {std::pair{"mofa_rec_date", &o.mofa_rec_date}, {"mou_date", &o.mou_date}, {"mou_valid_to", &o.mou_valid_to}})
    if (want(k)) *dst = in.str(k, false, 10).value_or("");
  for (auto [k, dst] : {std::pair{"legal_form", &o.legal_form}, {"mofa_rec_no", &o.mofa_rec_no}, {"partner_agency", &o.partner_agency},
                        {"mou_no", &o.mou_no}, {"sectors", &o.sectors}, {"funding_source", &o.funding_source},
                        {"local_office", &o.local_office}})
    if (want(k)) *dst = in.str(k, false, 500).value_or("");
  if (want("classification")) o.classification = clearance_of(in, "classification", patch ? -1 : 0);
}

Result<OrgInput> org_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  OrgInput o;
  std::vector<std::string> present;
  read_org(in, o, false, present);
  if (!in.ok()) return in.error();
  auto e = validate(o);
  if (!e.empty()) return Error::invalid(e);
  return o;
}

Result<OrgPatch> org_patch(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  OrgPatch o;
  read_org(in, o.values, true, o.fields);
  if (!in.ok()) return in.error();
  return o;
}

Result<PresenceInput> presence_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  PresenceInput p;
  p.person_id = in.int64("person_id", false, 1);
  p.org_id = in.int64("org_id", false, 1);
  p.category = in.one_of("category", true, kCategories).value_or("");
  p.source = in.one_of("source", true, kSources).value_or("");
  p.start_date = in.str("start_date", true, 10).value_or("");
  p.end_date = in.str("end_date", true, 10).value_or("");
  p.purpose = in.str("purpose", false, 1000).value_or("");
  p.activity = in.str("activity", false, 5000).value_or("");
  p.local_partner = in.str("local_partner", false, 300).value_or("");
  p.classification = clearance_of(in, "classification", 0);
  if (auto* r = in.get("regions")) {
    if (!r->IsArray()) in.add_error("regions", "type", "Harus berupa daftar kode wilayah.", "Must be a list of region codes.");
    else
      for (auto& x : r->GetArray())
        if (x.IsString()) p.regions.emplace_back(x.GetString());
  }
  if (auto* sp = in.get("sector_permits")) {
    if (!sp->IsArray() || sp->Size() > 20) in.add_error("sector_permits", "type", "Harus berupa daftar (paling banyak 20).", "Must be a list (at most 20).");
    else {
      json::Out o;
      o.begin_array();
      for (auto& x : sp->GetArray()) {
        auto str = [&](const char* k) { return x.IsObject() && x.HasMember(k) && x[k].IsString() ? trim(x[k].GetString()).substr(0, 200) : std::string(); };
        o.begin_object().kv("agency", str("agency")).kv("number", str("number")).kv("date", str("date")).end_object();
      }
      o.end_array();
      p.sector_permits_json = o.take();
    }
  }
  if (!in.ok()) return in.error();
  return p;
}

Result<std::pair<std::string, std::string>> period(const Ctx& ctx) {
  const http::Request& req = ctx.req;
  Date today = office_today(ctx);
  std::string from = req.q("from").value_or(format_date(Date{today.year, 1, 1}));
  std::string to = req.q("to").value_or(format_date(today));
  if (!parse_date(from) || !parse_date(to) || to < from)
    return Error::invalid_field("from", "invalid", "Periode harus TTTT-BB-HH, dari sebelum sampai.", "The period must be YYYY-MM-DD, from before to.");
  return std::make_pair(from, to);
}

const Message kNoPerson{"Orang asing tidak ditemukan.", "Foreigner not found."};
const Message kNoPresence{"Keberadaan tidak ditemukan.", "Presence not found."};

Response list_all_persons(Ctx& ctx) {
  PersonFilter f{ctx.req.q("q").value_or(""), ctx.req.q("nationality").value_or(""), {}};
  if (f.q.size() > 100) return Error::invalid_field("q", "too_long", "Teks pencarian terlalu panjang.", "The search text is too long.");
  PANTAU_TRY(f.page, http::paging(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_persons(c, ctx.scope(), f, office_today(ctx)); });
}

Response create_one_person(Ctx& ctx) {
  PANTAU_TRY(PersonInput in, person_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<Person> {
    PANTAU_TRY(int64_t id, create_person(c, ctx.scope(), in));
    auto p = get_person(c, ctx.scope(), id, office_today(ctx));
    if (!p) return Error::not_found(kNoPerson.id, kNoPerson.en);
    return *p;
  });
}

Response get_one_person(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_person(c, ctx.scope(), id, office_today(ctx)); }, kNoPerson);
}

// PATCH: the fields the body holds, If-Match (428 without, 412 when stale); the person as it now is.
Response patch_one_person(Ctx& ctx) {
  return http::update(ctx, person_patch, [&](db::Conn& c, int64_t id, int64_t version, const PersonPatch& in) -> Result<Person> {
    PANTAU_CHECK(update_person(c, ctx.scope(), id, version, in));
    auto p = get_person(c, ctx.scope(), id, office_today(ctx));
    if (!p) return Error::not_found(kNoPerson.id, kNoPerson.en);
    return *p;
  });
}

Response list_all_orgs(Ctx& ctx) {
  std::string q = ctx.req.q("q").value_or("").substr(0, 100);
  return http::read_items(ctx, [&](db::Conn& c) { return list_orgs(c, ctx.scope(), q); });
}

Response get_one_org(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_org(c, ctx.scope(), id); },
                        {"Organisasi asing tidak ditemukan.", "Foreign organisation not found."});
}

Response create_one_org(Ctx& ctx) {
  PANTAU_TRY(OrgInput in, org_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, create_org(c, ctx.scope(), in));
    return Response::json(201, json::object("id", id));
  });
}

Response patch_one_org(Ctx& ctx) {
  return http::update(ctx, org_patch, [&](db::Conn& c, int64_t id, int64_t version, const OrgPatch& in) -> Result<OrgDetail> {
    PANTAU_CHECK(update_org(c, ctx.scope(), id, version, in));
    auto o = get_org(c, ctx.scope(), id);
    if (!o) return Error::not_found("Organisasi asing tidak ditemukan.", "Foreign organisation not found.");
    return *o;
  });
}

Result<PresenceFilter> presence_filter(const http::Request& req) {
  PresenceFilter f{req.q("region").value_or(""), req.q("status").value_or(""), req.q("category").value_or(""), {}};
  PANTAU_TRY(f.page, http::paging(req));
  if (!f.region.empty()) PANTAU_CHECK(regions::check_code(f.region, "region"));
  if (!f.category.empty() && std::find(kCategories.begin(), kCategories.end(), f.category) == kCategories.end())
    return Error::invalid_field("category", "not_allowed", "Kategori tidak dikenal.", "Unknown category.");
  if (!f.status.empty() && !parse_presence_state(f.status))
    return Error::invalid_field("status", "not_allowed", "Status tidak dikenal.", "Unknown status.");
  return f;
}

Response list_all_presences(Ctx& ctx) {
  PANTAU_TRY(PresenceFilter f, presence_filter(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_presences(c, ctx.scope(), f); });
}

// A write (idempotent: a retried POST replays the first answer) answered with the presence as it
// now is; `op` returns the id of the presence it changed.
template <class Op>
Response presence_after(Ctx& ctx, int status, Op op) {
  return http::create(ctx, [&](db::Conn& c) -> Result<Presence> {
    PANTAU_TRY(int64_t id, op(c));
    auto p = get_presence(c, ctx.scope(), id, office_today(ctx));
    if (!p) return Error::not_found(kNoPresence.id, kNoPresence.en);
    return *p;
  }, status);
}

Response create_one_presence(Ctx& ctx) {
  PANTAU_TRY(PresenceInput in, presence_input(ctx.req));
  return presence_after(ctx, 201, [&](db::Conn& c) { return create_presence(c, ctx.scope(), in); });
}

Response get_one_presence(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_presence(c, ctx.scope(), id, office_today(ctx)); }, kNoPresence);
}

Result<ActionInput> action_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  ActionInput a;
  a.action = in.one_of("action", true, kActions).value_or("");
  a.decision = in.str("decision", false, 20).value_or("");
  a.follow_up = in.str("follow_up", false, 30).value_or("NONE");
  a.reason = in.str("reason", false, 5000).value_or("");
  a.agency = in.str("agency", false, 20).value_or("");
  a.letter_no = in.str("letter_no", false, 200).value_or("");
  a.referred_on = in.str("referred_on", false, 10).value_or("");
  if (!in.ok()) return in.error();
  return a;
}

Response presence_action_route(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  PANTAU_TRY(ActionInput a, action_input(ctx.req));
  return presence_after(ctx, 200, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_CHECK(presence_action(c, ctx.scope(), t.id, t.version, a));
    return t.id;
  });
}

Result<FieldCheckInput> field_check_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  FieldCheckInput f;
  f.check_date = in.str("check_date", true, 10).value_or("");
  f.team = in.str("team", false, 1000).value_or("");
  f.findings = in.str("findings", true, 10000).value_or("");
  f.compliant = in.boolean("compliant", true).value_or(true);
  if (auto* ph = in.get("photos")) {
    json::Out o;
    o.begin_array();
    if (ph->IsArray())
      for (auto& x : ph->GetArray())
        if (x.IsString() && x.GetStringLength() == 64) o.value(std::string_view(x.GetString(), 64));
    o.end_array();
    f.photos_json = o.take();
  }
  if (!in.ok()) return in.error();
  return f;
}

Response add_field_check_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(FieldCheckInput f, field_check_input(ctx.req));
  return presence_after(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t check, add_field_check(c, ctx.scope(), id, f));
    (void)check;
    return id;
  });
}

Response reminders_route(Ctx& ctx) {
  return http::read(ctx, [&](db::Conn& c) { return reminders(c, ctx.scope(), office_today(ctx)); });
}

Response recap_route(Ctx& ctx) {
  PANTAU_TRY(auto p, period(ctx));
  return http::read(ctx, [&](db::Conn& c) { return recap(c, ctx.scope(), p.first, p.second); });
}

Response recap_xlsx_route(Ctx& ctx) {
  PANTAU_TRY(auto p, period(ctx));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(std::string x, recap_xlsx(c, ctx.scope(), p.first, p.second));
    return http::attachment(std::move(x), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "rekap-orang-asing.xlsx");
  });
}

// The quarterly PDF report, issued through the document register. Readers with and without
// clearance get different documents (passport numbers), so each has its own register record.
Response quarterly_route(Ctx& ctx) {
  auto number = [&](const char* k) -> Result<int> {
    auto v = ctx.req.q(k);
    int n = 0;
    if (!v || v->empty() || v->size() > 4 || !std::all_of(v->begin(), v->end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return Error::invalid_field(k, "invalid", "Harus berupa angka.", "Must be a number.");
    for (char ch : *v) n = n * 10 + (ch - '0');
    return n;
  };
  PANTAU_TRY(int year, number("year"));
  PANTAU_TRY(int quarter, number("quarter"));
  std::string region = ctx.req.q("region").value_or("");
  if (!region.empty()) PANTAU_CHECK(regions::check_code(region, "region"));
  auto q = ctx.db().read_value<QuarterlyRef>([&](db::Conn& c) { return quarterly_ref(c, ctx.scope(), year, quarter, region); });
  if (!q.ok()) return q.error();
  documents::DocumentRef ref{"FOREIGNERS_QUARTERLY_REPORT", "foreigners_quarter",
                             fmt::format("{}/{}/{}/{}", q->region_code.empty() ? "ID" : q->region_code, q->year, q->quarter,
                                         q->passports_masked ? "masked" : "full"),
                             q->region_code,
                             fmt::format("Laporan triwulan {} tahun {} pemantauan orang asing, {}", q->quarter, q->year, q->region_name)};
  auto issued = documents::issue(ctx.db(), ctx.scope(), ref, documents::public_base(ctx.svc.cfg),
                                 [&](db::Conn& c, const documents::Stamp& st) { return quarterly_pdf(c, ctx.scope(), *q, st); });
  if (!issued.ok()) return issued.error();
  Response r = http::attachment(std::move(issued->pdf), "application/pdf",
                                fmt::format("laporan-triwulan-orang-asing-{}-{}.pdf", q->year, q->quarter));
  r.header("X-Document-Code", issued->entry.code);
  return r;
}

// ?level=1..4; by default the level the map shows: provinces for a national user, kab/kota otherwise.
Response map_route(Ctx& ctx) {
  int level = ctx.scope().national() ? 1 : 2;
  if (auto v = ctx.req.q("level")) {
    if (v->size() != 1 || (*v)[0] < '1' || (*v)[0] > '4')
      return Error::invalid_field("level", "invalid", "Tingkat wilayah 1 (provinsi) sampai 4 (desa).", "The region level is 1 (province) to 4 (village).");
    level = (*v)[0] - '0';
  }
  return http::read_items(ctx, [&](db::Conn& c) { return map_areas(c, ctx.scope(), level); });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  r.get("/api/v1/foreigners/persons", list_all_persons, read);
  r.post("/api/v1/foreigners/persons", create_one_person, write);
  r.get("/api/v1/foreigners/persons/{id}", get_one_person, read);
  r.patch("/api/v1/foreigners/persons/{id}", patch_one_person, write);
  r.get("/api/v1/foreigners/organisations", list_all_orgs, read);
  r.post("/api/v1/foreigners/organisations", create_one_org, write);
  r.get("/api/v1/foreigners/organisations/{id}", get_one_org, read);
  r.patch("/api/v1/foreigners/organisations/{id}", patch_one_org, write);
  r.get("/api/v1/foreigners/presences", list_all_presences, read);
  r.post("/api/v1/foreigners/presences", create_one_presence, write);
  r.get("/api/v1/foreigners/presences/{id}", get_one_presence, read);
  r.post("/api/v1/foreigners/presences/{id}/actions", presence_action_route, review);
  r.post("/api/v1/foreigners/presences/{id}/field-checks", add_field_check_route, write);
  r.get("/api/v1/foreigners/reminders", reminders_route, read);
  r.get("/api/v1/foreigners/recap", recap_route, read);
  r.get("/api/v1/foreigners/recap.xlsx", recap_xlsx_route, read);
  r.get("/api/v1/foreigners/map", map_route, read);
  r.get("/api/v1/foreigners/reports/quarterly.pdf", quarterly_route, read);
}

}  // namespace pantau::foreigners
