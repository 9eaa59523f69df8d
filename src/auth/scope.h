// Scope: who is asking and what they may see. Every store function takes one and filters by it:
// a user sees and changes only records in their region subtree, and confidential records only
// with the clearance for them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/region_code.h"
#include "db/database.h"

namespace pantau::auth {

struct Scope {
  int64_t user_id = 0;
  std::string username;
  std::string role;
  int64_t org_unit_id = 0;
  std::string region_code;  // root of the subtree; "" = the whole country (Kemendagri)
  int clearance = 0;        // 0 BIASA, 1 TERBATAS, 2 RAHASIA

  bool national() const { return region_code.empty(); }
  bool covers(std::string_view code) const { return region_within(code, region_code); }
  bool cleared_for(int classification) const { return classification <= clearance; }
  bool can(std::string_view permission) const;
  // SQL condition restricting `column` (a region code) to this scope; appends its parameters.
  // One index range in both databases: code >= 'R' AND code < 'R/'.
  std::string region_filter(std::string_view column, db::Params& params) const;
  // Condition restricting a classification column to what the user is cleared for.
  std::string clearance_filter(std::string_view column, db::Params& params) const;
  // Both conditions at once, parameters in the order of the SQL text. Use this rather than
  // concatenating the two calls in one expression (C++ leaves that evaluation order open).
  std::string record_filter(std::string_view region_column, std::string_view classification_column,
                            db::Params& params) const;

  // The scope of the command-line tools and the seeder: national, everything.
  static Scope system();
};

}  // namespace pantau::auth
