// /api/v1/elections, /api/v1/support-items and /api/v1/support-instruments: the checklist of
// regional-government support to elections, its evidence, the reviewers' verdicts and the
// readiness map.
#include "auth/roles.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "http/app.h"
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

Status read_paging(const http::Request& req, ListQuery& q) {
  PANTAU_TRY(q.after, query_id(req, "after"));
  if (auto l = req.q("limit"); l && !l->empty()) {
    auto v = parse_int64(*l);
    if (!v || *v < 1 || *v > 500)
      return Error::invalid_field("limit", "out_of_range", "Batas harus antara 1 dan 500.",
                                  "The limit must be between 1 and 500.");
    q.limit = static_cast<int>(*v);
  }
  return {};
}

using http::page_json;

// Adds `"key":value` (value already JSON) to a serialised object.
std::string with_member(std::string object, std::string_view key, const std::string& value) {
  object.pop_back();
  object += ",\"";
  object += key;
  object += "\":";
  object += value;
  object += "}";
  return object;
}

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
  if (Status s = read_paging(ctx.req, q); !s.ok()) return Response::problem(s.error());
  std::string body;
  Status s =
      ctx.db().read([&](db::Conn& c) { body = page_json(list_elections(c, ctx.scope(), q)); });
  return s.ok() ? Response::json(200, body) : Response::problem(s.error());
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
  auto in = election_input(ctx.req);
  if (!in.ok()) return Response::problem(in.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(Election e, create_election(c, ctx.scope(), *in));
    return http::with_version(Response::json(201, to_json(e)), e.version);
  });
}

Response election_readiness(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  const auth::Scope& s = ctx.scope();
  std::string level = ctx.req.q("level").value_or("");
  if (level.empty()) level = s.national() ? "provinsi" : "kabkota";
  if (level != "provinsi" && level != "kabkota")
    return Response::problem(Error::invalid_field("level", "not_allowed",
                                                  "Pilih salah satu: provinsi, kabkota.",
                                                  "Choose one of: provinsi, kabkota."));
  std::string province = ctx.req.q("province").value_or("");
  if (level == "kabkota") {
    if (province.empty()) province = region_province(s.region_code);
    if (region_level(province) != RegionLevel::Provinsi)
      return Response::problem(Error::invalid_field("province", "required",
                                                    "Sebutkan kode provinsi, misalnya 63.",
                                                    "Name the province code, for example 63."));
  }
  auto m = ctx.db().read_value<ReadinessMap>(
      [&](db::Conn& c) { return readiness(c, s, *id, level == "provinsi" ? 1 : 2, province); });
  if (!m.ok()) return Response::problem(m.error());
  return Response::json(200, to_json(*m, *id));
}

// The checklist of the caller's scope as an Excel workbook to download.
Response election_checklist_xlsx(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto x = ctx.db().read_value<std::string>(
      [&](db::Conn& c) { return checklist_xlsx(c, ctx.scope(), *id); });
  if (!x.ok()) return Response::problem(x.error());
  Response r;
  r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = std::move(x.value());
  r.header("Content-Disposition",
           "attachment; filename=\"" + checklist_file_name(ctx.scope(), *id) + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

// ---- checklist items ----------------------------------------------------------------------

Response list_all_items(Ctx& ctx) {
  ItemQuery q;
  if (Status s = read_paging(ctx.req, q); !s.ok()) return Response::problem(s.error());
  auto e = query_id(ctx.req, "election_id");
  if (!e.ok()) return Response::problem(e.error());
  q.election_id = *e;
  auto page = ctx.db().read_value<Page<SupportItem>>(
      [&](db::Conn& c) { return list_items(c, ctx.scope(), q); });
  if (!page.ok()) return Response::problem(page.error());
  return Response::json(200, page_json(*page));
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
  auto in = item_input(ctx.req);
  if (!in.ok()) return Response::problem(in.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(SupportItem i, create_item(c, ctx.scope(), *in));
    return http::with_version(Response::json(201, to_json(i)), i.version);
  });
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
  auto q = instrument_query(ctx.req);
  if (!q.ok()) return Response::problem(q.error());
  std::string body;
  Status s =
      ctx.db().read([&](db::Conn& c) { body = page_json(list_instruments(c, ctx.scope(), *q)); });
  return s.ok() ? Response::json(200, body) : Response::problem(s.error());
}

std::string instrument_with_evidence(db::Conn& c, const auth::Scope& s, const Instrument& i) {
  std::string list = "[";
  for (const auto& e : list_evidence(c, s, i.id)) list += (list.size() > 1 ? "," : "") + to_json(e);
  list += "]";
  return with_member(to_json(i), "evidence", list);
}

Response get_one_instrument(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  std::optional<Instrument> i;
  std::string body;
  Status s = ctx.db().read([&](db::Conn& c) {
    i = get_instrument(c, ctx.scope(), *id);
    if (i) body = instrument_with_evidence(c, ctx.scope(), *i);
  });
  if (!s.ok()) return Response::problem(s.error());
  if (!i)
    return Response::problem(
        Error::not_found("Instrumen dukungan tidak ditemukan.", "Support instrument not found."));
  return http::with_version(Response::json(200, body), i->version);
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
  auto in = instrument_input(ctx.req);
  if (!in.ok()) return Response::problem(in.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(Instrument i, create_instrument(c, ctx.scope(), *in));
    return http::with_version(Response::json(201, to_json(i)), i.version);
  });
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
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = instrument_patch(ctx.req);
  if (!in.ok()) return Response::problem(in.error());
  auto r = ctx.db().write_value<Instrument>(
      [&](db::Conn& c) { return update_instrument(c, ctx.scope(), *id, *version, *in); });
  if (!r.ok()) return Response::problem(r.error());
  return http::with_version(Response::json(200, to_json(*r)), r->version);
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
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  EvidenceInput e;
  auto file = in->int64("file_id", true, 1);
  auto desc = in->str("description", false, 500);
  e.replaces = in->int64("replaces", false, 1);
  if (!in->ok()) return Response::problem(in->error());
  e.file_id = *file;
  e.description = desc.value_or("");
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(Evidence ev, link_evidence(c, ctx.scope(), *id, e));
    return evidence_response(c, ctx.scope(), 201, ev);
  });
}

Response verdict_on_evidence(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto ev_id = path_id(ctx.req, "evidence_id");
  if (!ev_id.ok()) return Response::problem(ev_id.error());
  std::optional<int64_t> version;
  if (!trim(ctx.req.header("if-match")).empty()) {
    auto v = http::required_version(ctx.req);
    if (!v.ok()) return Response::problem(v.error());
    version = *v;
  }
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto verdict = in->one_of("verdict", true, kGivenVerdicts);
  auto note = in->str("note", false, 1000);
  if (!in->ok()) return Response::problem(in->error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(Evidence ev,
               give_verdict(c, ctx.scope(), *id, *ev_id, version, *verdict, note.value_or("")));
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
