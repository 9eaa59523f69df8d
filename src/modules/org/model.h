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

// The coat of arms an office prints on its letterhead: a file of the files store.
struct Emblem {
  int64_t file_id = 0;
  std::string sha256, mime;
  int64_t size = 0;
};

// The head of an office as signature blocks print them (a user of the office with role KABAN).
struct OfficeHead {
  int64_t user_id = 0;
  std::string name, nip, rank, position;
};

struct OrgUnit {
  int64_t id = 0;
  std::string name, kind, region_code, region_name;
  std::optional<int64_t> parent_id;
  // What the office's letterhead and signature blocks print: the address and the contact line
  // (telephone, e-mail, website) under its name, and the city where it signs.
  std::string address, contact, city;
  std::optional<Emblem> emblem;
  // Read with one unit (not in lists): its head, or none on record.
  bool head_loaded = false;
  std::optional<OfficeHead> head;
  int64_t version = 1;
};

struct User {
  int64_t id = 0;
  std::string username, full_name, email, role;
  int clearance = 0;
  int64_t org_unit_id = 0;
  std::string org_unit_name, region_code, region_name;
  std::string nip, rank, position_title;  // as signature blocks print them
  bool disabled = false;
  bool locked = false;
  int64_t version = 1;
};

// Fields of a create or update request; absent fields stay unchanged on update.
struct OrgUnitInput {
  std::optional<std::string> name, kind, region_code, address, contact, city;
  std::optional<int64_t> parent_id;
};

struct UserInput {
  std::optional<std::string> username, full_name, email, role, password, nip, rank, position_title;
  std::optional<int> clearance;
  std::optional<int64_t> org_unit_id;
  std::optional<bool> disabled;
};

// One page of a list (db/page.h); pass next_after as ?after= for the next one.
template <class T>
using Page = db::Page<T>;

}  // namespace pantau::org
