// SQL of meetings. Every function takes the caller's Scope: a meeting (and everything in it) is
// visible within the subtree of its region and the caller's clearance; an action item also
// within the subtree of its owner's region, so an office sees what it owes to a provincial
// rakor. Writes append audit rows in the same transaction. A change to what the Berita Acara
// says (agreements, action items, minutes, attendance) after someone signed it voids the
// signatures: the meeting's ba_revision grows and the signatures of earlier revisions show as
// voided (signatures_voided_at says when).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/time.h"
#include "db/database.h"
#include "db/page.h"
#include "modules/meetings/model.h"

namespace pantau::meetings {

std::optional<Meeting> get_meeting(db::Conn& c, const auth::Scope& s, int64_t id);
Result<int64_t> create_meeting(db::Conn& c, const auth::Scope& s, const MeetingInput& in);
Status update_meeting(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const MeetingInput& in);
// A status step (rules.h transition); INVITE also makes the check-in code.
Status act_on_meeting(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, MeetingAction a, TimePoint now);

std::vector<Participant> participants(db::Conn& c, int64_t meeting_id);
std::optional<Participant> get_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t pid);
// Invited participant (officer) or attendance recorded by an officer (present, drawn signature).
Result<int64_t> add_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const Participant& p);
Status update_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t pid, const Participant& p);

// Self check-in: the meeting of a code while its window is open (nothing else is reachable
// from the code). A participant already on the list by the same name is marked present.
struct CheckinMeeting {
  int64_t id = 0;
  std::string title, venue, start_at, end_at, region_code;
  bool open = false;
};
std::optional<CheckinMeeting> checkin_meeting(db::Conn& c, const std::string& token, TimePoint now);
Result<int64_t> self_checkin(db::Conn& c, const std::string& token, const Participant& p, const std::string& ip, TimePoint now);

std::optional<Minutes> get_minutes(db::Conn& c, int64_t meeting_id);
Status save_minutes(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const Minutes& m);
Status approve_minutes(db::Conn& c, const auth::Scope& s, int64_t meeting_id);

std::vector<Agreement> agreements(db::Conn& c, int64_t meeting_id);
Result<int64_t> add_agreement(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const Agreement& a);
Status update_agreement(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t aid, int64_t version, const Agreement& a);

// ---- speakers, their materials, and the photo documentation (store_files.cpp) ----
// The files are evidence files of the files store (region and classification of the meeting):
// a material has entity "meeting_speaker" and the speaker's id, a photo entity "meeting_photo"
// and the meeting's id (its caption in meeting_photos). Changing any of them needs the meeting
// writable by the caller (its region in the caller's area, record.write) and not closed.
std::vector<Speaker> speakers(db::Conn& c, int64_t meeting_id);  // in order, with their materials
std::vector<Photo> photos(db::Conn& c, int64_t meeting_id);      // oldest first
std::optional<Speaker> get_speaker(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid);
struct SpeakerInput {
  std::optional<std::string> name, position, topic;
  std::optional<int> sort_order;
};
Result<int64_t> add_speaker(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const SpeakerInput& in);
Status update_speaker(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid, int64_t version, const SpeakerInput& in);
// Removes the speaker and its materials.
Status remove_speaker(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid, int64_t version);
// Where a material may be added: the writable meeting of the speaker (404 when either is not found).
Result<Meeting> material_target(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid);
// Where a photo may be added: a writable meeting that was held and is not closed (409 otherwise).
Result<Meeting> photo_target(db::Conn& c, const auth::Scope& s, int64_t meeting_id);
// Records a file placed in the files store as the speaker's material (audited by the files store
// and as "add_material" of the speaker).
Status add_material(db::Conn& c, const auth::Scope& s, const Meeting& m, int64_t sid, const std::string& file_audit_name,
                    int64_t file_id);
Status remove_material(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid, int64_t file_id);
Result<int64_t> add_photo(db::Conn& c, const auth::Scope& s, const Meeting& m, int64_t file_id, const std::string& caption);
Status remove_photo(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t photo_id);
std::optional<Photo> get_photo(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t photo_id);
// A material of a speaker of a meeting the caller may read.
std::optional<MeetingFile> get_material(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid, int64_t file_id);

// Signs the Berita Acara: the participant linked to the caller's account, or (an officer) a
// participant without an account with the signature drawn on the tablet.
Status sign_berita_acara(db::Conn& c, const auth::Scope& s, int64_t meeting_id, std::optional<int64_t> pid,
                         const std::string& strokes);

// What the Berita Acara of a meeting needs.
struct BeritaAcaraContent {
  Meeting meeting;
  std::vector<Participant> participants;
  std::vector<Agreement> agreements;
  std::vector<ActionItem> actions;
  std::optional<Minutes> minutes;
  std::vector<Speaker> speakers;
  std::vector<Photo> photos;
  bool final = false;
};
std::optional<BeritaAcaraContent> berita_acara_content(db::Conn& c, const auth::Scope& s, int64_t meeting_id);

// The meetings visible to the caller, newest first, one keyset page (with the number of
// agreements and of participants present, counted in the same query).
struct MeetingSummary {
  int64_t id = 0;
  Meeting meeting;
  int64_t agreements = 0, present = 0;
};
struct MeetingQuery {
  std::string status, type;  // "" = any
  db::Paging page;
};
db::Page<MeetingSummary> list_meetings(db::Conn& c, const auth::Scope& s, const MeetingQuery& q);

// "Today" in the office's time zone (overdue items, the agenda of a series).
Date today_in(const std::string& region_code, TimePoint now);

// A meeting as its screen shows it: the record and everything in it, the items still open from
// earlier meetings of its series, whether self check-in is open, and the check-in code for
// those who run the meeting (record.write). json.cpp writes it; `version` is the meeting's.
struct MeetingDetail {
  BeritaAcaraContent content;  // actions with their links and follow-ups
  std::vector<ActionItem> carried_over;
  Date today;
  bool checkin_open = false;
  bool show_checkin_token = false;
  int64_t version = 0;
};
std::optional<MeetingDetail> meeting_detail(db::Conn& c, const auth::Scope& s, int64_t id, TimePoint now);
// The same after a write in the same transaction (absent: 404).
Result<MeetingDetail> meeting_after(db::Conn& c, const auth::Scope& s, int64_t id, TimePoint now);

// An action item as answered: with its state as of `today` (OVERDUE past the due date).
struct ActionItemAt {
  ActionItem item;
  Date today;
  int64_t version = 0;
};
std::optional<ActionItemAt> action_item_at(db::Conn& c, const auth::Scope& s, int64_t id, TimePoint now);
Result<ActionItemAt> action_item_after(db::Conn& c, const auth::Scope& s, int64_t id, TimePoint now);
// The action item a follow-up belongs to (0 when there is none).
int64_t action_item_of_follow_up(db::Conn& c, int64_t follow_up_id);

// Open agreements and action items of the earlier meetings of the series (the agenda item
// "tindak lanjut kesepakatan sebelumnya").
std::vector<ActionItem> carried_over(db::Conn& c, const auth::Scope& s, const Meeting& m);

}  // namespace pantau::meetings
