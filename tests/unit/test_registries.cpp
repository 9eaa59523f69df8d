// Registries: the actor rules (NIK, names), the ormas and foreigner rules as tables of cases, and
// the stores on both databases (ormas with board and duplicates, registration clock, sanctions,
// import, masking, the actor page with a party officer, merges, foreigners' presences).
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <tuple>

#include "fixtures.h"
#include "db/bulk.h"
#include "http/handler.h"
#include "modules/actors/public.h"
#include "modules/actors/store.h"
#include "modules/foreigners/store.h"
#include "modules/ormas/store.h"
#include "store_fixture.h"

using namespace pantau;

namespace {

Date d(const std::string& s) { return *parse_date(s); }

// The actor page and the suggestions as the API answers them.
std::optional<std::string> actor_json(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto page = actors::actor_page(c, s, id);
  return page ? std::optional(actors::to_json(*page)) : std::nullopt;
}
std::string suggest_json(db::Conn& c, const auth::Scope& s, std::string_view q, int limit) {
  return http::items_json(actors::suggest(c, s, q, limit));
}

WorkingDayCalendar calendar_of(const std::string& holidays) {
  WorkingDayCalendar cal;
  if (holidays != "-")
    for (auto& h : split(holidays, ',')) cal.add_day_off(d(h));
  return cal;
}

TEST(ActorRules, NikCases) {
  auto cases = load_cases("actors_nik.tsv");
  ASSERT_GE(cases.size(), 20u);
  for (auto& c : cases) {
    c.resize(6);
    auto r = actors::check_nik(c[0], d(c[1]));
    if (c[2] == "OK") {
      ASSERT_TRUE(r.ok()) << c[0] << ": " << r.error().message.en;
      EXPECT_EQ(r->region_code, c[3]) << c[0];
      EXPECT_EQ(format_date(r->birth_date), c[4]) << c[0];
      EXPECT_EQ(std::string(1, r->sex), c[5]) << c[0];
    } else {
      ASSERT_FALSE(r.ok()) << c[0] << " should be refused (" << c[2] << ")";
      EXPECT_EQ(r.error().fields.at(0).code, c[2]) << c[0];
      EXPECT_EQ(r.error().fields.at(0).field, "nik");
      EXPECT_FALSE(r.error().fields.at(0).message.id.empty());
    }
  }
}

TEST(ActorRules, NamePairs) {
  auto cases = load_cases("actors_names.tsv");
  ASSERT_GE(cases.size(), 30u);
  for (auto& c : cases) {
    c.resize(4);
    EXPECT_EQ(actors::names_match(c[0], c[1]), c[2] == "yes") << "'" << c[0] << "' vs '" << c[1] << "' (" << c[3] << "): keys "
                                                              << actors::name_key(c[0]) << " / " << actors::name_key(c[1]);
  }
}

TEST(ActorRules, MaskingKeepsOnlyTheEnds) {
  EXPECT_EQ(actors::mask_identifier("6371021508900001"), "63************01");
  EXPECT_EQ(actors::mask_identifier("A1234567"), "A1****67");
  EXPECT_EQ(actors::mask_identifier("AB12"), "****");
}

TEST(OrmasRules, RegistrationTransitions) {
  for (auto& c : load_cases("ormas_registration.tsv")) {
    ormas::RegFacts f{c[2] == "1", c[3] == "1", c[4] == "1"};
    auto r = ormas::reg_transition(*ormas::parse_reg_state(c[0]), c[1], f);
    if (c[5] == "NOT_ALLOWED") {
      EXPECT_FALSE(r.ok()) << c[0] << " " << c[1];
      if (!r.ok()) {
        EXPECT_EQ(r.error().kind, ErrorKind::Conflict);
      }
    } else {
      ASSERT_TRUE(r.ok()) << c[0] << " " << c[1] << ": " << r.error().message.en;
      EXPECT_EQ(ormas::name(*r), c[5]) << c[0] << " " << c[1];
    }
  }
}

TEST(OrmasRules, ClocksAndValidity) {
  auto cases = load_cases("ormas_clocks.tsv");
  ASSERT_GE(cases.size(), 20u);
  for (auto& c : cases) {
    auto cal = calendar_of(c[3]);
    std::string got;
    if (c[0] == "WORKING_DUE") got = format_date(ormas::working_due(cal, d(c[1]), std::stoi(c[2])));
    else if (c[0] == "DAYS_LEFT") got = std::to_string(ormas::working_days_left(cal, d(c[1]), d(c[2])));
    else if (c[0] == "SKT_EXPIRY") got = format_date(ormas::skt_expiry(d(c[1]), std::stoi(c[2])));
    else if (c[0] == "SKT_STATE")
      got = ormas::name(ormas::skt_state(c[1] == "-" ? std::nullopt : std::optional(d(c[1])), d(c[2]), 90, 30));
    else if (c[0] == "ANNUAL_DUE") got = format_date(ormas::annual_report_due(std::stoi(c[1]), std::stoi(c[2])));
    EXPECT_EQ(got, c[4]) << c[0] << " " << c[1] << " " << c[2] << " (" << c[5] << ")";
  }
}

// The ladder as migration 0018 seeds it.
std::vector<ormas::SanctionStep> seeded_ladder() {
  using S = ormas::SanctionStep;
  auto to = std::optional(d("2017-07-09"));
  return {S{"UU_17_2013", 1, "WARNING", 30, "CALENDAR_DAYS", "", d("2013-07-22"), to},
          S{"UU_17_2013", 2, "WARNING", 30, "CALENDAR_DAYS", "", d("2013-07-22"), to},
          S{"UU_17_2013", 3, "WARNING", 30, "CALENDAR_DAYS", "", d("2013-07-22"), to},
          S{"UU_17_2013", 4, "ACTIVITY_STOP", 0, "CALENDAR_DAYS", "", d("2013-07-22"), to},
          S{"UU_17_2013", 5, "REVOCATION", 0, "CALENDAR_DAYS", "", d("2013-07-22"), to},
          S{"UU_16_2017", 1, "WARNING", 7, "WORKING_DAYS", "", d("2017-07-10"), std::nullopt},
          S{"UU_16_2017", 2, "ACTIVITY_STOP", 0, "WORKING_DAYS", "", d("2017-07-10"), std::nullopt},
          S{"UU_16_2017", 3, "REVOCATION", 0, "WORKING_DAYS", "", d("2017-07-10"), std::nullopt}};
}

TEST(OrmasRules, SanctionLadder) {
  for (auto& c : load_cases("ormas_sanctions.tsv")) {
    std::vector<ormas::IssuedSanction> issued;
    if (c[1] != "-")
      for (auto& s : split(c[1], ',')) {
        auto parts = split(s, ':');
        issued.push_back({std::stoi(parts[0]), "", parts[1] == "Y"});
      }
    auto r = ormas::next_sanction(ormas::ladder_on(seeded_ladder(), d(c[0])), issued, c[2], c[3] == "Y");
    std::string got = r.ok() ? std::to_string(r->step) : (r.error().fields.empty() ? r.error().code : r.error().fields[0].code);
    EXPECT_EQ(got, c[4]) << c[0] << " " << c[1] << " " << c[2];
  }
  // A warning under UU 16/2017 gives 7 working days.
  auto ladder = ormas::ladder_on(seeded_ladder(), d("2026-12-04"));
  EXPECT_EQ(format_date(*ormas::compliance_due(ladder.front(), d("2026-12-04"), WorkingDayCalendar{})), "2026-12-15");
}

TEST(ForeignerRules, PresenceTransitions) {
  for (auto& c : load_cases("foreigners_presence.tsv")) {
    foreigners::PresenceFacts f{c[2] == "-" ? "" : c[2], c[3] == "-" ? "" : c[3], c[4] == "1", c[5] == "1"};
    auto r = foreigners::presence_transition(*foreigners::parse_presence_state(c[0]), c[1], f);
    if (c[6] == "NOT_ALLOWED") {
      EXPECT_FALSE(r.ok()) << c[0] << " " << c[1];
    } else {
      ASSERT_TRUE(r.ok()) << c[0] << " " << c[1] << ": " << r.error().message.en;
      EXPECT_EQ(foreigners::name(*r), c[6]) << c[0] << " " << c[1];
    }
  }
}

TEST(ForeignerRules, PermitReminders) {
  for (auto& c : load_cases("foreigners_permits.tsv"))
    EXPECT_EQ(foreigners::name(foreigners::permit_state(c[0] == "-" ? std::nullopt : std::optional(d(c[0])), d(c[1]), 30, 7)), c[2])
        << c[0];
}

// "Today" for registry deadlines is the office's day: at 16:30 UTC it is already the next day
// in Banjarmasin (WITA, UTC+8) but not yet in Jakarta (WIB, UTC+7).
TEST(RegistryDay, OfficeDayIsLocalNotUtc) {
  const std::string late = "2026-12-07T16:30:00.000Z";
  EXPECT_EQ(format_date(actors::office_day("63.71", late)), "2026-12-08");
  EXPECT_EQ(format_date(actors::office_day("63", late)), "2026-12-08");
  EXPECT_EQ(format_date(actors::office_day("31.71", late)), "2026-12-07");
  EXPECT_EQ(format_date(actors::office_day("", late)), "2026-12-07");  // the ministry: WIB
  EXPECT_EQ(format_date(actors::office_day("63.71", "2026-12-07T15:59:59.999Z")), "2026-12-07");
  // An SKT that expires on 2026-12-07 has expired for a WITA office at that instant.
  Date utc_day = *parse_date(late.substr(0, 10));
  EXPECT_EQ(ormas::name(ormas::skt_state(d("2026-12-07"), utc_day, 90, 30)), "EXPIRING_30");
  EXPECT_EQ(ormas::name(ormas::skt_state(d("2026-12-07"), actors::office_day("63.71", late), 90, 30)), "EXPIRED");
}

// A registry file of n rows in 63.71, one ketua each: "Ormas <word> i", decree "<decree>i", and
// the NIK <nik12> followed by i + 1 in four digits.
CsvTable numbered_import(int n, const std::string& nik12, const std::string& word, const std::string& decree) {
  CsvTable t;
  t.header = {"name", "legal_form", "scope_level", "region_code", "ahu_decree_no", "ketua_nik", "ketua_nama"};
  for (int i = 0; i < n; ++i) {
    char serial[5];
    std::snprintf(serial, sizeof serial, "%04d", 1 + i);
    t.rows.push_back({"Ormas " + word + " " + std::to_string(i), "NON_BH", "KABKOTA", "63.71", decree + std::to_string(i), nik12 + serial,
                      "Ketua " + word});
    t.row_lines.push_back(i + 2);
  }
  return t;
}

class RegistriesStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    op = scope_of("63.71", 0, 1);
    cleared = scope_of("63.71", 1, 1);
    prov = scope_of("63", 1, 1);
    other = scope_of("63.72", 2, 1);
    today = *parse_date(now_iso().substr(0, 10));
  }
  ormas::OrmasInput ormas_in(const std::string& name, std::vector<ormas::BoardInput> board) {
    ormas::OrmasInput in;
    in.name = name;
    in.legal_form = "NON_BH";
    in.scope_level = "KABKOTA";
    in.region_code = "63.71";
    in.fields = {"KEPEMUDAAN"};
    in.skt_no = "01-00-00/" + name.substr(0, 3);
    in.skt_issue_date = "2022-03-10";
    in.board = std::move(board);
    return in;
  }
  Result<int64_t> add(const auth::Scope& s, const ormas::OrmasInput& in) {
    auto errs = ormas::validate(in, today);
    if (!errs.empty()) return Error::invalid(errs);
    return db_->write_value<int64_t>([&](db::Conn& c) { return ormas::create_ormas(c, s, in); });
  }
  // The records of a list as their JSON, one after another (for looking for a name or a number).
  template <class T>
  static std::string all_json(const std::vector<T>& items) {
    std::string out;
    for (const auto& x : items) out += to_json(x);
    return out;
  }
  // An import as POST /api/v1/ormas/import runs it: a bulk write (db::BulkWrite; on SQLite
  // without a foreign-key look-up per row).
  Result<ormas::ImportReport> import(const auth::Scope& s, const CsvTable& t, const std::string& sha) {
    db::BulkWrite bulk;
    return db_->write_value<ormas::ImportReport>([&](db::Conn& c) { return ormas::import_ormas(c, s, t, sha); });
  }
  // Rows whose reference the database does not hold (SQLite: PRAGMA foreign_key_check;
  // PostgreSQL checks every row of every write).
  int64_t dangling_references() {
    int64_t n = 0;
    if (GetParam() == "sqlite")
      EXPECT_TRUE(db_->read([&](db::Conn& c) { c.query("PRAGMA foreign_key_check", {}, [&](const db::Row&) { ++n; }); }).ok());
    return n;
  }
  // Whether the next ordinary write is checked: a search word of an ormas that does not exist.
  bool dangling_reference_refused() {
    Status st = db_->write([](db::Conn& c) -> Status {
      c.exec("INSERT INTO ormas_words (word, region_code, ormas_id) VALUES ('hantu', '63.71', 999999999)");
      return {};
    });
    return !st.ok() && st.error().kind == ErrorKind::Conflict;
  }
  std::string read(const std::function<std::string(db::Conn&)>& fn) {
    std::string out;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { out = fn(c); }).ok());
    return out;
  }
  auth::Scope op, cleared, prov, other;
  Date today;
};

