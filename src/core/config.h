// Server configuration: defaults, then an optional TOML file, then command-line flags.
#pragma once
#include <cstdint>
#include <string>

#include "core/error.h"

namespace pantau {

struct Config {
  std::string database = "var/pantau.db";  // SQLite path or postgresql:// URL
  std::string listen = "127.0.0.1:8080";
  std::string web_dir = "web/dist";
  std::string files_dir = "var/files";
  std::string data_dir = "data";
  std::string log_level = "info";
  std::string access_log = "";               // file path; empty = stdout
  int io_threads = 0;                        // 0 = number of cores
  int workers = 0;                           // 0 = 8 x cores (handlers block on the database)
  int db_pool = 0;                           // 0 = 2 x cores
  size_t max_body_bytes = 1 << 20;           // JSON bodies
  size_t max_upload_bytes = 25 << 20;        // evidence files
  int header_timeout_seconds = 15;
  int body_timeout_seconds = 60;
  int idle_timeout_seconds = 75;
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  int login_max_failures = 5;                // consecutive failures before a lockout
  int lockout_minutes = 15;
  int login_attempts_per_minute_per_ip = 30;
  bool secure_cookies = false;               // set true behind HTTPS
  bool trust_proxy = false;                  // behind nginx: the client is the last X-Forwarded-For hop
  // The address users reach the server at (e.g. "https://pantau.kalselprov.go.id"); printed in
  // the QR code of official documents. Empty = "http://" + listen.
  std::string public_url = "";
};

// Reads a TOML file into cfg (keys as in Config, e.g. database = "postgresql://...").
Status load_config_file(const std::string& path, Config& cfg);

}  // namespace pantau
