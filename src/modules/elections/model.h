// Regional-government support to elections (dukungan pemerintah daerah; UU 7/2017 Art. 434;
// DOMAIN.md §1.5): the elections, the checklist items (data with a legal basis and an effective
// date), the support instruments assigned to Perangkat Daerah, and their evidence (data dukung)
// with the verdict of the reviewing tier.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "db/page.h"

namespace pantau::elections {

inline const std::vector<std::string_view> kElectionTypes = {"PEMILU", "PILKADA"};
inline const std::vector<std::string_view> kAppliesTo = {"ALL", "PEMILU", "PILKADA"};
inline const std::vector<std::string_view> kConfidence = {"C", "P", "U"};

// What the assigned Perangkat Daerah reports about its own work.
enum class InstrumentStatus { NotStarted, InProgress, Done, NotApplicable };
inline const std::vector<std::string_view> kInstrumentStatuses = {"NOT_STARTED", "IN_PROGRESS",
                                                                  "DONE", "NOT_APPLICABLE"};

// The reviewer's judgement of one piece of evidence. New evidence starts Pending.
enum class Verdict { Pending, Accepted, Rejected, Incomplete };
inline const std::vector<std::string_view> kGivenVerdicts = {"ACCEPTED", "REJECTED", "INCOMPLETE"};

// Where an instrument stands on the checklist, derived from its status and its evidence.
enum class ChecklistState {
  NotApplicable,   // NOT_APPLICABLE with a reason: complete, and outside the readiness score
  Complete,        // at least one evidence, all of it accepted
  NeedsAction,     // some evidence was rejected or found incomplete: goes back to the region
  AwaitingReview,  // evidence waits for the reviewer's verdict
  NoEvidence,      // nothing uploaded yet
};

std::string_view name(InstrumentStatus s);
std::string_view name(Verdict v);
std::string_view name(ChecklistState s);
std::optional<InstrumentStatus> parse_status(std::string_view s);
std::optional<Verdict> parse_verdict(std::string_view s);

// The verdicts of an instrument's current evidence (superseded evidence is not counted).
struct EvidenceTally {
  int64_t accepted = 0, rejected = 0, incomplete = 0, pending = 0;
  int64_t total() const { return accepted + rejected + incomplete + pending; }
  int64_t failing() const { return rejected + incomplete; }
};

struct Election {
  int64_t id = 0;
  std::string type, name, polling_date, scope_region_code, scope_region_name, legal_basis,
      created_at;
  int64_t year = 0;
  int64_t version = 1;
};

struct SupportItem {
  int64_t id = 0;
  std::string code;
  Message description;
  std::string legal_basis, confidence, source_note, effective_from, applies_to, created_at,
      added_by_username;
  std::optional<std::string> effective_to;
  bool has_amount = false;
  int64_t sort_order = 1000;
  std::optional<int64_t> added_by;
  int64_t version = 1;
};

struct Instrument {
  int64_t id = 0, election_id = 0, org_unit_id = 0, item_id = 0;
  std::string election_name, region_code, region_name, org_unit_name, item_code, legal_basis;
  Message item_description;
  bool has_amount = false;
  std::string target, realisation, note, created_at, updated_at;
  std::optional<int64_t> amount_rupiah;
  InstrumentStatus status = InstrumentStatus::NotStarted;
  int classification = 0;
  EvidenceTally tally;
  int64_t version = 1;
};

struct Evidence {
  int64_t id = 0, instrument_id = 0, file_id = 0;
  std::string file_name, file_mime, file_sha256, description, linked_at, linked_by_username;
  std::string linked_by_name, verdict_by_name;  // the people's full names, for the screens
  int64_t file_size = 0;
  std::optional<int64_t> replaces_id, superseded_by, verdict_by, linked_by;
  Verdict verdict = Verdict::Pending;
  std::string verdict_note, verdict_by_username;
  std::optional<std::string> verdict_at;
  int64_t version = 1;
  bool active() const { return !superseded_by.has_value(); }
};

// One page of a list (db/page.h); pass next_after as ?after= for the next one.
template <class T>
using Page = db::Page<T>;

}  // namespace pantau::elections
