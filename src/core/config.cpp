#include "core/config.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <optional>
#include <string_view>

namespace pantau {

Status load_config_file(const std::string& path, Config& cfg) {
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Error::make(ErrorKind::Invalid, "config.invalid", "Berkas konfigurasi tidak valid.",
                       std::string("The configuration file is invalid: ") + std::string(e.description()));
  }
  auto str = [&](const char* k, std::string& v) { if (auto x = t[k].value<std::string>()) v = *x; };
  auto num = [&](const char* k, auto& v) {
    if (auto x = t[k].value<int64_t>()) v = static_cast<std::remove_reference_t<decltype(v)>>(*x);
  };
  str("database", cfg.database);
  str("listen", cfg.listen);
  str("web_dir", cfg.web_dir);
  str("public_url", cfg.public_url);
  str("files_dir", cfg.files_dir);
  str("data_dir", cfg.data_dir);
  str("log_level", cfg.log_level);
  str("access_log", cfg.access_log);
  num("io_threads", cfg.io_threads);
  num("workers", cfg.workers);
  num("db_pool", cfg.db_pool);
  num("max_body_bytes", cfg.max_body_bytes);
  num("max_upload_bytes", cfg.max_upload_bytes);
  num("header_timeout_seconds", cfg.header_timeout_seconds);
  num("body_timeout_seconds", cfg.body_timeout_seconds);
  num("idle_timeout_seconds", cfg.idle_timeout_seconds);
  num("max_connections", cfg.max_connections);
  num("session_idle_minutes", cfg.session_idle_minutes);
  num("session_absolute_hours", cfg.session_absolute_hours);
  num("login_max_failures", cfg.login_max_failures);
  num("lockout_minutes", cfg.lockout_minutes);
  num("login_attempts_per_minute_per_ip", cfg.login_attempts_per_minute_per_ip);
  num("housekeeping_seconds", cfg.housekeeping_seconds);
  str("replica_database", cfg.replica_database);
  num("replica_max_lag_seconds", cfg.replica_max_lag_seconds);
  num("recent_write_seconds", cfg.recent_write_seconds);
  str("map_tiles", cfg.map_tiles);
  str("map_attribution", cfg.map_attribution);
  num("map_max_zoom", cfg.map_max_zoom);
  if (auto x = t["secure_cookies"].value<bool>()) cfg.secure_cookies = *x;
  if (auto x = t["trust_proxy"].value<bool>()) cfg.trust_proxy = *x;
  return {};
}

void apply_environment(Config& cfg) {
  if (const char* v = std::getenv("PANTAU_MAP_TILES")) cfg.map_tiles = v;
  if (const char* v = std::getenv("PANTAU_MAP_ATTRIBUTION")) cfg.map_attribution = v;
}

namespace {

std::string trimmed_lower(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "https://{s}.tile.example.org:8443/{z}/{x}/{y}.png" -> scheme "https://", host "{s}.tile.example.org:8443".
struct TileUrl {
  std::string scheme;  // "https://", "http://", or "" for a path on this server
  std::string host;
};

std::optional<TileUrl> split_tiles(std::string_view t) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (t.substr(0, scheme.size()) == scheme) {
      std::string_view rest = t.substr(scheme.size());
      std::string_view host = rest.substr(0, rest.find('/'));
      return TileUrl{std::string(scheme), std::string(host)};
    }
  }
  if (t.size() > 1 && t[0] == '/' && t[1] != '/') return TileUrl{"", ""};
  return std::nullopt;
}

bool host_ok(std::string_view host) {
  if (host.substr(0, 4) == "{s}.") host.remove_prefix(4);
  if (host.empty() || host.front() == '.' || host.front() == '-') return false;
  for (char c : host)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':'))
      return false;
  return true;
}

Error map_error(std::string field, std::string id, std::string en) {
  return Error::invalid_field(std::move(field), "invalid", std::move(id), std::move(en));
}

}  // namespace

bool map_tiles_off(const Config& cfg) {
  auto v = trimmed_lower(cfg.map_tiles);
  return v.empty() || v == "off";
}

Status check_map_settings(const Config& cfg) {
  if (cfg.map_max_zoom < 1 || cfg.map_max_zoom > 22)
    return map_error("map_max_zoom", "map_max_zoom harus antara 1 dan 22.", "map_max_zoom must be between 1 and 22.");
  for (unsigned char c : cfg.map_attribution)
    if (c < 0x20 || c == 0x7f)
      return map_error("map_attribution", "map_attribution harus satu baris teks.", "map_attribution must be one line of text.");
  if (cfg.map_attribution.size() > 300)
    return map_error("map_attribution", "map_attribution paling panjang 300 karakter.", "map_attribution must be at most 300 characters.");
  if (map_tiles_off(cfg)) return {};
  const std::string& t = cfg.map_tiles;
  auto url = split_tiles(t);
  if (!url || (!url->scheme.empty() && !host_ok(url->host)))
    return map_error("map_tiles",
                     "map_tiles harus \"off\", alamat http(s)://host/... atau jalur /... di server ini.",
                     "map_tiles must be \"off\", an http(s)://host/... address or a /... path on this server.");
  for (unsigned char c : t)
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == ';' || c == ',')
      return map_error("map_tiles", "map_tiles berisi karakter yang tidak boleh ada dalam alamat.",
                       "map_tiles holds a character an address may not have.");
  for (std::string_view part : {"{z}", "{x}", "{y}"})
    if (t.find(part) == std::string::npos)
      return map_error("map_tiles", "map_tiles harus memuat {z}, {x} dan {y}.", "map_tiles must hold {z}, {x} and {y}.");
  return {};
}

std::string map_tiles_origin(const Config& cfg) {
  if (map_tiles_off(cfg) || !check_map_settings(cfg).ok()) return "";
  auto url = split_tiles(cfg.map_tiles);
  if (!url || url->scheme.empty()) return "";
  std::string host = url->host;
  if (host.substr(0, 4) == "{s}.") host = "*." + host.substr(4);
  return url->scheme + host;
}

}  // namespace pantau
