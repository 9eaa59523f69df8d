// /api/v1/democracy/...: official IDI values (and their import), weight sets, the Pokja's
// evidence log, proposals from Pantau's own records, the provisional index and back-testing.
#include <fmt/format.h>

#include <atomic>
#include <chrono>

#include "auth/roles.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/strings.h"
#include "core/xlsx_read.h"
#include "http/answer_cache.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "modules/democracy/documents.h"
#include "modules/democracy/store.h"

namespace pantau::democracy {

using http::Ctx;
using http::Response;
using http::path_id;

namespace {

// The official-value answers (trend, choropleth, coverage, values, indicators) are national
// reference data, the same for every user, read on every chart redraw. They change only when a
// national administrator imports values, so they are kept until this process commits an import
// (reference_version) and at most 30 s (an import by another server instance or by `pantau seed`).
// Keying them on the database's generation instead would throw them away on every write of any
// module (an evidence item, a session's sliding expiry), which under real use is most requests.
// `fn(conn)` returns a record (or a vector of them, answered as {"items": [...]}).
std::atomic<uint64_t> reference_version{0};

template <class Fn>
Response cached(Ctx& ctx, std::string_view what, Fn fn) {
  static http::AnswerCache cache(256, std::chrono::seconds(30));
  // Answers read from a replica are kept apart from the primary's (see Database::generation).
  const uint64_t generation = reference_version.load(std::memory_order_acquire) + (ctx.db().generation() & (uint64_t{1} << 62));
  std::string key = std::string(what) + '\n' + ctx.req.query_string;
  if (auto hit = cache.get(key, generation)) return Response::json(200, *hit);
  Response r = http::read(ctx, [&](db::Conn& c) -> Response {
    auto v = fn(c);
    if constexpr (requires { v.begin(); }) return Response::json(200, http::items_json(v));
    else return Response::json(200, to_json(v));
  });
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

const Message kNoEvidence{"Bukti tidak ditemukan.", "Evidence item not found."};
const Message kNoProposal{"Usulan tidak ditemukan.", "Proposal not found."};

Response list_all_evidence(Ctx& ctx) {
  PANTAU_TRY(std::string region, http::region_param(ctx.req));
  PANTAU_TRY(auto year, int_param(ctx.req, "year", 2009, 2100));
  PANTAU_TRY(auto ind, int_param(ctx.req, "indicator", 1, 22));
  PANTAU_TRY(http::Paging page, http::paging(ctx.req));
  EvidenceFilter f{region, year, ind};
  return http::read_page(ctx, [&](db::Conn& c) { return list_evidence(c, ctx.scope(), f, page); });
}

// The evidence item `id` as it now is (after a write).
Result<Evidence> evidence_now(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto e = get_evidence(c, s, id);
  if (!e) return Error::not_found(kNoEvidence.id, kNoEvidence.en);
  return *e;
}

Response create_one_evidence(Ctx& ctx) {
  PANTAU_TRY(EvidenceInput in, evidence_input(ctx.req, true));
  return http::create(ctx, [&](db::Conn& c) -> Result<Evidence> {
    PANTAU_TRY(int64_t id, create_evidence(c, ctx.scope(), in));
    return evidence_now(c, ctx.scope(), id);
  });
}

Response get_one_evidence(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_evidence(c, ctx.scope(), id); }, kNoEvidence);
}

Response patch_evidence(Ctx& ctx) {
  return http::update(ctx, [](const http::Request& req) { return evidence_input(req, true); },
                      [&](db::Conn& c, int64_t id, int64_t version, const EvidenceInput& in) {
                        return update_evidence(c, ctx.scope(), id, version, in);
                      });
}

Response remove_evidence(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  return http::write(ctx, [&](db::Conn& c) { return delete_evidence(c, ctx.scope(), t.id, t.version); });
}

Response list_all_proposals(Ctx& ctx) {
  std::string status = ctx.req.q("status").value_or("");
  if (!status.empty() && status != "PENDING" && status != "ACCEPTED" && status != "DISMISSED")
    return Error::invalid_field("status", "not_allowed", "Pilih PENDING, ACCEPTED, atau DISMISSED.", "Choose PENDING, ACCEPTED or DISMISSED.");
  PANTAU_TRY(http::Paging page, http::paging(ctx.req));
  // New records since the last look become proposals before the list is read, so a record
  // entered a moment ago is already proposed.
  Status scan = ctx.db().write([](db::Conn& c) -> Status {
    scan_proposals(c);
    return {};
  });
  if (!scan.ok()) return scan.error();
  return http::read_page(ctx, [&](db::Conn& c) { return list_proposals(c, ctx.scope(), status, page); });
}

Response get_one_proposal(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_proposal(c, ctx.scope(), id); }, kNoProposal);
}

