// /api/v1/services/...: the staff side of the service desk: the queue by time left, a request
// and its workflow steps, document verdicts, the research-permit letter, service standards, the
// Daftar Informasi Publik, disputes, and the recaps (service times, SKM, PPID report). The
// public portal's handlers are in portal.cpp; every route of the module is registered here.
#include <fmt/format.h>

#include "auth/roles.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "documents/register.h"
#include "http/handler.h"
#include "http/params.h"
#include "modules/org/public.h"
#include "modules/services/routes.h"
#include "modules/services/rules.h"
#include "report/indonesian.h"
#include "report/pdf.h"

namespace pantau::services {

using http::Ctx;
using http::Response;

namespace {

// ---- staff ------------------------------------------------------------------------------------

// The staff queue is one list sorted by time left (not by id), capped at the 2,000 newest
// requests: it has no pages, so it takes no ?after= or ?limit=.
Response queue_route(Ctx& ctx) {
  QueueFilter f;
  f.kind = ctx.req.q("kind").value_or("");
  f.status = ctx.req.q("status").value_or("");
  f.region = ctx.req.q("region").value_or("");
  f.open_only = ctx.req.q("all").value_or("") != "1";
  if (!f.kind.empty() && std::find(kKinds.begin(), kKinds.end(), f.kind) == kKinds.end())
    return Error::invalid_field("kind", "not_allowed", "Jenis layanan tidak dikenal.", "Unknown kind of service.");
  if (f.status.size() > 32 || f.status.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != std::string::npos ||
      f.region.size() > 16 || f.region.find_first_not_of("0123456789.") != std::string::npos)
    return Error::invalid_field("status", "invalid", "Filter tidak valid.", "Invalid filter.");
  return http::read_items(ctx, [&](db::Conn& c) { return queue(c, ctx.scope(), f); });
}

// A request entered by staff on behalf of the public: the answer also carries the record's id
// (for the staff screen's link), which the portal's answer never does.
Response counter_submit(Ctx& ctx) {
  PANTAU_TRY(CaseInput in, case_input(ctx.req.body, true));
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(Submitted s, submit_case(c, in, &ctx.scope()));
    return Response::json(201, json::with_member(to_json(s), "id", std::to_string(s.id)));
  });
}

// A request as the staff see it (404 when absent or outside the scope). On a GET it is answered
// without an ETag (the version is in the body), after a write with one.
Result<CaseDetail> detail_of(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto d = case_detail(c, s, id);
  if (!d) return Error::not_found();
  return std::move(*d);
}

Response case_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(CaseDetail d, detail_of(c, ctx.scope(), id));
    return Response::json(200, to_json(d));
  });
}

