// SQL of the democracy index; every function takes the caller's Scope.
//
// Official values are national reference data: everyone with record.read reads them, only a
// national administrator imports them. Evidence and proposals carry a region (a province or a
// kab/kota) and a classification and are read and changed only inside the caller's subtree and
// clearance. Every write appends an audit row.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/csv.h"
#include "db/database.h"
#include "modules/democracy/model.h"
#include "modules/democracy/rules.h"

namespace pantau::democracy {

// Reference data from data/: idi_indicators.csv, idi_values.csv, idi_weights.csv (upserts, so
// running the seeder again updates them). The first weight set becomes active when none is.
Status seed_reference(db::Conn& c, const std::string& data_dir);

std::vector<Indicator> indicators(db::Conn& c, const std::string& method = std::string(kNewMethod));
std::string indicators_json(db::Conn& c);

// --- official values -------------------------------------------------------------------
struct ValueFilter {
  std::optional<int> year;
  std::string level, province, scope;
};
std::string values_json(db::Conn& c, const ValueFilter& f);
// For one year: every province of regions with its official total or `missing: true`, and the
// national, central and provincial-aggregate numbers (null when not established).
std::string coverage_json(db::Conn& c, int year);
// The series of one province ("" = national) per year: total and the three aspects.
std::string trend_json(db::Conn& c, const std::string& province);
// The provinces' values for one year and aspect ("" = total), for the choropleth.
std::string choropleth_json(db::Conn& c, int year, const std::string& aspect);

struct ImportReport {
  int rows = 0, imported = 0;
  std::vector<std::pair<int, FieldError>> refused;  // line and why
};
// Import of official values (CSV or the first sheet of an XLSX), columns as data/idi_values.csv.
// Every row is checked first; if any is refused nothing is written. National administrators only.
// One audit row records the import (the file's SHA-256 and the row count).
Result<ImportReport> import_values(db::Conn& c, const auth::Scope& s, const CsvTable& t, const std::string& sha256);

// --- weights ----------------------------------------------------------------------------
std::optional<WeightSet> active_weights(db::Conn& c);
std::string weight_sets_json(db::Conn& c);
// A new weight set (validated: sums to 1, source and date) made the active one. National
// administrators only.
Status create_weight_set(db::Conn& c, const auth::Scope& s, const WeightSet& w);

// --- evidence ---------------------------------------------------------------------------
struct EvidenceInput {
  std::string region_code, event_date, description, source, handled_by;
  int indicator_no = 0, sign = 0, classification = 0;
};
std::vector<FieldError> validate_evidence(const EvidenceInput& in);
Result<int64_t> create_evidence(db::Conn& c, const auth::Scope& s, const EvidenceInput& in);
struct EvidenceFilter {
  std::string region;  // a subtree inside the caller's scope ("" = all of it)
  std::optional<int> year, indicator;
};
std::string evidence_list_json(db::Conn& c, const auth::Scope& s, const EvidenceFilter& f, std::optional<int64_t> after, int limit);
std::optional<std::string> evidence_json(db::Conn& c, const auth::Scope& s, int64_t id, int64_t* version = nullptr);
Status update_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const EvidenceInput& in);
Status delete_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version);

// --- proposals from Pantau's own records ------------------------------------------------
std::vector<ProposalRule> proposal_rules(db::Conn& c, bool active_only);
std::string proposal_rules_json(db::Conn& c);
// National administrators only; If-Match version.
Status update_proposal_rule(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ProposalRule& r,
                            const std::string& note);
// Reads the records written since the last scan (conflict incidents, political events, submitted
// LPJ) and stores what the active rules propose; returns the number of new proposals. Runs as the
// system: a proposal keeps its record's region and classification and is listed only to users
// who may see that record.
int64_t scan_proposals(db::Conn& c);
std::string proposals_json(db::Conn& c, const auth::Scope& s, const std::string& status, std::optional<int64_t> after, int limit);
std::optional<std::string> proposal_json(db::Conn& c, const auth::Scope& s, int64_t id, int64_t* version = nullptr);
// Accept: creates the evidence item (the proposal's fields, any of which `edit` may change) and
// links it to the proposal. Dismiss: keeps the proposal as DISMISSED so it is not proposed again.
Result<int64_t> accept_proposal(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const EvidenceInput& edit);
Status dismiss_proposal(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version);

// --- provisional index ------------------------------------------------------------------
// The provisional index of every province and kab/kota for `year` from the evidence of that year:
// region -> composite and tallies. A province counts its own evidence and its kab/kota's.
struct RegionProvisional {
  std::string region_code;
  std::vector<ProvisionalIndicator> indicators;
  Composite composite;
};
std::vector<RegionProvisional> compute_provisional(db::Conn& c, int year, const WeightSet& w);
// One region (a province or a kab/kota inside the caller's scope) beside its official values,
// with the difference explained per indicator; `kabkota` lists its kab/kota's totals for the map.
Result<std::string> provisional_json(db::Conn& c, const auth::Scope& s, const std::string& region, int year);
// Back-testing: for each province with both an official total for `year` and evidence of that
// year, the provisional total against the official one.
std::string backtest_json(db::Conn& c, const auth::Scope& s, int year);

// --- improvement plan ---------------------------------------------------------------------
// The plan of a region and year: its five weakest indicators in the provisional index, and the
// action items for them. The items ARE the meetings module's action items (meetings/public.h,
// source "democracy", source_ref "idi-plan:<region>:<year>"): owners, due dates, follow-ups and
// their verification are that module's; this one only lists and adds them.
Result<std::string> plan_json(db::Conn& c, const auth::Scope& s, const std::string& region, int year);
struct PlanItemInput {
  std::string region_code, action, output, owner_person, due_date;
  int year = 0, indicator_no = 0;
};
// Adds an action item for an indicator of the plan (record.write within the region; the meetings
// module validates it and writes its audit row).
Result<int64_t> add_plan_item(db::Conn& c, const auth::Scope& s, const PlanItemInput& in);

}  // namespace pantau::democracy
