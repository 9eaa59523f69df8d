#include <gtest/gtest.h>

#include "search/search.h"

using namespace pantau;


TEST(Search, AreaTokensNameEveryLevelOfTheRegion) {
  EXPECT_EQ(search::region_terms("63"), "zr63");
  EXPECT_EQ(search::region_terms("63.71"), "zr63 zr6371");
  EXPECT_EQ(search::region_terms("63.71.02"), "zr63 zr6371 zr637102");
  EXPECT_EQ(search::region_terms(""), "");
}

TEST(SearchTerms, FoldsCaseAccentsAndStemsIndonesian) {
  auto a = search::terms("Pemantauan");
  auto b = search::terms("dipantau");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(search::terms("PÉMILU")[0], search::terms("pemilu")[0]);
  EXPECT_EQ(search::terms("kerawanan")[0], search::terms("rawan")[0]);
  auto many = search::terms("Unjuk-rasa, 2026: di depan KPU!");
  EXPECT_EQ(many.size(), 6u);  // unjuk, rasa, 2026, di, depan, kpu: punctuation separates words
}
