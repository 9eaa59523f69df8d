// What is read of a request: the applicant's tracking page, the staff queue by time left, and a
// request as the staff see it.
#include <fmt/format.h>

#include <algorithm>

#include "modules/services/rules.h"
#include "modules/services/store_internal.h"

namespace pantau::services {

using namespace detail;

namespace {

ClockView clock_view(const ClockState& st, int64_t limit) { return ClockView{limit, st}; }

}  // namespace

Tracking track(db::Conn& c, int64_t id) {
  auto k = load_case(c, id);
  auto cal = load_calendar(c);
  Tracking t;
  t.reg_no = k->reg_no;
  t.kind = k->kind;
  t.status = k->status;
  t.received_at = k->received_at;
  c.query("SELECT s.name_id, s.name_en, o.name FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id WHERE s.id = ?",
          {k->service_id}, [&](const db::Row& r) {
            t.service = {r.str(0), r.str(1)};
            t.office = r.str(2);
          });
  t.clock = clock_view(clock_of(c, *k, cal), k->limit_wd);
  c.query("SELECT response_type, letter_no, CASE WHEN letter_sha IS NOT NULL THEN 1 ELSE 0 END, letter_code FROM svc_cases WHERE id = ?", {id},
          [&](const db::Row& r) {
            t.response_type = r.opt_str(0);
            t.letter_available = r.i64(2) != 0;
            t.letter_no = r.opt_str(1);
            t.letter_code = r.opt_str(3);
          });
  c.query("SELECT at, to_status, public_note FROM svc_events WHERE case_id = ? ORDER BY id", {id},
          [&](const db::Row& r) { t.history.push_back({r.str(0), r.str(1), r.str(2)}); });
  c.query("SELECT doc_type, verdict, verdict_note, file_id IS NOT NULL FROM svc_documents WHERE case_id = ? ORDER BY doc_type", {id},
          [&](const db::Row& r) { t.documents.push_back({r.str(0), r.str(1), r.str(2), r.i64(3) != 0}); });
  bool survey_done = c.query_i64("SELECT 1 FROM svc_surveys WHERE case_id = ?", {id}).has_value();
  t.survey_open = k->finished_date.has_value() && !survey_done;
  for (auto& tr : transitions())
    if (tr.kind == k->kind && tr.from == k->status && tr.actor == Actor::Applicant) t.applicant_actions.emplace_back(tr.action);
  return t;
}

std::vector<QueueItem> queue(db::Conn& c, const auth::Scope& s, const QueueFilter& f) {
  db::Params p;
  std::string where = "(" + s.region_filter("c.region_code", p) + " OR (c.research_region IS NOT NULL AND " +
                      s.region_filter("c.research_region", p) + "))";
  // Open: still running, or a permit whose researcher's result report is overdue (the office
  // follows it up).
  if (f.open_only) where += " AND (c.finished_date IS NULL OR (c.status = 'ISSUED' AND c.result_overdue_date IS NOT NULL))";
  if (!f.kind.empty()) {
    where += " AND c.kind = ?";
    p.push_back(f.kind);
  }
  if (!f.status.empty()) {
    where += " AND c.status = ?";
    p.push_back(f.status);
  }
  if (!f.region.empty()) {
    where += " AND c.region_code >= ? AND c.region_code < ?";
    p.push_back(f.region);
    p.push_back(f.region + "/");
  }
  auto cal = load_calendar(c);
  struct Row {
    CaseRow k;
    QueueItem item;
  };
  std::vector<Row> rows;
  c.query(fmt::format("SELECT c.id, c.service_id, c.org_unit_id, c.version, c.limit_wd, c.ack_limit_wd, c.kind, c.region_code, c.status, "
                      "c.reg_no, c.start_date, c.received_at, c.finished_date, c.acknowledged_date, c.research_region, c.extended, "
                      "s.name_id, s.name_en, c.applicant_name, c.anonymous, c.subject, c.channel, c.escalated_ombudsman, "
                      "c.result_due_date, c.result_overdue_date "
                      "FROM svc_cases c JOIN svc_services s ON s.id = c.service_id WHERE {} ORDER BY c.id DESC LIMIT 2000",
                      where),
          p, [&](const db::Row& r) {
            Row row;
            row.k = case_from(r);
            QueueItem& it = row.item;
            it.id = row.k.id;
            it.version = row.k.version;
            it.reg_no = row.k.reg_no;
            it.kind = row.k.kind;
            it.status = row.k.status;
            it.region_code = row.k.region_code;
            it.received_at = row.k.received_at;
            it.service = {r.str(16), r.str(17)};
            it.applicant_name = r.i64(19) ? "" : r.str(18);
            it.subject = r.str(20);
            it.channel = r.str(21);
            it.escalated_ombudsman = r.i64(22) != 0;
            it.result_due_date = r.opt_str(23);
            it.result_overdue = !r.is_null(24) && row.k.status == "ISSUED";
            it.read_only = !s.covers(row.k.region_code);
            rows.push_back(std::move(row));
          });
  for (auto& row : rows) row.item.clock = clock_view(clock_of(c, row.k, cal), row.k.limit_wd);
  // Least time left first: breaches at the top, then what falls due soonest; paused ones last.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.item.clock.state.paused != b.item.clock.state.paused) return !a.item.clock.state.paused;
    return a.item.clock.state.left < b.item.clock.state.left;
  });
  std::vector<QueueItem> out;
  out.reserve(rows.size());
  for (auto& row : rows) out.push_back(std::move(row.item));
  return out;
}

