// Applications (pengajuan) for party aid: the document checklist, the usage plan, the
// verification team, the first-year decision and the state machine's actions.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/strings.h"
#include "core/time.h"
#include "modules/party_aid/store_internal.h"

namespace pantau::party_aid {

namespace {

constexpr const char* kAppSelect =
    "SELECT a.id, a.region_code, COALESCE(r.name, ''), a.fiscal_year, a.board_id, "
    "a.party_abbreviation, a.letter_no, a.letter_date, a.received_at, a.first_year, a.status, "
    "a.held_from, a.status_note, a.ba_verification_no, a.decree_no, a.determined_amount, "
    "a.sp2d_no, a.sp2d_date, a.disbursed_amount, a.created_at, a.updated_at, a.version, "
    "a.verification_decree_no, a.verification_date, a.first_year_override_reason, "
    "a.first_year_override_by, a.first_year_override_at "
    "FROM banpol_applications a LEFT JOIN regions r ON r.code = a.region_code ";

Application app_from(const db::Row& r) {
  Application a;
  a.id = r.i64(0);
  a.region_code = r.str(1);
  a.region_name = r.str(2);
  a.fiscal_year = r.i64(3);
  a.board_id = r.i64(4);
  a.party_abbreviation = r.str(5);
  a.letter_no = r.str(6);
  a.letter_date = r.str(7);
  a.received_at = r.str(8);
  a.first_year_claimed = r.i64(9) != 0;
  a.first_year = a.first_year_claimed;  // until derive_all() has looked at the records
  a.status = parse_app_state(r.text(10)).value_or(AppState::Received);
  if (auto h = r.opt_str(11)) a.held_from = parse_app_state(*h);
  a.status_note = r.str(12);
  a.ba_verification_no = r.str(13);
  a.decree_no = r.str(14);
  a.determined_amount = r.opt_i64(15);
  a.sp2d_no = r.str(16);
  a.sp2d_date = r.opt_str(17);
  a.disbursed_amount = r.opt_i64(18);
  a.created_at = r.str(19);
  a.updated_at = r.str(20);
  a.version = r.i64(21);
  a.verification_team.decree_no = r.str(22);
  a.verification_team.meeting_date = r.opt_str(23);
  if (auto reason = r.opt_str(24)) a.first_year_override = {*reason, r.opt_i64(25), r.str(26)};
  return a;
}

int min_political_education(db::Conn& c) {
  auto v = c.query_str("SELECT value FROM banpol_settings WHERE key = ?",
                       {std::string("usage.min_political_education_percent")});
  auto n = v ? parse_int64(*v) : std::nullopt;
  return n && *n >= 0 && *n <= 100 ? static_cast<int>(*n) : 60;
}

}  // namespace

std::optional<int64_t> earlier_funded_year(db::Conn& c, const std::string& region,
                                           const std::string& party, int64_t fiscal_year) {
  auto lpj = c.query_i64(
      "SELECT MAX(fiscal_year) FROM banpol_lpj WHERE region_code = ? AND party_abbreviation = ? "
      "AND fiscal_year < ?",
      {region, party, fiscal_year});
  auto funded = c.query_i64(
      "SELECT MAX(fiscal_year) FROM banpol_applications WHERE region_code = ? AND "
      "party_abbreviation = ? AND fiscal_year < ? AND status IN ('DETERMINED', "
      "'DISBURSEMENT_REQUESTED', 'DISBURSED')",
      {region, party, fiscal_year});
  if (lpj && funded) return std::max(*lpj, *funded);
  return lpj ? lpj : funded;
}

namespace {

// Everything an application shows besides its own row (first-year evidence, documents, usage
// plan, verification team, allocation amount, eligibility), for a whole page at once. Each
// related set is read in one query for all the page's applications (IN (...) over their ids,
// regions or years), never one query per application: 16 statements for any non-empty page:
//   1 first-year evidence, 1 document types, 1 documents, 1 usage lines, 1 team members,
//   1 political-education minimum, 6 allocations (regions, values, defaults, results, parties,
//   boards), 1 current boards, 2 previous year (LPJ, aid paid), 1 LPJ rule.
// With the page itself, a list answers in 17 statements (tests/unit/test_party_aid.cpp counts them).
void derive_all(db::Conn& c, std::vector<Application>& apps) {
  if (apps.empty()) return;
  db::Params ids;
  std::string ids_sql;
  std::vector<std::string> regions;
  std::set<PartyYear> amounts_wanted;
  for (const auto& a : apps) {
    ids_sql += ids_sql.empty() ? "?" : ", ?";
    ids.emplace_back(a.id);
    if (std::find(regions.begin(), regions.end(), a.region_code) == regions.end())
      regions.push_back(a.region_code);
    amounts_wanted.insert({a.region_code, a.party_abbreviation, a.fiscal_year});
  }
  // "First year" stands when the records hold no earlier funded year of this party in this
  // region (an LPJ, or an application determined or paid), or when a reviewer decided so.
  std::map<int64_t, int64_t> evidence;
  {
    db::Params p = ids;
    p.insert(p.end(), ids.begin(), ids.end());
    c.query(
        "SELECT x.id, MAX(x.fiscal_year) FROM (SELECT a.id AS id, l.fiscal_year AS fiscal_year "
        "FROM banpol_applications a JOIN banpol_lpj l ON l.region_code = a.region_code AND "
        "l.party_abbreviation = a.party_abbreviation AND l.fiscal_year < a.fiscal_year WHERE "
        "a.id IN (" + ids_sql + ") UNION ALL SELECT a.id, e.fiscal_year FROM "
        "banpol_applications a JOIN banpol_applications e ON e.region_code = a.region_code AND "
        "e.party_abbreviation = a.party_abbreviation AND e.fiscal_year < a.fiscal_year AND "
        "e.status IN ('DETERMINED', 'DISBURSEMENT_REQUESTED', 'DISBURSED') WHERE a.id IN (" +
            ids_sql + ")) x GROUP BY x.id",
        p, [&](const db::Row& r) { evidence[r.i64(0)] = r.i64(1); });
  }
  struct DocType {
    std::string code;
    Message name;
    bool required = true, waived_in_first_year = false;
  };
  std::vector<DocType> types;
  c.query(
      "SELECT code, name_id, name_en, required, waived_in_first_year FROM "
      "banpol_document_types ORDER BY sort_order",
      {}, [&](const db::Row& r) {
        types.push_back({r.str(0), {r.str(1), r.str(2)}, r.i64(3) != 0, r.i64(4) != 0});
      });
  std::map<std::pair<int64_t, std::string>, AppDocument> given;  // (application, code) -> row
  c.query(
      "SELECT application_id, doc_code, file_id, verdict, note, verdict_at FROM "
      "banpol_application_documents WHERE application_id IN (" + ids_sql + ")",
      ids, [&](const db::Row& r) {
        AppDocument d;
        d.file_id = r.opt_i64(2);
        if (!r.is_null(3)) d.verdict = r.str(3);
        d.note = r.is_null(4) ? "" : r.str(4);
        d.verdict_at = r.opt_str(5);
        given[{r.i64(0), r.str(1)}] = std::move(d);
      });
  std::map<int64_t, std::vector<UsageLine>> usage;
  c.query(
      "SELECT application_id, category, activity, amount FROM banpol_usage_lines WHERE "
      "application_id IN (" + ids_sql + ") ORDER BY id",
      ids, [&](const db::Row& r) { usage[r.i64(0)].push_back({r.str(1), r.str(2), r.i64(3)}); });
  std::map<int64_t, std::vector<TeamMember>> members;
  c.query(
      "SELECT application_id, name, nip, job_title, team_role FROM banpol_verification_members "
      "WHERE application_id IN (" + ids_sql + ") ORDER BY application_id, seq",
      ids, [&](const db::Row& r) {
        members[r.i64(0)].push_back({r.str(1), r.str(2), r.str(3), r.str(4)});
      });
  int min_pe = min_political_education(c);
  auto amounts = party_amounts(c, amounts_wanted);
  auto boards = current_boards(c, regions);
  auto previous = previous_years(c, ids_sql, ids);
  LpjRule rule = lpj_rule(c);

  for (auto& a : apps) {
    if (auto e = evidence.find(a.id); e != evidence.end()) a.first_year_evidence_year = e->second;
    a.first_year = a.first_year_claimed && (!a.first_year_evidence_year || a.first_year_override);
    for (const auto& t : types) {
      AppDocument d;
      if (auto g = given.find({a.id, t.code}); g != given.end()) d = g->second;
      d.code = t.code;
      d.name = t.name;
      d.required = t.required;
      d.waived = a.first_year && t.waived_in_first_year;
      a.documents.push_back(std::move(d));
    }
    if (auto u = usage.find(a.id); u != usage.end()) a.usage = u->second;
    if (auto m = members.find(a.id); m != members.end()) a.verification_team.members = m->second;
    std::vector<std::string> required;
    std::map<std::string, std::string> verdicts;
    for (const auto& d : a.documents) {
      if (d.required && !d.waived) required.push_back(d.code);
      verdicts[d.code] = d.verdict;
    }
    a.missing_documents = missing_documents(required, verdicts);
    a.min_political_education = min_pe;
    if (!a.usage.empty())
      if (auto u = check_usage_plan(a.usage, a.min_political_education); u.ok()) a.usage_check = *u;
    EligibilityInput in;
    if (auto am = amounts.find({a.region_code, a.party_abbreviation, a.fiscal_year});
        am != amounts.end()) {
      a.allocation_amount = am->second.amount;
      in.seats = am->second.seats;
    }
    std::optional<Board> board;
    if (auto b = boards.find({a.region_code, a.party_abbreviation}); b != boards.end())
      board = b->second;
    in.board = board_state(board, parse_date(a.received_at.substr(0, 10)).value_or(Date{}));
    PreviousYear prev;
    if (auto p = previous.find(a.id); p != previous.end()) prev = p->second;
    judge_previous_lpj(prev, a.region_code, a.fiscal_year, a.first_year, rule, in);
    a.eligibility = check_eligibility(in);
  }
}

Error not_found_application() {
  return Error::not_found("Permohonan bantuan tidak ditemukan.", "Application not found.");
}

bool documents_editable(AppState s) {
  return s == AppState::Received || s == AppState::AdminCheck ||
         s == AppState::ReturnedIncomplete || s == AppState::VerificationScheduled;
}

Error application_locked() {
  return Error::conflict("banpol.application_locked",
                         "Permohonan ini sudah melewati tahap pemeriksaan dokumen.",
                         "This application is past the document check.");
}

std::string_view permission_for(AppAction a) {
  switch (a) {
    case AppAction::Verify:
    case AppAction::Reject:
    case AppAction::Hold:
    case AppAction::Release:
      return auth::kRecordReview;
    case AppAction::Determine:
    case AppAction::RequestDisbursement:
    case AppAction::Disburse:
      return auth::kRecordApprove;
    default:
      return auth::kRecordWrite;
  }
}

}  // namespace

Page<Application> list_applications(db::Conn& c, const auth::Scope& s, const ApplicationQuery& q,
                                    const Paging& page) {
  db::Params p;
  std::string sql = std::string(kAppSelect) + "WHERE " + s.region_filter("a.region_code", p);
  if (!q.region.empty()) {
    sql += " AND a.region_code = ?";
    p.emplace_back(q.region);
  }
  if (q.fiscal_year) {
    sql += " AND a.fiscal_year = ?";
    p.emplace_back(*q.fiscal_year);
  }
  auto out = db::keyset_page(c, sql, p, page, "a.id", app_from);
  derive_all(c, out.items);
  return out;
}

std::optional<Application> get_application(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<Application> a;
  c.query(std::string(kAppSelect) + "WHERE a.id = ? AND " + s.region_filter("a.region_code", p), p,
          [&](const db::Row& r) { a = app_from(r); });
  if (!a) return a;
  std::vector<Application> one{std::move(*a)};
  derive_all(c, one);
  return std::move(one.front());
}

namespace {
Error first_year_contradicted(int64_t earlier, int64_t fiscal_year) {
  return Error::invalid_field(
      "first_year", "contradicted",
      fmt::format("Menurut catatan Pantau partai ini sudah menerima bantuan atau menyampaikan LPJ "
                  "untuk tahun anggaran {} di wilayah ini, jadi {} bukan tahun pertamanya. Bila "
                  "tetap tahun pertama kelayakan (mis. kursi diperoleh kembali), peninjau dapat "
                  "memutuskannya dengan alasan.",
                  earlier, fiscal_year),
      fmt::format("Pantau's records show aid or an accountability report of this party for fiscal "
                  "year {} in this region, so {} is not its first year. If it is still the first "
                  "year of eligibility (e.g. seats regained), a reviewer can decide so with a "
                  "reason.",
                  earlier, fiscal_year));
}
}  // namespace

Result<Application> create_application(db::Conn& c, const auth::Scope& s,
                                       const ApplicationInput& in) {
  auto board = get_board(c, s, in.board_id);
  if (!board)
    return Error::invalid_field("board_id", "not_found",
                                "Kepengurusan tidak ditemukan dalam cakupan Anda.",
                                "The board was not found in your scope.");
  PANTAU_CHECK(check_write(s, board->region_code, auth::kRecordWrite));
  if (board->status == "SUPERSEDED")
    return Error::invalid_field("board_id", "superseded", "Kepengurusan ini sudah digantikan.",
                                "This board has been superseded.");
  if (c.query_i64("SELECT 1 FROM banpol_applications WHERE region_code = ? AND fiscal_year = ? "
                  "AND party_abbreviation = ?",
                  {board->region_code, in.fiscal_year, board->party_abbreviation}))
    return Error::conflict("banpol.application_exists",
                           "Partai ini sudah mengajukan permohonan untuk tahun anggaran ini.",
                           "This party already applied for this fiscal year.");
  if (in.first_year) {
    if (auto y = earlier_funded_year(c, board->region_code, board->party_abbreviation,
                                     in.fiscal_year))
      return first_year_contradicted(*y, in.fiscal_year);
  }
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO banpol_applications (region_code, fiscal_year, board_id, party_abbreviation, "
      "letter_no, letter_date, received_at, first_year, status, created_by, created_at, "
      "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'APPLICATION_RECEIVED', ?, ?, ?, 1)",
      {board->region_code, in.fiscal_year, board->id, board->party_abbreviation, in.letter_no,
       in.letter_date, in.received_at, int64_t{in.first_year}, user_or_null(s), now, now});
  auto a = get_application(c, s, id);
  audit::append(c, s,
                {"create", "banpol_application", std::to_string(id), a->region_code, 0,
                 std::nullopt, to_json(*a)});
  return std::move(*a);
}

namespace {

// Bumps the application's version (documents and plan are part of it) and audits the change.
Result<Application> touch(db::Conn& c, const auth::Scope& s, const Application& before,
                          const std::string& action) {
  int64_t n = c.exec(
      "UPDATE banpol_applications SET updated_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {now_iso(), before.id, before.version});
  if (n == 0) return Error::stale_version();
  auto after = get_application(c, s, before.id);
  audit::append(c, s,
                {action, "banpol_application", std::to_string(before.id), before.region_code, 0,
                 to_json(before), to_json(*after)});
  return std::move(*after);
}

}  // namespace

Result<Application> set_document(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                 const std::string& code, const DocumentInput& in) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  auto doc = std::find_if(before->documents.begin(), before->documents.end(),
                          [&](const AppDocument& d) { return d.code == code; });
  if (doc == before->documents.end())
    return Error::not_found("Jenis dokumen tidak dikenal.", "Unknown document type.");
  if (in.file_id) PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  if (in.verdict) PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordReview));
  if (!documents_editable(before->status)) return application_locked();
  if (before->version != version) return Error::stale_version();
  std::optional<int64_t> file_id = doc->file_id;
  std::string verdict = doc->verdict, note = doc->note;
  if (in.file_id) {
    db::Params p{*in.file_id};
    std::optional<std::pair<std::string, std::string>> f;
    c.query("SELECT region_code, entity, entity_id FROM evidence_files WHERE id = ? AND " +
                s.record_filter("region_code", "classification", p),
            p, [&](const db::Row& r) {
              f = std::pair{r.str(0), r.str(1) + ":" + r.str(2)};
            });
    if (!f)
      return Error::invalid_field("file_id", "not_found", "Berkas tidak ditemukan.",
                                  "The file was not found.");
    if (f->first != before->region_code || f->second != "banpol_application:" + std::to_string(id))
      return Error::invalid_field(
          "file_id", "other_record",
          "Unggah berkas dengan entity=banpol_application, entity_id permohonan ini dan kode "
          "wilayahnya.",
          "Upload the file with entity=banpol_application, this application's id as entity_id "
          "and its region code.");
    file_id = in.file_id;
    verdict = "PENDING";  // a new file needs a new verdict
    note = in.note;
  }
  if (in.verdict) {
    if (*in.verdict != "ACCEPTED" && *in.verdict != "REJECTED")
      return Error::invalid_field("verdict", "not_allowed", "Pilih ACCEPTED atau REJECTED.",
                                  "Choose ACCEPTED or REJECTED.");
    if (!file_id)
      return Error::conflict("banpol.document_missing", "Dokumen ini belum diunggah.",
                             "This document has not been uploaded.");
    if (*in.verdict == "REJECTED" && in.note.empty())
      return Error::invalid_field("note", "required",
                                  "Sebutkan apa yang kurang agar partai dapat memperbaikinya.",
                                  "Say what is wrong so that the party can put it right.");
    verdict = *in.verdict;
    note = in.note;
  }
  bool had_row = c.query_i64(
                      "SELECT 1 FROM banpol_application_documents WHERE application_id = "
                      "? AND doc_code = ?",
                      {id, code})
                     .has_value();
  db::Value verdict_by = in.verdict ? user_or_null(s) : db::Value();
  db::Value verdict_at = in.verdict ? db::Value(now_iso()) : db::Value();
  if (had_row)
    c.exec(
        "UPDATE banpol_application_documents SET file_id = ?, verdict = ?, note = ?, "
        "verdict_by = ?, verdict_at = ? WHERE application_id = ? AND doc_code = ?",
        {opt_int(file_id), verdict, note, verdict_by, verdict_at, id, code});
  else
    c.exec(
        "INSERT INTO banpol_application_documents (application_id, doc_code, file_id, "
        "verdict, note, verdict_by, verdict_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {id, code, opt_int(file_id), verdict, note, verdict_by, verdict_at});
  return touch(c, s, *before, in.verdict ? "document_verdict" : "document");
}

