#include "core/crypto.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <memory>

#include "core/strings.h"

namespace pantau {

bool crypto_init() { return sodium_init() >= 0; }

// One-shot hashes (the audit chain, request fingerprints) use OpenSSL's SHA-256, which picks the
// CPU's SHA extensions where there are some; libsodium's is portable code, several times slower.
// Both compute the same standard digest.
// OpenSSL 3's SHA256() looks the algorithm up by name and makes a new context on every call,
// about as much work as hashing a 1 KiB audit row; the algorithm is fetched once and each thread
// keeps one context. SHA256() remains the fallback should either be unavailable.
std::string sha256_hex(std::string_view data) {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char out[SHA256_DIGEST_LENGTH];
  unsigned int len = 0;
  if (!md || !ctx || EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1 || EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), out, &len) != 1 || len != sizeof out)
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