// The research-permit letter (Surat Keterangan Penelitian) as a PDF, stamped by the document
// register (number, QR code to /verifikasi/<code>); rendered only from the record and the stamp,
// so the same request renders to the same bytes.
Result<std::string> letter_pdf(const LetterData& d, const std::optional<org::Office>& office, const documents::Stamp& stamp) {
  report::PdfDocument doc({"Surat Keterangan Penelitian " + stamp.number, d.office_name, "Surat Keterangan Penelitian", stamp.issued_at});
  if (office) doc.letterhead(office->letterhead());
  doc.title("SURAT KETERANGAN PENELITIAN", "Nomor: " + stamp.number);
  doc.paragraph("Berdasarkan permohonan nomor registrasi " + d.reg_no +
                " dan hasil pemeriksaan dokumen serta kajian dampak, Kepala " + d.office_name + " menerangkan bahwa:");
  auto day = [](const std::string& iso) { return parse_date(iso) ? report::tanggal_indonesia(*parse_date(iso)) : iso; };
  doc.key_values({{"Nama", d.applicant_name},
                  {"Nomor identitas", d.id_no.empty() ? "-" : d.id_no},
                  {"Lembaga", d.applicant_org.empty() ? "-" : d.applicant_org},
                  {"Judul penelitian", d.title},
                  {"Metode", d.method.empty() ? "-" : d.method},
                  {"Lokasi", d.research_region_name},
                  {"Waktu", day(d.period_start) + " s.d. " + day(d.period_end)}});
  // The result report's due date is the one stored on the permit at issue (result_due_date);
  // a letter without it keeps the wording it was issued with.
  doc.paragraph("dapat melaksanakan penelitian tersebut dengan ketentuan: (1) menaati peraturan perundang-undangan dan adat istiadat "
                "setempat; (2) tidak menyimpang dari judul dan lokasi penelitian; " +
                result_report_condition(d.result_due_date ? parse_date(*d.result_due_date) : std::nullopt) +
                " Surat keterangan ini berlaku selama waktu penelitian di atas.");
  Date on = *local_date(format_iso(stamp.issued_at), d.office_region);
  report::Signer signer = office ? office->head_signer() : report::Signer{"KEPALA", "................", "", ""};
  doc.signature_block({office ? office->signing_place() : "", on, signer, std::nullopt});
  doc.paragraph("Tembusan:\n1. Kepala Badan Kesatuan Bangsa dan Politik di lokasi penelitian (" + d.research_region_name +
                ");\n2. Camat di lokasi penelitian;\n3. Yang bersangkutan.");
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

Result<StepInput> step_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  StepInput st;
  std::vector<std::string_view> actions;
  for (auto& t : transitions())
    if (t.actor == Actor::Staff && std::find(actions.begin(), actions.end(), t.action) == actions.end()) actions.push_back(t.action);
  st.action = in.one_of("action", true, actions).value_or("");
  std::vector<FieldError> errs;
  st.note = clean_text("note", in.str("note", false, 8000).value_or(""), false, 4000, true, errs).value_or("");
  st.public_note = clean_text("public_note", in.str("public_note", false, 8000).value_or(""), false, 4000, true, errs).value_or("");
  if (in.has("response_type")) st.response_type = in.one_of("response_type", false, kResponseTypes).value_or("");
  if (in.has("decision")) st.decision = in.one_of("decision", false, kObjectionDecisions).value_or("");
  if (in.has("exemption")) st.exemption = in.one_of("exemption", false, kExemptions).value_or("");
  st.fee_rupiah = in.int64("fee_rupiah", false, 0, 100000000).value_or(0);
  if (!in.ok()) {
    auto e = in.error();
    errs.insert(errs.begin(), e.fields.begin(), e.fields.end());
  }
  if (!errs.empty()) return Error::invalid(errs);
  return st;
}

// A staff step of the workflow (If-Match). ISSUE first draws and registers the letter (its own
// transactions in the document register), so the step is not an http::update.
Response step_route(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  PANTAU_TRY(StepInput st, step_input(ctx.req));
  st.version = t.version;
  if (st.action == "ISSUE") {
    // The letter is drawn first (outside the write), placed at its content address, then the
    // step records its number and hash; a failed step leaves only an unreferenced file.
    PANTAU_TRY(LetterData data, ctx.db().read_value<LetterData>([&](db::Conn& c) { return letter_data(c, ctx.scope(), t.id); }));
    if (data.version != st.version) return Error::stale_version();
    documents::DocumentRef ref{"SKP_LETTER", "svc_case", std::to_string(t.id), data.office_region,
                               "Surat Keterangan Penelitian " + data.reg_no, false, ""};
    PANTAU_TRY(auto issued, documents::issue(ctx.db(), ctx.scope(), ref, documents::public_base(ctx.svc.cfg),
                                             [&](db::Conn& c, const documents::Stamp& stamp) -> Result<std::string> {
                                               return letter_pdf(data, org::kesbangpol_office(c, data.office_region), stamp);
                                             }));
    st.result_due_date = data.result_due_date.value_or("");
    st.letter_no = issued.entry.number;
    st.letter_sha = sha256_hex(issued.pdf);
    st.letter_code = issued.entry.code;
    PANTAU_CHECK(put_public_bytes(ctx, st.letter_sha, issued.pdf));
  }
  return http::write(ctx, [&](db::Conn& c) -> Result<CaseDetail> {
    PANTAU_CHECK(staff_step(c, ctx.scope(), t.id, st));
    return detail_of(c, ctx.scope(), t.id);
  });
}

struct VerdictInput {
  std::string verdict, note;
};

Result<VerdictInput> verdict_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  VerdictInput v;
  v.verdict = in.one_of("verdict", true, kVerdicts).value_or("");
  std::vector<FieldError> errs;
  v.note = clean_text("note", in.str("note", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  if (!in.ok()) return in.error();
  if (!errs.empty()) return Error::invalid(errs);
  return v;
}

Response verdict_route(Ctx& ctx) {
  std::string type(ctx.req.param("type"));
  return http::update(ctx, verdict_input, [&](db::Conn& c, int64_t id, int64_t version, const VerdictInput& in) -> Result<CaseDetail> {
    PANTAU_CHECK(set_verdict(c, ctx.scope(), id, version, type, in.verdict, in.note));
    return detail_of(c, ctx.scope(), id);
  });
}

Response case_file_route(Ctx& ctx) {
  auto id = http::path_id(ctx.req);
  auto fid = http::path_id(ctx.req, "file_id");
  if (!id.ok() || !fid.ok()) return Error::not_found();
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto f = case_file(c, ctx.scope(), *id, *fid);
    if (!f) return Error::not_found("Berkas tidak ditemukan.", "The file was not found.");
    Response r = http::attachment("", f->mime, f->name);
    r.file_path = public_path(ctx, f->sha256);
    return r;
  });
}

