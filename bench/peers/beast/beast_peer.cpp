// The limit of Pantau's stack, measured beside it by bench/peers/run.sh: a bare Boost.Beast server
// on one io_context thread with the sqlite3 C API and the RapidJSON writer, and nothing else — no
// router, no worker pool, no access log, no security headers, no compression.
//
//   GET /hello                                   {"status":"ok"}
//   GET /api/v1/monitoring/reports?region=&limit=&after= the region's report list: the same session lookup
//       (cached 5 s), scope filter, SQL and JSON as Pantau's, byte for byte (run.sh compares).
//
//   beast_peer --db FILE --port N
// Built by run.sh: g++ -O2 -std=c++20 beast_peer.cpp -lsqlite3 -lsodium -pthread
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
#include <sodium.h>
#include <sqlite3.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <string>
#include <unordered_map>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

sqlite3* g_db = nullptr;
std::unordered_map<std::string, sqlite3_stmt*> g_stmts;

sqlite3_stmt* prepare(const std::string& sql) {
  auto it = g_stmts.find(sql);
  if (it != g_stmts.end()) return it->second;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v3(g_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) {
    std::cerr << "prepare: " << sqlite3_errmsg(g_db) << "\n";
    std::exit(1);
  }
  return g_stmts.emplace(sql, st).first->second;
}

struct Who {
  int64_t user_id = 0;
  std::string region;
  int clearance = 0;
};
struct Cached {
  std::chrono::steady_clock::time_point at;
  Who who;
};
std::unordered_map<std::string, Cached> g_sessions;

std::string sha256_hex(std::string_view data) {  // libsodium, as Pantau's core/crypto
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned char c : out) { s += hex[c >> 4]; s += hex[c & 15]; }
  return s;
}

std::optional<Who> principal(std::string_view cookie) {
  auto pos = cookie.find("pantau_session=");
  if (pos == std::string_view::npos) return std::nullopt;
  auto token = cookie.substr(pos + 15);
  token = token.substr(0, token.find(';'));
  if (token.empty() || token.size() > 100) return std::nullopt;
  std::string hash = sha256_hex(token);
  auto now = std::chrono::steady_clock::now();
  if (auto it = g_sessions.find(hash); it != g_sessions.end() && now - it->second.at < std::chrono::seconds(5))
    return it->second.who;
  sqlite3_stmt* st = prepare(
      "SELECT u.id, o.region_code, u.clearance, u.disabled FROM users u JOIN org_units o ON o.id = u.org_unit_id "
      "JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = ?");
  sqlite3_bind_text(st, 1, hash.data(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
  std::optional<Who> who;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 3) == 0)
    who = Who{sqlite3_column_int64(st, 0), reinterpret_cast<const char*>(sqlite3_column_text(st, 1)), sqlite3_column_int(st, 2)};
  sqlite3_reset(st);
  if (who) {
    if (g_sessions.size() >= 20000) g_sessions.clear();
    g_sessions[hash] = Cached{now, *who};
  }
  return who;
}

std::string query_param(std::string_view target, std::string_view name) {
  auto q = target.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    auto amp = rest.find('&');
    auto pair = rest.substr(0, amp);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return {};
}

const char* kRoman[] = {"I", "II", "III", "IV"};
const char* kMonthsId[] = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"};
const char* kMonthsEn[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};

// "2026-Q2" -> {"Triwulan II 2026", "Quarter 2 2026"}, cached.
const std::optional<std::pair<std::string, std::string>>& period_label(const std::string& code) {
  static std::unordered_map<std::string, std::optional<std::pair<std::string, std::string>>> cache;
  if (auto it = cache.find(code); it != cache.end()) return it->second;
  std::optional<std::pair<std::string, std::string>> l;
  std::string y = code.substr(0, 4);
  if (code.size() == 4) l = {{"Tahun " + y, "Year " + y}};
  else if (code.size() == 7 && code[5] == 'Q' && code[6] >= '1' && code[6] <= '4')
    l = {{std::string("Triwulan ") + kRoman[code[6] - '1'] + " " + y, std::string("Quarter ") + code[6] + " " + y}};
  else if (code.size() == 7 && code[5] == 'S' && (code[6] == '1' || code[6] == '2'))
    l = {{std::string("Semester ") + kRoman[code[6] - '1'] + " " + y, std::string("Semester ") + code[6] + " " + y}};
  else if (code.size() == 7) {
    int m = std::atoi(code.c_str() + 5);
    if (m >= 1 && m <= 12) l = {{std::string(kMonthsId[m - 1]) + " " + y, std::string(kMonthsEn[m - 1]) + " " + y}};
  }
  return cache.emplace(code, std::move(l)).first->second;
}

