#include <gtest/gtest.h>

#include "auth/password.h"
#include "auth/roles.h"
#include "auth/scope.h"
#include "core/crypto.h"
#include "fixtures.h"
#include "modules/org/rules.h"

using namespace pantau;

TEST(Password, HashVerifiesAndIsSalted) {
  ASSERT_TRUE(crypto_init());
  auto h1 = auth::hash_password("Kesbangpol2026");
  auto h2 = auth::hash_password("Kesbangpol2026");
  ASSERT_TRUE(h1.ok() && h2.ok());
  EXPECT_NE(*h1, *h2);
  EXPECT_EQ(h1->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(auth::verify_password(*h1, "Kesbangpol2026"));
  EXPECT_FALSE(auth::verify_password(*h1, "kesbangpol2026"));
  EXPECT_FALSE(auth::verify_password("garbage", "Kesbangpol2026"));
}

TEST(Password, PolicyTable) {
  for (auto& c : load_cases("password_policy.tsv")) {
    ASSERT_GE(c.size(), 4u);
    std::string got;
    for (auto& e : auth::check_password_policy(c[0], c[1])) got += (got.empty() ? "" : ",") + e.code;
    EXPECT_EQ(got, trim(c[2])) << c[3];
  }
}

TEST(Roles, PermissionsFollowTheRoleTable) {
  EXPECT_TRUE(auth::role_has("ADMIN_PUSAT", auth::kUserAdmin));
  EXPECT_TRUE(auth::role_has("ADMIN_DAERAH", auth::kUserAdmin));
  EXPECT_FALSE(auth::role_has("OPERATOR", auth::kUserAdmin));
  EXPECT_FALSE(auth::role_has("AUDITOR_VIEW", auth::kRecordWrite));
  EXPECT_TRUE(auth::role_has("AUDITOR_VIEW", auth::kAuditRead));
  EXPECT_FALSE(auth::role_has("NOPE", auth::kRecordRead));
  EXPECT_EQ(auth::parse_clearance("TERBATAS"), 1);
  EXPECT_FALSE(auth::parse_clearance("terbatas"));
}

TEST(Scope, RegionFilterSql) {
  auth::Scope s;
  s.region_code = "63.71";
  db::Params p;
  EXPECT_EQ(s.region_filter("r", p), "(r >= ? AND r < ?)");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(std::get<std::string>(p[0]), "63.71");
  EXPECT_EQ(std::get<std::string>(p[1]), "63.71/");
  // The range holds the region and its subtree, and nothing that merely shares a prefix.
  for (const char* in : {"63.71", "63.71.01", "63.71.99"}) EXPECT_TRUE(std::string(in) >= "63.71" && std::string(in) < "63.71/") << in;
  for (const char* out : {"63.72", "63.7", "63.710", "63", "63.70.01"}) EXPECT_FALSE(std::string(out) >= "63.71" && std::string(out) < "63.71/") << out;
  auth::Scope national;
  db::Params q;
  EXPECT_EQ(national.region_filter("r", q), "1=1");
  EXPECT_TRUE(q.empty());
  db::Params order;
  s.clearance = 1;
  s.record_filter("r", "c", order);
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(std::get<int64_t>(order[2]), 1);  // clearance comes after the region parameters
}

TEST(OrgRules, Assignment) {
  auth::Scope prov;
  prov.region_code = "63";
  prov.role = "ADMIN_DAERAH";
  prov.clearance = auth::kTerbatas;
  EXPECT_TRUE(org::check_assignment(prov, "OPERATOR", auth::kBiasa, "63.71").ok());
  EXPECT_TRUE(org::check_assignment(prov, "ADMIN_DAERAH", auth::kTerbatas, "63.01").ok());
  EXPECT_EQ(org::check_assignment(prov, "OPERATOR", auth::kBiasa, "64.71").error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(org::check_assignment(prov, "OPERATOR", auth::kRahasia, "63.71").error().fields[0].field, "clearance");
  EXPECT_EQ(org::check_assignment(prov, "ADMIN_PUSAT", auth::kBiasa, "63").error().fields[0].code, "national_only");
  EXPECT_EQ(org::check_assignment(prov, "SUPERUSER", auth::kBiasa, "63").error().fields[0].code, "unknown_role");
}

TEST(OrgRules, PlacementAndNames) {
  auth::Scope kab;
  kab.region_code = "63.71";
  EXPECT_TRUE(org::check_org_unit_placement(kab, "PERANGKAT_DAERAH", "63.71").ok());
  EXPECT_FALSE(org::check_org_unit_placement(kab, "PERANGKAT_DAERAH", "63").ok());
  EXPECT_FALSE(org::check_org_unit_placement(kab, "KEMENDAGRI", "").ok());
  EXPECT_FALSE(org::check_org_unit_placement(kab, "PARTNER", "12.1").ok());
  EXPECT_TRUE(org::valid_username("banjarmasin.operator"));
  EXPECT_FALSE(org::valid_username("Admin"));
  EXPECT_FALSE(org::valid_username("a b"));
  EXPECT_FALSE(org::valid_username("ab"));
  EXPECT_TRUE(org::valid_email("a@b.go.id"));
  EXPECT_FALSE(org::valid_email("a.b.go.id"));
}
