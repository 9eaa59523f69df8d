#include "http/server.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <thread>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <filesystem>
#include <limits>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

#include "core/crypto.h"
#include "core/strings.h"

namespace pantau::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

template <class Msg>
void apply_headers(Msg& m, const Response& res, bool keep) {
  m.version(11);
  m.set(bhttp::field::server, "Pantau");
  if (!res.content_type.empty()) m.set(bhttp::field::content_type, res.content_type);
  for (auto& [k, v] : res.headers) m.insert(k, v);
  m.keep_alive(keep);
}

// The bytes of the liveness answer, made once by the app itself (same status, body and headers as
// any answer) and serialized by Beast: a load balancer's probe then costs no parsing into a
// Request, no handler and no serializer. Indexed by [head][keep-alive].
struct CannedAnswer {
  std::string bytes[2][2];
  size_t body_size = 0;
  int status = 200;
};

CannedAnswer can_answer(App& app, const std::string& path) {
  CannedAnswer c;
  for (int head = 0; head < 2; ++head)
    for (int keep = 0; keep < 2; ++keep) {
      Request req;
      req.method = head ? "HEAD" : "GET";
      req.target = req.path = path;
      Response res = app.handle(req);
      bhttp::response<bhttp::string_body> msg;
      msg.result(static_cast<unsigned>(res.status));
      apply_headers(msg, res, keep == 1);
      c.body_size = res.body.size();
      c.status = res.status;
      if (head) {
        msg.content_length(res.body.size());
      } else {
        msg.body() = std::move(res.body);
        msg.prepare_payload();
      }
      std::ostringstream os;
      os << msg;
      c.bytes[head][keep] = os.str();
    }
  return c;
}

// The access log: one line per answer, as
//   [2026-12-06T22:06:01.123] 127.0.0.1 "GET /healthz" 200 15 0.1ms
// (the server's local time). Lines are put together by hand into a buffer (the time stamp up to
// the second is made once per second) and written by a thread of its own once per second, or as
// soon as 64 KB have gathered, and at the stop: no formatting library, no system call per request,
// and no request waits for the disk (the write happens outside the lock, on a swapped buffer).
class AccessLog {
 public:
  // `path` empty: standard output.
  static std::unique_ptr<AccessLog> open(const std::string& path) {
    int fd = 1;
    if (!path.empty()) {
      std::error_code ec;
      auto dir = std::filesystem::path(path).parent_path();
      if (!dir.empty()) std::filesystem::create_directories(dir, ec);
      fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
      if (fd < 0) {
        spdlog::error("cannot open the access log {}: {}", path, std::strerror(errno));
        return nullptr;
      }
    }
    return std::unique_ptr<AccessLog>(new AccessLog(fd, !path.empty()));
  }
  ~AccessLog() {
    {
      std::lock_guard lk(mu_);
      stop_ = true;
    }
    wake_.notify_all();
    if (flusher_.joinable()) flusher_.join();
    flush();
    if (owned_) ::close(fd_);
  }

  void line(std::string_view remote, std::string_view method, std::string_view target, int status, size_t bytes,
            double ms) {
    const auto now = std::chrono::system_clock::now();
    const int64_t epoch_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const int64_t sec = epoch_ms / 1000;
    const int millis = static_cast<int>(epoch_ms % 1000);
    char num[64];
    std::lock_guard lk(mu_);
    if (sec != stamp_sec_) {
      std::time_t t = static_cast<std::time_t>(sec);
      std::tm tm{};
      localtime_r(&t, &tm);
      stamp_len_ = std::strftime(stamp_, sizeof stamp_, "[%Y-%m-%dT%H:%M:%S.", &tm);
      stamp_sec_ = sec;
    }
    buf_.append(stamp_, stamp_len_);
    buf_ += static_cast<char>('0' + millis / 100);
    buf_ += static_cast<char>('0' + millis / 10 % 10);
    buf_ += static_cast<char>('0' + millis % 10);
    buf_ += "] ";
    buf_ += remote;
    buf_ += " \"";
    buf_ += method;
    buf_ += ' ';
    buf_ += target;
    buf_ += "\" ";
    buf_.append(num, static_cast<size_t>(std::to_chars(num, num + sizeof num, status).ptr - num));
    buf_ += ' ';
    buf_.append(num, static_cast<size_t>(std::to_chars(num, num + sizeof num, bytes).ptr - num));
    buf_ += ' ';
    auto r = std::to_chars(num, num + sizeof num, ms, std::chars_format::fixed, 1);
    buf_.append(num, r.ec == std::errc() ? static_cast<size_t>(r.ptr - num) : 0);
    buf_ += "ms\n";
    if (buf_.size() >= kFull && !kicked_) {
      kicked_ = true;
      wake_.notify_one();
    }
  }

