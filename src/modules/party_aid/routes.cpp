// /api/v1/party-aid/...: financial aid to political parties (banpol). Values per vote, KPU
// results with CSV import, party boards, allocations and the budget sheet, applications with
// their documents, usage plan and state machine, the LPJ cycle, and the position per party.
#include <fmt/format.h>

#include "auth/roles.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/xlsx_read.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/party_aid/documents.h"
#include "modules/party_aid/rules.h"
#include "modules/party_aid/store.h"

namespace pantau::party_aid {

using http::Ctx;
using http::Response;

namespace {

Result<std::optional<int64_t>> query_year(const http::Request& req, std::string_view key,
                                          bool required) {
  auto s = req.q(key);
  if (!s || s->empty()) {
    if (required)
      return Error::invalid_field(std::string(key), "required", "Sebutkan tahunnya.",
                                  "Name the year.");
    return std::optional<int64_t>();
  }
  auto v = parse_int64(*s);
  if (!v || *v < 1999 || *v > 2100)
    return Error::invalid_field(std::string(key), "invalid", "Tahun tidak valid.",
                                "Not a valid year.");
  return std::optional<int64_t>(*v);
}

// ?region= : a Kemendagri code; absent = the caller's own region.
Result<std::string> query_region(const Ctx& ctx) {
  auto r = ctx.req.q("region");
  if (!r) return ctx.scope().region_code;
  if (!r->empty() && region_level(*r) == RegionLevel::Invalid)
    return Error::invalid_field("region", "region_code", "Kode wilayah Kemendagri tidak valid.",
                                "Not a valid Kemendagri region code.");
  return *r;
}

using http::items_json;

void check_date(json::In& in, std::string_view field, const std::optional<std::string>& v) {
  if (v && !v->empty() && !parse_date(*v))
    in.add_error(std::string(field), "invalid", "Tanggal harus berformat YYYY-MM-DD.",
                 "The date must be YYYY-MM-DD.");
}

std::optional<std::string> opt_date_field(json::In& in, std::string_view field) {
  auto v = in.str(field, false, 10);
  check_date(in, field, v);
  if (v && v->empty()) return std::nullopt;
  return v;
}

// ---- values per vote ----------------------------------------------------------------------

Response list_defaults(Ctx& ctx) {
  return http::read(ctx, [&](db::Conn& c) {
    json::Out o;
    o.begin_object().key("items").begin_array();
    for (const auto& d : list_default_values(c))
      o.begin_object()
          .kv("chamber", d.chamber)
          .kv("from_year", d.from_year)
          .kv_opt("to_year", d.to_year)
          .kv("value_per_vote", format_value(d.value_sen))
          .kv("value_per_vote_sen", d.value_sen)
          .kv("legal_basis", d.legal_basis)
          .kv("confidence", d.confidence)
          .end_object();
    o.end_array().end_object();
    return Response::json(200, o.take());
  });
}

Response list_values(Ctx& ctx) {
  PANTAU_TRY(std::string region, http::region_param(ctx.req));
  PANTAU_TRY(std::optional<int64_t> year, query_year(ctx.req, "year", false));
  PANTAU_TRY(Paging page, http::paging(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_vote_values(c, ctx.scope(), region, year, page); });
}

// The value per vote: "value_per_vote" in whole Rupiah, or "value_per_vote_sen" for a legacy
// value with sen (never a decimal number: no floating point for money).
Result<VoteValueInput> value_input(const http::Request& req, bool create) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  VoteValueInput v;
  std::optional<std::string> region;
  std::optional<int64_t> year;
  if (create) {
    region = in.str("region_code", false, 8);
    if (!region) region = "";
    if (!region->empty() && region_level(*region) == RegionLevel::Invalid)
      in.add_error("region_code", "region_code", "Kode wilayah Kemendagri tidak valid.",
                   "Not a valid Kemendagri region code.");
    year = in.int64("fiscal_year", true, 1999, 2100);
  } else {
    for (const char* fixed : {"region_code", "fiscal_year"})
      if (in.has(fixed))
        in.add_error(fixed, "read_only", "Tidak dapat diubah.", "Cannot be changed.");
  }
  auto rupiah = in.int64("value_per_vote", false, 1, 100'000'000);
  auto sen = in.int64("value_per_vote_sen", false, 1, 10'000'000'000);
  if (rupiah.has_value() == sen.has_value())
    in.add_error("value_per_vote", "required",
                 "Isi salah satu: value_per_vote (rupiah) atau value_per_vote_sen.",
                 "Give exactly one of value_per_vote (rupiah) or value_per_vote_sen.");
  auto basis = in.one_of("basis", true, kValueBases);
  auto letter = in.str("approval_letter_no", false, 200);
  auto legal = in.str("legal_basis", true, 300);
  auto rounding = in.one_of("rounding", false, kRoundings);
  auto election = in.int64("election_year", true, 1955, 2100);
  auto inauguration = opt_date_field(in, "inauguration_date");
  auto previous = in.int64("previous_election_year", false, 1955, 2100);
  auto note = in.str("note", false, 1000);
  if (!in.ok()) return in.error();
  v.region_code = region.value_or("");
  v.fiscal_year = year.value_or(0);
  v.value_sen = rupiah ? *rupiah * 100 : *sen;
  v.basis = *basis;
  v.approval_letter_no = letter.value_or("");
  v.legal_basis = *legal;
  v.rounding = parse_rounding(rounding.value_or("ROUND_HALF_UP")).value_or(Rounding::HalfUp);
  v.election_year = *election;
  v.inauguration_date = inauguration;
  v.previous_election_year = previous;
  v.note = note.value_or("");
  return v;
}

Response create_value(Ctx& ctx) {
  PANTAU_TRY(VoteValueInput in, value_input(ctx.req, true));
  return http::create(ctx, [&](db::Conn& c) { return create_vote_value(c, ctx.scope(), in); });
}

Response patch_value(Ctx& ctx) {
  return http::update(ctx, [](const http::Request& req) { return value_input(req, false); },
                      [&](db::Conn& c, int64_t id, int64_t version, const VoteValueInput& in) {
                        return update_vote_value(c, ctx.scope(), id, version, in);
                      });
}

// ---- election results ---------------------------------------------------------------------

Response list_election_results(Ctx& ctx) {
  PANTAU_TRY(std::string region, query_region(ctx));
  PANTAU_TRY(std::optional<int64_t> year, query_year(ctx.req, "election_year", true));
  return http::read_items(ctx, [&](db::Conn& c) { return list_results(c, ctx.scope(), region, *year); });
}

// The body is the CSV or XLSX file itself (told apart by the zip magic bytes, whatever the
// Content-Type). A refused row refuses the file: 422 with the per-row report.
Response import_election_results(Ctx& ctx) {
  PANTAU_TRY(std::optional<int64_t> year, query_year(ctx.req, "election_year", true));
  bool dry_run = ctx.req.q("dry_run").value_or("") == "true";
  // Sent as a workbook but not one: say so, rather than complain about a CSV's encoding.
  if (ctx.req.header("content-type").starts_with(
          "application/vnd.openxmlformats-officedocument.spreadsheetml") &&
      !looks_like_xlsx(ctx.req.body))
    return parse_xlsx(ctx.req.body).error();
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(ImportReport rep, import_results(c, ctx.scope(), *year, ctx.req.body, dry_run));
    if (rep.refused == 0) return Response::json(rep.applied ? 201 : 200, to_json(rep));
    Error e = Error::invalid(
        {{"file",
          "rows_refused",
          {fmt::format("{} dari {} baris ditolak; tidak ada yang disimpan.", rep.refused, rep.rows),
           fmt::format("{} of {} rows were refused; nothing was saved.", rep.refused, rep.rows)}}});
    return http::problem_with(e, "import", to_json(rep));
  });
}

