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
#include "modules/elections/public.h"
#include "modules/monitoring/public.h"
#include "modules/platform/model.h"
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

Response roles(Ctx&) { return Response::json(200, roles_json()); }

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
  return http::read(ctx, [&](db::Conn& c) { return Response::json(200, history_json(audit::history(c, ctx.scope(), entity, id))); });
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
  Status fed = http::feed_multipart_body(ctx.req, parser);
  if (!fed.ok()) return Response::problem(fed.error());
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
  return http::create(ctx, [&](db::Conn& c) { return store.record(c, ctx.scope(), sha, static_cast<int64_t>(parts.size_), *mime, meta); });
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
  return http::read(ctx, [&](db::Conn& c) { return Response::json(200, search_json(search::query(c, ctx.scope(), q, 50, entity))); });
}

// What the dashboard of the caller's area shows, gathered in one read.
Dashboard dashboard_of(db::Conn& c, const auth::Scope& s) {
  Dashboard d;
  d.region_code = s.region_code;
  d.region_name = regions::name_of(c, s.region_code);
  d.level = static_cast<int>(region_level(s.region_code));
  d.figures = scope_figures(c, s);
  // Map: the national user sees provinces, others the kab/kota of their province.
  d.provinces = s.national();
  d.province = region_province(s.region_code);
  // Coloured by reporting completeness of the quarterly report (the latest quarter already due).
  auto completeness = monitoring::reporting_completeness(c, s, system_time().now());
  // The legend reads "Triwulan IV 2026", never the code "2026-Q4".
  auto period = parse_period(completeness.period);
  std::string period_id = period.ok() ? period_label_id(period.value()) : completeness.period;
  std::string period_en = period.ok() ? period_label_en(period.value()) : completeness.period;
  d.completeness.key = "reporting_completeness";
  d.completeness.label = {"Kelengkapan laporan " + period_id + " (%)", "Report completeness, " + period_en + " (%)"};
  d.completeness.period = completeness.period;
  d.completeness.values = std::move(completeness.percent);
  // Election readiness of the election that matters now (the next one, else the latest held).
  if (auto cur = elections::current_readiness(c, s, d.provinces ? 1 : 2, d.province, now_iso().substr(0, 10))) {
    const elections::Election& e = cur->election;
    MapMeasure m;
    m.key = "election_readiness";
    m.label = {"Kesiapan dukungan " + e.name + " (%)", "Support readiness, " + e.name + " (%)"};
    m.election_id = e.id;
    m.polling_date = e.polling_date;
    m.values = std::move(cur->percent);
    d.readiness = std::move(m);
  }
  d.users_by_role = active_users_by_role(c, s);
  for (auto& t : monitoring::pending_tasks(c, s)) d.tasks.push_back({t.title, t.link});
  if (s.can(auth::kUserAdmin))
    for (const auto& u : locked_users(c, s, now_iso()))
      d.tasks.push_back({{fmt::format("Akun {} terkunci karena gagal masuk berulang", u.username),
                          fmt::format("Account {} is locked after repeated failed log-ins", u.username)},
                         fmt::format("/admin/users/{}", u.id)});
  return d;
}

Response dashboard(Ctx& ctx) {
  return http::read(ctx, [&](db::Conn& c) { return Response::json(200, to_json(dashboard_of(c, ctx.scope()))); });
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