std::string now_iso() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
void str(Writer& w, const char* k, sqlite3_stmt* st, int col) {
  w.Key(k);
  if (sqlite3_column_type(st, col) == SQLITE_NULL) {
    w.Null();
    return;
  }
  w.String(reinterpret_cast<const char*>(sqlite3_column_text(st, col)), static_cast<rapidjson::SizeType>(sqlite3_column_bytes(st, col)));
}

http::status report_list(std::string_view target, std::string_view cookie, std::string& body) {
  auto who = principal(cookie);
  if (!who) {
    body = R"({"status":401,"code":"auth.no_session"})";
    return http::status::unauthorized;
  }
  std::string region = query_param(target, "region");
  std::string limit_s = query_param(target, "limit");
  int limit = limit_s.empty() ? 50 : std::atoi(limit_s.c_str());
  if (limit < 1 || limit > 200) {
    body = R"({"status":422,"errors":[{"field":"limit"}]})";
    return http::status::unprocessable_entity;
  }
  auto covers = [](const std::string& root, const std::string& code) {
    return root.empty() || code == root || code.rfind(root + ".", 0) == 0;
  };
  bool narrowed = !region.empty() && covers(who->region, region);
  std::string area = narrowed ? region : who->region;
  std::string sql =
      "SELECT p.id, p.report_type, p.region_code, COALESCE(r.name, ''), p.org_unit_id, p.period, p.period_start, "
      "p.period_end, p.due_at, p.status, p.classification, p.submitted_at, p.reviewed_at, p.review_note, "
      "p.consolidated_into, p.created_at, p.updated_at, p.version FROM periodic_reports p "
      "LEFT JOIN regions r ON r.code = p.region_code WHERE ";
  sql += area.empty() ? "1=1" : "(p.region_code >= ?1 AND p.region_code < ?2)";
  sql += " AND p.classification <= ?3";
  if (!region.empty() && !narrowed) sql += " AND (p.region_code >= ?4 AND p.region_code < ?5)";
  std::string after_s = query_param(target, "after");
  if (!after_s.empty()) sql += " AND p.id > ?7";
  sql += " ORDER BY p.id LIMIT ?6";
  sqlite3_stmt* st = prepare(sql);
  std::string area_end = area + "/", region_end = region + "/";
  if (!area.empty()) {
    sqlite3_bind_text(st, 1, area.data(), static_cast<int>(area.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 2, area_end.data(), static_cast<int>(area_end.size()), SQLITE_STATIC);
  }
  sqlite3_bind_int(st, 3, who->clearance);
  if (!region.empty() && !narrowed) {
    sqlite3_bind_text(st, 4, region.data(), static_cast<int>(region.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 5, region_end.data(), static_cast<int>(region_end.size()), SQLITE_STATIC);
  }
  sqlite3_bind_int(st, 6, limit + 1);
  if (!after_s.empty()) sqlite3_bind_int64(st, 7, std::atoll(after_s.c_str()));
  static const char* kSections[] = {"general_situation", "election_stages", "gov_support", "potential_threats", "measures_taken", "recommendations"};
  static const char* kClearance[] = {"BIASA", "TERBATAS", "RAHASIA"};
  rapidjson::StringBuffer sb;
  Writer w(sb);
  w.StartObject();
  w.Key("items");
  w.StartArray();
  int n = 0;
  int64_t last = 0;
  bool more = false;
  std::string now = now_iso();
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (n++ == limit) {
      more = true;
      break;
    }
    last = sqlite3_column_int64(st, 0);
    w.StartObject();
    w.Key("id"); w.Int64(last);
    str(w, "report_type", st, 1);
    str(w, "region_code", st, 2);
    str(w, "region_name", st, 3);
    w.Key("org_unit_id"); w.Int64(sqlite3_column_int64(st, 4));
    str(w, "period", st, 5);
    std::string period(reinterpret_cast<const char*>(sqlite3_column_text(st, 5)));
    if (auto& l = period_label(period)) {
      w.Key("period_label");
      w.StartObject();
      w.Key("id"); w.String(l->first.c_str(), static_cast<rapidjson::SizeType>(l->first.size()));
      w.Key("en"); w.String(l->second.c_str(), static_cast<rapidjson::SizeType>(l->second.size()));
      w.EndObject();
    }
    str(w, "period_start", st, 6);
    str(w, "period_end", st, 7);
    str(w, "due_at", st, 8);
    str(w, "status", st, 9);
    w.Key("sections");
    w.StartObject();
    for (auto* s : kSections) { w.Key(s); w.String(""); }
    w.EndObject();
    int cls = sqlite3_column_int(st, 10);
    w.Key("classification"); w.String(cls >= 0 && cls < 3 ? kClearance[cls] : "BIASA");
    str(w, "submitted_at", st, 11);
    str(w, "reviewed_at", st, 12);
    str(w, "review_note", st, 13);
    w.Key("consolidated_into");
    if (sqlite3_column_type(st, 14) == SQLITE_NULL) w.Null(); else w.Int64(sqlite3_column_int64(st, 14));
    // ISO 8601 UTC with milliseconds everywhere: the text order is the time order.
    std::string due(reinterpret_cast<const char*>(sqlite3_column_text(st, 8)));
    const char* timeliness;
    if (sqlite3_column_type(st, 11) != SQLITE_NULL)
      timeliness = std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(st, 11))) <= due ? "ON_TIME" : "LATE";
    else
      timeliness = now > due ? "MISSING" : "NOT_YET_DUE";
    w.Key("timeliness"); w.String(timeliness);
    str(w, "created_at", st, 15);
    str(w, "updated_at", st, 16);
    w.Key("version"); w.Int64(sqlite3_column_int64(st, 17));
    w.EndObject();
  }
  sqlite3_reset(st);
  w.EndArray();
  w.Key("next_after");
  if (more) {
    std::string s = std::to_string(last);
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  } else {
    w.Null();
  }
  w.EndObject();
  body.assign(sb.GetString(), sb.GetSize());
  return http::status::ok;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket s) : stream_(std::move(s)) {}
  void start() { read(); }

 private:
  void read() {
    req_ = {};
    http::async_read(stream_, buf_, req_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return;
      self->handle();
    });
  }
  void handle() {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(req_.version());
    res->keep_alive(req_.keep_alive());
    res->set(http::field::content_type, "application/json");
    std::string_view target(req_.target().data(), req_.target().size());
    std::string_view path = target.substr(0, target.find('?'));
    if (path == "/hello") {
      res->result(http::status::ok);
      res->body() = R"({"status":"ok"})";
    } else if (path == "/api/v1/monitoring/reports") {
      auto cookie = req_[http::field::cookie];
      res->result(report_list(target, std::string_view(cookie.data(), cookie.size()), res->body()));
    } else {
      res->result(http::status::not_found);
      res->body() = R"({"status":404})";
    }
    res->prepare_payload();
    http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, size_t) {
      if (ec || !res->keep_alive()) return;
      self->read();
    });
  }
  beast::tcp_stream stream_;
  beast::flat_buffer buf_;
  http::request<http::string_body> req_;
};

void accept(tcp::acceptor& a) {
  a.async_accept([&a](beast::error_code ec, tcp::socket s) {
    if (!ec) {
      s.set_option(tcp::no_delay(true));
      std::make_shared<Session>(std::move(s))->start();
    }
    accept(a);
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  unsigned short port = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--db") == 0) db_path = argv[i + 1];
    if (std::strcmp(argv[i], "--port") == 0) port = static_cast<unsigned short>(std::atoi(argv[i + 1]));
  }
  if (db_path.empty() || port == 0) {
    std::cerr << "usage: beast_peer --db FILE --port N\n";
    return 2;
  }
  if (sqlite3_open_v2(db_path.c_str(), &g_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::cerr << "cannot open " << db_path << "\n";
    return 1;
  }
  sqlite3_exec(g_db, "PRAGMA journal_mode=WAL; PRAGMA cache_size=-16000; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=67108864;",
               nullptr, nullptr, nullptr);
  asio::io_context io(1);
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), port});
  accept(acceptor);
  io.run();
}
