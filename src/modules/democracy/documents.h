// Documents for the Pokja IDI meeting: the BPS-style table of the provisional index beside the
// official values, and the evidence annex, as PDF (report/pdf.h) and XLSX (report/xlsx.h). Both
// carry the label that the provisional index is not the official BPS figure, and show exactly
// what provisional_json() shows on the screen.
#pragma once
#include <string>

#include "auth/scope.h"
#include "core/error.h"
#include "db/database.h"

namespace pantau::democracy {

Result<std::string> pokja_pdf(db::Conn& c, const auth::Scope& s, const std::string& region, int year);
Result<std::string> pokja_xlsx(db::Conn& c, const auth::Scope& s, const std::string& region, int year);

}  // namespace pantau::democracy