  // Writes what has gathered now (at the server's stop; the flusher may be running).
  void flush() {
    std::unique_lock lk(mu_);
    write_out(lk);
  }

 private:
  static constexpr size_t kFull = 64 * 1024;
  AccessLog(int fd, bool owned) : fd_(fd), owned_(owned) {
    buf_.reserve(80 * 1024);
    out_.reserve(80 * 1024);
    // Lines reach the file within a second (an operator's tail -f, a crash).
    flusher_ = std::thread([this] {
      std::unique_lock lk(mu_);
      while (!stop_) {
        wake_.wait_for(lk, std::chrono::seconds(1), [this] { return stop_ || kicked_; });
        write_out(lk);
      }
    });
  }
  // Takes the gathered lines and writes them with the lock released: requests go on filling the
  // other buffer meanwhile; one write at a time. Called with `lk` held, returns with it held.
  void write_out(std::unique_lock<std::mutex>& lk) {
    written_.wait(lk, [this] { return !writing_; });
    kicked_ = false;
    if (buf_.empty()) return;
    std::swap(buf_, out_);
    writing_ = true;
    lk.unlock();
    size_t off = 0;
    while (off < out_.size()) {
      ssize_t n = ::write(fd_, out_.data() + off, out_.size() - off);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // a full disk loses log lines, never a request
      off += static_cast<size_t>(n);
    }
    out_.clear();
    lk.lock();
    writing_ = false;
    written_.notify_all();
  }

  int fd_;
  bool owned_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool kicked_ = false;   // 64 KB gathered: the flusher is woken once
  bool writing_ = false;  // out_ is being written (without the lock)
  std::condition_variable written_;
  std::string buf_;
  std::string out_;  // the flusher's: lines being written
  int64_t stamp_sec_ = -1;
  char stamp_[40] = {};
  size_t stamp_len_ = 0;
  std::thread flusher_;
};

