// Accountability reports (LPJ) of party aid: the BPK cycle, its deadlines and the sanction.
#include "audit/audit.h"
#include "auth/roles.h"
#include "core/time.h"
#include "modules/party_aid/store_internal.h"

namespace pantau::party_aid {

namespace {

// The LPJ facts of a party's previous fiscal year in a region (dates as recorded).
std::optional<LpjFacts> lpj_facts(db::Conn& c, const std::string& region, const std::string& party,
                                  int64_t fiscal_year) {
  std::optional<LpjFacts> f;
  c.query(
      "SELECT submitted_to_bpk, audited, lhp_received, submitted_to_government FROM "
      "banpol_lpj WHERE region_code = ? AND party_abbreviation = ? AND fiscal_year = ?",
      {region, party, fiscal_year}, [&](const db::Row& r) {
        LpjFacts x;
        x.fiscal_year = static_cast<int>(fiscal_year);
        x.submitted_to_bpk = opt_date(r.opt_str(0));
        x.audited = opt_date(r.opt_str(1));
        x.lhp_received = opt_date(r.opt_str(2));
        x.submitted_to_government = opt_date(r.opt_str(3));
        f = x;
      });
  return f;
}

constexpr const char* kLpjSelect =
    "SELECT l.id, l.region_code, COALESCE(r.name, ''), l.fiscal_year, l.party_abbreviation, "
    "l.board_id, l.submitted_to_bpk, l.audited, l.bpk_lhp_no, l.lhp_received, "
    "l.submitted_to_government, l.findings_count, l.note, l.created_at, l.updated_at, l.version "
    "FROM banpol_lpj l LEFT JOIN regions r ON r.code = l.region_code ";

Lpj lpj_from(const db::Row& r) {
  Lpj l;
  l.id = r.i64(0);
  l.region_code = r.str(1);
  l.region_name = r.str(2);
  l.fiscal_year = r.i64(3);
  l.party_abbreviation = r.str(4);
  l.board_id = r.opt_i64(5);
  l.submitted_to_bpk = r.opt_str(6);
  l.audited = r.opt_str(7);
  l.bpk_lhp_no = r.str(8);
  l.lhp_received = r.opt_str(9);
  l.submitted_to_government = r.opt_str(10);
  l.findings_count = r.i64(11);
  l.note = r.str(12);
  l.created_at = r.str(13);
  l.updated_at = r.str(14);
  l.version = r.i64(15);
  return l;
}

LpjFacts facts_of(const LpjInput& in) {
  return {static_cast<int>(in.fiscal_year), opt_date(in.submitted_to_bpk), opt_date(in.audited),
          opt_date(in.lhp_received), opt_date(in.submitted_to_government)};
}

void with_status(Lpj& l, const LpjRule& rule) {
  LpjFacts f{static_cast<int>(l.fiscal_year), opt_date(l.submitted_to_bpk), opt_date(l.audited),
             opt_date(l.lhp_received), opt_date(l.submitted_to_government)};
  l.status = lpj_status(f, rule, today_in(l.region_code));
}

}  // namespace

// Previous-year LPJ and sanction of a party, for eligibility and the state machine's guards.
// A party in its first year needs no previous LPJ. Otherwise the audited LPJ is required. The
// sanction (PP 1/2018 Art. 16) follows from the records whatever the application says: a
// recorded LPJ that was late, or aid paid out last year (a DISBURSED application) whose LPJ was
// never recorded once its deadline passed. A "first year" claim never switches it off.
void judge_previous_lpj(const PreviousYear& prev, const std::string& region, int64_t fiscal_year,
                        bool first_year, const LpjRule& rule, EligibilityInput& in,
                        std::optional<LpjStatus>* status_out) {
  const auto& recorded = prev.recorded;
  if (first_year)
    in.previous_lpj = PreviousLpj::NotRequired;
  else
    in.previous_lpj = recorded && recorded->audited ? PreviousLpj::Audited : PreviousLpj::NotAudited;
  if (!recorded && !prev.aided) return;
  LpjFacts f = recorded.value_or(LpjFacts{static_cast<int>(fiscal_year - 1), {}, {}, {}, {}});
  LpjStatus st = lpj_status(f, rule, today_in(region));
  in.sanction_active = st.sanction_active;
  if (status_out && recorded) *status_out = st;
}

void previous_lpj(db::Conn& c, const std::string& region, const std::string& party,
                  int64_t fiscal_year, bool first_year, EligibilityInput& in,
                  std::optional<LpjStatus>* status_out) {
  PreviousYear prev;
  prev.recorded = lpj_facts(c, region, party, fiscal_year - 1);
  prev.aided = c.query_i64(
                    "SELECT 1 FROM banpol_applications WHERE region_code = ? AND "
                    "party_abbreviation = ? AND fiscal_year = ? AND status = 'DISBURSED'",
                    {region, party, fiscal_year - 1})
                   .has_value();
  // The rule is read only when there is something to judge.
  LpjRule rule = prev.recorded || prev.aided ? lpj_rule(c) : LpjRule{};
  judge_previous_lpj(prev, region, fiscal_year, first_year, rule, in, status_out);
}

std::map<int64_t, PreviousYear> previous_years(db::Conn& c, const std::string& ids_sql,
                                               const db::Params& ids) {
  std::map<int64_t, PreviousYear> out;
  c.query(
      "SELECT a.id, l.submitted_to_bpk, l.audited, l.lhp_received, l.submitted_to_government, "
      "a.fiscal_year FROM banpol_applications a JOIN banpol_lpj l ON l.region_code = "
      "a.region_code AND l.party_abbreviation = a.party_abbreviation AND l.fiscal_year = "
      "a.fiscal_year - 1 WHERE a.id IN (" + ids_sql + ")",
      ids, [&](const db::Row& r) {
        LpjFacts x;
        x.fiscal_year = static_cast<int>(r.i64(5) - 1);
        x.submitted_to_bpk = opt_date(r.opt_str(1));
        x.audited = opt_date(r.opt_str(2));
        x.lhp_received = opt_date(r.opt_str(3));
        x.submitted_to_government = opt_date(r.opt_str(4));
        out[r.i64(0)].recorded = x;
      });
  c.query(
      "SELECT DISTINCT a.id FROM banpol_applications a JOIN banpol_applications p ON "
      "p.region_code = a.region_code AND p.party_abbreviation = a.party_abbreviation AND "
      "p.fiscal_year = a.fiscal_year - 1 AND p.status = 'DISBURSED' WHERE a.id IN (" + ids_sql + ")",
      ids, [&](const db::Row& r) { out[r.i64(0)].aided = true; });
  return out;
}

LpjRule lpj_rule(db::Conn& c) {
  LpjRule rule;
  std::map<std::string, Offset*> slots = {{"lpj.to_bpk", &rule.to_bpk},
                                          {"lpj.audit", &rule.audit},
                                          {"lpj.lhp_to_party", &rule.lhp_to_party},
                                          {"lpj.to_government", &rule.to_government}};
  c.query("SELECT key, value FROM banpol_settings WHERE key LIKE 'lpj.%'", {},
          [&](const db::Row& r) {
            auto slot = slots.find(r.str(0));
            if (slot == slots.end()) return;
            if (auto o = parse_offset(r.text(1))) *slot->second = *o;
          });
  return rule;
}

Page<Lpj> list_lpj(db::Conn& c, const auth::Scope& s, const std::string& region,
                   std::optional<int64_t> year, const Paging& page) {
  db::Params p;
  std::string sql = std::string(kLpjSelect) + "WHERE " + s.region_filter("l.region_code", p);
  if (!region.empty()) {
    sql += " AND l.region_code = ?";
    p.emplace_back(region);
  }
  if (year) {
    sql += " AND l.fiscal_year = ?";
    p.emplace_back(*year);
  }
  auto out = db::keyset_page(c, sql, p, page, "l.id", lpj_from);
  LpjRule rule = lpj_rule(c);
  for (auto& l : out.items) with_status(l, rule);
  return out;
}

std::optional<Lpj> get_lpj(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<Lpj> l;
  c.query(std::string(kLpjSelect) + "WHERE l.id = ? AND " + s.region_filter("l.region_code", p), p,
          [&](const db::Row& r) { l = lpj_from(r); });
  if (l) with_status(*l, lpj_rule(c));
  return l;
}

Result<Lpj> create_lpj(db::Conn& c, const auth::Scope& s, const LpjInput& in) {
  PANTAU_CHECK(check_write(s, in.region_code, auth::kRecordWrite));
  PANTAU_CHECK(check_aid_region(c, in.region_code));
  if (!party_exists(c, in.party_abbreviation))
    return Error::invalid_field("party_abbreviation", "not_found", "Partai tidak dikenal.",
                                "Unknown party.");
  PANTAU_CHECK(check_lpj_dates(facts_of(in)));
  if (c.query_i64("SELECT 1 FROM banpol_lpj WHERE region_code = ? AND fiscal_year = ? AND "
                  "party_abbreviation = ?",
                  {in.region_code, in.fiscal_year, in.party_abbreviation}))
    return Error::conflict("banpol.lpj_exists",
                           "LPJ partai ini untuk tahun anggaran tersebut sudah dicatat.",
                           "This party's LPJ for that fiscal year is already recorded.");
  auto board = current_board(c, in.region_code, in.party_abbreviation);
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO banpol_lpj (region_code, fiscal_year, party_abbreviation, board_id, "
      "submitted_to_bpk, audited, bpk_lhp_no, lhp_received, submitted_to_government, "
      "findings_count, note, created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {in.region_code, in.fiscal_year, in.party_abbreviation,
       board ? db::Value(board->id) : db::Value(), opt_text(in.submitted_to_bpk),
       opt_text(in.audited), in.bpk_lhp_no, opt_text(in.lhp_received),
       opt_text(in.submitted_to_government), in.findings_count, in.note, user_or_null(s), now,
       now});
  auto l = get_lpj(c, s, id);
  audit::append(
      c, s,
      {"create", "banpol_lpj", std::to_string(id), in.region_code, 0, std::nullopt, to_json(*l)});
  return std::move(*l);
}

Result<Lpj> update_lpj(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                       const LpjInput& given) {
  auto before = get_lpj(c, s, id);
  if (!before) return Error::not_found("LPJ tidak ditemukan.", "LPJ not found.");
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  LpjInput in = given;
  in.fiscal_year = before->fiscal_year;
  PANTAU_CHECK(check_lpj_dates(facts_of(in)));
  if (before->version != version) return Error::stale_version();
  int64_t n = c.exec(
      "UPDATE banpol_lpj SET submitted_to_bpk = ?, audited = ?, bpk_lhp_no = ?, lhp_received = "
      "?, submitted_to_government = ?, findings_count = ?, note = ?, updated_at = ?, version = "
      "version + 1 WHERE id = ? AND version = ?",
      {opt_text(in.submitted_to_bpk), opt_text(in.audited), in.bpk_lhp_no,
       opt_text(in.lhp_received), opt_text(in.submitted_to_government), in.findings_count, in.note,
       now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto after = get_lpj(c, s, id);
  audit::append(c, s,
                {"update", "banpol_lpj", std::to_string(id), after->region_code, 0,
                 to_json(*before), to_json(*after)});
  return std::move(*after);
}

}  // namespace pantau::party_aid
