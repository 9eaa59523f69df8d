// Error and Result<T>: the one way expected failures travel through Pantau.
// Every Error carries a stable machine code and a message in Bahasa Indonesia and English;
// its kind maps one-to-one to an HTTP status (see http/problem.cpp).
#pragma once
#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace pantau {

enum class ErrorKind {
  BadRequest,            // 400: the request itself is malformed (bad JSON, bad query)
  Unauthorized,          // 401: no or expired session
  Forbidden,             // 403: authenticated but not allowed
  NotFound,              // 404: absent, or outside the caller's scope
  Conflict,              // 409: duplicate, or a state that forbids the change
  PreconditionFailed,    // 412: stale If-Match version
  TooLarge,              // 413
  UnsupportedMedia,      // 415
  Invalid,               // 422: well-formed but fails validation (field errors)
  Locked,                // 423: account temporarily locked
  PreconditionRequired,  // 428: If-Match missing on an update
  TooManyRequests,       // 429
  Internal,              // 500
  Unavailable,           // 503: database unreachable, shutting down
};

struct Message {
  std::string id;  // Bahasa Indonesia
  std::string en;  // English
};

struct FieldError {
  std::string field;
  std::string code;
  Message message;
};

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string code;  // stable, e.g. "auth.locked", "validation_failed"
  Message message;
  std::vector<FieldError> fields;
  int retry_after_seconds = 0;

  static Error make(ErrorKind k, std::string code, std::string id, std::string en) {
    return Error{k, std::move(code), {std::move(id), std::move(en)}, {}, 0};
  }
  static Error bad_request(std::string code, std::string id, std::string en) {
    return make(ErrorKind::BadRequest, std::move(code), std::move(id), std::move(en));
  }
  static Error not_found(std::string id = "Data tidak ditemukan.",
                         std::string en = "The record was not found.") {
    return make(ErrorKind::NotFound, "not_found", std::move(id), std::move(en));
  }
  static Error forbidden(std::string id = "Anda tidak berwenang melakukan tindakan ini.",
                         std::string en = "You are not allowed to do this.") {
    return make(ErrorKind::Forbidden, "forbidden", std::move(id), std::move(en));
  }
  static Error conflict(std::string code, std::string id, std::string en) {
    return make(ErrorKind::Conflict, std::move(code), std::move(id), std::move(en));
  }
  static Error internal(std::string en = "An internal error occurred.") {
    return make(ErrorKind::Internal, "internal", "Terjadi kesalahan pada server.", std::move(en));
  }
  static Error unavailable(std::string en = "The database is not reachable.") {
    return make(ErrorKind::Unavailable, "unavailable",
                "Layanan sedang tidak tersedia. Coba lagi sebentar lagi.", std::move(en));
  }
  // An update carried a version that is no longer current (optimistic concurrency).
  static Error stale_version() {
    return make(ErrorKind::PreconditionFailed, "version_conflict",
                "Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.",
                "This record was changed by someone else since you opened it. Reload it and apply your change again.");
  }
  // A validation failure with one or more field errors.
  static Error invalid(std::vector<FieldError> fields) {
    Error e = make(ErrorKind::Invalid, "validation_failed", "Data yang dikirim belum benar.",
                   "The submitted data is not valid.");
    e.fields = std::move(fields);
    return e;
  }
  static Error invalid_field(std::string field, std::string code, std::string id, std::string en) {
    return invalid({FieldError{std::move(field), std::move(code), {std::move(id), std::move(en)}}});
  }
};

// Result<T>: a value or an Error. Result<void> is an alias of Result<std::monostate>.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T v) : v_(std::move(v)) {}  // NOLINT(google-explicit-constructor)
  Result(Error e) : v_(std::move(e)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const Error& error() const& { assert(!ok()); return std::get<1>(v_); }
  Error&& error() && { assert(!ok()); return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error e) : e_(std::move(e)), ok_(false) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { assert(!ok_); return e_; }
  Error&& error() && { assert(!ok_); return std::move(e_); }

 private:
  Error e_;
  bool ok_ = true;
};

using Status = Result<void>;

// Propagate an error: PANTAU_TRY(x, expr) declares x from a Result or returns its error.
#define PANTAU_CONCAT_(a, b) a##b
#define PANTAU_CONCAT(a, b) PANTAU_CONCAT_(a, b)
#define PANTAU_TRY(decl, expr)                                   \
  auto PANTAU_CONCAT(_r_, __LINE__) = (expr);                    \
  if (!PANTAU_CONCAT(_r_, __LINE__).ok())                        \
    return std::move(PANTAU_CONCAT(_r_, __LINE__)).error();      \
  decl = std::move(PANTAU_CONCAT(_r_, __LINE__)).value()
#define PANTAU_CHECK(expr)                                       \
  do {                                                           \
    auto _s = (expr);                                            \
    if (!_s.ok()) return std::move(_s).error();                  \
  } while (0)

}  // namespace pantau
