// The Daftar Informasi Publik of an office, and the information disputes that follow an
// objection (Komisi Informasi).
#include "audit/audit.h"
#include "modules/services/rules.h"
#include "modules/services/store_internal.h"
#include "report/indonesian.h"

namespace pantau::services {

using namespace detail;

std::vector<InfoEntry> info_list(db::Conn& c, const auth::Scope& s) {
  db::Params p;
  std::string where = s.region_filter("region_code", p);
  std::vector<InfoEntry> out;
  c.query("SELECT id, region_code, info_class, title, summary, responsible, form, retention, exemption_basis, version FROM svc_info_list WHERE " +
              where + " ORDER BY region_code, info_class, title",
          p, [&](const db::Row& r) {
            out.push_back(InfoEntry{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7), r.str(8), r.i64(9)});
          });
  return out;
}

Result<int64_t> add_info_item(db::Conn& c, const auth::Scope& s, const InfoItem& it) {
  std::optional<int64_t> org;
  c.query("SELECT id FROM org_units WHERE id = ? AND kind IN ('KESBANGPOL', 'KEMENDAGRI')", {s.org_unit_id},
          [&](const db::Row& r) { org = r.i64(0); });
  if (!org) return Error::forbidden("Hanya kantor Kesbangpol yang mengelola Daftar Informasi Publik.", "Only a Kesbangpol office keeps an information list.");
  int64_t id = c.insert("INSERT INTO svc_info_list (org_unit_id, region_code, info_class, title, summary, responsible, form, retention, "
                        "exemption_basis, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {*org, s.region_code, it.info_class, it.title, it.summary, it.responsible, it.form, it.retention, it.exemption_basis,
                         now_iso()});
  audit::append(c, s, {"create", "svc_info_item", std::to_string(id), s.region_code, 0, std::nullopt,
                       snapshot({{"class", it.info_class}, {"title", it.title}})});
  return id;
}

Result<int64_t> update_info_item(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const InfoItem& it) {
  auto region = c.query_str("SELECT region_code FROM svc_info_list WHERE id = ?", {id});
  if (!region || !s.covers(*region)) return Error::not_found();
  if (c.exec("UPDATE svc_info_list SET info_class = ?, title = ?, summary = ?, responsible = ?, form = ?, retention = ?, exemption_basis = ?, "
             "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
             {it.info_class, it.title, it.summary, it.responsible, it.form, it.retention, it.exemption_basis, now_iso(), id, version}) == 0)
    return Error::stale_version();
  audit::append(c, s, {"update", "svc_info_item", std::to_string(id), *region, 0, std::nullopt,
                       snapshot({{"class", it.info_class}, {"title", it.title}})});
  return version + 1;
}

Status delete_info_item(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto region = c.query_str("SELECT region_code FROM svc_info_list WHERE id = ?", {id});
  if (!region || !s.covers(*region)) return Error::not_found();
  c.exec("DELETE FROM svc_info_list WHERE id = ?", {id});
  audit::append(c, s, {"delete", "svc_info_item", std::to_string(id), *region, 0, std::nullopt, std::nullopt});
  return {};
}

Result<int64_t> file_dispute(db::Conn& c, const auth::Scope& s, int64_t case_id, const std::string& filed_on, const std::string& ki_level,
                             const std::string& ki_case_no) {
  auto k = visible_case(c, s, case_id, true);
  if (!k || k->kind != kInfoObjection) return not_found_case();
  if (k->status != "DECIDED" && !k->finished_date) {
    // A dispute may follow an objection left unanswered past its 30 working days.
    auto cal = load_calendar(c);
    if (!clock_of(c, *k, cal).breached)
      return Error::conflict("services.dispute_too_early", "Sengketa diajukan setelah putusan atasan PPID atau lewat batas waktunya.",
                             "A dispute follows the atasan PPID's decision or the end of its time limit.");
  }
  if (c.query_i64("SELECT 1 FROM svc_disputes WHERE case_id = ?", {case_id}))
    return Error::conflict("services.dispute_exists", "Sengketa untuk keberatan ini sudah dicatat.", "A dispute is already recorded for this objection.");
  int64_t id = c.insert("INSERT INTO svc_disputes (case_id, filed_on, ki_level, ki_case_no, stage, updated_at) VALUES (?, ?, ?, ?, 'REGISTERED', ?)",
                        {case_id, filed_on, ki_level, ki_case_no, now_iso()});
  add_event(c, case_id, s.user_id, "DISPUTE", k->status, k->status, ki_case_no, "");
  audit::append(c, s, {"create", "svc_dispute", std::to_string(id), k->region_code, 0, std::nullopt,
                       snapshot({{"ki_level", ki_level}, {"ki_case_no", ki_case_no}})});
  return id;
}

