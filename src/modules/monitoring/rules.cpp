#include "modules/monitoring/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "auth/roles.h"
#include "core/region_code.h"
#include "report/indonesian.h"

namespace pantau::monitoring {

namespace {
constexpr std::array<std::string_view, 6> kReportStatus = {"DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED", "CONSOLIDATED", "ARCHIVED"};
constexpr std::array<std::string_view, 5> kReportAction = {"SUBMIT", "RETURN", "ACCEPT", "CONSOLIDATE", "ARCHIVE"};
constexpr std::array<std::string_view, 6> kEventStatus = {"REPORTED", "VERIFIED", "ESCALATED", "HANDLED", "CLOSED", "REJECTED"};
constexpr std::array<std::string_view, 5> kEventAction = {"VERIFY", "ESCALATE", "HANDLE", "CLOSE", "REJECT"};
constexpr std::array<std::string_view, 5> kTimeliness = {"ON_TIME", "LATE", "MISSING", "NOT_YET_DUE", "PENDING"};

template <class E, size_t N>
std::optional<E> parse(std::string_view s, const std::array<std::string_view, N>& names) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

Error not_allowed_now(std::string_view from, std::string_view action) {
  return Error::conflict("transition_not_allowed",
                         fmt::format("Tindakan {} tidak dapat dilakukan pada status {}.", action, from),
                         fmt::format("{} is not possible in status {}.", action, from));
}
}  // namespace

// Bounds-checked: a value outside the enum (never made by the parsers) gives "?".
template <class E, size_t N>
std::string_view name_in(E v, const std::array<std::string_view, N>& names) {
  auto i = static_cast<size_t>(v);
  return i < N ? names[i] : std::string_view("?");
}
std::string_view name(ReportStatus s) { return name_in(s, kReportStatus); }
std::string_view name(ReportAction a) { return name_in(a, kReportAction); }
std::string_view name(EventStatus s) { return name_in(s, kEventStatus); }
std::string_view name(EventAction a) { return name_in(a, kEventAction); }
std::string_view name(Timeliness t) { return name_in(t, kTimeliness); }
std::optional<ReportStatus> parse_report_status(std::string_view s) { return parse<ReportStatus>(s, kReportStatus); }
std::optional<ReportAction> parse_report_action(std::string_view s) { return parse<ReportAction>(s, kReportAction); }
std::optional<EventStatus> parse_event_status(std::string_view s) { return parse<EventStatus>(s, kEventStatus); }
std::optional<EventAction> parse_event_action(std::string_view s) { return parse<EventAction>(s, kEventAction); }

Date due_date(const Period& period, const DueRule& rule, const WorkingDayCalendar& cal) {
  switch (rule.unit) {
    case OffsetUnit::CalendarDays:
      return civil_from_days(days_from_civil(period.end) + rule.value);
    case OffsetUnit::WorkingDays:
      return cal.add_working_days(period.end, rule.value);
    case OffsetUnit::Months: {
      int m = period.end.month - 1 + rule.value;
      int y = period.end.year + m / 12;
      m = m % 12 + 1;
      // Same day of month, clamped to the month's end (31 Dec + 2 months = 28/29 Feb).
      Date first_next = m == 12 ? Date{y + 1, 1, 1} : Date{y, m + 1, 1};
      int last = civil_from_days(days_from_civil(first_next) - 1).day;
      bool end_of_month = civil_from_days(days_from_civil(period.end) + 1).day == 1;
      return Date{y, m, end_of_month ? last : std::min(period.end.day, last)};
    }
    case OffsetUnit::Hours:
      return civil_from_days(days_from_civil(period.end) + (rule.value + 23) / 24);
  }
  return period.end;
}

TimePoint due_instant(Date due, std::string_view region_code) {
  // 23:59:59.999 local time on the due date.
  int64_t local_ms = (days_from_civil(due) + 1) * 86400000LL - 1;
  int64_t utc_ms = local_ms - static_cast<int64_t>(utc_offset_hours(region_code)) * 3600000LL;
  return TimePoint(std::chrono::duration_cast<Clock::duration>(std::chrono::milliseconds(utc_ms)));
}

Date submission_opens(const Period& period, int days_before_end) {
  return civil_from_days(days_from_civil(period.end) + 1 - std::max(days_before_end, 0));
}

Status check_submission_window(const Period& period, int days_before_end, Date today) {
  Date opens = submission_opens(period, days_before_end);
  if (days_from_civil(today) >= days_from_civil(opens)) return {};
  return Error::conflict("report.period_not_ended",
                         fmt::format("Laporan periode ini baru dapat dikirim mulai {}. Draf boleh disiapkan lebih awal.",
                                     report::tanggal_indonesia(opens)),
                         fmt::format("A report for this period can be submitted from {}. The draft may be prepared earlier.",
                                     format_date(opens)));
}

TimePoint event_due_instant(TimePoint occurred_at, const DueRule& rule) {
  switch (rule.unit) {
    case OffsetUnit::Hours: return occurred_at + std::chrono::hours(rule.value);
    default: return occurred_at + std::chrono::hours(24 * rule.value);
  }
}

Timeliness timeliness(std::optional<TimePoint> submitted_at, TimePoint due, TimePoint now) {
  if (submitted_at) return *submitted_at <= due ? Timeliness::OnTime : Timeliness::Late;
  return now > due ? Timeliness::Missing : Timeliness::NotYetDue;
}

// YYYY-MM-DDTHH:MM:SS.mmmZ with a real date and HH < 24, MM < 60, SS < 60 (a leap second 60 is
// left to parse_iso): for these, text order is time order.
bool canonical_iso(std::string_view s) {
  if (s.size() != 24 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' || s[23] != 'Z') return false;
  for (size_t i : {11u, 12u, 14u, 15u, 17u, 18u, 20u, 21u, 22u})
    if (s[i] < '0' || s[i] > '9') return false;
  if (s[11] > '2' || (s[11] == '2' && s[12] > '3') || s[14] > '5' || s[17] > '5') return false;
  return parse_date(s.substr(0, 10)).has_value();
}

std::optional<Timeliness> timeliness_iso(std::string_view due_at, std::optional<std::string_view> submitted_at,
                                         std::string_view now_iso, TimePoint now) {
  if (canonical_iso(due_at) && (!submitted_at || canonical_iso(*submitted_at)) && canonical_iso(now_iso)) {
    if (submitted_at) return *submitted_at <= due_at ? Timeliness::OnTime : Timeliness::Late;
    // now_iso is `now` cut to the millisecond: only an equal text needs the finer comparison.
    if (now_iso != due_at) return now_iso > due_at ? Timeliness::Missing : Timeliness::NotYetDue;
  }
  auto due = parse_iso(due_at);
  if (!due) return std::nullopt;
  std::optional<TimePoint> sub = submitted_at ? parse_iso(*submitted_at) : std::nullopt;
  return timeliness(sub, *due, now);
}

std::string reviewer_region(std::string_view region) { return region_parent(region); }

Result<ReportStatus> report_transition(ReportStatus from, ReportAction action, const auth::Scope& who,
                                       std::string_view report_region, bool has_reason) {
  bool owner = who.region_code == report_region && who.can(auth::kRecordWrite);
  bool reviewer = region_level(report_region) != RegionLevel::National &&
                  who.region_code == reviewer_region(report_region) && who.can(auth::kRecordReview);
  auto need = [&](bool ok) -> Status {
    if (ok) return {};
    return Error::forbidden("Anda tidak berwenang melakukan tindakan ini pada laporan ini.",
                            "You are not allowed to do this to this report.");
  };
  switch (action) {
    case ReportAction::Submit:
      PANTAU_CHECK(need(owner));
      if (from != ReportStatus::Draft && from != ReportStatus::Returned) return not_allowed_now(name(from), name(action));
      return ReportStatus::Submitted;
    case ReportAction::Return:
      PANTAU_CHECK(need(reviewer));
      if (from != ReportStatus::Submitted) return not_allowed_now(name(from), name(action));
      if (!has_reason)
        return Error::invalid_field("reason", "required", "Sebutkan alasan pengembalian.", "Give the reason for returning it.");
      return ReportStatus::Returned;
    case ReportAction::Accept:
      PANTAU_CHECK(need(reviewer));
      if (from != ReportStatus::Submitted) return not_allowed_now(name(from), name(action));
      return ReportStatus::Accepted;
    case ReportAction::Consolidate:
      PANTAU_CHECK(need(reviewer));
      if (from != ReportStatus::Accepted) return not_allowed_now(name(from), name(action));
      return ReportStatus::Consolidated;
    case ReportAction::Archive:
      PANTAU_CHECK(need(reviewer));
      if (from != ReportStatus::Accepted && from != ReportStatus::Consolidated) return not_allowed_now(name(from), name(action));
      return ReportStatus::Archived;
  }
  return not_allowed_now(name(from), name(action));
}

Result<EventStatus> event_transition(EventStatus from, EventAction action, const auth::Scope& who,
                                     std::string_view event_region, bool has_note) {
  if (!who.covers(event_region) || !who.can(auth::kRecordReview))
    return Error::forbidden("Anda tidak berwenang menindaklanjuti laporan ini.", "You are not allowed to act on this report.");
  using S = EventStatus;
  switch (action) {
    case EventAction::Verify:
      if (from == S::Reported) return S::Verified;
      break;
    case EventAction::Escalate:
      if (from == S::Verified) return S::Escalated;
      break;
    case EventAction::Handle:
      if (from == S::Verified || from == S::Escalated) {
        if (!has_note)
          return Error::invalid_field("note", "required", "Jelaskan penanganan yang dilakukan.", "Describe the handling done.");
        return S::Handled;
      }
      break;
    case EventAction::Close:
      if (from == S::Handled) return S::Closed;
      break;
    case EventAction::Reject:
      if (from == S::Reported || from == S::Verified) {
        if (!has_note)
          return Error::invalid_field("note", "required", "Sebutkan alasan penolakan.", "Give the reason for rejecting it.");
        return S::Rejected;
      }
      break;
  }
  return not_allowed_now(name(from), name(action));
}

}  // namespace pantau::monitoring

namespace pantau::monitoring {

Status check_team(const MonitoringTeam& t) {
  std::vector<FieldError> errs;
  auto add = [&](std::string f, std::string code, std::string id, std::string en) {
    errs.push_back({std::move(f), std::move(code), {std::move(id), std::move(en)}});
  };
  if (!parse_date(t.decree_date)) add("decree_date", "invalid", "Tanggal SK harus TTTT-BB-HH.", "The decree date must be YYYY-MM-DD.");
  auto from = parse_date(t.valid_from);
  if (!from) add("valid_from", "invalid", "Tanggal mulai harus TTTT-BB-HH.", "The start date must be YYYY-MM-DD.");
  if (t.valid_to) {
    auto to = parse_date(*t.valid_to);
    if (!to) add("valid_to", "invalid", "Tanggal akhir harus TTTT-BB-HH.", "The end date must be YYYY-MM-DD.");
    else if (from && *to < *from) add("valid_to", "before_start", "Tanggal akhir sebelum tanggal mulai.", "The end date is before the start date.");
  }
  int chairs = 0, coordinators = 0, operators = 0;
  for (size_t i = 0; i < t.members.size(); ++i) {
    const auto& m = t.members[i];
    if (m.team_role == "KETUA") ++chairs;
    if (m.team_role == "KOORDINATOR_SISTEM") ++coordinators;
    if (m.team_role == "OPERATOR") ++operators;
  }
  if (chairs != 1) add("members", "one_chair", "Tim harus memiliki tepat satu ketua.", "A team must have exactly one chair (KETUA).");
  if (coordinators < 1 || operators < 1)
    add("members", "coordinator_operator", "Tim harus menunjuk koordinator sistem dan operator data.",
        "A team must name a system coordinator and a data operator.");
  if (!errs.empty()) return Error::invalid(errs);
  return {};
}

}  // namespace pantau::monitoring
