// /api/v1/democracy/...: official IDI values (and their import), weight sets, the Pokja's
// evidence log, proposals from Pantau's own records, the provisional index and back-testing.
#include <fmt/format.h>

#include <chrono>

#include "auth/roles.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/strings.h"
#include "core/xlsx_read.h"
#include "http/answer_cache.h"
#include "http/app.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/democracy/documents.h"
#include "modules/democracy/store.h"
#include "http/handler.h"
#include "modules/regions/public.h"

namespace pantau::democracy {

using http::Ctx;
using http::Response;
using http::path_id;

namespace {

Response read_json(Ctx& ctx, const std::function<std::optional<std::string>(db::Conn&)>& fn) {
  std::optional<std::string> body;
  Status s = ctx.db().read([&](db::Conn& c) { body = fn(c); });
  if (!s.ok()) return Response::problem(s.error());
  if (!body) return Response::problem(Error::not_found());
  return Response::json(200, *body);
}

// The official-value answers (trend, choropleth, coverage) are national reference data, the same
// for every user, read on every chart redraw: kept while nothing was written, at most 30 s.
Response cached_json(Ctx& ctx, std::string_view what, const std::function<std::optional<std::string>(db::Conn&)>& fn) {
  static http::AnswerCache cache(256, std::chrono::seconds(30));
  const uint64_t generation = ctx.db().generation();
  std::string key = std::string(what) + '\n' + ctx.req.query_string;
  if (auto hit = cache.get(key, generation)) return Response::json(200, *hit);
  Response r = read_json(ctx, fn);
  if (r.status == 200) cache.put(key, generation, r.body);
  return r;
}

Result<std::optional<int>> int_param(const http::Request& req, const char* name, int min, int max) {
  auto v = req.q(name).value_or("");
  if (v.empty()) return std::optional<int>();
  auto n = parse_int64(v);
  if (!n || *n < min || *n > max)
    return Error::invalid_field(name, "out_of_range", fmt::format("{} harus antara {} dan {}.", name, min, max),
                                fmt::format("{} must be between {} and {}.", name, min, max));
  return std::optional<int>(static_cast<int>(*n));
}

Result<int> year_param(const http::Request& req, int fallback) {
  PANTAU_TRY(auto y, int_param(req, "year", 2009, 2100));
  return y.value_or(fallback);
}

int current_year() { return std::stoi(now_iso().substr(0, 4)); }

Result<EvidenceInput> evidence_input(const http::Request& req, bool required) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  EvidenceInput e;
  e.region_code = in.str("region_code", required, 8).value_or("");
  e.event_date = in.str("event_date", required, 10).value_or("");
  e.description = in.str("description", required, 5000).value_or("");
  e.source = in.str("source", required, 1000).value_or("");
  e.handled_by = in.str("handled_by", false, 500).value_or("");
  e.indicator_no = static_cast<int>(in.int64("indicator_no", required, 1, 22).value_or(0));
  e.sign = static_cast<int>(in.int64("sign", required, -1, 1).value_or(0));
  if (auto c = in.one_of("classification", false, auth::kClearanceNames)) e.classification = *auth::parse_clearance(*c);
  if (!in.ok()) return in.error();
  if (required) {
    auto errs = validate_evidence(e);
    if (!errs.empty()) return Error::invalid(errs);
  }
  return e;
}

Response list_evidence(Ctx& ctx) {
  auto region = http::region_param(ctx.req);
  if (!region.ok()) return Response::problem(region.error());
  auto year = int_param(ctx.req, "year", 2009, 2100);
  if (!year.ok()) return Response::problem(year.error());
  auto ind = int_param(ctx.req, "indicator", 1, 22);
  if (!ind.ok()) return Response::problem(ind.error());
  auto page = http::paging(ctx.req, 50, 500);
  if (!page.ok()) return Response::problem(page.error());
  EvidenceFilter f{*region, *year, *ind};
  return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
    return evidence_list_json(c, ctx.scope(), f, page->after, page->limit);
  });
}

