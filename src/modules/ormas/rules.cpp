#include "modules/ormas/rules.h"

#include <algorithm>
#include <array>

#include "core/region_code.h"

namespace pantau::ormas {

namespace {

constexpr std::array<std::string_view, 9> kRegNames = {"SUBMITTED", "UNDER_VERIFICATION", "INCOMPLETE_NOTIFIED", "RESUBMITTED",
                                                       "INCOMPLETE_EXPIRED", "CLOSED", "APPROVED", "RECEIPT_ISSUED", "REFUSED"};

FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}

bool one_of(const std::vector<std::string_view>& set, std::string_view v) { return std::find(set.begin(), set.end(), v) != set.end(); }

Error refused(std::string id, std::string en) { return Error::conflict("ormas.transition", std::move(id), std::move(en)); }

}  // namespace

std::string_view name(RegState s) { return kRegNames[static_cast<size_t>(s)]; }

std::optional<RegState> parse_reg_state(std::string_view s) {
  for (size_t i = 0; i < kRegNames.size(); ++i)
    if (kRegNames[i] == s) return static_cast<RegState>(i);
  return std::nullopt;
}

std::string_view name(SktState s) {
  static constexpr std::array<std::string_view, 5> n = {"NONE", "ACTIVE", "EXPIRING_90", "EXPIRING_30", "EXPIRED"};
  return n[static_cast<size_t>(s)];
}

Result<RegState> reg_transition(RegState from, std::string_view action, const RegFacts& f) {
  using S = RegState;
  if (action == "verify" && (from == S::Submitted || from == S::Resubmitted)) return S::UnderVerification;
  if (action == "notify_incomplete" && from == S::UnderVerification) {
    if (!f.any_not_valid)
      return refused("Semua dokumen wajib sudah sah; tidak ada yang perlu dilengkapi.",
                     "Every required document is valid; nothing needs completing.");
    return S::IncompleteNotified;
  }
  if (action == "resubmit" && from == S::IncompleteNotified) return S::Resubmitted;
  if (action == "expire" && from == S::IncompleteNotified) {
    if (!f.completion_overdue)
      return refused("Batas waktu melengkapi dokumen belum lewat.", "The deadline to complete the documents has not passed.");
    return S::IncompleteExpired;
  }
  if (action == "close" && from == S::IncompleteExpired) return S::Closed;
  if (action == "approve" && from == S::UnderVerification) {
    if (!f.all_required_valid)
      return refused("Belum semua dokumen wajib dinyatakan sah.", "Not every required document has been judged valid.");
    return S::Approved;
  }
  if (action == "issue_receipt" && from == S::Approved) return S::ReceiptIssued;
  if (action == "refuse" && from == S::UnderVerification) return S::Refused;
  return refused("Tindakan ini tidak dapat dilakukan pada tahap " + std::string(name(from)) + ".",
                 "This action is not possible at stage " + std::string(name(from)) + ".");
}

Date add_years(Date d, int n) {
  Date out{d.year + n, d.month, d.day};
  bool leap = (out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0;
  if (out.month == 2 && out.day == 29 && !leap) out.day = 28;
  return out;
}

Date skt_expiry(Date issued, int years) { return add_years(issued, years); }

SktState skt_state(std::optional<Date> expiry, Date today, int first, int second) {
  if (!expiry) return SktState::None;
  int64_t left = days_from_civil(*expiry) - days_from_civil(today);
  if (left < 0) return SktState::Expired;
  if (left <= second) return SktState::Expiring30;
  if (left <= first) return SktState::Expiring90;
  return SktState::Active;
}

Date working_due(const WorkingDayCalendar& cal, Date start, int n) { return cal.add_working_days(start, n); }

int working_days_left(const WorkingDayCalendar& cal, Date today, Date due) {
  return due >= today ? cal.working_days_between(today, due) : -cal.working_days_between(due, today);
}

Date annual_report_due(int year, int days_after) { return civil_from_days(days_from_civil(Date{year, 12, 31}) + days_after); }

std::vector<SanctionStep> ladder_on(const std::vector<SanctionStep>& all, Date on) {
  std::vector<SanctionStep> out;
  for (auto& s : all)
    if (s.effective_from <= on && (!s.effective_to || on <= *s.effective_to)) out.push_back(s);
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.step < b.step; });
  return out;
}

