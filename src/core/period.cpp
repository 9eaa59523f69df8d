#include "core/period.h"

#include <fmt/format.h>

#include "core/strings.h"

namespace pantau {

std::string_view period_type_name(PeriodType t) {
  switch (t) {
    case PeriodType::Monthly: return "MONTHLY";
    case PeriodType::Quarterly: return "QUARTERLY";
    case PeriodType::Semester: return "SEMESTER";
    case PeriodType::Annual: return "ANNUAL";
  }
  return "QUARTERLY";
}

Result<PeriodType> parse_period_type(std::string_view s) {
  for (auto t : {PeriodType::Monthly, PeriodType::Quarterly, PeriodType::Semester, PeriodType::Annual})
    if (period_type_name(t) == s) return t;
  return Error::invalid_field("period_type", "not_allowed", "Pilih MONTHLY, QUARTERLY, SEMESTER, atau ANNUAL.",
                              "Choose MONTHLY, QUARTERLY, SEMESTER or ANNUAL.");
}

static int last_day(int y, int m) {
  Date next = m == 12 ? Date{y + 1, 1, 1} : Date{y, m + 1, 1};
  return civil_from_days(days_from_civil(next) - 1).day;
}

static Period make(PeriodType t, int y, int first_month, int months) {
  Period p;
  p.type = t;
  int last_month = first_month + months - 1;
  p.start = {y, first_month, 1};
  p.end = {y, last_month, last_day(y, last_month)};
  switch (t) {
    case PeriodType::Monthly: p.code = fmt::format("{}-{:02d}", y, first_month); break;
    case PeriodType::Quarterly: p.code = fmt::format("{}-Q{}", y, (first_month - 1) / 3 + 1); break;
    case PeriodType::Semester: p.code = fmt::format("{}-S{}", y, (first_month - 1) / 6 + 1); break;
    case PeriodType::Annual: p.code = fmt::format("{}", y); break;
  }
  return p;
}

Result<Period> parse_period(std::string_view code) {
  auto bad = [&] {
    return Error::invalid_field("period", "invalid",
                                fmt::format("Periode \"{}\" tidak valid. Contoh: 2026-Q1, 2026-03, 2026-S1, 2026.", code),
                                fmt::format("Period \"{}\" is not valid. Examples: 2026-Q1, 2026-03, 2026-S1, 2026.", code));
  };
  if (code.size() < 4) return bad();
  auto y = parse_int64(code.substr(0, 4));
  if (!y || *y < 2000 || *y > 2100) return bad();
  int year = static_cast<int>(*y);
  if (code.size() == 4) return make(PeriodType::Annual, year, 1, 12);
  if (code.size() != 7 || code[4] != '-') return bad();
  auto rest = code.substr(5);
  if (rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') return make(PeriodType::Quarterly, year, (rest[1] - '1') * 3 + 1, 3);
  if (rest[0] == 'S' && (rest[1] == '1' || rest[1] == '2')) return make(PeriodType::Semester, year, (rest[1] - '1') * 6 + 1, 6);
  auto m = parse_int64(rest);
  if (m && *m >= 1 && *m <= 12) return make(PeriodType::Monthly, year, static_cast<int>(*m), 1);
  return bad();
}

Period period_containing(PeriodType t, Date d) {
  switch (t) {
    case PeriodType::Monthly: return make(t, d.year, d.month, 1);
    case PeriodType::Quarterly: return make(t, d.year, (d.month - 1) / 3 * 3 + 1, 3);
    case PeriodType::Semester: return make(t, d.year, (d.month - 1) / 6 * 6 + 1, 6);
    case PeriodType::Annual: return make(t, d.year, 1, 12);
  }
  return make(t, d.year, 1, 12);
}

Period next_period(const Period& p) { return period_containing(p.type, civil_from_days(days_from_civil(p.end) + 1)); }

static const char* kRoman[] = {"I", "II", "III", "IV"};
static const char* kMonthsId[] = {"Januari", "Februari", "Maret", "April", "Mei", "Juni",
                                  "Juli", "Agustus", "September", "Oktober", "November", "Desember"};
static const char* kMonthsEn[] = {"January", "February", "March", "April", "May", "June",
                                  "July", "August", "September", "October", "November", "December"};

std::string period_label_id(const Period& p) {
  switch (p.type) {
    case PeriodType::Monthly: return fmt::format("{} {}", kMonthsId[p.start.month - 1], p.start.year);
    case PeriodType::Quarterly: return fmt::format("Triwulan {} {}", kRoman[(p.start.month - 1) / 3], p.start.year);
    case PeriodType::Semester: return fmt::format("Semester {} {}", kRoman[(p.start.month - 1) / 6], p.start.year);
    case PeriodType::Annual: return fmt::format("Tahun {}", p.start.year);
  }
  return p.code;
}

std::string period_label_en(const Period& p) {
  switch (p.type) {
    case PeriodType::Monthly: return fmt::format("{} {}", kMonthsEn[p.start.month - 1], p.start.year);
    case PeriodType::Quarterly: return fmt::format("Quarter {} {}", (p.start.month - 1) / 3 + 1, p.start.year);
    case PeriodType::Semester: return fmt::format("Semester {} {}", (p.start.month - 1) / 6 + 1, p.start.year);
    case PeriodType::Annual: return fmt::format("Year {}", p.start.year);
  }
  return p.code;
}

}  // namespace pantau
