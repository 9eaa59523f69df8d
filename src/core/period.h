// Reporting periods: "2026-Q1" (triwulan), "2026-03" (month), "2026-S1" (semester), "2026" (year).
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/time.h"

namespace pantau {

enum class PeriodType { Monthly, Quarterly, Semester, Annual };
std::string_view period_type_name(PeriodType t);
Result<PeriodType> parse_period_type(std::string_view s);

struct Period {
  PeriodType type = PeriodType::Quarterly;
  std::string code;
  Date start, end;  // inclusive
};

Result<Period> parse_period(std::string_view code);
// The period of a type containing a date.
Period period_containing(PeriodType t, Date d);
Period next_period(const Period& p);
// Human label, e.g. "Triwulan I 2026" / "Quarter 1 2026".
std::string period_label_id(const Period& p);
std::string period_label_en(const Period& p);

}  // namespace pantau