struct Shared {
  App& app;
  const Config& cfg;
  asio::thread_pool& workers;
  AccessLog* access;
  std::string tmp_dir;
  std::atomic<int> in_flight{0};  // requests read, not yet answered
  std::atomic<int> reading{0};    // requests whose body is still arriving (an upload, say)
  std::atomic<bool> stopping{false};
  int max_connections = 1000;
  std::atomic<int> connections{0};
  // Connections waiting for a request (no request in progress), oldest first: at the
  // connection cap, or when descriptors run out, the oldest of them is closed to make room.
  std::mutex idle_mu;
  std::list<std::weak_ptr<class Session>> idle;
  CannedAnswer healthz;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket s, Shared& sh) : stream_(std::move(s)), sh_(sh), timer_(stream_.get_executor()) {
    ++sh_.connections;
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? "" : ep.address().to_string();
  }
  ~Session() {
    if (waiting_) {
      std::lock_guard lk(sh_.idle_mu);
      sh_.idle.erase(idle_pos_);
    }
    --sh_.connections;
  }
  auto executor() { return stream_.get_executor(); }
  // Claims this connection for eviction (once): the listener's thread picks, the session's own
  // executor closes it.
  bool claim_for_eviction() { return !evicting_.exchange(true); }
  void start() {
    beast::error_code ec;
    stream_.socket().set_option(tcp::no_delay(true), ec);
    read_header(true);
  }
  // Closes a connection that waits for a request (called on its own executor).
  void evict() {
    if (!waiting_) {  // a request arrived meanwhile: keep it, and let it be chosen again later
      evicting_ = false;
      return;
    }
    beast::error_code ec;
    stream_.socket().cancel(ec);
    close();
  }

 private:
  // Our own deadline for reading a request: on expiry the read is cancelled and the client gets
  // a 408 (Beast's stream timeout would close the socket before an answer could be written).
  void arm(int seconds) {
    timed_out_ = false;
    stream_.expires_never();
    timer_.expires_after(std::chrono::seconds(seconds));
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return;
      self->timed_out_ = true;
      beast::error_code e;
      self->stream_.socket().cancel(e);
    });
  }
  void disarm() { timer_.cancel(); }

  void set_waiting(bool w) {
    if (w == waiting_) return;
    waiting_ = w;
    std::lock_guard lk(sh_.idle_mu);
    if (w) {
      sh_.idle.push_back(weak_from_this());
      idle_pos_ = std::prev(sh_.idle.end());
    } else {
      sh_.idle.erase(idle_pos_);
    }
  }

  void read_header(bool first) {
    if (sh_.stopping) return close();
    hparser_.emplace();
    hparser_->header_limit(16 * 1024);
    // The size limit depends on the route (JSON body or upload), known only once the header is
    // read: on_header checks Content-Length against it. Beast would otherwise apply its 1 MiB
    // default here and fail every larger upload as a malformed request.
    hparser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    set_waiting(true);
    if (first || buf_.size() > 0) return read_header_now();
    // A kept-alive connection may wait idle_timeout for its next request; once its first bytes
    // arrive, the header gets header_timeout like a first request's.
    stream_.expires_after(std::chrono::seconds(sh_.cfg.idle_timeout_seconds));
    stream_.async_read_some(buf_.prepare(4096), [self = shared_from_this()](beast::error_code ec, size_t n) {
      if (ec) return self->close();
      self->buf_.commit(n);
      self->read_header_now();
    });
  }

  void read_header_now() {
    arm(sh_.cfg.header_timeout_seconds);
    bhttp::async_read_header(stream_, buf_, *hparser_,
                             [self = shared_from_this()](beast::error_code ec, size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    disarm();
    set_waiting(false);
    if (ec) {
      if (timed_out_) return fail_and_close(408, "timeout");
      if (ec == bhttp::error::header_limit) return fail_and_close(431, "header_too_large");
      if (ec == bhttp::error::body_limit) return fail_and_close(413, "too_large");
      if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout && ec != asio::error::operation_aborted &&
          ec != asio::error::connection_reset && ec != asio::error::eof)
        return fail_and_close(400, "malformed");
      return close();
    }
    start_ = std::chrono::steady_clock::now();
    auto& h = hparser_->get();
    std::string_view target(h.target().data(), h.target().size());
    upload_ = sh_.app.is_upload(std::string(h.method_string()), std::string(target.substr(0, target.find('?'))));
    // Beast checks Content-Length against body_limit only while reading the header, so the
    // body parsers' limits below catch chunked bodies only: check a declared length here.
    if (auto len = hparser_->content_length(); len && *len > body_limit()) return fail_and_close(413, "too_large");
    if (beast::iequals(h[bhttp::field::expect], "100-continue")) {
      auto cont = std::make_shared<std::string>("HTTP/1.1 100 Continue\r\n\r\n");
      asio::async_write(stream_, asio::buffer(*cont), [self = shared_from_this(), cont](beast::error_code ec, size_t) {
        if (ec) return self->close();
        self->read_body();
      });
      return;
    }
    // A request without a body (most GETs) is complete with its header: no read to start.
    if (!upload_ && hparser_->is_done()) {
      ++sh_.reading;  // as read_body() does; on_body ends it
      sparser_.emplace(std::move(*hparser_));
      return on_body({});
    }
    read_body();
  }

  uint64_t body_limit() const { return upload_ ? sh_.cfg.max_upload_bytes + 64 * 1024 : sh_.cfg.max_body_bytes; }

  void read_body() {
    arm(sh_.cfg.body_timeout_seconds);
    ++sh_.reading;  // a shutdown waits for this body too (on_body ends it)
    if (upload_) {
      fparser_.emplace(std::move(*hparser_));
      fparser_->body_limit(body_limit());
      std::filesystem::create_directories(sh_.tmp_dir);
      tmp_file_ = sh_.tmp_dir + "/upload-" + random_token(12);
      beast::error_code ec;
      fparser_->get().body().open(tmp_file_.c_str(), beast::file_mode::write, ec);
      if (ec) {
        --sh_.reading;
        return fail_and_close(503, "upload_tmp");
      }
      bhttp::async_read(stream_, buf_, *fparser_,
                        [self = shared_from_this()](beast::error_code ec, size_t) { self->on_body(ec); });
    } else {
      sparser_.emplace(std::move(*hparser_));
      sparser_->body_limit(body_limit());
      bhttp::async_read(stream_, buf_, *sparser_,
                        [self = shared_from_this()](beast::error_code ec, size_t) { self->on_body(ec); });
    }
  }

  template <class Msg>
  void fill_request(Request& r, Msg& m) {
    r.method = std::string(m.method_string());
    r.target = std::string(m.target());
    auto qpos = r.target.find('?');
    r.query_string = qpos == std::string::npos ? "" : r.target.substr(qpos + 1);
    auto p = url_decode(std::string_view(r.target).substr(0, qpos), false);
    r.path = p && valid_utf8(*p) && p->find('\0') == std::string::npos ? *p : std::string("\x01invalid");
    size_t n = 0;
    for (auto it = m.begin(); it != m.end(); ++it) ++n;
    r.headers.reserve(n);
    for (auto& f : m) {
      auto& [name, value] = r.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
      for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    r.remote_ip = remote_;
    // Behind a trusted reverse proxy the client is the hop the proxy appended last.
    if (sh_.cfg.trust_proxy) {
      std::string_view xff = r.header("x-forwarded-for");
      if (!xff.empty()) {
        auto comma = xff.rfind(',');
        std::string last = trim(comma == std::string_view::npos ? xff : xff.substr(comma + 1));
        if (!last.empty() && last.size() <= 45) r.remote_ip = last;
      }
    }
    keep_alive_ = m.keep_alive();
  }

  void on_body(beast::error_code ec) {
    disarm();
    if (ec) {
      --sh_.reading;
      cleanup_tmp();
      if (ec == bhttp::error::body_limit) return fail_and_close(413, "too_large");
      if (timed_out_) return fail_and_close(408, "timeout");
      if (ec == bhttp::error::end_of_stream || ec == asio::error::connection_reset || ec == asio::error::eof) return close();
      return fail_and_close(400, "malformed");
    }
    auto req = std::make_shared<Request>();
    if (upload_) {
      auto m = fparser_->release();
      m.body().close();
      fill_request(*req, m);
      req->body_file = tmp_file_;
      std::error_code fec;
      req->body_size = std::filesystem::file_size(tmp_file_, fec);
    } else {
      auto m = sparser_->release();
      // Liveness: answered on the I/O thread from the prepared bytes (see CannedAnswer).
      if ((m.method() == bhttp::verb::get || m.method() == bhttp::verb::head) && m.target() == "/healthz" && m.body().empty()) {
        keep_alive_ = m.keep_alive();
        stream_.expires_never();
        ++sh_.in_flight;
        --sh_.reading;
        return write_canned(sh_.healthz, m.method() == bhttp::verb::head, std::string(m.method_string()));
      }
      fill_request(*req, m);
      req->body = std::move(m.body());
      req->body_size = req->body.size();
    }
    stream_.expires_never();
    ++sh_.in_flight;
    --sh_.reading;  // after in_flight rose, so a shutdown never sees both at zero
    // Liveness is answered on the I/O thread: a busy handler pool must not look like a dead process.
    if (req->path == "/healthz" && (req->method == "GET" || req->method == "HEAD")) {
      cleanup_tmp();
      return write(*req, sh_.app.handle(*req));
    }
    // Handlers block on the database: run them on the worker pool, answer on the I/O thread.
    asio::post(sh_.workers, [self = shared_from_this(), req] {
      Response res;
      if (req->path == "\x01invalid") {
        res = Response::problem(Error::bad_request("path.invalid", "Alamat tidak valid.", "The request path is malformed."));
      } else {
        res = self->sh_.app.handle(*req);
      }
      self->cleanup_tmp();
      auto shared_res = std::make_shared<Response>(std::move(res));
      asio::post(self->stream_.get_executor(), [self, req, shared_res] { self->write(*req, std::move(*shared_res)); });
    });
  }

  void write(const Request& req, Response res) {
    bool keep = keep_alive_ && !sh_.stopping;
    bool head = req.method == "HEAD";
    method_ = req.method;
    target_ = req.target;
    status_ = res.status;
    if (!res.file_path.empty()) {
      auto msg = std::make_shared<bhttp::response<bhttp::file_body>>();
      beast::error_code ec;
      msg->body().open(res.file_path.c_str(), beast::file_mode::scan, ec);
      if (ec) {
        return write(req, Response::problem(Error::not_found()));
      }
      msg->result(static_cast<unsigned>(res.status));
      set_headers(*msg, res, keep);
      msg->prepare_payload();
      bytes_ = msg->body().size();
      if (head) {
        auto h = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status(res.status), 11);
        for (auto& f : *msg) h->set(f.name_string(), f.value());
        h->keep_alive(keep);
        return send(h, keep);
      }
      return send(msg, keep);
    }
    auto msg = std::make_shared<bhttp::response<bhttp::string_body>>();
    msg->result(static_cast<unsigned>(res.status));
    set_headers(*msg, res, keep);
    bytes_ = res.body.size();
    if (head) {
      msg->content_length(res.body.size());
    } else {
      msg->body() = std::move(res.body);
      msg->prepare_payload();
    }
    send(msg, keep);
  }

  template <class Msg>
  void set_headers(Msg& m, const Response& res, bool keep) {
    apply_headers(m, res, keep);
  }

  void write_canned(const CannedAnswer& c, bool head, std::string method) {
    bool keep = keep_alive_ && !sh_.stopping;
    method_ = std::move(method);
    target_ = "/healthz";
    status_ = c.status;
    bytes_ = head ? 0 : c.body_size;
    stream_.expires_after(std::chrono::seconds(60));
    const std::string& bytes = c.bytes[head ? 1 : 0][keep ? 1 : 0];
    asio::async_write(stream_, asio::buffer(bytes), [self = shared_from_this(), keep](beast::error_code ec, size_t) {
      self->log();
      --self->sh_.in_flight;
      if (ec || !keep) return self->close();
      self->read_header(false);
    });
  }

  template <class Msg>
  void send(std::shared_ptr<Msg> msg, bool keep) {
    stream_.expires_after(std::chrono::seconds(60));
    if (msg->version() == 0) msg->version(11);
    bhttp::async_write(stream_, *msg, [self = shared_from_this(), msg, keep](beast::error_code ec, size_t) {
      self->log();
      --self->sh_.in_flight;
      if (ec || !keep) return self->close();
      self->read_header(false);
    });
  }

  void log() {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
    if (sh_.access) sh_.access->line(remote_, method_, target_, status_, bytes_, ms);
  }

  void fail_and_close(int status, const char* code) {
    Error e = Error::bad_request(std::string("http.") + code, "Permintaan HTTP tidak valid.", "The HTTP request is not valid.");
    if (status == 413)
      e = Error::make(ErrorKind::TooLarge, "too_large", "Isi permintaan atau berkas terlalu besar.",
                      "The request body or file is too large.");
    if (status == 408) e.code = "http.timeout";
    auto msg = std::make_shared<bhttp::response<bhttp::string_body>>(bhttp::status(status), 11);
    msg->set(bhttp::field::content_type, "application/problem+json");
    msg->body() = json_problem(e, status);
    msg->keep_alive(false);
    msg->prepare_payload();
    status_ = status;
    method_ = "-";
    target_ = "-";
    ++sh_.in_flight;
    stream_.expires_after(std::chrono::seconds(10));
    bhttp::async_write(stream_, *msg, [self = shared_from_this(), msg](beast::error_code ec, size_t) {
      --self->sh_.in_flight;
      if (ec) return self->close();
      self->linger();
    });
  }

  // After an early error answer (e.g. 413 while the client is still sending its body): stop
  // sending, then read and discard what the client still sends for a while before closing.
  // Closing a socket with unread data makes the kernel send a reset, and the client would
  // lose the answer (it would see a broken pipe instead of the 413).
  void linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    lingered_ = 0;
    stream_.expires_after(std::chrono::seconds(10));
    drain();
  }
  void drain() {
    if (!drain_buf_) drain_buf_ = std::make_unique<std::array<char, 64 * 1024>>();
    stream_.async_read_some(asio::buffer(*drain_buf_), [self = shared_from_this()](beast::error_code ec, size_t n) {
      self->lingered_ += n;
      if (ec || self->sh_.stopping || self->lingered_ > 2 * self->sh_.cfg.max_upload_bytes) return self->close();
      self->drain();
    });
  }

  static std::string json_problem(const Error& e, int status);

  void close() {
    set_waiting(false);
    disarm();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  void cleanup_tmp() {
    if (!tmp_file_.empty()) {
      std::error_code ec;
      std::filesystem::remove(tmp_file_, ec);
      tmp_file_.clear();
    }
  }

  beast::tcp_stream stream_;
  Shared& sh_;
  asio::steady_timer timer_;
  bool timed_out_ = false, waiting_ = false;
  std::atomic<bool> evicting_{false};
  std::list<std::weak_ptr<Session>>::iterator idle_pos_;
  beast::flat_buffer buf_;
  std::optional<bhttp::request_parser<bhttp::empty_body>> hparser_;
  std::optional<bhttp::request_parser<bhttp::string_body>> sparser_;
  std::optional<bhttp::request_parser<bhttp::file_body>> fparser_;
  std::string remote_, tmp_file_, method_, target_;
  bool upload_ = false, keep_alive_ = true;
  int status_ = 0;
  size_t bytes_ = 0;
  size_t lingered_ = 0;
  std::unique_ptr<std::array<char, 64 * 1024>> drain_buf_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace
}  // namespace pantau::http

