// What the store files of meetings share (store.cpp, store_participants.cpp, store_minutes.cpp,
// store_agreements.cpp, store_signatures.cpp): the column lists and row readers of each record,
// the scope and state checks, the audit row, and the voiding of signatures. Only for those files.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"
#include "modules/meetings/model.h"

namespace pantau::meetings::detail {

inline constexpr const char* kMeetingColumns =
    "m.id, m.series, m.type, m.title, m.theme, m.legal_basis, m.region_code, COALESCE(r.name, ''), m.organiser_org_unit_id, "
    "COALESCE(o.name, ''), m.chair_name, m.chair_position, m.secretary_name, m.start_at, m.end_at, m.venue, m.mode, "
    "m.online_link, m.agenda, m.budget_source, m.invitation_no, m.invitation_date, m.status, COALESCE(m.checkin_token, ''), "
    "m.classification, m.ba_revision, m.signatures_voided_at, m.version";
inline constexpr const char* kMeetingFrom =
    " FROM meetings m LEFT JOIN regions r ON r.code = m.region_code LEFT JOIN org_units o ON o.id = m.organiser_org_unit_id";
inline constexpr const char* kItemColumns =
    "a.id, a.meeting_id, a.agreement_id, a.source, a.source_ref, a.region_code, a.action, a.output, a.indicator, "
    "a.owner_org_unit_id, COALESCE(o.name, ''), a.owner_person, a.support_units, a.start_date, a.due_date, a.budget_source, "
    "a.budget_amount, a.status, a.progress_pct, a.version, COALESCE(m.title, '')";
inline constexpr const char* kItemFrom =
    " FROM action_items a LEFT JOIN org_units o ON o.id = a.owner_org_unit_id LEFT JOIN meetings m ON m.id = a.meeting_id";
inline constexpr const char* kParticipantColumns =
    "id, meeting_id, name, position, institution, participant_type, phone, represented_by, user_id, invited, present, "
    "required_signatory, checked_in_at, checkin_method, attendance_signature, ba_signed_at, ba_signed_revision, ba_signature";

Meeting meeting_of(const db::Row& r);              // a row of kMeetingColumns
ActionItem item_of(const db::Row& r);              // a row of kItemColumns
Participant participant_of(const db::Row& r);      // a row of kParticipantColumns
std::optional<Meeting> load_meeting(db::Conn& c, int64_t id);  // without a scope check
bool sees(const auth::Scope& s, const std::string& region, int cls);
// The meeting in scope (404 otherwise) when the caller may write records (403 otherwise).
Result<Meeting> writable_meeting(db::Conn& c, const auth::Scope& s, int64_t id);
// 409 meeting.closed for a closed or cancelled meeting.
Status closed_guard(const Meeting& m);
void audit_row(db::Conn& c, const auth::Scope& s, const char* action, const char* entity, int64_t id, const std::string& region,
               int cls, std::optional<std::string> before, std::optional<std::string> after);
// A change to what the Berita Acara says, after somebody signed it, voids the signatures.
void berita_acara_changed(db::Conn& c, const auth::Scope& s, const Meeting& m);
Result<std::string> checked_time(const std::string& v, const char* field);
std::vector<Link> links_of(db::Conn& c, const char* owner, int64_t id);
Status save_links(db::Conn& c, const char* owner, int64_t id, const std::string& region, const std::vector<Link>& links);
std::vector<FollowUp> follow_ups_of(db::Conn& c, int64_t item);
std::vector<FieldError> participant_errors(const Participant& p);

}  // namespace pantau::meetings::detail
