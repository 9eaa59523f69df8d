// /api/v1/public/layanan/...: the public portal (no account): offices and their published
// service standards, forms, uploads, tracking by registration number + secret, the survey and
// the issued letters. Rate limited per address.
// /api/v1/services/...: the staff side: the queue by time left, a request and its workflow
// steps, document verdicts, the research-permit letter, service standards, the Daftar
// Informasi Publik, disputes, and the recaps (service times, SKM, PPID report).
#include <fmt/format.h>
#include <sodium.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unordered_map>

#include "auth/roles.h"
#include "core/crypto.h"
#include "core/fileio.h"
#include "core/strings.h"
#include "documents/register.h"
#include "files/evidence.h"
#include "http/answer_cache.h"
#include "http/rate_limit.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/multipart.h"
#include "http/params.h"
#include "modules/services/rules.h"
#include "modules/org/public.h"
#include "modules/services/store.h"
#include "report/indonesian.h"
#include "report/pdf.h"

namespace pantau::services {

using http::Ctx;
using http::Response;

namespace {

namespace fs = std::filesystem;

// ---- limits of the public side ----------------------------------------------------------------

constexpr size_t kMaxPublicFile = 5u << 20;  // 5 MB per document

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

std::string public_root(Ctx& ctx) { return ctx.svc.cfg.files_dir + "/public"; }
std::string public_path(Ctx& ctx, const std::string& sha) { return public_root(ctx) + "/" + sha.substr(0, 2) + "/" + sha; }

// Writes bytes at their content address under the public files directory (atomic rename).
Status put_public_bytes(Ctx& ctx, const std::string& sha, std::string_view bytes) {
  std::string dest = public_path(ctx, sha);
  std::error_code ec;
  fs::create_directories(fs::path(dest).parent_path(), ec);
  if (fs::exists(dest, ec)) return {};
  std::string part = dest + ".part-" + random_token(8);
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Error::unavailable("Cannot write a public file.");
  }
  fs::rename(part, dest, ec);
  if (ec) return Error::unavailable("Cannot place a public file.");
  return {};
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

// The bodies of this module are shallow: at most four levels.
Result<json::In> body_of(const http::Request& req) { return json::In::parse(req.body, 4); }

// ---- the public forms ------------------------------------------------------------------------

std::map<std::string, std::string> documents_of(json::In& in, std::vector<FieldError>& errs) {
  std::map<std::string, std::string> out;
  const rapidjson::Value* d = in.get("documents");
  if (!d || d->IsNull()) return out;
  if (!d->IsObject() || d->MemberCount() > 10) {
    errs.push_back({"documents", "type", {"Harus berupa daftar dokumen.", "Must be a set of documents."}});
    return out;
  }
  for (auto& m : d->GetObject()) {
    std::string type(m.name.GetString(), m.name.GetStringLength());
    bool known = std::any_of(document_types().begin(), document_types().end(), [&](auto& t) { return t.code == type; });
    if (!known || !m.value.IsString() || m.value.GetStringLength() > 64) {
      errs.push_back({"documents", "not_allowed", {"Jenis dokumen tidak dikenal.", "Unknown document type."}});
      continue;
    }
    out[type] = m.value.GetString();
  }
  return out;
}

// One problem per field (the reader and the text checks may both object to the same value).
std::vector<FieldError> first_per_field(const std::vector<FieldError>& errs) {
  std::vector<FieldError> out;
  for (const auto& e : errs)
    if (std::none_of(out.begin(), out.end(), [&](const FieldError& x) { return x.field == e.field; })) out.push_back(e);
  return out;
}

// Reads a request form (public or counter). `staff`: channel and SP4N-LAPOR! reference allowed.
Result<CaseInput> case_input(const std::string& body, bool staff) {
  PANTAU_TRY(json::In in, json::In::parse(body, 8));
  CaseInput ci;
  std::vector<FieldError> errs;
  ci.kind = in.one_of("kind", true, kKinds).value_or("");
  ci.office_region = in.str("office", true, 16).value_or("");
  if (staff) {
    ci.channel = in.one_of("channel", false, kChannels).value_or("COUNTER");
    ci.lapor_ref = in.str("lapor_ref", false, 20).value_or("");
  } else {
    // A portal complaint may name its SP4N-LAPOR! ticket too.
    ci.lapor_ref = in.str("lapor_ref", false, 20).value_or("");
  }
  if (!ci.lapor_ref.empty() && !valid_lapor_ref(ci.lapor_ref))
    errs.push_back({"lapor_ref", "invalid", {"Nomor tiket SP4N-LAPOR! berupa 6-20 angka.", "A SP4N-LAPOR! ticket is 6-20 digits."}});
  if (ci.channel == "LAPOR" && ci.lapor_ref.empty())
    errs.push_back({"lapor_ref", "required", {"Isi nomor tiket SP4N-LAPOR!.", "Enter the SP4N-LAPOR! ticket number."}});
  ci.anonymous = ci.kind == kComplaint && in.boolean("anonymous", false).value_or(false);
  auto name = in.str("applicant_name", !ci.anonymous, 400).value_or("");
  auto contact = in.str("applicant_contact", !ci.anonymous && !staff, 400).value_or("");
  ci.applicant_name = clean_text("applicant_name", name, !ci.anonymous, 200, false, errs).value_or("");
  if (ci.anonymous && ci.applicant_name.empty()) ci.applicant_name = "Anonim";
  ci.applicant_contact = clean_text("applicant_contact", contact, false, 200, false, errs).value_or("");
  if (!ci.applicant_contact.empty() && !valid_contact(ci.applicant_contact))
    errs.push_back({"applicant_contact", "invalid", {"Isi alamat e-mail atau nomor telepon (08... atau +62...).",
                                                      "Enter an e-mail address or a phone number (08... or +62...)."}});
  ci.applicant_id_no = clean_text("applicant_id_no", in.str("applicant_id_no", false, 100).value_or(""), false, 32, false, errs).value_or("");
  ci.applicant_org = clean_text("applicant_org", in.str("applicant_org", false, 400).value_or(""), false, 200, false, errs).value_or("");
  json::Out details;
  details.begin_object();
  if (ci.kind == kInfoRequest) {
    ci.subject = clean_text("information", in.str("information", true, 8000).value_or(""), true, 4000, true, errs).value_or("");
    ci.body = clean_text("purpose", in.str("purpose", true, 8000).value_or(""), true, 2000, true, errs).value_or("");
    details.kv("delivery_method", in.one_of("delivery_method", true, {"VIEW", "SOFTCOPY", "HARDCOPY"}).value_or(""));
  } else if (ci.kind == kInfoObjection) {
    ci.parent_reg_no = normalize_reg_no(in.str("request_reg_no", true, 40).value_or(""));
    ci.parent_secret = in.str("request_secret", !staff, 40).value_or("");
    ci.subject = "Keberatan atas permohonan informasi " + ci.parent_reg_no;
    ci.body = clean_text("case_summary", in.str("case_summary", true, 8000).value_or(""), true, 4000, true, errs).value_or("");
    details.key("grounds").begin_array();
    const rapidjson::Value* g = in.get("grounds");
    bool any = false;
    if (g && g->IsArray() && g->Size() <= 7)
      for (auto& v : g->GetArray()) {
        if (!v.IsString() || std::find(kObjectionGrounds.begin(), kObjectionGrounds.end(), v.GetString()) == kObjectionGrounds.end()) {
          any = false;
          break;
        }
        details.value(std::string_view(v.GetString()));
        any = true;
      }
    if (!any) errs.push_back({"grounds", "required", {"Pilih alasan keberatan (Pasal 35 UU 14/2008).", "Choose the grounds (UU 14/2008 Art. 35)."}});
    details.end_array();
  } else if (ci.kind == kComplaint) {
    ci.subject = clean_text("subject", in.str("subject", true, 600).value_or(""), true, 300, false, errs).value_or("");
    ci.body = clean_text("body", in.str("body", true, 10000).value_or(""), true, 5000, true, errs).value_or("");
  } else if (ci.kind == kResearchPermit) {
    ci.applicant_type = in.one_of("applicant_type", true, kApplicantTypes).value_or("");
    ci.foreign = in.boolean("foreign", false).value_or(false);
    ci.subject = clean_text("title", in.str("title", true, 600).value_or(""), true, 300, false, errs).value_or("");
    ci.body = clean_text("objectives", in.str("objectives", true, 8000).value_or(""), true, 4000, true, errs).value_or("");
    std::string method = clean_text("method", in.str("method", true, 4000).value_or(""), true, 2000, true, errs).value_or("");
    ci.research_region = in.str("research_region", true, 16).value_or("");
    std::string from = in.str("period_start", true, 10).value_or(""), to = in.str("period_end", true, 10).value_or("");
    auto f = parse_date(from), t = parse_date(to);
    if (!from.empty() && !f) errs.push_back({"period_start", "invalid", {"Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."}});
    if (!to.empty() && !t) errs.push_back({"period_end", "invalid", {"Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."}});
    if (f && t && (*t < *f || days_from_civil(*t) - days_from_civil(*f) > 3 * 366))
      errs.push_back({"period_end", "out_of_range", {"Akhir penelitian harus sesudah awalnya (paling lama 3 tahun).",
                                                     "The research must end after it starts (at most 3 years)."}});
    if (ci.applicant_org.empty() && ci.applicant_type != "INDIVIDUAL")
      errs.push_back({"applicant_org", "required", {"Isi nama lembaga.", "Enter the institution."}});
    details.kv("applicant_type", ci.applicant_type).kv("foreign", ci.foreign).kv("method", method).kv("period_start", from).kv("period_end", to);
    ci.documents = documents_of(in, errs);
  }
  details.end_object();
  ci.details_json = details.take();
  if (!in.ok()) {
    Error e = in.error();
    errs.insert(errs.begin(), e.fields.begin(), e.fields.end());
  }
  if (!errs.empty()) return Error::invalid(first_per_field(errs));
  return ci;
}

Response public_submit(Ctx& ctx) {
  if (auto r = limited(ctx, submit_limiter())) return *r;
  PANTAU_TRY(CaseInput in, case_input(ctx.req.body, false));
  in.channel = "PORTAL";
  return http::write(ctx, [&](db::Conn& c) { return submit_case(c, in, nullptr); }, 201);
}

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
  std::ifstream in(ctx.req.body_file, std::ios::binary);
  std::string chunk(64 * 1024, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = static_cast<size_t>(in.gcount());
    if (n == 0) break;
    Status s = parser.feed(std::string_view(chunk.data(), n));
    if (!s.ok()) return Response::problem(s.error());
  }
  Status fin = parser.finish();
  if (!fin.ok()) return Response::problem(fin.error());
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
  PANTAU_TRY(int64_t id, case_of(ctx, cr));
  return http::read(ctx, [&](db::Conn& c) { return track(c, id); });
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

// An issued letter, streamed from its content address in the public files.
Response letter_file(Ctx& ctx, const std::optional<std::string>& sha, std::string_view name) {
  if (!sha) return Error::not_found("Surat belum terbit.", "No letter has been issued yet.");
  Response r = http::attachment("", "application/pdf", name);
  r.file_path = public_path(ctx, *sha);
  return r;
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

// ---- staff ------------------------------------------------------------------------------------

// The staff queue is one list sorted by time left (not by id), capped at the 2,000 newest
// requests: it has no pages, so it takes no ?after= or ?limit=.
Response queue_route(Ctx& ctx) {
  QueueFilter f;
  f.kind = ctx.req.q("kind").value_or("");
  f.status = ctx.req.q("status").value_or("");
  f.region = ctx.req.q("region").value_or("");
  f.open_only = ctx.req.q("all").value_or("") != "1";
  if (!f.kind.empty() && std::find(kKinds.begin(), kKinds.end(), f.kind) == kKinds.end())
    return Error::invalid_field("kind", "not_allowed", "Jenis layanan tidak dikenal.", "Unknown kind of service.");
  if (f.status.size() > 32 || f.status.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != std::string::npos ||
      f.region.size() > 16 || f.region.find_first_not_of("0123456789.") != std::string::npos)
    return Error::invalid_field("status", "invalid", "Filter tidak valid.", "Invalid filter.");
  return http::read_items(ctx, [&](db::Conn& c) { return queue(c, ctx.scope(), f); });
}

Response counter_submit(Ctx& ctx) {
  PANTAU_TRY(CaseInput in, case_input(ctx.req.body, true));
  return http::create(ctx, [&](db::Conn& c) { return submit_case(c, in, &ctx.scope()); });
}

// A request as the staff see it (404 when absent or outside the scope). On a GET it is answered
// without an ETag (the version is in the body), after a write with one.
Result<CaseDetail> detail_of(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto d = case_detail(c, s, id);
  if (!d) return Error::not_found();
  return std::move(*d);
}

Response case_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(CaseDetail d, detail_of(c, ctx.scope(), id));
    return Response::json(200, to_json(d));
  });
}