Response staff_letter(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) { return letter_file(ctx, staff_letter_sha(c, ctx.scope(), id), "surat-keterangan-penelitian.pdf"); });
}

Response services_route(Ctx& ctx) {
  return http::read_items(ctx, [&](db::Conn& c) { return list_services(c, ctx.scope()); });
}

struct ServiceInput {
  int sla = 0, ack = 0;
  std::string basis;
  bool active = true;
};

Result<ServiceInput> service_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  ServiceInput s;
  s.sla = static_cast<int>(in.int64("sla_working_days", true, 1, 365).value_or(0));
  s.ack = static_cast<int>(in.int64("ack_working_days", false, 0, 365).value_or(0));
  s.basis = in.str("limit_basis", false, 500).value_or("");
  s.active = in.boolean("active", false).value_or(true);
  if (!in.ok()) return in.error();
  return s;
}

// 204 with the new version as the ETag.
Result<Response> new_version(Result<int64_t> v) {
  if (!v.ok()) return v.error();
  return http::with_version(Response::no_content(), *v);
}

Response update_service_route(Ctx& ctx) {
  return http::update(ctx, service_input, [&](db::Conn& c, int64_t id, int64_t version, const ServiceInput& in) {
    return new_version(update_service(c, ctx.scope(), id, version, in.sla, in.ack, in.basis, in.active));
  });
}

Response standards_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto versions = standards(c, ctx.scope(), id);
    if (!versions) return Error::not_found();
    return Response::json(200, standards_json(*versions));
  });
}

struct StandardInput {
  std::string effective_from, components_json, maklumat;
  bool publish = false;
};

Result<StandardInput> standard_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  StandardInput st;
  st.effective_from = in.str("effective_from", true, 10).value_or("");
  std::vector<FieldError> errs;
  if (!st.effective_from.empty() && !parse_date(st.effective_from))
    errs.push_back({"effective_from", "invalid", {"Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."}});
  st.maklumat = clean_text("maklumat", in.str("maklumat", false, 8000).value_or(""), false, 4000, true, errs).value_or("");
  st.publish = in.boolean("published", false).value_or(false);
  // All 14 components, each a text (the internal ones may stay empty).
  std::vector<std::pair<std::string, std::string>> texts;
  const rapidjson::Value* cv = in.get("components");
  if (!cv || !cv->IsObject()) errs.push_back({"components", "required", {"Isi komponen standar pelayanan.", "Fill in the components of the standard."}});
  for (auto& sc : standard_components()) {
    std::string key(sc.key);
    std::string text;
    if (cv && cv->IsObject() && cv->HasMember(key.c_str())) {
      const auto& v = (*cv)[key.c_str()];
      if (!v.IsString()) errs.push_back({"components." + key, "type", {"Harus berupa teks.", "Must be text."}});
      else text = clean_text("components." + key, v.GetString(), false, 8000, true, errs).value_or("");
    }
    if (sc.published && text.empty() && st.publish)
      errs.push_back({"components." + key, "required", {"Komponen yang diumumkan wajib diisi.", "A published component is required."}});
    texts.emplace_back(key, text);
  }
  if (!in.ok()) {
    auto e = in.error();
    errs.insert(errs.begin(), e.fields.begin(), e.fields.end());
  }
  if (!errs.empty()) return Error::invalid(errs);
  st.components_json = components_json(texts);
  return st;
}

// A new version of the standard. If-Match is required, as on every other write: it names the
// newest version number the editor started from ("0" for a service that has none yet); a version
// added by someone else meanwhile answers 412, no If-Match 428.
Response add_standard_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  int64_t expected = 0;
  std::string im = trim(ctx.req.header("if-match"));
  if (im != "0" && im != "\"0\"" && im != "W/\"0\"") {
    PANTAU_TRY(int64_t v, http::required_version(ctx.req));
    expected = v;
  }
  PANTAU_TRY(StandardInput in, standard_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t v, add_standard(c, ctx.scope(), id, in.effective_from, in.components_json, in.maklumat, in.publish, expected));
    return http::with_version(Response::json(201, json::object("version_no", v)), v);
  });
}

