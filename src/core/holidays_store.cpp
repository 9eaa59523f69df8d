#include "core/holidays_store.h"

#include <mutex>

#include "audit/audit.h"
#include "http/json.h"

namespace pantau::holidays {

std::vector<Holiday> list(db::Conn& c, const std::string& year) {
  std::vector<Holiday> out;
  c.query("SELECT date, kind, name_id, name_en, legal_basis FROM holidays WHERE date LIKE ? ORDER BY date", {year + "%"},
          [&](const db::Row& r) { out.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4)}); });
  return out;
}

Result<Holiday> add(db::Conn& c, const auth::Scope& s, Holiday h) {
  if (c.query_i64("SELECT 1 FROM holidays WHERE date = ?", {h.date}))
    return Error::conflict("holiday.exists", "Tanggal ini sudah tercatat sebagai hari libur.", "This date is already a holiday.");
  if (h.name_en.empty()) h.name_en = h.name_id;
  c.exec("INSERT INTO holidays (date, kind, name_id, name_en, legal_basis, confidence) VALUES (?, ?, ?, ?, ?, 'C')",
         {h.date, h.kind, h.name_id, h.name_en, h.legal_basis});
  audit::append(c, s, {"create", "holiday", h.date, "", 0, std::nullopt, json::object("date", h.date, "kind", h.kind)});
  return h;
}

Status remove(db::Conn& c, const auth::Scope& s, const std::string& date) {
  if (c.exec("DELETE FROM holidays WHERE date = ?", {date}) == 0)
    return Error::not_found("Hari libur tidak ditemukan.", "Holiday not found.");
  audit::append(c, s, {"delete", "holiday", date, "", 0, std::nullopt, std::nullopt});
  return {};
}

namespace {

// The calendar last read, with the stamp of holidays_generation it was read under. Every
// instance keeps its own; the stamp (drawn anew by a trigger at any change of the table, on
// whichever instance or tool made it) tells it when to read again.
struct CalendarCache {
  std::mutex m;
  bool valid = false;
  int64_t stamp = 0;
  WorkingDayCalendar cal;
};
CalendarCache& calendar_cache() {
  static CalendarCache cache;
  return cache;
}

WorkingDayCalendar read_calendar(db::Conn& c) {
  WorkingDayCalendar cal;
  c.query("SELECT date FROM holidays", {}, [&](const db::Row& r) {
    if (auto d = parse_date(r.text(0))) cal.add_day_off(*d);
  });
  return cal;
}

}  // namespace

WorkingDayCalendar load_calendar(db::Conn& c) {
  // One primary-key read instead of the whole table. Read in the caller's transaction, so the
  // stamp and the holidays it stands for are of the same snapshot.
  auto stamp = c.query_i64("SELECT stamp FROM holidays_generation WHERE id = 1");
  if (!stamp) return read_calendar(c);  // a database without the stamp: no caching
  auto& cache = calendar_cache();
  {
    std::lock_guard lock(cache.m);
    if (cache.valid && cache.stamp == *stamp) return cache.cal;
  }
  WorkingDayCalendar cal = read_calendar(c);
  std::lock_guard lock(cache.m);
  cache.valid = true;
  cache.stamp = *stamp;
  cache.cal = cal;
  return cal;
}

}  // namespace pantau::holidays
