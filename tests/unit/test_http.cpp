#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "http/answer_cache.h"
#include "http/json.h"
#include "http/multipart.h"
#include "http/query.h"
#include "http/request.h"
#include "http/router.h"
#include "http/static_files.h"
#include "http/write_safety.h"

using namespace pantau;

TEST(JsonOut, PlainAndEscapedStringsGiveValidJson) {
  json::Out o;
  o.begin_object().kv("plain", "Kota Banjarmasin").kv("quote", "kata \"aman\"").kv("slash", "a\\b")
      .kv("newline", "baris 1\nbaris 2").kv("empty", "").kv("utf8", "Ibu kota négara").key("list").begin_array()
      .value("x").value(std::string("y\tz")).value(int64_t{7}).end_array().end_object();
  EXPECT_EQ(o.take(),
            "{\"plain\":\"Kota Banjarmasin\",\"quote\":\"kata \\\"aman\\\"\",\"slash\":\"a\\\\b\","
            "\"newline\":\"baris 1\\nbaris 2\",\"empty\":\"\",\"utf8\":\"Ibu kota négara\",\"list\":[\"x\",\"y\\tz\",7]}");
  // Every control character is escaped, also inside long strings (RapidJSON 1.1.0's SSE2 scan
  // missed 0x1A-0x1F; the build does not enable it).
  for (int ch = 1; ch < 0x20; ++ch) {
    json::Out c;
    std::string s = "sebuah teks yang cukup panjang " + std::string(1, static_cast<char>(ch)) + " lagi";
    c.begin_object().kv("k", s).key(s).value(1).end_object();
    rapidjson::Document cd;
    std::string t = c.take();
    cd.Parse(t.c_str());
    EXPECT_FALSE(cd.HasParseError()) << ch;
    EXPECT_EQ(t.find(static_cast<char>(ch)), std::string::npos) << ch;
  }
  // Escaping writes exactly what RapidJSON's writer writes, for every byte, alone and amid text.
  for (int ch = 0; ch < 256; ++ch) {
    for (const std::string& s : {std::string(1, static_cast<char>(ch)), "awal " + std::string(1, static_cast<char>(ch)) + "\"akhir\\"}) {
      rapidjson::StringBuffer rb;
      rapidjson::Writer<rapidjson::StringBuffer> rw(rb);
      rw.StartObject();
      rw.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      rw.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      rw.EndObject();
      json::Out o;
      o.begin_object().kv(s, s).end_object();
      EXPECT_EQ(o.take(), std::string(rb.GetString(), rb.GetSize())) << ch;
    }
  }
  rapidjson::Document d;
  json::Out big;
  big.begin_array();
  for (int i = 0; i < 2000; ++i) big.value("2026-03-31T16:59:59Z");
  big.end_array();
  std::string text = big.take();
  d.Parse(text.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(d.Size(), 2000u);
}

TEST(AnswerCache, HoldsWhileNothingWasWrittenAndWithinItsTime) {
  http::AnswerCache cache(2, std::chrono::seconds(60));
  EXPECT_EQ(cache.get("a", 1), nullptr);
  cache.put("a", 1, "jawaban");
  ASSERT_NE(cache.get("a", 1), nullptr);
  EXPECT_EQ(*cache.get("a", 1), "jawaban");
  EXPECT_EQ(cache.get("a", 2), nullptr);  // a write happened since
  EXPECT_EQ(cache.get("a", 1), nullptr);  // and the stale entry is gone
  cache.put("b", 3, "x");
  cache.put("c", 3, "y");
  cache.put("d", 3, "z");  // over the limit: starts over rather than growing
  EXPECT_NE(cache.get("d", 3), nullptr);
  http::AnswerCache instant(4, std::chrono::milliseconds(0));
  instant.put("a", 1, "x");
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_EQ(instant.get("a", 1), nullptr);  // too old
}

TEST(AnswerCache, EndsAtTheTimeItsMakerNamesAndWithinItsBytes) {
  http::AnswerCache cache(16, std::chrono::seconds(60), 10);
  auto now = http::AnswerCache::Clock::now();
  auto kept = cache.keep("a", 1, "jawaban", now + std::chrono::milliseconds(1));
  EXPECT_EQ(kept->etag, http::body_etag("jawaban"));
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_EQ(cache.find("a", 1), nullptr);  // past the named time, long before the ttl
  cache.keep("b", 1, "12345");
  cache.keep("c", 1, "12345");
  EXPECT_NE(cache.find("b", 1), nullptr);
  EXPECT_NE(cache.find("c", 1), nullptr);
  cache.keep("d", 1, "1");  // 11 bytes would be over 10: starts over
  EXPECT_EQ(cache.find("b", 1), nullptr);
  EXPECT_NE(cache.find("d", 1), nullptr);
  cache.keep("e", 1, "too long to keep");  // larger than the whole cache: answered, not kept
  EXPECT_EQ(cache.find("e", 1), nullptr);
  EXPECT_NE(cache.find("d", 1), nullptr);
  cache.keep("d", 1, "22");  // replacing an entry counts its bytes once
  EXPECT_EQ(*cache.get("d", 1), "22");
}

TEST(AnswerCache, EtagIsAHashOfTheBodyAndIfNoneMatchComparesWeakly) {
  std::string tag = http::body_etag("{\"items\":[]}");
  EXPECT_EQ(tag.size(), 34u);
  EXPECT_EQ(tag.front(), '"');
  EXPECT_EQ(tag.back(), '"');
  EXPECT_EQ(tag, http::body_etag("{\"items\":[]}"));
  EXPECT_NE(tag, http::body_etag("{\"items\":[1]}"));
  EXPECT_TRUE(http::none_match_names(tag, tag));
  EXPECT_TRUE(http::none_match_names("W/" + tag, tag));
  EXPECT_TRUE(http::none_match_names("\"a\", W/\"b\" ," + tag, tag));
  EXPECT_TRUE(http::none_match_names("*", tag));
  EXPECT_FALSE(http::none_match_names("", tag));
  EXPECT_FALSE(http::none_match_names("\"a\", \"b\"", tag));
  EXPECT_FALSE(http::none_match_names(tag.substr(1, 32), tag));  // unquoted: malformed
  EXPECT_FALSE(http::none_match_names(tag.substr(0, 20), tag));
  for (const std::string& bad : std::vector<std::string>{"W/", "\"", "W/\"", ",,, ,", "\"\"", "W/W/" + tag, std::string("\0", 1)})
    EXPECT_FALSE(http::none_match_names(bad, tag)) << bad;

  http::CachedAnswer a{"{\"items\":[]}", tag};
  http::Request req;
  http::Response full = http::conditional_answer(req, a);
  EXPECT_EQ(full.status, 200);
  EXPECT_EQ(full.body, a.body);
  req.headers.emplace_back("if-none-match", tag);
  http::Response same = http::conditional_answer(req, a);
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  ASSERT_EQ(same.headers.size(), 1u);
  EXPECT_EQ(same.headers[0], (std::pair<std::string, std::string>{"ETag", tag}));
}

TEST(JsonIn, MalformedBodiesAre400WithBothLanguages) {
  for (std::string body : {"", "{", "[1,2]", "{\"a\":1} x", "\"str\"", "{\"a\":\xFF}"}) {
    auto r = json::In::parse(body);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().kind, ErrorKind::BadRequest) << body;
    EXPECT_FALSE(r.error().message.id.empty());
    EXPECT_FALSE(r.error().message.en.empty());
  }
}