const ormas::BoardInput kAhmad{"6371021508900001", "H. Ahmad Fauzi", "KETUA", "", "", false};
const ormas::BoardInput kSiti{"6371025508920002", "Siti Aminah", "SEKRETARIS", "", "", false};

TEST_P(RegistriesStoreTest, BoardDuplicatesAcrossOrmasAreFlaggedAndNikMasked) {
  auto a = add(op, ormas_in("Gerakan Pemuda Banua", {kAhmad, kSiti}));
  ASSERT_TRUE(a.ok()) << a.error().message.en;
  auto b = add(op, ormas_in("Forum Pemuda Martapura", {{"6371021508900001", "Ahmad Fauzi", "BENDAHARA", "", "", false}}));
  ASSERT_TRUE(b.ok()) << b.error().message.en;
  // One actor for the NIK, with both roles.
  EXPECT_EQ(count("SELECT COUNT(*) FROM actors WHERE nik = '6371021508900001'"), 1);
  std::string masked = read([&](db::Conn& c) { return ormas::to_json(*ormas::get_ormas(c, op, *a, today)); });
  EXPECT_NE(masked.find("63************01"), std::string::npos);
  EXPECT_EQ(masked.find("6371021508900001"), std::string::npos);
  EXPECT_NE(masked.find("\"duplicate\":true"), std::string::npos);
  std::string open = read([&](db::Conn& c) { return ormas::to_json(*ormas::get_ormas(c, cleared, *a, today)); });
  EXPECT_NE(open.find("6371021508900001"), std::string::npos);
  std::string dups = read([&](db::Conn& c) { return all_json(ormas::duplicates(c, prov)); });
  EXPECT_NE(dups.find("Forum Pemuda Martapura"), std::string::npos);
  EXPECT_NE(dups.find("Gerakan Pemuda Banua"), std::string::npos);
  // Outside the kab/kota: nothing.
  EXPECT_EQ(read([&](db::Conn& c) { return ormas::get_ormas(c, other, *a, today) ? "found" : "none"; }), "none");
  // Search by a board member's name and by NIK (cleared only).
  EXPECT_NE(read([&](db::Conn& c) { return all_json(ormas::list_ormas(c, op, {"fauzi", "", "", "", ""}, today).items); }).find("Forum Pemuda"),
            std::string::npos);
  EXPECT_NE(read([&](db::Conn& c) { return all_json(ormas::list_ormas(c, op, {"Gerakan Pemuda", "", "", "", ""}, today).items); }).find("Gerakan"),
            std::string::npos);
  EXPECT_EQ(read([&](db::Conn& c) { return all_json(ormas::list_ormas(c, op, {"6371021508900001", "", "", "", ""}, today).items); }).find("Gerakan"),
            std::string::npos);
  EXPECT_NE(read([&](db::Conn& c) { return all_json(ormas::list_ormas(c, cleared, {"6371021508900001", "", "", "", ""}, today).items); }).find("Gerakan"),
            std::string::npos);
  // A bad NIK is refused with its field, nothing written.
  auto bad = add(op, ormas_in("Ormas Salah", {{"6371023102900001", "Budi", "KETUA", "", "", false}}));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "board[0].nik");
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas"), 2);
}

