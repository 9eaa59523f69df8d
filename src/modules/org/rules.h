// Who may create or change which org units and users. Pure functions of the admin's Scope.
#pragma once
#include <string_view>

#include "auth/scope.h"
#include "core/error.h"
#include "modules/org/model.h"

namespace pantau::org {

bool valid_username(std::string_view u);  // 3-64 of a-z 0-9 . _ -
bool valid_email(std::string_view e);
// The NIP of a civil servant: 18 digits (birth date, appointment month, sex, number); empty is
// allowed (someone who is not a civil servant).
bool valid_nip(std::string_view nip);

// An org unit of `kind` at `region_code` may be created/kept by this admin.
Status check_org_unit_placement(const auth::Scope& admin, std::string_view kind, std::string_view region_code);

// This admin may give `role` and `clearance` to a user of an org unit at `unit_region`.
Status check_assignment(const auth::Scope& admin, std::string_view role, int clearance, std::string_view unit_region);

}  // namespace pantau::org