// The research-permit letter (Surat Keterangan Penelitian) as a PDF, stamped by the document
// register (number, QR code to /verifikasi/<code>); rendered only from the record and the stamp,
// so the same request renders to the same bytes.
Result<std::string> letter_pdf(const LetterData& d, const std::optional<org::Office>& office, const documents::Stamp& stamp) {
  report::PdfDocument doc({"Surat Keterangan Penelitian " + stamp.number, d.office_name, "Surat Keterangan Penelitian", stamp.issued_at});
  if (office) doc.letterhead(office->letterhead());
  doc.title("SURAT KETERANGAN PENELITIAN", "Nomor: " + stamp.number);
  doc.paragraph("Berdasarkan permohonan nomor registrasi " + d.reg_no +
                " dan hasil pemeriksaan dokumen serta kajian dampak, Kepala " + d.office_name + " menerangkan bahwa:");
  auto day = [](const std::string& iso) { return parse_date(iso) ? report::tanggal_indonesia(*parse_date(iso)) : iso; };
  doc.key_values({{"Nama", d.applicant_name},
                  {"Nomor identitas", d.id_no.empty() ? "-" : d.id_no},
                  {"Lembaga", d.applicant_org.empty() ? "-" : d.applicant_org},
                  {"Judul penelitian", d.title},
                  {"Metode", d.method.empty() ? "-" : d.method},
                  {"Lokasi", d.research_region_name},
                  {"Waktu", day(d.period_start) + " s.d. " + day(d.period_end)}});
  doc.paragraph("dapat melaksanakan penelitian tersebut dengan ketentuan: (1) menaati peraturan perundang-undangan dan adat istiadat "
                "setempat; (2) tidak menyimpang dari judul dan lokasi penelitian; (3) menyampaikan laporan hasil penelitian kepada "
                "Badan Kesatuan Bangsa dan Politik paling lambat satu bulan setelah penelitian selesai. Surat keterangan ini berlaku "
                "selama waktu penelitian di atas.");
  Date on = *local_date(format_iso(stamp.issued_at), d.office_region);
  report::Signer signer = office ? office->head_signer() : report::Signer{"KEPALA", "................", "", ""};
  doc.signature_block({office ? office->signing_place() : "", on, signer, std::nullopt});
  doc.paragraph("Tembusan:\n1. Kepala Badan Kesatuan Bangsa dan Politik di lokasi penelitian (" + d.research_region_name +
                ");\n2. Camat di lokasi penelitian;\n3. Yang bersangkutan.");
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

Result<StepInput> step_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  StepInput st;
  std::vector<std::string_view> actions;
  for (auto& t : transitions())
    if (t.actor == Actor::Staff && std::find(actions.begin(), actions.end(), t.action) == actions.end()) actions.push_back(t.action);
  st.action = in.one_of("action", true, actions).value_or("");
  std::vector<FieldError> errs;
  st.note = clean_text("note", in.str("note", false, 8000).value_or(""), false, 4000, true, errs).value_or("");
  st.public_note = clean_text("public_note", in.str("public_note", false, 8000).value_or(""), false, 4000, true, errs).value_or("");
  if (in.has("response_type")) st.response_type = in.one_of("response_type", false, kResponseTypes).value_or("");
  if (in.has("decision")) st.decision = in.one_of("decision", false, kObjectionDecisions).value_or("");
  st.fee_rupiah = in.int64("fee_rupiah", false, 0, 100000000).value_or(0);
  if (!in.ok()) {
    auto e = in.error();
    errs.insert(errs.begin(), e.fields.begin(), e.fields.end());
  }
  if (!errs.empty()) return Error::invalid(errs);
  return st;
}

