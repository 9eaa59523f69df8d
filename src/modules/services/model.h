// The public service desk (DOMAIN.md §6, §8): services of an office with their service
// standards, requests of the public (public-information requests, objections, complaints,
// research permits) each with a working-day clock, and the satisfaction survey (SKM).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pantau::services {

// Kinds of request; a service has one kind and the kind decides its workflow.
inline constexpr std::string_view kInfoRequest = "INFO_REQUEST";
inline constexpr std::string_view kInfoObjection = "INFO_OBJECTION";
inline constexpr std::string_view kComplaint = "COMPLAINT";
inline constexpr std::string_view kResearchPermit = "RESEARCH_PERMIT";
inline const std::vector<std::string_view> kKinds = {kInfoRequest, kInfoObjection, kComplaint, kResearchPermit};

inline const std::vector<std::string_view> kChannels = {"PORTAL", "COUNTER", "PHONE", "EMAIL", "LAPOR", "SOCIAL"};

// Who may take a step: the office's staff (with a permission) or the applicant (public).
enum class Actor { Staff, Applicant };

// One row of a workflow: from `from`, `action` leads to `to`. `stops_clock`: the office has
// answered (the clock is finished); `pauses`/`resumes`: the office waits for the applicant.
struct Transition {
  std::string_view kind, from, action, to;
  Actor actor;
  std::string_view permission;  // for staff steps
  bool stops_clock = false;
  bool pauses = false;
  bool resumes = false;
};

// The first status of a new request of a kind.
std::string_view initial_status(std::string_view kind);
// The workflow table (rules.cpp), the one place the state machines are written down.
const std::vector<Transition>& transitions();
// The row for (kind, from, action), or nullptr when that step is not allowed.
const Transition* find_transition(std::string_view kind, std::string_view from, std::string_view action);

// PPID responses (UU 14/2008; Perki 1/2021).
inline const std::vector<std::string_view> kResponseTypes = {"GRANTED_FULL", "GRANTED_PARTIAL", "REJECTED_EXEMPT", "NOT_HELD",
                                                             "NOT_YET_DOCUMENTED"};
// Grounds of an objection (UU 14/2008 Art. 35 (1) a-g).
inline const std::vector<std::string_view> kObjectionGrounds = {"A_EXEMPT_REFUSAL", "B_PERIODIC_NOT_PROVIDED", "C_NOT_ANSWERED",
                                                                "D_NOT_AS_REQUESTED", "E_NOT_FULFILLED", "F_UNREASONABLE_FEE",
                                                                "G_LATE"};
inline const std::vector<std::string_view> kObjectionDecisions = {"UPHELD", "DISMISSED"};
// Grounds of a refusal of exempt information (UU 14/2008 Art. 17 a-j), named on ANSWER with
// REJECTED_EXEMPT and counted in the annual PPID report.
inline const std::vector<std::string_view> kExemptions = {"PASAL_17_A", "PASAL_17_B", "PASAL_17_C", "PASAL_17_D", "PASAL_17_E",
                                                          "PASAL_17_F", "PASAL_17_G", "PASAL_17_H", "PASAL_17_I", "PASAL_17_J"};
// Information classes of the Daftar Informasi Publik.
inline const std::vector<std::string_view> kInfoClasses = {"BERKALA", "SERTA_MERTA", "SETIAP_SAAT", "DIKECUALIKAN"};
// Information dispute stages at the Komisi Informasi.
inline const std::vector<std::string_view> kDisputeStages = {"REGISTERED", "MEDIATION", "ADJUDICATION", "DECIDED", "APPEALED"};
bool dispute_step_allowed(std::string_view from, std::string_view to);

// Research permits: applicant types and the documents each needs (DOMAIN.md §6.3).
inline const std::vector<std::string_view> kApplicantTypes = {"INDIVIDUAL", "UNIVERSITY", "COMPANY", "ORMAS_NON_BH", "ORMAS_BH",
                                                              "GOVERNMENT", "NONPROFIT"};
struct DocumentType {
  std::string_view code;
  Message label;
};
const std::vector<DocumentType>& document_types();
// The documents a research permit application must carry for an applicant type; a foreign
// researcher also needs the research permit of the national research agency (BRIN).
std::vector<std::string_view> required_documents(std::string_view applicant_type, bool foreign);
inline const std::vector<std::string_view> kVerdicts = {"PENDING", "OK", "REVISE", "NOT_APPLICABLE"};

// The 14 components of a service standard (UU 25/2009 Art. 21), in order; `published`: shown
// on the public portal (the service-delivery components of PermenPANRB 15/2014).
struct StandardComponent {
  std::string_view key;
  Message label;
  bool published;
};
const std::array<StandardComponent, 14>& standard_components();

// SKM (PermenPANRB 14/2017): nine elements, each answered 1-4.
inline constexpr int kSkmElements = 9;
const std::array<Message, kSkmElements>& skm_elements();
struct SkmResult {
  int respondents = 0;
  std::array<double, kSkmElements> element_mean{};  // NRR per element
  double index = 0;                                  // IKM, 25..100, two decimals
  char band = '-';                                   // A, B, C, D ('-' with no respondents)
  Message band_label;
};

}  // namespace pantau::services
