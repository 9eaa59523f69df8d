// Password hashing (libsodium Argon2id) and the password policy.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pantau::auth {

// Argon2id with libsodium's INTERACTIVE limits (64 MiB). At most two hashes run at once so a
// burst of logins cannot exhaust memory.
Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// Runs a verification against a fixed hash so that an unknown username costs as much time as a
// known one (no user enumeration by timing).
void burn_verify_time(std::string_view password);

// Policy: 10 to 128 characters, at least one letter and one digit, not containing the username.
// Returns field errors for `field` (empty when the password is acceptable).
std::vector<FieldError> check_password_policy(std::string_view username, std::string_view password,
                                              std::string_view field = "password");

}  // namespace pantau::auth