Result<SanctionStep> next_sanction(const std::vector<SanctionStep>& ladder, const std::vector<IssuedSanction>& issued,
                                   const std::string& level, bool grave) {
  if (ladder.empty())
    return Error::conflict("ormas.no_ladder", "Tidak ada tahapan sanksi yang berlaku pada tanggal ini.",
                           "No sanction ladder is in force on this date.");
  int last = 0;
  bool last_complied = false;
  for (auto& s : issued)
    if (s.step >= last) {
      last = s.step;
      last_complied = s.complied;
    }
  if (last > 0 && ladder.back().step <= last)
    return Error::conflict("ormas.ladder_finished", "Tahapan sanksi sudah sampai akhir.", "The sanction ladder is finished.");
  if (last > 0 && last_complied)
    return Error::conflict("ormas.complied", "Sanksi terakhir sudah dipatuhi; tahap berikutnya tidak dapat dijatuhkan.",
                           "The last sanction was complied with; the next step cannot be imposed.");
  // The gravest prohibitions allow revocation at once.
  if (grave && level == "REVOCATION") return ladder.back();
  for (auto& s : ladder)
    if (s.step > last) {
      if (s.level != level)
        return Error::invalid_field("level", "out_of_order",
                                    "Tahap sanksi berikutnya adalah " + s.level + " (" + s.legal_basis + ").",
                                    "The next sanction step is " + s.level + " (" + s.legal_basis + ").");
      return s;
    }
  return Error::conflict("ormas.ladder_finished", "Tahapan sanksi sudah sampai akhir.", "The sanction ladder is finished.");
}

std::optional<Date> compliance_due(const SanctionStep& s, Date issued, const WorkingDayCalendar& cal) {
  if (s.response_value <= 0) return std::nullopt;
  if (s.response_unit == "WORKING_DAYS") return cal.add_working_days(issued, s.response_value);
  return civil_from_days(days_from_civil(issued) + s.response_value);
}

std::vector<FieldError> validate_ormas(const OrmasFacts& o, Date today) {
  std::vector<FieldError> e;
  if (o.name.empty() || o.name.size() > 300) e.push_back(field("name", "required", "Nama ormas wajib diisi (paling panjang 300 huruf).", "The name is required (at most 300 characters)."));
  if (!one_of(kLegalForms, o.legal_form)) e.push_back(field("legal_form", "not_allowed", "Pilih bentuk: perkumpulan berbadan hukum, yayasan, atau tidak berbadan hukum.", "Choose the legal form: association, foundation or without legal entity."));
  if (!one_of(kScopes, o.scope_level)) e.push_back(field("scope_level", "not_allowed", "Pilih lingkup: nasional, provinsi, atau kabupaten/kota.", "Choose the scope: national, provincial or district."));
  auto level = region_level(o.region_code);
  if (o.region_code.empty() || level == RegionLevel::Invalid) e.push_back(field("region_code", "region_code", "Kode wilayah sekretariat tidak valid.", "The secretariat's region code is not valid."));
  for (auto& f : o.fields)
    if (!one_of(kFields, f)) {
      e.push_back(field("fields", "not_allowed", "Bidang kegiatan tidak dikenal: " + f + ".", "Unknown field of activity: " + f + "."));
      break;
    }
  if (o.legal_form != "NON_BH" && one_of(kLegalForms, o.legal_form) && o.ahu_decree_no.empty())
    e.push_back(field("ahu_decree_no", "required", "Ormas berbadan hukum memerlukan nomor SK pengesahan Kemenkumham (AHU).", "An ormas with legal entity needs its AHU decree number."));
  if (!o.skt_no.empty() && !o.skt_issue_date) e.push_back(field("skt_issue_date", "required", "Tanggal terbit SKT wajib diisi bila nomor SKT ada.", "The SKT issue date is required with an SKT number."));
  if (o.skt_issue_date && *o.skt_issue_date > today) e.push_back(field("skt_issue_date", "future", "Tanggal terbit SKT di masa depan.", "The SKT issue date lies in the future."));
  if (o.founding_date && *o.founding_date > today) e.push_back(field("founding_date", "future", "Tanggal pendirian di masa depan.", "The founding date lies in the future."));
  if (!o.npwp.empty()) {
    std::string digits;
    for (char ch : o.npwp)
      if (ch >= '0' && ch <= '9') digits += ch;
      else if (ch != '.' && ch != '-' && ch != ' ') digits = "x";
    if (digits.size() != 15 && digits.size() != 16) e.push_back(field("npwp", "format", "NPWP harus 15 atau 16 angka.", "The NPWP must have 15 or 16 digits."));
  }
  if (!o.email.empty() && (o.email.find('@') == std::string::npos || o.email.size() > 200)) e.push_back(field("email", "format", "Alamat surel tidak valid.", "The e-mail address is not valid."));
  return e;
}

}  // namespace pantau::ormas
