// The democracy index's reference data: indicators, official values (and their import) and
// weight sets. Evidence, proposals and the provisional index live in evidence.cpp, proposals.cpp
// and provisional.cpp; their JSON in json.cpp.
#include "modules/democracy/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/fileio.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "modules/democracy/internal.h"

namespace pantau::democracy {

namespace detail {

FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}

Status national_admin(const auth::Scope& s) {
  if (!s.national() || !s.can(auth::kUserAdmin))
    return Error::forbidden("Hanya administrator pusat yang dapat mengubah data ini.", "Only a national administrator may change this.");
  return {};
}

Official load_official(db::Conn& c) {
  Official o;
  c.query("SELECT year, level, province_code, scope, aspect, indicator_no, value FROM democracy_values "
          "WHERE level IN ('NASIONAL', 'PROVINSI') ORDER BY year",
          {}, [&](const db::Row& r) {
            std::string p = r.text(1) == "NASIONAL" ? "N" : r.str(2);
            std::string k = Official::key(p, r.str(3), r.str(4), static_cast<int>(r.i64(5)));
            int year = static_cast<int>(r.i64(0));
            o.value[std::to_string(year) + '|' + k] = static_cast<int>(r.i64(6));
            o.years_of[k].push_back(year);
          });
  return o;
}

// The baseline of one indicator of a province for `year`: the latest official value published
// before that year, from the most specific level that has one.
std::pair<double, Message> baseline(const Official& off, const std::string& province, int year, int indicator) {
  std::string aspect(new_aspect_of(indicator));
  if (auto v = off.before(province, year, "INDICATOR", aspect, indicator))
    return {v->second / 100.0, {fmt::format("indikator {} resmi {}", indicator, v->first), fmt::format("official indicator {} of {}", indicator, v->first)}};
  if (auto v = off.before(province, year, "ASPECT", aspect, 0))
    return {v->second / 100.0, {fmt::format("aspek {} resmi {}", aspect, v->first), fmt::format("official aspect {} of {}", aspect, v->first)}};
  if (auto v = off.before(province, year, "TOTAL", "", 0))
    return {v->second / 100.0, {fmt::format("IDI provinsi resmi {}", v->first), fmt::format("official provincial IDI of {}", v->first)}};
  if (auto v = off.before("N", year, "TOTAL", "", 0))
    return {v->second / 100.0, {fmt::format("IDI nasional resmi {} (provinsi belum punya nilai resmi)", v->first),
                                fmt::format("official national IDI of {} (no official provincial value)", v->first)}};
  if (auto v = off.before("N", year + 100, "TOTAL", "", 0))
    return {v->second / 100.0, {fmt::format("IDI nasional resmi {} (nilai resmi paling awal)", v->first),
                                fmt::format("official national IDI of {} (the earliest official value)", v->first)}};
  return {0, {"belum ada nilai resmi", "no official value"}};
}

}  // namespace detail

using detail::field;
using detail::national_admin;

