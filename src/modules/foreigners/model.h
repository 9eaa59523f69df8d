// Monitoring of foreigners and foreign organisations in the regions (Permendagri 49/2010,
// Permendagri 50/2010 for foreign workers; DOMAIN.md §4).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pantau::foreigners {

// The seven categories of Permendagri 49/2010 Art. 2 and foreign workers (Permendagri 50/2010).
inline const std::vector<std::string_view> kCategories = {"DIPLOMAT_VIP", "EXPERT", "JOURNALIST_FILM", "RESEARCHER",
                                                          "ARTIST", "CLERGY", "FOREIGN_ORG", "FOREIGN_WORKER"};
inline const std::vector<std::string_view> kPermitTypes = {"VISIT", "KITAS", "KITAP", "DIPLOMATIC", "OTHER"};
// Evidence sources (Art. 6) and the hotels' reports through APOA.
inline const std::vector<std::string_view> kSources = {"IMMIGRATION_DOC", "PUBLIC_COMPLAINT", "MEDIA", "AGENCY_PERMIT",
                                                       "INTERVIEW", "APOA"};
inline const std::vector<std::string_view> kDecisions = {"APPROVED", "POSTPONED", "REJECTED", "NOTED"};
inline const std::vector<std::string_view> kFollowUps = {"NONE", "RECOMMEND_IMMIGRATION", "RECOMMEND_POLICE"};
inline const std::vector<std::string_view> kActions = {"verify_documents", "decide", "activate", "end",
                                                       "find_violation", "refer", "close"};

// The presence state machine (DOMAIN.md §4.6): REPORTED -> DOCUMENTS_VERIFIED -> DECIDED ->
// ACTIVE -> ENDED | VIOLATION_FOUND -> REFERRED -> CLOSED.
enum class PresenceState { Reported, DocumentsVerified, Decided, Active, Ended, ViolationFound, Referred, Closed };
std::string_view name(PresenceState s);
std::optional<PresenceState> parse_presence_state(std::string_view s);

struct PresenceFacts {
  std::string decision;             // the last decision (APPROVED | POSTPONED | REJECTED | NOTED), "" if none
  std::string new_decision;         // for "decide"
  bool has_noncompliant_check = false;
  bool has_referral = false;        // "refer" records one in the same request
};

enum class PermitState { None, Valid, Expiring30, Expiring7, Expired };
std::string_view name(PermitState s);

}  // namespace pantau::foreigners