// ---- boards -------------------------------------------------------------------------------

Response list_all_boards(Ctx& ctx) {
  auto region_q = http::region_param(ctx.req);
  if (!region_q.ok()) return Response::problem(region_q.error());
  std::string region = *region_q;
  bool all = ctx.req.q("include_superseded").value_or("") == "true";
  PANTAU_TRY(Paging page, http::paging(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_boards(c, ctx.scope(), region, all, page); });
}

Response get_one_board(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_board(c, ctx.scope(), id); },
                        {"Kepengurusan tidak ditemukan.", "Board not found."});
}

Result<BoardInput> board_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  BoardInput b;
  auto region = in.str("region_code", true, 8);
  auto party = in.str("party_abbreviation", true, 40);
  auto decree = in.str("decree_no", true, 200);
  auto decree_date = in.str("decree_date", true, 10);
  check_date(in, "decree_date", decree_date);
  auto chair = in.str("chair", true, 200);
  auto secretary = in.str("secretary", true, 200);
  auto treasurer = in.str("treasurer", true, 200);
  auto npwp = in.str("npwp", false, 40);
  auto bank = in.str("bank_name", false, 200);
  auto account = in.str("bank_account_no", false, 60);
  auto holder = in.str("bank_account_holder", false, 200);
  auto address = in.str("office_address", false, 500);
  auto from = in.str("valid_from", true, 10);
  check_date(in, "valid_from", from);
  auto to = opt_date_field(in, "valid_to");
  if (from && to && *to < *from)
    in.add_error("valid_to", "before_start", "Tanggal akhir harus sesudah tanggal mulai.",
                 "The end date must come after the start date.");
  if (!in.ok()) return in.error();
  b = {*region,
       *party,
       *decree,
       *decree_date,
       *chair,
       *secretary,
       *treasurer,
       npwp.value_or(""),
       bank.value_or(""),
       account.value_or(""),
       holder.value_or(""),
       address.value_or(""),
       *from,
       to};
  return b;
}

