// Participants and attendance of a meeting: invited by an officer, present by an officer or by self
// check-in at the door.
#include <algorithm>

#include "auth/roles.h"
#include "core/strings.h"
#include "modules/actors/public.h"
#include "modules/meetings/json.h"
#include "modules/meetings/rules.h"
#include "modules/meetings/store.h"
#include "modules/meetings/store_internal.h"

namespace pantau::meetings {

using namespace detail;

// ---- participants --------------------------------------------------------------------------

std::vector<Participant> participants(db::Conn& c, int64_t meeting_id) {
  std::vector<Participant> out;
  c.query(std::string("SELECT ") + kParticipantColumns + " FROM meeting_participants WHERE meeting_id = ? ORDER BY id", {meeting_id},
          [&](const db::Row& r) { out.push_back(participant_of(r)); });
  return out;
}

std::optional<Participant> get_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t pid) {
  if (!get_meeting(c, s, meeting_id)) return std::nullopt;
  std::optional<Participant> p;
  c.query(std::string("SELECT ") + kParticipantColumns + " FROM meeting_participants WHERE meeting_id = ? AND id = ?",
          {meeting_id, pid}, [&](const db::Row& r) { p = participant_of(r); });
  return p;
}

Result<int64_t> add_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const Participant& p) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  auto errs = participant_errors(p);
  if (!p.attendance_signature.empty()) {
    auto st = parse_strokes(p.attendance_signature, "attendance_signature");
    if (!st.ok()) errs.insert(errs.end(), st.error().fields.begin(), st.error().fields.end());
  }
  if (p.user_id && !c.query_i64("SELECT 1 FROM users WHERE id = ?", {*p.user_id}))
    errs.push_back({"user_id", "not_found", {"Akun tidak ditemukan.", "Account not found."}});
  if (!errs.empty()) return Error::invalid(errs);
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO meeting_participants (meeting_id, name, position, institution, participant_type, phone, represented_by, user_id, "
      "invited, present, required_signatory, checked_in_at, checkin_method, attendance_signature) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {meeting_id, trim(p.name), trim(p.position), trim(p.institution), p.participant_type, trim(p.phone), trim(p.represented_by),
       p.user_id ? db::Value(*p.user_id) : db::Value(), int64_t{added_as_invited(m.status, p.present) ? 1 : 0},
       int64_t{p.present ? 1 : 0}, int64_t{p.required_signatory ? 1 : 0}, p.present ? db::Value(now) : db::Value(),
       p.present ? db::Value(std::string("OFFICER")) : db::Value(), p.attendance_signature});
  if (p.present) berita_acara_changed(c, s, m);
  actors::link_record(c, s, {trim(p.name), "", "", "", m.region_code}, false,  // one actor across modules
                      {"meetings", "meeting_participant", std::to_string(id), "MEETING_PARTICIPANT", "Peserta rapat: " + m.title,
                       m.region_code, m.classification});
  audit_row(c, s, "create", "meeting_participant", id, m.region_code, m.classification, std::nullopt,
            participant_created_json(meeting_id, p));
  return id;
}

Status update_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t pid, const Participant& p) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  auto cur = get_participant(c, s, meeting_id, pid);
  if (!cur) return Error::not_found("Peserta tidak ditemukan.", "Participant not found.");
  auto errs = participant_errors(p);
  if (!p.attendance_signature.empty()) {
    auto st = parse_strokes(p.attendance_signature, "attendance_signature");
    if (!st.ok()) errs.insert(errs.end(), st.error().fields.begin(), st.error().fields.end());
  }
  if (!errs.empty()) return Error::invalid(errs);
  bool newly_present = p.present && !cur->present;
  std::string now = now_iso();
  c.exec("UPDATE meeting_participants SET name = ?, position = ?, institution = ?, participant_type = ?, phone = ?, "
         "represented_by = ?, present = ?, required_signatory = ?, attendance_signature = ?, checked_in_at = ?, checkin_method = ? "
         "WHERE id = ?",
         {trim(p.name), trim(p.position), trim(p.institution), p.participant_type, trim(p.phone), trim(p.represented_by),
          int64_t{p.present ? 1 : 0}, int64_t{p.required_signatory ? 1 : 0},
          p.attendance_signature.empty() ? cur->attendance_signature : p.attendance_signature,
          newly_present ? db::Value(now) : cur->checked_in_at ? db::Value(*cur->checked_in_at) : db::Value(),
          newly_present ? db::Value(std::string("OFFICER")) : cur->checkin_method ? db::Value(*cur->checkin_method) : db::Value(),
          pid});
  if (cur->present != p.present || cur->required_signatory != p.required_signatory || cur->name != trim(p.name))
    berita_acara_changed(c, s, m);
  audit_row(c, s, "update", "meeting_participant", pid, m.region_code, m.classification, std::nullopt, participant_updated_json(p));
  return {};
}

