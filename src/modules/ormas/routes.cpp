// /api/v1/ormas/...: the registry (list, search, one ormas, board), duplicates across boards,
// local registrations with their checklist and clock, annual reports, sanctions, reminders,
// the map of secretariats and the XLSX/CSV import.
#include <fmt/format.h>

#include "auth/roles.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "core/xlsx_read.h"
#include "http/app.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/ormas/store.h"
#include "http/handler.h"
#include "modules/regions/public.h"

namespace pantau::ormas {

using http::Ctx;
using http::Response;

namespace {

Date today_now() { return *parse_date(now_iso().substr(0, 10)); }

Response read_json(Ctx& ctx, const std::function<std::optional<std::string>(db::Conn&)>& fn) {
  std::optional<std::string> body;
  Status s = ctx.db().read([&](db::Conn& c) { body = fn(c); });
  if (!s.ok()) return Response::problem(s.error());
  if (!body) return Response::problem(Error::not_found("Ormas tidak ditemukan.", "Ormas not found."));
  return Response::json(200, *body);
}

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

Result<OrmasInput> ormas_input(const http::Request& req) {
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
  auto errs = validate(o, today_now());
  if (!errs.empty()) return Error::invalid(errs);
  return o;
}

Response list(Ctx& ctx) {
  ListFilter f;
  f.q = ctx.req.q("q").value_or("");
  f.region = ctx.req.q("region").value_or("");
  f.status = ctx.req.q("status").value_or("");
  f.field = ctx.req.q("field").value_or("");
  f.skt = ctx.req.q("skt").value_or("");
  if (!f.region.empty())
    if (auto l = regions::check_code(f.region, "region"); !l.ok()) return Response::problem(l.error());
  if (f.q.size() > 100) return Response::problem(Error::invalid_field("q", "too_long", "Teks pencarian terlalu panjang.", "The search text is too long."));
  if (!f.status.empty() && std::find(kStatuses.begin(), kStatuses.end(), f.status) == kStatuses.end())
    return Response::problem(Error::invalid_field("status", "not_allowed", "Status tidak dikenal.", "Unknown status."));
  if (!f.field.empty() && std::find(kFields.begin(), kFields.end(), f.field) == kFields.end())
    return Response::problem(Error::invalid_field("field", "not_allowed", "Bidang kegiatan tidak dikenal.", "Unknown field of activity."));
  if (!f.skt.empty() && f.skt != "EXPIRING" && f.skt != "EXPIRED")
    return Response::problem(Error::invalid_field("skt", "not_allowed", "Pilih EXPIRING atau EXPIRED.", "Choose EXPIRING or EXPIRED."));
  auto paging = http::paging(ctx.req, 50, 500);
  if (!paging.ok()) return Response::problem(paging.error());
  return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
    return list_json(c, ctx.scope(), f, paging->after, paging->limit, today_now());
  });
}

Response get_one(Ctx& ctx) {
  auto id = http::path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  int64_t v = 0;
  Response r = read_json(ctx, [&](db::Conn& c) { return ormas_json(c, ctx.scope(), *id, today_now(), &v); });
  return r.status == 200 ? http::with_version(std::move(r), v) : r;
}

// Runs a write and answers with the ormas as it now is.
Response write_then_ormas(Ctx& ctx, int status, const std::function<Result<int64_t>(db::Conn&)>& op) {
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t ormas_id, op(c));
    int64_t v = 0;
    auto body = ormas_json(c, ctx.scope(), ormas_id, today_now(), &v);
    if (!body) return Error::not_found();
    return http::with_version(Response::json(status, *body), v);
  });
}

Response create(Ctx& ctx) {
  auto in = ormas_input(ctx.req);
  if (!in.ok()) return Response::problem(in.error());
  return write_then_ormas(ctx, 201, [&](db::Conn& c) { return create_ormas(c, ctx.scope(), *in); });
}

Response add_member(Ctx& ctx) {
  auto id = http::path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  rapidjson::Document d;
  d.Parse(ctx.req.body.data(), ctx.req.body.size());
  BoardInput b = board_input(*in, d, "");
  if (!in->ok()) return Response::problem(in->error());
  return write_then_ormas(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t member, add_board_member(c, ctx.scope(), *id, *version, b));
    (void)member;
    return *id;
  });
}

Response new_registration(Ctx& ctx) {
  auto id = http::path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto on = in->str("submitted_on", true, 10);
  if (!in->ok()) return Response::problem(in->error());
  return write_then_ormas(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t rid, create_registration(c, ctx.scope(), *id, *on));
    (void)rid;
    return *id;
  });
}

Result<int64_t> ormas_of_registration(db::Conn& c, int64_t rid) {
  auto o = c.query_i64("SELECT ormas_id FROM ormas_registrations WHERE id = ?", {rid});
  if (!o) return Error::not_found("Pendaftaran tidak ditemukan.", "Registration not found.");
  return *o;
}

