// /api/v1/elections, /api/v1/support-items and /api/v1/support-instruments: the checklist of
// regional-government support to elections, its evidence, the reviewers' verdicts and the
// readiness map.
#include "auth/roles.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/elections/rules.h"
#include "modules/elections/store.h"

namespace pantau::elections {

using http::Ctx;
using http::Response;

namespace {

using http::path_id;

Result<std::optional<int64_t>> query_id(const http::Request& req, std::string_view name) {
  auto s = req.q(name);
  if (!s || s->empty()) return std::optional<int64_t>();
  auto v = parse_int64(*s);
  if (!v || *v < 1)
    return Error::invalid_field(std::string(name), "invalid", "Harus berupa angka positif.",
                                "Must be a positive number.");
  return std::optional<int64_t>(*v);
}

// ?after=&limit= (http::paging: a bad one is a 422 naming the field).
Status read_paging(const http::Request& req, ListQuery& q) {
  PANTAU_TRY(http::Paging p, http::paging(req));
  q.after = p.after;
  q.limit = p.limit;
  return {};
}

using json::with_member;

void check_date(json::In& in, std::string_view field, const std::optional<std::string>& v) {
  if (v && !parse_date(*v))
    in.add_error(std::string(field), "invalid", "Tanggal harus berformat YYYY-MM-DD.",
                 "The date must be YYYY-MM-DD.");
}

std::optional<int> read_classification(json::In& in) {
  auto c = in.one_of("classification", false, auth::kClearanceNames);
  return c ? auth::parse_clearance(*c) : std::nullopt;
}

constexpr int64_t kMaxRupiah =
    1'000'000'000'000'000;  // Rp 1 quadrillion: far above any regional budget

// ---- elections ----------------------------------------------------------------------------

Response list_all_elections(Ctx& ctx) {
  ListQuery q;
  PANTAU_CHECK(read_paging(ctx.req, q));
  return http::read_page(ctx, [&](db::Conn& c) { return list_elections(c, ctx.scope(), q); });
}

Result<ElectionInput> election_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  ElectionInput e;
  auto type = in.one_of("type", true, kElectionTypes);
  auto year = in.int64("year", true, 1955, 2100);
  auto name = in.str("name", true, 200);
  auto date = in.str("polling_date", true, 10);
  check_date(in, "polling_date", date);
  auto scope = in.str("scope_region_code", false, 8);
  if (scope && !scope->empty() && region_level(*scope) == RegionLevel::Invalid)
    in.add_error("scope_region_code", "region_code", "Kode wilayah Kemendagri tidak valid.",
                 "Not a valid Kemendagri region code.");
  auto basis = in.str("legal_basis", false, 300);
  if (!in.ok()) return in.error();
  e.type = *type;
  e.year = *year;
  e.name = *name;
  e.polling_date = *date;
  e.scope_region_code = scope.value_or("");
  e.legal_basis = basis.value_or("");
  return e;
}

Response create_one_election(Ctx& ctx) {
  PANTAU_TRY(ElectionInput in, election_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return create_election(c, ctx.scope(), in); });
}

Response election_readiness(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  const auth::Scope& s = ctx.scope();
  std::string level = ctx.req.q("level").value_or("");
  if (level.empty()) level = s.national() ? "provinsi" : "kabkota";
  if (level != "provinsi" && level != "kabkota")
    return Error::invalid_field("level", "not_allowed", "Pilih salah satu: provinsi, kabkota.",
                                "Choose one of: provinsi, kabkota.");
  std::string province = ctx.req.q("province").value_or("");
  if (level == "kabkota") {
    if (province.empty()) province = region_province(s.region_code);
    if (region_level(province) != RegionLevel::Provinsi)
      return Error::invalid_field("province", "required", "Sebutkan kode provinsi, misalnya 63.",
                                  "Name the province code, for example 63.");
  }
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(ReadinessMap m, readiness(c, s, id, level == "provinsi" ? 1 : 2, province));
    return Response::json(200, to_json(m, id));
  });
}

// The checklist of the caller's scope as an Excel workbook to download.
Response election_checklist_xlsx(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(std::string x, checklist_xlsx(c, ctx.scope(), id));
    return http::attachment(std::move(x), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            checklist_file_name(ctx.scope(), id));
  });
}

// ---- checklist items ----------------------------------------------------------------------

Response list_all_items(Ctx& ctx) {
  ItemQuery q;
  PANTAU_CHECK(read_paging(ctx.req, q));
  PANTAU_TRY(q.election_id, query_id(ctx.req, "election_id"));
  return http::read_page(ctx, [&](db::Conn& c) { return list_items(c, ctx.scope(), q); });
}

