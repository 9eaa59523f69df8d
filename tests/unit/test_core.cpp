#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <thread>


#include "core/config.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "fixtures.h"

using namespace pantau;

static std::string level_name(RegionLevel l) {
  switch (l) {
    case RegionLevel::National: return "NATIONAL";
    case RegionLevel::Provinsi: return "PROVINSI";
    case RegionLevel::KabKota: return "KABKOTA";
    case RegionLevel::Kecamatan: return "KECAMATAN";
    default: return "INVALID";
  }
}

TEST(RegionCode, TableOfCases) {
  auto cases = load_cases("region_codes.tsv");
  ASSERT_GE(cases.size(), 15u);
  for (auto& c : cases) {
    ASSERT_GE(c.size(), 3u);
    EXPECT_EQ(level_name(region_level(c[0])), c[1]) << "code '" << c[0] << "': " << c[2];
  }
}

TEST(RegionCode, SubtreeMembership) {
  EXPECT_TRUE(region_within("63.71", "63"));
  EXPECT_TRUE(region_within("63.71.01", "63.71"));
  EXPECT_TRUE(region_within("63", "63"));
  EXPECT_TRUE(region_within("63.71", ""));
  EXPECT_FALSE(region_within("63.72", "63.71"));
  EXPECT_FALSE(region_within("64.71", "63"));
  EXPECT_FALSE(region_within("63", "63.71"));  // a kab/kota does not see its province
  EXPECT_EQ(region_parent("63.71.01"), "63.71");
  EXPECT_EQ(region_parent("63"), "");
  EXPECT_EQ(region_province("63.71.01"), "63");
}

TEST(Time, CivilDaysRoundTrip) {
  for (int64_t z = -800000; z <= 800000; z += 997) EXPECT_EQ(days_from_civil(civil_from_days(z)), z);
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(weekday({2026, 11, 23}), 1);  // a Monday
  EXPECT_EQ(weekday({2024, 2, 14}), 3);   // election day 2024 was a Wednesday
}

TEST(Time, ParseDateRejectsImpossibleDates) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2026-1-01"));
  EXPECT_FALSE(parse_date("26-11-2026"));
  EXPECT_EQ(format_date(*parse_date("2026-03-21")), "2026-03-21");
}

TEST(Time, IsoRoundTripAndSortsAsText) {
  auto t = parse_iso("2026-11-23T18:20:05.123Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_iso(*t), "2026-11-23T18:20:05.123Z");
  EXPECT_EQ(format_iso(*parse_iso("2026-11-23T18:20:05Z")), "2026-11-23T18:20:05.000Z");
  EXPECT_FALSE(parse_iso("2026-11-23 18:20:05"));
  EXPECT_FALSE(parse_iso("2020-01-01T-1:-5:-9Z"));      // signs are not digits
  EXPECT_FALSE(parse_iso("2020-01-01T00:00:00.-12Z"));
  EXPECT_FALSE(parse_date("2026-0-101"));
  EXPECT_FALSE(parse_date("+026-01-01"));
  EXPECT_LT(format_iso(*parse_iso("2026-01-02T00:00:00Z")), format_iso(*parse_iso("2026-01-10T00:00:00Z")));
}

// format_iso places its digits itself: the same text as the printf format it replaced, over
// times that exercise every field (before 1970, a leap day, the last millisecond of a year).
TEST(Time, IsoTextIsThePrintfText) {
  for (const char* s : {"1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "2000-02-29T12:34:56.789Z",
                        "2026-11-23T18:20:05.123Z", "2026-12-31T23:59:59.999Z"})
    EXPECT_EQ(format_iso(*parse_iso(s)), s);
  TimePoint t = *parse_iso("1969-06-01T00:00:00.000Z");
  for (int i = 0; i < 2000; ++i, t += std::chrono::milliseconds(86'400'000LL * 13 + 3'600'000 * 7 + 60'000 * 11 + 1'001 * 7 + i)) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    std::time_t secs = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char want[40];
    std::snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                  tm.tm_sec, static_cast<int>(ms - static_cast<int64_t>(secs) * 1000));
    ASSERT_EQ(format_iso(t), want) << ms;
  }
}

// sha256_hex keeps one OpenSSL context per thread: the standard test vectors, the same digest
// again after a longer input, and on other threads; the audit chain and request fingerprints
// depend on it, and libsodium's streaming Sha256 gives the same digest.
TEST(Crypto, Sha256HexIsTheStandardDigestOnEveryThread) {
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  const std::string empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  const std::string two_blocks = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
  const std::string long_text(100000, 'x');
  Sha256 streamed;
  streamed.update(long_text);
  const std::string long_digest = streamed.hex();
  auto check = [&] {
    EXPECT_EQ(sha256_hex("abc"), abc);
    EXPECT_EQ(sha256_hex(long_text), long_digest);
    EXPECT_EQ(sha256_hex(""), empty);
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), two_blocks);
    EXPECT_EQ(sha256_hex("abc"), abc);
  };
  check();
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back(check);
  for (auto& t : threads) t.join();
}

TEST(Strings, UrlDecode) {
  EXPECT_EQ(url_decode("a%20b+c", true).value(), "a b c");
  EXPECT_EQ(url_decode("a+b", false).value(), "a+b");
  EXPECT_FALSE(url_decode("%zz", true));
  EXPECT_FALSE(url_decode("abc%2", true));
  EXPECT_FALSE(url_decode("%", true));
}

TEST(Strings, Utf8Validation) {
  EXPECT_TRUE(valid_utf8("Kalimantan Selatan — Banjarmasin"));
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));        // overlong '/'
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));    // surrogate
  EXPECT_FALSE(valid_utf8("\xE2\x82"));        // truncated
}

