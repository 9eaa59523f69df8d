// /api/v1/public/layanan/...: the public portal (no account): offices and their published
// service standards, forms, uploads, tracking by registration number + secret, the survey and
// the issued letters. Rate limited per address. These handlers open with the rate limiter and
// the number + secret, not with a path id and If-Match: the kit's create/update do not fit a
// caller without an account, and a wrong secret must answer exactly as an unknown number.
#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "core/strings.h"
#include "files/evidence.h"
#include "http/answer_cache.h"
#include "http/handler.h"
#include "http/multipart.h"
#include "http/rate_limit.h"
#include "modules/services/routes.h"
#include "modules/services/rules.h"

namespace pantau::services {

using http::Ctx;
using http::Response;

namespace {

namespace fs = std::filesystem;

// ---- limits of the public side ----------------------------------------------------------------

// A fixed one-minute window per client address (http::RateLimiter, shared with the other public
// routes). In memory: with several instances behind nginx each counts its own share (nginx's
// limit_req is the outer guard).
using http::RateLimiter;

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  auto n = v ? parse_int64(v) : std::nullopt;
  return n && *n > 0 ? static_cast<int>(*n) : fallback;
}

RateLimiter& submit_limiter() {
  static RateLimiter r(env_int("PANTAU_LAYANAN_SUBMITS_PER_MINUTE", 30));
  return r;
}
RateLimiter& read_limiter() {
  static RateLimiter r(env_int("PANTAU_LAYANAN_READS_PER_MINUTE", 600));
  return r;
}

std::optional<Response> limited(Ctx& ctx, RateLimiter& lim) {
  if (lim.allow(ctx.req.remote_ip)) return std::nullopt;
  Error e = Error::make(ErrorKind::TooManyRequests, "rate_limited", "Terlalu banyak permintaan dari alamat Anda. Coba lagi dalam satu menit.",
                        "Too many requests from your address. Try again in a minute.");
  e.retry_after_seconds = 60;  // sent as Retry-After
  return Response::problem(e);
}

// The one answer for an unknown number and a wrong secret alike.
Error no_match() {
  return Error::make(ErrorKind::NotFound, "services.no_match", "Nomor registrasi atau kode rahasia tidak cocok.",
                     "The registration number or the secret does not match.");
}

struct Credentials {
  std::string reg_no, secret;
};

Result<Credentials> credentials(json::In& in) {
  Credentials c;
  c.reg_no = normalize_reg_no(in.str("reg_no", true, 40).value_or(""));
  c.secret = in.str("secret", true, 40).value_or("");
  if (!in.ok()) return in.error();
  if (c.reg_no.empty()) return no_match();
  return c;
}

// Finds the case of the credentials in a read; no_match() when they do not fit.
Result<int64_t> case_of(Ctx& ctx, const Credentials& cr) {
  return ctx.db().read_value<int64_t>([&](db::Conn& c) -> Result<int64_t> {
    auto id = find_by_secret(c, cr.reg_no, cr.secret);
    if (!id) return no_match();
    return *id;
  });
}

}  // namespace

Response public_submit(Ctx& ctx) {
  if (auto r = limited(ctx, submit_limiter())) return *r;
  PANTAU_TRY(CaseInput in, case_input(ctx.req.body, false));
  in.channel = "PORTAL";
  return http::write(ctx, [&](db::Conn& c) { return submit_case(c, in, nullptr); }, 201);
}

