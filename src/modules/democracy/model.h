// Indonesian Democracy Index (IDI, DOMAIN.md §7): the official values BPS publishes, the evidence
// a provincial Pokja IDI keeps through the year, the rules that propose evidence from Pantau's own
// records, and a provisional index computed from that evidence. The provisional index is never
// the official BPS figure and every answer that carries it says so.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pantau::democracy {

// Index values are kept in hundredths (80.44 -> 8044): BPS publishes two decimals, and the
// category boundaries (exactly 80.00 is Sedang) must not depend on floating-point rounding.
using Hundredths = int;

enum class Category { Baik, Sedang, Buruk };
std::string_view name(Category c);  // BAIK | SEDANG | BURUK

// The two methods: 2009-2020 (3 aspects, 11 variables, 28 indicators) and from 2021 (3 aspects,
// 22 indicators). Their aspects are not comparable, their totals are published as one series.
inline constexpr std::string_view kOldMethod = "OLD_2009";
inline constexpr std::string_view kNewMethod = "NEW_2021";
inline const std::vector<std::string_view> kMethods = {kOldMethod, kNewMethod};
inline const std::vector<std::string_view> kNewAspects = {"KEBEBASAN", "KESETARAAN", "KAPASITAS"};
inline const std::vector<std::string_view> kOldAspects = {"KEBEBASAN_SIPIL", "HAK_POLITIK", "LEMBAGA_DEMOKRASI"};

// Published numbers: IDI Nasional, IDI Pusat (central government), IDI Provinsi (the aggregate of
// the provinces) and each province's own index.
inline const std::vector<std::string_view> kLevels = {"NASIONAL", "PUSAT", "PROVINSI_AGG", "PROVINSI"};
inline const std::vector<std::string_view> kScopes = {"TOTAL", "ASPECT", "INDICATOR"};

struct Indicator {
  std::string method;  // OLD_2009 | NEW_2021
  int number = 0;
  std::string aspect;
  std::string name_id, name_en;
  std::string variable;    // the old method's variable ("" in the new one)
  bool confirmed = false;  // checked against the BPS publication (confidence C)
};

// One official value as BPS released it.
struct OfficialValue {
  int year = 0;
  std::string level, province_code, scope, aspect;  // province_code "" unless level PROVINSI
  int indicator_no = 0;                              // 0 unless scope INDICATOR
  std::string method;
  Hundredths value = 0;
  std::optional<int> rank;
  std::string source_release;
};

// Weights of the composite. BPS derives its weights with AHP and does not publish them, so a set
// is data with its source and the date it was decided; the provisional index names the set used.
struct WeightSet {
  std::string code, name, source, decided_on;
  std::map<std::string, double> aspect;  // aspect -> weight, summing to 1
  std::map<int, double> indicator;       // indicator -> weight within its aspect, summing to 1 per aspect
  double negative_points = 2.0;          // points one negative evidence item takes from its indicator
  double positive_points = 1.0;          // points one positive item adds
  bool active = false;                   // the set the provisional index uses
};

// The composite at every level, scores 0..100.
struct Composite {
  std::map<int, double> indicator;
  std::map<std::string, double> aspect;
  double total = 0;
};

// A rule that proposes evidence from a record Pantau already holds. Kinds:
//   INCIDENT          a conflict incident whose type starts with `match` (CLASH matches CLASH.ETHNIC)
//   MONITORING_EVENT  a political event whose category starts with `match`
//   LPJ_SHARE         a party's accountability report: political-education share of the aid at or
//                     above `threshold` percent is positive, below it negative
//   MEETING           a meeting with parties or ormas of kind `match` ("" any): positive
//   INFO_REQUEST      an information request answered more than `threshold` working days late: negative
struct ProposalRule {
  int64_t id = 0;
  std::string source_kind, match;
  int indicator_no = 0;
  int sign = -1;  // +1 positive, -1 negative; LPJ_SHARE decides by the threshold
  double threshold = 0;
  bool active = true;
};
inline const std::vector<std::string_view> kSourceKinds = {"INCIDENT", "MONITORING_EVENT", "LPJ_SHARE", "MEETING", "INFO_REQUEST"};

// A record as the proposal rules see it.
struct SourceRecord {
  std::string kind;   // one of kSourceKinds
  std::string code;   // incident type, event category, meeting type, INFO_REQUEST: LATE | REFUSED
  double value = 0;   // LPJ_SHARE: percent for political education; MEETING: participants from parties
                      // or ormas; INFO_REQUEST LATE: working days past the limit
};

struct Proposal {
  int64_t rule_id = 0;
  int indicator_no = 0;
  int sign = 0;
};

// Evidence of one indicator in one region and year, and the provisional score it gives.
struct IndicatorTally {
  int positive = 0, negative = 0;
};
struct ProvisionalIndicator {
  int number = 0;
  double baseline = 0;
  std::string baseline_from;  // what the baseline is (see rules.h provisional_indicator)
  IndicatorTally tally;
  double score = 0;
};

}  // namespace pantau::democracy