Response create_one_board(Ctx& ctx) {
  PANTAU_TRY(BoardInput in, board_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return create_board(c, ctx.scope(), in); });
}

Result<BoardPatch> board_patch(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  for (const char* fixed :
       {"region_code", "party_abbreviation", "decree_no", "decree_date", "valid_from"})
    if (in.has(fixed))
      in.add_error(fixed, "read_only", "Tidak dapat diubah; catat kepengurusan baru.",
                   "Cannot be changed; record a new board.");
  BoardPatch p;
  p.chair = in.str("chair", false, 200);
  p.secretary = in.str("secretary", false, 200);
  p.treasurer = in.str("treasurer", false, 200);
  p.npwp = in.str("npwp", false, 40);
  p.bank_name = in.str("bank_name", false, 200);
  p.bank_account_no = in.str("bank_account_no", false, 60);
  p.bank_account_holder = in.str("bank_account_holder", false, 200);
  p.office_address = in.str("office_address", false, 500);
  p.valid_to = in.str("valid_to", false, 10);
  check_date(in, "valid_to", p.valid_to);
  p.status = in.one_of("status", false, kBoardStatuses);
  p.status_note = in.str("status_note", false, 1000);
  if (!in.ok()) return in.error();
  return p;
}

Response patch_board(Ctx& ctx) {
  return http::update(ctx, board_patch, [&](db::Conn& c, int64_t id, int64_t version, const BoardPatch& p) {
    return update_board(c, ctx.scope(), id, version, p);
  });
}

// ---- allocations --------------------------------------------------------------------------

Result<std::pair<std::string, int64_t>> region_and_year(const Ctx& ctx) {
  PANTAU_TRY(std::string region, query_region(ctx));
  PANTAU_TRY(std::optional<int64_t> year, query_year(ctx.req, "year", true));
  return std::pair{region, *year};
}

Response get_allocation(Ctx& ctx) {
  PANTAU_TRY(auto q, region_and_year(ctx));
  return http::read(ctx, [&](db::Conn& c) { return allocation_for(c, ctx.scope(), q.first, q.second); });
}

