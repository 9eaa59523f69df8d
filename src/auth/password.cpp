#include "auth/password.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>

#include "core/strings.h"

namespace pantau::auth {
namespace {

class Gate {
 public:
  explicit Gate(int n) : free_(n) {}
  void enter() {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return free_ > 0; });
    --free_;
  }
  void leave() {
    { std::lock_guard lk(mu_); ++free_; }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int free_;
};

Gate& gate() {
  static Gate g(2);
  return g;
}

struct Enter {
  Enter() { gate().enter(); }
  ~Enter() { gate().leave(); }
};

}  // namespace

Result<std::string> hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  Enter e;
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return Error::internal("Password hashing ran out of memory.");
  return std::string(out);
}

bool verify_password(std::string_view hash, std::string_view password) {
  std::string h(hash);
  if (h.size() >= crypto_pwhash_STRBYTES) return false;
  Enter e;
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void burn_verify_time(std::string_view password) {
  static const std::string dummy = [] {
    auto r = hash_password("dummy-password-0");
    return r.ok() ? r.value() : std::string();
  }();
  (void)verify_password(dummy, password);
}

std::vector<FieldError> check_password_policy(std::string_view username, std::string_view password,
                                              std::string_view field) {
  std::vector<FieldError> errs;
  auto add = [&](const char* code, const char* id, const char* en) {
    errs.push_back(FieldError{std::string(field), code, {id, en}});
  };
  size_t chars = 0;
  for (unsigned char c : password)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars < 10) add("too_short", "Kata sandi minimal 10 karakter.", "The password must have at least 10 characters.");
  if (password.size() > 128) add("too_long", "Kata sandi paling banyak 128 karakter.", "The password must have at most 128 characters.");
  bool letter = false, digit = false;
  for (char c : password) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
    if (c >= '0' && c <= '9') digit = true;
  }
  if (!letter || !digit)
    add("too_simple", "Kata sandi harus memuat huruf dan angka.", "The password must contain letters and digits.");
  if (!username.empty() && to_lower_ascii(password).find(to_lower_ascii(username)) != std::string::npos)
    add("contains_username", "Kata sandi tidak boleh memuat nama pengguna.", "The password must not contain the username.");
  return errs;
}

}  // namespace pantau::auth
