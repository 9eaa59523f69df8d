// Organisations and people: org units (a Kesbangpol office of a region, a Perangkat Daerah,
// an outside partner such as KPU, Bawaslu or Polri; the ministry) and the users in them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/page.h"

namespace pantau::org {

inline const std::vector<std::string_view> kOrgKinds = {"KEMENDAGRI", "KESBANGPOL", "PERANGKAT_DAERAH", "PARTNER"};

struct OrgUnit {
  int64_t id = 0;
  std::string name, kind, region_code, region_name;
  std::optional<int64_t> parent_id;
  int64_t version = 1;
};

struct User {
  int64_t id = 0;
  std::string username, full_name, email, role;
  int clearance = 0;
  int64_t org_unit_id = 0;
  std::string org_unit_name, region_code, region_name;
  bool disabled = false;
  bool locked = false;
  int64_t version = 1;
};

// Fields of a create or update request; absent fields stay unchanged on update.
struct OrgUnitInput {
  std::optional<std::string> name, kind, region_code;
  std::optional<int64_t> parent_id;
};

struct UserInput {
  std::optional<std::string> username, full_name, email, role, password;
  std::optional<int> clearance;
  std::optional<int64_t> org_unit_id;
  std::optional<bool> disabled;
};

// One page of a list (db/page.h); pass next_after as ?after= for the next one.
template <class T>
using Page = db::Page<T>;

}  // namespace pantau::org
