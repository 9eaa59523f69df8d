// SQL of the ormas registry; every function takes the caller's Scope. Besides its record, a
// write appends an audit row, keeps the actor links of the ormas and its board
// (actors/public.h), and the full-text search entry of the ormas.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/scope.h"
#include "core/calendar.h"
#include "core/csv.h"
#include "db/database.h"
#include "db/page.h"
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

// Keeps the search words of these ormas (table ormas_words: every word of the names of the
// ormas' organisation actor and its board members' actors, with the ormas' region) after a write
// that gave them a name or a member: create_ormas, add_board_member and import_ormas call it once
// the ormas and members are written. `fresh`: the ormas are new (no words yet), so the rows are
// written with multi-row INSERTs; otherwise words already present are kept (ON CONFLICT).
void index_search_words(db::Conn& c, const std::vector<int64_t>& ormas_ids, bool fresh);

// Keyset-paged list, newest first. `q`: words of the ormas' name or of a board member's name;
// a 16-digit NIK finds the ormas of that board member (viewers with clearance only).
struct ListFilter {
  std::string q, region, status, field, skt;  // skt: EXPIRING | EXPIRED
  db::Paging page;
};
struct OrmasSummary {
  int64_t id = 0, version = 0, board_count = 0;
  std::string name, abbreviation, legal_form, scope_level, fields, region_code, region_name, skt_no, status;
  std::optional<std::string> skt_expiry_date;
  std::string skt_state;
};
db::Page<OrmasSummary> list_ormas(db::Conn& c, const auth::Scope& s, const ListFilter& f, Date today);

// One ormas with its board (NIK masked without clearance; members who sit on another ormas'
// board flagged), SKT state, registrations with their checklist and clocks, annual reports and
// sanctions with their due dates.
struct BoardMember {
  int64_t id = 0, actor_id = 0, other_ormas = 0;
  std::string nik, name, position;  // nik masked unless the viewer is cleared
  std::optional<std::string> term_start, term_end;
  bool is_state_official = false;
};
struct Clock {
  std::string owner, due;  // owner: OFFICE | APPLICANT
  int working_days_left = 0;
};
struct RegDocument {
  std::string doc_type, name_id, name_en, legal_basis, verdict, note;
  std::optional<std::string> checked_at;
};
struct Registration {
  int64_t id = 0, version = 0;
  std::string region_code, status, submitted_on, clock_start, verification_due, receipt_no, reason;
  std::optional<std::string> completion_due, decided_on;
  std::optional<Clock> clock;  // the running clock: the office's while verifying, the applicant's while completing
  std::vector<RegDocument> documents;
};
struct AnnualReport {
  int64_t id = 0, year = 0;
  std::string due_date, submitted_on, activities, finances_summary;
  bool late = false;
};
struct Sanction {
  int64_t id = 0, step = 0, version = 0;
  std::string regime, level, decree_no, issued_on, legal_basis, reason;
  std::optional<std::string> compliance_due, complied_on;
  std::optional<int> working_days_left;  // while compliance is due
};
struct Ormas {
  int64_t id = 0, version = 0;
  std::string name, abbreviation, legal_form, scope_level, deed_notary, deed_no, ahu_decree_no, skt_no, skt_state, npwp, address,
      region_code, region_name, phone, email, status, created_at;
  std::vector<std::string> fields;
  std::optional<std::string> founding_date, deed_date, skt_issue_date, skt_expiry_date;
  std::optional<double> lat, lng;
  std::optional<int64_t> actor_id;
  bool identifiers_masked = true;
  std::vector<BoardMember> board;
  std::vector<Registration> registrations;
  std::vector<AnnualReport> annual_reports;
  std::vector<Sanction> sanctions;
};
std::optional<Ormas> get_ormas(db::Conn& c, const auth::Scope& s, int64_t id, Date today);

// Board members who sit on the boards of more than one ormas (by NIK), in the caller's area.
struct Seat {
  int64_t ormas_id = 0;
  std::string ormas_name, position, region_code;
};
struct SharedMember {
  std::string nik, name;  // nik masked unless the viewer is cleared
  int64_t actor_id = 0;
  std::vector<Seat> ormas;
};
std::vector<SharedMember> duplicates(db::Conn& c, const auth::Scope& s);

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
struct Reminders {
  struct Skt {
    int64_t ormas_id = 0, days_left = 0;
    std::string name, region_code, skt_no, skt_expiry_date, state;
  };
  struct Registration {
    int64_t registration_id = 0, ormas_id = 0;
    std::string name, status, owner, due;
    int working_days_left = 0;
  };
  struct Report {
    int64_t ormas_id = 0;
    std::string name, region_code, due_date;
    int year = 0;
  };
  struct Warning {
    int64_t sanction_id = 0, ormas_id = 0;
    std::string name, level, decree_no, issued_on, compliance_due;
    int working_days_left = 0;
  };
  std::vector<Skt> skt;
  std::vector<Registration> registrations;
  std::vector<Report> annual_reports;
  std::vector<Warning> warnings;
};
Reminders reminders(db::Conn& c, const auth::Scope& s, Date today);

struct ImportReport {
  int rows = 0;
  std::vector<std::pair<int, FieldError>> refused;  // line and why
  int64_t created = 0;
  int64_t board_members = 0;  // stored with the created ormas
};
// CSV/XLSX import of a registry: one row per ormas (board: ketua_nik/ketua_nama,
// sekretaris_nik/..., bendahara_nik/...). All rows are checked first; any refusal = nothing written.
Result<ImportReport> import_ormas(db::Conn& c, const auth::Scope& s, const CsvTable& t, const std::string& file_sha256);

// Map points: ormas secretariats with coordinates in the caller's area.
struct MapPoint {
  int64_t id = 0;
  std::string name, region_code, status;
  double lat = 0, lng = 0;
};
std::vector<MapPoint> map_points(db::Conn& c, const auth::Scope& s, const std::string& region);
// How many ormas (with or without coordinates, not revoked) each region of the caller's area holds.
struct MapCount {
  std::string region_code;
  int64_t ormas = 0;
};
std::vector<MapCount> map_counts(db::Conn& c, const auth::Scope& s, const std::string& region);

// The ormas a registration or a sanction belongs to (when the caller may see it).
std::optional<int64_t> ormas_of_registration(db::Conn& c, const auth::Scope& s, int64_t registration_id);
std::optional<int64_t> ormas_of_sanction(db::Conn& c, const auth::Scope& s, int64_t sanction_id);

// ---- JSON (json.cpp) ----
std::string to_json(const OrmasSummary& o);
std::string to_json(const Ormas& o);
std::string to_json(const SharedMember& m);
std::string to_json(const Reminders& r);
std::string to_json(const MapPoint& p);
std::string to_json(const MapCount& p);
std::string to_json(const ImportReport& r);

}  // namespace pantau::ormas
