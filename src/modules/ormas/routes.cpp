// /api/v1/ormas/...: the registry (list, search, one ormas, board), duplicates across boards,
// local registrations with their checklist and clock, annual reports, sanctions, reminders,
// the map of secretariats and the XLSX/CSV import.
#include <fmt/format.h>

#include "auth/roles.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "core/xlsx_read.h"
#include "core/service_clock.h"
#include "db/bulk.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "modules/actors/public.h"
#include "modules/ormas/store.h"
#include "modules/regions/public.h"

namespace pantau::ormas {

using http::Ctx;
using http::Response;

namespace {

// Deadlines and reminders count the office's own day (WITA in Kalimantan Selatan), not UTC's.
Date office_today(const Ctx& ctx) { return pantau::office_today(ctx.scope().region_code); }

BoardInput board_input(json::In& in, const rapidjson::Value& v, const std::string& at) {
  BoardInput b;
  auto s = [&](const char* k, size_t max) -> std::string {
    if (!v.HasMember(k) || v[k].IsNull()) return "";
    if (!v[k].IsString()) {
      in.add_error(at + k, "type", "Harus berupa teks.", "Must be text.");
      return "";
    }
    std::string t = trim(v[k].GetString());
    if (t.size() > max) in.add_error(at + k, "too_long", "Terlalu panjang.", "Too long.");
    return t;
  };
  b.nik = s("nik", 16);
  b.name = s("name", 200);
  b.position = s("position", 32);
  b.term_start = s("term_start", 10);
  b.term_end = s("term_end", 10);
  b.is_state_official = v.HasMember("is_state_official") && v["is_state_official"].IsBool() && v["is_state_official"].GetBool();
  return b;
}

Result<OrmasInput> ormas_input(const Ctx& ctx) {
  const http::Request& req = ctx.req;
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  OrmasInput o;
  o.name = in.str("name", true, 300).value_or("");
  o.abbreviation = in.str("abbreviation", false, 50).value_or("");
  o.legal_form = in.one_of("legal_form", true, kLegalForms).value_or("");
  o.scope_level = in.one_of("scope_level", true, kScopes).value_or("");
  o.region_code = in.str("region_code", true, 13).value_or("");
  for (auto [k, dst] : {std::pair{"founding_date", &o.founding_date}, {"deed_date", &o.deed_date}, {"skt_issue_date", &o.skt_issue_date}})
    *dst = in.str(k, false, 10).value_or("");
  for (auto [k, dst] : {std::pair{"deed_notary", &o.deed_notary}, {"deed_no", &o.deed_no}, {"ahu_decree_no", &o.ahu_decree_no},
                        {"skt_no", &o.skt_no}, {"npwp", &o.npwp}, {"phone", &o.phone}, {"email", &o.email}})
    *dst = in.str(k, false, 200).value_or("");
  o.address = in.str("address", false, 1000).value_or("");
  o.lat = in.number("lat", false);
  o.lng = in.number("lng", false);
  if (auto* f = in.get("fields")) {
    if (!f->IsArray() || f->Size() > 20) in.add_error("fields", "type", "Harus berupa daftar bidang.", "Must be a list of fields.");
    else
      for (auto& x : f->GetArray())
        if (x.IsString()) o.fields.emplace_back(x.GetString());
  }
  if (auto* b = in.get("board")) {
    if (!b->IsArray()) in.add_error("board", "type", "Harus berupa daftar pengurus.", "Must be a list of board members.");
    else {
      int i = 0;
      for (auto& m : b->GetArray()) {
        std::string at = "board[" + std::to_string(i++) + "].";
        if (!m.IsObject()) in.add_error(at.substr(0, at.size() - 1), "type", "Harus berupa objek.", "Must be an object.");
        else o.board.push_back(board_input(in, m, at));
      }
    }
  }
  if (!in.ok()) return in.error();
  auto errs = validate(o, office_today(ctx));
  if (!errs.empty()) return Error::invalid(errs);
  return o;
}

Result<ListFilter> list_filter(const http::Request& req) {
  ListFilter f;
  f.q = req.q("q").value_or("");
  if (f.q.size() > 100) return Error::invalid_field("q", "too_long", "Teks pencarian terlalu panjang.", "The search text is too long.");
  f.region = req.q("region").value_or("");
  if (!f.region.empty()) PANTAU_CHECK(regions::check_code(f.region, "region"));
  f.status = req.q("status").value_or("");
  if (!f.status.empty() && std::find(kStatuses.begin(), kStatuses.end(), f.status) == kStatuses.end())
    return Error::invalid_field("status", "not_allowed", "Status tidak dikenal.", "Unknown status.");
  f.field = req.q("field").value_or("");
  if (!f.field.empty() && std::find(kFields.begin(), kFields.end(), f.field) == kFields.end())
    return Error::invalid_field("field", "not_allowed", "Bidang kegiatan tidak dikenal.", "Unknown field of activity.");
  f.skt = req.q("skt").value_or("");
  if (!f.skt.empty() && f.skt != "EXPIRING" && f.skt != "EXPIRED")
    return Error::invalid_field("skt", "not_allowed", "Pilih EXPIRING atau EXPIRED.", "Choose EXPIRING or EXPIRED.");
  PANTAU_TRY(f.page, http::paging(req));
  return f;
}

Response list(Ctx& ctx) {
  PANTAU_TRY(ListFilter f, list_filter(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_ormas(c, ctx.scope(), f, office_today(ctx)); });
}

const Message kNotFound{"Ormas tidak ditemukan.", "Ormas not found."};

Response get_one(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_ormas(c, ctx.scope(), id, office_today(ctx)); }, kNotFound);
}