// Totals of every province and kab/kota under a region, for the national/provincial view.
Response allocation_summary(Ctx& ctx) {
  PANTAU_TRY(auto q, region_and_year(ctx));
  auto all = ctx.db().read_value<std::vector<RegionAllocation>>(
      [&](db::Conn& c) { return allocations_within(c, ctx.scope(), q.first, q.second); });
  if (!all.ok()) return all.error();
  json::Out o;
  int64_t grand = 0;
  o.begin_object().kv("region", q.first).kv("fiscal_year", q.second).key("items").begin_array();
  for (const auto& a : *all) {
    grand += a.allocation.total;
    o.begin_object()
        .kv("region_code", a.region_code)
        .kv("region_name", a.region_name)
        .kv("chamber", a.chamber)
        .kv("value_per_vote", format_value(a.value_sen))
        .kv("value_source", a.configured ? "CONFIGURED" : "DEFAULT")
        .kv("parties", static_cast<int64_t>(a.allocation.lines.size()))
        .kv("total_rupiah", a.allocation.total)
        .kv("lines_missing_votes", a.allocation.lines_missing_votes);
    o.key("problems").begin_array();
    for (const auto& p : a.problems) o.value(p);
    o.end_array().end_object();
  }
  o.end_array().kv("total_rupiah", grand).end_object();
  return Response::json(200, o.take());
}

Response allocation_xlsx(Ctx& ctx) {
  PANTAU_TRY(auto q, region_and_year(ctx));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(RegionAllocation a, allocation_for(c, ctx.scope(), q.first, q.second));
    PANTAU_TRY(std::string x, budget_sheet_xlsx(a));
    return http::attachment(std::move(x), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            fmt::format("banpol-{}-{}.xlsx", q.first.empty() ? "nasional" : q.first, q.second));
  });
}

// ---- applications -------------------------------------------------------------------------

// An application as answered to its caller: with the actions the caller may take and what the
// caller may change now.
void tell_caller(Application& a, const auth::Scope& s) {
  a.allowed_actions = allowed_actions(a, s);
  a.allowed_edits = allowed_edits(a, s);
}
std::optional<Application> for_caller(std::optional<Application> a, const auth::Scope& s) {
  if (a) tell_caller(*a, s);
  return a;
}
Result<Application> for_caller(Result<Application> a, const auth::Scope& s) {
  if (!a.ok()) return a;
  Application out = std::move(a).value();
  tell_caller(out, s);
  return out;
}
Page<Application> for_caller(Page<Application> page, const auth::Scope& s) {
  for (auto& a : page.items) tell_caller(a, s);
  return page;
}

Response list_all_applications(Ctx& ctx) {
  ApplicationQuery q;
  PANTAU_TRY(q.region, http::region_param(ctx.req));
  PANTAU_TRY(q.fiscal_year, query_year(ctx.req, "year", false));
  PANTAU_TRY(Paging page, http::paging(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return for_caller(list_applications(c, ctx.scope(), q, page), ctx.scope()); });
}

Response get_one_application(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return for_caller(get_application(c, ctx.scope(), id), ctx.scope()); },
                        {"Permohonan bantuan tidak ditemukan.", "Application not found."});
}

Response create_one_application(Ctx& ctx) {
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto board = in.int64("board_id", true, 1);
  auto year = in.int64("fiscal_year", true, 1999, 2100);
  auto letter = in.str("letter_no", true, 200);
  auto letter_date = in.str("letter_date", true, 10);
  check_date(in, "letter_date", letter_date);
  auto received = in.str("received_at", true, 10);
  check_date(in, "received_at", received);
  auto first = in.boolean("first_year", false);
  if (!in.ok()) return in.error();
  ApplicationInput a{*board, *year, *letter, *letter_date, *received, first.value_or(false)};
  return http::create(ctx, [&](db::Conn& c) { return for_caller(create_application(c, ctx.scope(), a), ctx.scope()); });
}

Result<DocumentInput> document_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  DocumentInput d;
  d.file_id = in.int64("file_id", false, 1);
  d.verdict = in.one_of("verdict", false, {"ACCEPTED", "REJECTED"});
  d.note = in.str("note", false, 1000).value_or("");
  if (!d.file_id && !d.verdict)
    in.add_error("file_id", "required", "Isi file_id atau verdict.", "Give file_id or verdict.");
  if (!in.ok()) return in.error();
  return d;
}

Response patch_document(Ctx& ctx) {
  std::string code(ctx.req.param("code"));
  return http::update(ctx, document_input, [&](db::Conn& c, int64_t id, int64_t version, const DocumentInput& d) {
    return for_caller(set_document(c, ctx.scope(), id, version, code, d), ctx.scope());
  });
}

// A reviewer's decision on "first year" (docs/PARTY_AID.md): {first_year, reason}.
struct FirstYearInput {
  bool first_year = false;
  std::string reason;
};

