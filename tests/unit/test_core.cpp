#include <gtest/gtest.h>

#include "core/region_code.h"

TEST(RegionCode, Levels) { EXPECT_EQ(pantau::region_level("63.71"), pantau::RegionLevel::KabKota); }