namespace {

// One file from the public: PDF, JPEG or PNG by its content, at most 5 MB; kept apart from the
// office's internal evidence. Answers a token the form then names.
class OneFile : public http::PartHandler {
 public:
  explicit OneFile(std::string path) : path_(std::move(path)) {}
  ~OneFile() override {
    out_.close();
    std::error_code ec;
    fs::remove(path_, ec);
  }
  Status on_part_begin(const http::PartInfo& info) override {
    in_file_ = info.name == "file";
    if (!in_file_) return {};
    if (seen_) return Error::bad_request("upload.two_files", "Kirim satu berkas per unggahan.", "Send one file per upload.");
    seen_ = true;
    name_ = info.filename.empty() ? "berkas" : info.filename.substr(0, 200);
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) return Error::unavailable("Cannot write the upload.");
    return {};
  }
  Status on_part_data(std::string_view d) override {
    if (!in_file_) return {};
    size_ += d.size();
    if (size_ > kMaxPublicFile)
      return Error::make(ErrorKind::TooLarge, "file.too_large", "Berkas terlalu besar; paling besar 5 MB.", "The file is too large; at most 5 MB.");
    if (head_.size() < 16) head_.append(d.substr(0, 16 - head_.size()));
    sha_.update(d);
    out_.write(d.data(), static_cast<std::streamsize>(d.size()));
    return {};
  }
  Status on_part_end() override {
    if (in_file_) out_.close();
    return {};
  }
  bool seen_ = false, in_file_ = false;
  std::string path_, name_, head_;
  size_t size_ = 0;
  Sha256 sha_;

 private:
  std::ofstream out_;
};

}  // namespace

Response public_upload(Ctx& ctx) {
  if (auto r = limited(ctx, submit_limiter())) return *r;
  if (ctx.req.body_size > kMaxPublicFile + 64 * 1024)
    return Response::problem(Error::make(ErrorKind::TooLarge, "file.too_large", "Berkas terlalu besar; paling besar 5 MB.", "The file is too large; at most 5 MB."));
  auto boundary = http::multipart_boundary(ctx.req.header("content-type"));
  if (!boundary.ok()) return Response::problem(boundary.error());
  std::error_code ec;
  fs::create_directories(public_root(ctx) + "/tmp", ec);
  OneFile part(public_root(ctx) + "/tmp/up-" + random_token(12));
  http::MultipartParser parser(*boundary, part, 4);
  Status fed = http::feed_multipart_body(ctx.req, parser);
  if (!fed.ok()) return Response::problem(fed.error());
  if (!part.seen_ || part.size_ == 0)
    return Response::problem(Error::invalid_field("file", "required", "Pilih berkas untuk diunggah.", "Choose a file to upload."));
  std::string mime = files::sniff_type(part.head_, "");
  if (mime != "application/pdf" && mime != "image/jpeg" && mime != "image/png")
    return Response::problem(Error::make(ErrorKind::UnsupportedMedia, "file.type", "Hanya berkas PDF, JPEG, atau PNG yang diterima.",
                                         "Only PDF, JPEG or PNG files are accepted."));
  std::string sha = part.sha_.hex();
  std::string dest = public_path(ctx, sha);
  fs::create_directories(fs::path(dest).parent_path(), ec);
  if (!fs::exists(dest, ec)) {
    fs::rename(part.path_, dest, ec);
    if (ec) return Response::problem(Error::unavailable("Cannot place the upload."));
  }
  std::string clean_name;
  for (char ch : part.name_) clean_name += (static_cast<unsigned char>(ch) < 0x20 || ch == '"' || ch == '\\' || ch == '<' || ch == '>') ? '_' : ch;
  return http::write(ctx, [&](db::Conn& c) -> Result<PublicUpload> {
    PANTAU_TRY(std::string token, record_public_file(c, sha, mime, static_cast<int64_t>(part.size_), clean_name));
    return PublicUpload{token, mime, static_cast<int64_t>(part.size_)};
  }, 201);
}

Response public_track(Ctx& ctx) {
  if (auto r = limited(ctx, read_limiter())) return *r;
  PANTAU_TRY(json::In in, body_of(ctx.req));
  PANTAU_TRY(Credentials cr, credentials(in));
  // One read transaction for the secret check and the page (the most read public route).
  return http::read(ctx, [&](db::Conn& c) -> Result<Tracking> {
    auto id = find_by_secret(c, cr.reg_no, cr.secret);
    if (!id) return no_match();
    return track(c, *id);
  });
}

