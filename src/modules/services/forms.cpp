// The request form of the service desk (the portal's and the counter's), and the public files.
#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "http/handler.h"
#include "modules/services/routes.h"
#include "modules/services/rules.h"

namespace pantau::services {

using http::Ctx;
using http::Response;

namespace fs = std::filesystem;

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

namespace {

// One problem per field (the reader and the text checks may both object to the same value).
std::vector<FieldError> first_per_field(const std::vector<FieldError>& errs) {
  std::vector<FieldError> out;
  for (const auto& e : errs)
    if (std::none_of(out.begin(), out.end(), [&](const FieldError& x) { return x.field == e.field; })) out.push_back(e);
  return out;
}

}  // namespace

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

// An issued letter, streamed from its content address in the public files.
Response letter_file(Ctx& ctx, const std::optional<std::string>& sha, std::string_view name) {
  if (!sha) return Error::not_found("Surat belum terbit.", "No letter has been issued yet.");
  Response r = http::attachment("", "application/pdf", name);
  r.file_path = public_path(ctx, *sha);
  return r;
}

}  // namespace pantau::services
