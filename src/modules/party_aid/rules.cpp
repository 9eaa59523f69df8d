#include "modules/party_aid/rules.h"

#include <algorithm>

#include "core/region_code.h"
#include "core/strings.h"

namespace pantau::party_aid {

namespace {

// 128-bit intermediate products: votes x sen x months never overflows.
__extension__ using Int128 = __int128;

template <class E>
std::string_view name_in(const std::vector<std::string_view>& names, E e) {
  return names[static_cast<size_t>(e)];
}

template <class E>
std::optional<E> parse_in(const std::vector<std::string_view>& names, std::string_view s) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

Error not_allowed(AppState from, AppAction action) {
  return Error::conflict("banpol.transition_not_allowed",
                         "Langkah " + std::string(name(action)) +
                             " tidak dapat dilakukan pada status " + std::string(name(from)) + ".",
                         "The step " + std::string(name(action)) + " is not possible in state " +
                             std::string(name(from)) + ".");
}

}  // namespace

std::string_view name(Rounding r) { return name_in(kRoundings, r); }
std::optional<Rounding> parse_rounding(std::string_view s) {
  return parse_in<Rounding>(kRoundings, s);
}

std::string_view name(Stage s) {
  switch (s) {
    case Stage::Single:
      return "SINGLE";
    case Stage::OldPeriod:
      return "STAGE1_OLD";
    case Stage::NewPeriod:
      return "STAGE2_NEW";
  }
  return "SINGLE";
}

std::string_view name(Outcome o) {
  switch (o) {
    case Outcome::Eligible:
      return "ELIGIBLE";
    case Outcome::OnHold:
      return "ON_HOLD";
    case Outcome::Refused:
      return "REFUSED";
  }
  return "REFUSED";
}

std::string_view name(AppState s) { return name_in(kAppStates, s); }
std::string_view name(AppAction a) { return name_in(kAppActions, a); }
std::optional<AppState> parse_app_state(std::string_view s) {
  return parse_in<AppState>(kAppStates, s);
}
std::optional<AppAction> parse_app_action(std::string_view s) {
  return parse_in<AppAction>(kAppActions, s);
}

std::string_view name(LpjStage s) {
  switch (s) {
    case LpjStage::InUse:
      return "IN_USE";
    case LpjStage::SubmittedToBpk:
      return "LPJ_SUBMITTED_TO_BPK";
    case LpjStage::AuditedByBpk:
      return "AUDITED_BY_BPK";
    case LpjStage::LhpReceived:
      return "LHP_RECEIVED";
    case LpjStage::SubmittedToGovernment:
      return "LPJ_SUBMITTED_TO_PEMDA";
  }
  return "IN_USE";
}

std::optional<std::string> chamber_of(std::string_view region_code) {
  switch (region_level(region_code)) {
    case RegionLevel::National:
      return "DPR";
    case RegionLevel::Provinsi:
      return "DPRD_PROVINSI";
    case RegionLevel::KabKota:
      return "DPRD_KABKOTA";
    default:
      return std::nullopt;
  }
}

std::optional<int64_t> parse_value_sen(std::string_view text) {
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 12 || frac.size() > 2 ||
      (dot != std::string_view::npos && frac.empty()))
    return std::nullopt;
  int64_t v = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  int64_t sen = 0;
  for (size_t i = 0; i < 2; ++i) {
    char c = i < frac.size() ? frac[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    sen = sen * 10 + (c - '0');
  }
  int64_t out = v * 100 + sen;
  if (out <= 0) return std::nullopt;
  return out;
}

std::string format_value(int64_t value_sen) {
  std::string s = std::to_string(value_sen / 100);
  int64_t sen = value_sen % 100;
  if (sen == 0) return s;
  return s + (sen < 10 ? ".0" : ".") + std::to_string(sen);
}

int64_t aid_amount(int64_t votes, int64_t value_sen, int months, Rounding mode,
                   std::string* applied) {
  // votes x sen x months / (100 sen x 12 months), in 128 bits: no intermediate overflow.
  Int128 n = static_cast<Int128>(votes) * value_sen * months;
  constexpr Int128 d = 1200;
  bool exact = n % d == 0;
  if (applied) *applied = exact ? "EXACT" : std::string(name(mode));
  if (exact || mode == Rounding::Floor) return static_cast<int64_t>(n / d);
  return static_cast<int64_t>((n + d / 2) / d);
}

MonthSplit split_months(Date inauguration) {
  MonthSplit s;
  s.months_new = 12 - inauguration.month + (inauguration.day <= 15 ? 1 : 0);
  s.months_old = 12 - s.months_new;
  return s;
}

namespace {

void add_lines(Allocation& a, const std::vector<PartyVotes>& results, Stage stage,
               int64_t value_sen, int months, Rounding mode) {
  for (const auto& r : results) {
    if (r.seats < 1) continue;  // votes without a seat give no aid
    AllocationLine l;
    l.party_number = r.party_number;
    l.abbreviation = r.abbreviation;
    l.stage = stage;
    l.votes = r.votes;
    l.seats = r.seats;
    l.value_sen = value_sen;
    l.months = months;
    if (r.votes) {
      l.amount = aid_amount(*r.votes, value_sen, months, mode, &l.rounding);
      a.total += *l.amount;
    } else {
      ++a.lines_missing_votes;
    }
    a.lines.push_back(std::move(l));
  }
}

}  // namespace

Allocation allocate(const std::vector<PartyVotes>& results, int64_t value_sen, Rounding mode) {
  Allocation a;
  add_lines(a, results, Stage::Single, value_sen, 12, mode);
  return a;
}

Allocation allocate_transition(const std::vector<PartyVotes>& old_results,
                               const std::vector<PartyVotes>& new_results, int64_t value_sen,
                               Date inauguration, Rounding mode) {
  Allocation a;
  MonthSplit m = split_months(inauguration);
  a.months_old = m.months_old;
  a.months_new = m.months_new;
  if (m.months_old > 0) add_lines(a, old_results, Stage::OldPeriod, value_sen, m.months_old, mode);
  if (m.months_new > 0) add_lines(a, new_results, Stage::NewPeriod, value_sen, m.months_new, mode);
  return a;
}

Status check_vote_value(const VoteValueFacts& f) {
  std::vector<FieldError> errs;
  auto err = [&](std::string field, std::string code, std::string id, std::string en) {
    errs.push_back({std::move(field), std::move(code), {std::move(id), std::move(en)}});
  };
  bool legacy = f.basis == "LEGACY_FORMULA";
  if (legacy) {
    if (f.fiscal_year > 2018)
      err("basis", "legacy_after_2018",
          "Rumus lama hanya untuk tahun anggaran sampai 2018 (sebelum PP 1/2018).",
          "The legacy formula applies to fiscal years up to 2018 only (before PP 1/2018).");
  } else if (!f.default_sen) {
    err("basis", "no_default",
        "Tidak ada nilai standar PP 1/2018 untuk tahun ini; gunakan LEGACY_FORMULA.",
        "No PP 1/2018 default exists for this year; use LEGACY_FORMULA.");
  } else if (f.basis == "DEFAULT_PP_1_2018") {
    if (f.value_sen != *f.default_sen)
      err("value_per_vote", "not_default",
          "Nilai standar PP 1/2018 untuk tingkat ini adalah Rp " + format_value(*f.default_sen) +
              " per suara.",
          "The PP 1/2018 default for this tier is Rp " + format_value(*f.default_sen) +
              " per vote.");
  } else if (f.value_sen <= *f.default_sen) {
    err("value_per_vote", "not_above_default",
        "Nilai ini harus di atas nilai standar Rp " + format_value(*f.default_sen) + ".",
        "This basis needs a value above the default of Rp " + format_value(*f.default_sen) + ".");
  }
  if (f.basis == "APPROVED_INCREASE" && f.approval_letter_no.empty())
    err("approval_letter_no", "required", "Sebutkan nomor surat persetujuan Menteri Dalam Negeri.",
        "Give the number of the Minister of Home Affairs' approval letter.");
  if (f.election_year > f.fiscal_year)
    err("election_year", "after_fiscal_year",
        "Pemilu yang dipakai harus sebelum atau pada tahun anggaran.",
        "The election used must be before or in the fiscal year.");
  if (f.inauguration) {
    if (f.inauguration->year != f.fiscal_year)
      err("inauguration_date", "other_year", "Tanggal pelantikan harus pada tahun anggaran.",
          "The inauguration date must lie in the fiscal year.");
    if (!f.previous_election_year)
      err("previous_election_year", "required",
          "Tahun transisi memerlukan pemilu periode sebelumnya.",
          "A transition year needs the old DPRD's election.");
    else if (*f.previous_election_year >= f.election_year)
      err("previous_election_year", "not_before", "Pemilu periode sebelumnya harus lebih awal.",
          "The old DPRD's election must be the earlier one.");
  } else if (f.previous_election_year) {
    err("inauguration_date", "required", "Tahun transisi memerlukan tanggal pelantikan DPRD baru.",
        "A transition year needs the new DPRD's inauguration date.");
  }
  if (!errs.empty()) return Error::invalid(std::move(errs));
  return {};
}

Result<UsageCheck> check_usage_plan(const std::vector<UsageLine>& lines, int min_percent,
                                    std::optional<int64_t> expected_total) {
  std::vector<FieldError> errs;
  UsageCheck c;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    std::string at = "lines[" + std::to_string(i) + "]";
    if (l.amount <= 0)
      errs.push_back({at + ".amount",
                      "not_positive",
                      {"Jumlah harus lebih dari nol.", "The amount must be above zero."}});
    if (l.category == "POLITICAL_EDUCATION")
      c.political_education += std::max<int64_t>(l.amount, 0);
    else if (l.category == "OPERATIONAL")
      c.operational += std::max<int64_t>(l.amount, 0);
    else
      errs.push_back({at + ".category",
                      "not_allowed",
                      {"Pilih POLITICAL_EDUCATION atau OPERATIONAL.",
                       "Choose POLITICAL_EDUCATION or OPERATIONAL."}});
  }
  c.total = c.political_education + c.operational;
  if (lines.empty() || c.total == 0)
    errs.push_back(
        {"lines",
         "required",
         {"Rencana penggunaan belum berisi kegiatan.", "The usage plan has no activities yet."}});
  if (!errs.empty()) return Error::invalid(std::move(errs));
  c.share_basis_points = c.political_education * 10000 / c.total;
  c.meets_minimum = c.political_education * 100 >= static_cast<int64_t>(min_percent) * c.total;
  if (expected_total && c.total != *expected_total)
    return Error::invalid_field(
        "lines", "total_mismatch",
        "Jumlah rencana penggunaan harus sama dengan bantuan yang "
        "ditetapkan (Rp " +
            std::to_string(*expected_total) + ").",
        "The plan must add up to the determined aid (Rp " + std::to_string(*expected_total) + ").");
  return c;
}

