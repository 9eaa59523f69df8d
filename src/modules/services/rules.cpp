#include "modules/services/rules.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "auth/roles.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "report/indonesian.h"

namespace pantau::services {

namespace {

using auth::kRecordApprove;
using auth::kRecordReview;
using auth::kRecordWrite;

FieldError ferr(std::string_view f, std::string code, std::string id, std::string en) {
  return FieldError{std::string(f), std::move(code), {std::move(id), std::move(en)}};
}

// Decodes one UTF-8 code point at s[i]; returns its length or 0 when malformed.
size_t utf8_len(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return 0;
  if (n == 2 && c < 0xC2) return 0;  // overlong
  return n;
}

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::string random_crockford(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += kCrockford[randombytes_uniform(32)];
  return out;
}

}  // namespace

// The workflows. Read a row as: in `from`, `action` by `actor` leads to `to`.
const std::vector<Transition>& transitions() {
  static const std::vector<Transition> t = {
      // Public-information request (UU 14/2008 Art. 22): answer in 10 working days, once extended by 7.
      {kInfoRequest, "RECEIVED", "EXTEND", "EXTENDED", Actor::Staff, kRecordWrite},
      {kInfoRequest, "RECEIVED", "ANSWER", "ANSWERED", Actor::Staff, kRecordReview, true},
      {kInfoRequest, "EXTENDED", "ANSWER", "ANSWERED", Actor::Staff, kRecordReview, true},
      // Objection to the atasan PPID (Art. 35-36): decided in writing within 30 working days.
      {kInfoObjection, "RECEIVED", "DECIDE", "DECIDED", Actor::Staff, kRecordApprove, true},
      // Complaint: acknowledged, processed, answered; may wait for the complainant; escalation
      // to the Ombudsman is marked as a status of its own.
      {kComplaint, "RECEIVED", "ACKNOWLEDGE", "ACKNOWLEDGED", Actor::Staff, kRecordWrite},
      {kComplaint, "ACKNOWLEDGED", "PROCESS", "IN_PROCESS", Actor::Staff, kRecordWrite},
      {kComplaint, "IN_PROCESS", "ASK_APPLICANT", "WAITING_APPLICANT", Actor::Staff, kRecordWrite, false, true},
      {kComplaint, "WAITING_APPLICANT", "COMPLETE", "IN_PROCESS", Actor::Applicant, "", false, false, true},
      {kComplaint, "ACKNOWLEDGED", "ANSWER", "ANSWERED", Actor::Staff, kRecordReview, true},
      {kComplaint, "IN_PROCESS", "ANSWER", "ANSWERED", Actor::Staff, kRecordReview, true},
      {kComplaint, "ANSWERED", "CLOSE", "CLOSED", Actor::Staff, kRecordWrite},
      {kComplaint, "RECEIVED", "ESCALATE", "ESCALATED_OMBUDSMAN", Actor::Staff, kRecordWrite},
      {kComplaint, "ACKNOWLEDGED", "ESCALATE", "ESCALATED_OMBUDSMAN", Actor::Staff, kRecordWrite},
      {kComplaint, "IN_PROCESS", "ESCALATE", "ESCALATED_OMBUDSMAN", Actor::Staff, kRecordWrite},
      {kComplaint, "ANSWERED", "ESCALATE", "ESCALATED_OMBUDSMAN", Actor::Staff, kRecordWrite},
      {kComplaint, "ESCALATED_OMBUDSMAN", "ANSWER", "ANSWERED", Actor::Staff, kRecordReview, true},
      {kComplaint, "ESCALATED_OMBUDSMAN", "CLOSE", "CLOSED", Actor::Staff, kRecordWrite},
      // Research permit (DOMAIN.md §6.4): documents checked one by one, returned for completion
      // (the clock waits), impact assessment, then the letter or a refusal with reasons.
      {kResearchPermit, "SUBMITTED", "START_CHECK", "DOCUMENT_CHECK", Actor::Staff, kRecordWrite},
      {kResearchPermit, "DOCUMENT_CHECK", "RETURN_INCOMPLETE", "RETURNED_INCOMPLETE", Actor::Staff, kRecordWrite, false, true},
      {kResearchPermit, "RETURNED_INCOMPLETE", "COMPLETE", "DOCUMENT_CHECK", Actor::Applicant, "", false, false, true},
      {kResearchPermit, "DOCUMENT_CHECK", "DOCUMENTS_OK", "IMPACT_ASSESSMENT", Actor::Staff, kRecordReview},
      {kResearchPermit, "IMPACT_ASSESSMENT", "ISSUE", "ISSUED", Actor::Staff, kRecordApprove, true},
      {kResearchPermit, "IMPACT_ASSESSMENT", "REJECT", "REJECTED", Actor::Staff, kRecordApprove, true},
      {kResearchPermit, "ISSUED", "REPORT_RESULT", "RESULT_REPORTED", Actor::Applicant, ""},
      {kResearchPermit, "ISSUED", "RECORD_RESULT", "RESULT_REPORTED", Actor::Staff, kRecordWrite},
      {kResearchPermit, "RESULT_REPORTED", "CLOSE", "CLOSED", Actor::Staff, kRecordWrite},
  };
  return t;
}

std::string_view initial_status(std::string_view kind) { return kind == kResearchPermit ? "SUBMITTED" : "RECEIVED"; }

const Transition* find_transition(std::string_view kind, std::string_view from, std::string_view action) {
  for (const auto& t : transitions())
    if (t.kind == kind && t.from == from && t.action == action) return &t;
  return nullptr;
}

bool dispute_step_allowed(std::string_view from, std::string_view to) {
  static const std::vector<std::pair<std::string_view, std::string_view>> steps = {
      {"REGISTERED", "MEDIATION"},   {"REGISTERED", "ADJUDICATION"}, {"MEDIATION", "ADJUDICATION"},
      {"MEDIATION", "DECIDED"},      {"ADJUDICATION", "DECIDED"},    {"DECIDED", "APPEALED"}};
  for (auto& [f, t] : steps)
    if (f == from && t == to) return true;
  return false;
}

const std::vector<DocumentType>& document_types() {
  static const std::vector<DocumentType> d = {
      {"APPLICATION_LETTER", {"Surat permohonan dari lembaga/penanggung jawab", "Application letter from the institution"}},
      {"PROPOSAL", {"Proposal penelitian berbahasa Indonesia", "Research proposal in Indonesian"}},
      {"STATEMENT", {"Surat pernyataan bermeterai (taat hukum, keabsahan dokumen)", "Stamped statement (obey the law, valid documents)"}},
      {"IDENTITY", {"KTP/paspor peneliti atau ketua tim", "Identity card or passport of the researcher or team leader"}},
      {"PHOTO", {"Pas foto berwarna 4x6", "Colour photo 4x6"}},
      {"LEGAL_ENTITY", {"Pengesahan badan hukum / SKT", "Legal-entity approval / SKT"}},
      {"BRIN_PERMIT", {"Izin penelitian dari BRIN (peneliti asing)", "Research permit from BRIN (foreign researchers)"}},
  };
  return d;
}

std::vector<std::string_view> required_documents(std::string_view applicant_type, bool foreign) {
  std::vector<std::string_view> out = {"APPLICATION_LETTER", "PROPOSAL", "STATEMENT", "IDENTITY", "PHOTO"};
  if (applicant_type == "COMPANY" || applicant_type == "ORMAS_NON_BH" || applicant_type == "ORMAS_BH")
    out.push_back("LEGAL_ENTITY");
  if (foreign) out.push_back("BRIN_PERMIT");
  return out;
}

const std::array<StandardComponent, 14>& standard_components() {
  static const std::array<StandardComponent, 14> c = {{
      {"legal_basis", {"Dasar hukum", "Legal basis"}, false},
      {"requirements", {"Persyaratan", "Requirements"}, true},
      {"procedure", {"Sistem, mekanisme, dan prosedur", "System, mechanism and procedure"}, true},
      {"completion_time", {"Jangka waktu penyelesaian", "Completion time"}, true},
      {"cost", {"Biaya/tarif", "Cost/tariff"}, true},
      {"product", {"Produk pelayanan", "Service product"}, true},
      {"facilities", {"Sarana, prasarana, dan/atau fasilitas", "Facilities and infrastructure"}, false},
      {"staff_competence", {"Kompetensi pelaksana", "Staff competence"}, false},
      {"internal_supervision", {"Pengawasan internal", "Internal supervision"}, false},
      {"complaints", {"Penanganan pengaduan, saran, dan masukan", "Handling of complaints, suggestions and input"}, true},
      {"staff_count", {"Jumlah pelaksana", "Number of staff"}, false},
      {"service_guarantee", {"Jaminan pelayanan", "Service guarantee"}, false},
      {"security_guarantee", {"Jaminan keamanan dan keselamatan pelayanan", "Security and safety guarantee"}, false},
      {"performance_evaluation", {"Evaluasi kinerja pelaksana", "Performance evaluation of staff"}, false},
  }};
  return c;
}

const std::array<Message, kSkmElements>& skm_elements() {
  static const std::array<Message, kSkmElements> e = {{
      {"Persyaratan", "Requirements"},
      {"Sistem, mekanisme, dan prosedur", "System, mechanism and procedure"},
      {"Waktu penyelesaian", "Completion time"},
      {"Biaya/tarif", "Cost/tariff"},
      {"Produk spesifikasi jenis pelayanan", "Service product"},
      {"Kompetensi pelaksana", "Staff competence"},
      {"Perilaku pelaksana", "Staff behaviour"},
      {"Penanganan pengaduan, saran, dan masukan", "Handling of complaints, suggestions and input"},
      {"Sarana dan prasarana", "Facilities"},
  }};
  return e;
}

std::optional<std::string> clean_text(std::string_view field, std::string_view value, bool required, size_t max_len,
                                      bool multiline, std::vector<FieldError>& errs) {
  std::string v = trim(value);
  if (v.empty()) {
    if (required) errs.push_back(ferr(field, "required", "Wajib diisi.", "Required."));
    return v;
  }
  if (v.size() > max_len) {
    errs.push_back(ferr(field, "too_long", "Terlalu panjang (paling banyak " + std::to_string(max_len) + " karakter).",
                        "Too long (at most " + std::to_string(max_len) + " characters)."));
    return std::nullopt;
  }
  for (size_t i = 0; i < v.size();) {
    auto c = static_cast<unsigned char>(v[i]);
    size_t n = utf8_len(v, i);
    bool control = c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'));
    if (n == 0 || control || c == 0x7F) {
      errs.push_back(ferr(field, "invalid_text", "Berisi karakter yang tidak diizinkan.", "Contains characters that are not allowed."));
      return std::nullopt;
    }
    i += n;
  }
  return v;
}

bool valid_contact(std::string_view c) {
  if (c.size() < 6 || c.size() > 200) return false;
  auto at = c.find('@');
  if (at != std::string_view::npos) {
    auto dot = c.find('.', at);
    return at > 0 && dot != std::string_view::npos && dot + 1 < c.size() && c.find_first_of(" <>\"'\\,;") == std::string_view::npos &&
           c.find('@', at + 1) == std::string_view::npos;
  }
  std::string digits;
  for (size_t i = 0; i < c.size(); ++i) {
    char ch = c[i];
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (ch == '+' && i == 0) continue;
    else if (ch != ' ' && ch != '-') return false;
  }
  bool local = digits.rfind("08", 0) == 0, intl = c[0] == '+' && digits.rfind("62", 0) == 0;
  return (local || intl) && digits.size() >= 9 && digits.size() <= 15;
}

bool valid_lapor_ref(std::string_view r) {
  if (r.size() < 6 || r.size() > 20) return false;
  for (char c : r)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string_view reg_prefix(std::string_view kind) {
  if (kind == kInfoRequest) return "PPID";
  if (kind == kInfoObjection) return "KEB";
  if (kind == kComplaint) return "ADU";
  return "SKP";
}

std::string new_reg_no(std::string_view kind, int year) {
  std::string r = random_crockford(8);
  return std::string(reg_prefix(kind)) + "-" + std::to_string(year) + "-" + r.substr(0, 4) + "-" + r.substr(4);
}

std::string normalize_reg_no(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return "";
    out += c;
  }
  return out.size() >= 10 && out.size() <= 24 ? out : "";
}

std::string new_secret() { return random_crockford(12); }

std::string secret_hash(std::string_view secret) {
  std::string up;
  for (char c : secret) {
    if (c == ' ' || c == '-') continue;
    up += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return sha256_hex("pantau-layanan:" + up);
}

char skm_band(double index) {
  if (index >= 88.31) return 'A';
  if (index >= 76.61) return 'B';
  if (index >= 65.00) return 'C';
  return 'D';
}

Message skm_band_label(char band) {
  switch (band) {
    case 'A': return {"Sangat Baik", "Very good"};
    case 'B': return {"Baik", "Good"};
    case 'C': return {"Kurang Baik", "Less good"};
    case 'D': return {"Tidak Baik", "Poor"};
    default: return {"Belum ada responden", "No respondents yet"};
  }
}

SkmResult skm_index(const std::vector<std::array<int, kSkmElements>>& answers) {
  SkmResult r;
  r.respondents = static_cast<int>(answers.size());
  if (answers.empty()) {
    r.band_label = skm_band_label('-');
    return r;
  }
  std::array<int64_t, kSkmElements> sum{};
  for (const auto& a : answers)
    for (int i = 0; i < kSkmElements; ++i) sum[static_cast<size_t>(i)] += a[static_cast<size_t>(i)];
  // IKM = sum over elements of (NRR x 1/9) x 25: every element weighs the same.
  double weighted = 0;
  for (size_t i = 0; i < kSkmElements; ++i) {
    r.element_mean[i] = static_cast<double>(sum[i]) / static_cast<double>(answers.size());
    weighted += r.element_mean[i] / kSkmElements;
  }
  r.index = std::round(weighted * 25.0 * 100.0) / 100.0;
  r.band = skm_band(r.index);
  r.band_label = skm_band_label(r.band);
  return r;
}

int percentile(const std::map<int, int64_t>& h, int p) {
  int64_t n = 0;
  for (auto& [v, c] : h) n += c;
  if (n == 0) return -1;
  // Nearest rank: the smallest value with at least ceil(p/100 * n) values at or below it.
  int64_t rank = (static_cast<int64_t>(p) * n + 99) / 100;
  if (rank < 1) rank = 1;
  int64_t seen = 0;
  for (auto& [v, c] : h) {
    seen += c;
    if (seen >= rank) return v;
  }
  return h.rbegin()->first;
}

std::vector<std::string> unsettled_documents(const std::vector<std::string_view>& required,
                                             const std::map<std::string, std::string>& verdicts) {
  std::vector<std::string> out;
  for (auto code : required) {
    auto it = verdicts.find(std::string(code));
    if (it == verdicts.end() || (it->second != "OK" && it->second != "NOT_APPLICABLE")) out.emplace_back(code);
  }
  return out;
}

Date result_report_due(std::optional<Date> period_end, Date issued, int working_days, const WorkingDayCalendar& cal) {
  Date from = issued;
  if (period_end && days_from_civil(*period_end) > days_from_civil(issued)) from = *period_end;
  return cal.add_working_days(from, std::max(0, working_days));
}

bool result_report_overdue(Date due, Date today, std::string_view status) {
  return status == "ISSUED" && days_from_civil(today) > days_from_civil(due);
}

std::string result_report_condition(const std::optional<Date>& due) {
  std::string when = due ? "paling lambat tanggal " + report::tanggal_indonesia(*due) : "paling lambat satu bulan setelah penelitian selesai";
  return "(3) menyampaikan laporan hasil penelitian kepada Badan Kesatuan Bangsa dan Politik " + when + ".";
}

}  // namespace pantau::services
