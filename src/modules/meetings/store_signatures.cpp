// Signatures of the Berita Acara: in the app by a participant with an account, or drawn on the
// officer's tablet for one without.
#include "auth/roles.h"
#include "modules/meetings/json.h"
#include "modules/meetings/rules.h"
#include "modules/meetings/store.h"
#include "modules/meetings/store_internal.h"

namespace pantau::meetings {

using namespace detail;

// ---- signatures ----------------------------------------------------------------------------

Status sign_berita_acara(db::Conn& c, const auth::Scope& s, int64_t meeting_id, std::optional<int64_t> pid, const std::string& strokes) {
  auto m = get_meeting(c, s, meeting_id);
  if (!m) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
  if (m->status != MeetingStatus::Held && m->status != MeetingStatus::Minuted)
    return Error::conflict("meeting.not_signable", "Berita Acara ditandatangani setelah rapat berlangsung dan sebelum ditutup.",
                           "The Berita Acara is signed after the meeting was held and before it is closed.");
  auto ps = participants(c, meeting_id);
  const Participant* who = nullptr;
  std::string sig;
  if (pid) {
    // An officer records the signature drawn on the tablet of a participant without an account.
    if (!s.can(auth::kRecordWrite)) return Error::forbidden();
    for (auto& p : ps)
      if (p.id == *pid) who = &p;
    if (!who) return Error::not_found("Peserta tidak ditemukan.", "Participant not found.");
    if (who->user_id)
      return Error::conflict("meeting.signs_in_app", "Peserta ini memiliki akun dan menandatangani sendiri di Pantau.",
                             "This participant has an account and signs in Pantau themselves.");
    PANTAU_TRY(Strokes st, parse_strokes(strokes, "signature"));
    sig = strokes_json(st);
  } else {
    for (auto& p : ps)
      if (p.user_id && *p.user_id == s.user_id) who = &p;
    if (!who) return Error::forbidden("Anda tidak tercatat sebagai peserta rapat ini.", "You are not a participant of this meeting.");
  }
  if (!who->present)
    return Error::conflict("meeting.not_present", "Hanya peserta yang hadir yang menandatangani Berita Acara.",
                           "Only participants who attended sign the Berita Acara.");
  std::string now = now_iso();
  c.exec("UPDATE meeting_participants SET ba_signed_at = ?, ba_signed_revision = ?, ba_signature = ? WHERE id = ?",
         {now, m->ba_revision, sig, who->id});
  audit_row(c, s, "sign", "meeting_berita_acara", meeting_id, m->region_code, m->classification, std::nullopt,
            signed_json(who->name, m->ba_revision, !sig.empty()));
  return {};
}

}  // namespace pantau::meetings