// Exports: every text cell through CsvWriter, by the table of cases.
TEST(CsvWriter, NeutralisesFormulaStartsAndQuotesWhatNeedsIt) {
  auto unescape = [](std::string s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 't' || s[i + 1] == 'r' || s[i + 1] == 'n')) {
        out += s[i + 1] == 't' ? '\t' : s[i + 1] == 'r' ? '\r' : '\n';
        ++i;
      } else {
        out += s[i];
      }
    }
    return out;
  };
  auto cases = load_cases("csv_cells.tsv");
  ASSERT_GE(cases.size(), 10u);
  for (auto& c : cases) EXPECT_EQ(csv_text_cell(unescape(c[0])), unescape(c[1])) << c[2];
  // Region codes stay text in a spreadsheet; anything else given as a code is plain text.
  CsvWriter w;
  w.number(7).code("63.10").code("11").code("=1+1").text("x").end_row();
  EXPECT_EQ(w.str(), "7,\"=\"\"63.10\"\"\",\"=\"\"11\"\"\",\"'=1+1\",x\n");
  // What the writer produces, the reader reads back (apart from the neutralising apostrophe).
  auto back = parse_csv("a,b\n" + csv_text_cell("x, \"y\"") + "," + csv_text_cell("z") + "\n");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->rows[0][0], "x, \"y\"");
}

TEST(Csv, QuotedFieldsAndCrlf) {
  auto t = parse_csv("\xEF\xBB\xBF" "code,name\r\n63,\"Kalimantan Selatan, Prov\"\r\n64,\"Kata \"\"Timur\"\"\"\r\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->header, (std::vector<std::string>{"code", "name"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][1], "Kalimantan Selatan, Prov");
  EXPECT_EQ(t->rows[1][1], "Kata \"Timur\"");
  EXPECT_EQ(t->row_lines[1], 3);
}

TEST(Csv, MultilineFieldKeepsLineNumbers) {
  auto t = parse_csv("a,b\n1,\"x\ny\"\n2,z\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0][1], "x\ny");
  EXPECT_EQ(t->row_lines[1], 4);
}

TEST(Csv, ErrorsNameTheLine) {
  auto wrong_count = parse_csv("a,b\n1,2\n3\n");
  ASSERT_FALSE(wrong_count.ok());
  EXPECT_NE(wrong_count.error().message.en.find("line 3"), std::string::npos);
  EXPECT_NE(wrong_count.error().message.id.find("baris 3"), std::string::npos);
  EXPECT_FALSE(parse_csv("a,b\n1,\"2\n").ok());   // unterminated quote
  EXPECT_FALSE(parse_csv("a,b\n1,2\"x\n").ok());  // stray quote
  EXPECT_FALSE(parse_csv("").ok());
  EXPECT_FALSE(parse_csv("a\n\xFF\n").ok());      // not UTF-8
}

TEST(Csv, RowLimit) {
  std::string text = "a\n";
  for (int i = 0; i < 20; ++i) text += "x\n";
  EXPECT_FALSE(parse_csv(text, 10).ok());
  EXPECT_TRUE(parse_csv(text, 20).ok());
}

// The base map setting: what the server accepts, and the origin it adds to the CSP's img-src.
TEST(Config, MapTilesTableOfCases) {
  struct Case {
    const char* tiles;
    bool ok;
    const char* origin;
  };
  const Case cases[] = {
      {"https://tile.openstreetmap.org/{z}/{x}/{y}.png", true, "https://tile.openstreetmap.org"},
      {"https://{s}.peta.kalselprov.go.id:8443/osm/{z}/{x}/{y}.png", true, "https://*.peta.kalselprov.go.id:8443"},
      {"http://10.0.0.5/tiles/{z}/{y}/{x}.png", true, "http://10.0.0.5"},
      {"/tiles/{z}/{x}/{y}.png", true, ""},
      {"off", true, ""},
      {" OFF ", true, ""},
      {"", true, ""},
      {"https://tile.example.org/peta.png", false, ""},
      {"//tile.example.org/{z}/{x}/{y}.png", false, ""},
      {"javascript:alert(1)/{z}/{x}/{y}", false, ""},
      {"ftp://tile.example.org/{z}/{x}/{y}.png", false, ""},
      {"https://tile.example.org/{z}/{x}/{y}.png; script-src *", false, ""},
      {"https://tile.example.org/{z}/{x}/{y}.png,https://evil.example", false, ""},
      {"https://tile.example.org/{z}/{x}/{y}.png\"", false, ""},
      {"https://bad_host/{z}/{x}/{y}.png", false, ""},
      {"https://{s}/{z}/{x}/{y}.png", false, ""},
  };
  for (const auto& c : cases) {
    Config cfg;
    cfg.map_tiles = c.tiles;
    EXPECT_EQ(check_map_settings(cfg).ok(), c.ok) << c.tiles;
    EXPECT_EQ(map_tiles_origin(cfg), c.origin) << c.tiles;
  }
  Config cfg;
  cfg.map_attribution = "baris\nkedua";
  EXPECT_FALSE(check_map_settings(cfg).ok());
  cfg.map_attribution = "© kontributor OpenStreetMap";
  cfg.map_max_zoom = 23;
  EXPECT_FALSE(check_map_settings(cfg).ok());
  cfg.map_max_zoom = 19;
  EXPECT_TRUE(check_map_settings(cfg).ok());
  EXPECT_TRUE(map_tiles_off(cfg)) << "no base map until the operator names a tile server";
  cfg.map_tiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  EXPECT_TRUE(check_map_settings(cfg).ok());
  EXPECT_FALSE(map_tiles_off(cfg));
}
