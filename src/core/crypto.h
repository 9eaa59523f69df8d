// Hashing and randomness from libsodium (SHA-256, CSPRNG).
#pragma once
#include <sodium.h>

#include <string>
#include <string_view>

namespace pantau {

bool crypto_init();  // call once at start-up; false if libsodium cannot initialise
std::string sha256_hex(std::string_view data);
// A random URL-safe token of `bytes` random bytes.
std::string random_token(size_t bytes = 32);
// Constant-time comparison of two strings.
bool secure_equals(std::string_view a, std::string_view b);

// Incremental SHA-256 for streams (uploads).
class Sha256 {
 public:
  Sha256() { crypto_hash_sha256_init(&st_); }
  void update(std::string_view d) {
    crypto_hash_sha256_update(&st_, reinterpret_cast<const unsigned char*>(d.data()), d.size());
  }
  // The digest; finalises on the first call, later calls return the same value.
  std::string hex();

 private:
  crypto_hash_sha256_state st_;
  std::string digest_;
};

}  // namespace pantau
