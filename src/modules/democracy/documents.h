// Documents for the Pokja IDI meeting: the BPS-style table of the provisional index beside the
// official values, and the evidence annex, as PDF (report/pdf.h) and XLSX (report/xlsx.h). Both
// carry the label that the provisional index is not the official BPS figure, and show exactly
// what provisional_json() shows on the screen. The PDF is an official document: it prints the
// letterhead of the region's Kesbangpol office (org/public.h) and is issued through the document
// register (documents/register.h), whose number and QR code it carries.
#pragma once
#include <string>

#include "auth/scope.h"
#include "core/error.h"
#include "db/database.h"
#include "documents/register.h"

namespace pantau::democracy {

// What the register needs before the PDF is rendered (kind IDI_POKJA_REPORT, record
// "<region>/<year>", issued by the region's office).
documents::DocumentRef pokja_document(db::Conn& c, const std::string& region, int year);
Result<std::string> pokja_pdf(db::Conn& c, const auth::Scope& s, const std::string& region, int year, const documents::Stamp& stamp);
Result<std::string> pokja_xlsx(db::Conn& c, const auth::Scope& s, const std::string& region, int year);

}  // namespace pantau::democracy