Eligibility check_eligibility(const EligibilityInput& in) {
  Eligibility e;
  auto refuse = [&](std::string code, std::string id, std::string en) {
    e.reasons.push_back(std::move(code));
    e.messages.push_back({std::move(id), std::move(en)});
  };
  if (in.seats < 1)
    refuse("no_seat", "Partai tidak memperoleh kursi di DPRD ini.",
           "The party holds no seat in this legislature.");
  switch (in.board) {
    case BoardState::None:
      refuse("no_board", "Belum ada kepengurusan partai yang tercatat untuk wilayah ini.",
             "No party board is recorded for this region.");
      break;
    case BoardState::Expired:
      refuse("board_expired", "Masa berlaku SK kepengurusan partai sudah berakhir.",
             "The party board's decree is no longer valid.");
      break;
    case BoardState::Disputed:
      refuse("board_disputed",
             "Kepengurusan partai sedang bersengketa; bantuan ditahan sampai ada putusan.",
             "The party board is disputed; aid is on hold until a decision.");
      break;
    case BoardState::Recognised:
      break;
  }
  if (in.previous_lpj == PreviousLpj::NotAudited)
    refuse("previous_lpj_not_audited",
           "Laporan pertanggungjawaban tahun sebelumnya belum diperiksa BPK.",
           "Last year's accountability report has not been audited by BPK.");
  if (in.sanction_active)
    refuse("sanction_active",
           "Partai dikenai sanksi karena terlambat atau tidak menyampaikan LPJ (PP 1/2018 "
           "Pasal 16).",
           "The party is sanctioned for a late or missing accountability report (PP 1/2018 "
           "Art. 16).");
  if (e.reasons.empty())
    e.outcome = Outcome::Eligible;
  else if (e.reasons.size() == 1 && e.reasons[0] == "board_disputed")
    e.outcome = Outcome::OnHold;
  else
    e.outcome = Outcome::Refused;
  return e;
}