#include "http/json.h"

namespace pantau::http {
namespace {
std::string Session::json_problem(const Error& e, int status) { return json::problem(e, status); }

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& ioc, tcp::endpoint ep, Shared& sh) : ioc_(ioc), acc_(asio::make_strand(ioc)), sh_(sh) {
    acc_.open(ep.protocol());
    acc_.set_option(asio::socket_base::reuse_address(true));
    acc_.bind(ep);
    acc_.listen(asio::socket_base::max_listen_connections);
  }
  void run() { accept(); }
  void stop() {
    beast::error_code ec;
    acc_.close(ec);
  }

 private:
  void accept() {
    acc_.async_accept(asio::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted || !self->acc_.is_open()) return;
      if (ec) return self->back_off(ec);
      if (self->backoff_ms_) {
        spdlog::info("accepting connections again ({} open)", self->sh_.connections.load());
        self->backoff_ms_ = 0;
      }
      // At the cap, the longest-waiting idle connection makes room; a request in progress is
      // never cut. With none idle, the newcomer is told to retry (503) and closed.
      if (self->sh_.connections.load() >= self->sh_.max_connections && !self->evict_idle()) {
        self->refuse(std::move(s));
      } else {
        std::make_shared<Session>(std::move(s), self->sh_)->start();
      }
      self->accept();
    });
  }

  // accept() failed (EMFILE/ENFILE when descriptors run out, ENOBUFS...): retrying at once
  // would spin a core while the pending connection stays queued. Free a descriptor if an idle
  // connection can give one, wait (100 ms doubling to 1 s), say so once, then try again.
  void back_off(const beast::error_code& ec) {
    if (backoff_ms_ == 0) {
      spdlog::warn("accept failed: {} ({} connections open); backing off", ec.message(), sh_.connections.load());
      backoff_ms_ = 100;
    } else {
      backoff_ms_ = std::min(backoff_ms_ * 2, 1000);
    }
    // Each closed idle connection lets one waiting in the kernel's queue in.
    for (int i = 0; i < 16 && evict_idle(); ++i) {
    }
    timer_.expires_after(std::chrono::milliseconds(backoff_ms_));
    timer_.async_wait([self = shared_from_this()](beast::error_code e) {
      if (e || !self->acc_.is_open()) return;
      self->accept();
    });
  }

  bool evict_idle() {
    std::shared_ptr<Session> victim;
    {
      std::lock_guard lk(sh_.idle_mu);
      for (auto& w : sh_.idle) {
        auto s = w.lock();
        if (s && s->claim_for_eviction()) {
          victim = std::move(s);
          break;
        }
      }
    }
    if (!victim) return false;
    if (++evicted_ % 100 == 1)
      spdlog::warn("connection limit {} reached: closing idle connections ({} so far)", sh_.max_connections, evicted_);
    asio::dispatch(victim->executor(), [victim] { victim->evict(); });
    return true;
  }

  void refuse(tcp::socket s) {
    if (++refused_ % 100 == 1)
      spdlog::warn("connection limit {} reached with every connection busy: refusing ({} so far)", sh_.max_connections, refused_);
    auto sock = std::make_shared<tcp::socket>(std::move(s));
    auto msg = std::make_shared<std::string>(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nRetry-After: 1\r\n"
        "Connection: close\r\nContent-Length: " + std::to_string(refused_body().size()) + "\r\n\r\n" + refused_body());
    asio::async_write(*sock, asio::buffer(*msg), [sock, msg](beast::error_code, size_t) {
      beast::error_code e;
      sock->shutdown(tcp::socket::shutdown_both, e);
      sock->close(e);
    });
  }
  static const std::string& refused_body();

  asio::io_context& ioc_;
  tcp::acceptor acc_;
  Shared& sh_;
  asio::steady_timer timer_{acc_.get_executor()};
  int backoff_ms_ = 0;
  int64_t evicted_ = 0, refused_ = 0;
};

