// SQL of the election-support checklist. Every function takes the caller's Scope: instruments
// and their evidence are filtered by region subtree and clearance; writes check the rules in
// rules.h and append to the audit log in the same transaction.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"
#include "modules/elections/model.h"
#include "modules/elections/rules.h"

namespace pantau::elections {

struct ListQuery {
  std::optional<int64_t> after;
  int limit = 50;
};

// Elections: national ones and those of the caller's region, its ancestors and its subtree.
Page<Election> list_elections(db::Conn& c, const auth::Scope& s, const ListQuery& q);
std::optional<Election> get_election(db::Conn& c, const auth::Scope& s, int64_t id);
struct ElectionInput {
  std::string type, name, polling_date, scope_region_code, legal_basis;
  int64_t year = 0;
};
Result<Election> create_election(db::Conn& c, const auth::Scope& s, const ElectionInput& in);

// Checklist items, in checklist order. With election_id: only the items that apply to it.
struct ItemQuery : ListQuery {
  std::optional<int64_t> election_id;
};
Result<Page<SupportItem>> list_items(db::Conn& c, const auth::Scope& s, const ItemQuery& q);
std::optional<SupportItem> get_item(db::Conn& c, const std::string& code);
struct ItemInput {
  std::string code, description_id, description_en, legal_basis, confidence = "U", source_note,
                                                                 effective_from, applies_to = "ALL";
  std::optional<std::string> effective_to;
  bool has_amount = false;
  int64_t sort_order = 1000;
};
Result<SupportItem> create_item(db::Conn& c, const auth::Scope& s, const ItemInput& in);

struct InstrumentQuery : ListQuery {
  std::optional<int64_t> election_id, org_unit_id;
  std::string region_code, status;
  std::optional<bool> needs_action;
};
Page<Instrument> list_instruments(db::Conn& c, const auth::Scope& s, const InstrumentQuery& q);
std::optional<Instrument> get_instrument(db::Conn& c, const auth::Scope& s, int64_t id);
// Every evidence of a visible instrument, the replaced ones too (history), oldest first.
std::vector<Evidence> list_evidence(db::Conn& c, const auth::Scope& s, int64_t instrument_id);

struct InstrumentInput {
  int64_t election_id = 0, org_unit_id = 0;
  std::string item_code, target, realisation, note;
  std::optional<int64_t> amount_rupiah;
  InstrumentStatus status = InstrumentStatus::NotStarted;
  int classification = 0;
};
Result<Instrument> create_instrument(db::Conn& c, const auth::Scope& s, const InstrumentInput& in);

// Absent fields stay unchanged; clear_amount sets the amount to null.
struct InstrumentPatch {
  std::optional<std::string> target, realisation, note;
  std::optional<int64_t> amount_rupiah;
  bool clear_amount = false;
  std::optional<InstrumentStatus> status;
  std::optional<int> classification;
};
Result<Instrument> update_instrument(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                     const InstrumentPatch& in);

// Links an uploaded evidence file (entity support_instrument, entity_id the instrument, same
// region) to the instrument; `replaces` names evidence it supersedes. Starts PENDING.
struct EvidenceInput {
  int64_t file_id = 0;
  std::string description;
  std::optional<int64_t> replaces;
};
Result<Evidence> link_evidence(db::Conn& c, const auth::Scope& s, int64_t instrument_id,
                               const EvidenceInput& in);
// The reviewer's verdict on one evidence; `version` (If-Match, optional) guards against a
// verdict given meanwhile by someone else.
Result<Evidence> give_verdict(db::Conn& c, const auth::Scope& s, int64_t instrument_id,
                              int64_t evidence_id, std::optional<int64_t> version,
                              std::string_view verdict, const std::string& note);

// Readiness per region for the dashboard map: level 1 groups by province, level 2 by the
// kab/kota of one province. Only regions the caller's scope covers entirely get a value.
struct ReadinessMap {
  int level = 1;
  std::string province;
  std::map<std::string, Readiness> regions;
};
Result<ReadinessMap> readiness(db::Conn& c, const auth::Scope& s, int64_t election_id, int level,
                               const std::string& province);

// The checklist of one election as an Excel workbook: every instrument the caller sees, by
// region, Perangkat Daerah and checklist order, with a title and Indonesian column names.
// Not found when the election is not visible to the caller.
Result<std::string> checklist_xlsx(db::Conn& c, const auth::Scope& s, int64_t election_id);
// The file name of that workbook: dukungan-pemilihan-ID-REGION.xlsx ("nasional" for the ministry).
std::string checklist_file_name(const auth::Scope& s, int64_t election_id);

std::string to_json(const Election& e);
std::string to_json(const SupportItem& i);
std::string to_json(const Instrument& i);
std::string to_json(const Evidence& e);
std::string to_json(const ReadinessMap& m, int64_t election_id);

}  // namespace pantau::elections
