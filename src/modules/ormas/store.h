// SQL of the ormas registry; every function takes the caller's Scope. Besides its record, a
// write appends an audit row, keeps the actor links of the ormas and its board
// (actors/public.h), and the full-text search entry of the ormas.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/calendar.h"
#include "core/csv.h"
#include "db/database.h"
#include "modules/ormas/rules.h"

namespace pantau::ormas {

struct BoardInput {
  std::string nik, name, position;
  std::string term_start, term_end;  // YYYY-MM-DD or ""
  bool is_state_official = false;
};

struct OrmasInput {
  std::string name, abbreviation, legal_form, scope_level, founding_date, deed_notary, deed_no, deed_date, ahu_decree_no,
      skt_no, skt_issue_date, npwp, address, region_code, phone, email;
  std::vector<std::string> fields;
  std::optional<double> lat, lng;
  std::vector<BoardInput> board;
};
// Every field error of the record and of its board (fields "board[2].nik" and so on).
std::vector<FieldError> validate(const OrmasInput& in, Date today);

// The working-day calendar from the holidays table.
WorkingDayCalendar load_calendar(db::Conn& c);

// Creates the ormas with its board; each board member becomes (or is found as) a person actor
// by NIK. `audit` = false for an import, which writes one audit row for the whole file and has
// checked every region already.
Result<int64_t> create_ormas(db::Conn& c, const auth::Scope& s, const OrmasInput& in, bool audit = true);
// Adds one board member.
Result<int64_t> add_board_member(db::Conn& c, const auth::Scope& s, int64_t ormas_id, int64_t version, const BoardInput& b);

// Keyset-paged list, newest first. `q`: words of the ormas' name or of a board member's name;
// a 16-digit NIK finds the ormas of that board member (viewers with clearance only).
struct ListFilter {
  std::string q, region, status, field, skt;  // skt: EXPIRING | EXPIRED
};
std::string list_json(db::Conn& c, const auth::Scope& s, const ListFilter& f, std::optional<int64_t> after, int limit, Date today);
// One ormas with its board (NIK masked without clearance; members who sit on another ormas'
// board flagged), SKT state, registrations with their checklist and clocks, annual reports and
// sanctions with their due dates.
std::optional<std::string> ormas_json(db::Conn& c, const auth::Scope& s, int64_t id, Date today, int64_t* version = nullptr);
// Board members who sit on the boards of more than one ormas (by NIK), in the caller's area.
std::string duplicates_json(db::Conn& c, const auth::Scope& s);

// A local registration with its checklist (the documents that apply to this ormas).
Result<int64_t> create_registration(db::Conn& c, const auth::Scope& s, int64_t ormas_id, const std::string& submitted_on);
Status judge_document(db::Conn& c, const auth::Scope& s, int64_t reg_id, const std::string& doc_type, const std::string& verdict,
                      const std::string& note);
// Moves the registration (reg_transition). notify_incomplete starts the applicant's 15 working
// days; resubmit restarts the verification clock; issue_receipt needs `receipt_no`, refuse a reason.
Status registration_action(db::Conn& c, const auth::Scope& s, int64_t reg_id, int64_t version, const std::string& action,
                           const std::string& on, const std::string& receipt_no, const std::string& reason, Date today);

Result<int64_t> add_annual_report(db::Conn& c, const auth::Scope& s, int64_t ormas_id, int year, const std::string& submitted_on,
                                  const std::string& activities, const std::string& finances);

// The next step of the ladder in force on `issued_on`; a WARNING gets its compliance due date;
// ACTIVITY_STOP and REVOCATION change the ormas' status.
Result<int64_t> impose_sanction(db::Conn& c, const auth::Scope& s, int64_t ormas_id, const std::string& level,
                                const std::string& decree_no, const std::string& issued_on, const std::string& reason, bool grave);
Status comply_sanction(db::Conn& c, const auth::Scope& s, int64_t sanction_id, const std::string& complied_on);

// What needs doing in the caller's area on `today`: SKTs expiring within 90/30 days or expired,
// verification and completion clocks, annual reports overdue, warnings whose compliance is due.
std::string reminders_json(db::Conn& c, const auth::Scope& s, Date today);

struct ImportReport {
  int rows = 0;
  std::vector<std::pair<int, FieldError>> refused;  // line and why
  int64_t created = 0;
};
// CSV/XLSX import of a registry: one row per ormas (board: ketua_nik/ketua_nama,
// sekretaris_nik/..., bendahara_nik/...). All rows are checked first; any refusal = nothing written.
Result<ImportReport> import_ormas(db::Conn& c, const auth::Scope& s, const CsvTable& t, const std::string& file_sha256);

// Map points: ormas secretariats with coordinates in the caller's area.
std::string map_json(db::Conn& c, const auth::Scope& s, const std::string& region);

}  // namespace pantau::ormas