const std::string& Listener::refused_body() {
  static const std::string body = json::problem(
      Error::make(ErrorKind::Unavailable, "http.busy", "Server sedang penuh. Coba lagi sebentar lagi.",
                  "The server is at its connection limit. Try again shortly."),
      503);
  return body;
}

}  // namespace

int run_server(App& app, const ServerOptions& opts) {
  asio::thread_pool workers(static_cast<size_t>(opts.workers));
  std::unique_ptr<AccessLog> access = AccessLog::open(opts.access_log);
  // The other log lines (spdlog) reach their output within a second, too.
  spdlog::flush_every(std::chrono::seconds(1));
  Shared sh{app, app.services().cfg, workers, access.get(), opts.upload_tmp_dir};
  sh.healthz = can_answer(app, "/healthz");
  sh.max_connections = std::max(1, opts.max_connections);
  spdlog::info("at most {} connections", sh.max_connections);
  // Declared after `sh`, so destroyed before it: the connections its destructor still holds
  // (handlers never run after the stop) unregister from `sh` as they go.
  asio::io_context ioc(opts.io_threads);

  std::shared_ptr<Listener> listener;
  try {
    boost::system::error_code ec;
    auto addr = asio::ip::make_address(opts.host, ec);
    if (ec) {
      spdlog::error("invalid listen address {}", opts.host);
      return 2;
    }
    listener = std::make_shared<Listener>(ioc, tcp::endpoint(addr, opts.port), sh);
  } catch (const boost::system::system_error& e) {
    spdlog::error("cannot listen on {}:{}: {}", opts.host, opts.port, e.what());
    return 2;
  }
  listener->run();
  spdlog::info("Pantau listening on http://{}:{}", opts.host, opts.port);

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  asio::steady_timer drain(ioc);
  auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> wait_drained = [&] {
    if ((sh.in_flight.load() == 0 && sh.reading.load() == 0) || std::chrono::steady_clock::now() > *deadline) {
      spdlog::info("stopped: {} requests still in flight", sh.in_flight.load() + sh.reading.load());
      ioc.stop();
      return;
    }
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait([&](beast::error_code) { wait_drained(); });
  };
  signals.async_wait([&](beast::error_code, int sig) {
    spdlog::info("signal {}: stopping, finishing in-flight requests", sig);
    sh.stopping = true;
    app.set_ready(false);
    listener->stop();
    *deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    wait_drained();
  });

  std::vector<std::thread> threads;
  for (int i = 1; i < opts.io_threads; ++i) threads.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  workers.join();
  if (access) access->flush();
  return 0;
}

}  // namespace pantau::http
