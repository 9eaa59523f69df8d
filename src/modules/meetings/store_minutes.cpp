// The minutes (notula) of a meeting and their approval by the chair.
#include "auth/roles.h"
#include "modules/meetings/json.h"
#include "modules/meetings/store.h"
#include "modules/meetings/store_internal.h"

namespace pantau::meetings {

using namespace detail;

// ---- minutes -------------------------------------------------------------------------------

std::optional<Minutes> get_minutes(db::Conn& c, int64_t meeting_id) {
  std::optional<Minutes> out;
  c.query("SELECT n.opening_summary, n.discussion, n.questions, n.conclusions, n.approved_at, COALESCE(u.full_name, ''), n.version "
          "FROM meeting_minutes n LEFT JOIN users u ON u.id = n.approved_by WHERE n.meeting_id = ?",
          {meeting_id}, [&](const db::Row& r) {
            Minutes m;
            m.opening_summary = r.str(0);
            read_minutes_columns(m, r.text(1), r.text(2), r.text(3));
            m.approved_at = r.opt_str(4);
            if (m.approved_at) m.approved_by_name = r.str(5);
            m.version = r.i64(6);
            out = m;
          });
  return out;
}

Status save_minutes(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const Minutes& n) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  if (m.status == MeetingStatus::Planned || m.status == MeetingStatus::Invited)
    return Error::conflict("meeting.not_held", "Notula ditulis setelah rapat berlangsung.", "Minutes are written once the meeting was held.");
  auto [d, q, k] = minutes_columns(n);
  bool exists = c.query_i64("SELECT 1 FROM meeting_minutes WHERE meeting_id = ?", {meeting_id}).has_value();
  if (exists)
    c.exec("UPDATE meeting_minutes SET opening_summary = ?, discussion = ?, questions = ?, conclusions = ?, approved_by = NULL, "
           "approved_at = NULL, version = version + 1 WHERE meeting_id = ?",
           {n.opening_summary, d, q, k, meeting_id});
  else
    c.exec("INSERT INTO meeting_minutes (meeting_id, opening_summary, discussion, questions, conclusions) VALUES (?, ?, ?, ?, ?)",
           {meeting_id, n.opening_summary, d, q, k});
  berita_acara_changed(c, s, m);
  audit_row(c, s, exists ? "update" : "create", "meeting_minutes", meeting_id, m.region_code, m.classification, std::nullopt, k);
  return {};
}

Status approve_minutes(db::Conn& c, const auth::Scope& s, int64_t meeting_id) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  if (!s.can(auth::kRecordReview)) return Error::forbidden();
  if (!get_minutes(c, meeting_id))
    return Error::conflict("meeting.no_minutes", "Notula belum ditulis.", "The minutes are not written yet.");
  c.exec("UPDATE meeting_minutes SET approved_by = ?, approved_at = ? WHERE meeting_id = ?",
         {s.user_id > 0 ? db::Value(s.user_id) : db::Value(), now_iso(), meeting_id});
  audit_row(c, s, "approve", "meeting_minutes", meeting_id, m.region_code, m.classification, std::nullopt, std::nullopt);
  return {};
}

}  // namespace pantau::meetings