Result<Application> set_usage_plan(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                   const std::vector<UsageLine>& lines) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  if (!documents_editable(before->status)) return application_locked();
  auto checked = check_usage_plan(lines, before->min_political_education);
  if (!checked.ok()) return checked.error();
  if (before->version != version) return Error::stale_version();
  c.exec("DELETE FROM banpol_usage_lines WHERE application_id = ?", {id});
  for (const auto& l : lines)
    c.exec(
        "INSERT INTO banpol_usage_lines (application_id, category, activity, amount) VALUES "
        "(?, ?, ?, ?)",
        {id, l.category, l.activity, l.amount});
  return touch(c, s, *before, "usage_plan");
}

Result<Application> set_verification_team(db::Conn& c, const auth::Scope& s, int64_t id,
                                          int64_t version, const VerificationTeam& team) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  if (!documents_editable(before->status))
    return Error::conflict("banpol.application_locked",
                           "Tim verifikasi tidak dapat diubah setelah verifikasi selesai.",
                           "The verification team cannot change once the verification is done.");
  std::vector<FieldError> errs = check_verification_team(team);
  if (!errs.empty()) return Error::invalid(std::move(errs));
  if (before->version != version) return Error::stale_version();
  c.exec(
      "UPDATE banpol_applications SET verification_decree_no = ?, verification_date = ? "
      "WHERE id = ?",
      {trim(team.decree_no), opt_text(team.meeting_date), id});
  c.exec("DELETE FROM banpol_verification_members WHERE application_id = ?", {id});
  int64_t seq = 0;
  for (const auto& m : team.members)
    c.exec(
        "INSERT INTO banpol_verification_members (application_id, seq, name, nip, job_title, "
        "team_role) VALUES (?, ?, ?, ?, ?, ?)",
        {id, ++seq, trim(m.name), m.nip, trim(m.job_title), m.role});
  return touch(c, s, *before, "verification_team");
}

