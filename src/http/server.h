// The HTTP/1.1 server (Boost.Beast): asynchronous I/O on a few threads, handlers on a worker
// pool (they block on the database), keep-alive, size limits, read timeouts, an access log,
// a connection cap, a back-off when accept() fails (descriptors exhausted), and a graceful stop
// on SIGTERM/SIGINT: stop accepting, let in-flight requests finish and their responses go out,
// then return. A request whose header or body does not arrive in time gets a 408.
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
  // Open connections at most. Beyond it the longest-idle connection is closed to make room, or,
  // when every connection has a request in progress, the newcomer gets a 503 and is closed.
  int max_connections = 1000;
};

// Runs until a stop signal. Returns 0 after a clean stop, non-zero if it could not listen.
int run_server(App& app, const ServerOptions& opts);

}  // namespace pantau::http
