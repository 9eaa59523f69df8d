// /api/v1/foreigners/...: foreign nationals, foreign organisations, presences with their state,
// decisions, field checks and referrals, permit reminders, the recap (JSON and XLSX) and the map.
#include "auth/roles.h"
#include "core/strings.h"
#include "http/app.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/foreigners/store.h"
#include "modules/regions/public.h"

namespace pantau::foreigners {

using http::Ctx;
using http::Response;

namespace {

Date today_now() { return *parse_date(now_iso().substr(0, 10)); }

Response read_json(Ctx& ctx, const std::function<std::optional<std::string>(db::Conn&)>& fn) {
  std::optional<std::string> body;
  Status s = ctx.db().read([&](db::Conn& c) { body = fn(c); });
  if (!s.ok()) return Response::problem(s.error());
  if (!body) return Response::problem(Error::not_found());
  return Response::json(200, *body);
}

int clearance_of(json::In& in, const char* key, int fallback) {
  if (auto c = in.one_of(key, false, auth::kClearanceNames)) return *auth::parse_clearance(*c);
  return fallback;
}

Result<PersonInput> person_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  PersonInput p;
  p.full_name = in.str("full_name", true, 200).value_or("");
  p.nationality = in.str("nationality", true, 3).value_or("");
  p.passport_no = in.str("passport_no", true, 12).value_or("");
  for (auto& ch : p.passport_no) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  p.permit_type = in.one_of("permit_type", true, kPermitTypes).value_or("");
  p.region_code = in.str("region_code", true, 13).value_or("");
  for (auto [k, dst] : {std::pair{"sex", &p.sex}, {"birth_date", &p.birth_date}, {"passport_expiry", &p.passport_expiry},
                        {"permit_valid_from", &p.permit_valid_from}, {"permit_valid_to", &p.permit_valid_to}})
    *dst = in.str(k, false, 10).value_or("");
  for (auto [k, dst] : {std::pair{"permit_no", &p.permit_no}, {"sponsor_name", &p.sponsor_name}, {"sponsor_type", &p.sponsor_type},
                        {"sponsor_address", &p.sponsor_address}, {"occupation", &p.occupation}})
    *dst = in.str(k, false, 300).value_or("");
  p.classification = clearance_of(in, "classification", 0);
  p.id_classification = clearance_of(in, "id_classification", 1);
  if (!in.ok()) return in.error();
  auto e = validate(p);
  if (!e.empty()) return Error::invalid(e);
  return p;
}

Result<OrgInput> org_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  OrgInput o;
  o.name = in.str("name", true, 300).value_or("");
  o.country = in.str("country", true, 3).value_or("");
  o.region_code = in.str("region_code", true, 13).value_or("");
  for (auto [k, dst] : {std::pair{"mofa_rec_date", &o.mofa_rec_date}, {"mou_date", &o.mou_date}, {"mou_valid_to", &o.mou_valid_to}})
    *dst = in.str(k, false, 10).value_or("");
  for (auto [k, dst] : {std::pair{"legal_form", &o.legal_form}, {"mofa_rec_no", &o.mofa_rec_no}, {"partner_agency", &o.partner_agency},
                        {"mou_no", &o.mou_no}, {"sectors", &o.sectors}, {"funding_source", &o.funding_source},
                        {"local_office", &o.local_office}})
    *dst = in.str(k, false, 500).value_or("");
  o.classification = clearance_of(in, "classification", 0);
  if (!in.ok()) return in.error();
  auto e = validate(o);
  if (!e.empty()) return Error::invalid(e);
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

Response created(Ctx& ctx, const std::function<Result<int64_t>(db::Conn&)>& op,
                 const std::function<std::optional<std::string>(db::Conn&, int64_t)>& show) {
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, op(c));
    return Response::json(201, show(c, id).value_or("{}"));
  });
}

Response presence_after(Ctx& ctx, int64_t id, const std::function<Status(db::Conn&)>& op, int status = 200) {
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_CHECK(op(c));
    int64_t v = 0;
    auto body = presence_json(c, ctx.scope(), id, today_now(), &v);
    if (!body) return Error::not_found();
    return http::with_version(Response::json(status, *body), v);
  });
}