// A staff step of the workflow (If-Match). ISSUE first draws and registers the letter (its own
// transactions in the document register), so the step is not an http::update.
Response step_route(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  PANTAU_TRY(StepInput st, step_input(ctx.req));
  st.version = t.version;
  if (st.action == "ISSUE") {
    // The letter is drawn first (outside the write), placed at its content address, then the
    // step records its number and hash; a failed step leaves only an unreferenced file.
    PANTAU_TRY(LetterData data, ctx.db().read_value<LetterData>([&](db::Conn& c) { return letter_data(c, ctx.scope(), t.id); }));
    if (data.version != st.version) return Error::stale_version();
    documents::DocumentRef ref{"SKP_LETTER", "svc_case", std::to_string(t.id), data.office_region,
                               "Surat Keterangan Penelitian " + data.reg_no, false, ""};
    PANTAU_TRY(auto issued, documents::issue(ctx.db(), ctx.scope(), ref, documents::public_base(ctx.svc.cfg),
                                             [&](db::Conn& c, const documents::Stamp& stamp) -> Result<std::string> {
                                               return letter_pdf(data, org::kesbangpol_office(c, data.office_region), stamp);
                                             }));
    st.letter_no = issued.entry.number;
    st.letter_sha = sha256_hex(issued.pdf);
    st.letter_code = issued.entry.code;
    PANTAU_CHECK(put_public_bytes(ctx, st.letter_sha, issued.pdf));
  }
  return http::write(ctx, [&](db::Conn& c) -> Result<CaseDetail> {
    PANTAU_CHECK(staff_step(c, ctx.scope(), t.id, st));
    return detail_of(c, ctx.scope(), t.id);
  });
}

