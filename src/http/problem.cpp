#include "http/json.h"
#include "http/request.h"

namespace pantau::http {

int status_of(ErrorKind k) {
  switch (k) {
    case ErrorKind::BadRequest: return 400;
    case ErrorKind::Unauthorized: return 401;
    case ErrorKind::Forbidden: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::PreconditionFailed: return 412;
    case ErrorKind::TooLarge: return 413;
    case ErrorKind::UnsupportedMedia: return 415;
    case ErrorKind::Invalid: return 422;
    case ErrorKind::Locked: return 423;
    case ErrorKind::PreconditionRequired: return 428;
    case ErrorKind::TooManyRequests: return 429;
    case ErrorKind::Internal: return 500;
    case ErrorKind::Unavailable: return 503;
  }
  return 500;
}

Response Response::problem(const Error& e) {
  Response r;
  r.status = status_of(e.kind);
  r.content_type = "application/problem+json";
  r.body = json::problem(e, r.status);
  if (e.retry_after_seconds > 0) r.header("Retry-After", std::to_string(e.retry_after_seconds));
  return r;
}

}  // namespace pantau::http