Response create_one_evidence(Ctx& ctx) {
  auto in = evidence_input(ctx.req, true);
  if (!in.ok()) return Response::problem(in.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, create_evidence(c, ctx.scope(), *in));
    int64_t v = 1;
    auto body = evidence_json(c, ctx.scope(), id, &v);
    return http::with_version(Response::json(201, body.value_or("{}")), v);
  });
}

Response get_evidence(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  int64_t v = 0;
  Response r = read_json(ctx, [&](db::Conn& c) { return evidence_json(c, ctx.scope(), *id, &v); });
  return r.status == 200 ? http::with_version(std::move(r), v) : r;
}

Response patch_evidence(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = evidence_input(ctx.req, true);
  if (!in.ok()) return Response::problem(in.error());
  std::optional<std::string> body;
  int64_t v = 0;
  Status s = ctx.db().write([&](db::Conn& c) -> Status {
    PANTAU_CHECK(update_evidence(c, ctx.scope(), *id, *version, *in));
    body = evidence_json(c, ctx.scope(), *id, &v);
    return {};
  });
  if (!s.ok()) return Response::problem(s.error());
  return http::with_version(Response::json(200, body.value_or("{}")), v);
}

Response remove_evidence(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  Status s = ctx.db().write([&](db::Conn& c) { return delete_evidence(c, ctx.scope(), *id, *version); });
  return s.ok() ? Response::no_content() : Response::problem(s.error());
}

Response list_proposals(Ctx& ctx) {
  std::string status = ctx.req.q("status").value_or("");
  if (!status.empty() && status != "PENDING" && status != "ACCEPTED" && status != "DISMISSED")
    return Response::problem(Error::invalid_field("status", "not_allowed", "Pilih PENDING, ACCEPTED, atau DISMISSED.",
                                                  "Choose PENDING, ACCEPTED or DISMISSED."));
  auto page = http::paging(ctx.req, 50, 500);
  if (!page.ok()) return Response::problem(page.error());
  // New records since the last look become proposals before the list is read, so a record
  // entered a moment ago is already proposed.
  Status scan = ctx.db().write([](db::Conn& c) -> Status {
    scan_proposals(c);
    return {};
  });
  if (!scan.ok()) return Response::problem(scan.error());
  return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
    return proposals_json(c, ctx.scope(), status, page->after, page->limit);
  });
}

Response decide_proposal(Ctx& ctx, bool accept) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  EvidenceInput edit;
  if (accept && !trim(ctx.req.body).empty()) {
    auto e = evidence_input(ctx.req, false);
    if (!e.ok()) return Response::problem(e.error());
    edit = *e;
  }
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    if (accept) {
      PANTAU_TRY(int64_t evidence, accept_proposal(c, ctx.scope(), *id, *version, edit));
      int64_t v = 1;
      return http::with_version(Response::json(201, evidence_json(c, ctx.scope(), evidence, &v).value_or("{}")), v);
    }
    PANTAU_CHECK(dismiss_proposal(c, ctx.scope(), *id, *version));
    int64_t v = 1;
    return http::with_version(Response::json(200, proposal_json(c, ctx.scope(), *id, &v).value_or("{}")), v);
  });
}

Response patch_rule(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  std::optional<std::string> body;
  Status s = ctx.db().write([&](db::Conn& c) -> Status {
    std::optional<ProposalRule> cur;
    for (auto& r : proposal_rules(c, false)) if (r.id == *id) cur = r;
    if (!cur) return Error::not_found("Aturan tidak ditemukan.", "Rule not found.");
    std::string note = c.query_str("SELECT note FROM democracy_proposal_rules WHERE id = ?", {*id}).value_or("");
    if (auto v = in->one_of("source_kind", false, kSourceKinds)) cur->source_kind = *v;
    if (auto v = in->str("match", false, 64)) cur->match = *v;
    if (auto v = in->int64("indicator_no", false, 1, 22)) cur->indicator_no = static_cast<int>(*v);
    if (auto v = in->int64("sign", false, -1, 1)) cur->sign = static_cast<int>(*v);
    if (auto v = in->number("threshold", false)) cur->threshold = *v;
    if (auto v = in->boolean("active", false)) cur->active = *v;
    if (auto v = in->str("note", false, 2000)) note = *v;
    if (!in->ok()) return in->error();
    PANTAU_CHECK(update_proposal_rule(c, ctx.scope(), *id, *version, *cur, note));
    body = proposal_rules_json(c);
    return {};
  });
  if (!s.ok()) return Response::problem(s.error());
  return Response::json(200, *body);
}

