// Action items as a capability of other modules (the democracy index improvement plan, the
// Ombudsman follow-up plan of public services, ...): an item with an owner office and person,
// a due date, progress and follow-ups with evidence that the organiser verifies. Items made
// here carry the owning module's `source` and `source_ref` instead of a meeting. Also the
// reverse view: which meetings and action items point at a record of another module.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/time.h"
#include "db/database.h"
#include "modules/meetings/model.h"

namespace pantau::meetings {

struct ActionItemInput {
  std::optional<int64_t> meeting_id, agreement_id;  // for items of a meeting
  std::string source = "meeting", source_ref;       // for items of another module's plan
  std::string region_code;                          // the owner's region ("" = the owner office's)
  std::string action, output, indicator, owner_person, support_units, budget_source;
  std::optional<int64_t> owner_org_unit_id;
  std::optional<std::string> start_date;
  std::string due_date;
  int64_t budget_amount = 0;
  int classification = 0;
  std::vector<Link> links;
};

// Validates and stores an item (record.write within the region); audit row in the transaction.
Result<int64_t> create_action_item(db::Conn& c, const auth::Scope& s, const ActionItemInput& in);
// status / progress / due date / owner person; If-Match version.
// A change of owner (office, person) or due date is the organiser's (record.write over the
// meeting's region, or the item's own when it has no meeting) and needs a reason; the audit
// entry "reassign" holds the old and the new owner and due date and the reason.
struct ActionItemUpdate {
  std::optional<std::string> status, due_date, owner_person, output, indicator;
  std::optional<int64_t> owner_org_unit_id;
  std::optional<int> progress_pct;
  std::string reason;
};
Status update_action_item(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ActionItemUpdate& u);
std::optional<ActionItem> get_action_item(db::Conn& c, const auth::Scope& s, int64_t id);
// The items of another module's plan (source, source_ref), in the caller's scope.
std::vector<ActionItem> action_items_of(db::Conn& c, const auth::Scope& s, const std::string& source, const std::string& source_ref);

// A follow-up by the owner (progress, evidence file ids of the caller's uploads); verification
// by the organiser (record.review over the meeting's or the item's region), which moves the
// item's progress and, at 100%, marks it DONE.
Result<int64_t> add_follow_up(db::Conn& c, const auth::Scope& s, int64_t item_id, const FollowUp& f);
Status verify_follow_up(db::Conn& c, const auth::Scope& s, int64_t follow_up_id, bool accept);

// The tracker: open items in scope, overdue (earliest due date) first. Keyset pages by
// (due_date, id). Filters: status (OPEN | IN_PROGRESS | OVERDUE | DONE | CANCELLED | "" = open),
// owner org unit, region subtree, meeting.
struct TrackerQuery {
  std::string status, region;
  std::optional<int64_t> owner_org_unit_id, meeting_id;
  std::optional<std::string> after_due;
  std::optional<int64_t> after_id;
  int limit = 50;
};
struct TrackerPage {
  std::vector<ActionItem> items;
  std::optional<std::string> next_after;  // "<due_date>_<id>"
  Date today;                             // the day the states (OVERDUE) are judged on
};
TrackerPage tracker(db::Conn& c, const auth::Scope& s, const TrackerQuery& q, Date today);

// Agreements realised per office: the dashboard tile.
struct RealisedTally {
  std::string org_unit_name;
  int64_t total = 0, done = 0, overdue = 0;
};
std::vector<RealisedTally> realised_by_office(db::Conn& c, const auth::Scope& s, Date today);

// "Discussed in meeting ... / action items" for a record of another module.
struct LinkedRef {
  std::string owner;  // agreement | action_item
  int64_t owner_id = 0, meeting_id = 0;
  std::string meeting_title, text, status, due_date;
};
std::vector<LinkedRef> linked_to(db::Conn& c, const auth::Scope& s, const std::string& kind, int64_t id, Date today);

// Housekeeping: notifies owner office and organiser of items that became overdue (once per
// item); returns how many.
int notify_overdue(db::Conn& c, Date today);

// Meetings that took place (HELD, MINUTED or CLOSED) changed at or after `updated_since` (an ISO
// time), with how many participants came from parties or ormas: what the democracy index
// proposes as evidence of public participation. No scope: the caller keeps each meeting's
// region and classification and shows it only to those who may see the meeting.
struct HeldMeeting {
  int64_t id = 0;
  std::string type, title, region_code, held_on;
  int classification = 0;
  int64_t party_or_ormas = 0;
};
inline std::vector<HeldMeeting> held_meetings_since(db::Conn& c, const std::string& updated_since) {
  std::vector<HeldMeeting> out;
  c.query("SELECT m.id, m.type, m.title, m.region_code, m.start_at, m.classification, "
          "(SELECT COUNT(*) FROM meeting_participants p WHERE p.meeting_id = m.id AND p.participant_type IN ('PARTY', 'ORMAS')) "
          "FROM meetings m WHERE m.status IN ('HELD', 'MINUTED', 'CLOSED') AND m.updated_at >= ?",
          {updated_since}, [&](const db::Row& r) {
            out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4).substr(0, 10), static_cast<int>(r.i64(5)), r.i64(6)});
          });
  // Sorted here: an ORDER BY id in the query makes SQLite walk the whole table in id order
  // instead of the few rows the meetings_updated index finds.
  std::sort(out.begin(), out.end(), [](const HeldMeeting& a, const HeldMeeting& b) { return a.id < b.id; });
  return out;
}

}  // namespace pantau::meetings
