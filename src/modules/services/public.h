// What other modules and the server's housekeeping may ask of the public service desk.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/time.h"
#include "db/database.h"

namespace pantau::services {

// Public-information requests that went wrong, changed at or after `updated_since` (an ISO
// time): what the democracy index proposes as evidence against access to public information.
//   LATE     a request answered after its time limit (`days_late` working days past it);
//   REFUSED  a request refused as exempt whose objection the atasan PPID upheld, i.e. refused
//            without a valid exemption (`on` is the day of that decision).
// `request_id` is always the information request's. No scope: the caller keeps the request's
// region (its office's) and shows it only within the viewer's region subtree.
struct InfoFinding {
  std::string kind;  // LATE | REFUSED
  int64_t request_id = 0;
  std::string region_code, on, reg_no, subject;
  int64_t days_late = 0;
};
inline std::vector<InfoFinding> information_findings_since(db::Conn& c, const std::string& updated_since) {
  std::vector<InfoFinding> out;
  c.query("SELECT id, region_code, finished_date, reg_no, subject, COALESCE(used_wd, 0) - limit_wd FROM svc_cases "
          "WHERE kind = 'INFO_REQUEST' AND finished_date IS NOT NULL AND on_time = 0 AND updated_at >= ? ORDER BY id",
          {updated_since}, [&](const db::Row& r) {
            out.push_back({"LATE", r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5)});
          });
  c.query("SELECT p.id, p.region_code, COALESCE(o.finished_date, SUBSTR(o.updated_at, 1, 10)), p.reg_no, p.subject FROM svc_cases o "
          "JOIN svc_cases p ON p.id = o.parent_id WHERE o.kind = 'INFO_OBJECTION' AND o.response_type = 'UPHELD' "
          "AND p.response_type = 'REJECTED_EXEMPT' AND o.updated_at >= ? ORDER BY p.id",
          {updated_since}, [&](const db::Row& r) {
            out.push_back({"REFUSED", r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), 0});
          });
  return out;
}

// Research permits whose result report is overdue at `now_utc` (ISO timestamp; each judged on
// its office's local date, services::result_report_overdue) are marked once (svc_cases.result_overdue_date)
// and the office's staff are notified. Runs inside the caller's write transaction; with several
// instances only the one that claimed the housekeeping period calls it. Returns how many it marked.
int mark_overdue_result_reports(db::Conn& c, const std::string& now_utc);

// Loads the Ombudsman self-assessment checklist and zone thresholds from data_dir
// (ombudsman_checklist.tsv, ombudsman_zones.tsv), replacing the previous ones (`pantau seed`).
Status seed_ombudsman_checklist(db::Conn& c, const std::string& data_dir);

}  // namespace pantau::services
