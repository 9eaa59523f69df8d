// Coordination meetings (DOMAIN.md §9): rakor, forums, public discussions and the like, their
// participants and attendance (with self check-in at the door), minutes, numbered agreements,
// action items with follow-ups, and the Berita Acara every required participant signs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pantau::meetings {

inline const std::vector<std::string_view> kMeetingTypes = {
    "RAKOR", "RAPAT_TEKNIS", "FORUM", "DISKUSI_PUBLIK", "FGD", "PERTEMUAN_LINTAS_PARPOL", "SOSIALISASI", "BIMTEK", "RAPAT_TIM"};
inline const std::vector<std::string_view> kModes = {"OFFLINE", "ONLINE", "HYBRID"};
inline const std::vector<std::string_view> kParticipantTypes = {"GOV",      "PARTY",    "ORMAS", "ELECTION_BODY",
                                                                "SECURITY", "ACADEMIC", "MEDIA", "PUBLIC"};
inline const std::vector<std::string_view> kAgreementCategories = {"BUDGET",    "FACILITY",     "PROGRAM", "COORDINATION",
                                                                   "REPORTING", "NEXT_MEETING", "POLICY"};
inline const std::vector<std::string_view> kAgreementStatuses = {"AGREED", "IN_PROGRESS", "REALISED", "NOT_REALISED", "DROPPED"};
inline const std::vector<std::string_view> kActionStatuses = {"OPEN", "IN_PROGRESS", "DONE", "CANCELLED"};
// What an agreement or action item may point at (the record where the problem is).
inline const std::vector<std::string_view> kLinkKinds = {"monitoring_report", "fast_report", "incident",
                                                         "hotspot",           "alert",       "banpol_application"};

enum class MeetingStatus { Planned, Invited, Held, Minuted, Closed, Cancelled };
enum class MeetingAction { Invite, Hold, Minute, Close, Cancel };

std::string_view name(MeetingStatus s);
std::optional<MeetingStatus> parse_status(std::string_view s);
std::string_view name(MeetingAction a);
std::optional<MeetingAction> parse_action(std::string_view s);

// A drawn signature: strokes of points in a 300 x 120 box (origin top-left, as drawn on a screen).
struct Point {
  double x = 0, y = 0;
};
using Strokes = std::vector<std::vector<Point>>;

struct Participant {
  int64_t id = 0, meeting_id = 0;
  std::string name, position, institution, participant_type = "GOV", phone, represented_by;
  std::optional<int64_t> user_id;  // a participant with an account signs the Berita Acara in the app
  bool invited = false, present = false, required_signatory = true;
  std::optional<std::string> checked_in_at, checkin_method;  // SELF | OFFICER
  std::string attendance_signature;                            // strokes JSON; "" = none
  std::optional<std::string> ba_signed_at;
  std::optional<int64_t> ba_signed_revision;
  std::string ba_signature;  // strokes JSON of a signature drawn on the officer's tablet; "" = signed in the app
};

// The state of a participant's signature on the Berita Acara of the current revision.
enum class SignatureState { NotRequired, Pending, Signed, Voided };
std::string_view name(SignatureState s);

struct Link {
  std::string kind;
  int64_t id = 0;
};

struct Agreement {
  int64_t id = 0, meeting_id = 0;
  int number = 0;
  std::string text, category, addressees, status = "AGREED";
  std::optional<std::string> target_date;
  std::vector<Link> links;
  int64_t version = 1;
};

struct FollowUp {
  int64_t id = 0, action_item_id = 0;
  std::string date, action_taken, outcome, next_step, status = "REPORTED";  // REPORTED | VERIFIED | REJECTED
  std::vector<int64_t> evidence_file_ids;
  int progress_pct = 0;
  std::string reported_by_name;
  std::optional<std::string> verified_at, verified_by_name;
};

struct ActionItem {
  int64_t id = 0;
  std::optional<int64_t> meeting_id, agreement_id;
  std::string source = "meeting", source_ref;  // another module's plan: e.g. "democracy", "idi-plan:12"
  std::string region_code, action, output, indicator, owner_person, support_units, budget_source;
  std::optional<int64_t> owner_org_unit_id;
  std::string owner_org_unit_name;
  std::optional<std::string> start_date;
  std::string due_date;
  int64_t budget_amount = 0;
  std::string status = "OPEN";
  int progress_pct = 0;
  std::vector<Link> links;
  std::vector<FollowUp> follow_ups;
  std::string meeting_title;
  int64_t version = 1;
};

// A file kept for a meeting in the files store (a speaker's material, a documentation photo).
struct MeetingFile {
  int64_t id = 0;  // evidence_files.id
  std::string name, mime, sha256;
  int64_t size = 0;
};

// A speaker (narasumber): name, position / institution, topic, order, and the materials.
struct Speaker {
  int64_t id = 0, meeting_id = 0;
  std::string name, position, topic;
  int sort_order = 1;
  std::vector<MeetingFile> materials;
  int64_t version = 1;
};

// A photo of the meeting's documentation (dokumentasi) with its caption.
struct Photo {
  int64_t id = 0, meeting_id = 0;
  MeetingFile file;
  std::string caption, created_at;
};

struct Minutes {
  std::string opening_summary;
  std::vector<std::pair<std::string, std::string>> discussion;  // speaker, summary
  std::vector<std::pair<std::string, std::string>> questions;   // question, answer
  std::vector<std::string> conclusions;
  std::optional<std::string> approved_at, approved_by_name;
  int64_t version = 0;  // 0 = not written yet
};

struct Meeting {
  int64_t id = 0;
  std::string series;  // meetings of one series (the annual rakor) share it; "" = none
  std::string type, title, theme, legal_basis, region_code, region_name, chair_name, chair_position, secretary_name;
  std::optional<int64_t> organiser_org_unit_id;
  std::string organiser_name;
  std::string start_at, end_at, venue, mode = "OFFLINE", online_link, agenda, budget_source, invitation_no;
  std::optional<std::string> invitation_date;
  MeetingStatus status = MeetingStatus::Planned;
  std::string checkin_token;
  int classification = 0;
  int64_t ba_revision = 1;
  std::optional<std::string> signatures_voided_at;
  int64_t version = 1;
};

// The fields of a create or update; absent fields stay unchanged on update.
struct MeetingInput {
  std::optional<std::string> type, title, theme, legal_basis, region_code, chair_name, chair_position, secretary_name, start_at,
      end_at, venue, mode, online_link, agenda, budget_source, invitation_no, invitation_date;
  std::optional<std::string> series;
  std::optional<int64_t> organiser_org_unit_id;
  std::optional<int> classification;
};

}  // namespace pantau::meetings