// The one-word ormas search reads ormas_words (migration 0036). Its answers must be those of the
// definition it replaced: every ormas whose own actor or one of whose board members' actors has
// a name word starting with the typed word, in the viewer's region and clearance, newest first.
// That definition is written here as the SQL it used to be (over actor_words and the links), and
// compared page by page with list_ormas after every kind of write: create, a board member added,
// an import, and a merge of two actors (which changes no name and so no answer).
TEST_P(RegistriesStoreTest, WordSearchKeptOnEveryWritePathAndScoped) {
  auto national = scope_of("", 1, 1);
  auto in_other = [&](std::string name, std::vector<ormas::BoardInput> board) {
    auto in = ormas_in(name, std::move(board));
    in.region_code = "63.72";
    return in;
  };
  ASSERT_TRUE(add(op, ormas_in("Gerakan Pemuda Banua", {kAhmad, kSiti})).ok());
  ASSERT_TRUE(add(op, ormas_in("Forum Pemudi Martapura", {{"6371021508900003", "Rahmat Hidayat", "KETUA", "", "", false}})).ok());
  ASSERT_TRUE(add(national, in_other("Ikatan Pemuda Banjarbaru", {{"6372021508900004", "Hidayatullah Anshari", "KETUA", "", "", false}})).ok());
  auto target = add(op, ormas_in("Laskar Taklim", {}));
  ASSERT_TRUE(target.ok());
  // The definition the search keeps (the SQL it used before migration 0036).
  // One word: a word of an actor's name starts with it; more: the actor's name key does.
  auto expected = [&](const auth::Scope& s, const std::string& q) {
    std::vector<int64_t> ids;
    auto words = actors::name_words(q);
    std::string key;
    for (auto& w : words) key += w;
    std::string matching = words.size() == 1 ? "SELECT w.actor_id FROM actor_words w WHERE w.word >= ? AND w.word < ?"
                                             : "SELECT a.id FROM actors a WHERE a.name_key >= ? AND a.name_key < ?";
    db::Params p{key, key + "{", key, key + "{"};
    std::string sql = "SELECT o.id FROM ormas o WHERE o.id IN (SELECT o2.id FROM ormas o2 WHERE o2.actor_id IN (" + matching +
                      ") UNION SELECT b.ormas_id FROM ormas_board_members b WHERE b.actor_id IN (" + matching + ")) AND " +
                      s.record_filter("o.region_code", "o.classification", p) + " ORDER BY o.id DESC";
    EXPECT_TRUE(db_->read([&](db::Conn& c) { c.query(sql, p, [&](const db::Row& r) { ids.push_back(r.i64(0)); }); }).ok());
    return ids;
  };
  // list_ormas page after page (two a page), as a user pages through the answer.
  auto searched = [&](const auth::Scope& s, const std::string& q) {
    std::vector<int64_t> ids;
    ormas::ListFilter f{q, "", "", "", "", {std::nullopt, 2}};
    for (int pages = 0; pages < 20; ++pages) {
      db::Page<ormas::OrmasSummary> page;
      EXPECT_TRUE(db_->read([&](db::Conn& c) { page = ormas::list_ormas(c, s, f, today); }).ok());
      for (auto& o : page.items) ids.push_back(o.id);
      if (!page.next_after) break;
      f.page.after = page.next_after;
    }
    return ids;
  };
  auto same_everywhere = [&](const std::string& when) {
    for (const auth::Scope* s : {&op, &cleared, &prov, &other, &national})
      for (std::string w : {"pemuda", "pemud", "pem", "hidayat", "hid", "ahmad", "fauzi", "siti", "taklim", "budi", "ketua", "x",
                            "rahmat hidayat", "rahmat hid", "h. ahmad fauzi", "ahmad fauzi", "siti hidayati", "gerakan pemuda",
                            "forum pemudi m", "budi hidayat", "hidayatullah anshari", "siti aminah x"})
        EXPECT_EQ(searched(*s, w), expected(*s, w)) << when << ": \"" << w << "\" in " << s->region_code;
  };
  same_everywhere("after create");
  // Scope: a kab/kota office never sees another kab/kota's ormas; the province sees both.
  EXPECT_EQ(searched(op, "pemud").size(), 2u);
  EXPECT_EQ(searched(other, "pemud").size(), 1u);
  EXPECT_EQ(searched(prov, "pemud").size(), 3u);
  // One ormas once, though two of its words match ("pem": pemuda, and its members' names do not).
  EXPECT_EQ(searched(op, "gerakan").size(), 1u);
  // A board member added: the ormas is found by the member's name from then on.
  EXPECT_TRUE(searched(op, "budi").empty());
  int64_t version = count("SELECT version FROM ormas WHERE id = " + std::to_string(*target));
  ASSERT_TRUE(db_->write_value<int64_t>([&](db::Conn& c) {
    return ormas::add_board_member(c, op, *target, version, {"6371021508900005", "Budi Hidayat", "BENDAHARA", "", "", false});
  }).ok());
  EXPECT_EQ(searched(op, "budi"), std::vector<int64_t>{*target});
  same_everywhere("after a board member was added");
  // An import: its ormas and members are found, newest first, with the others.
  CsvTable t;
  t.header = {"name", "legal_form", "scope_level", "region_code", "skt_no", "skt_issue_date", "ketua_nik", "ketua_nama"};
  t.rows = {{"Paguyuban Pemuda Tani", "NON_BH", "KABKOTA", "63.71", "SKT-I-1", "2023-01-02", "6371021508900006", "Siti Hidayati"},
            {"Majelis Dzikir", "NON_BH", "KABKOTA", "63.72", "SKT-I-2", "2023-01-02", "6371021508900001", "Ahmad Fauzi"}};
  t.row_lines = {2, 3};
  auto rep = import(prov, t, "words");
  ASSERT_TRUE(rep.ok());
  ASSERT_TRUE(rep->refused.empty()) << rep->refused.front().second.field << " " << rep->refused.front().second.message.en;
  EXPECT_EQ(searched(op, "pemuda").front(), count("SELECT id FROM ormas WHERE name = 'Paguyuban Pemuda Tani'"));
  EXPECT_EQ(searched(other, "fauzi"), std::vector<int64_t>{count("SELECT id FROM ormas WHERE name = 'Majelis Dzikir'")});
  same_everywhere("after an import");
  // A merge of two people changes no name: the answers stay as they were.
  int64_t x = count("SELECT id FROM actors WHERE nik = '6371021508900003'"), y = count("SELECT id FROM actors WHERE nik = '6371021508900005'");
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("UPDATE actors SET nik = NULL WHERE id = ?", {y});
    return actors::merge(c, op, x, y);
  }).ok());
  same_everywhere("after a merge");
  // The other filters still apply to a word search, and a search of no known word is empty.
  ormas::ListFilter revoked{"pemuda", "", "REVOKED", "", "", {}};
  EXPECT_TRUE(read([&](db::Conn& c) { return all_json(ormas::list_ormas(c, prov, revoked, today).items); }).empty());
  ormas::ListFilter narrow{"pemud", "63.72", "", "", "", {}};
  EXPECT_EQ(read([&](db::Conn& c) { return all_json(ormas::list_ormas(c, prov, narrow, today).items); }).find("Martapura"), std::string::npos);
}