namespace {

bool contains(const std::vector<std::string_view>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

struct ValueRow {
  OfficialValue v;
  int line = 0;
};

// Parses and checks the rows of a values table (data/idi_values.csv or an upload).
void parse_value_rows(db::Conn& c, const CsvTable& t, std::vector<ValueRow>& ok, std::vector<std::pair<int, FieldError>>& refused) {
  std::set<std::string> provinces;
  c.query("SELECT code FROM regions WHERE level = 1", {}, [&](const db::Row& r) { provinces.insert(r.str(0)); });
  std::set<std::pair<std::string, int>> known_indicators;
  c.query("SELECT method, number FROM democracy_indicators", {}, [&](const db::Row& r) { known_indicators.insert({r.str(0), static_cast<int>(r.i64(1))}); });
  std::set<std::string> seen;
  auto get = [&](const std::vector<std::string>& row, const char* col) {
    int i = t.column(col);
    return i < 0 ? std::string() : trim(row[static_cast<size_t>(i)]);
  };
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    int line = t.row_lines[i];
    size_t before = refused.size();
    auto refuse = [&](FieldError e) { refused.push_back({line, std::move(e)}); };
    OfficialValue v;
    auto year = parse_int64(get(row, "year"));
    if (!year || *year < 2009 || *year > 2100) refuse(field("year", "invalid", "Tahun harus 2009 atau sesudahnya.", "The year must be 2009 or later."));
    else v.year = static_cast<int>(*year);
    v.level = get(row, "level");
    if (!contains(kLevels, v.level)) refuse(field("level", "not_allowed", "Tingkat harus NASIONAL, PUSAT, PROVINSI_AGG, atau PROVINSI.",
                                                  "The level must be NASIONAL, PUSAT, PROVINSI_AGG or PROVINSI."));
    v.province_code = get(row, "province_code");
    if (v.level == "PROVINSI" && !provinces.count(v.province_code))
      refuse(field("province_code", "not_found", "Kode provinsi tidak terdaftar.", "Unknown province code."));
    if (v.level != "PROVINSI" && !v.province_code.empty())
      refuse(field("province_code", "not_allowed", "Kode provinsi hanya untuk tingkat PROVINSI.", "A province code belongs only to level PROVINSI."));
    v.method = get(row, "method");
    if (!contains(kMethods, v.method)) refuse(field("method", "not_allowed", "Metode harus OLD_2009 atau NEW_2021.", "The method must be OLD_2009 or NEW_2021."));
    else if (v.year && ((v.year >= 2021) != (v.method == kNewMethod)))
      refuse(field("method", "year_mismatch", "Metode lama berlaku 2009-2020, metode baru sejak 2021.",
                   "The old method covers 2009-2020, the new one 2021 onwards."));
    v.scope = get(row, "scope");
    v.aspect = get(row, "aspect");
    std::string ind = get(row, "indicator_no");
    if (!contains(kScopes, v.scope)) refuse(field("scope", "not_allowed", "Cakupan harus TOTAL, ASPECT, atau INDICATOR.", "The scope must be TOTAL, ASPECT or INDICATOR."));
    const auto& aspects = v.method == kOldMethod ? kOldAspects : kNewAspects;
    if (v.scope == "TOTAL" && (!v.aspect.empty() || !ind.empty()))
      refuse(field("scope", "extra", "Nilai total tidak memakai aspek atau indikator.", "A total has no aspect or indicator."));
    if (v.scope == "ASPECT" && !contains(aspects, v.aspect))
      refuse(field("aspect", "not_allowed", "Aspek tidak dikenal untuk metode ini.", "Unknown aspect for this method."));
    if (v.scope == "INDICATOR") {
      auto n = parse_int64(ind);
      if (!n || !known_indicators.count({v.method, static_cast<int>(*n)}))
        refuse(field("indicator_no", "not_found", "Nomor indikator tidak dikenal untuk metode ini.", "Unknown indicator number for this method."));
      else v.indicator_no = static_cast<int>(*n);
      if (v.method == kNewMethod && v.indicator_no) v.aspect = std::string(new_aspect_of(v.indicator_no));
    }
    auto value = parse_value(get(row, "value"));
    if (!value) refuse(field("value", "invalid", "Nilai harus 0 sampai 100 dengan paling banyak dua desimal (titik).",
                             "The value must be 0 to 100 with at most two decimals (a dot)."));
    else v.value = *value;
    std::string rank = get(row, "rank");
    if (!rank.empty()) {
      auto r = parse_int64(rank);
      if (!r || *r < 1 || *r > 38) refuse(field("rank", "out_of_range", "Peringkat harus 1 sampai 38.", "The rank must be 1 to 38."));
      else v.rank = static_cast<int>(*r);
    }
    v.source_release = get(row, "source_release");
    if (v.source_release.empty()) refuse(field("source_release", "required", "Sumber rilis BPS wajib diisi.", "The BPS release is required."));
    std::string key = fmt::format("{}|{}|{}|{}|{}|{}", v.year, v.level, v.province_code, v.scope, v.aspect, v.indicator_no);
    if (refused.size() == before && !seen.insert(key).second)
      refuse(field("year", "duplicate", "Nilai yang sama sudah ada di baris lain berkas ini.", "The same value appears on another row of this file."));
    if (refused.size() == before) ok.push_back({v, line});
  }
}

void upsert_value(db::Conn& c, const OfficialValue& v, int64_t user) {
  c.exec("INSERT INTO democracy_values (year, level, province_code, scope, aspect, indicator_no, method, value, rank, source_release, "
         "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
         "ON CONFLICT (year, level, province_code, scope, aspect, indicator_no) DO UPDATE SET method = excluded.method, "
         "value = excluded.value, rank = excluded.rank, source_release = excluded.source_release, updated_by = excluded.updated_by, "
         "updated_at = excluded.updated_at",
         {int64_t{v.year}, v.level, v.province_code, v.scope, v.aspect, int64_t{v.indicator_no}, v.method, int64_t{v.value},
          v.rank ? db::Value(int64_t{*v.rank}) : db::Value(), v.source_release, user ? db::Value(user) : db::Value(), now_iso()});
}

}  // namespace

