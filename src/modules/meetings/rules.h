// Pure rules of meetings: the status machine, the check-in window, overdue items, signature
// states and whether the Berita Acara is final, and the validation of a drawn signature.
// No I/O; tested by tables in tests/fixtures/meetings_*.tsv.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/time.h"
#include "modules/meetings/model.h"

namespace pantau::meetings {

// What a transition depends on besides the current status.
struct TransitionFacts {
  int participants = 0;        // invited participants
  bool started = false;        // now >= start_at
  bool minutes_approved = false;
  bool berita_acara_final = false;  // every required signatory signed the current revision
};

// planned -> invited (needs participants) -> held (once started) -> minuted (approved minutes)
// -> closed (final Berita Acara); planned or invited -> cancelled. Anything else is a 409 with
// the reason.
Result<MeetingStatus> transition(MeetingStatus from, MeetingAction a, const TransitionFacts& f);

// Self check-in is open from 30 minutes before the start to the end of the meeting, and only
// while the meeting is INVITED or HELD.
bool checkin_open(MeetingStatus s, TimePoint start, TimePoint end, TimePoint now);

// "OVERDUE" for an open or in-progress item past its due date (the day after `due` in the
// region's local time), else its stored status.
std::string effective_status(std::string_view status, std::string_view due_date, Date today);
bool is_open(std::string_view status);  // OPEN, IN_PROGRESS (action items); AGREED, IN_PROGRESS (agreements)

// How a participant attended: invited and present, invited and absent, present without an
// invitation (a walk-in, "hadir tanpa undangan"), or only on the list (not yet invited).
enum class Attendance { InvitedPresent, InvitedAbsent, WalkIn, Listed };
std::string_view name(Attendance a);
Attendance attendance_of(const Participant& p);
inline bool walk_in(const Participant& p) { return attendance_of(p) == Attendance::WalkIn; }
// Whether a participant an officer adds is stored as invited: only one added while the invitations
// are out and not yet present (one recorded present at the door is a walk-in; one added while the
// meeting is planned becomes invited when the invitations are sent).
bool added_as_invited(MeetingStatus s, bool present);

SignatureState signature_state(const Participant& p, int64_t ba_revision);
// Every present required signatory has signed the current revision (and there is at least one).
bool berita_acara_final(const std::vector<Participant>& ps, int64_t ba_revision);

// A drawn signature as JSON: [[[x,y],[x,y],...], ...] in the 300 x 120 box; at most 60 strokes
// and 3000 points; at least one stroke of two points. Errors name `field`.
Result<Strokes> parse_strokes(std::string_view json, const std::string& field);
std::string strokes_json(const Strokes& s);

}  // namespace pantau::meetings