// Suggestions while typing: the region is checked in the word's entry, so an office is offered
// only the actors of its own area, in the order of the word and then the oldest actor.
TEST_P(RegistriesStoreTest, SuggestionsStayInTheOfficesArea) {
  auto in_other = ormas_in("Ikatan Warga", {{"6372021508900004", "Hidayat Rahman", "KETUA", "", "", false}});
  in_other.region_code = "63.72";
  ASSERT_TRUE(add(prov, in_other).ok());
  ASSERT_TRUE(add(op, ormas_in("Forum Warga", {{"6371021508900003", "Rahmat Hidayat", "KETUA", "", "", false},
                                               {"6371021508900007", "Hidayati", "ANGGOTA", "", "", false}})).ok());
  auto names = [&](const auth::Scope& s, const std::string& q) {
    std::string out;
    EXPECT_TRUE(db_->read([&](db::Conn& c) {
      for (auto& x : actors::suggest(c, s, q, 10)) out += x.name + ";";
    }).ok());
    return out;
  };
  EXPECT_EQ(names(op, "hida"), "Rahmat Hidayat;Hidayati;");
  EXPECT_EQ(names(other, "hida"), "Hidayat Rahman;");
  EXPECT_EQ(names(prov, "hida"), "Hidayat Rahman;Rahmat Hidayat;Hidayati;");
  EXPECT_EQ(names(op, "rahm"), "Rahmat Hidayat;");
}

// Foreigners by name prefix or passport: the viewer's area only, newest first, page by page.
TEST_P(RegistriesStoreTest, ForeignerSearchPagesWithinTheArea) {
  auto national = scope_of("", 1, 1);
  auto person = [&](const std::string& name, const std::string& passport, const std::string& region) {
    foreigners::PersonInput p;
    p.full_name = name;
    p.nationality = "AUS";
    p.passport_no = passport;
    p.permit_type = "KITAS";
    p.permit_valid_to = "2027-06-30";
    p.region_code = region;
    auto id = db_->write_value<int64_t>([&](db::Conn& c) { return foreigners::create_person(c, national, p); });
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  };
  int64_t a = person("John Smith", "PA1000001", "63.71"), b = person("Johanna Berg", "PA1000002", "63.71");
  int64_t c3 = person("John Smithers", "PA1000003", "63.72"), d4 = person("Johnny Walker", "PA1000004", "63.71");
  person("Mary Jones", "PA1000005", "63.71");
  auto ids = [&](const auth::Scope& s, const std::string& q) {
    std::vector<int64_t> out;
    foreigners::PersonFilter f{q, "", {std::nullopt, 2}};
    for (int pages = 0; pages < 10; ++pages) {
      db::Page<foreigners::PersonSummary> page;
      EXPECT_TRUE(db_->read([&](db::Conn& c) { page = foreigners::list_persons(c, s, f, today); }).ok());
      for (auto& x : page.items) out.push_back(x.id);
      if (!page.next_after) break;
      f.page.after = page.next_after;
    }
    return out;
  };
  EXPECT_EQ(ids(op, "joh"), (std::vector<int64_t>{d4, b, a}));
  EXPECT_EQ(ids(other, "joh"), std::vector<int64_t>{c3});
  EXPECT_EQ(ids(prov, "john smith"), (std::vector<int64_t>{c3, a}));
  EXPECT_EQ(ids(national, "joh"), (std::vector<int64_t>{d4, c3, b, a}));
  // A passport: for a cleared viewer in the area only.
  EXPECT_EQ(ids(cleared, "PA1000002"), std::vector<int64_t>{b});
  EXPECT_TRUE(ids(op, "PA1000002").empty());
  EXPECT_TRUE(ids(other, "PA1000002").empty());
}

TEST_P(RegistriesStoreTest, RegistrationClockChecklistAndReceipt) {
  auto a = add(op, ormas_in("Gerakan Pemuda Banua", {kAhmad}));
  ASSERT_TRUE(a.ok());
  auto reg = db_->write_value<int64_t>([&](db::Conn& c) { return ormas::create_registration(c, op, *a, "2026-01-05"); });
  ASSERT_TRUE(reg.ok()) << reg.error().message.en;
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas_registrations WHERE verification_due = '2026-01-26'"), 1);
  int64_t docs = count("SELECT COUNT(*) FROM ormas_registration_documents WHERE registration_id = ?", {*reg});
  EXPECT_EQ(docs, 11);  // ALWAYS documents; no religion, belief or state official
  auto act = [&](const std::string& a, const std::string& on = "", const std::string& receipt = "") {
    int64_t v = count("SELECT version FROM ormas_registrations WHERE id = ?", {*reg});
    return db_->write([&](db::Conn& c) { return ormas::registration_action(c, op, *reg, v, a, on, receipt, "", today); });
  };
  ASSERT_TRUE(act("verify").ok());
  EXPECT_EQ(act("approve").error().kind, ErrorKind::Conflict);  // documents not judged yet
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return ormas::judge_document(c, op, *reg, "NPWP", "INVALID", "NPWP atas nama pribadi"); }).ok());
  ASSERT_TRUE(act("notify_incomplete", "2026-01-12").ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas_registrations WHERE completion_due = '2026-02-02'"), 1);
  ASSERT_TRUE(act("resubmit", "2026-01-20").ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas_registrations WHERE verification_due = '2026-02-10'"), 1);
  ASSERT_TRUE(act("verify").ok());
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    std::vector<std::string> types;
    c.query("SELECT doc_type FROM ormas_registration_documents WHERE registration_id = ?", {*reg},
            [&](const db::Row& r) { types.push_back(r.str(0)); });
    for (auto& t : types) PANTAU_CHECK(ormas::judge_document(c, op, *reg, t, "VALID", ""));
    return {};
  }).ok());
  ASSERT_TRUE(act("approve").ok());
  EXPECT_EQ(act("issue_receipt").error().kind, ErrorKind::Invalid);  // receipt number required
  ASSERT_TRUE(act("issue_receipt", "", "220/001/Kesbangpol").ok());
  // Another kab/kota cannot act on it.
  EXPECT_EQ(db_->write([&](db::Conn& c) { return ormas::registration_action(c, other, *reg, 1, "verify", "", "", "", today); }).error().kind,
            ErrorKind::NotFound);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'ormas_registration'"), 8);
}

