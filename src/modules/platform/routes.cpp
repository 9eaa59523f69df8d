// Platform endpoints: session (log in/out), roles, audit history, evidence files, dashboard,
// and the API description.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/crypto.h"
#include "core/period.h"
#include "core/strings.h"
#include "files/evidence.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/multipart.h"
#include "http/write_safety.h"
#include "modules/elections/public.h"
#include "modules/monitoring/public.h"
#include "modules/platform/store.h"
#include "modules/regions/public.h"
#include "search/search.h"

namespace pantau::org {
void register_routes(http::App& app);
}
namespace pantau::regions {
void register_routes(http::App& app);
}
namespace pantau::monitoring {
void register_routes(http::App& app);
}
namespace pantau::conflict {
void register_routes(http::App& app);
}
namespace pantau::elections {
void register_routes(http::App& app);
}
namespace pantau::party_aid {
void register_routes(http::App& app);
}
namespace pantau::actors {
void register_routes(http::App& app);
}
namespace pantau::ormas {
void register_routes(http::App& app);
}
namespace pantau::foreigners {
void register_routes(http::App& app);
}
namespace pantau::services {
void register_routes(http::App& app);
}
namespace pantau::democracy {
void register_routes(http::App& app);
}
namespace pantau::platform {
std::string openapi_json();  // openapi.cpp
}
namespace pantau::verification {
void register_routes(http::App& app);
}
namespace pantau::meetings {
void register_routes(http::App& app);
}

