// Civil-society organisations (ormas; UU 17/2013 as amended by UU 16/2017, Permendagri 57/2017;
// DOMAIN.md §5): the registry of ormas active in the region with their board, the local
// registration (tanda lapor) and its verification clock, SKT validity, annual activity reports
// and the sanction ladder.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace pantau::ormas {

inline const std::vector<std::string_view> kLegalForms = {"PERKUMPULAN_BH", "YAYASAN_BH", "NON_BH"};
inline const std::vector<std::string_view> kScopes = {"NASIONAL", "PROVINSI", "KABKOTA"};
inline const std::vector<std::string_view> kFields = {"AGAMA",   "KEPERCAYAAN", "SOSIAL",     "KEPEMUDAAN", "PEREMPUAN",
                                                      "LINGKUNGAN", "ANTI_NARKOBA", "BUDAYA",   "PROFESI",    "PENDIDIKAN",
                                                      "KESEHATAN", "EKONOMI",    "HUKUM_HAM", "OLAHRAGA",   "ADAT"};
inline const std::vector<std::string_view> kPositions = {"KETUA", "WAKIL_KETUA", "SEKRETARIS", "BENDAHARA", "ANGGOTA",
                                                         "PEMBINA", "PENASEHAT"};
inline const std::vector<std::string_view> kStatuses = {"ACTIVE", "ACTIVITY_STOPPED", "REVOKED", "INACTIVE"};

// The local registration (tanda lapor) state machine (DOMAIN.md §5.7).
enum class RegState { Submitted, UnderVerification, IncompleteNotified, Resubmitted, IncompleteExpired, Closed, Approved,
                      ReceiptIssued, Refused };
std::string_view name(RegState s);
std::optional<RegState> parse_reg_state(std::string_view s);
inline const std::vector<std::string_view> kRegActions = {"verify", "notify_incomplete", "resubmit", "expire", "close",
                                                          "approve", "issue_receipt", "refuse"};

// What a transition's guard needs to know.
struct RegFacts {
  bool all_required_valid = false;  // every required document judged VALID
  bool any_not_valid = false;       // some required document PENDING or INVALID
  bool completion_overdue = false;  // today is after the applicant's completion deadline
};

// The SKT as the reminders see it on a day.
enum class SktState { None, Active, Expiring90, Expiring30, Expired };
std::string_view name(SktState s);

// One step of the sanction ladder (ormas_sanction_steps).
struct SanctionStep {
  std::string regime;
  int step = 0;
  std::string level;  // WARNING | ACTIVITY_STOP | REVOCATION
  int response_value = 0;
  std::string response_unit;  // WORKING_DAYS | CALENDAR_DAYS
  std::string legal_basis;
  Date effective_from;
  std::optional<Date> effective_to;
};

// A sanction already imposed, as the ladder sees it.
struct IssuedSanction {
  int step = 0;
  std::string level;
  bool complied = false;
};

}  // namespace pantau::ormas