TEST(JsonIn, DeepNestingRefused) {
  std::string deep(1000, '[');
  auto r = json::In::parse("{\"a\":" + deep + "}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "json.too_deep");
}

TEST(JsonIn, CollectsEveryFieldError) {
  auto r = json::In::parse(R"({"name":"  ","age":"x","kind":"NOPE","n":5000,"ok":1})");
  ASSERT_TRUE(r.ok());
  json::In& in = r.value();
  EXPECT_FALSE(in.str("name", true));
  EXPECT_FALSE(in.int64("age", true));
  EXPECT_FALSE(in.one_of("kind", true, {"A", "B"}));
  EXPECT_FALSE(in.int64("n", true, 0, 100));
  EXPECT_FALSE(in.boolean("ok", true));
  EXPECT_FALSE(in.str("missing", true));
  EXPECT_FALSE(in.str("optional", false));
  ASSERT_FALSE(in.ok());
  Error e = in.error();
  EXPECT_EQ(e.kind, ErrorKind::Invalid);
  std::vector<std::string> fields;
  for (auto& f : e.fields) fields.push_back(f.field + ":" + f.code);
  EXPECT_EQ(fields, (std::vector<std::string>{"name:required", "age:type", "kind:not_allowed", "n:out_of_range",
                                               "ok:type", "missing:required"}));
}

// A range with an open end is said in words a person can read, numbers grouped the Indonesian way.
TEST(JsonIn, RangeMessagesReadWell) {
  auto r = json::In::parse(R"({"a":0,"b":5000,"c":-1})");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->int64("a", true, 1));
  EXPECT_FALSE(r->int64("b", true, 0, 1000));
  EXPECT_FALSE(r->int64("c", true, 1250000));
  const auto& f = r->error().fields;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].message.id, "Paling sedikit 1.");
  EXPECT_EQ(f[0].message.en, "At least 1.");
  EXPECT_EQ(f[1].message.id, "Harus antara 0 dan 1.000.");
  EXPECT_EQ(f[2].message.id, "Paling sedikit 1.250.000.");
  EXPECT_EQ(f[2].message.en, "At least 1,250,000.");
}

