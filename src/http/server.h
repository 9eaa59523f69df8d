// The HTTP/1.1 server (Boost.Beast): asynchronous I/O on a few threads, handlers on a worker
// pool (they block on the database), keep-alive, size limits, read timeouts, an access log,
// and a graceful stop on SIGTERM/SIGINT: stop accepting, let in-flight requests finish and
// their responses go out, then return.
#pragma once
#include <string>

#include "http/app.h"

namespace pantau::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int io_threads = 2;
  int workers = 16;
  std::string upload_tmp_dir = "var/tmp";
  std::string access_log;  // empty: stdout
};

// Runs until a stop signal. Returns 0 after a clean stop, non-zero if it could not listen.
int run_server(App& app, const ServerOptions& opts);

}  // namespace pantau::http