TEST_P(RegistriesStoreTest, WarningThenStopThenRevocation) {
  auto a = add(op, ormas_in("Gerakan Pemuda Banua", {kAhmad}));
  ASSERT_TRUE(a.ok());
  auto impose = [&](const std::string& level, const std::string& on) {
    return db_->write_value<int64_t>([&](db::Conn& c) { return ormas::impose_sanction(c, op, *a, level, "SK-" + level, on, "Pasal 59", false); });
  };
  EXPECT_FALSE(impose("ACTIVITY_STOP", "2026-12-04").ok());
  auto w = impose("WARNING", "2026-12-04");
  ASSERT_TRUE(w.ok()) << w.error().message.en;
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas_sanctions WHERE compliance_due = '2026-12-15'"), 1);
  std::string rem = read([&](db::Conn& c) { return ormas::to_json(ormas::reminders(c, op, d("2026-12-10"))); });
  EXPECT_NE(rem.find("\"compliance_due\":\"2026-12-15\""), std::string::npos);
  ASSERT_TRUE(impose("ACTIVITY_STOP", "2026-12-16").ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas WHERE status = 'ACTIVITY_STOPPED'"), 1);
  ASSERT_TRUE(impose("REVOCATION", "2027-01-10").ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas WHERE status = 'REVOKED'"), 1);
  EXPECT_FALSE(impose("REVOCATION", "2027-01-11").ok());
}

TEST_P(RegistriesStoreTest, ImportRefusesBadRowsAndWritesNothing) {
  CsvTable t;
  t.header = {"name", "legal_form", "scope_level", "region_code", "skt_no", "skt_issue_date", "ketua_nik", "ketua_nama"};
  t.rows = {{"Ormas Satu", "NON_BH", "KABKOTA", "63.71", "SKT-1", "2023-01-02", "6371021508900001", "Ahmad"},
            {"Ormas Dua", "NON_BH", "KABKOTA", "63.99", "", "", "6371021508900009", "Budi"},
            {"Ormas Tiga", "LAINNYA", "KABKOTA", "63.71", "", "", "63710215089", "Citra"},
            {"Ormas Empat", "NON_BH", "KABKOTA", "63.72", "", "", "", ""}};
  t.row_lines = {2, 3, 4, 5};
  auto rep = db_->write_value<ormas::ImportReport>([&](db::Conn& c) -> Result<ormas::ImportReport> {
    PANTAU_TRY(auto r, ormas::import_ormas(c, op, t, "abc"));
    if (!r.refused.empty()) return Error::invalid({});
    return r;
  });
  EXPECT_FALSE(rep.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actors"), 0);
  std::optional<ormas::ImportReport> r;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { r = ormas::import_ormas(c, op, t, "abc").value(); }).ok());
  ASSERT_TRUE(r);
  std::set<std::pair<int, std::string>> refused;
  for (auto& [line, e] : r->refused) refused.insert({line, e.field});
  EXPECT_TRUE(refused.count({3, "region_code"}));
  EXPECT_TRUE(refused.count({4, "legal_form"}));
  EXPECT_TRUE(refused.count({4, "board[0].nik"}));
  EXPECT_TRUE(refused.count({5, "region_code"}));  // outside the importer's area
  EXPECT_FALSE(refused.count({2, "name"}));
  // Only the good row: imported, with one audit row for the file.
  t.rows.resize(1);
  t.row_lines.resize(1);
  auto ok = import(op, t, "abc");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->created, 1);
  EXPECT_EQ(ok->board_members, 1);  // the answer says how many board members came with the ormas
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'ormas' AND action = 'import'"), 1);
}

// An import larger than one write chunk (2,000 rows): every ormas, member, actor and role is
// written once, a NIK repeated across chunks is one actor, and rows keep their own values.
TEST_P(RegistriesStoreTest, ImportAcrossChunksWritesEveryRowOnce) {
  CsvTable t;
  t.header = {"name", "legal_form", "scope_level", "region_code", "skt_no", "skt_issue_date", "ketua_nik", "ketua_nama",
              "sekretaris_nik", "sekretaris_nama", "address"};
  const int n = 4500;
  for (int i = 0; i < n; ++i) {
    char nik[17];
    std::snprintf(nik, sizeof nik, "637102150890%04d", 1 + i);
    t.rows.push_back({"Ormas Potongan " + std::to_string(i), "NON_BH", "KABKOTA", "63.71", "SKT-P-" + std::to_string(i), "2023-01-02",
                      nik, "Ketua " + std::to_string(i), "6371025508920002", "Siti Aminah",
                      i == 3210 ? "Jl. A. Yani\\Km 3\tRT 01\nBanjarmasin 'Utara'" : ""});
    t.row_lines.push_back(i + 2);
  }
  auto rep = import(op, t, "chunks");
  ASSERT_TRUE(rep.ok());
  ASSERT_TRUE(rep->refused.empty());
  EXPECT_EQ(rep->created, n);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas"), n);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas_board_members"), 2 * n);
  // n organisations, n chairs and one secretary shared by every ormas.
  EXPECT_EQ(count("SELECT COUNT(*) FROM actors"), 2 * n + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actor_links WHERE entity = 'ormas_board_member' AND actor_id = "
                  "(SELECT id FROM actors WHERE nik = '6371025508920002')"), n);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas o JOIN actors a ON a.id = o.actor_id WHERE a.registry_no = o.skt_no"), n);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas_board_members m JOIN actors a ON a.id = m.actor_id WHERE a.nik = m.nik AND a.name = m.name"),
            2 * n);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas WHERE name = 'Ormas Potongan 4321' AND skt_no = 'SKT-P-4321' AND name_key = 'ormaspotongan4321'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas_board_members WHERE name = 'Ketua 2001' AND nik = '6371021508902002' AND position = 'KETUA'"), 1);
  // Text the bulk path must carry as it is (PostgreSQL's COPY escapes backslash, tab, newline).
  std::string address = "Jl. A. Yani\\Km 3\tRT 01\nBanjarmasin 'Utara'";
  std::string stored = "?";
  ASSERT_TRUE(db_->read([&](db::Conn& c) { stored = c.query_str("SELECT address FROM ormas WHERE name = 'Ormas Potongan 3210'").value_or(""); }).ok());
  EXPECT_EQ(stored, address);
  // Every ormas and member is an actor with its role, found by the words of its name.
  EXPECT_EQ(count("SELECT COUNT(*) FROM actor_links WHERE entity = 'ormas' AND role = 'ORMAS'"), n);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actor_words w JOIN actors a ON a.id = w.actor_id WHERE w.word = 'potongan' AND a.kind = 'ORGANISATION'"), n);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actor_words w JOIN actors a ON a.id = w.actor_id WHERE w.word = 'aminah' AND a.nik = '6371025508920002'"), 1);
  // Written without a foreign-key look-up per row on SQLite: every reference is there, and the
  // next ordinary write is checked again.
  EXPECT_EQ(dangling_references(), 0);
  EXPECT_TRUE(dangling_reference_refused());
}

