// Official documents of the monitoring module: the quarterly report as a PDF in the layout of a
// government report (kop surat, numbered sections, the team head's signature) and the recap of
// who reported as an XLSX workbook.
#pragma once
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"
#include "documents/register.h"
#include "modules/monitoring/model.h"

namespace pantau::monitoring {

// Reads what the PDF needs (office letterhead, active team, sources) and builds it with the
// register's stamp (number, QR code; a DRAF watermark while the report is a draft).
// A province's report also lists its kab/kota reports of the period (those the caller may see).
Result<std::string> report_pdf(db::Conn& c, const auth::Scope& s, const PeriodicReport& r, const documents::Stamp& stamp);
// The register entry of the report's PDF: issued by the region's office, a draft while DRAFT.
documents::DocumentRef report_document(const PeriodicReport& r);
Result<std::string> recap_xlsx(const std::string& report_type, const std::string& period, const std::vector<RecapRow>& rows);

}  // namespace pantau::monitoring
