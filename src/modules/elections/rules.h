// Pure rules of the election-support checklist: who may assign, report and review; when an
// item applies to an election; when an instrument is complete; the readiness score. No I/O;
// tested by the tables in tests/fixtures/elections_*.tsv.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "auth/scope.h"
#include "core/error.h"
#include "modules/elections/model.h"

namespace pantau::elections {

// Elections and checklist items are national reference data: only the ministry's administrator.
Status check_national_admin(const auth::Scope& who);

// What an office does with an instrument: assign it to a Perangkat Daerah, or report on it
// (update target, realisation and status; link evidence).
enum class OwnerAction { Assign, Report };

// The instrument's own region manages it: a user scoped exactly to that region, with
// record.write. The Kesbangpol office assigns and reports; a user of a Perangkat Daerah
// reports on its own unit's instruments only; other units (partners) do neither.
// `actor_unit_kind` is the kind of the user's org unit; `own_unit` whether the instrument is
// assigned to that unit.
Status check_owner(const auth::Scope& who, std::string_view actor_unit_kind,
                   std::string_view instrument_region, bool own_unit, OwnerAction action);

// The tier that reviews evidence of `region`: the province for a kab/kota, the ministry ("")
// for a province.
std::string reviewer_region(std::string_view region);
bool is_reviewer(const auth::Scope& who, std::string_view instrument_region);

// A verdict on one piece of evidence. Only the reviewing tier with record.review; not on
// evidence that has been replaced; a note is required unless the verdict is ACCEPTED.
Result<Verdict> check_verdict(const auth::Scope& who, std::string_view instrument_region,
                              bool superseded, std::string_view verdict, bool has_note);

// Evidence may be replaced while it is current and not accepted.
Status check_replacement(const Evidence& old);

// The item applies to the election: its type, and in force on polling day.
Status check_item_applies(const SupportItem& item, const Election& election);
// The Perangkat Daerah lies in the election's area.
Status check_election_area(const Election& election, std::string_view region);
// An amount only for items that carry one; NOT_APPLICABLE needs its reason in the note.
Status check_instrument_values(bool item_has_amount, const std::optional<int64_t>& amount,
                               InstrumentStatus status, std::string_view note);

bool valid_item_code(std::string_view code);  // 2-64 of A-Z 0-9 _

// Completion (DOMAIN.md §1.5): complete when the instrument has at least one current evidence
// and all of it is accepted, or when it is NOT_APPLICABLE with a reason.
ChecklistState checklist_state(InstrumentStatus status, bool has_reason,
                               const EvidenceTally& tally);
bool is_complete(InstrumentStatus status, bool has_reason, const EvidenceTally& tally);
// Goes back to the region: some current evidence was rejected or found incomplete.
bool needs_action(const EvidenceTally& tally);
// Counts in the readiness score (NOT_APPLICABLE with a reason does not).
bool is_applicable(InstrumentStatus status, bool has_reason);

// Readiness of a region: completed / applicable instruments as a whole percent, rounded down
// (100 only when everything is complete); nothing when no instrument applies.
std::optional<int> readiness_score(int64_t completed, int64_t applicable);

struct Readiness {
  int64_t applicable = 0, completed = 0;
  void add(InstrumentStatus status, bool has_reason, const EvidenceTally& tally, int64_t count = 1);
  std::optional<int> score() const { return readiness_score(completed, applicable); }
};

}  // namespace pantau::elections