// --- reference data ----------------------------------------------------------------------

Status seed_reference(db::Conn& c, const std::string& dir) {
  PANTAU_TRY(std::string ind_text, read_text_file(dir + "/idi_indicators.csv"));
  PANTAU_TRY(CsvTable ind, parse_csv(ind_text));
  for (auto& r : ind.rows) {
    auto col = [&](const char* n) { return r[static_cast<size_t>(ind.column(n))]; };
    c.exec("INSERT INTO democracy_indicators (method, number, aspect, variable, name_id, name_en, confidence) VALUES (?, ?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (method, number) DO UPDATE SET aspect = excluded.aspect, variable = excluded.variable, "
           "name_id = excluded.name_id, name_en = excluded.name_en, confidence = excluded.confidence",
           {col("method"), parse_int64(col("number")).value_or(0), col("aspect"), col("variable"), col("name_id"), col("name_en"),
            col("confidence")});
  }
  PANTAU_TRY(std::string val_text, read_text_file(dir + "/idi_values.csv"));
  PANTAU_TRY(CsvTable vals, parse_csv(val_text));
  std::vector<ValueRow> ok;
  std::vector<std::pair<int, FieldError>> refused;
  parse_value_rows(c, vals, ok, refused);
  if (!refused.empty())
    return Error::make(ErrorKind::Invalid, "seed.bad_data",
                       fmt::format("idi_values.csv baris {}: {}", refused[0].first, refused[0].second.message.id),
                       fmt::format("idi_values.csv line {}: {}", refused[0].first, refused[0].second.message.en));
  for (auto& r : ok) upsert_value(c, r.v, 0);
  PANTAU_TRY(std::string w_text, read_text_file(dir + "/idi_weights.csv"));
  PANTAU_TRY(CsvTable w, parse_csv(w_text));
  std::map<std::string, WeightSet> sets;
  std::vector<std::string> order;
  for (auto& r : w.rows) {
    auto col = [&](const char* n) { return r[static_cast<size_t>(w.column(n))]; };
    std::string code = col("set_code");
    if (!sets.count(code)) order.push_back(code);
    WeightSet& s = sets[code];
    s.code = code, s.name = col("name"), s.source = col("source"), s.decided_on = col("decided_on");
    double weight = std::stod(col("weight"));
    if (col("level") == "ASPECT") s.aspect[col("key")] = weight;
    else if (col("level") == "INDICATOR") s.indicator[static_cast<int>(parse_int64(col("key")).value_or(0))] = weight;
    else if (col("key") == "negative_points") s.negative_points = weight;
    else if (col("key") == "positive_points") s.positive_points = weight;
  }
  auto inds = indicators(c);
  for (auto& code : order) {
    const WeightSet& s = sets[code];
    auto errs = validate_weights(s, inds);
    if (!errs.empty())
      return Error::make(ErrorKind::Invalid, "seed.bad_data", "idi_weights.csv " + code + ": " + errs[0].message.id,
                         "idi_weights.csv " + code + ": " + errs[0].message.en);
    c.exec("INSERT INTO democracy_weight_sets (code, name, source, decided_on, negative_points, positive_points, created_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, source = excluded.source, "
           "decided_on = excluded.decided_on, negative_points = excluded.negative_points, positive_points = excluded.positive_points",
           {s.code, s.name, s.source, s.decided_on, s.negative_points, s.positive_points, now_iso()});
    for (auto& [a, v] : s.aspect)
      c.exec("INSERT INTO democracy_weights (set_code, level, item, weight) VALUES (?, 'ASPECT', ?, ?) "
             "ON CONFLICT (set_code, level, item) DO UPDATE SET weight = excluded.weight", {s.code, a, v});
    for (auto& [n, v] : s.indicator)
      c.exec("INSERT INTO democracy_weights (set_code, level, item, weight) VALUES (?, 'INDICATOR', ?, ?) "
             "ON CONFLICT (set_code, level, item) DO UPDATE SET weight = excluded.weight", {s.code, std::to_string(n), v});
  }
  if (!order.empty() && !c.query_i64("SELECT 1 FROM democracy_weight_sets WHERE active = 1"))
    c.exec("UPDATE democracy_weight_sets SET active = 1 WHERE code = ?", {order.front()});
  return {};
}