// A write (idempotent: a retried POST replays the first answer) answered with the ormas as it now
// is; `op` returns the id of the ormas it changed.
template <class Op>
Response ormas_after(Ctx& ctx, int status, Op op) {
  return http::create(ctx, [&](db::Conn& c) -> Result<Ormas> {
    PANTAU_TRY(int64_t id, op(c));
    auto o = get_ormas(c, ctx.scope(), id, office_today(ctx));
    if (!o) return Error::not_found(kNotFound.id, kNotFound.en);
    return *o;
  }, status);
}

Response create(Ctx& ctx) {
  PANTAU_TRY(OrmasInput in, ormas_input(ctx));
  return ormas_after(ctx, 201, [&](db::Conn& c) { return create_ormas(c, ctx.scope(), in); });
}

Result<BoardInput> member_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  rapidjson::Document d;
  d.Parse(req.body.data(), req.body.size());
  BoardInput b = board_input(in, d, "");
  if (!in.ok()) return in.error();
  return b;
}

Response add_member(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  PANTAU_TRY(BoardInput b, member_input(ctx.req));
  return ormas_after(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t member, add_board_member(c, ctx.scope(), t.id, t.version, b));
    (void)member;
    return t.id;
  });
}

Response new_registration(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto on = in.str("submitted_on", true, 10);
  if (!in.ok()) return in.error();
  return ormas_after(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t rid, create_registration(c, ctx.scope(), id, *on));
    (void)rid;
    return id;
  });
}

const Message kNoRegistration{"Pendaftaran tidak ditemukan.", "Registration not found."};

// The ormas of the registration `rid` after a change to it.
Result<int64_t> registration_owner(db::Conn& c, const auth::Scope& s, int64_t rid) {
  auto o = ormas_of_registration(c, s, rid);
  if (!o) return Error::not_found(kNoRegistration.id, kNoRegistration.en);
  return *o;
}

Response judge(Ctx& ctx) {
  PANTAU_TRY(int64_t rid, http::path_id(ctx.req));
  std::string type(ctx.req.param("type"));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto verdict = in.one_of("verdict", true, {"VALID", "INVALID", "PENDING"});
  auto note = in.str("note", false, 2000).value_or("");
  if (!in.ok()) return in.error();
  return ormas_after(ctx, 200, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_CHECK(judge_document(c, ctx.scope(), rid, type, *verdict, note));
    return registration_owner(c, ctx.scope(), rid);
  });
}

Response reg_action(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto action = in.one_of("action", true, kRegActions);
  auto on = in.str("on", false, 10).value_or("");
  auto receipt = in.str("receipt_no", false, 100).value_or("");
  auto reason = in.str("reason", false, 2000).value_or("");
  if (!in.ok()) return in.error();
  return ormas_after(ctx, 200, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_CHECK(registration_action(c, ctx.scope(), t.id, t.version, *action, on, receipt, reason, office_today(ctx)));
    return registration_owner(c, ctx.scope(), t.id);
  });
}

Response annual(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto year = in.int64("year", true, 2000, 2100);
  auto on = in.str("submitted_on", true, 10);
  auto acts = in.str("activities", true, 20000);
  auto fin = in.str("finances_summary", false, 5000).value_or("");
  if (!in.ok()) return in.error();
  return ormas_after(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t rid, add_annual_report(c, ctx.scope(), id, static_cast<int>(*year), *on, *acts, fin));
    (void)rid;
    return id;
  });
}