Result<AppState> app_transition(AppState from, AppAction action, const TransitionFacts& f) {
  auto need_reason = [&]() -> Status {
    if (!f.has_reason)
      return Error::invalid_field("note", "required", "Sebutkan alasannya.", "Give the reason.");
    return {};
  };
  auto blocked = [&]() -> Status {
    if (f.sanction_active)
      return Error::conflict("banpol.sanction_active",
                             "Partai dikenai sanksi: bantuan tidak dapat ditetapkan atau "
                             "disalurkan sampai LPJ yang terlambat diperiksa BPK.",
                             "The party is sanctioned: aid cannot be determined or paid until "
                             "BPK has audited the overdue accountability report.");
    if (f.board_disputed)
      return Error::conflict("banpol.board_disputed",
                             "Kepengurusan partai bersengketa: bantuan ditahan.",
                             "The party board is disputed: aid is on hold.");
    return {};
  };
  switch (action) {
    case AppAction::StartCheck:
      if (from != AppState::Received) return not_allowed(from, action);
      return AppState::AdminCheck;
    case AppAction::Return:
      if (from != AppState::AdminCheck && from != AppState::VerificationScheduled)
        return not_allowed(from, action);
      PANTAU_CHECK(need_reason());
      return AppState::ReturnedIncomplete;
    case AppAction::Resubmit:
      if (from != AppState::ReturnedIncomplete) return not_allowed(from, action);
      return AppState::Received;
    case AppAction::ScheduleVerification:
      if (from != AppState::AdminCheck) return not_allowed(from, action);
      if (!f.documents_complete)
        return Error::conflict("banpol.documents_incomplete",
                               "Masih ada dokumen persyaratan yang belum diterima.",
                               "Some required documents have not been accepted yet.");
      return AppState::VerificationScheduled;
    case AppAction::Verify:
      if (from != AppState::VerificationScheduled) return not_allowed(from, action);
      if (!f.documents_complete)
        return Error::conflict("banpol.documents_incomplete",
                               "Masih ada dokumen persyaratan yang belum diterima.",
                               "Some required documents have not been accepted yet.");
      if (!f.usage_plan_ok)
        return Error::conflict("banpol.usage_plan_below_minimum",
                               "Rencana penggunaan belum memenuhi paling sedikit 60% untuk "
                               "pendidikan politik.",
                               "The usage plan does not give at least 60% to political "
                               "education.");
      return AppState::Verified;
    case AppAction::Reject:
      if (from != AppState::AdminCheck && from != AppState::VerificationScheduled &&
          from != AppState::Verified)
        return not_allowed(from, action);
      PANTAU_CHECK(need_reason());
      return AppState::Rejected;
    case AppAction::Determine:
      if (from != AppState::Verified) return not_allowed(from, action);
      PANTAU_CHECK(blocked());
      return AppState::Determined;
    case AppAction::RequestDisbursement:
      if (from != AppState::Determined) return not_allowed(from, action);
      PANTAU_CHECK(blocked());
      return AppState::DisbursementRequested;
    case AppAction::Disburse:
      if (from != AppState::DisbursementRequested) return not_allowed(from, action);
      PANTAU_CHECK(blocked());
      if (!f.has_sp2d)
        return Error::invalid_field("sp2d_no", "required", "Nomor dan tanggal SP2D wajib diisi.",
                                    "The SP2D number and date are required.");
      return AppState::Disbursed;
    case AppAction::Hold:
      if (from == AppState::OnHold || from == AppState::Rejected || from == AppState::Disbursed)
        return not_allowed(from, action);
      PANTAU_CHECK(need_reason());
      return AppState::OnHold;
    case AppAction::Release:
      if (from != AppState::OnHold || !f.held_from) return not_allowed(from, action);
      if (f.board_disputed)
        return Error::conflict("banpol.board_disputed", "Sengketa kepengurusan belum selesai.",
                               "The board dispute is not settled yet.");
      return *f.held_from;
  }
  return not_allowed(from, action);
}