std::vector<Indicator> indicators(db::Conn& c, const std::string& method) {
  std::vector<Indicator> out;
  c.query("SELECT method, number, aspect, name_id, name_en FROM democracy_indicators WHERE method = ? ORDER BY number", {method},
          [&](const db::Row& r) { out.push_back({r.str(0), static_cast<int>(r.i64(1)), r.str(2), r.str(3), r.str(4)}); });
  return out;
}

std::vector<Indicator> all_indicators(db::Conn& c) {
  std::vector<Indicator> out;
  c.query("SELECT method, number, aspect, variable, name_id, name_en, confidence FROM democracy_indicators ORDER BY method DESC, number", {},
          [&](const db::Row& r) {
            out.push_back({r.str(0), static_cast<int>(r.i64(1)), r.str(2), r.str(4), r.str(5), r.str(3), r.text(6) == "C"});
          });
  return out;
}

// --- official values -----------------------------------------------------------------------

std::vector<OfficialValue> official_values(db::Conn& c, const ValueFilter& f) {
  std::string sql = "SELECT year, level, province_code, scope, aspect, indicator_no, method, value, rank, source_release "
                    "FROM democracy_values WHERE 1 = 1";
  db::Params p;
  if (f.year) { sql += " AND year = ?"; p.emplace_back(int64_t{*f.year}); }
  if (!f.level.empty()) { sql += " AND level = ?"; p.emplace_back(f.level); }
  if (!f.province.empty()) { sql += " AND province_code = ?"; p.emplace_back(f.province); }
  if (!f.scope.empty()) { sql += " AND scope = ?"; p.emplace_back(f.scope); }
  sql += " ORDER BY year, level, province_code, scope, aspect, indicator_no";
  std::vector<OfficialValue> out;
  c.query(sql, p, [&](const db::Row& r) {
    std::optional<int> rank;
    if (auto k = r.opt_i64(8)) rank = static_cast<int>(*k);
    out.push_back({static_cast<int>(r.i64(0)), r.str(1), r.str(2), r.str(3), r.str(4), static_cast<int>(r.i64(5)), r.str(6),
                   static_cast<int>(r.i64(7)), rank, r.str(9)});
  });
  return out;
}