Result<FirstYearInput> first_year_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  auto first = in.boolean("first_year", true);
  auto reason = in.str("reason", true, 1000);
  if (!in.ok()) return in.error();
  return FirstYearInput{*first, *reason};
}

Response patch_first_year(Ctx& ctx) {
  return http::update(ctx, first_year_input, [&](db::Conn& c, int64_t id, int64_t version, const FirstYearInput& f) {
    return for_caller(decide_first_year(c, ctx.scope(), id, version, f.first_year, f.reason), ctx.scope());
  });
}

Result<std::vector<UsageLine>> usage_lines(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  const rapidjson::Value* arr = in.get("lines");
  if (!arr || !arr->IsArray() || arr->Size() > 500)
    return Error::invalid_field("lines", "required", "Kirim daftar kegiatan (lines), paling banyak 500.",
                                "Send the list of activities (lines), at most 500.");
  std::vector<UsageLine> lines;
  std::vector<FieldError> errs;
  for (rapidjson::SizeType i = 0; i < arr->Size(); ++i) {
    const auto& v = (*arr)[i];
    std::string at = "lines[" + std::to_string(i) + "]";
    if (!v.IsObject() || !v.HasMember("category") || !v["category"].IsString() ||
        !v.HasMember("activity") || !v["activity"].IsString() || !v.HasMember("amount") ||
        !v["amount"].IsInt64() || v["activity"].GetStringLength() > 500) {
      errs.push_back({at,
                      "invalid",
                      {"Setiap kegiatan: category, activity (teks), amount (bilangan bulat).",
                       "Each activity needs category, activity (text), amount (whole number)."}});
      continue;
    }
    lines.push_back(
        {v["category"].GetString(), trim(v["activity"].GetString()), v["amount"].GetInt64()});
  }
  if (!errs.empty()) return Error::invalid(std::move(errs));
  return lines;
}

Response patch_usage_plan(Ctx& ctx) {
  return http::update(ctx, usage_lines, [&](db::Conn& c, int64_t id, int64_t version, const std::vector<UsageLine>& lines) {
    return for_caller(set_usage_plan(c, ctx.scope(), id, version, lines), ctx.scope());
  });
}

Response application_action(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto action = in.one_of("action", true, kAppActions);
  ActionInput a;
  a.note = in.str("note", false, 2000).value_or("");
  a.ba_verification_no = in.str("ba_verification_no", false, 200).value_or("");
  a.decree_no = in.str("decree_no", false, 200).value_or("");
  a.sp2d_no = in.str("sp2d_no", false, 200).value_or("");
  a.sp2d_date = opt_date_field(in, "sp2d_date");
  if (!in.ok()) return in.error();
  a.action = *parse_app_action(*action);
  // With an Idempotency-Key a retried action (a double-clicked "Cairkan") is not taken twice.
  return http::create(ctx, [&](db::Conn& c) { return for_caller(act_on_application(c, ctx.scope(), t.id, t.version, a), ctx.scope()); }, 200);
}

// The verification team (Tim Verifikasi) of an application, replaced as a whole.
Result<VerificationTeam> verification_team_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  VerificationTeam team;
  team.decree_no = in.str("decree_no", true, 200).value_or("");
  team.meeting_date = opt_date_field(in, "meeting_date");
  const rapidjson::Value* arr = in.get("members");
  if (!arr || !arr->IsArray() || arr->Size() > 30)
    in.add_error("members", "required", "Kirim daftar anggota tim (members), paling banyak 30.",
                 "Send the list of team members (members), at most 30.");
  if (!in.ok()) return in.error();
  std::vector<FieldError> errs;
  for (rapidjson::SizeType i = 0; i < arr->Size(); ++i) {
    const auto& v = (*arr)[i];
    auto text = [&](const char* k) -> std::optional<std::string> {
      if (!v.HasMember(k)) return std::string();
      if (!v[k].IsString() || v[k].GetStringLength() > 300) return std::nullopt;
      return std::string(v[k].GetString());
    };
    std::optional<std::string> name, nip, job, role;
    if (v.IsObject()) {
      name = text("name");
      nip = text("nip");
      job = text("job_title");
      role = text("role");
    }
    if (!name || !nip || !job || !role) {
      errs.push_back({"members[" + std::to_string(i) + "]",
                      "invalid",
                      {"Setiap anggota: name, nip, job_title, role (teks).",
                       "Each member: name, nip, job_title, role (text)."}});
      continue;
    }
    team.members.push_back({*name, trim(*nip), *job, *role});
  }
  if (!errs.empty()) return Error::invalid(std::move(errs));
  return team;
}