std::optional<CaseDetail> case_detail(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto k = visible_case(c, s, id, false);
  if (!k) return std::nullopt;
  auto cal = load_calendar(c);
  CaseDetail d;
  c.query("SELECT c.id, c.reg_no, c.kind, c.status, c.channel, c.lapor_ref, c.applicant_name, c.applicant_contact, c.applicant_id_no, "
          "c.applicant_org, c.anonymous, c.subject, c.body, c.details, c.received_at, c.start_date, c.extended, c.extension_reason, "
          "c.response_type, c.fee_rupiah, c.decision_note, c.letter_no, CASE WHEN c.letter_sha IS NOT NULL THEN 1 ELSE 0 END, c.escalated_ombudsman, c.version, "
          "c.region_code, c.research_region, s.name_id, s.name_en, (SELECT p.reg_no FROM svc_cases p WHERE p.id = c.parent_id), "
          "c.acknowledged_date, c.ack_limit_wd, c.letter_code, c.result_due_date, c.result_overdue_date "
          "FROM svc_cases c JOIN svc_services s ON s.id = c.service_id WHERE c.id = ?",
          {id}, [&](const db::Row& r) {
            d.id = r.i64(0);
            d.reg_no = r.str(1);
            d.kind = r.str(2);
            d.status = r.str(3);
            d.channel = r.str(4);
            d.lapor_ref = r.str(5);
            d.applicant_name = r.str(6);
            d.applicant_contact = r.str(7);
            d.applicant_id_no = r.str(8);
            d.applicant_org = r.str(9);
            d.anonymous = r.i64(10) != 0;
            d.subject = r.str(11);
            d.body = r.str(12);
            d.details_json = r.str(13);
            d.received_at = r.str(14);
            d.start_date = r.str(15);
            d.extended = r.i64(16) != 0;
            d.extension_reason = r.str(17);
            d.response_type = r.opt_str(18);
            d.fee_rupiah = r.i64(19);
            d.decision_note = r.str(20);
            d.letter_no = r.opt_str(21);
            d.letter_available = r.i64(22) != 0;
            d.escalated_ombudsman = r.i64(23) != 0;
            d.version = r.i64(24);
            d.region_code = r.str(25);
            d.research_region = r.opt_str(26);
            d.service = {r.str(27), r.str(28)};
            d.request_reg_no = r.opt_str(29);
            d.acknowledged_date = r.opt_str(30);
            d.letter_code = r.opt_str(32);
            d.result_due_date = r.opt_str(33);
            if (d.status == "ISSUED") d.result_overdue_date = r.opt_str(34);
            if (r.i64(31) > 0) {
              ServiceClock ack{*parse_date(k->start_date), static_cast<int>(r.i64(31)), {}, std::nullopt};
              if (!r.is_null(30)) ack.finished = parse_date(r.text(30));
              d.acknowledge_clock = AckClock{r.i64(31), evaluate_clock(ack, office_today(k->region_code), cal)};
            }
          });
  d.clock = clock_view(clock_of(c, *k, cal), k->limit_wd);
  d.read_only = !s.covers(k->region_code);
  for (auto& t : transitions())
    if (t.kind == k->kind && t.from == k->status && t.actor == Actor::Staff && s.can(t.permission) && s.covers(k->region_code))
      d.actions.emplace_back(t.action);
  c.query("SELECT from_date, to_date, reason FROM svc_pauses WHERE case_id = ? ORDER BY seq", {id},
          [&](const db::Row& r) { d.pauses.push_back({r.str(0), r.opt_str(1), r.str(2)}); });
  c.query("SELECT d.doc_type, d.verdict, d.verdict_note, d.file_id, f.name, f.mime, f.size FROM svc_documents d "
          "LEFT JOIN svc_public_files f ON f.id = d.file_id WHERE d.case_id = ? ORDER BY d.doc_type",
          {id}, [&](const db::Row& r) {
            CaseDocument doc;
            doc.type = r.str(0);
            doc.verdict = r.str(1);
            doc.note = r.str(2);
            doc.file_id = r.opt_i64(3);
            doc.file_name = r.opt_str(4);
            doc.file_mime = r.opt_str(5);
            doc.file_size = r.opt_i64(6);
            d.documents.push_back(std::move(doc));
          });
  c.query("SELECT e.at, e.action, e.from_status, e.to_status, e.note, e.public_note, u.full_name FROM svc_events e "
          "LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = ? ORDER BY e.id",
          {id}, [&](const db::Row& r) {
            d.history.push_back({r.str(0), r.str(1), r.opt_str(2), r.str(3), r.str(4), r.str(5), r.is_null(6) ? "" : r.str(6)});
          });
  c.query("SELECT id, filed_on, ki_level, ki_case_no, stage, decision, decided_on, version FROM svc_disputes WHERE case_id = ?", {id},
          [&](const db::Row& r) {
            d.dispute = Dispute{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.opt_str(6), r.i64(7), {}};
          });
  if (d.dispute)
    c.query("SELECT stage, happened_on, recorded_at FROM svc_dispute_stages WHERE dispute_id = ? ORDER BY seq", {d.dispute->id},
            [&](const db::Row& r) { d.dispute->stages.push_back({r.str(0), r.str(1), r.str(2)}); });
  return d;
}

}  // namespace pantau::services
