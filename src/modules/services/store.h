// SQL of the public service desk. Staff functions take the caller's Scope: an office sees the
// requests of its region subtree, and a kab/kota also sees (read-only) the research permits for
// research in its area. Public functions take no Scope: they reach one request only through its
// registration number AND its secret, and answer only what the applicant may see.
// Every write appends an audit row in the same transaction; public writes are audited with the
// system actor and the entity "svc_case".
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/scope.h"
#include "core/calendar.h"
#include "core/service_clock.h"
#include "db/database.h"
#include "modules/services/model.h"
#include "modules/services/records.h"

namespace pantau::services {

WorkingDayCalendar load_calendar(db::Conn& c);

struct CaseInput {
  std::string kind;
  std::string office_region;       // which office (its Kesbangpol's region code)
  std::string channel = "PORTAL";
  std::string lapor_ref;
  std::string applicant_name, applicant_contact, applicant_id_no, applicant_org;
  bool anonymous = false;
  std::string subject, body;
  std::string details_json = "{}";  // kind-specific fields, already checked
  // An objection names the information request it objects to (its number and secret when
  // filed on the portal; its number alone when staff enter it).
  std::string parent_reg_no, parent_secret;
  // Research permits.
  std::string research_region, applicant_type;
  bool foreign = false;
  std::map<std::string, std::string> documents;  // document type -> public file token
};

struct Submitted {
  int64_t id = 0;
  std::string reg_no, secret, due_date;
};

// Registers a request (`staff` null: from the public portal). Checks the office offers the
// service, the documents (tokens of files uploaded by the public and not yet used), the
// objection's request; starts the clock in the office's time zone. Writes the case, its first
// event, its documents and an audit row.
Result<Submitted> submit_case(db::Conn& c, const CaseInput& in, const auth::Scope* staff);

// A stored public upload (files sent by the public, kept apart from internal evidence).
Result<std::string> record_public_file(db::Conn& c, const std::string& sha256, const std::string& mime, int64_t size,
                                       const std::string& name);

// The case with this number whose secret matches; nullopt for an unknown number and for a
// wrong secret alike (the caller cannot tell them apart).
std::optional<int64_t> find_by_secret(db::Conn& c, const std::string& reg_no, const std::string& secret);
// What the applicant sees: status, clock, the public notes of its history, the documents and
// their verdicts, whether a letter can be downloaded and whether the survey is open.
Tracking track(db::Conn& c, int64_t id);
// A step the applicant takes (COMPLETE with new documents, REPORT_RESULT).
Status applicant_step(db::Conn& c, int64_t id, const std::string& action, const std::string& note,
                      const std::map<std::string, std::string>& documents);
// The SKM answer of a finished case (once).
Status submit_survey(db::Conn& c, int64_t id, const std::array<int, kSkmElements>& scores, const std::string& comment);
// The SHA-256 of the issued letter of a case, if any.
std::optional<std::string> letter_sha(db::Conn& c, int64_t id);
// The same for staff: nothing when the case is absent or outside the scope.
std::optional<std::string> staff_letter_sha(db::Conn& c, const auth::Scope& s, int64_t id);

// Public portal: the offices with a service desk, and one office's page (nullopt: none there).
std::vector<PublicOffice> public_offices(db::Conn& c);
std::optional<OfficePage> public_office(db::Conn& c, const std::string& region_code);

// Staff.
struct QueueFilter {
  std::string kind, status, region;
  bool open_only = true;
};
// The open requests (at most 2,000, newest first) by time left: breaches first, paused last.
std::vector<QueueItem> queue(db::Conn& c, const auth::Scope& s, const QueueFilter& f);
// A request as the staff member sees it (nullopt: absent or outside the scope).
std::optional<CaseDetail> case_detail(db::Conn& c, const auth::Scope& s, int64_t id);

struct StepInput {
  std::string action;
  int64_t version = 0;
  std::string note, public_note;
  std::string response_type, decision;  // ANSWER of PPID / DECIDE of an objection
  std::string exemption;                // ANSWER with REJECTED_EXEMPT: the ground (kExemptions)
  int64_t fee_rupiah = 0;
  std::string letter_no, letter_sha, letter_code;  // ISSUE: the letter built and registered by the caller
  std::string result_due_date;                     // ISSUE: the result report's due date the letter prints
};
// A staff step of the workflow (If-Match version). Pauses/resumes/stops the clock as the
// workflow row says; returns the new version. Writes an event and an audit row.
Result<int64_t> staff_step(db::Conn& c, const auth::Scope& s, int64_t id, const StepInput& in);
// What a research-permit letter needs, read before the letter is drawn.
struct LetterData {
  std::string reg_no, office_name, office_region, applicant_name, applicant_org, id_no, title, research_region,
      research_region_name, period_start, period_end, method;
  int64_t version = 0;
  // The result report's due date if the letter were issued now (fixed and stored at issue).
  std::optional<std::string> result_due_date;
};
Result<LetterData> letter_data(db::Conn& c, const auth::Scope& s, int64_t id);
Result<int64_t> set_verdict(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& doc_type,
                            const std::string& verdict, const std::string& note);
// The public file of a case, for staff (scope-checked): sha256, mime, name.
struct PublicFile {
  std::string sha256, mime, name;
};
std::optional<PublicFile> case_file(db::Conn& c, const auth::Scope& s, int64_t case_id, int64_t file_id);

// Services and their standards.
std::vector<Service> list_services(db::Conn& c, const auth::Scope& s);
Result<int64_t> update_service(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, int sla, int ack,
                               const std::string& basis, bool active);
// The versions of a service's standard, newest first (nullopt: the service is absent or out of scope).
std::optional<std::vector<Standard>> standards(db::Conn& c, const auth::Scope& s, int64_t service_id);
// `expected_latest`: the newest version number the editor started from (If-Match); another
// version added meanwhile is a stale version (412).
Result<int64_t> add_standard(db::Conn& c, const auth::Scope& s, int64_t service_id, const std::string& effective_from,
                             const std::string& components_json, const std::string& maklumat, bool publish,
                             std::optional<int64_t> expected_latest = std::nullopt);
// Publishes a version kept as a draft: from then on the portal shows it (the newest published
// version is the one in force). A version older than the one published is refused (409).
Status publish_standard(db::Conn& c, const auth::Scope& s, int64_t service_id, int64_t version_no);

// Daftar Informasi Publik.
struct InfoItem {
  std::string info_class, title, summary, responsible, form, retention, exemption_basis;
};
std::vector<InfoEntry> info_list(db::Conn& c, const auth::Scope& s);
Result<int64_t> add_info_item(db::Conn& c, const auth::Scope& s, const InfoItem& it);
// Changes an entry (If-Match version); returns the new version.
Result<int64_t> update_info_item(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const InfoItem& it);
Status delete_info_item(db::Conn& c, const auth::Scope& s, int64_t id);

// Information disputes (after an objection).
Result<int64_t> file_dispute(db::Conn& c, const auth::Scope& s, int64_t case_id, const std::string& filed_on,
                             const std::string& ki_level, const std::string& ki_case_no);
// The next stage of a dispute with the day it happened (`stage_on`, YYYY-MM-DD): not after the
// office's today, not before the previous stage; 422 on `stage_on` otherwise.
Result<int64_t> advance_dispute(db::Conn& c, const auth::Scope& s, int64_t dispute_id, int64_t version,
                                const std::string& stage, const std::string& decision, const std::string& decided_on,
                                const std::string& stage_on);

// Recap of a year (local dates) per office and kind: requests received that year, finished that
// year, on time, late, average, median and 90th percentile of working days used (from the
// counts kept in svc_received and svc_times_year), and the requests open now. SKM per service
// for a period [from, to).
Recap recap(db::Conn& c, const auth::Scope& s, int year);
SkmReport skm_report(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to);
// Annual PPID report figures (requests received, answered by response type, average working
// days, objections, disputes).
PpidReport ppid_report(db::Conn& c, const auth::Scope& s, int year);
// Every SKM answer of the scope in [from, to) as one index (the annual report's overall figure).
SkmResult skm_overall(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to);

// Recounts svc_times, svc_times_year and svc_received from the requests (after loading requests
// in bulk, e.g. the demo or a benchmark).
void rebuild_times(db::Conn& c);

// Demo: the services of the Kalimantan Selatan offices with their standards, a Daftar Informasi
// Publik, and requests in every state. Idempotent; runs inside the caller's transaction.
Status seed_demo(db::Conn& c);

// ---- json.cpp: the records as JSON (answers and audit snapshots) ----

std::string to_json(const Submitted& s);
std::string to_json(const PublicUpload& u);
// What the portal's forms need: document types, the documents each applicant type needs, the
// SKM elements and the largest file accepted.
std::string forms_json(int64_t max_file_bytes);
// The 14 components of a standard as stored: {"<key>": "<text>", ...} in the given order.
std::string components_json(const std::vector<std::pair<std::string, std::string>>& texts);
std::string to_json(const Tracking& t);
std::string to_json(const PublicOffice& o);
std::string to_json(const OfficePage& o);
std::string to_json(const QueueItem& q);
std::string to_json(const CaseDetail& d);
std::string to_json(const Service& s);
std::string to_json(const InfoEntry& e);
std::string to_json(const Recap& r);
std::string to_json(const SkmReport& r);
std::string to_json(const PpidReport& r);
// {"components": the 14 components of a standard, "items": the versions}.
std::string standards_json(const std::vector<Standard>& versions);
// A flat audit snapshot of text fields, in order.
std::string snapshot(const std::vector<std::pair<std::string, std::string>>& fields);
// The research-permit fields kept in a request's details (empty when absent).
struct ResearchDetails {
  std::string method, period_start, period_end;
};
ResearchDetails research_details(const std::string& details_json);

}  // namespace pantau::services
