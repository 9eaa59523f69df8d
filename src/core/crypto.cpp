#include "core/crypto.h"

#include <openssl/sha.h>

#include "core/strings.h"

namespace pantau {

bool crypto_init() { return sodium_init() >= 0; }

// One-shot hashes (the audit chain, request fingerprints) use OpenSSL's SHA-256, which picks the
// CPU's SHA extensions where there are some; libsodium's is portable code, several times slower.
// Both compute the same standard digest.
std::string sha256_hex(std::string_view data) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
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