// ---- self check-in -------------------------------------------------------------------------

std::optional<CheckinMeeting> checkin_meeting(db::Conn& c, const std::string& token, TimePoint now) {
  if (token.size() < 16 || token.size() > 64) return std::nullopt;
  std::optional<CheckinMeeting> out;
  c.query("SELECT id, title, venue, start_at, end_at, region_code, status FROM meetings WHERE checkin_token = ?", {token},
          [&](const db::Row& r) {
            CheckinMeeting m{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), false};
            auto st = parse_status(r.text(6)).value_or(MeetingStatus::Planned);
            auto start = parse_iso(m.start_at), end = parse_iso(m.end_at);
            m.open = start && end && checkin_open(st, *start, *end, now);
            out = m;
          });
  return out;
}

Result<int64_t> self_checkin(db::Conn& c, const std::string& token, const Participant& p, const std::string& ip, TimePoint now) {
  auto m = checkin_meeting(c, token, now);
  if (!m) return Error::not_found();
  if (!m->open)
    return Error::conflict("checkin.closed", "Daftar hadir mandiri hanya dibuka selama rapat berlangsung.",
                           "Self check-in is open only while the meeting takes place.");
  auto errs = participant_errors(p);
  auto strokes = parse_strokes(p.attendance_signature, "signature");
  if (!strokes.ok()) errs.insert(errs.end(), strokes.error().fields.begin(), strokes.error().fields.end());
  if (!errs.empty()) return Error::invalid(errs);
  std::string now_s = format_iso(now);
  std::string sig = strokes_json(*strokes);
  auth::Scope anonymous;
  anonymous.username = "daftar-hadir";
  // An invited participant of the same name (case-insensitive) is marked present; anyone else is added.
  std::optional<int64_t> existing;
  c.query("SELECT id FROM meeting_participants WHERE meeting_id = ? AND LOWER(name) = LOWER(?) AND present = 0 ORDER BY id LIMIT 1",
          {m->id, trim(p.name)}, [&](const db::Row& r) { existing = r.i64(0); });
  int64_t id;
  if (existing) {
    c.exec("UPDATE meeting_participants SET present = 1, checked_in_at = ?, checkin_method = 'SELF', checkin_ip = ?, "
           "attendance_signature = ?, position = CASE WHEN ? <> '' THEN ? ELSE position END, "
           "institution = CASE WHEN ? <> '' THEN ? ELSE institution END WHERE id = ?",
           {now_s, ip, sig, trim(p.position), trim(p.position), trim(p.institution), trim(p.institution), *existing});
    id = *existing;
  } else {
    id = c.insert("INSERT INTO meeting_participants (meeting_id, name, position, institution, participant_type, phone, invited, present, "
                  "required_signatory, checked_in_at, checkin_method, checkin_ip, attendance_signature) VALUES "
                  "(?, ?, ?, ?, ?, ?, 0, 1, 1, ?, 'SELF', ?, ?)",
                  {m->id, trim(p.name), trim(p.position), trim(p.institution), p.participant_type, trim(p.phone), now_s, ip, sig});
  }
  if (auto full = load_meeting(c, m->id)) {
    berita_acara_changed(c, anonymous, *full);
    // One actor across modules, found by name like a participant an officer adds.
    actors::link_record(c, anonymous, {trim(p.name), "", "", "", full->region_code}, false,
                        {"meetings", "meeting_participant", std::to_string(id), "MEETING_PARTICIPANT", "Peserta rapat: " + full->title,
                         full->region_code, full->classification});
  }
  audit_row(c, anonymous, "self_checkin", "meeting_participant", id, m->region_code, 0, std::nullopt,
            self_checkin_json(m->id, trim(p.name), trim(p.institution), ip));
  return id;
}

}  // namespace pantau::meetings