Response create_weights(Ctx& ctx) {
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  WeightSet w;
  w.code = in->str("code", true, 32).value_or("");
  w.name = in->str("name", true, 200).value_or("");
  w.source = in->str("source", true, 1000).value_or("");
  w.decided_on = in->str("decided_on", true, 10).value_or("");
  w.negative_points = in->number("negative_points", false).value_or(2.0);
  w.positive_points = in->number("positive_points", false).value_or(1.0);
  auto read_map = [&](const char* key, auto&& put) {
    const auto* v = in->get(key);
    if (!v || !v->IsObject()) {
      in->add_error(key, "required", "Wajib berupa objek bobot.", "Must be an object of weights.");
      return;
    }
    for (auto& m : v->GetObject()) {
      if (!m.value.IsNumber()) {
        in->add_error(std::string(key) + "." + m.name.GetString(), "type", "Bobot harus angka.", "A weight must be a number.");
        continue;
      }
      put(std::string(m.name.GetString()), m.value.GetDouble());
    }
  };
  read_map("aspects", [&](const std::string& k, double v) { w.aspect[k] = v; });
  read_map("indicators", [&](const std::string& k, double v) {
    auto n = parse_int64(k);
    if (!n) in->add_error("indicators." + k, "invalid", "Kunci indikator harus nomor.", "Indicator keys must be numbers.");
    else w.indicator[static_cast<int>(*n)] = v;
  });
  if (!in->ok()) return Response::problem(in->error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_CHECK(create_weight_set(c, ctx.scope(), w));
    return Response::json(201, weight_sets_json(c));
  });
}

Response import_route(Ctx& ctx) {
  auto table = looks_like_xlsx(ctx.req.body) ? parse_xlsx(ctx.req.body, 20000) : parse_csv(ctx.req.body, 20000);
  if (!table.ok()) return Response::problem(table.error());
  std::optional<ImportReport> rep;
  Status s = ctx.db().write([&](db::Conn& c) -> Status {
    PANTAU_TRY(rep, import_values(c, ctx.scope(), *table, sha256_hex(ctx.req.body)));
    if (!rep->refused.empty()) return Error::invalid({});  // roll back: nothing half-imported
    return {};
  });
  if (!s.ok() && !rep) return Response::problem(s.error());
  json::Out o;
  o.begin_object().kv("rows", rep->rows).kv("imported", s.ok() ? rep->imported : 0);
  o.key("refused").begin_array();
  for (auto& [line, e] : rep->refused)
    o.begin_object().kv("line", line).kv("field", e.field).kv("code", e.code).kv_message("message", e.message).end_object();
  o.end_array().end_object();
  if (!s.ok()) {
    Error e = Error::make(ErrorKind::Invalid, "import.refused",
                          fmt::format("{} masalah pada berkas; tidak ada yang diimpor. Perbaiki lalu unggah lagi.", rep->refused.size()),
                          fmt::format("{} problems in the file; nothing was imported. Fix them and upload again.", rep->refused.size()));
    return http::problem_with(e, "report", o.take());
  }
  return Response::json(201, o.take());
}

