// Reminders of the public service desk run by the server's housekeeping: the researcher's result
// report past its due date.
#include "auth/roles.h"
#include "modules/services/public.h"
#include "modules/services/rules.h"
#include "modules/services/store_internal.h"
#include "notify/notify.h"

namespace pantau::services {

using namespace detail;

int mark_overdue_result_reports(db::Conn& c, const std::string& now_utc) {
  struct Due {
    int64_t id;
    std::string region, reg_no, due, status;
  };
  std::vector<Due> due;
  // Candidates by the latest local date in Indonesia (WIT is a day ahead of UTC at most); each is
  // then judged on its own office's date.
  auto utc_day = parse_date(now_utc.substr(0, 10));
  if (!utc_day) return 0;
  Date horizon = civil_from_days(days_from_civil(*utc_day) + 1);
  c.query("SELECT id, region_code, reg_no, result_due_date, status FROM svc_cases WHERE kind = ? AND status = 'ISSUED' "
          "AND result_due_date IS NOT NULL AND result_due_date < ? AND result_overdue_date IS NULL ORDER BY result_due_date, id LIMIT 1000",
          {std::string(kResearchPermit), format_date(horizon)},
          [&](const db::Row& r) { due.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4)}); });
  int marked = 0;
  for (const auto& d : due) {
    auto local = local_date(now_utc, d.region);
    if (!local) continue;
    Date today = *local;
    auto due_date = parse_date(d.due);
    if (!due_date || !result_report_overdue(*due_date, today, d.status)) continue;
    c.exec("UPDATE svc_cases SET result_overdue_date = ? WHERE id = ? AND result_overdue_date IS NULL", {format_date(today), d.id});
    audit_case(c, auth::Scope::system(), "result_report_overdue", d.id, d.region, {{"result_due_date", d.due}});
    notify::office(c, d.region, auth::kRecordWrite, "Laporan hasil penelitian terlambat: " + d.reg_no,
                   "Research result report overdue: " + d.reg_no, "/layanan-staf/permohonan/" + std::to_string(d.id), "svc_case", d.id, 0);
    ++marked;
  }
  return marked;
}

}  // namespace pantau::services