// The import writes its ormas' search words from the names it holds instead of reading them
// back: they must be the rows index_search_words computes from the stored names, also when the
// file's name is not the one stored (an actor found by NIK or registry number keeps its own
// name; a merged actor's survivor answers; a NIK twice in the file is the first row's person).
TEST_P(RegistriesStoreTest, ImportSearchWordsAreThoseOfTheStoredNames) {
  ASSERT_TRUE(add(op, ormas_in("Gerakan Pemuda Banua", {kAhmad})).ok());  // skt_no 01-00-00/Ger
  // X (no NIK) survives; Y, found by its NIK, is merged into it.
  ASSERT_TRUE(add(op, ormas_in("Forum Warga", {{"6371021508900003", "Rahmat Hidayat", "KETUA", "", "", false},
                                               {"6371021508900005", "Budi Santoso", "ANGGOTA", "", "", false}})).ok());
  int64_t x = count("SELECT id FROM actors WHERE nik = '6371021508900003'"), y = count("SELECT id FROM actors WHERE nik = '6371021508900005'");
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("UPDATE actors SET nik = NULL WHERE id = ?", {x});
    return actors::merge(c, op, x, y);
  }).ok());
  CsvTable t;
  t.header = {"name", "legal_form", "scope_level", "region_code", "skt_no", "skt_issue_date", "ketua_nik", "ketua_nama",
              "sekretaris_nik", "sekretaris_nama"};
  t.rows = {{"Paguyuban Baru Sekali", "NON_BH", "KABKOTA", "63.71", "01-00-00/Ger", "2023-01-02", "6371021508900001", "Akhmad Lain",
             "6371021508900005", "Nama Lain"},
            {"Ikatan Tani Hulu", "NON_BH", "KABKOTA", "63.72", "SKT-W-2", "2023-01-02", "6372021508900009", "Siti Hidayati",
             "6371021508900006", "Dewi Lestari"},
            {"Ikatan Tani Hilir", "NON_BH", "KABKOTA", "63.71", "SKT-W-3", "2023-01-02", "6372021508900009", "Sitti Hidayah", "", ""}};
  t.row_lines = {2, 3, 4};
  using Row = std::tuple<std::string, std::string, int64_t, int64_t>;
  std::vector<Row> written, computed;
  auto words_of_import = [&](db::Conn& c) {
    std::vector<Row> rows;
    c.query("SELECT w.word, w.region_code, w.ormas_id, w.classification FROM ormas_words w JOIN ormas o ON o.id = w.ormas_id "
            "WHERE o.skt_no IN ('01-00-00/Ger', 'SKT-W-2', 'SKT-W-3') AND o.name <> 'Gerakan Pemuda Banua' ORDER BY 1, 2, 3",
            {}, [&](const db::Row& r) { rows.emplace_back(r.str(0), r.str(1), r.i64(2), r.i64(3)); });
    return rows;
  };
  const int64_t actors_before = count("SELECT MAX(id) FROM actors");
  std::optional<db::BulkWrite> bulk(std::in_place);  // as the import runs
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    PANTAU_TRY(auto rep, ormas::import_ormas(c, prov, t, "names"));
    EXPECT_TRUE(rep.refused.empty());
    written = words_of_import(c);
    // The same ormas' words computed again from the stored names.
    std::vector<int64_t> ids;
    c.query("SELECT id FROM ormas WHERE name IN ('Paguyuban Baru Sekali', 'Ikatan Tani Hulu', 'Ikatan Tani Hilir')", {},
            [&](const db::Row& r) { ids.push_back(r.i64(0)); });
    EXPECT_EQ(ids.size(), 3u);
    for (auto id : ids) c.exec("DELETE FROM ormas_words WHERE ormas_id = ?", {id});
    ormas::index_search_words(c, ids, true);
    computed = words_of_import(c);
    return {};
  }).ok());
  bulk.reset();
  EXPECT_EQ(written, computed);
  auto has = [&](const std::string& word) {
    return std::any_of(written.begin(), written.end(), [&](const Row& r) { return std::get<0>(r) == word; });
  };
  EXPECT_TRUE(has("#gerakanpemudabanua"));  // the organisation found by its registry number
  EXPECT_TRUE(has("#ahmadfauzi"));          // kAhmad by NIK, not "Akhmad Lain"
  EXPECT_TRUE(has("#rahmathidayat"));       // Y's NIK: its merge survivor X
  EXPECT_TRUE(has("#sitihidayati"));        // the NIK's first row, in both ormas
  EXPECT_FALSE(has("lain"));
  EXPECT_FALSE(has("hidayah"));
  EXPECT_FALSE(has("paguyuban"));
  EXPECT_TRUE(has("dewi"));
  // The new actors' words, sorted over the whole file and written at its end, are the rows an
  // actor created on its own gets: each word of its stored name once, with its region.
  using Word = std::tuple<std::string, int64_t, std::string>;
  std::set<Word> stored, expected;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    c.query("SELECT word, actor_id, region_code FROM actor_words WHERE actor_id > ?", {actors_before},
            [&](const db::Row& r) { stored.emplace(r.str(0), r.i64(1), r.str(2)); });
    c.query("SELECT id, name, region_code FROM actors WHERE id > ?", {actors_before}, [&](const db::Row& r) {
      for (auto& w : actors::name_words(r.text(1)))
        if (!w.empty()) expected.emplace(w, r.i64(0), r.str(2));
    });
  }).ok());
  EXPECT_EQ(stored, expected);
  EXPECT_TRUE(stored.count({"hidayati", count("SELECT id FROM actors WHERE nik = '6372021508900009'"), "63.72"}));
  EXPECT_GE(stored.size(), 8u);
}