struct VerdictInput {
  std::string verdict, note;
};

Result<VerdictInput> verdict_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  VerdictInput v;
  v.verdict = in.one_of("verdict", true, kVerdicts).value_or("");
  std::vector<FieldError> errs;
  v.note = clean_text("note", in.str("note", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  if (!in.ok()) return in.error();
  if (!errs.empty()) return Error::invalid(errs);
  return v;
}

Response verdict_route(Ctx& ctx) {
  std::string type(ctx.req.param("type"));
  return http::update(ctx, verdict_input, [&](db::Conn& c, int64_t id, int64_t version, const VerdictInput& in) -> Result<CaseDetail> {
    PANTAU_CHECK(set_verdict(c, ctx.scope(), id, version, type, in.verdict, in.note));
    return detail_of(c, ctx.scope(), id);
  });
}

Response case_file_route(Ctx& ctx) {
  auto id = http::path_id(ctx.req);
  auto fid = http::path_id(ctx.req, "file_id");
  if (!id.ok() || !fid.ok()) return Error::not_found();
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto f = case_file(c, ctx.scope(), *id, *fid);
    if (!f) return Error::not_found("Berkas tidak ditemukan.", "The file was not found.");
    Response r = http::attachment("", f->mime, f->name);
    r.file_path = public_path(ctx, f->sha256);
    return r;
  });
}