Result<std::pair<std::string, std::string>> period(const http::Request& req) {
  Date today = today_now();
  std::string from = req.q("from").value_or(format_date(Date{today.year, 1, 1}));
  std::string to = req.q("to").value_or(format_date(today));
  if (!parse_date(from) || !parse_date(to) || to < from)
    return Error::invalid_field("from", "invalid", "Periode harus TTTT-BB-HH, dari sebelum sampai.", "The period must be YYYY-MM-DD, from before to.");
  return std::make_pair(from, to);
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  r.get("/api/v1/foreigners/persons", [](Ctx& ctx) {
    auto paging = http::paging(ctx.req, 50, 500);
    if (!paging.ok()) return Response::problem(paging.error());
    std::string q = ctx.req.q("q").value_or(""), nat = ctx.req.q("nationality").value_or("");
    if (q.size() > 100) return Response::problem(Error::invalid_field("q", "too_long", "Teks pencarian terlalu panjang.", "The search text is too long."));
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
      return persons_json(c, ctx.scope(), q, nat, paging->after, paging->limit, today_now());
    });
  }, read);
  r.post("/api/v1/foreigners/persons", [](Ctx& ctx) {
    auto in = person_input(ctx.req);
    if (!in.ok()) return Response::problem(in.error());
    return created(ctx, [&](db::Conn& c) { return create_person(c, ctx.scope(), *in); },
                   [&](db::Conn& c, int64_t id) { return person_json(c, ctx.scope(), id, today_now()); });
  }, write);
  r.get("/api/v1/foreigners/persons/{id}", [](Ctx& ctx) {
    auto id = http::path_id(ctx.req);
    if (!id.ok()) return Response::problem(id.error());
    return read_json(ctx, [&](db::Conn& c) { return person_json(c, ctx.scope(), *id, today_now()); });
  }, read);
  r.get("/api/v1/foreigners/organisations", [](Ctx& ctx) {
    std::string q = ctx.req.q("q").value_or("");
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return orgs_json(c, ctx.scope(), q.substr(0, 100)); });
  }, read);
  r.post("/api/v1/foreigners/organisations", [](Ctx& ctx) {
    auto in = org_input(ctx.req);
    if (!in.ok()) return Response::problem(in.error());
    return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
      PANTAU_TRY(int64_t id, create_org(c, ctx.scope(), *in));
      json::Out o;
      o.begin_object().kv("id", id).end_object();
      return Response::json(201, o.take());
    });
  }, write);
  r.get("/api/v1/foreigners/presences", [](Ctx& ctx) {
    auto paging = http::paging(ctx.req, 50, 500);
    if (!paging.ok()) return Response::problem(paging.error());
    PresenceFilter f{ctx.req.q("region").value_or(""), ctx.req.q("status").value_or(""), ctx.req.q("category").value_or("")};
    if (!f.region.empty())
      if (auto l = regions::check_code(f.region, "region"); !l.ok()) return Response::problem(l.error());
    if (!f.category.empty() && std::find(kCategories.begin(), kCategories.end(), f.category) == kCategories.end())
      return Response::problem(Error::invalid_field("category", "not_allowed", "Kategori tidak dikenal.", "Unknown category."));
    if (!f.status.empty() && !parse_presence_state(f.status))
      return Response::problem(Error::invalid_field("status", "not_allowed", "Status tidak dikenal.", "Unknown status."));
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
      return presences_json(c, ctx.scope(), f, paging->after, paging->limit);
    });
  }, read);
  r.post("/api/v1/foreigners/presences", [](Ctx& ctx) {
    auto in = presence_input(ctx.req);
    if (!in.ok()) return Response::problem(in.error());
    return created(ctx, [&](db::Conn& c) { return create_presence(c, ctx.scope(), *in); },
                   [&](db::Conn& c, int64_t id) { return presence_json(c, ctx.scope(), id, today_now()); });
  }, write);
  r.get("/api/v1/foreigners/presences/{id}", [](Ctx& ctx) {
    auto id = http::path_id(ctx.req);
    if (!id.ok()) return Response::problem(id.error());
    int64_t v = 0;
    Response res = read_json(ctx, [&](db::Conn& c) { return presence_json(c, ctx.scope(), *id, today_now(), &v); });
    return res.status == 200 ? http::with_version(std::move(res), v) : res;
  }, read);
  r.post("/api/v1/foreigners/presences/{id}/actions", [](Ctx& ctx) {
    auto id = http::path_id(ctx.req);
    if (!id.ok()) return Response::problem(id.error());
    auto version = http::required_version(ctx.req);
    if (!version.ok()) return Response::problem(version.error());
    auto in = json::In::parse(ctx.req.body);
    if (!in.ok()) return Response::problem(in.error());
    ActionInput a;
    a.action = in->one_of("action", true, kActions).value_or("");
    a.decision = in->str("decision", false, 20).value_or("");
    a.follow_up = in->str("follow_up", false, 30).value_or("NONE");
    a.reason = in->str("reason", false, 5000).value_or("");
    a.agency = in->str("agency", false, 20).value_or("");
    a.letter_no = in->str("letter_no", false, 200).value_or("");
    a.referred_on = in->str("referred_on", false, 10).value_or("");
    if (!in->ok()) return Response::problem(in->error());
    return presence_after(ctx, *id, [&](db::Conn& c) { return presence_action(c, ctx.scope(), *id, *version, a); });
  }, review);
  r.post("/api/v1/foreigners/presences/{id}/field-checks", [](Ctx& ctx) {
    auto id = http::path_id(ctx.req);
    if (!id.ok()) return Response::problem(id.error());
    auto in = json::In::parse(ctx.req.body);
    if (!in.ok()) return Response::problem(in.error());
    FieldCheckInput f;
    f.check_date = in->str("check_date", true, 10).value_or("");
    f.team = in->str("team", false, 1000).value_or("");
    f.findings = in->str("findings", true, 10000).value_or("");
    f.compliant = in->boolean("compliant", true).value_or(true);
    if (auto* ph = in->get("photos")) {
      json::Out o;
      o.begin_array();
      if (ph->IsArray())
        for (auto& x : ph->GetArray())
          if (x.IsString() && x.GetStringLength() == 64) o.value(std::string_view(x.GetString(), 64));
      o.end_array();
      f.photos_json = o.take();
    }
    if (!in->ok()) return Response::problem(in->error());
    return presence_after(ctx, *id, [&](db::Conn& c) -> Status {
      PANTAU_TRY(int64_t cid, add_field_check(c, ctx.scope(), *id, f));
      (void)cid;
      return {};
    }, 201);
  }, write);
  r.get("/api/v1/foreigners/reminders", [](Ctx& ctx) {
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return reminders_json(c, ctx.scope(), today_now()); });
  }, read);
  r.get("/api/v1/foreigners/recap", [](Ctx& ctx) {
    auto p = period(ctx.req);
    if (!p.ok()) return Response::problem(p.error());
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return recap_json(c, ctx.scope(), p->first, p->second); });
  }, read);
  r.get("/api/v1/foreigners/recap.xlsx", [](Ctx& ctx) {
    auto p = period(ctx.req);
    if (!p.ok()) return Response::problem(p.error());
    std::optional<Result<std::string>> x;
    Status s = ctx.db().read([&](db::Conn& c) { x.emplace(recap_xlsx(c, ctx.scope(), p->first, p->second)); });
    if (!s.ok()) return Response::problem(s.error());
    if (!x->ok()) return Response::problem(x->error());
    Response res;
    res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    res.body = std::move(**x);
    res.header("Content-Disposition", "attachment; filename=\"rekap-orang-asing.xlsx\"");
    return res;
  }, read);
  r.get("/api/v1/foreigners/map", [](Ctx& ctx) {
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return map_json(c, ctx.scope()); });
  }, read);
}

}  // namespace pantau::foreigners
