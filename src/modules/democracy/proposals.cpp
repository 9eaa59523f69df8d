// Proposals of evidence from Pantau's own records: the rules, the scan, and accepting or
// dismissing a proposal.
#include <fmt/format.h>

#include <map>

#include "audit/audit.h"
#include "modules/conflict/public.h"
#include "modules/democracy/internal.h"
#include "modules/democracy/store.h"
#include "modules/meetings/public.h"
#include "modules/monitoring/public.h"
#include "modules/party_aid/public.h"
#include "modules/services/public.h"

namespace pantau::democracy {

using detail::national_admin;

std::vector<ProposalRule> proposal_rules(db::Conn& c, bool active_only) {
  std::vector<ProposalRule> out;
  c.query(std::string("SELECT id, source_kind, match, indicator_no, sign, threshold, active FROM democracy_proposal_rules") +
              (active_only ? " WHERE active = 1" : "") + " ORDER BY id",
          {}, [&](const db::Row& r) {
            out.push_back({r.i64(0), r.str(1), r.str(2), static_cast<int>(r.i64(3)), static_cast<int>(r.i64(4)), r.f64(5), r.i64(6) != 0});
          });
  return out;
}

namespace {

constexpr const char* kRuleSelect =
    "SELECT id, source_kind, match, indicator_no, sign, threshold, active, note, version, updated_at FROM democracy_proposal_rules ";

RuleRecord rule_from(const db::Row& r) {
  RuleRecord x;
  x.id = r.i64(0);
  x.source_kind = r.str(1);
  x.match = r.str(2);
  x.indicator_no = static_cast<int>(r.i64(3));
  x.sign = static_cast<int>(r.i64(4));
  x.threshold = r.f64(5);
  x.active = r.i64(6) != 0;
  x.note = r.str(7);
  x.version = r.i64(8);
  x.updated_at = r.opt_str(9);
  return x;
}

}  // namespace

std::vector<RuleRecord> rule_records(db::Conn& c) {
  std::vector<RuleRecord> out;
  c.query(std::string(kRuleSelect) + "ORDER BY id", {}, [&](const db::Row& r) { out.push_back(rule_from(r)); });
  return out;
}

std::optional<RuleRecord> rule_record(db::Conn& c, int64_t id) {
  std::optional<RuleRecord> out;
  c.query(std::string(kRuleSelect) + "WHERE id = ?", {id}, [&](const db::Row& r) { out = rule_from(r); });
  return out;
}

Status update_proposal_rule(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ProposalRule& r, const std::string& note) {
  PANTAU_CHECK(national_admin(s));
  auto cur = c.query_i64("SELECT version FROM democracy_proposal_rules WHERE id = ?", {id});
  if (!cur) return Error::not_found("Aturan tidak ditemukan.", "Rule not found.");
  if (*cur != version) return Error::stale_version();
  auto errs = validate_rule(r);
  if (!errs.empty()) return Error::invalid(errs);
  c.exec("UPDATE democracy_proposal_rules SET source_kind = ?, match = ?, indicator_no = ?, sign = ?, threshold = ?, active = ?, note = ?, "
         "updated_at = ?, version = version + 1 WHERE id = ?",
         {r.source_kind, r.match, int64_t{r.indicator_no}, int64_t{r.sign}, r.threshold, int64_t{r.active}, note, now_iso(), id});
  audit::append(c, s, {"update", "democracy_proposal_rule", std::to_string(id), "", 0, std::nullopt,
                       audit::snapshot({{"source_kind", r.source_kind}, {"match", r.match}, {"indicator_no", std::to_string(r.indicator_no)},
                                   {"active", r.active ? "1" : "0"}})});
  return {};
}

namespace {
constexpr int64_t kScanMarginSeconds = 300;

int64_t store_proposals(db::Conn& c, const std::vector<ProposalRule>& rules, const SourceRecord& rec, int64_t source_id,
                        const std::string& region, int classification, const std::string& date, const std::string& summary) {
  int64_t n = 0;
  std::string now = now_iso();
  for (const auto& p : propose(rules, rec))
    n += c.exec("INSERT INTO democracy_proposals (source_kind, source_id, rule_id, region_code, classification, event_date, summary, "
                "indicator_no, sign, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_kind, source_id, rule_id) DO NOTHING",
                {rec.kind, source_id, p.rule_id, region, int64_t{classification}, date, summary, int64_t{p.indicator_no}, int64_t{p.sign}, now});
  return n;
}
// Proposals carry a region down to kab/kota: a kecamatan's record counts for its kab/kota.
std::string district(const std::string& code) { return code.size() > 5 ? code.substr(0, 5) : code; }
}  // namespace

int64_t scan_proposals(db::Conn& c) {
  auto rules = proposal_rules(c, true);
  int64_t created = 0;
  auto watermark = [&](const char* kind) { return c.query_i64("SELECT last_id FROM democracy_scan_state WHERE source_kind = ?", {std::string(kind)}).value_or(0); };
  auto save = [&](const char* kind, int64_t last) {
    c.exec("INSERT INTO democracy_scan_state (source_kind, last_id) VALUES (?, ?) ON CONFLICT (source_kind) DO UPDATE SET last_id = excluded.last_id",
           {std::string(kind), last});
  };
  // Meetings and information requests reach their state (held; answered, objection decided)
  // after they are created, so they are read by the time of their last change: everything changed
  // since a margin before the previous scan began (a write that began before that scan may commit
  // after it). The watermark is that time in epoch seconds. They are read first so that, within one
  // scan, the id-ordered kinds below (where the record a user has just entered is the newest) get
  // the newest proposals, at the top of the list.
  const auto began = system_time().now();
  auto since = [&](const char* kind) {
    int64_t last = watermark(kind);
    return last == 0 ? std::string() : format_iso(TimePoint(std::chrono::seconds(last - kScanMarginSeconds)));
  };
  const int64_t began_s = std::chrono::duration_cast<std::chrono::seconds>(began.time_since_epoch()).count();
  for (auto& m : meetings::held_meetings_since(c, since("MEETING"))) {
    created += store_proposals(c, rules, {"MEETING", m.type, static_cast<double>(m.party_or_ormas)}, m.id, district(m.region_code),
                               m.classification, m.held_on, m.title.substr(0, 300));
  }
  save("MEETING", began_s);
  for (auto& f : services::information_findings_since(c, since("INFO_REQUEST"))) {
    std::string summary = f.kind == "LATE"
                              ? fmt::format("Permohonan informasi {} dijawab {} hari kerja melewati batas: {}", f.reg_no, f.days_late, f.subject)
                              : fmt::format("Permohonan informasi {} ditolak tanpa pengecualian yang sah (keberatan dikabulkan): {}", f.reg_no,
                                            f.subject);
    created += store_proposals(c, rules, {"INFO_REQUEST", f.kind, static_cast<double>(f.days_late)}, f.request_id,
                               district(f.region_code), 0, f.on, summary.substr(0, 400));
  }
  save("INFO_REQUEST", began_s);
  constexpr int kBatch = 5000;
  for (int64_t last = watermark("INCIDENT");;) {
    auto batch = conflict::incidents_after(c, last, kBatch);
    for (auto& i : batch) {
      std::string summary = i.type_name + (i.description.empty() ? "" : ": " + i.description.substr(0, 300));
      created += store_proposals(c, rules, {"INCIDENT", i.type_code, 0}, i.id, district(i.region_code), i.classification, i.occurred_on, summary);
      last = i.id;
    }
    save("INCIDENT", last);
    if (batch.size() < kBatch) break;
  }
  for (int64_t last = watermark("MONITORING_EVENT");;) {
    auto batch = monitoring::events_after(c, last, kBatch);
    for (auto& e : batch) {
      created += store_proposals(c, rules, {"MONITORING_EVENT", e.category_code, 0}, e.id, district(e.region_code), e.classification,
                                 e.occurred_on, e.title.substr(0, 300));
      last = e.id;
    }
    save("MONITORING_EVENT", last);
    if (batch.size() < kBatch) break;
  }
  // LPJ are few (a board per party and region a year) and become "submitted" after they are
  // created, so they are read whole each time; the unique key keeps each proposal once.
  for (auto& l : party_aid::submitted_lpj(c)) {
    std::string summary = fmt::format("LPJ {} {} {}: pendidikan politik {:.1f}% dari bantuan", l.party_abbreviation, l.fiscal_year,
                                      l.region_code, l.political_education_percent);
    created += store_proposals(c, rules, {"LPJ_SHARE", "", l.political_education_percent}, l.id, district(l.region_code), 0,
                               l.submitted_on, summary);
  }
  return created;
}

namespace {

constexpr const char* kProposalSelect =
    "SELECT p.id, p.source_kind, p.source_id, p.rule_id, p.region_code, COALESCE(g.name, ''), p.classification, p.event_date, p.summary, "
    "p.indicator_no, p.sign, p.status, p.evidence_id, p.version, p.decided_at FROM democracy_proposals p "
    "LEFT JOIN regions g ON g.code = p.region_code ";

ProposalRecord proposal_from(const db::Row& r) {
  ProposalRecord x;
  x.id = r.i64(0);
  x.source_kind = r.str(1);
  x.source_id = r.i64(2);
  x.rule_id = r.i64(3);
  x.region_code = r.str(4);
  x.region_name = r.str(5);
  x.classification = static_cast<int>(r.i64(6));
  x.event_date = r.str(7);
  x.summary = r.str(8);
  x.indicator_no = static_cast<int>(r.i64(9));
  x.sign = static_cast<int>(r.i64(10));
  x.status = r.str(11);
  x.evidence_id = r.opt_i64(12);
  x.version = r.i64(13);
  x.decided_at = r.opt_str(14);
  return x;
}

struct ProposalRow {
  std::string kind, region, date, summary, status;
  int64_t source_id = 0, version = 0;
  int classification = 0, indicator = 0, sign = 0;
};
std::optional<ProposalRow> visible_proposal(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("region_code", "classification", p);
  std::optional<ProposalRow> out;
  c.query("SELECT source_kind, region_code, event_date, summary, status, source_id, version, classification, indicator_no, sign "
          "FROM democracy_proposals WHERE id = ? AND " + where, p, [&](const db::Row& r) {
            out = ProposalRow{r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5), r.i64(6),
                              static_cast<int>(r.i64(7)), static_cast<int>(r.i64(8)), static_cast<int>(r.i64(9))};
          });
  return out;
}
}  // namespace