Response patch_verification_team(Ctx& ctx) {
  return http::update(ctx, verification_team_input,
                      [&](db::Conn& c, int64_t id, int64_t version, const VerificationTeam& team) {
                        return for_caller(set_verification_team(c, ctx.scope(), id, version, team), ctx.scope());
                      });
}

// ---- official documents -------------------------------------------------------------------

// Every official PDF is issued through the document register (number, QR code, hash).
Response issued_pdf(Ctx& ctx, const documents::DocumentRef& ref, const std::string& filename,
                    const documents::Renderer& render) {
  auto issued = documents::issue(ctx.db(), ctx.scope(), ref, documents::public_base(ctx.svc.cfg), render);
  if (!issued.ok()) return issued.error();
  Response r = http::attachment(std::move(issued->pdf), "application/pdf", filename);
  r.header("X-Document-Code", issued->entry.code);
  return r;
}

template <class Ref, class Build>
Response application_pdf(Ctx& ctx, const char* prefix, Ref ref_of, Build build) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  auto ref = ctx.db().read_value<documents::DocumentRef>([&](db::Conn& c) { return ref_of(c, ctx.scope(), id); });
  if (!ref.ok()) return ref.error();
  return issued_pdf(ctx, *ref, fmt::format("{}-{}.pdf", prefix, id),
                    [&](db::Conn& c, const documents::Stamp& st) { return build(c, ctx.scope(), id, st); });
}

Response verification_report(Ctx& ctx) {
  return application_pdf(ctx, "ba-verifikasi-banpol", verification_report_document,
                         verification_report_pdf);
}

Response handover_report(Ctx& ctx) {
  return application_pdf(ctx, "ba-serah-terima-banpol", handover_report_document,
                         handover_report_pdf);
}

Response decree(Ctx& ctx) {
  PANTAU_TRY(auto q, region_and_year(ctx));
  if (q.first.empty())  // the same refusal as decree_pdf gives, before anything is registered
    return Error::invalid_field("region", "not_allowed",
                                "Keputusan kepala daerah dibuat oleh provinsi atau kabupaten/kota.",
                                "A head of region's decree is made by a province or a kabupaten/kota.");
  return issued_pdf(ctx, decree_document(q.first, q.second), fmt::format("keputusan-banpol-{}-{}.pdf", q.first, q.second),
                    [&](db::Conn& c, const documents::Stamp& st) { return decree_pdf(c, ctx.scope(), q.first, q.second, st); });
}

Response evaluation(Ctx& ctx) {
  PANTAU_TRY(auto q, region_and_year(ctx));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(std::string x, evaluation_xlsx(c, ctx.scope(), q.first, q.second));
    return http::attachment(std::move(x), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            fmt::format("evaluasi-banpol-{}-{}.xlsx", q.first.empty() ? "nasional" : q.first, q.second));
  });
}

// ---- LPJ ----------------------------------------------------------------------------------

Response list_all_lpj(Ctx& ctx) {
  PANTAU_TRY(std::string region, http::region_param(ctx.req));
  PANTAU_TRY(std::optional<int64_t> year, query_year(ctx.req, "year", false));
  PANTAU_TRY(Paging page, http::paging(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_lpj(c, ctx.scope(), region, year, page); });
}