TEST(JsonIn, TrimsAndLimitsStrings) {
  auto r = json::In::parse(R"({"a":"  Banjarmasin  ","b":"0123456789"})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->str("a", true).value(), "Banjarmasin");
  EXPECT_FALSE(r->str("b", true, 5));
  EXPECT_EQ(r->error().fields[0].code, "too_long");
}

TEST(Problem, CarriesBothLanguagesAndFieldErrors) {
  Error e = Error::invalid_field("password", "too_short", "Kata sandi minimal 10 karakter.", "At least 10 characters.");
  std::string body = json::problem(e, 422);
  auto d = json::In::parse(body);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->int64("status", true).value(), 422);
  EXPECT_EQ(d->str("code", true).value(), "validation_failed");
  auto* msg = d->get("message");
  ASSERT_TRUE(msg && msg->IsObject());
  EXPECT_STREQ((*msg)["id"].GetString(), "Data yang dikirim belum benar.");
  auto* errs = d->get("errors");
  ASSERT_TRUE(errs && errs->IsArray() && errs->Size() == 1);
  EXPECT_STREQ((*errs)[0]["field"].GetString(), "password");
  EXPECT_STREQ((*errs)[0]["message"]["id"].GetString(), "Kata sandi minimal 10 karakter.");
  EXPECT_EQ(http::Response::problem(e).content_type, "application/problem+json");
  EXPECT_EQ(http::Response::problem(Error::stale_version()).status, 412);
}

TEST(Query, DecodesAndRejectsBadEscapes) {
  auto q = http::parse_query("parent=63&q=kota+banjar%20masin&empty=&flag");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->at("parent"), "63");
  EXPECT_EQ(q->at("q"), "kota banjar masin");
  EXPECT_EQ(q->at("empty"), "");
  EXPECT_EQ(q->at("flag"), "");
  EXPECT_FALSE(http::parse_query("q=%zz").ok());
  EXPECT_FALSE(http::parse_query("q=%00").ok());
  EXPECT_FALSE(http::parse_query("q=%C0%AF").ok());
  std::string many;
  for (int i = 0; i < 100; ++i) many += "a" + std::to_string(i) + "=1&";
  EXPECT_FALSE(http::parse_query(many).ok());
}

TEST(Query, Cookies) {
  auto c = http::parse_cookies("a=1; pantau_session=abc.def; b");
  EXPECT_EQ(c.at("pantau_session"), "abc.def");
  EXPECT_EQ(c.count("b"), 0u);
}

namespace {
struct Collect : http::PartHandler {
  std::vector<std::pair<http::PartInfo, std::string>> parts;
  bool open = false;
  Status on_part_begin(const http::PartInfo& i) override {
    EXPECT_FALSE(open);
    open = true;
    parts.push_back({i, ""});
    return {};
  }
  Status on_part_data(std::string_view d) override {
    EXPECT_TRUE(open);
    parts.back().second.append(d);
    return {};
  }
  Status on_part_end() override {
    open = false;
    return {};
  }
};

std::string sample_body(const std::string& b, const std::string& file) {
  return "preamble\r\n--" + b +
         "\r\nContent-Disposition: form-data; name=\"region_code\"\r\n\r\n63.71\r\n--" + b +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\x\\\\..\\\\laporan.pdf\"\r\n"
         "Content-Type: application/pdf\r\n\r\n" + file + "\r\n--" + b + "--\r\nepilogue";
}
}  // namespace