db::Page<ProposalRecord> list_proposals(db::Conn& c, const auth::Scope& s, const std::string& status, const db::Paging& page) {
  db::Params p;
  std::string sql = std::string(kProposalSelect) + "WHERE " + s.record_filter("p.region_code", "p.classification", p);
  if (!status.empty()) { sql += " AND p.status = ?"; p.emplace_back(status); }
  return db::keyset_page(c, std::move(sql), std::move(p), page, "p.id", proposal_from, db::KeyOrder::Descending);
}

std::optional<ProposalRecord> get_proposal(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("p.region_code", "p.classification", p);
  std::optional<ProposalRecord> out;
  c.query(std::string(kProposalSelect) + "WHERE p.id = ? AND " + where, p, [&](const db::Row& r) { out = proposal_from(r); });
  return out;
}

Result<int64_t> accept_proposal(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const EvidenceInput& edit) {
  auto p = visible_proposal(c, s, id);
  if (!p) return Error::not_found("Usulan tidak ditemukan.", "Proposal not found.");
  if (p->version != version) return Error::stale_version();
  if (p->status != "PENDING") return Error::conflict("not_pending", "Usulan ini sudah diputuskan.", "This proposal has already been decided.");
  EvidenceInput in;
  in.region_code = edit.region_code.empty() ? p->region : edit.region_code;
  in.event_date = edit.event_date.empty() ? p->date : edit.event_date;
  in.description = edit.description.empty() ? p->summary : edit.description;
  static const std::map<std::string, std::string> kinds = {{"INCIDENT", "insiden konflik"}, {"MONITORING_EVENT", "peristiwa politik"},
                                                           {"LPJ_SHARE", "LPJ bantuan keuangan partai politik"}, {"MEETING", "pertemuan"},
                                                           {"INFO_REQUEST", "permohonan informasi publik"}};
  in.source = edit.source.empty() ? fmt::format("Pantau: {} #{}", kinds.count(p->kind) ? kinds.at(p->kind) : p->kind, p->source_id) : edit.source;
  in.handled_by = edit.handled_by;
  in.indicator_no = edit.indicator_no ? edit.indicator_no : p->indicator;
  in.sign = edit.sign ? edit.sign : p->sign;
  // An evidence item is never less confidential than the record it came from.
  in.classification = std::max(edit.classification, p->classification);
  PANTAU_TRY(int64_t evidence, detail::insert_evidence(c, s, in, p->kind, p->source_id));
  c.exec("UPDATE democracy_proposals SET status = 'ACCEPTED', evidence_id = ?, decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ?",
         {evidence, s.user_id, now_iso(), id});
  audit::append(c, s, {"accept", "democracy_proposal", std::to_string(id), p->region, p->classification, std::nullopt,
                       audit::snapshot({{"evidence_id", std::to_string(evidence)}})});
  return evidence;
}

Status dismiss_proposal(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version) {
  auto p = visible_proposal(c, s, id);
  if (!p) return Error::not_found("Usulan tidak ditemukan.", "Proposal not found.");
  if (p->version != version) return Error::stale_version();
  if (p->status != "PENDING") return Error::conflict("not_pending", "Usulan ini sudah diputuskan.", "This proposal has already been decided.");
  c.exec("UPDATE democracy_proposals SET status = 'DISMISSED', decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ?",
         {s.user_id, now_iso(), id});
  audit::append(c, s, {"dismiss", "democracy_proposal", std::to_string(id), p->region, p->classification, std::nullopt, std::nullopt});
  return {};
}

}  // namespace pantau::democracy
