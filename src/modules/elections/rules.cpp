#include "modules/elections/rules.h"

#include "auth/roles.h"
#include "core/region_code.h"

namespace pantau::elections {

std::string_view name(InstrumentStatus s) { return kInstrumentStatuses[static_cast<size_t>(s)]; }

std::string_view name(Verdict v) {
  switch (v) {
    case Verdict::Pending:
      return "PENDING";
    case Verdict::Accepted:
      return "ACCEPTED";
    case Verdict::Rejected:
      return "REJECTED";
    case Verdict::Incomplete:
      return "INCOMPLETE";
  }
  return "PENDING";
}

std::string_view name(ChecklistState s) {
  switch (s) {
    case ChecklistState::NotApplicable:
      return "NOT_APPLICABLE";
    case ChecklistState::Complete:
      return "COMPLETE";
    case ChecklistState::NeedsAction:
      return "NEEDS_ACTION";
    case ChecklistState::AwaitingReview:
      return "AWAITING_REVIEW";
    case ChecklistState::NoEvidence:
      return "NO_EVIDENCE";
  }
  return "NO_EVIDENCE";
}

std::optional<InstrumentStatus> parse_status(std::string_view s) {
  for (size_t i = 0; i < kInstrumentStatuses.size(); ++i)
    if (kInstrumentStatuses[i] == s) return static_cast<InstrumentStatus>(i);
  return std::nullopt;
}

std::optional<Verdict> parse_verdict(std::string_view s) {
  for (auto v : {Verdict::Pending, Verdict::Accepted, Verdict::Rejected, Verdict::Incomplete})
    if (name(v) == s) return v;
  return std::nullopt;
}

Status check_national_admin(const auth::Scope& who) {
  if (!who.national() || !who.can(auth::kOrgAdmin))
    return Error::forbidden(
        "Daftar pemilu dan butir dukungan hanya dikelola administrator pusat.",
        "Elections and checklist items are managed by the central administrator only.");
  return {};
}

Status check_owner(const auth::Scope& who, std::string_view actor_unit_kind,
                   std::string_view instrument_region, bool own_unit, OwnerAction action) {
  if (who.region_code != instrument_region || !who.can(auth::kRecordWrite))
    return Error::forbidden("Instrumen dukungan ini dikelola oleh kantor wilayahnya sendiri.",
                            "This support instrument is managed by the office of its own region.");
  if (actor_unit_kind == "KESBANGPOL") return {};
  if (actor_unit_kind == "PERANGKAT_DAERAH") {
    if (action == OwnerAction::Assign)
      return Error::forbidden(
          "Instrumen dukungan ditugaskan oleh Badan Kesbangpol daerah.",
          "Support instruments are assigned by the regional Kesbangpol office.");
    if (own_unit) return {};
    return Error::forbidden(
        "Perangkat Daerah hanya melaporkan instrumen yang ditugaskan kepadanya.",
        "A Perangkat Daerah reports only on the instruments assigned to it.");
  }
  return Error::forbidden(
      "Instrumen dukungan dikelola oleh Badan Kesbangpol dan Perangkat Daerah.",
      "Support instruments are managed by the Kesbangpol office and the Perangkat Daerah.");
}

std::string reviewer_region(std::string_view region) { return region_parent(region); }

bool is_reviewer(const auth::Scope& who, std::string_view instrument_region) {
  return region_level(instrument_region) != RegionLevel::National &&
         who.region_code == reviewer_region(instrument_region) && who.can(auth::kRecordReview);
}

Result<Verdict> check_verdict(const auth::Scope& who, std::string_view instrument_region,
                              bool superseded, std::string_view verdict, bool has_note) {
  if (!is_reviewer(who, instrument_region))
    return Error::forbidden("Penilaian data dukung diberikan oleh tingkat pemerintahan di atasnya.",
                            "Evidence is reviewed by the next tier of government up.");
  auto v = parse_verdict(verdict);
  if (!v || *v == Verdict::Pending)
    return Error::invalid_field("verdict", "not_allowed",
                                "Pilih salah satu: ACCEPTED, REJECTED, INCOMPLETE.",
                                "Choose one of: ACCEPTED, REJECTED, INCOMPLETE.");
  if (superseded)
    return Error::conflict("evidence.superseded",
                           "Data dukung ini sudah diganti dengan berkas baru.",
                           "This evidence has been replaced by a newer file.");
  if (*v != Verdict::Accepted && !has_note)
    return Error::invalid_field(
        "note", "required", "Sebutkan apa yang kurang atau salah agar daerah dapat memperbaikinya.",
        "Say what is missing or wrong so that the region can put it right.");
  return *v;
}

Status check_replacement(const Evidence& old) {
  if (!old.active())
    return Error::conflict("evidence.superseded",
                           "Data dukung ini sudah diganti dengan berkas lain.",
                           "This evidence has already been replaced.");
  if (old.verdict == Verdict::Accepted)
    return Error::conflict("evidence.accepted",
                           "Data dukung yang sudah diterima tidak dapat diganti.",
                           "Evidence that was accepted cannot be replaced.");
  return {};
}

Status check_item_applies(const SupportItem& item, const Election& election) {
  if (item.applies_to != "ALL" && item.applies_to != election.type)
    return Error::invalid_field("item_code", "other_election_type",
                                "Butir dukungan ini tidak berlaku untuk jenis pemilihan ini.",
                                "This checklist item does not apply to this type of election.");
  // ISO dates compare correctly as text.
  if (item.effective_from > election.polling_date ||
      (item.effective_to && *item.effective_to <= election.polling_date))
    return Error::invalid_field(
        "item_code", "not_in_force",
        "Butir dukungan ini tidak berlaku pada hari pemungutan suara pemilihan ini.",
        "This checklist item is not in force on this election's polling day.");
  return {};
}

Status check_election_area(const Election& election, std::string_view region) {
  if (!region_within(region, election.scope_region_code))
    return Error::invalid_field("org_unit_id", "outside_election",
                                "Perangkat Daerah ini di luar wilayah pemilihan tersebut.",
                                "This Perangkat Daerah lies outside the area of that election.");
  return {};
}

Status check_instrument_values(bool item_has_amount, const std::optional<int64_t>& amount,
                               InstrumentStatus status, std::string_view note) {
  std::vector<FieldError> errs;
  if (amount && !item_has_amount)
    errs.push_back({"amount_rupiah",
                    "not_applicable",
                    {"Butir dukungan ini tidak memiliki nilai rupiah.",
                     "This checklist item carries no Rupiah amount."}});
  if (status == InstrumentStatus::NotApplicable && note.empty())
    errs.push_back({"note",
                    "required",
                    {"Sebutkan alasan butir ini tidak berlaku.",
                     "Give the reason why this item does not apply."}});
  if (!errs.empty()) return Error::invalid(std::move(errs));
  return {};
}

bool valid_item_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 64) return false;
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

