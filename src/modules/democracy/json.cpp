// The JSON of the democracy index's records: the one place that writes them (RapidJSON writer).
#include <fmt/format.h>

#include "auth/roles.h"
#include "core/strings.h"
#include "http/json.h"
#include "modules/democracy/rules.h"
#include "modules/democracy/store.h"

namespace pantau::democracy {

namespace {

// The screen of Pantau where a proposal's or an evidence item's own record is shown.
std::string record_link(std::string_view kind, int64_t id) {
  if (kind == "INCIDENT") return fmt::format("/conflict/incidents/{}", id);
  if (kind == "MONITORING_EVENT") return fmt::format("/monitoring/events/{}", id);
  if (kind == "LPJ_SHARE") return fmt::format("/party-aid/lpj/{}", id);
  if (kind == "MEETING") return fmt::format("/meetings/{}", id);
  if (kind == "INFO_REQUEST") return fmt::format("/layanan-staf/permohonan/{}", id);
  return "";
}

std::string clearance(int level) { return std::string(auth::clearance_name(level)); }

void write_opt(json::Out& o, std::string_view key, const std::optional<double>& v) {
  o.key(key);
  v ? (void)o.value(*v) : (void)o.null();
}

}  // namespace

std::string to_json(const Indicator& i) {
  json::Out o;
  o.begin_object().kv("method", i.method).kv("number", i.number).kv("aspect", i.aspect).kv("variable", i.variable)
      .kv("name_id", i.name_id).kv("name_en", i.name_en).kv("confirmed", i.confirmed).end_object();
  return o.take();
}

std::string to_json(const OfficialValue& v) {
  json::Out o;
  o.begin_object().kv("year", v.year).kv("level", v.level).kv("province_code", v.province_code).kv("scope", v.scope)
      .kv("aspect", v.aspect).kv("indicator_no", v.indicator_no).kv("method", v.method)
      .kv("value", static_cast<double>(v.value) / 100.0).kv("value_text", format_value(v.value))
      .kv("category", name(category_of(v.value))).kv_opt("rank", v.rank).kv("source_release", v.source_release).end_object();
  return o.take();
}

std::string to_json(const Coverage& c) {
  json::Out o;
  o.begin_object().kv("year", c.year);
  for (const auto& [key, total] : {std::pair{"nasional", &c.nasional}, {"pusat", &c.pusat}, {"provinsi_agg", &c.provinsi_agg}}) {
    o.key(key);
    if (!*total) o.null();
    else
      o.begin_object().kv("value", (*total)->value / 100.0).kv("value_text", format_value((*total)->value))
          .kv("category", name(category_of((*total)->value))).kv("source_release", (*total)->source_release).end_object();
  }
  o.key("provinces").begin_array();
  for (const auto& p : c.provinces) {
    o.begin_object().kv("code", p.code).kv("name", p.name);
    if (!p.total) {
      o.kv("missing", true).kv_null("value");
    } else {
      const auto& t = *p.total;
      o.kv("missing", false).kv("value", t.value / 100.0).kv("value_text", format_value(t.value))
          .kv("category", name(category_of(t.value))).kv_opt("rank", t.rank).kv("source_release", t.source_release);
    }
    o.end_object();
  }
  o.end_array().kv("found", c.found).kv("missing", c.missing);
  o.kv_message("note", {"Nilai yang belum ditemukan dari rilis BPS ditandai 'belum ada'; tidak ada nilai yang dikarang.",
                        "Values not yet found in a BPS release are marked missing; no value is invented."});
  o.end_object();
  return o.take();
}

std::string to_json(const Trend& t) {
  json::Out o;
  o.begin_object().kv("province_code", t.province_code).key("series").begin_array();
  for (const auto& p : t.series) {
    o.begin_object().kv("year", p.year).kv("method", p.method);
    for (const auto& [key, v] : {std::pair{"total", &p.total}, {"kebebasan", &p.kebebasan}, {"kesetaraan", &p.kesetaraan},
                                 {"kapasitas", &p.kapasitas}}) {
      o.key(key);
      *v ? (void)o.value(**v / 100.0) : (void)o.null();
    }
    o.end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Choropleth& c) {
  json::Out o;
  o.begin_object().kv("year", c.year).kv("aspect", c.aspect).key("items").begin_array();
  for (const auto& a : c.items) {
    o.begin_object().kv("code", a.code).kv("name", a.name);
    if (!a.value) o.kv_null("value").kv("missing", true);
    else o.kv("value", *a.value / 100.0).kv("category", name(category_of(*a.value))).kv_opt("rank", a.rank).kv("missing", false);
    o.end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const ImportReport& r) {
  json::Out o;
  o.begin_object().kv("rows", r.rows).kv("imported", r.imported).key("refused").begin_array();
  for (const auto& [line, e] : r.refused)
    o.begin_object().kv("line", line).kv("field", e.field).kv("code", e.code).kv_message("message", e.message).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const WeightSet& w) {
  json::Out o;
  o.begin_object().kv("code", w.code).kv("name", w.name).kv("source", w.source).kv("decided_on", w.decided_on)
      .kv("negative_points", w.negative_points).kv("positive_points", w.positive_points).kv("active", w.active).end_object();
  return o.take();
}

std::string to_json(const Evidence& e) {
  json::Out o;
  o.begin_object().kv("id", e.id).kv("year", e.year).kv("region_code", e.region_code).kv("region_name", e.region_name)
      .kv("indicator_no", e.indicator_no).kv("aspect", new_aspect_of(e.indicator_no)).kv("event_date", e.event_date)
      .kv("description", e.description).kv("source", e.source).kv("sign", e.sign).kv("handled_by", e.handled_by)
      .kv("classification", clearance(e.classification));
  if (!e.source_kind) o.kv_null("source_kind").kv_null("source_id").kv_null("record_link");
  else o.kv("source_kind", *e.source_kind).kv("source_id", e.source_id).kv("record_link", record_link(*e.source_kind, e.source_id));
  o.kv("version", e.version).kv("created_at", e.created_at).end_object();
  return o.take();
}

std::string to_json(const RuleRecord& r) {
  json::Out o;
  o.begin_object().kv("id", r.id).kv("source_kind", r.source_kind).kv("match", r.match).kv("indicator_no", r.indicator_no)
      .kv("sign", r.sign).kv("threshold", r.threshold).kv("active", r.active).kv("note", r.note).kv("version", r.version)
      .kv_opt("updated_at", r.updated_at).end_object();
  return o.take();
}

std::string to_json(const ProposalRecord& p) {
  json::Out o;
  o.begin_object().kv("id", p.id).kv("source_kind", p.source_kind).kv("source_id", p.source_id)
      .kv("record_link", record_link(p.source_kind, p.source_id)).kv("rule_id", p.rule_id).kv("region_code", p.region_code)
      .kv("region_name", p.region_name).kv("classification", clearance(p.classification)).kv("event_date", p.event_date)
      .kv("summary", p.summary).kv("indicator_no", p.indicator_no).kv("aspect", new_aspect_of(p.indicator_no)).kv("sign", p.sign)
      .kv("status", p.status).kv_opt("evidence_id", p.evidence_id).kv("version", p.version).kv_opt("decided_at", p.decided_at)
      .end_object();
  return o.take();
}

std::string to_json(const Provisional& p) {
  json::Out o;
  o.begin_object().kv("region_code", p.region_code).kv("region_name", p.region_name).kv("year", p.year).kv("official", false);
  o.kv_message("label", kProvisionalLabel);
  const auto& w = p.weights;
  o.key("weights").begin_object().kv("code", w.code).kv("name", w.name).kv("source", w.source).kv("decided_on", w.decided_on)
      .kv("negative_points", w.negative_points).kv("positive_points", w.positive_points).end_object();
  o.kv("total", p.total).kv("category", p.category);
  write_opt(o, "official_total", p.official_total);
  write_opt(o, "difference", p.difference);
  o.key("aspects").begin_array();
  for (const auto& a : p.aspects) {
    o.begin_object().kv("aspect", a.aspect).kv("provisional", a.provisional).kv("category", a.category);
    write_opt(o, "official", a.official);
    o.end_object();
  }
  o.end_array().key("indicators").begin_array();
  for (const auto& i : p.indicators) {
    o.begin_object().kv("number", i.number).kv("aspect", i.aspect).kv("name_id", i.name_id).kv("name_en", i.name_en)
        .kv("baseline", i.baseline).kv_message("baseline_from", i.baseline_from).kv("positive", i.positive).kv("negative", i.negative)
        .kv("provisional", i.provisional);
    write_opt(o, "official", i.official);
    write_opt(o, "difference", i.difference);
    o.kv_message("explanation", i.explanation).kv("evidence_link", i.evidence_link).end_object();
  }
  o.end_array().kv("evidence_count", p.evidence_count);
  o.key("kabkota").begin_array();
  for (const auto& k : p.kabkota)
    o.begin_object().kv("code", k.code).kv("name", k.name).kv("total", k.total).kv("category", k.category)
        .kv("evidence_count", k.evidence_count).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Backtest& b) {
  json::Out o;
  o.begin_object().kv("year", b.year).kv("official", false);
  o.kv_message("label", {"Uji balik: indeks sementara dari bukti tahun itu dibandingkan angka resmi BPS.",
                         "Back-test: the provisional index from that year's evidence against the official BPS figure."});
  o.key("items").begin_array();
  for (const auto& r : b.items)
    o.begin_object().kv("province_code", r.province_code).kv("name", r.name).kv("provisional", r.provisional)
        .kv("official", r.official).kv("difference", r.difference).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Plan& p) {
  json::Out o;
  o.begin_object().kv("region_code", p.region_code).kv("year", p.year).kv("source_ref", p.source_ref);
  o.key("weakest").begin_array();
  for (const auto& w : p.weakest)
    o.begin_object().kv("number", w.number).kv("aspect", w.aspect).kv("name_id", w.name_id).kv("name_en", w.name_en)
        .kv("provisional", w.provisional).kv("negative", w.negative).end_object();
  o.end_array().key("items").begin_array();
  for (const auto& a : p.items)
    o.begin_object().kv("id", a.id).kv("indicator", a.indicator).kv("action", a.action).kv("output", a.output)
        .kv("owner_person", a.owner_person).kv("owner_org_unit_name", a.owner_org_unit_name).kv("due_date", a.due_date)
        .kv("status", a.status).kv("progress_pct", a.progress_pct).kv("follow_ups", a.follow_ups).kv("version", a.version)
        .end_object();
  o.end_array().end_object();
  return o.take();
}

}  // namespace pantau::democracy