// Accept: 201 with the evidence item made from the proposal (any field of the body changes it).
Response accept(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  EvidenceInput edit;
  if (!trim(ctx.req.body).empty()) {
    PANTAU_TRY(edit, evidence_input(ctx.req, false));
  }
  return http::create(ctx, [&](db::Conn& c) -> Result<Evidence> {
    PANTAU_TRY(int64_t evidence, accept_proposal(c, ctx.scope(), t.id, t.version, edit));
    return evidence_now(c, ctx.scope(), evidence);
  });
}

// Dismiss: 200 with the proposal, kept as DISMISSED so it is not proposed again.
Response dismiss(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<ProposalRecord> {
    PANTAU_CHECK(dismiss_proposal(c, ctx.scope(), t.id, t.version));
    auto p = get_proposal(c, ctx.scope(), t.id);
    if (!p) return Error::not_found(kNoProposal.id, kNoProposal.en);
    return *p;
  }, 200);
}

Response list_rules(Ctx& ctx) {
  return http::read_items(ctx, [](db::Conn& c) { return rule_records(c); });
}

// A partial change: the fields sent replace the rule's; answers every rule.
Response patch_rule(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto kind = in.one_of("source_kind", false, kSourceKinds);
  auto match = in.str("match", false, 64);
  auto indicator = in.int64("indicator_no", false, 1, 22);
  auto sign = in.int64("sign", false, -1, 1);
  auto threshold = in.number("threshold", false);
  auto active = in.boolean("active", false);
  auto note = in.str("note", false, 2000);
  return http::write(ctx, [&](db::Conn& c) -> Result<Response> {
    auto cur = rule_record(c, t.id);
    if (!cur) return Error::not_found("Aturan tidak ditemukan.", "Rule not found.");
    if (!in.ok()) return in.error();
    ProposalRule r = *cur;
    if (kind) r.source_kind = *kind;
    if (match) r.match = *match;
    if (indicator) r.indicator_no = static_cast<int>(*indicator);
    if (sign) r.sign = static_cast<int>(*sign);
    if (threshold) r.threshold = *threshold;
    if (active) r.active = *active;
    PANTAU_CHECK(update_proposal_rule(c, ctx.scope(), t.id, t.version, r, note.value_or(cur->note)));
    return Response::json(200, http::items_json(rule_records(c)));
  });
}

Response create_weights(Ctx& ctx) {
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  WeightSet w;
  w.code = in.str("code", true, 32).value_or("");
  w.name = in.str("name", true, 200).value_or("");
  w.source = in.str("source", true, 1000).value_or("");
  w.decided_on = in.str("decided_on", true, 10).value_or("");
  w.negative_points = in.number("negative_points", false).value_or(2.0);
  w.positive_points = in.number("positive_points", false).value_or(1.0);
  auto read_map = [&](const char* key, auto&& put) {
    const auto* v = in.get(key);
    if (!v || !v->IsObject()) {
      in.add_error(key, "required", "Wajib berupa objek bobot.", "Must be an object of weights.");
      return;
    }
    for (auto& m : v->GetObject()) {
      if (!m.value.IsNumber()) {
        in.add_error(std::string(key) + "." + m.name.GetString(), "type", "Bobot harus angka.", "A weight must be a number.");
        continue;
      }
      put(std::string(m.name.GetString()), m.value.GetDouble());
    }
  };
  read_map("aspects", [&](const std::string& k, double v) { w.aspect[k] = v; });
  read_map("indicators", [&](const std::string& k, double v) {
    auto n = parse_int64(k);
    if (!n) in.add_error("indicators." + k, "invalid", "Kunci indikator harus nomor.", "Indicator keys must be numbers.");
    else w.indicator[static_cast<int>(*n)] = v;
  });
  if (!in.ok()) return in.error();
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_CHECK(create_weight_set(c, ctx.scope(), w));
    return Response::json(201, http::items_json(weight_sets(c)));
  });
}

