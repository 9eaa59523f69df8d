// Analysis of conflict early warning: the versioned scoring model, the vulnerability of each
// region per period (stored per clearance level, recomputed on request), the clustered incident
// map, and the periodic peta rawan konflik report that rolls a kab/kota up into its province.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/period.h"
#include "db/database.h"
#include "documents/register.h"
#include "modules/conflict/model.h"

namespace pantau::conflict {

// ---- scoring model (one national model, every change a new version) ----

std::vector<FieldError> validate_model(const ScoringModel& m);
std::string model_json(const ScoringModel& m);
struct ModelVersion {
  int64_t version = 1;  // 1: the built-in defaults (migration 0011)
  ScoringModel model;
  std::string note, created_at;
};
ModelVersion current_model(db::Conn& c);
std::string model_version_json(const ModelVersion& v);
// National administrators only; returns the new version.
Result<int64_t> save_model(db::Conn& c, const auth::Scope& s, const ScoringModel& m, const std::string& note);

// ---- clustered incident map ----

struct Bbox {
  double south = -90, west = -180, north = 90, east = 180;
};
struct ClusterQuery {
  std::string region, from, to;
  int zoom = 6;
  std::optional<Bbox> bbox;
};
// Server-side grid clustering of the incidents the caller may see.
std::string clusters_json(db::Conn& c, const auth::Scope& s, const ClusterQuery& q);

// ---- vulnerability per region and period ----

// The day a period is scored on: its last day, or today while it runs.
Date period_as_of(const Period& p, Date today);
// Recomputes the stored vulnerability of every province and kab/kota within the caller's scope
// for the period (one row per clearance level); returns the number of regions.
Result<int> recompute_vulnerability(db::Conn& c, const auth::Scope& s, const Period& p, Date today);
// The stored vulnerability of a period (computed live when never recomputed), shaped like
// The JSON of vulnerability() with period, as_of, model_version and computed_at added.
std::string period_vulnerability_json(db::Conn& c, const auth::Scope& s, int level, const std::string& province,
                                      const Period& p, Date today);

// ---- periodic peta rawan konflik reports ----

struct ReportInput {
  std::string region_code, period, recommendations;
};
Result<int64_t> create_report(db::Conn& c, const auth::Scope& s, const ReportInput& in);
std::string reports_json(db::Conn& c, const auth::Scope& s, const std::string& region, const std::string& period,
                         const std::string& status);
// The report with its content (vulnerability, tables by kecamatan and source, changes since the
// previous period, the kab/kota reports it rolls up).
std::optional<std::string> report_json(db::Conn& c, const auth::Scope& s, int64_t id, Date today, int64_t* version = nullptr);
// SUBMIT (DRAFT -> SUBMITTED, record.write), ACCEPT or RETURN (SUBMITTED -> ACCEPTED | DRAFT,
// record.review at a tier above the report's region), EDIT (recommendations while DRAFT).
Status act_on_report(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& action,
                     const std::string& text);
// The PDF for the governor, with the register's stamp (number, QR code; DRAF while a draft).
Result<std::string> report_pdf(db::Conn& c, const auth::Scope& s, int64_t id, Date today, std::string* filename,
                               const documents::Stamp& stamp);
// The register entry of a report's PDF; NotFound outside the caller's scope.
Result<documents::DocumentRef> report_document(db::Conn& c, const auth::Scope& s, int64_t id);

// ---- overdue escalation ----

// Alerts assigned and not yet answered move to the tier above (once) when, at the UTC instant
// `now` ("2026-03-10T16:30:00.000Z"), the day after their due date has begun in the alert's own
// region (WIB, WITA or WIT: an alert of Kalimantan Selatan due on the 10th is overdue from
// 00:00 WITA on the 11th, which is 16:00 UTC on the 10th). The office there is notified.
// Returns how many were escalated.
int escalate_overdue(db::Conn& c, std::string_view now);
// The same as a whole job for the server's housekeeping and the alert list: a cheap read first,
// a write transaction only when some alert may be overdue.
Status escalate_overdue_alerts(db::Database& db, std::string_view now);

}  // namespace pantau::conflict
