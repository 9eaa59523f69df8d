// The JSON of meetings, all of it written in json.cpp with the JSON writer: the answers of the
// API (to_json of each record the handlers answer, found by the handler kit) and the audit
// snapshots and stored columns the store writes. The store includes this header, never
// http/json.h.
#pragma once
#include <string>
#include <string_view>

#include "modules/meetings/model.h"
#include "modules/meetings/public.h"
#include "modules/meetings/store.h"

namespace pantau::meetings {

// ---- answers ----------------------------------------------------------------------------------
std::string to_json(const MeetingDetail& d);
std::string to_json(const MeetingSummary& m);
std::string to_json(const ActionItem& a, Date today);
std::string to_json(const ActionItemAt& a);
std::string to_json(const TrackerPage& page);
std::string to_json(const RealisedTally& t);
std::string to_json(const LinkedRef& l);
std::string to_json(const CheckinMeeting& m);
std::string checkin_recorded_json(const std::string& name);
std::string to_json(const Speaker& sp);
std::string to_json(const Photo& p);

// ---- audit snapshots ---------------------------------------------------------------------------
std::string audit_json(const Meeting& m);
std::string signatures_voided_json(int64_t ba_revision, int64_t voided);
std::string participant_created_json(int64_t meeting_id, const Participant& p);
std::string participant_updated_json(const Participant& p);
std::string self_checkin_json(int64_t meeting_id, const std::string& name, const std::string& institution, const std::string& ip);
std::string agreement_created_json(int64_t meeting_id, int64_t number, const Agreement& a);
std::string agreement_wording_json(const std::string& text, const std::string& status);
std::string signed_json(const std::string& participant, int64_t ba_revision, bool drawn);
std::string action_item_created_json(const ActionItemInput& in, const std::string& region);
// The owner and due date of an action item before or after a reassignment (with its reason).
std::string action_item_owner_json(std::optional<int64_t> unit_id, const std::string& unit_name, const std::string& person,
                                   const std::string& due_date, const std::string& reason);
std::string action_item_state_json(const std::string& status, int progress_pct, const std::string& due_date);
std::string follow_up_created_json(int64_t item_id, const FollowUp& f, const std::string& evidence);
std::string speaker_audit_json(int64_t meeting_id, const Speaker& sp);
// A file of a meeting (a speaker's material or a photo with its caption).
std::string file_link_audit_json(int64_t meeting_id, int64_t file_id, const std::string& name, const std::string& caption);
std::string follow_up_verified_json(int64_t follow_up_id, bool accepted);

// ---- the minutes' stored columns (JSON arrays) -------------------------------------------------
struct MinutesColumns {
  std::string discussion, questions, conclusions;
};
MinutesColumns minutes_columns(const Minutes& m);
// Reads the stored columns back into `m` (entries of the wrong shape are skipped).
void read_minutes_columns(Minutes& m, std::string_view discussion, std::string_view questions, std::string_view conclusions);

}  // namespace pantau::meetings
