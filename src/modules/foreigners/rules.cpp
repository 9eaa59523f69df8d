#include "modules/foreigners/rules.h"

#include <array>

namespace pantau::foreigners {

namespace {
constexpr std::array<std::string_view, 8> kStateNames = {"REPORTED", "DOCUMENTS_VERIFIED", "DECIDED", "ACTIVE",
                                                         "ENDED", "VIOLATION_FOUND", "REFERRED", "CLOSED"};
Error refused(std::string id, std::string en) { return Error::conflict("foreigners.transition", std::move(id), std::move(en)); }
}  // namespace

std::string_view name(PresenceState s) { return kStateNames[static_cast<size_t>(s)]; }

std::optional<PresenceState> parse_presence_state(std::string_view s) {
  for (size_t i = 0; i < kStateNames.size(); ++i)
    if (kStateNames[i] == s) return static_cast<PresenceState>(i);
  return std::nullopt;
}

std::string_view name(PermitState s) {
  static constexpr std::array<std::string_view, 5> n = {"NONE", "VALID", "EXPIRING_30", "EXPIRING_7", "EXPIRED"};
  return n[static_cast<size_t>(s)];
}

Result<PresenceState> presence_transition(PresenceState from, std::string_view action, const PresenceFacts& f) {
  using S = PresenceState;
  if (action == "verify_documents" && from == S::Reported) return S::DocumentsVerified;
  if (action == "decide" && (from == S::DocumentsVerified || (from == S::Decided && f.decision == "POSTPONED"))) {
    if (f.new_decision.empty())
      return Error::invalid_field("decision", "required", "Pilih keputusan.", "Choose a decision.");
    return S::Decided;
  }
  if (action == "activate" && from == S::Decided) {
    if (f.decision != "APPROVED" && f.decision != "NOTED")
      return refused("Hanya kunjungan/kegiatan yang disetujui atau dicatat yang dapat berjalan.",
                     "Only an approved or noted presence can become active.");
    return S::Active;
  }
  if (action == "end" && from == S::Active) return S::Ended;
  if (action == "find_violation" && from == S::Active) {
    if (!f.has_noncompliant_check)
      return refused("Catat dulu pemeriksaan lapangan yang menemukan pelanggaran.",
                     "Record the field check that found the violation first.");
    return S::ViolationFound;
  }
  if (action == "refer" && from == S::ViolationFound) {
    if (!f.has_referral)
      return Error::invalid_field("agency", "required", "Sebutkan instansi dan nomor surat rujukan.",
                                  "Give the agency and the referral letter number.");
    return S::Referred;
  }
  if (action == "close" && (from == S::Referred || from == S::Ended || (from == S::Decided && f.decision == "REJECTED")))
    return S::Closed;
  return refused("Tindakan ini tidak dapat dilakukan pada tahap " + std::string(name(from)) + ".",
                 "This action is not possible at stage " + std::string(name(from)) + ".");
}

std::vector<std::string_view> allowed_actions(PresenceState from, const PresenceFacts& f) {
  std::vector<std::string_view> out;
  PresenceFacts with = f;
  with.new_decision = "APPROVED";
  with.has_referral = true;
  for (auto action : kActions)
    if (presence_transition(from, action, with)) out.push_back(action);
  return out;
}

PermitState permit_state(std::optional<Date> valid_to, Date today, int first, int second) {
  if (!valid_to) return PermitState::None;
  int64_t left = days_from_civil(*valid_to) - days_from_civil(today);
  if (left < 0) return PermitState::Expired;
  if (left <= second) return PermitState::Expiring7;
  if (left <= first) return PermitState::Expiring30;
  return PermitState::Valid;
}

bool valid_nationality(std::string_view code) {
  if (code.size() != 3 || code == "IDN") return false;
  for (char ch : code)
    if (ch < 'A' || ch > 'Z') return false;
  return true;
}

}  // namespace pantau::foreigners