Response sanction(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto level = in.one_of("level", true, {"WARNING", "ACTIVITY_STOP", "REVOCATION"});
  auto decree = in.str("decree_no", true, 200);
  auto on = in.str("issued_on", true, 10);
  auto reason = in.str("reason", true, 5000);
  bool grave = in.boolean("grave", false).value_or(false);
  if (!in.ok()) return in.error();
  return ormas_after(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t sid, impose_sanction(c, ctx.scope(), id, *level, *decree, *on, *reason, grave));
    (void)sid;
    return id;
  });
}

Response comply(Ctx& ctx) {
  PANTAU_TRY(int64_t sid, http::path_id(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto on = in.str("complied_on", true, 10);
  if (!in.ok()) return in.error();
  return ormas_after(ctx, 200, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_CHECK(comply_sanction(c, ctx.scope(), sid, *on));
    auto o = ormas_of_sanction(c, ctx.scope(), sid);
    if (!o) return Error::not_found("Sanksi tidak ditemukan.", "Sanction not found.");
    return *o;
  });
}

// The body is the CSV or XLSX file itself. A refused row refuses the file (nothing is written):
// 422 with the per-row report.
Response import_route(Ctx& ctx) {
  PANTAU_TRY(CsvTable table, looks_like_xlsx(ctx.req.body) ? parse_xlsx(ctx.req.body, 200000) : parse_csv(ctx.req.body, 200000));
  // A transaction of its own without a foreign-key look-up per row (SQLite): the import writes
  // only ids it reserved or found itself (db::BulkWrite).
  db::BulkWrite bulk;
  return http::write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(ImportReport rep, import_ormas(c, ctx.scope(), table, sha256_hex(ctx.req.body)));
    if (rep.refused.empty()) return Response::json(201, to_json(rep));
    Error e = Error::make(ErrorKind::Invalid, "import.refused",
                          fmt::format("{} kesalahan pada berkas; tidak ada yang diimpor. Perbaiki lalu unggah lagi.", rep.refused.size()),
                          fmt::format("{} errors in the file; nothing was imported. Fix them and upload again.", rep.refused.size()));
    return http::problem_with(e, "report", to_json(rep));
  });
}

Response shared_members(Ctx& ctx) {
  return http::read_items(ctx, [&](db::Conn& c) { return duplicates(c, ctx.scope()); });
}

Response reminders_route(Ctx& ctx) {
  return http::read(ctx, [&](db::Conn& c) { return reminders(c, ctx.scope(), office_today(ctx)); });
}

Response map_route(Ctx& ctx) {
  std::string region = ctx.req.q("region").value_or("");
  if (!region.empty()) PANTAU_CHECK(regions::check_code(region, "region"));
  // The points with coordinates, and every region's count (with or without coordinates).
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    json::Out o;
    o.begin_object().key("items").begin_array();
    for (const auto& x : map_points(c, ctx.scope(), region)) o.raw(to_json(x));
    o.end_array().key("regions").begin_array();
    for (const auto& x : map_counts(c, ctx.scope(), region)) o.raw(to_json(x));
    o.end_array().end_object();
    return Response::json(200, o.take());
  });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  http::RouteOptions approve{false, auth::kRecordApprove};
  r.get("/api/v1/ormas", list, read);
  r.post("/api/v1/ormas", create, write);
  r.post("/api/v1/ormas/import", import_route, write);
  r.get("/api/v1/ormas/duplicates", shared_members, read);
  r.get("/api/v1/ormas/reminders", reminders_route, read);
  r.get("/api/v1/ormas/map", map_route, read);
  r.get("/api/v1/ormas/{id}", get_one, read);
  r.post("/api/v1/ormas/{id}/board", add_member, write);
  r.post("/api/v1/ormas/{id}/registrations", new_registration, write);
  r.post("/api/v1/ormas/{id}/annual-reports", annual, write);
  r.post("/api/v1/ormas/{id}/sanctions", sanction, approve);
  r.post("/api/v1/ormas/sanctions/{id}/comply", comply, review);
  r.post("/api/v1/ormas/registrations/{id}/documents/{type}", judge, review);
  r.post("/api/v1/ormas/registrations/{id}/actions", reg_action, review);
}

}  // namespace pantau::ormas
