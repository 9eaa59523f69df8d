// The Ombudsman self-assessment (DOMAIN.md §8.3): a readiness checklist per office and year
// mirroring the four dimensions of the Ombudsman's assessment (input, process, output,
// complaints), with an answer and evidence files per item, a score and an estimated zone. The
// items, their weights and the zone thresholds are data (data/ombudsman_checklist.tsv,
// ombudsman_zones.tsv, loaded by `pantau seed` into svc_checklist and svc_zone_rules).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/error.h"
#include "db/database.h"

namespace pantau::services {

struct ChecklistRow {
  std::string level;      // DIMENSION | ITEM
  std::string code, dimension;
  double weight = 0;      // DIMENSION: percent of the total; ITEM: weight inside its dimension
  Message text;
  std::string source, confidence;
};
struct ZoneRule {
  std::string zone;       // HIJAU | KUNING | MERAH
  double min_score = 0;   // the lowest score of the zone
  Message label;
  std::string source, confidence;
};
struct Checklist {
  std::vector<ChecklistRow> dimensions, items;
  std::vector<ZoneRule> zones;  // highest threshold first
};

inline const std::vector<std::string_view> kAssessmentAnswers = {"YES", "PARTIAL", "NO", "NA"};

// ---- rules (pure) --------------------------------------------------------------------------
// The tab-separated files of data/ (lines starting with '#' are comments; a header row).
// Refuses unknown levels, dimensions without items, items of an unknown dimension, weights that
// are not positive numbers, and dimension weights that do not add up to 100.
Result<Checklist> parse_checklist(std::string_view checklist_tsv, std::string_view zones_tsv);

struct AssessmentScore {
  std::map<std::string, double> by_dimension;  // 0-100 per dimension with applicable items
  double total = 0;                            // 0-100, two decimals
  std::string zone;                            // the estimated zone
  int answered = 0, items = 0;
};
// YES counts 1, PARTIAL 0.5, NO and an unanswered item 0; NA leaves the item out. A dimension
// scores the weighted share of its applicable items; the total weighs the dimensions (those
// left with no applicable item drop out). The zone is the first whose threshold the total reaches.
AssessmentScore score_assessment(const Checklist& cl, const std::map<std::string, std::string>& answers);

// ---- records -------------------------------------------------------------------------------
struct AssessmentEvidence {
  int64_t id = 0, file_id = 0;
  std::string item, name, mime, added_at;
};
struct AssessmentAnswer {
  std::string item, answer, note, updated_at;
};
struct Assessment {
  int64_t id = 0, version = 0;
  std::string region_code, office, created_at, updated_at;
  int year = 0;
  std::vector<AssessmentAnswer> answers;
  std::vector<AssessmentEvidence> evidence;
  AssessmentScore score;
  const Checklist* checklist = nullptr;  // for the JSON: the items and the zone labels
};
struct AssessmentSummary {
  int64_t id = 0, version = 0;
  std::string region_code, office;
  int year = 0;
  AssessmentScore score;
};

// ---- store ---------------------------------------------------------------------------------
// Replaces the checklist and the zone rules with those of the data files (`pantau seed`).
Status seed_checklist(db::Conn& c, const std::string& data_dir);
Checklist load_checklist(db::Conn& c);
// One office's assessment of a year (created by create_assessment); nullopt outside the scope.
std::optional<Assessment> get_assessment(db::Conn& c, const auth::Scope& s, int64_t id, const Checklist& cl);
// The assessments of the scope (or of one office), newest year first: the history.
std::vector<AssessmentSummary> list_assessments(db::Conn& c, const auth::Scope& s, const std::string& region, const Checklist& cl);
Result<int64_t> create_assessment(db::Conn& c, const auth::Scope& s, const std::string& region, int year);
// Answer one item (If-Match version); returns the new version.
Result<int64_t> answer_item(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const Checklist& cl,
                            const std::string& item, const std::string& answer, const std::string& note);
// Attach a file of the files store (PDF, JPEG or PNG by content, uploaded for this office) to an
// item (If-Match version); returns the new version.
Result<int64_t> add_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const Checklist& cl,
                             const std::string& item, int64_t file_id);

std::string to_json(const Assessment& a);
std::string to_json(const AssessmentSummary& a);
std::string checklist_json(const Checklist& cl);

}  // namespace pantau::services
