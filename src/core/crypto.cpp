#include "core/crypto.h"

#include "core/strings.h"

namespace pantau {

bool crypto_init() { return sodium_init() >= 0; }

std::string sha256_hex(std::string_view data) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return hex_encode(out, sizeof out);
}

std::string Sha256::hex() {
  if (digest_.empty()) {
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st_, out);
    digest_ = hex_encode(out, sizeof out);
  }
  return digest_;
}

std::string random_token(size_t bytes) {
  std::string buf(bytes, '\0');
  randombytes_buf(buf.data(), bytes);
  return base64url(reinterpret_cast<const unsigned char*>(buf.data()), bytes);
}

bool secure_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace pantau
