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

Result<std::string> tracker_xlsx(const std::vector<ActionItem>& items, Date today, const std::string& area_name);

}  // namespace pantau::meetings