Result<int64_t> advance_dispute(db::Conn& c, const auth::Scope& s, int64_t dispute_id, int64_t version, const std::string& stage,
                                const std::string& decision, const std::string& decided_on, const std::string& stage_on) {
  std::optional<std::pair<int64_t, std::string>> row;
  int64_t cur_version = 0;
  std::string filed_on;
  c.query("SELECT case_id, stage, version, filed_on FROM svc_disputes WHERE id = ?", {dispute_id}, [&](const db::Row& r) {
    row = std::make_pair(r.i64(0), r.str(1));
    cur_version = r.i64(2);
    filed_on = r.str(3);
  });
  if (!row) return Error::not_found();
  auto k = visible_case(c, s, row->first, true);
  if (!k) return Error::not_found();
  if (cur_version != version) return Error::stale_version();
  if (!dispute_step_allowed(row->second, stage))
    return Error::conflict("services.dispute_step", "Tahap sengketa ini tidak dapat dicapai dari tahap sekarang.",
                           "This dispute stage cannot follow the current one.");
  // The day the stage happened, as staff enter it: not in the future (the office's local day),
  // not before the previous stage (or the registration at the Komisi Informasi).
  std::string today = format_date(office_today(k->region_code));
  std::string previous = c.query_str("SELECT MAX(happened_on) FROM svc_dispute_stages WHERE dispute_id = ?", {dispute_id}).value_or("");
  if (previous.empty() || previous < filed_on) previous = filed_on;
  if (stage_on > today)
    return Error::invalid_field("stage_on", "in_future", "Tanggal tahap tidak boleh sesudah hari ini.", "The stage's date cannot be after today.");
  if (stage_on < previous)
    return Error::invalid_field("stage_on", "before_previous",
                                "Tanggal tahap tidak boleh sebelum tahap sebelumnya (" + (parse_date(previous) ? report::tanggal_indonesia(*parse_date(previous)) : previous) + ").",
                                "The stage's date cannot be before the previous stage (" + previous + ").");
  // A decision's date is the day of the DECIDED stage unless given.
  std::string decided = decided_on.empty() && stage == "DECIDED" ? stage_on : decided_on;
  std::string now = now_iso();
  c.exec("UPDATE svc_disputes SET stage = ?, decision = ?, decided_on = ?, version = version + 1, updated_at = ? WHERE id = ?",
         {stage, decision, decided.empty() ? db::Value() : db::Value(decided), now, dispute_id});
  int64_t seq = c.query_i64("SELECT COALESCE(MAX(seq), 0) + 1 FROM svc_dispute_stages WHERE dispute_id = ?", {dispute_id}).value_or(1);
  c.exec("INSERT INTO svc_dispute_stages (dispute_id, seq, stage, happened_on, recorded_at) VALUES (?, ?, ?, ?, ?)",
         {dispute_id, seq, stage, stage_on, now});
  // The stage also stays in the request's history (action DISPUTE_<stage>, recorded now).
  add_event(c, k->id, s.user_id, "DISPUTE_" + stage, k->status, k->status, decision, "");
  audit::append(c, s, {"update", "svc_dispute", std::to_string(dispute_id), k->region_code, 0, std::nullopt,
                       snapshot({{"stage", stage}, {"stage_on", stage_on}, {"decision", decision}})});
  return version + 1;
}

}  // namespace pantau::services
