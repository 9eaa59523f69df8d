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

TEST(Search, DocumentTermsAddEachWordOnceJoinedToTheKabKotaOrProvince) {
  search::Document d;
  d.title = "Hoaks pemilu";
  d.body = "hoaks lagi";
  d.region_code = "63.71.02";
  auto t = search::document_terms(d);
  auto hoaks = search::terms("hoaks")[0];
  auto lagi = search::terms("lagi")[0];
  EXPECT_EQ(t.rfind(hoaks + " " + search::terms("pemilu")[0] + " " + hoaks + " " + lagi + " zr63 zr6371 zr637102", 0), 0u) << t;
  EXPECT_NE(t.find(" " + hoaks + "zr6371"), std::string::npos) << t;
  EXPECT_EQ(t.find(hoaks + "zr6371"), t.rfind(hoaks + "zr6371")) << t;  // once, however often the word appears
  EXPECT_EQ(t.find("zr637102zr"), std::string::npos) << t;              // area tokens get no area word
  d.region_code = "63";
  EXPECT_NE(search::document_terms(d).find(" " + hoaks + "zr63"), std::string::npos);
  d.region_code = "";
  EXPECT_EQ(search::document_terms(d).find("zr"), std::string::npos);  // national records: words only
}