Response provisional(Ctx& ctx) {
  auto region = http::region_param(ctx.req);
  if (!region.ok()) return Response::problem(region.error());
  auto year = year_param(ctx.req, current_year());
  if (!year.ok()) return Response::problem(year.error());
  std::string r = region->empty() ? ctx.scope().region_code.substr(0, std::min<size_t>(5, ctx.scope().region_code.size())) : *region;
  if (r.empty())
    return Response::problem(Error::invalid_field("region", "required", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota."));
  std::optional<Result<std::string>> out;
  Status s = ctx.db().read([&](db::Conn& c) { out.emplace(provisional_json(c, ctx.scope(), r, *year)); });
  if (!s.ok()) return Response::problem(s.error());
  if (!out->ok()) return Response::problem(out->error());
  return Response::json(200, **out);
}

Response export_route(Ctx& ctx, bool pdf) {
  auto region = http::region_param(ctx.req);
  if (!region.ok()) return Response::problem(region.error());
  auto year = year_param(ctx.req, current_year());
  if (!year.ok()) return Response::problem(year.error());
  std::string r = region->empty() ? ctx.scope().region_code : *region;
  if (r.size() != 2 && r.size() != 5)
    return Response::problem(Error::invalid_field("region", "required", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota."));
  std::optional<Result<std::string>> out;
  Status s = ctx.db().read([&](db::Conn& c) { out.emplace(pdf ? pokja_pdf(c, ctx.scope(), r, *year) : pokja_xlsx(c, ctx.scope(), r, *year)); });
  if (!s.ok()) return Response::problem(s.error());
  if (!out->ok()) return Response::problem(out->error());
  Response resp;
  resp.content_type = pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  resp.body = std::move(**out);
  resp.header("Content-Disposition", fmt::format("attachment; filename=\"idi-sementara-{}-{}.{}\"", r, *year, pdf ? "pdf" : "xlsx"));
  return resp;
}

Response plan(Ctx& ctx) {
  auto region = http::region_param(ctx.req);
  if (!region.ok()) return Response::problem(region.error());
  auto year = year_param(ctx.req, current_year());
  if (!year.ok()) return Response::problem(year.error());
  std::string r = region->empty() ? ctx.scope().region_code.substr(0, std::min<size_t>(5, ctx.scope().region_code.size())) : *region;
  std::optional<Result<std::string>> out;
  Status s = ctx.db().read([&](db::Conn& c) { out.emplace(plan_json(c, ctx.scope(), r, *year)); });
  if (!s.ok()) return Response::problem(s.error());
  if (!out->ok()) return Response::problem(out->error());
  return Response::json(200, **out);
}

Response add_to_plan(Ctx& ctx) {
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  PlanItemInput p;
  p.region_code = in->str("region_code", true, 8).value_or("");
  p.year = static_cast<int>(in->int64("year", true, 2021, 2100).value_or(0));
  p.indicator_no = static_cast<int>(in->int64("indicator_no", true, 1, 22).value_or(0));
  p.action = in->str("action", true, 2000).value_or("");
  p.output = in->str("output", false, 2000).value_or("");
  p.owner_person = in->str("owner_person", true, 200).value_or("");
  p.due_date = in->str("due_date", true, 10).value_or("");
  if (!in->ok()) return Response::problem(in->error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, add_plan_item(c, ctx.scope(), p));
    json::Out o;
    o.begin_object().kv("id", id).kv("source", "democracy").end_object();
    return Response::json(201, o.take());
  });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  http::RouteOptions admin{false, auth::kUserAdmin};
  r.get("/api/v1/democracy/indicators", [](Ctx& ctx) {
    return cached_json(ctx, "indicators", [](db::Conn& c) -> std::optional<std::string> { return indicators_json(c); });
  }, read);
  r.get("/api/v1/democracy/values", [](Ctx& ctx) {
    auto year = int_param(ctx.req, "year", 2009, 2100);
    if (!year.ok()) return Response::problem(year.error());
    ValueFilter f{*year, ctx.req.q("level").value_or(""), ctx.req.q("province").value_or(""), ctx.req.q("scope").value_or("")};
    if (!f.level.empty() && std::find(kLevels.begin(), kLevels.end(), f.level) == kLevels.end())
      return Response::problem(Error::invalid_field("level", "not_allowed", "Tingkat tidak dikenal.", "Unknown level."));
    if (!f.scope.empty() && std::find(kScopes.begin(), kScopes.end(), f.scope) == kScopes.end())
      return Response::problem(Error::invalid_field("scope", "not_allowed", "Cakupan tidak dikenal.", "Unknown scope."));
    return cached_json(ctx, "values", [&](db::Conn& c) -> std::optional<std::string> { return values_json(c, f); });
  }, read);
  r.get("/api/v1/democracy/coverage", [](Ctx& ctx) {
    auto year = year_param(ctx.req, 2023);
    if (!year.ok()) return Response::problem(year.error());
    return cached_json(ctx, "coverage", [&](db::Conn& c) -> std::optional<std::string> { return coverage_json(c, *year); });
  }, read);
  r.get("/api/v1/democracy/trend", [](Ctx& ctx) {
    auto province = region_param(ctx.req, "province");
    if (!province.ok()) return Response::problem(province.error());
    if (province->size() > 2)
      return Response::problem(Error::invalid_field("province", "region_code", "Pilih kode provinsi.", "Choose a province code."));
    return cached_json(ctx, "trend", [&](db::Conn& c) -> std::optional<std::string> { return trend_json(c, *province); });
  }, read);
  r.get("/api/v1/democracy/choropleth", [](Ctx& ctx) {
    auto year = year_param(ctx.req, 2023);
    if (!year.ok()) return Response::problem(year.error());
    std::string aspect = ctx.req.q("aspect").value_or("");
    if (aspect == "TOTAL") aspect.clear();
    if (!aspect.empty() && std::find(kNewAspects.begin(), kNewAspects.end(), aspect) == kNewAspects.end() &&
        std::find(kOldAspects.begin(), kOldAspects.end(), aspect) == kOldAspects.end())
      return Response::problem(Error::invalid_field("aspect", "not_allowed", "Aspek tidak dikenal.", "Unknown aspect."));
    return cached_json(ctx, "choropleth", [&](db::Conn& c) -> std::optional<std::string> { return choropleth_json(c, *year, aspect); });
  }, read);
  r.post("/api/v1/democracy/values/import", import_route, admin);
  r.get("/api/v1/democracy/weights", [](Ctx& ctx) {
    return read_json(ctx, [](db::Conn& c) -> std::optional<std::string> { return weight_sets_json(c); });
  }, read);
  r.post("/api/v1/democracy/weights", create_weights, admin);
  r.get("/api/v1/democracy/evidence", list_evidence, read);
  r.post("/api/v1/democracy/evidence", create_one_evidence, write);
  r.get("/api/v1/democracy/evidence/{id}", get_evidence, read);
  r.patch("/api/v1/democracy/evidence/{id}", patch_evidence, write);
  r.del("/api/v1/democracy/evidence/{id}", remove_evidence, write);
  r.get("/api/v1/democracy/proposals", list_proposals, read);
  r.get("/api/v1/democracy/proposals/{id}", [](Ctx& ctx) {
    auto id = path_id(ctx.req);
    if (!id.ok()) return Response::problem(id.error());
    int64_t v = 0;
    Response resp = read_json(ctx, [&](db::Conn& c) { return proposal_json(c, ctx.scope(), *id, &v); });
    return resp.status == 200 ? http::with_version(std::move(resp), v) : resp;
  }, read);
  r.post("/api/v1/democracy/proposals/{id}/accept", [](Ctx& c) { return decide_proposal(c, true); }, review);
  r.post("/api/v1/democracy/proposals/{id}/dismiss", [](Ctx& c) { return decide_proposal(c, false); }, review);
  r.get("/api/v1/democracy/proposal-rules", [](Ctx& ctx) {
    return read_json(ctx, [](db::Conn& c) -> std::optional<std::string> { return proposal_rules_json(c); });
  }, admin);
  r.patch("/api/v1/democracy/proposal-rules/{id}", patch_rule, admin);
  r.get("/api/v1/democracy/provisional", provisional, read);
  r.get("/api/v1/democracy/backtest", [](Ctx& ctx) {
    auto year = year_param(ctx.req, 2023);
    if (!year.ok()) return Response::problem(year.error());
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return backtest_json(c, ctx.scope(), *year); });
  }, read);
  r.get("/api/v1/democracy/plan", plan, read);
  r.post("/api/v1/democracy/plan", add_to_plan, write);
  r.get("/api/v1/democracy/export.pdf", [](Ctx& c) { return export_route(c, true); }, read);
  r.get("/api/v1/democracy/export.xlsx", [](Ctx& c) { return export_route(c, false); }, read);
}

}  // namespace pantau::democracy