// A step of the applicant (COMPLETE with new documents, REPORT_RESULT); answers the tracking page.
Response public_action(Ctx& ctx) {
  if (auto r = limited(ctx, submit_limiter())) return *r;
  PANTAU_TRY(json::In in, body_of(ctx.req));
  PANTAU_TRY(Credentials cr, credentials(in));
  std::string action = in.one_of("action", true, {"COMPLETE", "REPORT_RESULT"}).value_or("");
  std::vector<FieldError> errs;
  std::string note = clean_text("note", in.str("note", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  auto docs = documents_of(in, errs);
  if (!in.ok()) return in.error();
  if (!errs.empty()) return Error::invalid(errs);
  PANTAU_TRY(int64_t id, case_of(ctx, cr));
  return http::write(ctx, [&](db::Conn& c) -> Result<Tracking> {
    PANTAU_CHECK(applicant_step(c, id, action, note, docs));
    return track(c, id);
  });
}

Response public_survey(Ctx& ctx) {
  if (auto r = limited(ctx, submit_limiter())) return *r;
  PANTAU_TRY(json::In in, body_of(ctx.req));
  PANTAU_TRY(Credentials cr, credentials(in));
  std::array<int, kSkmElements> scores{};
  const rapidjson::Value* v = in.get("scores");
  bool good = v && v->IsArray() && v->Size() == kSkmElements;
  if (good)
    for (rapidjson::SizeType i = 0; i < kSkmElements; ++i) {
      const auto& x = (*v)[i];
      if (!x.IsInt() || x.GetInt() < 1 || x.GetInt() > 4) good = false;
      else scores[i] = x.GetInt();
    }
  std::vector<FieldError> errs;
  if (!good) errs.push_back({"scores", "invalid", {"Isi kesembilan unsur dengan nilai 1 sampai 4.", "Score all nine elements from 1 to 4."}});
  std::string comment = clean_text("comment", in.str("comment", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  if (!errs.empty()) return Error::invalid(errs);
  PANTAU_TRY(int64_t id, case_of(ctx, cr));
  return http::write(ctx, [&](db::Conn& c) { return submit_survey(c, id, scores, comment); });
}

Response public_letter(Ctx& ctx) {
  if (auto r = limited(ctx, read_limiter())) return *r;
  PANTAU_TRY(json::In in, body_of(ctx.req));
  PANTAU_TRY(Credentials cr, credentials(in));
  PANTAU_TRY(int64_t id, case_of(ctx, cr));
  return http::read(ctx, [&](db::Conn& c) { return letter_file(ctx, letter_sha(c, id), cr.reg_no + ".pdf"); });
}

// The portal's list of offices and an office's page change rarely and are read often: kept for
// 30 seconds, and dropped at once by any committed write (the database generation).
Response public_offices_route(Ctx& ctx) {
  if (auto r = limited(ctx, read_limiter())) return *r;
  static http::AnswerCache cache(4, std::chrono::seconds(30));
  uint64_t gen = ctx.db().generation();
  if (auto hit = cache.get("offices", gen)) return Response::json(200, *hit);
  Response r = http::read_items(ctx, [&](db::Conn& c) { return public_offices(c); });
  if (r.status == 200) cache.put("offices", gen, r.body);
  r.header("Cache-Control", "public, max-age=60");
  return r;
}

Response public_office_route(Ctx& ctx) {
  if (auto r = limited(ctx, read_limiter())) return *r;
  std::string region(ctx.req.param("region"));
  if (region.size() > 16 || region.find_first_not_of("0123456789.") != std::string::npos) return Error::not_found();
  static http::AnswerCache cache(1024, std::chrono::seconds(30));
  uint64_t gen = ctx.db().generation();
  if (auto hit = cache.get(region, gen)) return Response::json(200, *hit);
  Response r = http::read_record(ctx, [&](db::Conn& c) { return public_office(c, region); },
                                 {"Data tidak ditemukan.", "The record was not found."});
  if (r.status == 200) cache.put(region, gen, r.body);
  return r;
}

Response public_forms(Ctx& ctx) {
  if (auto r = limited(ctx, read_limiter())) return *r;
  return Response::json(200, forms_json(static_cast<int64_t>(kMaxPublicFile)));
}

}  // namespace pantau::services