// The body is the CSV or XLSX file itself. A refused row refuses the file (nothing is written):
// 422 with the per-row report.
Response import_route(Ctx& ctx) {
  PANTAU_TRY(CsvTable table, looks_like_xlsx(ctx.req.body) ? parse_xlsx(ctx.req.body, 20000) : parse_csv(ctx.req.body, 20000));
  // Bumped before and after: an answer read while the import commits is kept under the version in
  // between, which the second bump retires.
  reference_version.fetch_add(1, std::memory_order_acq_rel);
  struct Bump {
    ~Bump() { reference_version.fetch_add(1, std::memory_order_acq_rel); }
  } bump_after;
  return http::write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(ImportReport rep, import_values(c, ctx.scope(), table, sha256_hex(ctx.req.body)));
    if (rep.refused.empty()) return Response::json(201, to_json(rep));
    Error e = Error::make(ErrorKind::Invalid, "import.refused",
                          fmt::format("{} masalah pada berkas; tidak ada yang diimpor. Perbaiki lalu unggah lagi.", rep.refused.size()),
                          fmt::format("{} problems in the file; nothing was imported. Fix them and upload again.", rep.refused.size()));
    return http::problem_with(e, "report", to_json(rep));
  });
}

// ?region= (a province or kab/kota; the caller's own by default) and ?year=.
struct RegionYear {
  std::string region;
  int year = 0;
};
Result<RegionYear> region_year(const http::Request& req, const auth::Scope& s) {
  PANTAU_TRY(std::string region, http::region_param(req));
  PANTAU_TRY(int year, year_param(req, current_year()));
  if (region.empty()) region = s.region_code.substr(0, std::min<size_t>(5, s.region_code.size()));
  if (region.empty())
    return Error::invalid_field("region", "required", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota.");
  return RegionYear{region, year};
}

Response provisional_route(Ctx& ctx) {
  PANTAU_TRY(RegionYear q, region_year(ctx.req, ctx.scope()));
  return http::read(ctx, [&](db::Conn& c) { return provisional(c, ctx.scope(), q.region, q.year); });
}

Response export_route(Ctx& ctx, bool pdf) {
  PANTAU_TRY(std::string given, http::region_param(ctx.req));
  PANTAU_TRY(int year, year_param(ctx.req, current_year()));
  std::string r = given.empty() ? ctx.scope().region_code : given;
  if (r.size() != 2 && r.size() != 5)
    return Error::invalid_field("region", "required", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota.");
  if (!pdf)
    return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
      PANTAU_TRY(std::string body, pokja_xlsx(c, ctx.scope(), r, year));
      return http::attachment(std::move(body), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              fmt::format("idi-sementara-{}-{}.xlsx", r, year));
    });
  // The PDF is an official document: numbered and QR-verifiable through the document register.
  auto ref = ctx.db().read_value<documents::DocumentRef>([&](db::Conn& c) -> Result<documents::DocumentRef> { return pokja_document(c, r, year); });
  if (!ref.ok()) return ref.error();
  auto issued = documents::issue(ctx.db(), ctx.scope(), *ref, documents::public_base(ctx.svc.cfg),
                                 [&](db::Conn& c, const documents::Stamp& st) { return pokja_pdf(c, ctx.scope(), r, year, st); });
  if (!issued.ok()) return issued.error();
  Response out = http::attachment(std::move(issued->pdf), "application/pdf", fmt::format("idi-sementara-{}-{}.pdf", r, year));
  out.header("X-Document-Code", issued->entry.code);
  return out;
}

Response plan_route(Ctx& ctx) {
  PANTAU_TRY(std::string given, http::region_param(ctx.req));
  PANTAU_TRY(int year, year_param(ctx.req, current_year()));
  std::string r = given.empty() ? ctx.scope().region_code.substr(0, std::min<size_t>(5, ctx.scope().region_code.size())) : given;
  return http::read(ctx, [&](db::Conn& c) { return plan(c, ctx.scope(), r, year); });
}

Response add_to_plan(Ctx& ctx) {
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  PlanItemInput p;
  p.region_code = in.str("region_code", true, 8).value_or("");
  p.year = static_cast<int>(in.int64("year", true, 2021, 2100).value_or(0));
  p.indicator_no = static_cast<int>(in.int64("indicator_no", true, 1, 22).value_or(0));
  p.action = in.str("action", true, 2000).value_or("");
  p.output = in.str("output", false, 2000).value_or("");
  p.owner_person = in.str("owner_person", true, 200).value_or("");
  p.due_date = in.str("due_date", true, 10).value_or("");
  if (!in.ok()) return in.error();
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, add_plan_item(c, ctx.scope(), p));
    return Response::json(201, json::object("id", id, "source", "democracy"));
  });
}

