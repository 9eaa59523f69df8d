#include "auth/roles.h"

namespace pantau::auth {

const std::vector<RoleInfo>& all_roles() {
  static const std::vector<RoleInfo> roles = {
      {"ADMIN_PUSAT", {"Administrator Pusat", "Central administrator"},
       {kUserAdmin, kOrgAdmin, kAuditRead, kRecordRead, kRecordWrite, kRecordReview, kRecordApprove, kFileUpload}, true},
      {"ANALIS_PUSAT", {"Analis Kebijakan Pusat", "Central policy analyst"},
       {kAuditRead, kRecordRead, kRecordWrite, kRecordReview, kFileUpload}, true},
      {"ADMIN_DAERAH", {"Administrator Daerah", "Regional administrator"},
       {kUserAdmin, kOrgAdmin, kAuditRead, kRecordRead}, false},
      {"KABAN", {"Kepala Badan", "Head of agency"},
       {kAuditRead, kRecordRead, kRecordWrite, kRecordReview, kRecordApprove, kFileUpload}, false},
      {"KABID", {"Kepala Bidang", "Head of division"},
       {kAuditRead, kRecordRead, kRecordWrite, kRecordReview, kFileUpload}, false},
      {"ANALIS", {"Analis Kebijakan", "Policy analyst"},
       {kAuditRead, kRecordRead, kRecordWrite, kRecordReview, kFileUpload}, false},
      {"OPERATOR", {"Operator", "Data operator"}, {kRecordRead, kRecordWrite, kFileUpload}, false},
      {"TEAM_MEMBER", {"Anggota Tim", "Team member"}, {kRecordRead, kRecordWrite, kFileUpload}, false},
      {"AUDITOR_VIEW", {"Pemeriksa (baca saja)", "Auditor (read only)"}, {kRecordRead, kAuditRead}, false},
  };
  return roles;
}

const RoleInfo* find_role(std::string_view code) {
  for (const auto& r : all_roles())
    if (r.code == code) return &r;
  return nullptr;
}

bool role_has(std::string_view role, std::string_view permission) {
  const RoleInfo* r = find_role(role);
  if (!r) return false;
  for (auto p : r->permissions)
    if (p == permission) return true;
  return false;
}

std::optional<int> parse_clearance(std::string_view s) {
  for (size_t i = 0; i < kClearanceNames.size(); ++i)
    if (kClearanceNames[i] == s) return static_cast<int>(i);
  return std::nullopt;
}

std::string_view clearance_name(int level) {
  return level >= 0 && level < 3 ? kClearanceNames[static_cast<size_t>(level)] : "BIASA";
}

}  // namespace pantau::auth
