// Official documents of a meeting: the Berita Acara (tata naskah dinas layout: letterhead,
// number, the day and date in words, opening statement, numbered agreements, action-plan table,
// closing statement, the chair's signature and a signature block for every participant with
// their drawn signature or "signed in Pantau at <time>"), issued through the document register
// (a draft with DRAF on every page until every required signatory signed), and the action-plan
// tracker as an XLSX workbook.
#pragma once
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"
#include "documents/register.h"
#include "modules/meetings/model.h"

namespace pantau::meetings {

// NotFound outside the caller's scope; 409 meeting.not_held before the meeting took place.
Result<documents::DocumentRef> berita_acara_document(db::Conn& c, const auth::Scope& s, int64_t meeting_id);
Result<std::string> berita_acara_pdf(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const documents::Stamp& stamp);

// The other official documents of a meeting, in the same layout and issued through the register
// the same way (number, QR, /verifikasi, a re-issue supersedes the earlier one):
//  - the invitation letter (surat undangan): once there are invited participants; a draft until
//    the meeting is INVITED; its number is the meeting's invitation_no when one was written;
//  - the attendance list (daftar hadir): from the start of the meeting (INVITED or later);
//  - the minutes (notula): once written; a draft until the chair approved them;
//  - the activity report (laporan kegiatan): once the meeting was held; a draft until the
//    minutes are approved.
// NotFound outside the caller's scope; 409 with the reason when the document cannot exist yet.
enum class MeetingDocument { Invitation, Attendance, Minutes, Report };
Result<documents::DocumentRef> meeting_document(db::Conn& c, const auth::Scope& s, int64_t meeting_id, MeetingDocument d);
Result<std::string> meeting_document_pdf(db::Conn& c, const auth::Scope& s, int64_t meeting_id, MeetingDocument d,
                                         const documents::Stamp& stamp);

Result<std::string> tracker_xlsx(const std::vector<ActionItem>& items, Date today, const std::string& area_name);

}  // namespace pantau::meetings