TEST(Multipart, SameResultAtEverySplitPoint) {
  std::string b = "----pantauBoundary7MA4YWxk";
  // Content that contains near-boundaries and CRLFs.
  std::string file = "%PDF-1.4\r\n--" + b.substr(0, 10) + "\r\n\r\n--\r\nend";
  std::string body = sample_body(b, file);
  for (size_t cut = 0; cut <= body.size(); ++cut) {
    Collect c;
    http::MultipartParser p(b, c);
    ASSERT_TRUE(p.feed(body.substr(0, cut)).ok()) << cut;
    ASSERT_TRUE(p.feed(body.substr(cut)).ok()) << cut;
    ASSERT_TRUE(p.finish().ok()) << cut;
    ASSERT_EQ(c.parts.size(), 2u);
    EXPECT_EQ(c.parts[0].first.name, "region_code");
    EXPECT_EQ(c.parts[0].second, "63.71");
    EXPECT_EQ(c.parts[1].first.filename, "laporan.pdf");  // path components removed
    EXPECT_EQ(c.parts[1].second, file);
  }
}

TEST(Multipart, ByteByByte) {
  std::string b = "xyz";
  std::string body = sample_body(b, std::string("\0\x01\x02 binary", 10));
  Collect c;
  http::MultipartParser p(b, c);
  for (char ch : body) ASSERT_TRUE(p.feed(std::string_view(&ch, 1)).ok());
  ASSERT_TRUE(p.finish().ok());
  EXPECT_EQ(c.parts[1].second, std::string("\0\x01\x02 binary", 10));
}

TEST(Multipart, RejectsTruncatedAndMalformed) {
  std::string b = "xyz";
  std::string body = sample_body(b, "data");
  Collect c1;
  http::MultipartParser p1(b, c1);
  ASSERT_TRUE(p1.feed(body.substr(0, body.size() / 2)).ok());
  EXPECT_FALSE(p1.finish().ok());

  Collect c2;
  http::MultipartParser p2(b, c2);
  EXPECT_FALSE(p2.feed("--xyz\r\nNo-Colon-Header\r\n\r\nx\r\n--xyz--").ok());

  Collect c3;
  http::MultipartParser p3(b, c3, 2);
  std::string three = "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                      "--xyz\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n"
                      "--xyz\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\n3\r\n--xyz--";
  EXPECT_FALSE(p3.feed(three).ok());

  EXPECT_FALSE(http::multipart_boundary("application/json").ok());
  EXPECT_EQ(http::multipart_boundary("application/json").error().kind, ErrorKind::UnsupportedMedia);
  EXPECT_FALSE(http::multipart_boundary("multipart/form-data").ok());
  EXPECT_EQ(http::multipart_boundary("multipart/form-data; boundary=\"abc\"").value(), "abc");
}

TEST(Router, MatchesParamsAndReports405) {
  http::Router r;
  int hit = 0;
  r.get("/api/v1/users/{id}", [&](http::Ctx&) { hit = 1; return http::Response::no_content(); });
  r.post("/api/v1/users", [&](http::Ctx&) { hit = 2; return http::Response::no_content(); });
  std::map<std::string, std::string, std::less<>> params;
  auto m = r.match("GET", "/api/v1/users/42", params);
  ASSERT_TRUE(m.handler);
  EXPECT_EQ(params.at("id"), "42");
  auto m2 = r.match("DELETE", "/api/v1/users/42", params);
  EXPECT_FALSE(m2.handler);
  EXPECT_TRUE(m2.path_matched);
  auto m3 = r.match("GET", "/api/v1/nothing", params);
  EXPECT_FALSE(m3.handler);
  EXPECT_FALSE(m3.path_matched);
  EXPECT_TRUE(r.match("HEAD", "/api/v1/users/7", params).handler);
}

// Decided before the body is read: only a route registered as an upload streams to disk, and only
// when it is the route the request reaches (same method and path; an earlier route wins).
TEST(Router, IsUploadOnlyForTheUploadRoute) {
  http::Router r;
  auto none = [](http::Ctx&) { return http::Response::no_content(); };
  r.post("/api/v1/files", none, {false, "", true});
  r.post("/api/v1/reports/baru/attachments", none);
  r.post("/api/v1/reports/{id}/attachments", none, {false, "", true});
  r.get("/api/v1/reports/{id}/attachments", none);
  EXPECT_TRUE(r.is_upload("POST", "/api/v1/files"));
  EXPECT_TRUE(r.is_upload("POST", "/api/v1/reports/7/attachments"));
  EXPECT_FALSE(r.is_upload("GET", "/api/v1/reports/7/attachments"));
  EXPECT_FALSE(r.is_upload("POST", "/api/v1/reports/baru/attachments"));  // the earlier route wins
  EXPECT_FALSE(r.is_upload("POST", "/api/v1/files/7"));
  EXPECT_FALSE(r.is_upload("GET", "/healthz"));
  http::Router empty;
  EXPECT_FALSE(empty.is_upload("POST", "/api/v1/files"));
}