Result<ItemInput> item_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  ItemInput i;
  auto code = in.str("code", true, 64);
  if (code && !valid_item_code(*code))
    in.add_error("code", "invalid", "Kode 2-64 karakter: huruf besar, angka, atau garis bawah.",
                 "Codes are 2-64 characters: capital letters, digits or underscore.");
  auto d_id = in.str("description_id", true, 500);
  auto d_en = in.str("description_en", true, 500);
  auto basis = in.str("legal_basis", true, 300);
  auto confidence = in.one_of("confidence", false, kConfidence);
  auto note = in.str("source_note", false, 500);
  auto from = in.str("effective_from", true, 10);
  check_date(in, "effective_from", from);
  auto to = in.str("effective_to", false, 10);
  check_date(in, "effective_to", to);
  if (from && to && parse_date(*from) && parse_date(*to) && *to <= *from)
    in.add_error("effective_to", "before_start",
                 "Tanggal akhir harus sesudah tanggal mulai berlaku.",
                 "The end date must come after the start date.");
  auto amount = in.boolean("has_amount", false);
  auto applies = in.one_of("applies_to", false, kAppliesTo);
  auto order = in.int64("sort_order", false, 0, 100000);
  if (!in.ok()) return in.error();
  i.code = *code;
  i.description_id = *d_id;
  i.description_en = *d_en;
  i.legal_basis = *basis;
  i.confidence = confidence.value_or("U");
  i.source_note = note.value_or("");
  i.effective_from = *from;
  i.effective_to = to && !to->empty() ? to : std::nullopt;
  i.has_amount = amount.value_or(false);
  i.applies_to = applies.value_or("ALL");
  i.sort_order = order.value_or(1000);
  return i;
}

Response create_one_item(Ctx& ctx) {
  PANTAU_TRY(ItemInput in, item_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return create_item(c, ctx.scope(), in); });
}

// ---- instruments --------------------------------------------------------------------------

Result<InstrumentQuery> instrument_query(const http::Request& req) {
  InstrumentQuery q;
  PANTAU_CHECK(read_paging(req, q));
  PANTAU_TRY(q.election_id, query_id(req, "election_id"));
  PANTAU_TRY(q.org_unit_id, query_id(req, "org_unit_id"));
  q.region_code = req.q("region_code").value_or("");
  if (!q.region_code.empty() && region_level(q.region_code) == RegionLevel::Invalid)
    return Error::invalid_field("region_code", "region_code",
                                "Kode wilayah Kemendagri tidak valid.",
                                "Not a valid Kemendagri region code.");
  q.status = req.q("status").value_or("");
  if (!q.status.empty() && !parse_status(q.status))
    return Error::invalid_field("status", "not_allowed",
                                "Pilih salah satu: NOT_STARTED, IN_PROGRESS, DONE, NOT_APPLICABLE.",
                                "Choose one of: NOT_STARTED, IN_PROGRESS, DONE, NOT_APPLICABLE.");
  if (auto n = req.q("needs_action"); n && !n->empty()) {
    if (*n != "true" && *n != "false")
      return Error::invalid_field("needs_action", "not_allowed", "Pilih true atau false.",
                                  "Choose true or false.");
    q.needs_action = *n == "true";
  }
  return q;
}

Response list_all_instruments(Ctx& ctx) {
  PANTAU_TRY(InstrumentQuery q, instrument_query(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_instruments(c, ctx.scope(), q); });
}

std::string instrument_with_evidence(db::Conn& c, const auth::Scope& s, const Instrument& i) {
  json::Out list;
  list.begin_array();
  for (const auto& e : list_evidence(c, s, i.id)) list.raw(to_json(e));
  list.end_array();
  return with_member(to_json(i), "evidence", list.take());
}

Response get_one_instrument(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto i = get_instrument(c, ctx.scope(), id);
    if (!i) return Error::not_found("Instrumen dukungan tidak ditemukan.", "Support instrument not found.");
    return http::with_version(Response::json(200, instrument_with_evidence(c, ctx.scope(), *i)), i->version);
  });
}

// Fields both create and update read; `patch` makes every field optional.
struct InstrumentFields {
  std::optional<std::string> target, realisation, note;
  std::optional<int64_t> amount;
  bool amount_null = false;
  std::optional<InstrumentStatus> status;
  std::optional<int> classification;
};

