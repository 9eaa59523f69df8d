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