Response staff_letter(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) { return letter_file(ctx, staff_letter_sha(c, ctx.scope(), id), "surat-keterangan-penelitian.pdf"); });
}

Response services_route(Ctx& ctx) {
  return http::read_items(ctx, [&](db::Conn& c) { return list_services(c, ctx.scope()); });
}

struct ServiceInput {
  int sla = 0, ack = 0;
  std::string basis;
  bool active = true;
};

Result<ServiceInput> service_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  ServiceInput s;
  s.sla = static_cast<int>(in.int64("sla_working_days", true, 1, 365).value_or(0));
  s.ack = static_cast<int>(in.int64("ack_working_days", false, 0, 365).value_or(0));
  s.basis = in.str("limit_basis", false, 500).value_or("");
  s.active = in.boolean("active", false).value_or(true);
  if (!in.ok()) return in.error();
  return s;
}

// 204 with the new version as the ETag.
Result<Response> new_version(Result<int64_t> v) {
  if (!v.ok()) return v.error();
  return http::with_version(Response::no_content(), *v);
}

Response update_service_route(Ctx& ctx) {
  return http::update(ctx, service_input, [&](db::Conn& c, int64_t id, int64_t version, const ServiceInput& in) {
    return new_version(update_service(c, ctx.scope(), id, version, in.sla, in.ack, in.basis, in.active));
  });
}

Response standards_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto versions = standards(c, ctx.scope(), id);
    if (!versions) return Error::not_found();
    return Response::json(200, standards_json(*versions));
  });
}

struct StandardInput {
  std::string effective_from, components_json, maklumat;
  bool publish = false;
};