TEST(StaticFiles, ContentTypes) {
  EXPECT_EQ(http::StaticFiles::content_type_for("/assets/index-abc.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::StaticFiles::content_type_for("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(http::StaticFiles::content_type_for("/assets/a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(http::StaticFiles::content_type_for("/x.svg"), "image/svg+xml");
  EXPECT_EQ(http::StaticFiles::content_type_for("/x.woff2"), "font/woff2");
}

// Reload or bookmark of an app page whose path holds a region code gets the app, not a JSON 404;
// a missing asset stays a real 404.
TEST(StaticFiles, AppRoutesWithDotsGetTheShell) {
  namespace fs = std::filesystem;
  auto root = fs::temp_directory_path() / ("pantau-static-" + std::to_string(::getpid()));
  fs::create_directories(root / "assets");
  { std::ofstream(root / "index.html") << "<!doctype html>"; }
  { std::ofstream(root / "assets" / "app-1.js") << "1"; }
  http::StaticFiles files(root.string());
  auto get = [&](std::string path) {
    http::Request req;
    req.method = "GET";
    req.path = std::move(path);
    return files.serve(req);
  };
  for (const char* route : {"/wilayah/63.71", "/wilayah/63.71.01", "/conflict/map", "/", "/x/63"}) {
    auto r = get(route);
    EXPECT_EQ(r.status, 200) << route;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << route;
  }
  EXPECT_EQ(get("/assets/app-1.js").status, 200);
  for (const char* missing : {"/assets/gone-2.js", "/favicon.ico", "/robots.txt", "/wilayah/63.71/peta.png"})
    EXPECT_EQ(get(missing).status, 404) << missing;
  fs::remove_all(root);
}

// A browser that takes gzip gets the build's .gz copy (a third of the bytes on a slow link), with
// its own ETag; one that does not, or refuses gzip, gets the file itself.
TEST(StaticFiles, PrecompressedCopyForGzipClients) {
  namespace fs = std::filesystem;
  auto root = fs::temp_directory_path() / ("pantau-static-gz-" + std::to_string(::getpid()));
  fs::create_directories(root / "assets");
  { std::ofstream(root / "index.html") << "<!doctype html>"; }
  { std::ofstream(root / "assets" / "app-1.js") << "console.log(1)"; }
  { std::ofstream(root / "assets" / "app-1.js.gz") << "gz"; }
  http::StaticFiles files(root.string());
  auto get = [&](std::string path, std::string accept) {
    http::Request req;
    req.method = "GET";
    req.path = std::move(path);
    if (!accept.empty()) req.headers = {{"accept-encoding", accept}};
    return files.serve(req);
  };
  auto header = [](const http::Response& r, std::string_view name) {
    for (auto& [k, v] : r.headers)
      if (k == name) return v;
    return std::string();
  };
  auto gz = get("/assets/app-1.js", "gzip, deflate, br");
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(gz.file_path, (root / "assets" / "app-1.js.gz").string());
  EXPECT_EQ(header(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(gz.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(gz, "Vary"), "Accept-Encoding");
  for (const char* accept : {"", "gzip;q=0", "br"}) {
    auto plain = get("/assets/app-1.js", accept);
    EXPECT_EQ(plain.file_path, (root / "assets" / "app-1.js").string()) << accept;
    EXPECT_EQ(header(plain, "Content-Encoding"), "") << accept;
    EXPECT_NE(header(plain, "ETag"), header(gz, "ETag")) << accept;
  }
  // The app shell has no copy: served as it is, to every client.
  EXPECT_EQ(get("/wilayah/63.71", "gzip").file_path, (root / "index.html").string());
  fs::remove_all(root);
}

TEST(WriteSafety, IfMatchParsing) {
  http::Request req;
  EXPECT_EQ(http::required_version(req).error().kind, ErrorKind::PreconditionRequired);
  req.headers = {{"if-match", "\"3\""}};
  EXPECT_EQ(http::required_version(req).value(), 3);
  req.headers = {{"if-match", "W/\"12\""}};
  EXPECT_EQ(http::required_version(req).value(), 12);
  req.headers = {{"if-match", "\"abc\""}};
  EXPECT_EQ(http::required_version(req).error().kind, ErrorKind::BadRequest);
  req.headers = {{"if-match", "\"0\""}};
  EXPECT_FALSE(http::required_version(req).ok());
}