// Publishes a draft version: answers the versions as GET does.
Response publish_standard_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(int64_t no, http::path_id(ctx.req, "version_no"));
  return http::write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_CHECK(publish_standard(c, ctx.scope(), id, no));
    auto versions = standards(c, ctx.scope(), id);
    if (!versions) return Error::not_found();
    return Response::json(200, standards_json(*versions));
  });
}

Response info_list_route(Ctx& ctx) {
  return http::read_items(ctx, [&](db::Conn& c) { return info_list(c, ctx.scope()); });
}

Result<InfoItem> info_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  InfoItem it;
  std::vector<FieldError> errs;
  it.info_class = in.one_of("class", true, kInfoClasses).value_or("");
  it.title = clean_text("title", in.str("title", true, 1000).value_or(""), true, 500, false, errs).value_or("");
  it.summary = clean_text("summary", in.str("summary", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  it.responsible = clean_text("responsible", in.str("responsible", false, 400).value_or(""), false, 200, false, errs).value_or("");
  it.form = clean_text("form", in.str("form", false, 200).value_or(""), false, 100, false, errs).value_or("");
  it.retention = clean_text("retention", in.str("retention", false, 200).value_or(""), false, 100, false, errs).value_or("");
  it.exemption_basis = clean_text("exemption_basis", in.str("exemption_basis", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  if (it.info_class == "DIKECUALIKAN" && it.exemption_basis.empty())
    errs.push_back({"exemption_basis", "required", {"Informasi yang dikecualikan perlu dasar (Pasal 17 UU 14/2008) dan uji konsekuensinya.",
                                                     "Exempt information needs its basis (UU 14/2008 Art. 17) and consequence test."}});
  if (!in.ok()) {
    auto e = in.error();
    errs.insert(errs.begin(), e.fields.begin(), e.fields.end());
  }
  if (!errs.empty()) return Error::invalid(errs);
  return it;
}

// {"id": n} of a record created.
Result<Response> created_id(Result<int64_t> id) {
  if (!id.ok()) return id.error();
  return Response::json(201, json::object("id", *id));
}

Response add_info_route(Ctx& ctx) {
  PANTAU_TRY(InfoItem it, info_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return created_id(add_info_item(c, ctx.scope(), it)); });
}

Response update_info_route(Ctx& ctx) {
  return http::update(ctx, info_input, [&](db::Conn& c, int64_t id, int64_t version, const InfoItem& in) {
    return new_version(update_info_item(c, ctx.scope(), id, version, in));
  });
}

Response delete_info_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::write(ctx, [&](db::Conn& c) { return delete_info_item(c, ctx.scope(), id); });
}

struct DisputeInput {
  std::string filed_on, ki_level, ki_case_no;
};

Result<DisputeInput> dispute_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  DisputeInput d;
  d.filed_on = in.str("filed_on", true, 10).value_or("");
  d.ki_level = in.one_of("ki_level", true, {"PUSAT", "PROVINSI", "KABKOTA"}).value_or("");
  d.ki_case_no = in.str("ki_case_no", false, 100).value_or("");
  if (!d.filed_on.empty() && !parse_date(d.filed_on)) in.add_error("filed_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (!in.ok()) return in.error();
  return d;
}

Response dispute_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(DisputeInput in, dispute_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return created_id(file_dispute(c, ctx.scope(), id, in.filed_on, in.ki_level, in.ki_case_no)); });
}

struct DisputeStage {
  std::string stage, decision, decided_on, stage_on;
};

