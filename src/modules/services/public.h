// What the server's housekeeping asks of the public service desk.
#pragma once
#include <string>

#include "core/error.h"
#include "core/time.h"
#include "db/database.h"

namespace pantau::services {

// Research permits whose result report is overdue at `now_utc` (ISO timestamp; each judged on
// its office's local date, services::result_report_overdue) are marked once (svc_cases.result_overdue_date)
// and the office's staff are notified. Runs inside the caller's write transaction; with several
// instances only the one that claimed the housekeeping period calls it. Returns how many it marked.
int mark_overdue_result_reports(db::Conn& c, const std::string& now_utc);

// Loads the Ombudsman self-assessment checklist and zone thresholds from data_dir
// (ombudsman_checklist.tsv, ombudsman_zones.tsv), replacing the previous ones (`pantau seed`).
Status seed_ombudsman_checklist(db::Conn& c, const std::string& data_dir);

}  // namespace pantau::services
