// The JSON of the service desk's records: the one place that writes them (RapidJSON writer).
#include <fmt/format.h>

#include <cmath>

#include "http/json.h"
#include "modules/services/rules.h"
#include "modules/services/store.h"

namespace pantau::services {

namespace {

void write_clock(json::Out& o, const ClockView& c) {
  const ClockState& st = c.state;
  o.key("clock").begin_object()
      .kv("limit_working_days", c.limit_working_days)
      .kv("due_date", format_date(st.due))
      .kv("used_working_days", st.used)
      .kv("left_working_days", st.left)
      .kv("paused", st.paused)
      .kv("finished", st.finished)
      .kv("breached", st.breached)
      .end_object();
}

void write_service_name(json::Out& o, const Message& m) { o.key("service").begin_object().kv("id", m.id).kv("en", m.en).end_object(); }

// Only the published components of a standard (never the internal ones), from the stored JSON.
void write_published_components(json::Out& o, const std::string& components_json) {
  rapidjson::Document d;
  d.Parse(components_json.c_str());
  o.key("components").begin_array();
  if (!d.HasParseError() && d.IsObject())
    for (auto& comp : standard_components()) {
      if (!comp.published) continue;
      std::string key(comp.key);
      if (!d.HasMember(key.c_str()) || !d[key.c_str()].IsString()) continue;
      o.begin_object().kv("key", comp.key).kv_message("label", comp.label).kv("text", d[key.c_str()].GetString()).end_object();
    }
  o.end_array();
}

bool is_object(const std::string& text) {
  rapidjson::Document d;
  return !d.Parse(text.c_str()).HasParseError() && d.IsObject();
}

}  // namespace

std::string to_json(const Submitted& s) {
  json::Out o;
  o.begin_object().kv("reg_no", s.reg_no).kv("secret", s.secret).kv("due_date", s.due_date)
      .kv_message("notice", {"Simpan nomor registrasi dan kode rahasia ini: keduanya diperlukan untuk melacak permohonan. Kode rahasia tidak dapat ditampilkan lagi.",
                             "Keep this registration number and secret: both are needed to track the request. The secret cannot be shown again."})
      .end_object();
  return o.take();
}

std::string to_json(const PublicUpload& u) {
  json::Out o;
  o.begin_object().kv("token", u.token).kv("mime", u.mime).kv("size", u.size).end_object();
  return o.take();
}

std::string forms_json(int64_t max_file_bytes) {
  json::Out o;
  o.begin_object().key("document_types").begin_array();
  for (auto& d : document_types()) o.begin_object().kv("code", d.code).kv_message("label", d.label).end_object();
  o.end_array().key("required_documents").begin_object();
  for (auto t : kApplicantTypes) {
    o.key(t).begin_object().key("local").begin_array();
    for (auto d : required_documents(t, false)) o.value(d);
    o.end_array().key("foreign").begin_array();
    for (auto d : required_documents(t, true)) o.value(d);
    o.end_array().end_object();
  }
  o.end_object().key("skm_elements").begin_array();
  for (auto& e : skm_elements()) o.begin_object().kv("id", e.id).kv("en", e.en).end_object();
  o.end_array().kv("max_file_bytes", max_file_bytes).end_object();
  return o.take();
}

std::string components_json(const std::vector<std::pair<std::string, std::string>>& texts) { return snapshot(texts); }

std::string to_json(const Tracking& t) {
  json::Out o;
  o.begin_object().kv("reg_no", t.reg_no).kv("kind", t.kind).kv("status", t.status).kv("received_at", t.received_at);
  o.key("service").begin_object().kv("id", t.service.id).kv("en", t.service.en).end_object().kv("office", t.office);
  write_clock(o, t.clock);
  o.kv_opt("response_type", t.response_type).kv("letter_available", t.letter_available).kv_opt("letter_no", t.letter_no)
      .kv_opt("letter_code", t.letter_code);
  o.key("history").begin_array();
  for (const auto& e : t.history) o.begin_object().kv("at", e.at).kv("status", e.status).kv("note", e.note).end_object();
  o.end_array();
  o.key("documents").begin_array();
  for (const auto& d : t.documents)
    o.begin_object().kv("type", d.type).kv("verdict", d.verdict).kv("note", d.note).kv("sent", d.sent).end_object();
  o.end_array();
  o.kv("survey_open", t.survey_open);
  o.key("applicant_actions").begin_array();
  for (const auto& a : t.applicant_actions) o.value(a);
  o.end_array();
  o.end_object();
  return o.take();
}

std::string to_json(const PublicOffice& p) {
  json::Out o;
  o.begin_object().kv("region_code", p.region_code).kv("office", p.office).kv("region_name", p.region_name).end_object();
  return o.take();
}

std::string to_json(const OfficePage& p) {
  json::Out o;
  o.begin_object().kv("region_code", p.region_code).kv("office", p.office).kv("region_name", p.region_name);
  o.key("areas").begin_array();
  for (const auto& a : p.areas) o.begin_object().kv("code", a.code).kv("name", a.name).end_object();
  o.end_array();
  o.key("services").begin_array();
  for (const auto& s : p.services) {
    o.begin_object().kv("kind", s.kind).key("name").begin_object().kv("id", s.name.id).kv("en", s.name.en).end_object();
    o.kv("promised_working_days", s.promised_working_days).kv("acknowledge_working_days", s.acknowledge_working_days);
    o.key("standard");
    if (!s.standard || !is_object(s.standard->components_json)) {
      o.null();
    } else {
      o.begin_object().kv("effective_from", s.standard->effective_from).kv("maklumat", s.standard->maklumat);
      write_published_components(o, s.standard->components_json);
      o.end_object();
    }
    o.key("real_times");
    if (!s.real_times) {
      o.null();
    } else {
      o.begin_object().kv("median_working_days", s.real_times->median_working_days).kv("p90_working_days", s.real_times->p90_working_days)
          .kv("on_time_percent", s.real_times->on_time_percent).end_object();
    }
    o.key("satisfaction");
    if (!s.satisfaction) {
      o.null();
    } else {
      o.begin_object().kv("index", s.satisfaction->index).kv("band", std::string(1, s.satisfaction->band))
          .kv_message("band_label", s.satisfaction->band_label).end_object();
    }
    o.end_object();
  }
  o.end_array();
  o.key("information_list").begin_array();
  for (const auto& e : p.information_list)
    o.begin_object().kv("class", e.info_class).kv("title", e.title).kv("summary", e.summary).kv("responsible", e.responsible)
        .kv("form", e.form).kv("retention", e.retention).kv("exemption_basis", e.exemption_basis).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const QueueItem& it) {
  json::Out o;
  o.begin_object().kv("id", it.id).kv("reg_no", it.reg_no).kv("kind", it.kind).kv("status", it.status).kv("region_code", it.region_code);
  write_service_name(o, it.service);
  o.kv("applicant_name", it.applicant_name).kv("subject", it.subject).kv("channel", it.channel).kv("received_at", it.received_at)
      .kv("escalated_ombudsman", it.escalated_ombudsman).kv("read_only", it.read_only).kv("version", it.version)
      .kv_opt("result_due_date", it.result_due_date).kv("result_overdue", it.result_overdue);
  write_clock(o, it.clock);
  o.end_object();
  return o.take();
}

std::string to_json(const CaseDetail& d) {
  json::Out o;
  o.begin_object();
  o.kv("id", d.id).kv("reg_no", d.reg_no).kv("kind", d.kind).kv("status", d.status).kv("channel", d.channel)
      .kv("lapor_ref", d.lapor_ref).kv("applicant_name", d.applicant_name).kv("applicant_contact", d.applicant_contact)
      .kv("applicant_id_no", d.applicant_id_no).kv("applicant_org", d.applicant_org).kv("anonymous", d.anonymous)
      .kv("subject", d.subject).kv("body", d.body).key("details").raw(d.details_json);
  o.kv("received_at", d.received_at).kv("start_date", d.start_date).kv("extended", d.extended)
      .kv("extension_reason", d.extension_reason).kv_opt("response_type", d.response_type).kv("fee_rupiah", d.fee_rupiah)
      .kv("decision_note", d.decision_note).kv_opt("letter_no", d.letter_no).kv("letter_available", d.letter_available)
      .kv("escalated_ombudsman", d.escalated_ombudsman).kv("version", d.version).kv("region_code", d.region_code)
      .kv_opt("research_region", d.research_region);
  write_service_name(o, d.service);
  o.kv_opt("request_reg_no", d.request_reg_no).kv_opt("acknowledged_date", d.acknowledged_date).kv_opt("letter_code", d.letter_code);
  o.kv_opt("result_due_date", d.result_due_date).kv_opt("result_overdue_date", d.result_overdue_date)
      .kv("result_overdue", d.result_overdue_date.has_value());
  if (d.acknowledge_clock) {
    const ClockState& as = d.acknowledge_clock->state;
    o.key("acknowledge_clock").begin_object().kv("limit_working_days", d.acknowledge_clock->limit_working_days)
        .kv("due_date", format_date(as.due)).kv("finished", as.finished).kv("breached", as.breached).end_object();
  }
  write_clock(o, d.clock);
  o.kv("read_only", d.read_only);
  o.key("actions").begin_array();
  for (const auto& a : d.actions) o.value(a);
  o.end_array();
  o.key("pauses").begin_array();
  for (const auto& p : d.pauses) o.begin_object().kv("from", p.from).kv_opt("to", p.to).kv("reason", p.reason).end_object();
  o.end_array();
  o.key("documents").begin_array();
  for (const auto& doc : d.documents)
    o.begin_object().kv("type", doc.type).kv("verdict", doc.verdict).kv("note", doc.note).kv_opt("file_id", doc.file_id)
        .kv_opt("file_name", doc.file_name).kv_opt("file_mime", doc.file_mime).kv_opt("file_size", doc.file_size).end_object();
  o.end_array();
  o.key("history").begin_array();
  for (const auto& e : d.history)
    o.begin_object().kv("at", e.at).kv("action", e.action).kv_opt("from", e.from).kv("to", e.to).kv("note", e.note)
        .kv("public_note", e.public_note).kv("by", e.by).end_object();
  o.end_array();
  o.key("dispute");
  if (d.dispute) {
    const Dispute& x = *d.dispute;
    o.begin_object().kv("id", x.id).kv("filed_on", x.filed_on).kv("ki_level", x.ki_level).kv("ki_case_no", x.ki_case_no)
        .kv("stage", x.stage).kv("decision", x.decision).kv_opt("decided_on", x.decided_on).kv("version", x.version);
    o.key("stages").begin_array();
    for (const auto& st : x.stages) o.begin_object().kv("stage", st.stage).kv("on", st.happened_on).kv("recorded_at", st.recorded_at).end_object();
    o.end_array().end_object();
  } else {
    o.null();
  }
  o.end_object();
  return o.take();
}

std::string to_json(const Service& s) {
  json::Out o;
  o.begin_object().kv("id", s.id).kv("kind", s.kind).key("name").begin_object().kv("id", s.name.id).kv("en", s.name.en).end_object()
      .kv("sla_working_days", s.sla_working_days).kv("ack_working_days", s.ack_working_days).kv("limit_basis", s.limit_basis)
      .kv("limit_confirmed", s.limit_confirmed).kv("active", s.active).kv("version", s.version).kv("region_code", s.region_code)
      .kv("office", s.office).kv_opt("published_standard_version", s.published_standard_version).end_object();
  return o.take();
}

std::string standards_json(const std::vector<Standard>& versions) {
  json::Out o;
  o.begin_object().key("components").begin_array();
  for (auto& comp : standard_components())
    o.begin_object().kv("key", comp.key).kv_message("label", comp.label).kv("published", comp.published).end_object();
  o.end_array().key("items").begin_array();
  for (const auto& v : versions) {
    o.begin_object().kv("id", v.id).kv("version_no", v.version_no).kv("effective_from", v.effective_from).key("components").raw(v.components_json);
    o.kv("maklumat", v.maklumat).kv("published", v.published).kv("created_at", v.created_at).kv("created_by", v.created_by).end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const InfoEntry& e) {
  json::Out o;
  o.begin_object().kv("id", e.id).kv("region_code", e.region_code).kv("class", e.info_class).kv("title", e.title)
      .kv("summary", e.summary).kv("responsible", e.responsible).kv("form", e.form).kv("retention", e.retention)
      .kv("exemption_basis", e.exemption_basis).kv("version", e.version).end_object();
  return o.take();
}

std::string to_json(const Recap& r) {
  json::Out o;
  o.begin_object().kv("year", r.year).kv("from", fmt::format("{}-01-01", r.year)).kv("to", fmt::format("{}-01-01", r.year + 1))
      .key("items").begin_array();
  for (const auto& x : r.items)
    o.begin_object().kv("region_code", x.region_code).kv("office", x.office).kv("kind", x.kind).kv("received", x.received)
        .kv("finished", x.finished).kv("on_time", x.on_time).kv("late", x.finished - x.on_time)
        .kv_opt("average_working_days", x.average_working_days).kv_opt("median_working_days", x.median_working_days)
        .kv_opt("p90_working_days", x.p90_working_days).end_object();
  o.end_array();
  o.key("open").begin_array();
  for (const auto& x : r.open) o.begin_object().kv("region_code", x.region_code).kv("kind", x.kind).kv("count", x.count).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const SkmReport& r) {
  json::Out o;
  o.begin_object().key("elements").begin_array();
  for (auto& e : skm_elements()) o.begin_object().kv("id", e.id).kv("en", e.en).end_object();
  o.end_array().key("items").begin_array();
  for (const auto& x : r.items) {
    const SkmResult& res = x.result;
    o.begin_object().kv("service_id", x.service_id);
    write_service_name(o, x.service);
    o.kv("region_code", x.region_code).kv("office", x.office).kv("respondents", res.respondents).kv("index", res.index)
        .kv("band", std::string(1, res.band)).kv_message("band_label", res.band_label).key("element_means").begin_array();
    for (double m : res.element_mean) o.value(std::round(m * 100) / 100);
    o.end_array().end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const PpidReport& r) {
  json::Out o;
  o.begin_object().kv("year", int64_t{r.year});
  o.kv("requests_received", r.received).kv("requests_answered", r.answered);
  o.key("by_response_type").begin_object();
  for (auto t : kResponseTypes) {
    auto it = r.by_response_type.find(std::string(t));
    o.kv(t, it != r.by_response_type.end() ? it->second : int64_t{0});
  }
  o.end_object();
  o.key("average_working_days");
  r.average_working_days ? (void)o.value(*r.average_working_days) : (void)o.null();
  o.key("median_working_days");
  r.median_working_days < 0 ? (void)o.null() : (void)o.value(int64_t{r.median_working_days});
  o.key("refused_by_exemption").begin_object();
  for (auto& [k, n] : r.refused_by_exemption) o.kv(k.empty() ? "NOT_STATED" : k, n);
  o.end_object();
  o.kv("objections", r.objections);
  o.key("objections_by_decision").begin_object();
  for (auto& [k, n] : r.objections_by_decision) o.kv(k, n);
  o.end_object();
  o.kv("disputes", r.disputes);
  o.key("disputes_by_stage").begin_object();
  for (auto& [k, n] : r.disputes_by_stage) o.kv(k, n);
  o.end_object();
  o.end_object();
  return o.take();
}

std::string snapshot(const std::vector<std::pair<std::string, std::string>>& fields) {
  json::Out o;
  o.begin_object();
  for (auto& [k, v] : fields) o.kv(k, v);
  o.end_object();
  return o.take();
}

ResearchDetails research_details(const std::string& details_json) {
  ResearchDetails out;
  rapidjson::Document j;
  if (!j.Parse(details_json.c_str()).HasParseError() && j.IsObject()) {
    auto get = [&](const char* f) { return j.HasMember(f) && j[f].IsString() ? std::string(j[f].GetString()) : std::string(); };
    out.period_start = get("period_start");
    out.period_end = get("period_end");
    out.method = get("method");
  }
  return out;
}

}  // namespace pantau::services