std::vector<std::string> missing_documents(const std::vector<std::string>& required,
                                           const std::map<std::string, std::string>& verdicts) {
  std::vector<std::string> out;
  for (const auto& code : required) {
    auto it = verdicts.find(code);
    if (it == verdicts.end() || it->second != "ACCEPTED") out.push_back(code);
  }
  return out;
}

Date add_offset(Date d, const Offset& o) {
  if (o.unit == OffsetUnit::Months) {
    int m0 = d.month - 1 + o.value;
    int y = d.year + (m0 >= 0 ? m0 / 12 : (m0 - 11) / 12);
    int m = ((m0 % 12) + 12) % 12 + 1;
    return {y, m, std::min(d.day, days_in_month(y, m))};
  }
  return civil_from_days(days_from_civil(d) + o.value);
}

LpjStatus lpj_status(const LpjFacts& f, const LpjRule& rule, Date today) {
  LpjStatus s;
  Date year_end{f.fiscal_year, 12, 31};
  s.due_to_bpk = add_offset(year_end, rule.to_bpk);
  s.due_audit = add_offset(year_end, rule.audit);
  if (f.audited) s.due_lhp = add_offset(*f.audited, rule.lhp_to_party);
  if (f.lhp_received) s.due_to_government = add_offset(*f.lhp_received, rule.to_government);
  auto late = [&](const std::optional<Date>& done, Date due) {
    return done ? *done > due : today > due;
  };
  s.late_to_bpk = late(f.submitted_to_bpk, s.due_to_bpk);
  s.late_audit = late(f.audited, s.due_audit);
  if (s.due_lhp) s.late_lhp = late(f.lhp_received, *s.due_lhp);
  if (s.due_to_government)
    s.late_to_government = late(f.submitted_to_government, *s.due_to_government);
  s.sanction_active = s.late_to_bpk && !f.audited;
  if (f.submitted_to_government)
    s.stage = LpjStage::SubmittedToGovernment;
  else if (f.lhp_received)
    s.stage = LpjStage::LhpReceived;
  else if (f.audited)
    s.stage = LpjStage::AuditedByBpk;
  else if (f.submitted_to_bpk)
    s.stage = LpjStage::SubmittedToBpk;
  return s;
}