Result<Application> decide_first_year(db::Conn& c, const auth::Scope& s, int64_t id,
                                      int64_t version, bool first_year, const std::string& reason) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordReview));
  if (!documents_editable(before->status)) return application_locked();
  std::string why = trim(reason);
  if (why.empty())
    return Error::invalid_field("reason", "required",
                                "Tuliskan alasan keputusan tahun pertama.",
                                "Give the reason for the first-year decision.");
  if (before->version != version) return Error::stale_version();
  std::string now = now_iso();
  if (c.exec("UPDATE banpol_applications SET first_year = ?, first_year_override_reason = ?, "
             "first_year_override_by = ?, first_year_override_at = ?, updated_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {int64_t{first_year}, why, user_or_null(s), now, now, id, version}) == 0)
    return Error::stale_version();
  auto after = get_application(c, s, id);
  audit::append(c, s,
                {"first_year_decision", "banpol_application", std::to_string(id),
                 before->region_code, 0, to_json(*before), to_json(*after)});
  return std::move(*after);
}

Result<Application> act_on_application(db::Conn& c, const auth::Scope& s, int64_t id,
                                       int64_t version, const ActionInput& in) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  PANTAU_CHECK(check_write(s, before->region_code, permission_for(in.action)));
  TransitionFacts f;
  f.documents_complete = before->missing_documents.empty();
  f.usage_plan_ok = before->usage_check && before->usage_check->meets_minimum;
  EligibilityInput e;
  previous_lpj(c, before->region_code, before->party_abbreviation, before->fiscal_year,
               before->first_year, e);
  f.sanction_active = e.sanction_active;
  auto board = current_board(c, before->region_code, before->party_abbreviation);
  f.board_disputed = board && board->status == "DISPUTED";
  f.has_sp2d = !in.sp2d_no.empty() && in.sp2d_date && parse_date(*in.sp2d_date);
  f.has_reason = !in.note.empty();
  f.held_from = before->held_from;
  PANTAU_TRY(AppState next, app_transition(before->status, in.action, f));
  if (before->version != version) return Error::stale_version();
  Application after = *before;
  after.status = next;
  after.status_note = in.note;
  if (in.action == AppAction::Hold) after.held_from = before->status;
  if (in.action == AppAction::Release) after.held_from.reset();
  if (in.action == AppAction::Verify) {
    if (in.ba_verification_no.empty())
      return Error::invalid_field("ba_verification_no", "required",
                                  "Sebutkan nomor Berita Acara hasil verifikasi.",
                                  "Give the number of the verification Berita Acara.");
    after.ba_verification_no = in.ba_verification_no;
  }
  if (in.action == AppAction::Determine) {
    if (in.decree_no.empty())
      return Error::invalid_field("decree_no", "required",
                                  "Sebutkan nomor Keputusan Kepala Daerah.",
                                  "Give the number of the head of region's decree.");
    if (!before->allocation_amount)
      return Error::conflict("banpol.amount_unknown",
                             "Jumlah bantuan belum dapat dihitung (suara sah belum lengkap).",
                             "The aid cannot be computed yet (valid votes missing).");
    after.decree_no = in.decree_no;
    after.determined_amount = before->allocation_amount;
  }
  if (in.action == AppAction::Disburse) {
    after.sp2d_no = in.sp2d_no;
    after.sp2d_date = in.sp2d_date;
    after.disbursed_amount = after.determined_amount;
  }
  int64_t n = c.exec(
      "UPDATE banpol_applications SET status = ?, held_from = ?, status_note = ?, "
      "ba_verification_no = ?, decree_no = ?, determined_amount = ?, sp2d_no = ?, sp2d_date = ?, "
      "disbursed_amount = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {std::string(name(after.status)),
       after.held_from ? db::Value(std::string(name(*after.held_from))) : db::Value(),
       after.status_note, after.ba_verification_no, after.decree_no,
       opt_int(after.determined_amount), after.sp2d_no, opt_text(after.sp2d_date),
       opt_int(after.disbursed_amount), now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto fresh = get_application(c, s, id);
  audit::append(c, s,
                {to_lower_ascii(name(in.action)), "banpol_application", std::to_string(id),
                 fresh->region_code, 0, to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

// The same conditions as upload_document/set_usage_plan/set_verification_team (record.write) and
// judge_document (record.review): the caller's area, the permission, documents still open.
std::vector<std::string> allowed_edits(const Application& a, const auth::Scope& s) {
  std::vector<std::string> out;
  if (!s.covers(a.region_code) || !documents_editable(a.status)) return out;
  if (s.can(auth::kRecordWrite)) out.insert(out.end(), {"DOCUMENTS", "TEAM"});
  if (s.can(auth::kRecordReview)) out.emplace_back("VERDICTS");
  return out;
}

std::vector<AppAction> allowed_actions(const Application& a, const auth::Scope& s) {
  std::vector<AppAction> out;
  if (!s.covers(a.region_code)) return out;
  // Every guard satisfied: what remains is whether the state allows the step.
  TransitionFacts open;
  open.held_from = a.held_from.value_or(AppState::Received);
  for (auto name : kAppActions) {
    AppAction action = *parse_app_action(name);
    if (s.can(permission_for(action)) && app_transition(a.status, action, open).ok()) out.push_back(action);
  }
  return out;
}

}  // namespace pantau::party_aid
