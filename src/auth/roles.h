// Application roles (DOMAIN.md §0.1) and what each may do. Roles are code concepts: a new role
// needs new behaviour, so they live here rather than in a table.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pantau::auth {

// Permissions checked by routes.
inline constexpr std::string_view kUserAdmin = "user.admin";
inline constexpr std::string_view kOrgAdmin = "org.admin";
inline constexpr std::string_view kAuditRead = "audit.read";
inline constexpr std::string_view kRecordRead = "record.read";
inline constexpr std::string_view kRecordWrite = "record.write";
inline constexpr std::string_view kRecordReview = "record.review";
inline constexpr std::string_view kRecordApprove = "record.approve";
inline constexpr std::string_view kFileUpload = "file.upload";

struct RoleInfo {
  std::string_view code;
  Message label;
  std::vector<std::string_view> permissions;
  bool national_only;  // may only belong to a Kemendagri org unit
};

const std::vector<RoleInfo>& all_roles();
const RoleInfo* find_role(std::string_view code);
bool role_has(std::string_view role, std::string_view permission);

// Confidentiality levels of records and clearance levels of users.
enum Clearance : int { kBiasa = 0, kTerbatas = 1, kRahasia = 2 };
std::optional<int> parse_clearance(std::string_view s);
std::string_view clearance_name(int level);
inline const std::vector<std::string_view> kClearanceNames = {"BIASA", "TERBATAS", "RAHASIA"};

}  // namespace pantau::auth
