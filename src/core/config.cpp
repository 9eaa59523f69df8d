#include "core/config.h"

#include <toml++/toml.h>

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
  num("session_idle_minutes", cfg.session_idle_minutes);
  num("session_absolute_hours", cfg.session_absolute_hours);
  num("login_max_failures", cfg.login_max_failures);
  num("lockout_minutes", cfg.lockout_minutes);
  num("login_attempts_per_minute_per_ip", cfg.login_attempts_per_minute_per_ip);
  if (auto x = t["secure_cookies"].value<bool>()) cfg.secure_cookies = *x;
  if (auto x = t["trust_proxy"].value<bool>()) cfg.trust_proxy = *x;
  return {};
}

}  // namespace pantau