Response judge(Ctx& ctx) {
  auto rid = http::path_id(ctx.req);
  if (!rid.ok()) return Response::problem(rid.error());
  std::string type(ctx.req.param("type"));
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto verdict = in->one_of("verdict", true, {"VALID", "INVALID", "PENDING"});
  auto note = in->str("note", false, 2000).value_or("");
  if (!in->ok()) return Response::problem(in->error());
  return write_then_ormas(ctx, 200, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_CHECK(judge_document(c, ctx.scope(), *rid, type, *verdict, note));
    return ormas_of_registration(c, *rid);
  });
}

Response reg_action(Ctx& ctx) {
  auto rid = http::path_id(ctx.req);
  if (!rid.ok()) return Response::problem(rid.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto action = in->one_of("action", true, kRegActions);
  auto on = in->str("on", false, 10).value_or("");
  auto receipt = in->str("receipt_no", false, 100).value_or("");
  auto reason = in->str("reason", false, 2000).value_or("");
  if (!in->ok()) return Response::problem(in->error());
  return write_then_ormas(ctx, 200, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_CHECK(registration_action(c, ctx.scope(), *rid, *version, *action, on, receipt, reason, today_now()));
    return ormas_of_registration(c, *rid);
  });
}

Response annual(Ctx& ctx) {
  auto id = http::path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto year = in->int64("year", true, 2000, 2100);
  auto on = in->str("submitted_on", true, 10);
  auto acts = in->str("activities", true, 20000);
  auto fin = in->str("finances_summary", false, 5000).value_or("");
  if (!in->ok()) return Response::problem(in->error());
  return write_then_ormas(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t rid, add_annual_report(c, ctx.scope(), *id, static_cast<int>(*year), *on, *acts, fin));
    (void)rid;
    return *id;
  });
}

Response sanction(Ctx& ctx) {
  auto id = http::path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto level = in->one_of("level", true, {"WARNING", "ACTIVITY_STOP", "REVOCATION"});
  auto decree = in->str("decree_no", true, 200);
  auto on = in->str("issued_on", true, 10);
  auto reason = in->str("reason", true, 5000);
  bool grave = in->boolean("grave", false).value_or(false);
  if (!in->ok()) return Response::problem(in->error());
  return write_then_ormas(ctx, 201, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_TRY(int64_t sid, impose_sanction(c, ctx.scope(), *id, *level, *decree, *on, *reason, grave));
    (void)sid;
    return *id;
  });
}

Response comply(Ctx& ctx) {
  auto sid = http::path_id(ctx.req);
  if (!sid.ok()) return Response::problem(sid.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto on = in->str("complied_on", true, 10);
  if (!in->ok()) return Response::problem(in->error());
  return write_then_ormas(ctx, 200, [&](db::Conn& c) -> Result<int64_t> {
    PANTAU_CHECK(comply_sanction(c, ctx.scope(), *sid, *on));
    auto o = c.query_i64("SELECT ormas_id FROM ormas_sanctions WHERE id = ?", {*sid});
    return *o;
  });
}

Response import_route(Ctx& ctx) {
  auto table = looks_like_xlsx(ctx.req.body) ? parse_xlsx(ctx.req.body, 200000) : parse_csv(ctx.req.body, 200000);
  if (!table.ok()) return Response::problem(table.error());
  std::optional<ImportReport> rep;
  Status s = ctx.db().write([&](db::Conn& c) -> Status {
    PANTAU_TRY(rep, import_ormas(c, ctx.scope(), *table, sha256_hex(ctx.req.body)));
    if (!rep->refused.empty()) return Error::invalid({});  // roll back: nothing half-imported
    return {};
  });
  if (!s.ok() && !rep) return Response::problem(s.error());
  json::Out o;
  o.begin_object().kv("rows", rep->rows).kv("imported", s.ok() ? rep->created : int64_t{0});
  o.key("refused").begin_array();
  for (auto& [line, e] : rep->refused)
    o.begin_object().kv("line", line).kv("field", e.field).kv("code", e.code).kv_message("message", e.message).end_object();
  o.end_array().end_object();
  if (!s.ok()) {
    Error e = Error::make(ErrorKind::Invalid, "import.refused",
                          fmt::format("{} kesalahan pada berkas; tidak ada yang diimpor. Perbaiki lalu unggah lagi.", rep->refused.size()),
                          fmt::format("{} errors in the file; nothing was imported. Fix them and upload again.", rep->refused.size()));
    return http::problem_with(e, "report", o.take());
  }
  return Response::json(201, o.take());
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
  r.get("/api/v1/ormas/duplicates", [](Ctx& ctx) {
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return duplicates_json(c, ctx.scope()); });
  }, read);
  r.get("/api/v1/ormas/reminders", [](Ctx& ctx) {
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return reminders_json(c, ctx.scope(), today_now()); });
  }, read);
  r.get("/api/v1/ormas/map", [](Ctx& ctx) {
    std::string region = ctx.req.q("region").value_or("");
    if (!region.empty())
      if (auto l = regions::check_code(region, "region"); !l.ok()) return Response::problem(l.error());
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return map_json(c, ctx.scope(), region); });
  }, read);
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