// A first import (into tables smaller than the file) has its tables' secondary indexes built
// once at the end on SQLite (db::DeferredIndexes): afterwards every index is there as its
// migration made it; a transaction that fails in between gets them back with its rollback; a
// table larger than what is added keeps its indexes throughout.
TEST_P(RegistriesStoreTest, DeferredIndexesComeBackAsTheyWere) {
  auto indexes = [&] {
    std::vector<std::string> out;
    std::string sql = GetParam() == "sqlite"
                          ? "SELECT name || ' ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
                          : "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname";
    EXPECT_TRUE(db_->read([&](db::Conn& c) { c.query(sql, {}, [&](const db::Row& r) { out.push_back(r.str(0)); }); }).ok());
    return out;
  };
  auto before = indexes();
  ASSERT_TRUE(std::find_if(before.begin(), before.end(), [](const std::string& i) { return i.rfind("actors_nik ", 0) == 0; }) != before.end());
  CsvTable t = numbered_import(300, "637102150890", "Indeks", "SKT-X-");
  auto rep = import(op, t, "indexes");
  ASSERT_TRUE(rep.ok());
  ASSERT_TRUE(rep->refused.empty()) << rep->refused.front().second.field << " " << rep->refused.front().second.message.en;
  EXPECT_EQ(rep->created, 300);
  EXPECT_EQ(indexes(), before);
  // The indexes answer: a NIK look-up and a duplicate NIK refused by the unique index.
  EXPECT_EQ(count("SELECT COUNT(*) FROM actors WHERE nik = '6371021508900123'"), 1);
  EXPECT_FALSE(db_->write([&](db::Conn& c) -> Status {
    c.exec("UPDATE actors SET nik = '6371021508900123' WHERE nik = '6371021508900124'");
    return {};
  }).ok());
  // Dropped inside a transaction that then fails: the rollback brings them back.
  bool dropped_inside = false;
  auto failed = db_->write([&](db::Conn& c) -> Status {
    db::DeferredIndexes deferred(c, {{"ormas", 1000000}, {"actors", 1}});
    if (GetParam() == "sqlite")
      dropped_inside = !c.query_i64("SELECT 1 FROM sqlite_master WHERE name = 'ormas_region'") &&
                       c.query_i64("SELECT 1 FROM sqlite_master WHERE name = 'actors_nik'").has_value();
    throw db::DbError(db::DbError::Kind::Other, "a failure after the drop");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(dropped_inside, GetParam() == "sqlite");  // PostgreSQL keeps them (COPY)
  EXPECT_EQ(indexes(), before);
}

// The rows are built on a second thread while the statements run: a statement that fails in the
// middle of the file (here a role already held by a stale link for an id the import hands out)
// stops the builder, and the transaction leaves nothing behind, indexes included.
TEST_P(RegistriesStoreTest, ImportFailingMidwayStopsItsBuilderAndWritesNothing) {
  ASSERT_TRUE(add(op, ormas_in("Gerakan Pemuda Banua", {kAhmad})).ok());
  int64_t actor = count("SELECT actor_id FROM ormas");
  int64_t first = count("SELECT MAX(id) FROM ormas") + 1;
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("INSERT INTO actor_links (actor_id, module, entity, entity_id, role, label, region_code, linked_at) "
           "VALUES (?, 'ormas', 'ormas', ?, 'ORMAS', 'stale', '63.71', '2026-01-01T00:00:00Z')", {actor, std::to_string(first + 2600)});
    return {};
  }).ok());
  auto before = [&] {
    return std::vector<int64_t>{count("SELECT COUNT(*) FROM ormas"), count("SELECT COUNT(*) FROM actors"),
                                count("SELECT COUNT(*) FROM actor_links"), count("SELECT COUNT(*) FROM ormas_words"),
                                count("SELECT COUNT(*) FROM ormas_board_members")};
  }();
  CsvTable t = numbered_import(4500, "637102150891", "Gagal", "AHU-G-");
  auto rep = import(op, t, "fails");
  EXPECT_FALSE(rep.ok());
  EXPECT_TRUE(dangling_reference_refused());  // checked again after the rolled-back import
  EXPECT_EQ((std::vector<int64_t>{count("SELECT COUNT(*) FROM ormas"), count("SELECT COUNT(*) FROM actors"),
                                  count("SELECT COUNT(*) FROM actor_links"), count("SELECT COUNT(*) FROM ormas_words"),
                                  count("SELECT COUNT(*) FROM ormas_board_members")}),
            before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actors WHERE nik = '6371021508910001'"), 0);  // the index answers
  // The same file without the stale link goes in whole.
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("DELETE FROM actor_links WHERE label = 'stale'");
    return {};
  }).ok());
  auto ok = import(op, t, "fails");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->created, 4500);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas"), 4501);
  EXPECT_EQ(dangling_references(), 0);
  EXPECT_TRUE(dangling_reference_refused());
}

// A file of many rows is checked on several cores: every refused row is still reported, in the
// order of the file, with its line, and nothing is written.
TEST_P(RegistriesStoreTest, ImportOfManyRowsReportsEveryBadRowInFileOrder) {
  CsvTable t;
  t.header = {"name", "legal_form", "scope_level", "region_code", "ketua_nik", "ketua_nama"};
  const int n = 5000;
  for (int i = 0; i < n; ++i) {
    char nik[17];
    std::snprintf(nik, sizeof nik, "637102150890%04d", 1 + i);
    bool bad_nik = i % 1000 == 7, bad_form = i % 1500 == 11;
    t.rows.push_back({"Ormas Periksa " + std::to_string(i), bad_form ? "LAINNYA" : "NON_BH", "KABKOTA", "63.71",
                      bad_nik ? std::string("12345") : std::string(nik), "Ketua " + std::to_string(i)});
    t.row_lines.push_back(i + 2);
  }
  std::optional<ormas::ImportReport> r;
  auto st = db_->write([&](db::Conn& c) -> Status {
    PANTAU_TRY(auto rep, ormas::import_ormas(c, op, t, "many"));
    r = std::move(rep);
    return {};
  });
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(r);
  std::vector<std::pair<int, std::string>> refused;
  for (auto& [line, e] : r->refused) refused.emplace_back(line, e.field);
  std::vector<std::pair<int, std::string>> expected;
  for (int i = 0; i < n; ++i) {
    if (i % 1500 == 11) expected.emplace_back(i + 2, "legal_form");
    if (i % 1000 == 7) expected.emplace_back(i + 2, "board[0].nik");
  }
  EXPECT_EQ(refused, expected);
  EXPECT_EQ(r->rows, n);
  EXPECT_EQ(r->created, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ormas"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actors"), 0);
}

TEST_P(RegistriesStoreTest, ActorPageShowsOrmasAndPartyRolesInScopeOnly) {
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
    c.exec("INSERT INTO party_boards (region_code, party_abbreviation, decree_no, decree_date, chair, secretary, treasurer, valid_from, "
           "created_at, updated_at) VALUES ('63.71', 'PKB', 'SK-DPP/12', '2024-01-01', 'Ahmad Fauzi, S.H.', 'Rina', 'Joko', '2024-01-01', 'x', 'x')");
    c.exec("INSERT INTO party_boards (region_code, party_abbreviation, decree_no, decree_date, chair, secretary, treasurer, valid_from, "
           "created_at, updated_at) VALUES ('63.72', 'PKB', 'SK-DPP/13', '2024-01-01', 'Ahmad Fauzi', 'Rini', 'Jaka', '2024-01-01', 'x', 'x')");
    return {};
  }).ok());
  auto a = add(op, ormas_in("Gerakan Pemuda Banua", {kAhmad}));
  ASSERT_TRUE(a.ok());
  int64_t actor = count("SELECT id FROM actors WHERE nik = '6371021508900001'");
  std::string page = read([&](db::Conn& c) { return *actor_json(c, op, actor); });
  EXPECT_NE(page.find("ORMAS_BOARD"), std::string::npos);
  EXPECT_NE(page.find("party_board:1:KETUA"), std::string::npos);  // suggested by name
  EXPECT_EQ(page.find("party_board:2:KETUA"), std::string::npos);  // another kab/kota
  EXPECT_NE(page.find("63************01"), std::string::npos);
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return actors::link_party_officer(c, op, actor, "party_board:1:KETUA"); }).ok());
  page = read([&](db::Conn& c) { return *actor_json(c, op, actor); });
  EXPECT_NE(page.find("PARTY_BOARD"), std::string::npos);
  EXPECT_NE(page.find("KETUA PKB"), std::string::npos);
  EXPECT_EQ(page.find("party_board:1:KETUA\",\"kind\""), std::string::npos);  // no longer a candidate
  // Another kab/kota sees nothing of this actor.
  EXPECT_EQ(read([&](db::Conn& c) { return actor_json(c, other, actor).value_or("none"); }), "none");
  // Keep apart is remembered.
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return actors::keep_apart(c, op, actor, "party_board:1:SEKRETARIS"); }).ok());
  // Suggestions while typing: any word, NIK only with clearance.
  EXPECT_NE(read([&](db::Conn& c) { return suggest_json(c, op, "fau", 10); }).find("H. Ahmad Fauzi"), std::string::npos);
  EXPECT_NE(read([&](db::Conn& c) { return suggest_json(c, op, "Moh", 10); }).find("items\":[]"), std::string::npos);
  EXPECT_EQ(read([&](db::Conn& c) { return suggest_json(c, op, "637102", 10); }).find("Fauzi"), std::string::npos);
  EXPECT_NE(read([&](db::Conn& c) { return suggest_json(c, cleared, "637102", 10); }).find("Fauzi"), std::string::npos);
}

