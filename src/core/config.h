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
  int workers = 0;                           // 0 = 16 x cores, at least 64 (handlers block on the database)
  int db_pool = 0;                           // 0 = 2 x cores
  size_t max_body_bytes = 1 << 20;           // JSON bodies
  size_t max_upload_bytes = 25 << 20;        // evidence files
  int header_timeout_seconds = 15;
  int body_timeout_seconds = 60;
  int idle_timeout_seconds = 75;              // a kept-alive connection waiting for its next request
  int max_connections = 0;                   // 0 = three quarters of the open-file limit (ulimit -n)
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
  // PostgreSQL streaming hot standby for read-heavy answers (dashboards, maps, recaps, search);
  // empty = every read from `database`. A user who wrote something in the last
  // recent_write_seconds reads the primary (read-your-writes), and so does everybody while the
  // replica is more than replica_max_lag_seconds behind or unreachable.
  std::string replica_database = "";
  int replica_max_lag_seconds = 5;
  int recent_write_seconds = 15;
  int housekeeping_seconds = 600;            // period of escalation and index merge (once per period
                                             // across all instances sharing the database)
  // The base map under the web app's maps: a tile URL template with {z}, {x} and {y} ({s} for a
  // tile server's sub-domains; a path such as "/tiles/{z}/{x}/{y}.png" for tiles served at this
  // server's address by a proxy) and who they come from, shown on every map. "off" = no base map,
  // for offline installations: the maps then draw only the boundaries Pantau ships. Off unless the
  // operator names a tile server: a fresh installation sends no user's map views to a third party.
  std::string map_tiles = "off";
  std::string map_attribution = "";
  int map_max_zoom = 19;
};

// Reads a TOML file into cfg (keys as in Config, e.g. database = "postgresql://...").
Status load_config_file(const std::string& path, Config& cfg);

// Settings from the environment, over the file's and under the command line's:
// PANTAU_MAP_TILES, PANTAU_MAP_ATTRIBUTION.
void apply_environment(Config& cfg);

// True when the operator turned the base map off ("off" or empty).
bool map_tiles_off(const Config& cfg);
// Refuses a base map the browser could not use or that would bend the Content-Security-Policy:
// the template must be http(s) or a path on this server, hold {z}, {x} and {y}, and have no
// spaces, quotes or angle brackets; the attribution is one line of text; 1 <= max zoom <= 22.
Status check_map_settings(const Config& cfg);
// Where the tiles come from, for the CSP's img-src: "https://tile.openstreetmap.org",
// "https://*.tile.example.org" for {s}; empty when off or served at this server's address.
std::string map_tiles_origin(const Config& cfg);

}  // namespace pantau
