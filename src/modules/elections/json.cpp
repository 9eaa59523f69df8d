// The JSON of the elections module's records: the one place that writes them (RapidJSON writer).
#include "auth/roles.h"
#include "http/json.h"
#include "modules/elections/rules.h"
#include "modules/elections/store.h"

namespace pantau::elections {

namespace {

void write_user(json::Out& o, std::string_view key, const std::optional<int64_t>& id,
                const std::string& username, const std::string& full_name = {}) {
  o.key(key);
  if (!id) {
    o.null();
    return;
  }
  o.begin_object().kv("id", *id).kv("username", username);
  if (!full_name.empty()) o.kv("full_name", full_name);
  o.end_object();
}

}  // namespace

std::string to_json(const Election& e) {
  json::Out o;
  o.begin_object()
      .kv("id", e.id)
      .kv("type", e.type)
      .kv("year", e.year)
      .kv("name", e.name)
      .kv("polling_date", e.polling_date)
      .kv("scope_region_code", e.scope_region_code)
      .kv("scope_region_name", e.scope_region_name)
      .kv("legal_basis", e.legal_basis)
      .kv("created_at", e.created_at)
      .kv("version", e.version)
      .end_object();
  return o.take();
}

std::string to_json(const SupportItem& i) {
  json::Out o;
  o.begin_object()
      .kv("id", i.id)
      .kv("code", i.code)
      .kv_message("description", i.description)
      .kv("legal_basis", i.legal_basis)
      .kv("confidence", i.confidence)
      .kv("source_note", i.source_note)
      .kv("effective_from", i.effective_from)
      .kv_opt("effective_to", i.effective_to)
      .kv("has_amount", i.has_amount)
      .kv("applies_to", i.applies_to)
      .kv("sort_order", i.sort_order);
  write_user(o, "added_by", i.added_by, i.added_by_username);
  o.kv("created_at", i.created_at).kv("version", i.version).end_object();
  return o.take();
}

std::string to_json(const Instrument& i) {
  bool has_reason = !i.note.empty();
  json::Out o;
  o.begin_object()
      .kv("id", i.id)
      .kv("election_id", i.election_id)
      .kv("election_name", i.election_name)
      .kv("region_code", i.region_code)
      .kv("region_name", i.region_name)
      .kv("org_unit_id", i.org_unit_id)
      .kv("org_unit_name", i.org_unit_name);
  o.key("item")
      .begin_object()
      .kv("id", i.item_id)
      .kv("code", i.item_code)
      .kv_message("description", i.item_description)
      .kv("legal_basis", i.legal_basis)
      .kv("has_amount", i.has_amount)
      .end_object();
  o.kv("target", i.target)
      .kv("realisation", i.realisation)
      .kv_opt("amount_rupiah", i.amount_rupiah)
      .kv("status", name(i.status))
      .kv("note", i.note)
      .kv("classification", std::string(auth::clearance_name(i.classification)));
  o.key("evidence_count")
      .begin_object()
      .kv("total", i.tally.total())
      .kv("accepted", i.tally.accepted)
      .kv("rejected", i.tally.rejected)
      .kv("incomplete", i.tally.incomplete)
      .kv("pending", i.tally.pending)
      .end_object();
  o.kv("state", name(checklist_state(i.status, has_reason, i.tally)))
      .kv("complete", is_complete(i.status, has_reason, i.tally))
      .kv("needs_action", needs_action(i.tally))
      .kv("applicable", is_applicable(i.status, has_reason))
      .kv("reviewer_region", reviewer_region(i.region_code))
      .kv("created_at", i.created_at)
      .kv("updated_at", i.updated_at)
      .kv("version", i.version)
      .end_object();
  return o.take();
}

std::string to_json(const Evidence& e) {
  json::Out o;
  o.begin_object().kv("id", e.id).kv("instrument_id", e.instrument_id);
  o.key("file")
      .begin_object()
      .kv("id", e.file_id)
      .kv("name", e.file_name)
      .kv("mime", e.file_mime)
      .kv("size", e.file_size)
      .kv("sha256", e.file_sha256)
      .kv("url", "/api/v1/files/" + std::to_string(e.file_id))
      .end_object();
  o.kv("description", e.description)
      .kv_opt("replaces_id", e.replaces_id)
      .kv_opt("superseded_by", e.superseded_by)
      .kv("active", e.active())
      .kv("verdict", name(e.verdict))
      .kv("verdict_note", e.verdict_note);
  write_user(o, "verdict_by", e.verdict_by, e.verdict_by_username, e.verdict_by_name);
  o.kv_opt("verdict_at", e.verdict_at);
  write_user(o, "linked_by", e.linked_by, e.linked_by_username, e.linked_by_name);
  o.kv("linked_at", e.linked_at).kv("version", e.version).end_object();
  return o.take();
}

std::string to_json(const ReadinessMap& m, int64_t election_id) {
  json::Out o;
  o.begin_object()
      .kv("election_id", election_id)
      .kv("level", m.level == 1 ? "provinsi" : "kabkota");
  m.level == 1 ? (void)o.kv_null("province") : (void)o.kv("province", m.province);
  o.key("measure")
      .begin_object()
      .kv("key", "readiness")
      .kv_message("label", {"Kesiapan dukungan pemerintah daerah (%)",
                            "Regional-government support readiness (%)"})
      .end_object();
  o.key("values").begin_object();
  for (const auto& [code, r] : m.regions)
    if (auto sc = r.score()) o.kv(code, *sc);
  o.end_object();
  o.key("details").begin_object();
  for (const auto& [code, r] : m.regions)
    o.key(code)
        .begin_object()
        .kv("applicable", r.applicable)
        .kv("completed", r.completed)
        .end_object();
  o.end_object().end_object();
  return o.take();
}

}  // namespace pantau::elections