Result<StandardInput> standard_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  StandardInput st;
  st.effective_from = in.str("effective_from", true, 10).value_or("");
  std::vector<FieldError> errs;
  if (!st.effective_from.empty() && !parse_date(st.effective_from))
    errs.push_back({"effective_from", "invalid", {"Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."}});
  st.maklumat = clean_text("maklumat", in.str("maklumat", false, 8000).value_or(""), false, 4000, true, errs).value_or("");
  st.publish = in.boolean("published", false).value_or(false);
  // All 14 components, each a text (the internal ones may stay empty).
  std::vector<std::pair<std::string, std::string>> texts;
  const rapidjson::Value* cv = in.get("components");
  if (!cv || !cv->IsObject()) errs.push_back({"components", "required", {"Isi komponen standar pelayanan.", "Fill in the components of the standard."}});
  for (auto& sc : standard_components()) {
    std::string key(sc.key);
    std::string text;
    if (cv && cv->IsObject() && cv->HasMember(key.c_str())) {
      const auto& v = (*cv)[key.c_str()];
      if (!v.IsString()) errs.push_back({"components." + key, "type", {"Harus berupa teks.", "Must be text."}});
      else text = clean_text("components." + key, v.GetString(), false, 8000, true, errs).value_or("");
    }
    if (sc.published && text.empty() && st.publish)
      errs.push_back({"components." + key, "required", {"Komponen yang diumumkan wajib diisi.", "A published component is required."}});
    texts.emplace_back(key, text);
  }
  if (!in.ok()) {
    auto e = in.error();
    errs.insert(errs.begin(), e.fields.begin(), e.fields.end());
  }
  if (!errs.empty()) return Error::invalid(errs);
  st.components_json = components_json(texts);
  return st;
}

Response add_standard_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(StandardInput in, standard_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t v, add_standard(c, ctx.scope(), id, in.effective_from, in.components_json, in.maklumat, in.publish));
    return Response::json(201, json::object("version_no", v));
  });
}

Response info_list_route(Ctx& ctx) {
  return http::read_items(ctx, [&](db::Conn& c) { return info_list(c, ctx.scope()); });
}

Result<InfoItem> info_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  InfoItem it;
  std::vector<FieldError> errs;
  it.info_class = in.one_of("class", true, kInfoClasses).value_or("");
  it.title = clean_text("title", in.str("title", true, 1000).value_or(""), true, 500, false, errs).value_or("");
  it.summary = clean_text("summary", in.str("summary", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  it.responsible = clean_text("responsible", in.str("responsible", false, 400).value_or(""), false, 200, false, errs).value_or("");
  it.form = clean_text("form", in.str("form", false, 200).value_or(""), false, 100, false, errs).value_or("");
  it.retention = clean_text("retention", in.str("retention", false, 200).value_or(""), false, 100, false, errs).value_or("");
  it.exemption_basis = clean_text("exemption_basis", in.str("exemption_basis", false, 4000).value_or(""), false, 2000, true, errs).value_or("");
  if (it.info_class == "DIKECUALIKAN" && it.exemption_basis.empty())
    errs.push_back({"exemption_basis", "required", {"Informasi yang dikecualikan perlu dasar (Pasal 17 UU 14/2008) dan uji konsekuensinya.",
                                                     "Exempt information needs its basis (UU 14/2008 Art. 17) and consequence test."}});
  if (!in.ok()) {
    auto e = in.error();
    errs.insert(errs.begin(), e.fields.begin(), e.fields.end());
  }
  if (!errs.empty()) return Error::invalid(errs);
  return it;
}

// {"id": n} of a record created.
Result<Response> created_id(Result<int64_t> id) {
  if (!id.ok()) return id.error();
  return Response::json(201, json::object("id", *id));
}

Response add_info_route(Ctx& ctx) {
  PANTAU_TRY(InfoItem it, info_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return created_id(add_info_item(c, ctx.scope(), it)); });
}

Response delete_info_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::write(ctx, [&](db::Conn& c) { return delete_info_item(c, ctx.scope(), id); });
}

struct DisputeInput {
  std::string filed_on, ki_level, ki_case_no;
};

Result<DisputeInput> dispute_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  DisputeInput d;
  d.filed_on = in.str("filed_on", true, 10).value_or("");
  d.ki_level = in.one_of("ki_level", true, {"PUSAT", "PROVINSI", "KABKOTA"}).value_or("");
  d.ki_case_no = in.str("ki_case_no", false, 100).value_or("");
  if (!d.filed_on.empty() && !parse_date(d.filed_on)) in.add_error("filed_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (!in.ok()) return in.error();
  return d;
}

Response dispute_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(DisputeInput in, dispute_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) { return created_id(file_dispute(c, ctx.scope(), id, in.filed_on, in.ki_level, in.ki_case_no)); });
}

struct DisputeStage {
  std::string stage, decision, decided_on;
};