InstrumentFields read_instrument_fields(json::In& in) {
  InstrumentFields f;
  f.target = in.str("target", false, 1000);
  f.realisation = in.str("realisation", false, 1000);
  f.note = in.str("note", false, 1000);
  f.amount_null = in.is_null("amount_rupiah");
  f.amount = in.int64("amount_rupiah", false, 0, kMaxRupiah);
  if (auto st = in.one_of("status", false, kInstrumentStatuses)) f.status = parse_status(*st);
  f.classification = read_classification(in);
  return f;
}

Result<InstrumentInput> instrument_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  InstrumentInput i;
  auto election = in.int64("election_id", true, 1);
  auto unit = in.int64("org_unit_id", true, 1);
  auto item = in.str("item_code", true, 64);
  InstrumentFields f = read_instrument_fields(in);
  if (!in.ok()) return in.error();
  i.election_id = *election;
  i.org_unit_id = *unit;
  i.item_code = *item;
  i.target = f.target.value_or("");
  i.realisation = f.realisation.value_or("");
  i.note = f.note.value_or("");
  i.amount_rupiah = f.amount;
  i.status = f.status.value_or(InstrumentStatus::NotStarted);
  i.classification = f.classification.value_or(0);
  return i;
}

Response create_one_instrument(Ctx& ctx) {
  PANTAU_TRY(InstrumentInput in, instrument_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return create_instrument(c, ctx.scope(), in); });
}

Result<InstrumentPatch> instrument_patch(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  for (const char* fixed : {"election_id", "org_unit_id", "item_code"})
    if (in.has(fixed))
      in.add_error(fixed, "read_only", "Tidak dapat diubah; buat instrumen baru.",
                   "Cannot be changed; create a new instrument.");
  InstrumentFields f = read_instrument_fields(in);
  if (!in.ok()) return in.error();
  InstrumentPatch p;
  p.target = f.target;
  p.realisation = f.realisation;
  p.note = f.note;
  p.amount_rupiah = f.amount;
  p.clear_amount = f.amount_null;
  p.status = f.status;
  p.classification = f.classification;
  return p;
}

Response update_one_instrument(Ctx& ctx) {
  return http::update(ctx, instrument_patch, [&](db::Conn& c, int64_t id, int64_t version, const InstrumentPatch& in) {
    return update_instrument(c, ctx.scope(), id, version, in);
  });
}

// The evidence, and the instrument as it stands after the change (state, counts).
Result<Response> evidence_response(db::Conn& c, const auth::Scope& s, int status,
                                   const Evidence& e) {
  auto inst = get_instrument(c, s, e.instrument_id);
  if (!inst) return Error::not_found();
  return http::with_version(
      Response::json(status, with_member(to_json(e), "instrument", to_json(*inst))), e.version);
}

Response link_one_evidence(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  EvidenceInput e;
  auto file = in.int64("file_id", true, 1);
  auto desc = in.str("description", false, 500);
  e.replaces = in.int64("replaces", false, 1);
  if (!in.ok()) return in.error();
  e.file_id = *file;
  e.description = desc.value_or("");
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(Evidence ev, link_evidence(c, ctx.scope(), id, e));
    return evidence_response(c, ctx.scope(), 201, ev);
  });
}

Response verdict_on_evidence(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(int64_t ev_id, path_id(ctx.req, "evidence_id"));
  std::optional<int64_t> version;
  if (!trim(ctx.req.header("if-match")).empty()) {
    PANTAU_TRY(version, http::required_version(ctx.req));
  }
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto verdict = in.one_of("verdict", true, kGivenVerdicts);
  auto note = in.str("note", false, 1000);
  if (!in.ok()) return in.error();
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(Evidence ev, give_verdict(c, ctx.scope(), id, ev_id, version, *verdict, note.value_or("")));
    return evidence_response(c, ctx.scope(), 200, ev);
  });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions admin{false, auth::kOrgAdmin};
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  r.get("/api/v1/elections", list_all_elections);
  r.post("/api/v1/elections", create_one_election, admin);
  r.get("/api/v1/elections/{id}/readiness", election_readiness, read);
  r.get("/api/v1/elections/{id}/checklist.xlsx", election_checklist_xlsx, read);
  r.get("/api/v1/support-items", list_all_items);
  r.post("/api/v1/support-items", create_one_item, admin);
  r.get("/api/v1/support-instruments", list_all_instruments, read);
  r.post("/api/v1/support-instruments", create_one_instrument, write);
  r.get("/api/v1/support-instruments/{id}", get_one_instrument, read);
  r.patch("/api/v1/support-instruments/{id}", update_one_instrument, write);
  r.post("/api/v1/support-instruments/{id}/evidence", link_one_evidence, write);
  r.post("/api/v1/support-instruments/{id}/evidence/{evidence_id}/verdict", verdict_on_evidence,
         review);
}

}  // namespace pantau::elections
