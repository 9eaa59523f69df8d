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
#include "db/page.h"
#include "modules/democracy/model.h"
#include "modules/democracy/rules.h"

namespace pantau::democracy {

// Reference data from data/: idi_indicators.csv, idi_values.csv, idi_weights.csv (upserts, so
// running the seeder again updates them). The first weight set becomes active when none is.
Status seed_reference(db::Conn& c, const std::string& data_dir);

std::vector<Indicator> indicators(db::Conn& c, const std::string& method = std::string(kNewMethod));
// Every indicator of both methods (new method first), with its variable and confidence.
std::vector<Indicator> all_indicators(db::Conn& c);

// --- official values -------------------------------------------------------------------
struct ValueFilter {
  std::optional<int> year;
  std::string level, province, scope;
};
std::vector<OfficialValue> official_values(db::Conn& c, const ValueFilter& f);
// For one year: every province of regions with its official total or `missing: true`, and the
// national, central and provincial-aggregate numbers (null when not established).
struct PublishedTotal {
  Hundredths value = 0;
  std::optional<int64_t> rank;
  std::string source_release;
};
struct ProvinceTotal {
  std::string code, name;
  std::optional<PublishedTotal> total;  // absent: not yet found in a BPS release
};
struct Coverage {
  int year = 0;
  std::optional<PublishedTotal> nasional, pusat, provinsi_agg;
  std::vector<ProvinceTotal> provinces;
  int found = 0, missing = 0;
};
Coverage coverage(db::Conn& c, int year);
// The series of one province ("" = national) per year: total and the three aspects.
struct TrendPoint {
  int year = 0;
  std::string method;
  std::optional<Hundredths> total, kebebasan, kesetaraan, kapasitas;
};
struct Trend {
  std::string province_code;
  std::vector<TrendPoint> series;
};
Trend trend(db::Conn& c, const std::string& province);
// The provinces' values for one year and aspect ("" = total), for the choropleth.
struct ChoroplethArea {
  std::string code, name;
  std::optional<Hundredths> value;  // absent: missing
  std::optional<int64_t> rank;
};
struct Choropleth {
  int year = 0;
  std::string aspect;  // TOTAL or the aspect
  std::vector<ChoroplethArea> items;
};
Choropleth choropleth(db::Conn& c, int year, const std::string& aspect);

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
// Every weight set (without its weights), oldest first, `active` set on the one in use.
std::vector<WeightSet> weight_sets(db::Conn& c);
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
struct Evidence {
  int64_t id = 0, version = 0;
  int year = 0, indicator_no = 0, sign = 0, classification = 0;
  std::string region_code, region_name, event_date, description, source, handled_by, created_at;
  std::optional<std::string> source_kind;  // the record it was accepted from (a proposal), with source_id
  int64_t source_id = 0;
};
// Keyset-paged, newest first.
db::Page<Evidence> list_evidence(db::Conn& c, const auth::Scope& s, const EvidenceFilter& f, const db::Paging& page);
std::optional<Evidence> get_evidence(db::Conn& c, const auth::Scope& s, int64_t id);
Result<Evidence> update_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const EvidenceInput& in);
Status delete_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version);

// --- proposals from Pantau's own records ------------------------------------------------
std::vector<ProposalRule> proposal_rules(db::Conn& c, bool active_only);
// A rule as the administrators see it: with its note and version.
struct RuleRecord : ProposalRule {
  std::string note;
  int64_t version = 0;
  std::optional<std::string> updated_at;
};
std::vector<RuleRecord> rule_records(db::Conn& c);
std::optional<RuleRecord> rule_record(db::Conn& c, int64_t id);
// National administrators only; If-Match version.
Status update_proposal_rule(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ProposalRule& r,
                            const std::string& note);
