// Political-development monitoring (Permendagri 61/2011; DOMAIN.md §0.3 and §1): periodic reports
// going up the hierarchy with review, fast incidental reports (lapor cepat), and their deadlines.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/period.h"

namespace pantau::monitoring {

// The generic submission state machine of DOMAIN.md §0.3.
enum class ReportStatus { Draft, Submitted, Returned, Accepted, Consolidated, Archived };
enum class ReportAction { Submit, Return, Accept, Consolidate, Archive };

// Fast report (lapor cepat) lifecycle of DOMAIN.md §1.6.
enum class EventStatus { Reported, Verified, Escalated, Handled, Closed, Rejected };
enum class EventAction { Verify, Escalate, Handle, Close, Reject };

std::string_view name(ReportStatus s);
std::string_view name(ReportAction a);
std::string_view name(EventStatus s);
std::string_view name(EventAction a);
std::optional<ReportStatus> parse_report_status(std::string_view s);
std::optional<ReportAction> parse_report_action(std::string_view s);
std::optional<EventStatus> parse_event_status(std::string_view s);
std::optional<EventAction> parse_event_action(std::string_view s);

// A deadline rule: so many hours, calendar days, working days or months after the anchor
// (the end of the period, or the event). Rules are data with a legal basis and effective date.
struct DueRule {
  OffsetUnit unit = OffsetUnit::CalendarDays;
  int value = 10;
};

enum class Timeliness { OnTime, Late, Missing, NotYetDue, Pending };
std::string_view name(Timeliness t);

}  // namespace pantau::monitoring

namespace pantau::monitoring {

// The narrative sections of a periodic report, in their printed order (DOMAIN.md §1.4).
inline const std::vector<std::string_view> kSections = {"general_situation", "election_stages", "gov_support",
                                                        "potential_threats", "measures_taken", "recommendations"};
inline const std::vector<std::string_view> kEscalationLevels = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
inline const std::vector<std::string_view> kEventSources = {"FIELD", "MEDIA", "AGENCY", "PUBLIC_REPORT"};

struct ReportType {
  std::string code, name_id, name_en, legal_basis, effective_from;
  PeriodType period_type = PeriodType::Quarterly;
  int submitter_level = 2;
  DueRule due;
  // Submission opens so many days before the period's last day; 0 = the day after it ends.
  int submit_from_days_before_end = 0;
  bool confirmed = false;
  int64_t version = 1;
};

struct PeriodicReport {
  int64_t id = 0;
  std::string report_type, region_code, region_name, period, period_start, period_end, due_at;
  int64_t org_unit_id = 0;
  ReportStatus status = ReportStatus::Draft;
  std::vector<std::string> sections = std::vector<std::string>(kSections.size());
  int classification = 0;
  std::optional<std::string> submitted_at, reviewed_at, review_note;
  std::optional<int64_t> consolidated_into;
  std::string created_at, updated_at;
  int64_t version = 1;
};

struct PoliticalEvent {
  int64_t id = 0;
  std::string region_code, region_name, location_text, occurred_at, reported_at, category_code, title, description;
  std::string actors_json = "[]", escalation_level, source, source_ref, handling, status_note;
  std::optional<double> lat, lng;
  EventStatus status = EventStatus::Reported;
  int classification = 0;
  int64_t reported_by = 0, org_unit_id = 0, version = 1;
};

struct RecapRow {
  std::string region_code, region_name;
  std::optional<int64_t> report_id;
  std::optional<std::string> status, submitted_at;
  std::string due_at;
  Timeliness timeliness = Timeliness::NotYetDue;
};

}  // namespace pantau::monitoring

namespace pantau::monitoring {

inline const std::vector<std::string_view> kTeamRoles = {"PENGARAH", "WAKIL_PENGARAH", "PENANGGUNG_JAWAB", "KETUA", "WAKIL_KETUA",
                                                         "SEKRETARIS", "WAKIL_SEKRETARIS", "ANGGOTA", "KOORDINATOR_SISTEM",
                                                         "OPERATOR"};

struct TeamMember {
  std::string name, nip, position_title, origin_agency, team_role, working_group;
};

// The decree-based monitoring team of a region (Tim Pemantauan, Pelaporan dan Evaluasi
// Perkembangan Politik di Daerah).
struct MonitoringTeam {
  int64_t id = 0;
  std::string region_code, name, decree_number, decree_date, valid_from, legal_basis;
  std::optional<std::string> valid_to;
  std::vector<TeamMember> members;
  int64_t version = 1;
};

}  // namespace pantau::monitoring