ChecklistState checklist_state(InstrumentStatus status, bool has_reason,
                               const EvidenceTally& tally) {
  if (status == InstrumentStatus::NotApplicable && has_reason) return ChecklistState::NotApplicable;
  if (tally.failing() > 0) return ChecklistState::NeedsAction;
  if (tally.pending > 0) return ChecklistState::AwaitingReview;
  if (tally.total() == 0) return ChecklistState::NoEvidence;
  return ChecklistState::Complete;
}

bool is_complete(InstrumentStatus status, bool has_reason, const EvidenceTally& tally) {
  auto s = checklist_state(status, has_reason, tally);
  return s == ChecklistState::Complete || s == ChecklistState::NotApplicable;
}

bool needs_action(const EvidenceTally& tally) { return tally.failing() > 0; }

bool is_applicable(InstrumentStatus status, bool has_reason) {
  return !(status == InstrumentStatus::NotApplicable && has_reason);
}

std::optional<int> readiness_score(int64_t completed, int64_t applicable) {
  if (applicable <= 0) return std::nullopt;
  if (completed < 0) completed = 0;
  if (completed > applicable) completed = applicable;
  return static_cast<int>(completed * 100 / applicable);
}

void Readiness::add(InstrumentStatus status, bool has_reason, const EvidenceTally& tally,
                    int64_t count) {
  if (!is_applicable(status, has_reason)) return;
  applicable += count;
  if (is_complete(status, has_reason, tally)) completed += count;
}

}  // namespace pantau::elections
