// What the service desk's store answers: typed records that json.cpp turns into JSON.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/service_clock.h"
#include "modules/services/model.h"

namespace pantau::services {

// A working-day clock as shown: its limit and its state today.
struct ClockView {
  int64_t limit_working_days = 0;
  ClockState state;
};

struct TrackEvent {
  std::string at, status, note;
};
struct TrackDocument {
  std::string type, verdict, note;
  bool sent = false;
};
// What the applicant sees of a request (tracking by number and secret).
struct Tracking {
  std::string reg_no, kind, status, received_at;
  Message service;
  std::string office;
  ClockView clock;
  std::optional<std::string> response_type, letter_no, letter_code;
  bool letter_available = false;
  std::vector<TrackEvent> history;
  std::vector<TrackDocument> documents;
  bool survey_open = false;
  std::vector<std::string> applicant_actions;
};

// A file the public uploaded: the token the form then names.
struct PublicUpload {
  std::string token, mime;
  int64_t size = 0;
};

// An office with a service desk on the public portal.
struct PublicOffice {
  std::string region_code, office, region_name;
};
struct Area {
  std::string code, name;
};
// The published standard in force of a service: its components as stored (all 14, JSON text);
// only the published ones are shown.
struct PublishedStandard {
  std::string effective_from, maklumat, components_json;
};
struct RealTimes {
  int median_working_days = 0, p90_working_days = 0;
  int64_t on_time_percent = 0;
};
struct PublicService {
  std::string kind;
  Message name;
  int64_t promised_working_days = 0, acknowledge_working_days = 0;
  std::optional<PublishedStandard> standard;
  std::optional<RealTimes> real_times;    // too few finished requests: none
  std::optional<SkmResult> satisfaction;  // too few answers: none
};
// An entry of the Daftar Informasi Publik (staff list: id, region and version; public page: without).
struct InfoEntry {
  int64_t id = 0;
  std::string region_code, info_class, title, summary, responsible, form, retention, exemption_basis;
  int64_t version = 0;
};
// One office's page on the public portal.
struct OfficePage {
  std::string region_code, office, region_name;
  std::vector<Area> areas;
  std::vector<PublicService> services;
  std::vector<InfoEntry> information_list;  // exempt entries without summary and form
};

// A request in the staff queue.
struct QueueItem {
  int64_t id = 0, version = 0;
  std::string reg_no, kind, status, region_code;
  Message service;
  std::string applicant_name, subject, channel, received_at;
  bool escalated_ombudsman = false, read_only = false;
  ClockView clock;
  // Research permits: when the result report is due, and whether housekeeping marked it overdue.
  std::optional<std::string> result_due_date;
  bool result_overdue = false;
};

struct AckClock {
  int64_t limit_working_days = 0;
  ClockState state;
};
struct CasePause {
  std::string from;
  std::optional<std::string> to;
  std::string reason;
};
struct CaseDocument {
  std::string type, verdict, note;
  std::optional<int64_t> file_id, file_size;
  std::optional<std::string> file_name, file_mime;
};
struct CaseEvent {
  std::string at, action;
  std::optional<std::string> from;
  std::string to, note, public_note, by;
};
struct DisputeStageEntry {
  std::string stage, happened_on, recorded_at;
};
struct Dispute {
  int64_t id = 0;
  std::string filed_on, ki_level, ki_case_no, stage, decision;
  std::optional<std::string> decided_on;
  int64_t version = 0;
  std::vector<DisputeStageEntry> stages;  // after the registration, in order, with the day each happened
};
// A request as the staff see it.
struct CaseDetail {
  int64_t id = 0;
  std::string reg_no, kind, status, channel, lapor_ref, applicant_name, applicant_contact, applicant_id_no, applicant_org;
  bool anonymous = false;
  std::string subject, body, details_json, received_at, start_date;
  bool extended = false;
  std::string extension_reason;
  std::optional<std::string> response_type;
  int64_t fee_rupiah = 0;
  std::string decision_note;
  std::optional<std::string> letter_no;
  bool letter_available = false, escalated_ombudsman = false;
  int64_t version = 0;
  std::string region_code;
  std::optional<std::string> research_region;
  Message service;
  std::optional<std::string> request_reg_no, acknowledged_date, letter_code;
  std::optional<AckClock> acknowledge_clock;
  ClockView clock;
  bool read_only = false;
  std::vector<std::string> actions;  // the staff steps this user may take now
  std::vector<CasePause> pauses;
  std::vector<CaseDocument> documents;
  std::vector<CaseEvent> history;
  std::optional<Dispute> dispute;
  std::optional<std::string> result_due_date, result_overdue_date;
};

// A service of an office in the staff catalogue.
struct Service {
  int64_t id = 0;
  std::string kind;
  Message name;
  int64_t sla_working_days = 0, ack_working_days = 0;
  std::string limit_basis;
  bool limit_confirmed = false, active = false;
  int64_t version = 0;
  std::string region_code, office;
  std::optional<int64_t> published_standard_version;
};

// One version of a service standard.
struct Standard {
  int64_t id = 0, version_no = 0;
  std::string effective_from, components_json, maklumat;
  bool published = false;
  std::string created_at, created_by;
};

// Finished requests per office and kind in a period, and the open ones per office and kind.
// One office and kind of service in a year: received (registered that year), finished (that
// year), on time, and the working days used by the finished ones (none when nothing finished).
struct RecapRow {
  std::string region_code, office, kind;
  int64_t received = 0, finished = 0, on_time = 0;
  std::optional<double> average_working_days;
  std::optional<int> median_working_days, p90_working_days;
};
struct OpenCount {
  std::string region_code, kind;
  int64_t count = 0;
};
struct Recap {
  int year = 0;
  std::vector<RecapRow> items;
  std::vector<OpenCount> open;
};

struct SkmRow {
  int64_t service_id = 0;
  Message service;
  std::string region_code, office;
  SkmResult result;
};
struct SkmReport {
  std::vector<SkmRow> items;
};

struct PpidReport {
  int year = 0;
  int64_t received = 0, answered = 0, objections = 0, disputes = 0;
  std::map<std::string, int64_t> by_response_type;
  std::optional<double> average_working_days;
  int median_working_days = -1;                           // -1: nothing answered
  std::map<std::string, int64_t> refused_by_exemption;    // "" = ground not stated
  std::map<std::string, int64_t> objections_by_decision;  // UPHELD, DISMISSED, PENDING
  std::map<std::string, int64_t> disputes_by_stage;
};

}  // namespace pantau::services