namespace pantau::platform {

using http::Ctx;
using http::Response;

namespace {

std::string me_json(const auth::Principal& p, bool with_csrf) {
  json::Out o;
  o.begin_object().key("user").begin_object();
  o.kv("id", p.scope.user_id).kv("username", p.scope.username).kv("full_name", p.full_name).kv("email", p.email)
      .kv("role", p.scope.role).kv("clearance", std::string(auth::clearance_name(p.scope.clearance)));
  if (auto r = auth::find_role(p.scope.role)) o.kv_message("role_label", r->label);
  o.key("org_unit").begin_object().kv("id", p.scope.org_unit_id).kv("name", p.org_unit_name).kv("kind", p.org_unit_kind)
      .kv("region_code", p.scope.region_code).end_object();
  o.key("scope").begin_object().kv("region_code", p.scope.region_code).kv("region_name", p.region_name)
      .kv("level", static_cast<int>(region_level(p.scope.region_code))).end_object();
  o.key("permissions").begin_array();
  if (auto r = auth::find_role(p.scope.role))
    for (auto perm : r->permissions) o.value(perm);
  o.end_array();
  o.end_object();
  if (with_csrf) o.kv("csrf_token", p.csrf_token);
  o.end_object();
  return o.take();
}

std::string session_cookie(const Ctx& ctx, const std::string& value, int max_age) {
  return fmt::format("pantau_session={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", value, max_age,
                     ctx.svc.cfg.secure_cookies ? "; Secure" : "");
}

Response login(Ctx& ctx) {
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto username = in.str("username", true, 64);
  auto password = in.str("password", true, 200);
  if (!in.ok()) return in.error();
  PANTAU_TRY(auto r, ctx.svc.sessions->login(*username, *password, ctx.req.remote_ip, std::string(ctx.req.header("user-agent"))));
  Response res = Response::json(200, me_json(r.who, true));
  res.header("Set-Cookie", session_cookie(ctx, r.token, ctx.svc.cfg.session_absolute_hours * 3600));
  return res;
}

Response current(Ctx& ctx) { return Response::json(200, me_json(*ctx.who, true)); }

Response logout(Ctx& ctx) {
  PANTAU_CHECK(ctx.svc.sessions->logout(*ctx.who));
  Response r = Response::no_content();
  r.header("Set-Cookie", session_cookie(ctx, "", 0));
  return r;
}

Response roles(Ctx&) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (auto& r : auth::all_roles()) {
    o.begin_object().kv("code", r.code).kv_message("label", r.label).kv("national_only", r.national_only);
    o.key("permissions").begin_array();
    for (auto p : r.permissions) o.value(p);
    o.end_array().end_object();
  }
  o.end_array().key("clearances").begin_array();
  for (auto c : auth::kClearanceNames) o.value(c);
  o.end_array().end_object();
  return Response::json(200, o.take());
}

Response audit_history(Ctx& ctx) {
  auto entity = ctx.req.q("entity").value_or("");
  auto id = ctx.req.q("id").value_or("");
  if (entity.empty() || id.empty() || entity.size() > 64 || id.size() > 64) {
    std::vector<FieldError> errs;
    if (entity.empty()) errs.push_back({"entity", "required", {"Wajib diisi.", "This field is required."}});
    if (id.empty()) errs.push_back({"id", "required", {"Wajib diisi.", "This field is required."}});
    if (errs.empty()) errs.push_back({"entity", "too_long", {"Terlalu panjang.", "Too long."}});
    return Response::problem(Error::invalid(errs));
  }
  return http::read(ctx, [&](db::Conn& c) {
    json::Out o;
    o.begin_object().key("items").begin_array();
    for (const auto& r : audit::history(c, ctx.scope(), entity, id)) {
      o.begin_object().kv("seq", r.seq).kv("at", r.at);
      o.key("actor").begin_object().kv("id", r.actor_id).kv("username", r.actor_username).kv("full_name", r.actor_full_name).end_object();
      o.kv("action", r.action).kv("entity", r.entity).kv("entity_id", r.entity_id);
      o.key("before");
      r.before_json ? (void)o.raw(*r.before_json) : (void)o.null();
      o.key("after");
      r.after_json ? (void)o.raw(*r.after_json) : (void)o.null();
      o.end_object();
    }
    o.end_array().end_object();
    return Response::json(200, o.take());
  });
}

// Receives the multipart stream of an upload: the file part goes to a temporary file while
// its SHA-256 is computed; the small fields are kept in memory.
class UploadParts : public http::PartHandler {
 public:
  UploadParts(const std::string& tmp_dir, size_t max_bytes) : max_(max_bytes) {
    path_ = tmp_dir + "/part-" + random_token(12);
  }
  ~UploadParts() override {
    out_.close();
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  Status on_part_begin(const http::PartInfo& info) override {
    current_ = info.name;
    if (info.name == "file") {
      if (has_file_) return Error::bad_request("upload.two_files", "Kirim satu berkas per unggahan.", "Send one file per upload.");
      has_file_ = true;
      name_ = info.filename.empty() ? "berkas" : info.filename;
      out_.open(path_, std::ios::binary | std::ios::trunc);
      if (!out_) return Error::unavailable("Cannot write the upload.");
    } else {
      fields_[current_].clear();
    }
    return {};
  }
  Status on_part_data(std::string_view d) override {
    if (current_ == "file") {
      size_ += d.size();
      if (size_ > max_)
        return Error::make(ErrorKind::TooLarge, "file.too_large", fmt::format("Berkas terlalu besar; paling besar {} MB.", max_ >> 20),
                           fmt::format("The file is too large; at most {} MB.", max_ >> 20));
      sha_.update(d);
      out_.write(d.data(), static_cast<std::streamsize>(d.size()));
    } else {
      auto& f = fields_[current_];
      if (f.size() + d.size() > 1024) return Error::bad_request("upload.field_too_long", "Isian formulir terlalu panjang.", "A form field is too long.");
      f.append(d);
    }
    return {};
  }
  Status on_part_end() override {
    if (current_ == "file") out_.close();
    return {};
  }
  std::string field(const std::string& k) const {
    auto it = fields_.find(k);
    return it == fields_.end() ? "" : trim(it->second);
  }
  bool has_file_ = false;
  std::string path_, name_;
  size_t size_ = 0;
  Sha256 sha_;

 private:
  size_t max_;
  std::string current_;
  std::ofstream out_;
  std::map<std::string, std::string> fields_;
};

Response upload(Ctx& ctx) {
  auto boundary = http::multipart_boundary(ctx.req.header("content-type"));
  if (!boundary.ok()) return Response::problem(boundary.error());
  files::EvidenceStore& store = *ctx.svc.files;
  UploadParts parts(store.tmp_dir(), store.max_bytes());
  http::MultipartParser parser(*boundary, parts);
  std::ifstream in(ctx.req.body_file, std::ios::binary);
  std::string chunk(64 * 1024, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = static_cast<size_t>(in.gcount());
    if (n == 0) break;
    Status s = parser.feed(std::string_view(chunk.data(), n));
    if (!s.ok()) return Response::problem(s.error());
  }
  Status fin = parser.finish();
  if (!fin.ok()) return Response::problem(fin.error());
  if (!parts.has_file_) return Response::problem(Error::invalid_field("file", "required", "Pilih berkas untuk diunggah.", "Choose a file to upload."));

  files::UploadMeta meta;
  meta.name = parts.name_.substr(0, 255);
  meta.region_code = parts.field("region_code");
  meta.entity = parts.field("entity").substr(0, 64);
  meta.entity_id = parts.field("entity_id").substr(0, 64);
  std::string cls = parts.field("classification");
  auto level = cls.empty() ? std::optional<int>(0) : auth::parse_clearance(cls);
  std::vector<FieldError> errs;
  if (meta.region_code.empty()) meta.region_code = ctx.scope().region_code;
  if (!meta.region_code.empty()) {
    auto l = regions::check_code(meta.region_code, "region_code");
    if (!l.ok()) errs.insert(errs.end(), l.error().fields.begin(), l.error().fields.end());
  }
  if (!level) errs.push_back({"classification", "not_allowed", {"Pilih BIASA, TERBATAS, atau RAHASIA.", "Choose BIASA, TERBATAS or RAHASIA."}});
  if (errs.empty() && !meta.region_code.empty()) {
    bool known = false;
    Status rs = ctx.db().read([&](db::Conn& c) { known = regions::exists(c, meta.region_code); });
    if (!rs.ok()) return Response::problem(rs.error());
    if (!known)
      errs.push_back({"region_code", "not_found", {"Kode wilayah tidak terdaftar.", "The region code does not exist."}});
  }
  if (!errs.empty()) return Response::problem(Error::invalid(errs));
  meta.classification = *level;
  if (!ctx.scope().covers(meta.region_code))
    return Response::problem(Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope."));
  if (!ctx.scope().cleared_for(meta.classification))
    return Response::problem(Error::forbidden("Tingkat kerahasiaan ini di atas tingkat akses Anda.",
                                              "This confidentiality level is above your clearance."));
  // The content goes to its address first (harmless if repeated); the record, its audit row and
  // the idempotency key are then one transaction, so a retried upload returns the first record.
  std::string sha = parts.sha_.hex();
  auto mime = store.place(parts.path_, sha, static_cast<int64_t>(parts.size_));
  if (!mime.ok()) return Response::problem(mime.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(files::StoredFile f, store.record(c, ctx.scope(), sha, static_cast<int64_t>(parts.size_), *mime, meta));
    return Response::json(201, files::to_json(f));
  });
}

Response download(Ctx& ctx) {
  auto id = parse_int64(ctx.req.param("id"));
  if (!id) return Error::not_found("Berkas tidak ditemukan.", "The file was not found.");
  PANTAU_TRY(auto f, ctx.svc.files->find(ctx.db(), ctx.scope(), *id));
  // The file is streamed from the evidence store (file_path), not read into the body.
  Response r = http::attachment("", f.mime, f.name);
  r.file_path = ctx.svc.files->path_of(f.sha256);
  return r;
}

Response search_route(Ctx& ctx) {
  auto q = ctx.req.q("q").value_or("");
  auto entity = ctx.req.q("entity").value_or("");
  if (trim(q).empty() || q.size() > 200)
    return Response::problem(Error::invalid_field("q", q.empty() ? "required" : "too_long", "Isi kata pencarian (paling banyak 200 karakter).",
                                                  "Enter search words (at most 200 characters)."));
  std::vector<search::Hit> hits;
  Status s = ctx.db().read([&](db::Conn& c) { hits = search::query(c, ctx.scope(), q, 50, entity); });
  if (!s.ok()) return Response::problem(s.error());
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (auto& h : hits)
    o.begin_object().kv("entity", h.entity).kv("entity_id", h.entity_id).kv("region_code", h.region_code)
        .kv("title", h.title).kv("link", h.link).kv("excerpt", h.snippet).end_object();
  o.end_array().end_object();
  return Response::json(200, o.take());
}

Response dashboard(Ctx& ctx) {
  const auth::Scope& s = ctx.scope();
  int level = static_cast<int>(region_level(s.region_code));
  json::Out o;
  Status st = ctx.db().read([&](db::Conn& c) {
    ScopeFigures figures = scope_figures(c, s);

    o.begin_object();
    o.key("scope").begin_object().kv("region_code", s.region_code).kv("region_name", regions::name_of(c, s.region_code))
        .kv("level", level).end_object();
    o.key("figures").begin_array();
    auto fig = [&](const char* key, const char* id, const char* en, int64_t v) {
      o.begin_object().kv("key", key).kv_message("label", {id, en}).kv("value", v).end_object();
    };
    fig("kabkota", "Kabupaten/kota dalam cakupan", "Regencies/cities in scope", figures.kabkota);
    fig("org_units", "Unit organisasi", "Org units", figures.org_units);
    fig("users", "Pengguna aktif", "Active users", figures.active_users);
    fig("files", "Berkas data dukung", "Evidence files", figures.files);
    o.end_array();

    // Map: the national user sees provinces, others the kab/kota of their province.
    bool provinces = s.national();
    std::string province = region_province(s.region_code);
    o.key("map").begin_object().kv("level", provinces ? "provinsi" : "kabkota");
    provinces ? (void)o.kv_null("province") : (void)o.kv("province", province);
    // Coloured by reporting completeness of the quarterly report (the latest quarter already due).
    auto completeness = monitoring::reporting_completeness(c, s, system_time().now());
    // The legend reads "Triwulan IV 2026", never the code "2026-Q4".
    auto period = parse_period(completeness.period);
    std::string period_id = period.ok() ? period_label_id(period.value()) : completeness.period;
    std::string period_en = period.ok() ? period_label_en(period.value()) : completeness.period;
    o.key("measure").begin_object().kv("key", "reporting_completeness")
        .kv_message("label", {"Kelengkapan laporan " + period_id + " (%)",
                              "Report completeness, " + period_en + " (%)"})
        .kv("period", completeness.period).kv("unit", "%").end_object();
    o.key("values").begin_object();
    for (auto& [code, pct] : completeness.percent) o.kv(code, pct);
    o.end_object();
    // Every measure the map can show, the default (reporting completeness) first.
    o.key("measures").begin_array();
    o.begin_object().kv("key", "reporting_completeness")
        .kv_message("label", {"Kelengkapan laporan " + period_id + " (%)",
                              "Report completeness, " + period_en + " (%)"})
        .kv("unit", "%").kv("period", completeness.period).key("values").begin_object();
    for (auto& [code, pct] : completeness.percent) o.kv(code, pct);
    o.end_object().end_object();
    // Election readiness of the election that matters now (the next one, else the latest held).
    if (auto cur = elections::current_readiness(c, s, provinces ? 1 : 2, province, now_iso().substr(0, 10))) {
      const elections::Election& e = cur->election;
      o.begin_object().kv("key", "election_readiness")
          .kv_message("label", {"Kesiapan dukungan " + e.name + " (%)", "Support readiness, " + e.name + " (%)"})
          .kv("unit", "%").kv("election_id", e.id).kv("polling_date", e.polling_date).key("values").begin_object();
      for (const auto& [code, pct] : cur->percent) o.kv(code, pct);
      o.end_object().end_object();
    }
    o.end_array();
    o.end_object();

    o.key("chart").begin_object().kv_message("title", {"Pengguna menurut peran", "Users by role"});
    auto by_role = active_users_by_role(c, s);
    o.key("categories").begin_array();
    // Each category in both languages, like every other label of the dashboard.
    for (auto& [role, _] : by_role) {
      const auth::RoleInfo* info = auth::find_role(role);
      o.begin_object().kv("id", info ? info->label.id : role).kv("en", info ? info->label.en : role).end_object();
    }
    o.end_array();
    o.key("series").begin_array().begin_object().kv_message("name", {"Pengguna", "Users"}).key("data").begin_array();
    for (auto& [_, n] : by_role) o.value(n);
    o.end_array().end_object().end_array().end_object();

    o.key("tasks").begin_array();
    for (auto& t : monitoring::pending_tasks(c, s)) o.begin_object().kv_message("title", t.title).kv("link", t.link).end_object();
    if (s.can(auth::kUserAdmin)) {
      for (const auto& u : locked_users(c, s, now_iso()))
        o.begin_object()
            .kv_message("title", {fmt::format("Akun {} terkunci karena gagal masuk berulang", u.username),
                                  fmt::format("Account {} is locked after repeated failed log-ins", u.username)})
            .kv("link", fmt::format("/admin/users/{}", u.id))
            .end_object();
    }
    o.end_array();
    o.end_object();
  });
  if (!st.ok()) return Response::problem(st.error());
  return Response::json(200, o.take());
}

// The base map under the web app's maps, as the operator configured it (map_tiles, map_attribution).
Response map_settings(Ctx& ctx) {
  const Config& cfg = ctx.svc.cfg;
  json::Out o;
  o.begin_object();
  if (map_tiles_off(cfg))
    o.kv_null("tiles").kv_null("attribution");
  else
    o.kv("tiles", cfg.map_tiles).kv("attribution", cfg.map_attribution);
  o.kv("max_zoom", cfg.map_max_zoom).end_object();
  return Response::json(200, o.take());
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  r.post("/api/v1/session", login, {true});
  r.get("/api/v1/session", current);
  r.del("/api/v1/session", logout);
  r.get("/api/v1/roles", roles);
  r.get("/api/v1/map-settings", map_settings);
  r.get("/api/v1/audit", audit_history, {false, auth::kAuditRead});
  r.post("/api/v1/files", upload, {false, auth::kFileUpload, true});
  r.get("/api/v1/files/{id}", download);
  r.get("/api/v1/dashboard", dashboard);
  r.get("/api/v1/search", search_route, {false, auth::kRecordRead});
  r.get("/api/v1/openapi.json", [](Ctx&) { return Response::json(200, openapi_json()); }, {true});
}

}  // namespace pantau::platform

namespace pantau::http {
void register_all_routes(App& app) {
  platform::register_routes(app);
  actors::register_routes(app);
  ormas::register_routes(app);
  foreigners::register_routes(app);
  regions::register_routes(app);
  org::register_routes(app);
  monitoring::register_routes(app);
  conflict::register_routes(app);
  elections::register_routes(app);
  party_aid::register_routes(app);
  services::register_routes(app);
  democracy::register_routes(app);
  verification::register_routes(app);
  meetings::register_routes(app);
}
}  // namespace pantau::http