// Reads the records written since the last scan (conflict incidents, political events, submitted
// LPJ) and stores what the active rules propose; returns the number of new proposals. Runs as the
// system: a proposal keeps its record's region and classification and is listed only to users
// who may see that record.
int64_t scan_proposals(db::Conn& c);
struct ProposalRecord {
  int64_t id = 0, source_id = 0, rule_id = 0, version = 0;
  std::string source_kind, region_code, region_name, event_date, summary, status;
  int classification = 0, indicator_no = 0, sign = 0;
  std::optional<int64_t> evidence_id;
  std::optional<std::string> decided_at;
};
// Keyset-paged, newest first; `status` "" = all.
db::Page<ProposalRecord> list_proposals(db::Conn& c, const auth::Scope& s, const std::string& status, const db::Paging& page);
std::optional<ProposalRecord> get_proposal(db::Conn& c, const auth::Scope& s, int64_t id);
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
// Scores are rounded to the two decimals shown (the screens, the PDF and the workbook agree).
struct ProvisionalAspect {
  std::string aspect, category;
  double provisional = 0;
  std::optional<double> official;
};
struct ProvisionalRow {
  int number = 0;
  std::string aspect, name_id, name_en;
  double baseline = 0;
  Message baseline_from;
  int positive = 0, negative = 0;
  double provisional = 0;
  std::optional<double> official, difference;
  Message explanation;
  std::string evidence_link;
};
struct KabkotaTotal {
  std::string code, name, category;
  double total = 0;
  int64_t evidence_count = 0;
};
// Every answer that carries the provisional index says what it is.
inline const Message kProvisionalLabel{"Indeks sementara dari log bukti Pokja — BUKAN angka resmi BPS.",
                                       "Provisional index from the Pokja's evidence log — NOT the official BPS figure."};
struct Provisional {
  std::string region_code, region_name;
  int year = 0;
  WeightSet weights;
  double total = 0;
  std::string category;
  std::optional<double> official_total, difference;
  std::vector<ProvisionalAspect> aspects;
  std::vector<ProvisionalRow> indicators;
  int64_t evidence_count = 0;
  std::vector<KabkotaTotal> kabkota;
};
Result<Provisional> provisional(db::Conn& c, const auth::Scope& s, const std::string& region, int year);
// Back-testing: for each province with both an official total for `year` and evidence of that
// year, the provisional total against the official one.
struct BacktestRow {
  std::string province_code, name;
  double provisional = 0, official = 0, difference = 0;
};
struct Backtest {
  int year = 0;
  std::vector<BacktestRow> items;
};
Backtest backtest(db::Conn& c, const auth::Scope& s, int year);

// --- improvement plan ---------------------------------------------------------------------
// The plan of a region and year: its five weakest indicators in the provisional index, and the
// action items for them. The items ARE the meetings module's action items (meetings/public.h,
// source "democracy", source_ref "idi-plan:<region>:<year>"): owners, due dates, follow-ups and
// their verification are that module's; this one only lists and adds them.
struct WeakIndicator {
  int number = 0, negative = 0;
  std::string aspect, name_id, name_en;
  double provisional = 0;
};
struct PlanItem {
  int64_t id = 0, version = 0, follow_ups = 0;
  std::string indicator, action, output, owner_person, owner_org_unit_name, due_date, status;
  int progress_pct = 0;
};
struct Plan {
  std::string region_code, source_ref;
  int year = 0;
  std::vector<WeakIndicator> weakest;
  std::vector<PlanItem> items;
};
Result<Plan> plan(db::Conn& c, const auth::Scope& s, const std::string& region, int year);
struct PlanItemInput {
  std::string region_code, action, output, owner_person, due_date;
  int year = 0, indicator_no = 0;
};
// Adds an action item for an indicator of the plan (record.write within the region; the meetings
// module validates it and writes its audit row).
Result<int64_t> add_plan_item(db::Conn& c, const auth::Scope& s, const PlanItemInput& in);

// ---- JSON (json.cpp) ----
std::string to_json(const Indicator& i);
std::string to_json(const OfficialValue& v);
std::string to_json(const Coverage& c);
std::string to_json(const Trend& t);
std::string to_json(const Choropleth& c);
std::string to_json(const ImportReport& r);
std::string to_json(const WeightSet& w);
std::string to_json(const Evidence& e);
std::string to_json(const RuleRecord& r);
std::string to_json(const ProposalRecord& p);
std::string to_json(const Provisional& p);
std::string to_json(const Backtest& b);
std::string to_json(const Plan& p);

}  // namespace pantau::democracy