Coverage coverage(db::Conn& c, int year) {
  Coverage out;
  out.year = year;
  std::map<std::string, PublishedTotal> prov;
  c.query("SELECT level, province_code, value, rank, source_release FROM democracy_values WHERE year = ? AND scope = 'TOTAL'",
          {int64_t{year}}, [&](const db::Row& r) {
            PublishedTotal t{static_cast<int>(r.i64(2)), r.opt_i64(3), r.str(4)};
            std::string level = r.str(0);
            if (level == "PROVINSI") prov[r.str(1)] = t;
            else if (level == "NASIONAL") out.nasional = PublishedTotal{t.value, std::nullopt, t.source_release};
            else if (level == "PUSAT") out.pusat = PublishedTotal{t.value, std::nullopt, t.source_release};
            else if (level == "PROVINSI_AGG") out.provinsi_agg = PublishedTotal{t.value, std::nullopt, t.source_release};
          });
  c.query("SELECT code, name FROM regions WHERE level = 1 ORDER BY code", {}, [&](const db::Row& r) {
    ProvinceTotal& p = out.provinces.emplace_back();
    p.code = r.str(0);
    p.name = r.str(1);
    if (auto it = prov.find(p.code); it != prov.end()) p.total = it->second;
    ++(p.total ? out.found : out.missing);
  });
  return out;
}

Trend trend(db::Conn& c, const std::string& province) {
  std::map<int, TrendPoint> by_year;
  db::Params p;
  std::string sql = "SELECT year, scope, aspect, value, method FROM democracy_values WHERE scope IN ('TOTAL', 'ASPECT') AND ";
  if (province.empty()) sql += "level = 'NASIONAL'";
  else { sql += "level = 'PROVINSI' AND province_code = ?"; p.emplace_back(province); }
  c.query(sql + " ORDER BY year", p, [&](const db::Row& r) {
    int y = static_cast<int>(r.i64(0));
    TrendPoint& t = by_year[y];
    t.year = y;
    t.method = r.str(4);
    int v = static_cast<int>(r.i64(3));
    if (r.text(1) == "TOTAL") t.total = v;
    else if (r.text(2) == "KEBEBASAN") t.kebebasan = v;
    else if (r.text(2) == "KESETARAAN") t.kesetaraan = v;
    else if (r.text(2) == "KAPASITAS") t.kapasitas = v;
  });
  Trend out{province, {}};
  for (auto& [y, t] : by_year) out.series.push_back(std::move(t));
  return out;
}

Choropleth choropleth(db::Conn& c, int year, const std::string& aspect) {
  Choropleth out{year, aspect.empty() ? "TOTAL" : aspect, {}};
  db::Params p{int64_t{year}};
  std::string sql = "SELECT g.code, g.name, v.value, v.rank FROM regions g LEFT JOIN democracy_values v ON v.province_code = g.code "
                    "AND v.level = 'PROVINSI' AND v.year = ? AND ";
  if (aspect.empty()) sql += "v.scope = 'TOTAL'";
  else { sql += "v.scope = 'ASPECT' AND v.aspect = ?"; p.emplace_back(aspect); }
  c.query(sql + " WHERE g.level = 1 ORDER BY g.code", p, [&](const db::Row& r) {
    ChoroplethArea a{r.str(0), r.str(1), std::nullopt, std::nullopt};
    if (!r.is_null(2)) {
      a.value = static_cast<int>(r.i64(2));
      a.rank = r.opt_i64(3);
    }
    out.items.push_back(std::move(a));
  });
  return out;
}