Result<DisputeStage> dispute_stage_input(const http::Request& req) {
  PANTAU_TRY(json::In in, body_of(req));
  DisputeStage d;
  d.stage = in.one_of("stage", true, kDisputeStages).value_or("");
  d.decision = in.str("decision", false, 4000).value_or("");
  d.decided_on = in.str("decided_on", false, 10).value_or("");
  if (!d.decided_on.empty() && !parse_date(d.decided_on))
    in.add_error("decided_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD.");
  if (!in.ok()) return in.error();
  return d;
}

Response advance_dispute_route(Ctx& ctx) {
  return http::update(ctx, dispute_stage_input, [&](db::Conn& c, int64_t id, int64_t version, const DisputeStage& in) {
    return new_version(advance_dispute(c, ctx.scope(), id, version, in.stage, in.decision, in.decided_on));
  });
}

Result<int> year_param(const http::Request& req) {
  auto y = req.q("year");
  if (!y || y->empty()) return local_today("").year;
  auto n = parse_int64(*y);
  if (!n || *n < 2000 || *n > 2100) return Error::invalid_field("year", "out_of_range", "Tahun tidak valid.", "Invalid year.");
  return static_cast<int>(*n);
}

std::string year_start(int y) { return fmt::format("{}-01-01", y); }

Response recap_route(Ctx& ctx) {
  PANTAU_TRY(int y, year_param(ctx.req));
  return http::read(ctx, [&](db::Conn& c) { return recap(c, ctx.scope(), year_start(y), year_start(y + 1)); });
}

Response skm_route(Ctx& ctx) {
  PANTAU_TRY(int y, year_param(ctx.req));
  return http::read(ctx, [&](db::Conn& c) { return skm_report(c, ctx.scope(), year_start(y), year_start(y + 1)); });
}

Response ppid_route(Ctx& ctx) {
  PANTAU_TRY(int y, year_param(ctx.req));
  return http::read(ctx, [&](db::Conn& c) { return ppid_report(c, ctx.scope(), y); });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  // The public portal: every route here is open without an account (see the public allow-list
  // in http/router.cpp) and says what it shows; nothing else of this module is.
  http::RouteOptions pub{true};
  r.get("/api/v1/public/layanan/offices", public_offices_route, pub);
  r.get("/api/v1/public/layanan/offices/{region}", public_office_route, pub);
  r.get("/api/v1/public/layanan/forms", public_forms, pub);
  r.post("/api/v1/public/layanan/files", public_upload, {true, "", true});
  r.post("/api/v1/public/layanan/requests", public_submit, pub);
  r.post("/api/v1/public/layanan/track", public_track, pub);
  r.post("/api/v1/public/layanan/track/actions", public_action, pub);
  r.post("/api/v1/public/layanan/track/survey", public_survey, pub);
  r.post("/api/v1/public/layanan/track/letter", public_letter, pub);

  r.get("/api/v1/services/cases", queue_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/cases", counter_submit, {false, auth::kRecordWrite});
  r.get("/api/v1/services/cases/{id}", case_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/cases/{id}/steps", step_route, {false, auth::kRecordWrite});
  r.patch("/api/v1/services/cases/{id}/documents/{type}", verdict_route, {false, auth::kRecordReview});
  r.get("/api/v1/services/cases/{id}/files/{file_id}", case_file_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/cases/{id}/letter", staff_letter, {false, auth::kRecordRead});
  r.post("/api/v1/services/cases/{id}/dispute", dispute_route, {false, auth::kRecordWrite});
  r.patch("/api/v1/services/disputes/{id}", advance_dispute_route, {false, auth::kRecordWrite});
  r.get("/api/v1/services/catalogue", services_route, {false, auth::kRecordRead});
  r.patch("/api/v1/services/catalogue/{id}", update_service_route, {false, auth::kRecordReview});
  r.get("/api/v1/services/catalogue/{id}/standards", standards_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/catalogue/{id}/standards", add_standard_route, {false, auth::kRecordReview});
  r.get("/api/v1/services/information", info_list_route, {false, auth::kRecordRead});
  r.post("/api/v1/services/information", add_info_route, {false, auth::kRecordWrite});
  r.del("/api/v1/services/information/{id}", delete_info_route, {false, auth::kRecordWrite});
  r.get("/api/v1/services/recap", recap_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/skm", skm_route, {false, auth::kRecordRead});
  r.get("/api/v1/services/ppid-report", ppid_route, {false, auth::kRecordRead});
}

}  // namespace pantau::services
