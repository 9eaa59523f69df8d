// What the service desk's store files share (requests.cpp, cases.cpp, catalogue.cpp,
// information.cpp, recaps.cpp): the row of a request, its visibility to staff, its clock, its
// events and its audit rows. Private to the services store.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/services/store.h"

namespace pantau::services::detail {

inline db::Value opt_text(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(); }

inline Error not_found_case() { return Error::not_found("Permohonan tidak ditemukan.", "The request was not found."); }

inline FieldError ferr(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}

// The row of a case the workflow and the clock need.
struct CaseRow {
  int64_t id = 0, service_id = 0, org_unit_id = 0, version = 0, limit_wd = 0, ack_limit_wd = 0;
  std::string kind, region_code, status, reg_no, start_date, received_at;
  std::optional<std::string> finished_date, acknowledged_date, research_region;
  bool extended = false;
};

// The columns case_from() reads, in order.
extern const char* const kCaseCols;
CaseRow case_from(const db::Row& r);
std::optional<CaseRow> load_case(db::Conn& c, int64_t id);
// A case the staff member may see: their office's, or (read-only) a research permit for their area.
std::optional<CaseRow> visible_case(db::Conn& c, const auth::Scope& s, int64_t id, bool for_write);
// The case's working-day clock today.
ClockState clock_of(db::Conn& c, const CaseRow& k, const WorkingDayCalendar& cal);

void add_event(db::Conn& c, int64_t case_id, std::optional<int64_t> actor, const std::string& action,
               const std::optional<std::string>& from, const std::string& to, const std::string& note, const std::string& public_note);
void audit_case(db::Conn& c, const auth::Scope& who, const std::string& action, int64_t id, const std::string& region,
                const std::vector<std::pair<std::string, std::string>>& after);
// Attaches public uploads (by token) to a case as its documents; a token is used once.
Status attach_documents(db::Conn& c, int64_t case_id, const std::map<std::string, std::string>& docs);
std::string region_name(db::Conn& c, const std::string& code);

// Finished requests per office service as a histogram of working days used.
struct Times {
  std::map<int, int64_t> hist;
  int64_t on_time = 0, total = 0;
};

}  // namespace pantau::services::detail
