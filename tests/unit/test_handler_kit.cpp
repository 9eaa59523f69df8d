// The handler kit (http/handler.h), the JSON helpers it uses, and the one keyset-paging helper
// (db/page.h) on both databases.
#include <gtest/gtest.h>

#include "audit/audit.h"
#include "http/handler.h"
#include "store_fixture.h"

using namespace pantau;

namespace {

http::Request request_with_query(std::initializer_list<std::pair<std::string, std::string>> q) {
  http::Request r;
  for (auto& [k, v] : q) r.query[k] = v;
  return r;
}

std::string header(const http::Response& r, std::string_view name) {
  for (auto& [k, v] : r.headers)
    if (k == name) return v;
  return {};
}

struct Note {
  int64_t id = 0;
  std::string text;
  int64_t version = 1;
};
std::string to_json(const Note& n) { return json::object("id", n.id, "text", n.text, "version", n.version); }

}  // namespace

TEST(JsonObject, EscapesUserTextSoItCannotForgeAField) {
  std::string forged = "Pasar X\",\"stage\":\"RESOLVED";
  std::string doc = json::object("name", forged, "stage", "POTENTIAL", "rows", size_t{3}, "end", std::optional<std::string>());
  auto in = json::In::parse(doc);
  ASSERT_TRUE(in.ok()) << doc;
  EXPECT_EQ(in->str("name", true, 100).value_or(""), "Pasar X\",\"stage\":\"RESOLVED");
  EXPECT_EQ(in->str("stage", true).value_or(""), "POTENTIAL");
  EXPECT_EQ(in->int64("rows", true).value_or(0), 3);
  EXPECT_TRUE(in->is_null("end"));
}

TEST(AuditSnapshot, WritesEachFieldThroughTheWriter) {
  std::string forged = "Pasar X\",\"stage\":\"RESOLVED\\\n\x01";
  std::string doc = audit::snapshot({{"name", forged}, {"rows", int64_t{3}}, {"ok", true}, {"due", nullptr}});
  auto in = json::In::parse(doc);
  ASSERT_TRUE(in.ok()) << doc;
  const rapidjson::Value* name = in->get("name");
  ASSERT_TRUE(name && name->IsString()) << doc;
  EXPECT_EQ(std::string(name->GetString(), name->GetStringLength()), forged);
  EXPECT_FALSE(in->has("stage")) << doc;
  EXPECT_EQ(in->int64("rows", true).value_or(0), 3);
  EXPECT_EQ(in->boolean("ok", true), std::optional<bool>(true));
  EXPECT_TRUE(in->is_null("due"));
}

TEST(JsonWithMember, AddsAMemberWithoutSplicingByHand) {
  EXPECT_EQ(json::with_member(R"({"a":1})", "b", "[1,2]"), R"({"a":1,"b":[1,2]})");
  EXPECT_EQ(json::with_member("{}", "b", "null"), R"({"b":null})");
  EXPECT_EQ(json::with_member("{ }", "b", "2"), R"({ "b":2})");
  EXPECT_EQ(json::with_member(R"({"a":1})", "we\"ird", "true"), R"({"a":1,"we\"ird":true})");
}

TEST(HandlerKit, AttachmentIsPrivateAndItsNameCannotBreakTheHeader) {
  auto r = http::attachment("%PDF", "application/pdf", "laporan \"x\"\r\n.pdf");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/pdf");
  EXPECT_EQ(header(r, "Content-Disposition"), "attachment; filename=\"laporan _x___.pdf\"");
  EXPECT_EQ(header(r, "Cache-Control"), "private, no-store");
}

TEST(HandlerKit, BadPagingIsA422NamingTheField) {
  for (auto [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"limit", "0"}, {"limit", "501"}, {"limit", "abc"}, {"limit", "-1"}, {"after", "abc"}, {"after", "0"}, {"after", "-5"}}) {
    auto p = http::paging(request_with_query({{k, v}}));
    ASSERT_FALSE(p.ok()) << k << "=" << v;
    EXPECT_EQ(p.error().kind, ErrorKind::Invalid);
    ASSERT_EQ(p.error().fields.size(), 1u);
    EXPECT_EQ(p.error().fields[0].field, k);
  }
  auto p = http::paging(request_with_query({{"after", "12"}, {"limit", "1000"}}), 100, 1000);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p->after, 12);
  EXPECT_EQ(p->limit, 1000);
  EXPECT_EQ(http::paging(request_with_query({}), 100, 1000)->limit, 100);
}

TEST(HandlerKit, AnswersRecordsStatusesAndErrors) {
  auto rec = http::answer_result(201, Result<Note>(Note{7, "a\"b", 3}));
  EXPECT_EQ(rec.status, 201);
  EXPECT_EQ(header(rec, "ETag"), "\"3\"");
  EXPECT_EQ(rec.body, R"({"id":7,"text":"a\"b","version":3})");
  EXPECT_EQ(http::answer_result(200, Status()).status, 204);
  auto err = http::answer_result(200, Result<Note>(Error::stale_version()));
  EXPECT_EQ(err.status, 412);
  EXPECT_EQ(err.content_type, "application/problem+json");
  http::Response from_error = Error::not_found();
  EXPECT_EQ(from_error.status, 404);
}

TEST(HandlerKit, VersionedTargetChecksThePathIdBeforeIfMatch) {
  http::Request r;
  r.params["id"] = "x";
  EXPECT_EQ(http::versioned_target(r).error().kind, ErrorKind::NotFound);
  r.params["id"] = "5";
  EXPECT_EQ(http::versioned_target(r).error().kind, ErrorKind::PreconditionRequired);
  r.headers.emplace_back("if-match", "W/\"4\"");
  auto t = http::versioned_target(r);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->id, 5);
  EXPECT_EQ(t->version, 4);
}

namespace {

class KeysetPageTest : public testing_support::StoreTest {};

TEST_P(KeysetPageTest, PagesEveryRowOnceInBothOrders) {
  make_table();
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
    for (int i = 1; i <= 5; ++i) c.exec("INSERT INTO t (id, v) VALUES (?, ?)", {int64_t{i * 10}, "v" + std::to_string(i)});
    return {};
  }).ok());
  struct Row {
    int64_t id;
    std::string v;
  };
  for (auto order : {db::KeyOrder::Ascending, db::KeyOrder::Descending}) {
    std::vector<int64_t> seen;
    db::Paging paging{std::nullopt, 2};
    for (int pages = 0; pages < 10; ++pages) {
      db::Page<Row> page;
      ASSERT_TRUE(db_->read([&](db::Conn& c) {
        page = db::keyset_page(c, "SELECT id, v FROM t WHERE 1 = 1", {}, paging, "id",
                               [](const db::Row& r) { return Row{r.i64(0), r.str(1)}; }, order);
      }).ok());
      EXPECT_LE(page.items.size(), 2u);
      for (auto& r : page.items) seen.push_back(r.id);
      if (!page.next_after) break;
      EXPECT_EQ(*page.next_after, page.items.back().id);
      paging.after = page.next_after;
    }
    std::vector<int64_t> want = {10, 20, 30, 40, 50};
    if (order == db::KeyOrder::Descending) std::reverse(want.begin(), want.end());
    EXPECT_EQ(seen, want);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, KeysetPageTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