Result<ImportReport> import_values(db::Conn& c, const auth::Scope& s, const CsvTable& t, const std::string& sha256) {
  PANTAU_CHECK(national_admin(s));
  for (const char* col : {"year", "level", "province_code", "scope", "aspect", "indicator_no", "method", "value", "rank", "source_release"})
    if (t.column(col) < 0)
      return Error::invalid_field("file", "missing_column", fmt::format("Kolom {} tidak ada di berkas.", col), fmt::format("The file has no {} column.", col));
  ImportReport rep;
  rep.rows = static_cast<int>(t.rows.size());
  std::vector<ValueRow> ok;
  parse_value_rows(c, t, ok, rep.refused);
  if (!rep.refused.empty()) return rep;
  for (auto& r : ok) upsert_value(c, r.v, s.user_id);
  rep.imported = static_cast<int>(ok.size());
  audit::append(c, s, {"import", "democracy_values", sha256.substr(0, 16), "", 0, std::nullopt,
                       audit::snapshot({{"sha256", sha256}, {"rows", std::to_string(rep.imported)}})});
  return rep;
}

// --- weights -------------------------------------------------------------------------------

std::optional<WeightSet> active_weights(db::Conn& c) {
  std::optional<WeightSet> w;
  c.query("SELECT code, name, source, decided_on, negative_points, positive_points FROM democracy_weight_sets WHERE active = 1", {},
          [&](const db::Row& r) {
            w.emplace();
            w->code = r.str(0), w->name = r.str(1), w->source = r.str(2), w->decided_on = r.str(3);
            w->negative_points = r.f64(4), w->positive_points = r.f64(5);
          });
  if (!w) return w;
  c.query("SELECT level, item, weight FROM democracy_weights WHERE set_code = ?", {w->code}, [&](const db::Row& r) {
    if (r.text(0) == "ASPECT") w->aspect[r.str(1)] = r.f64(2);
    else w->indicator[static_cast<int>(parse_int64(r.text(1)).value_or(0))] = r.f64(2);
  });
  return w;
}

std::vector<WeightSet> weight_sets(db::Conn& c) {
  std::vector<WeightSet> out;
  c.query("SELECT code, name, source, decided_on, negative_points, positive_points, active FROM democracy_weight_sets ORDER BY created_at, code", {},
          [&](const db::Row& r) {
            WeightSet& w = out.emplace_back();
            w.code = r.str(0), w.name = r.str(1), w.source = r.str(2), w.decided_on = r.str(3);
            w.negative_points = r.f64(4), w.positive_points = r.f64(5), w.active = r.i64(6) != 0;
          });
  return out;
}

Status create_weight_set(db::Conn& c, const auth::Scope& s, const WeightSet& w) {
  PANTAU_CHECK(national_admin(s));
  std::vector<FieldError> errs = validate_weights(w, indicators(c));
  if (w.code.empty() || w.code.size() > 32) errs.push_back(field("code", "invalid", "Kode 1-32 karakter.", "The code must be 1-32 characters."));
  if (!errs.empty()) return Error::invalid(errs);
  if (c.query_i64("SELECT 1 FROM democracy_weight_sets WHERE code = ?", {w.code}))
    return Error::conflict("duplicate", "Kode set bobot sudah dipakai.", "The weight-set code is already used.");
  c.exec("UPDATE democracy_weight_sets SET active = 0 WHERE active = 1");
  c.exec("INSERT INTO democracy_weight_sets (code, name, source, decided_on, negative_points, positive_points, active, created_at) "
         "VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
         {w.code, w.name, w.source, w.decided_on, w.negative_points, w.positive_points, now_iso()});
  for (auto& [a, v] : w.aspect) c.exec("INSERT INTO democracy_weights (set_code, level, item, weight) VALUES (?, 'ASPECT', ?, ?)", {w.code, a, v});
  for (auto& [n, v] : w.indicator)
    c.exec("INSERT INTO democracy_weights (set_code, level, item, weight) VALUES (?, 'INDICATOR', ?, ?)", {w.code, std::to_string(n), v});
  audit::append(c, s, {"create", "democracy_weight_set", w.code, "", 0, std::nullopt,
                       audit::snapshot({{"source", w.source}, {"decided_on", w.decided_on}})});
  return {};
}

}  // namespace pantau::democracy
