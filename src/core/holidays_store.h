// The holidays (hari libur nasional and cuti bersama) that working-day deadlines skip: their
// store, and the calendar built from them. An administrator edits them (never code); every
// change appends an audit entry in the same transaction.
#pragma once
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/calendar.h"
#include "core/error.h"
#include "db/database.h"

namespace pantau::holidays {

struct Holiday {
  std::string date;  // YYYY-MM-DD
  std::string kind;  // LIBUR_NASIONAL | CUTI_BERSAMA
  std::string name_id, name_en, legal_basis;
};

// The holidays of a year ("2026"), or all of them for "", by date.
std::vector<Holiday> list(db::Conn& c, const std::string& year);
// Adds one (409 holiday.exists when the date already is a holiday); name_en defaults to name_id.
Result<Holiday> add(db::Conn& c, const auth::Scope& s, Holiday h);
// Removes the holiday on `date` (404 when there is none).
Status remove(db::Conn& c, const auth::Scope& s, const std::string& date);

// Monday to Friday minus every holiday in the table. Kept in memory per process and read again
// only when holidays_generation's stamp moved (any change of the table, by any instance).
WorkingDayCalendar load_calendar(db::Conn& c);

}  // namespace pantau::holidays