Result<LpjInput> lpj_input(const http::Request& req, bool create) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  LpjInput l;
  if (create) {
    auto region = in.str("region_code", true, 8);
    auto party = in.str("party_abbreviation", true, 40);
    auto year = in.int64("fiscal_year", true, 1999, 2100);
    if (in.ok()) {
      l.region_code = *region;
      l.party_abbreviation = *party;
      l.fiscal_year = *year;
    }
  } else {
    for (const char* fixed : {"region_code", "party_abbreviation", "fiscal_year"})
      if (in.has(fixed))
        in.add_error(fixed, "read_only", "Tidak dapat diubah.", "Cannot be changed.");
  }
  l.submitted_to_bpk = opt_date_field(in, "submitted_to_bpk");
  l.audited = opt_date_field(in, "audited");
  l.lhp_received = opt_date_field(in, "lhp_received");
  l.submitted_to_government = opt_date_field(in, "submitted_to_government");
  l.bpk_lhp_no = in.str("bpk_lhp_no", false, 200).value_or("");
  l.findings_count = in.int64("findings_count", false, 0, 100000).value_or(0);
  l.note = in.str("note", false, 2000).value_or("");
  if (!in.ok()) return in.error();
  return l;
}

Response create_one_lpj(Ctx& ctx) {
  PANTAU_TRY(LpjInput in, lpj_input(ctx.req, true));
  return http::create(ctx, [&](db::Conn& c) { return create_lpj(c, ctx.scope(), in); });
}

Response patch_lpj(Ctx& ctx) {
  return http::update(ctx, [](const http::Request& req) { return lpj_input(req, false); },
                      [&](db::Conn& c, int64_t id, int64_t version, const LpjInput& in) {
                        return update_lpj(c, ctx.scope(), id, version, in);
                      });
}

// ---- positions ----------------------------------------------------------------------------

Response list_positions(Ctx& ctx) {
  PANTAU_TRY(auto q, region_and_year(ctx));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(std::vector<Position> p, positions(c, ctx.scope(), q.first, q.second));
    return Response::json(200, json::with_members(items_json(p), json::object("region", q.first, "fiscal_year", q.second)));
  });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  r.get("/api/v1/party-aid/default-values", list_defaults, read);
  r.get("/api/v1/party-aid/vote-values", list_values, read);
  r.post("/api/v1/party-aid/vote-values", create_value, write);
  r.patch("/api/v1/party-aid/vote-values/{id}", patch_value, write);
  r.get("/api/v1/party-aid/election-results", list_election_results, read);
  r.post("/api/v1/party-aid/election-results/import", import_election_results, write);
  r.get("/api/v1/party-aid/boards", list_all_boards, read);
  r.post("/api/v1/party-aid/boards", create_one_board, write);
  r.get("/api/v1/party-aid/boards/{id}", get_one_board, read);
  r.patch("/api/v1/party-aid/boards/{id}", patch_board, write);
  r.get("/api/v1/party-aid/allocations", get_allocation, read);
  r.get("/api/v1/party-aid/allocations/summary", allocation_summary, read);
  r.get("/api/v1/party-aid/allocations.xlsx", allocation_xlsx, read);
  r.get("/api/v1/party-aid/applications", list_all_applications, read);
  r.post("/api/v1/party-aid/applications", create_one_application, write);
  r.get("/api/v1/party-aid/applications/{id}", get_one_application, read);
  r.patch("/api/v1/party-aid/applications/{id}/documents/{code}", patch_document, read);
  r.patch("/api/v1/party-aid/applications/{id}/usage-plan", patch_usage_plan, write);
  r.post("/api/v1/party-aid/applications/{id}/actions", application_action, read);
  r.patch("/api/v1/party-aid/applications/{id}/verification-team", patch_verification_team, write);
  r.get("/api/v1/party-aid/applications/{id}/berita-acara-verifikasi.pdf", verification_report,
        read);
  r.get("/api/v1/party-aid/applications/{id}/berita-acara-serah-terima.pdf", handover_report, read);
  r.get("/api/v1/party-aid/allocations/keputusan.pdf", decree, read);
  r.get("/api/v1/party-aid/evaluation.xlsx", evaluation, read);
  r.get("/api/v1/party-aid/lpj", list_all_lpj, read);
  r.post("/api/v1/party-aid/lpj", create_one_lpj, write);
  r.patch("/api/v1/party-aid/lpj/{id}", patch_lpj, write);
  r.get("/api/v1/party-aid/positions", list_positions, read);
  r.patch("/api/v1/party-aid/applications/{id}/first-year", patch_first_year, read);
}

}  // namespace pantau::party_aid