TEST_P(RegistriesStoreTest, MergeIsReversibleAndAudited) {
  auto a = add(op, ormas_in("Gerakan Pemuda Banua", {kAhmad}));
  auto b = add(op, ormas_in("Forum Warga", {{"6371021508900002", "Ahmad Fauzi", "KETUA", "", "", false}}));
  ASSERT_TRUE(a.ok() && b.ok());
  int64_t x = count("SELECT id FROM actors WHERE nik = '6371021508900001'"), y = count("SELECT id FROM actors WHERE nik = '6371021508900002'");
  // Two different NIKs are two people.
  EXPECT_EQ(db_->write([&](db::Conn& c) { return actors::merge(c, op, x, y); }).error().code, "actor.different_nik");
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("UPDATE actors SET nik = NULL WHERE id = ?", {y});  // a person entered without NIK
    return {};
  }).ok());
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return actors::merge(c, op, x, y); }).ok());
  std::string page = read([&](db::Conn& c) { return *actor_json(c, op, x); });
  EXPECT_NE(page.find("Forum Warga"), std::string::npos);
  EXPECT_NE(page.find("Gerakan Pemuda Banua"), std::string::npos);
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return actors::unmerge(c, op, y); }).ok());
  page = read([&](db::Conn& c) { return *actor_json(c, op, x); });
  EXPECT_EQ(page.find("Forum Warga"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'actor' AND action IN ('merge', 'unmerge')"), 2);
}

TEST_P(RegistriesStoreTest, ForeignerPassportMaskedAndPresenceFlow) {
  foreigners::PersonInput p;
  p.full_name = "John Smith";
  p.nationality = "AUS";
  p.passport_no = "PA1234567";
  p.permit_type = "KITAS";
  p.permit_valid_from = "2026-01-01";
  p.permit_valid_to = format_date(civil_from_days(days_from_civil(today) + 20));
  p.sponsor_name = "PT Tambang Banua";
  p.region_code = "63.71";
  ASSERT_TRUE(foreigners::validate(p).empty());
  auto person = db_->write_value<int64_t>([&](db::Conn& c) { return foreigners::create_person(c, op, p); });
  ASSERT_TRUE(person.ok()) << person.error().message.en;
  std::string list = read([&](db::Conn& c) { return all_json(foreigners::list_persons(c, op, {"", "", {}}, today).items); });
  EXPECT_NE(list.find("PA*****67"), std::string::npos);
  EXPECT_EQ(list.find("PA1234567"), std::string::npos);
  EXPECT_NE(read([&](db::Conn& c) { return all_json(foreigners::list_persons(c, cleared, {"", "", {}}, today).items); }).find("PA1234567"),
            std::string::npos);
  // Uncleared viewers cannot find a person by passport number.
  EXPECT_EQ(read([&](db::Conn& c) { return all_json(foreigners::list_persons(c, op, {"PA1234567", "", {}}, today).items); }).find("John"),
            std::string::npos);
  foreigners::PresenceInput pr;
  pr.person_id = *person;
  pr.category = "FOREIGN_WORKER";
  pr.source = "IMMIGRATION_DOC";
  pr.start_date = format_date(today);
  pr.end_date = format_date(civil_from_days(days_from_civil(today) + 100));
  pr.regions = {"63.71", "63.72"};
  auto pid = db_->write_value<int64_t>([&](db::Conn& c) { return foreigners::create_presence(c, op, pr); });
  ASSERT_FALSE(pid.ok());  // 63.72 is outside the kab/kota
  auto pid2 = db_->write_value<int64_t>([&](db::Conn& c) { return foreigners::create_presence(c, prov, pr); });
  ASSERT_TRUE(pid2.ok()) << pid2.error().message.en;
  // Visible from both kab/kota it touches.
  EXPECT_TRUE(read([&](db::Conn& c) { return foreigners::get_presence(c, other, *pid2, today) ? "found" : ""; }) != "");
  auto step = [&](foreigners::ActionInput a) {
    int64_t v = count("SELECT version FROM foreign_presences WHERE id = ?", {*pid2});
    return db_->write([&](db::Conn& c) { return foreigners::presence_action(c, prov, *pid2, v, a); });
  };
  ASSERT_TRUE(step({"verify_documents"}).ok());
  ASSERT_TRUE(step({"decide", "APPROVED"}).ok());
  ASSERT_TRUE(step({"activate"}).ok());
  std::string rem = read([&](db::Conn& c) { return foreigners::to_json(foreigners::reminders(c, op, today)); });
  EXPECT_NE(rem.find("EXPIRING_30"), std::string::npos);
  EXPECT_FALSE(step({"find_violation"}).ok());
  ASSERT_TRUE(db_->write_value<int64_t>([&](db::Conn& c) {
    return foreigners::add_field_check(c, prov, *pid2, {format_date(today), "Tim", "Bekerja di luar lokasi izin", "[]", false});
  }).ok());
  ASSERT_TRUE(step({"find_violation"}).ok());
  ASSERT_TRUE(step({"refer", "", "NONE", "", "IMMIGRATION", "B-12/2026", format_date(today)}).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM foreign_presences WHERE status = 'REFERRED'"), 1);
  auto x = read([&](db::Conn& c) { return foreigners::recap_xlsx(c, prov, "2000-01-01", "2100-01-01").value(); });
  EXPECT_EQ(x.substr(0, 2), "PK");
  std::string recap = read([&](db::Conn& c) { return foreigners::to_json(foreigners::recap(c, prov, "2000-01-01", "2100-01-01")); });
  EXPECT_NE(recap.find("\"key\":\"AUS\",\"count\":1"), std::string::npos);
  // The actor page shows the foreigner role.
  int64_t actor = count("SELECT actor_id FROM foreign_persons WHERE id = ?", {*person});
  EXPECT_NE(read([&](db::Conn& c) { return *actor_json(c, op, actor); }).find("FOREIGN_NATIONAL"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistriesStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
