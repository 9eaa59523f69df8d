// Official documents of party aid (banpol, DOMAIN.md §2.5, §2.8), in the layout of the office's
// other letters (kop surat of the region's Kesbangpol, numbered parts, signature blocks):
// the Berita Acara hasil verifikasi of an application, the draft Keputusan of the head of region
// on the amounts per party, the Berita Acara Serah Terima once the aid is paid, and the annual
// evaluation recap as XLSX. Every function reads through the caller's Scope: a record outside
// it is "not found".
#pragma once
#include <cstdint>
#include <string>

#include "auth/scope.h"
#include "db/database.h"
#include "documents/register.h"

namespace pantau::party_aid {

// From VERIFICATION_SCHEDULED on (a draft until VERIFIED), with a recorded verification team:
// party, board, year, seats, votes, value per vote, amount, each document's verdict, the usage
// plan, the conclusion and the team's signatures. 409 banpol.verification_not_scheduled /
// banpol.verification_team_missing otherwise.
Result<std::string> verification_report_pdf(db::Conn& c, const auth::Scope& s, int64_t id,
                                            const documents::Stamp& stamp);
Result<documents::DocumentRef> verification_report_document(db::Conn& c, const auth::Scope& s, int64_t id);

// Draft decree of the governor / bupati / wali kota on the aid of every seat-holding party of
// a province or kab/kota: Menimbang, Mengingat (banpol_legal_instruments and the region's
// value row), the table party / votes / value / amount, the total in figures and words.
// 409 banpol.no_allocation without seat-holding parties, banpol.votes_missing while a
// party's valid votes are unknown.
// Always a draft: DRAF on every page, number and date left blank for the head of region.
Result<std::string> decree_pdf(db::Conn& c, const auth::Scope& s, const std::string& region,
                               int64_t fiscal_year, const documents::Stamp& stamp);
documents::DocumentRef decree_document(const std::string& region, int64_t fiscal_year);

// Once DISBURSED: the handover between the head of Kesbangpol (for the regional government)
// and the party chair, the amount in figures and words, SP2D and account, witnesses.
// 409 banpol.not_disbursed otherwise.
Result<std::string> handover_report_pdf(db::Conn& c, const auth::Scope& s, int64_t id,
                                        const documents::Stamp& stamp);
Result<documents::DocumentRef> handover_report_document(db::Conn& c, const auth::Scope& s, int64_t id);

// The annual evaluation recap of every seat-holding party in every province and kab/kota under
// `root` (within the caller's scope): allocation, application status, determined and paid
// amounts, the political-education share of the plan, the LPJ of that year and its audit,
// last year's LPJ and the sanction.
Result<std::string> evaluation_xlsx(db::Conn& c, const auth::Scope& s, const std::string& root,
                                    int64_t fiscal_year);

}  // namespace pantau::party_aid