Status check_lpj_dates(const LpjFacts& f) {
  std::vector<FieldError> errs;
  auto step = [&](const char* field, const std::optional<Date>& d,
                  const std::optional<Date>& before, const char* before_field) {
    if (!d) return;
    if (d->year <= f.fiscal_year)
      errs.push_back({field,
                      "before_year_end",
                      {"Tanggal harus sesudah tahun anggaran berakhir.",
                       "The date must come after the end of the fiscal year."}});
    else if (before_field && !before)
      errs.push_back({field,
                      "step_missing",
                      {std::string("Isi dahulu ") + before_field + ".",
                       std::string("Fill in ") + before_field + " first."}});
    else if (before && *d < *before)
      errs.push_back({field,
                      "out_of_order",
                      {std::string("Tanggal tidak boleh sebelum ") + before_field + ".",
                       std::string("The date cannot come before ") + before_field + "."}});
  };
  step("submitted_to_bpk", f.submitted_to_bpk, std::nullopt, nullptr);
  step("audited", f.audited, f.submitted_to_bpk, "submitted_to_bpk");
  step("lhp_received", f.lhp_received, f.audited, "audited");
  step("submitted_to_government", f.submitted_to_government, f.lhp_received, "lhp_received");
  if (!errs.empty()) return Error::invalid(std::move(errs));
  return {};
}

std::optional<Offset> parse_offset(std::string_view text) {
  if (text.size() < 2 || text.size() > 4) return std::nullopt;
  char unit = text.back();
  int v = 0;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < 1) return std::nullopt;
  if (unit == 'M' && v <= 24) return Offset{v, OffsetUnit::Months};
  if (unit == 'D' && v <= 366) return Offset{v, OffsetUnit::CalendarDays};
  return std::nullopt;
}

std::string format_offset(const Offset& o) {
  return std::to_string(o.value) + (o.unit == OffsetUnit::Months ? "M" : "D");
}

std::vector<FieldError> check_verification_team(const VerificationTeam& team) {
  std::vector<FieldError> errs;
  if (team.members.empty() || team.members.size() > 30)
    errs.push_back({"members", "count", {"Isi 1 sampai 30 anggota tim.", "Give 1 to 30 members."}});
  int chairs = 0;
  for (size_t i = 0; i < team.members.size(); ++i) {
    const auto& m = team.members[i];
    std::string at = "members[" + std::to_string(i) + "]";
    if (trim(m.name).empty())
      errs.push_back({at + ".name", "required", {"Nama wajib diisi.", "The name is required."}});
    if (!m.nip.empty() &&
        (m.nip.size() != 18 ||
         !std::all_of(m.nip.begin(), m.nip.end(), [](char ch) { return ch >= '0' && ch <= '9'; })))
      errs.push_back(
          {at + ".nip", "invalid", {"NIP terdiri dari 18 angka.", "A NIP has 18 digits."}});
    if (std::find(kTeamRoles.begin(), kTeamRoles.end(), m.role) == kTeamRoles.end())
      errs.push_back(
          {at + ".role",
           "invalid",
           {"Peran: KETUA, SEKRETARIS atau ANGGOTA.", "Role: KETUA, SEKRETARIS or ANGGOTA."}});
    chairs += m.role == "KETUA";
  }
  if (!team.members.empty() && chairs != 1)
    errs.push_back({"members",
                    "one_chair",
                    {"Tim verifikasi mempunyai tepat satu ketua.",
                     "The verification team has exactly one chair (KETUA)."}});
  if (trim(team.decree_no).empty())
    errs.push_back({"decree_no",
                    "required",
                    {"Sebutkan nomor keputusan pembentukan tim verifikasi.",
                     "Give the number of the decree forming the team."}});
  return errs;
}

}  // namespace pantau::party_aid