Result<DisputeStage> dispute_stage_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  DisputeStage d;
  d.stage = in.one_of("stage", true, kDisputeStages).value_or("");
  d.decision = in.str("decision", false, 4000).value_or("");
  d.decided_on = in.str("decided_on", false, 10).value_or("");
  if (!d.decided_on.empty() && !parse_date(d.decided_on))
    in.add_error("decided_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  // The day the stage happened (not the day it is recorded).
  d.stage_on = in.str("stage_on", true, 10).value_or("");
  if (!d.stage_on.empty() && !parse_date(d.stage_on))
    in.add_error("stage_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (!in.ok()) return in.error();
  return d;
}

Response advance_dispute_route(Ctx& ctx) {
  return http::update(ctx, dispute_stage_input, [&](db::Conn& c, int64_t id, int64_t version, const DisputeStage& in) {
    return new_version(advance_dispute(c, ctx.scope(), id, version, in.stage, in.decision, in.decided_on, in.stage_on));
  });
}

Result<int> year_param(const http::Request& req) {
  auto y = req.q("year");
  if (!y || y->empty()) return office_today("").year;
  auto n = parse_int64(*y);
  if (!n || *n < 2000 || *n > 2100) return Error::invalid_field("year", "out_of_range", "Tahun tidak valid.", "Invalid year.");
  return static_cast<int>(*n);
}

std::string year_start(int y) { return fmt::format("{}-01-01", y); }

Response skm_route(Ctx& ctx) {
  PANTAU_TRY(int y, year_param(ctx.req));
  return http::read(ctx, [&](db::Conn& c) { return skm_report(c, ctx.scope(), year_start(y), year_start(y + 1)); });
}

Response ppid_route(Ctx& ctx) {
  PANTAU_TRY(int y, year_param(ctx.req));
  return http::read(ctx, [&](db::Conn& c) { return ppid_report(c, ctx.scope(), y); });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  // The public portal (portal.cpp): every route here is open without an account (see the public
  // allow-list in http/router.cpp) and says what it shows; nothing else of this module is.
  http::RouteOptions pub{true};
  r.get("/api/v1/public/layanan/offices", public_offices_route, pub);
  r.get("/api/v1/public/layanan/offices/{region}", public_office_route, pub);
  r.get("/api/v1/public/layanan/forms", public_forms, pub);
  r.post("/api/v1/public/layanan/files", public_upload, {true, "", true});
  r.post("/api/v1/public/layanan/requests", public_submit, pub);
  r.post("/api/v1/public/layanan/track", public_track, pub);
  r.post("/api/v1/public/layanan/track/actions", public_action, pub);
  r.post("/api/v1/public/layanan/track/survey", public_survey, pub);
  r.post("/api/v1/public/layanan/track/letter", public_letter, pub);

  r.get("/api/v1/services/cases", queue_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/cases", counter_submit, {false, auth::kRecordWrite});
  r.get("/api/v1/services/cases/{id}", case_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/cases/{id}/steps", step_route, {false, auth::kRecordWrite});
  r.patch("/api/v1/services/cases/{id}/documents/{type}", verdict_route, {false, auth::kRecordReview});
  r.get("/api/v1/services/cases/{id}/files/{file_id}", case_file_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/cases/{id}/letter", staff_letter, {false, auth::kRecordRead});
  r.post("/api/v1/services/cases/{id}/dispute", dispute_route, {false, auth::kRecordWrite});
  r.patch("/api/v1/services/disputes/{id}", advance_dispute_route, {false, auth::kRecordWrite});
  r.get("/api/v1/services/catalogue", services_route, {false, auth::kRecordRead});
  r.patch("/api/v1/services/catalogue/{id}", update_service_route, {false, auth::kRecordReview});
  r.get("/api/v1/services/catalogue/{id}/standards", standards_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/catalogue/{id}/standards", add_standard_route, {false, auth::kRecordReview});
  r.post("/api/v1/services/catalogue/{id}/standards/{version_no}/publish", publish_standard_route, {false, auth::kRecordReview});
  r.get("/api/v1/services/information", info_list_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/information", add_info_route, {false, auth::kRecordWrite});
  r.patch("/api/v1/services/information/{id}", update_info_route, {false, auth::kRecordWrite});
  r.del("/api/v1/services/information/{id}", delete_info_route, {false, auth::kRecordWrite});
  r.get("/api/v1/services/recap", recap_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/recap.xlsx", recap_xlsx_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/skm", skm_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/ppid-report", ppid_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/ppid-report.pdf", ppid_report_pdf, {false, auth::kRecordRead});
  r.get("/api/v1/services/ppid-report.xlsx", ppid_report_xlsx, {false, auth::kRecordRead});
  r.get("/api/v1/services/skm-report.pdf", skm_report_pdf, {false, auth::kRecordRead});
  r.get("/api/v1/services/skm-report.xlsx", skm_report_xlsx, {false, auth::kRecordRead});
  r.get("/api/v1/services/self-assessments/checklist", assessment_checklist_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/self-assessments", assessments_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/self-assessments", create_assessment_route, {false, auth::kRecordWrite});
  r.get("/api/v1/services/self-assessments/{id}", assessment_route, {false, auth::kRecordRead});
  r.patch("/api/v1/services/self-assessments/{id}/answers", assessment_answer_route, {false, auth::kRecordWrite});
  r.post("/api/v1/services/self-assessments/{id}/evidence", assessment_evidence_route, {false, auth::kRecordWrite});
}

}  // namespace pantau::services