Response values_route(Ctx& ctx) {
  PANTAU_TRY(auto year, int_param(ctx.req, "year", 2009, 2100));
  ValueFilter f{year, ctx.req.q("level").value_or(""), ctx.req.q("province").value_or(""), ctx.req.q("scope").value_or("")};
  if (!f.level.empty() && std::find(kLevels.begin(), kLevels.end(), f.level) == kLevels.end())
    return Error::invalid_field("level", "not_allowed", "Tingkat tidak dikenal.", "Unknown level.");
  if (!f.scope.empty() && std::find(kScopes.begin(), kScopes.end(), f.scope) == kScopes.end())
    return Error::invalid_field("scope", "not_allowed", "Cakupan tidak dikenal.", "Unknown scope.");
  return cached(ctx, "values", [&](db::Conn& c) { return official_values(c, f); });
}

Response coverage_route(Ctx& ctx) {
  PANTAU_TRY(int year, year_param(ctx.req, 2023));
  return cached(ctx, "coverage", [&](db::Conn& c) { return coverage(c, year); });
}

Response trend_route(Ctx& ctx) {
  PANTAU_TRY(std::string province, http::region_param(ctx.req, "province"));
  if (province.size() > 2) return Error::invalid_field("province", "region_code", "Pilih kode provinsi.", "Choose a province code.");
  return cached(ctx, "trend", [&](db::Conn& c) { return trend(c, province); });
}

Response choropleth_route(Ctx& ctx) {
  PANTAU_TRY(int year, year_param(ctx.req, 2023));
  std::string aspect = ctx.req.q("aspect").value_or("");
  if (aspect == "TOTAL") aspect.clear();
  if (!aspect.empty() && std::find(kNewAspects.begin(), kNewAspects.end(), aspect) == kNewAspects.end() &&
      std::find(kOldAspects.begin(), kOldAspects.end(), aspect) == kOldAspects.end())
    return Error::invalid_field("aspect", "not_allowed", "Aspek tidak dikenal.", "Unknown aspect.");
  return cached(ctx, "choropleth", [&](db::Conn& c) { return choropleth(c, year, aspect); });
}

Response backtest_route(Ctx& ctx) {
  PANTAU_TRY(int year, year_param(ctx.req, 2023));
  return http::read(ctx, [&](db::Conn& c) { return backtest(c, ctx.scope(), year); });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  http::RouteOptions admin{false, auth::kUserAdmin};
  r.get("/api/v1/democracy/indicators", [](Ctx& ctx) { return cached(ctx, "indicators", all_indicators); }, read);
  r.get("/api/v1/democracy/values", values_route, read);
  r.get("/api/v1/democracy/coverage", coverage_route, read);
  r.get("/api/v1/democracy/trend", trend_route, read);
  r.get("/api/v1/democracy/choropleth", choropleth_route, read);
  r.post("/api/v1/democracy/values/import", import_route, admin);
  r.get("/api/v1/democracy/weights", [](Ctx& ctx) { return http::read_items(ctx, weight_sets); }, read);
  r.post("/api/v1/democracy/weights", create_weights, admin);
  r.get("/api/v1/democracy/evidence", list_all_evidence, read);
  r.post("/api/v1/democracy/evidence", create_one_evidence, write);
  r.get("/api/v1/democracy/evidence/{id}", get_one_evidence, read);
  r.patch("/api/v1/democracy/evidence/{id}", patch_evidence, write);
  r.del("/api/v1/democracy/evidence/{id}", remove_evidence, write);
  r.get("/api/v1/democracy/proposals", list_all_proposals, read);
  r.get("/api/v1/democracy/proposals/{id}", get_one_proposal, read);
  r.post("/api/v1/democracy/proposals/{id}/accept", accept, review);
  r.post("/api/v1/democracy/proposals/{id}/dismiss", dismiss, review);
  r.get("/api/v1/democracy/proposal-rules", list_rules, admin);
  r.patch("/api/v1/democracy/proposal-rules/{id}", patch_rule, admin);
  r.get("/api/v1/democracy/provisional", provisional_route, read);
  r.get("/api/v1/democracy/backtest", backtest_route, read);
  r.get("/api/v1/democracy/plan", plan_route, read);
  r.post("/api/v1/democracy/plan", add_to_plan, write);
  r.get("/api/v1/democracy/export.pdf", [](Ctx& c) { return export_route(c, true); }, read);
  r.get("/api/v1/democracy/export.xlsx", [](Ctx& c) { return export_route(c, false); }, read);
}

}  // namespace pantau::democracy
