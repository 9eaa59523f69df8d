// HTTP of the Ombudsman self-assessment (/api/v1/services/self-assessments) and its JSON.
#include "auth/roles.h"
#include "http/handler.h"
#include "http/json.h"
#include "modules/services/assessment.h"
#include "modules/services/routes.h"
#include "modules/services/rules.h"
#include "modules/services/store.h"

namespace pantau::services {

using http::Ctx;
using http::Response;

namespace {

void write_score(json::Out& o, const AssessmentScore& s, const Checklist& cl) {
  o.key("score").begin_object().kv("total", s.total).kv("answered", s.answered).kv("items", s.items);
  o.key("by_dimension").begin_object();
  for (auto& [d, v] : s.by_dimension) o.kv(d, v);
  o.end_object();
  o.kv("zone", s.zone);
  for (auto& z : cl.zones)
    if (z.zone == s.zone) o.kv_message("zone_label", z.label);
  o.end_object();
}

void write_row(json::Out& o, const ChecklistRow& r) {
  o.begin_object().kv("code", r.code).kv("dimension", r.dimension).kv("weight", r.weight).kv_message("text", r.text)
      .kv("source", r.source).kv("confirmed", r.confidence == "C").end_object();
}

}  // namespace

std::string checklist_json(const Checklist& cl) {
  json::Out o;
  o.begin_object().key("dimensions").begin_array();
  for (auto& d : cl.dimensions) write_row(o, d);
  o.end_array().key("items").begin_array();
  for (auto& i : cl.items) write_row(o, i);
  o.end_array().key("zones").begin_array();
  for (auto& z : cl.zones)
    o.begin_object().kv("zone", z.zone).kv("min_score", z.min_score).kv_message("label", z.label).kv("source", z.source)
        .kv("confirmed", z.confidence == "C").end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const AssessmentSummary& a) {
  static const Checklist none;
  json::Out o;
  o.begin_object().kv("id", a.id).kv("region_code", a.region_code).kv("office", a.office).kv("year", a.year).kv("version", a.version);
  write_score(o, a.score, none);
  o.end_object();
  return o.take();
}

std::string to_json(const Assessment& a) {
  json::Out o;
  o.begin_object().kv("id", a.id).kv("region_code", a.region_code).kv("office", a.office).kv("year", a.year).kv("version", a.version)
      .kv("created_at", a.created_at).kv("updated_at", a.updated_at);
  write_score(o, a.score, *a.checklist);
  o.key("answers").begin_array();
  for (auto& x : a.answers) o.begin_object().kv("item", x.item).kv("answer", x.answer).kv("note", x.note).kv("updated_at", x.updated_at).end_object();
  o.end_array().key("evidence").begin_array();
  for (auto& e : a.evidence)
    o.begin_object().kv("id", e.id).kv("item", e.item).kv("file_id", e.file_id).kv("name", e.name).kv("mime", e.mime).kv("added_at", e.added_at).end_object();
  o.end_array().end_object();
  return o.take();
}

Response assessment_checklist_route(Ctx& ctx) {
  return http::read(ctx, [&](db::Conn& c) { return Response::json(200, checklist_json(load_checklist(c))); });
}

Response assessments_route(Ctx& ctx) {
  std::string region = ctx.req.q("region").value_or("");
  if (region.size() > 16 || region.find_first_not_of("0123456789.") != std::string::npos)
    return Error::invalid_field("region", "invalid", "Kode wilayah tidak valid.", "Invalid region code.");
  return http::read(ctx, [&](db::Conn& c) {
    Checklist cl = load_checklist(c);
    auto items = list_assessments(c, ctx.scope(), region, cl);
    json::Out o;
    o.begin_object().key("items").begin_array();
    for (auto& a : items) {
      o.begin_object().kv("id", a.id).kv("region_code", a.region_code).kv("office", a.office).kv("year", a.year).kv("version", a.version);
      write_score(o, a.score, cl);
      o.end_object();
    }
    o.end_array().end_object();
    return Response::json(200, o.take());
  });
}

namespace {

Result<Assessment> detail(db::Conn& c, const auth::Scope& s, int64_t id, const Checklist& cl) {
  auto a = get_assessment(c, s, id, cl);
  if (!a) return Error::not_found("Penilaian mandiri tidak ditemukan.", "Self-assessment not found.");
  return std::move(*a);
}

}  // namespace

Response assessment_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  Checklist cl;
  return http::read(ctx, [&](db::Conn& c) -> Result<Assessment> {
    cl = load_checklist(c);
    return detail(c, ctx.scope(), id, cl);
  });
}

Response create_assessment_route(Ctx& ctx) {
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto year = in.int64("year", true, 2000, 2100);
  std::string region = in.str("region_code", false, 16).value_or(ctx.scope().region_code);
  if (!in.ok()) return in.error();
  if (region.empty()) return Error::invalid_field("region_code", "required", "Pilih kantor.", "Choose an office.");
  Checklist cl;
  return http::create(ctx, [&](db::Conn& c) -> Result<Assessment> {
    PANTAU_TRY(int64_t id, create_assessment(c, ctx.scope(), region, static_cast<int>(*year)));
    cl = load_checklist(c);
    return detail(c, ctx.scope(), id, cl);
  });
}

namespace {

struct AnswerInput {
  std::string item, answer, note;
};
Result<AnswerInput> answer_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  AnswerInput a;
  a.item = in.str("item", true, 32).value_or("");
  a.answer = in.one_of("answer", true, kAssessmentAnswers).value_or("");
  std::vector<FieldError> errs;
  a.note = clean_text("note", in.str("note", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  if (!in.ok()) return in.error();
  if (!errs.empty()) return Error::invalid(errs);
  return a;
}

}  // namespace

Response assessment_answer_route(Ctx& ctx) {
  Checklist cl;
  return http::update(ctx, answer_input, [&](db::Conn& c, int64_t id, int64_t version, const AnswerInput& in) -> Result<Assessment> {
    cl = load_checklist(c);
    PANTAU_CHECK(answer_item(c, ctx.scope(), id, version, cl, in.item, in.answer, in.note));
    return detail(c, ctx.scope(), id, cl);
  });
}

namespace {

struct EvidenceInput {
  std::string item;
  int64_t file_id = 0;
};
Result<EvidenceInput> evidence_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  EvidenceInput e;
  e.item = in.str("item", true, 32).value_or("");
  e.file_id = in.int64("file_id", true, 1).value_or(0);
  if (!in.ok()) return in.error();
  return e;
}

}  // namespace

Response assessment_evidence_route(Ctx& ctx) {
  Checklist cl;
  return http::update(ctx, evidence_input, [&](db::Conn& c, int64_t id, int64_t version, const EvidenceInput& in) -> Result<Assessment> {
    cl = load_checklist(c);
    PANTAU_CHECK(add_evidence(c, ctx.scope(), id, version, cl, in.item, in.file_id));
    return detail(c, ctx.scope(), id, cl);
  });
}

}  // namespace pantau::services
