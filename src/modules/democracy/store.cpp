#include "modules/democracy/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/service_clock.h"
#include "core/fileio.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "http/json.h"
#include "http/json_page.h"
#include "modules/conflict/public.h"
#include "modules/meetings/public.h"
#include "modules/monitoring/public.h"
#include "modules/party_aid/public.h"

namespace pantau::democracy {

namespace {

FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}

bool contains(const std::vector<std::string_view>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

Status national_admin(const auth::Scope& s) {
  if (!s.national() || !s.can(auth::kUserAdmin))
    return Error::forbidden("Hanya administrator pusat yang dapat mengubah data ini.", "Only a national administrator may change this.");
  return {};
}

std::string audit_json(const std::vector<std::pair<std::string, std::string>>& kv) {
  json::Out o;
  o.begin_object();
  for (auto& [k, v] : kv) o.kv(k, v);
  o.end_object();
  return o.take();
}

// --- official values ---

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

void write_value(json::Out& o, int year, const std::string& level, const std::string& province, const std::string& scope,
                 const std::string& aspect, int indicator, const std::string& method, int value, std::optional<int64_t> rank,
                 const std::string& source) {
  o.begin_object().kv("year", year).kv("level", level).kv("province_code", province).kv("scope", scope).kv("aspect", aspect)
      .kv("indicator_no", indicator).kv("method", method).kv("value", static_cast<double>(value) / 100.0)
      .kv("value_text", format_value(value)).kv("category", name(category_of(value))).kv_opt("rank", rank)
      .kv("source_release", source).end_object();
}

// All official values, in memory for the provisional index (a few thousand rows at most).
struct Official {
  // key "P|year|scope|aspect|indicator" with P = province code or "N" for national
  std::unordered_map<std::string, int> value;
  std::map<std::string, std::vector<int>> years_of;  // "P|scope|aspect|indicator" -> years, ascending
  static std::string key(const std::string& p, const std::string& scope, const std::string& aspect, int ind) {
    return p + '|' + scope + '|' + aspect + '|' + std::to_string(ind);
  }
  std::optional<int> at(const std::string& p, int year, const std::string& scope, const std::string& aspect, int ind) const {
    auto it = value.find(std::to_string(year) + '|' + key(p, scope, aspect, ind));
    if (it == value.end()) return std::nullopt;
    return it->second;
  }
  // The latest value before `year`, with its year.
  std::optional<std::pair<int, int>> before(const std::string& p, int year, const std::string& scope, const std::string& aspect, int ind) const {
    auto it = years_of.find(key(p, scope, aspect, ind));
    if (it == years_of.end()) return std::nullopt;
    std::optional<std::pair<int, int>> best;
    for (int y : it->second)
      if (y < year) best = {y, *at(p, y, scope, aspect, ind)};
    return best;
  }
};

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

std::string indicators_json(db::Conn& c) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  c.query("SELECT method, number, aspect, variable, name_id, name_en, confidence FROM democracy_indicators ORDER BY method DESC, number", {},
          [&](const db::Row& r) {
            o.begin_object().kv("method", r.text(0)).kv("number", r.i64(1)).kv("aspect", r.text(2)).kv("variable", r.text(3))
                .kv("name_id", r.text(4)).kv("name_en", r.text(5)).kv("confirmed", r.text(6) == "C").end_object();
          });
  o.end_array().end_object();
  return o.take();
}

// --- official values -----------------------------------------------------------------------

std::string values_json(db::Conn& c, const ValueFilter& f) {
  std::string sql = "SELECT year, level, province_code, scope, aspect, indicator_no, method, value, rank, source_release "
                    "FROM democracy_values WHERE 1 = 1";
  db::Params p;
  if (f.year) { sql += " AND year = ?"; p.emplace_back(int64_t{*f.year}); }
  if (!f.level.empty()) { sql += " AND level = ?"; p.emplace_back(f.level); }
  if (!f.province.empty()) { sql += " AND province_code = ?"; p.emplace_back(f.province); }
  if (!f.scope.empty()) { sql += " AND scope = ?"; p.emplace_back(f.scope); }
  sql += " ORDER BY year, level, province_code, scope, aspect, indicator_no";
  json::Out o;
  o.begin_object().key("items").begin_array();
  c.query(sql, p, [&](const db::Row& r) {
    write_value(o, static_cast<int>(r.i64(0)), r.str(1), r.str(2), r.str(3), r.str(4), static_cast<int>(r.i64(5)), r.str(6),
                static_cast<int>(r.i64(7)), r.opt_i64(8), r.str(9));
  });
  o.end_array().end_object();
  return o.take();
}

std::string coverage_json(db::Conn& c, int year) {
  std::map<std::string, std::tuple<int, std::optional<int64_t>, std::string>> prov;
  std::map<std::string, std::pair<int, std::string>> top;
  c.query("SELECT level, province_code, value, rank, source_release FROM democracy_values WHERE year = ? AND scope = 'TOTAL'",
          {int64_t{year}}, [&](const db::Row& r) {
            if (r.text(0) == "PROVINSI") prov[r.str(1)] = {static_cast<int>(r.i64(2)), r.opt_i64(3), r.str(4)};
            else top[r.str(0)] = {static_cast<int>(r.i64(2)), r.str(4)};
          });
  json::Out o;
  o.begin_object().kv("year", year);
  for (const char* level : {"NASIONAL", "PUSAT", "PROVINSI_AGG"}) {
    o.key(to_lower_ascii(level));
    auto it = top.find(level);
    if (it == top.end()) o.null();
    else o.begin_object().kv("value", it->second.first / 100.0).kv("value_text", format_value(it->second.first))
             .kv("category", name(category_of(it->second.first))).kv("source_release", it->second.second).end_object();
  }
  int found = 0, missing = 0;
  o.key("provinces").begin_array();
  c.query("SELECT code, name FROM regions WHERE level = 1 ORDER BY code", {}, [&](const db::Row& r) {
    o.begin_object().kv("code", r.text(0)).kv("name", r.text(1));
    auto it = prov.find(r.str(0));
    if (it == prov.end()) {
      ++missing;
      o.kv("missing", true).kv_null("value");
    } else {
      ++found;
      auto& [v, rank, src] = it->second;
      o.kv("missing", false).kv("value", v / 100.0).kv("value_text", format_value(v)).kv("category", name(category_of(v)))
          .kv_opt("rank", rank).kv("source_release", src);
    }
    o.end_object();
  });
  o.end_array().kv("found", found).kv("missing", missing);
  o.kv_message("note", {"Nilai yang belum ditemukan dari rilis BPS ditandai 'belum ada'; tidak ada nilai yang dikarang.",
                        "Values not yet found in a BPS release are marked missing; no value is invented."});
  o.end_object();
  return o.take();
}

std::string trend_json(db::Conn& c, const std::string& province) {
  std::map<int, std::map<std::string, int>> by_year;
  std::map<int, std::string> method;
  db::Params p;
  std::string sql = "SELECT year, scope, aspect, value, method FROM democracy_values WHERE scope IN ('TOTAL', 'ASPECT') AND ";
  if (province.empty()) sql += "level = 'NASIONAL'";
  else { sql += "level = 'PROVINSI' AND province_code = ?"; p.emplace_back(province); }
  c.query(sql + " ORDER BY year", p, [&](const db::Row& r) {
    int y = static_cast<int>(r.i64(0));
    by_year[y][r.text(1) == "TOTAL" ? "TOTAL" : r.str(2)] = static_cast<int>(r.i64(3));
    method[y] = r.str(4);
  });
  json::Out o;
  o.begin_object().kv("province_code", province).key("series").begin_array();
  for (auto& [y, m] : by_year) {
    o.begin_object().kv("year", y).kv("method", method[y]);
    for (const char* k : {"TOTAL", "KEBEBASAN", "KESETARAAN", "KAPASITAS"}) {
      auto it = m.find(k);
      o.key(to_lower_ascii(k));
      it == m.end() ? (void)o.null() : (void)o.value(it->second / 100.0);
    }
    o.end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string choropleth_json(db::Conn& c, int year, const std::string& aspect) {
  json::Out o;
  o.begin_object().kv("year", year).kv("aspect", aspect.empty() ? "TOTAL" : aspect).key("items").begin_array();
  db::Params p{int64_t{year}};
  std::string sql = "SELECT g.code, g.name, v.value, v.rank FROM regions g LEFT JOIN democracy_values v ON v.province_code = g.code "
                    "AND v.level = 'PROVINSI' AND v.year = ? AND ";
  if (aspect.empty()) sql += "v.scope = 'TOTAL'";
  else { sql += "v.scope = 'ASPECT' AND v.aspect = ?"; p.emplace_back(aspect); }
  c.query(sql + " WHERE g.level = 1 ORDER BY g.code", p, [&](const db::Row& r) {
    o.begin_object().kv("code", r.text(0)).kv("name", r.text(1));
    if (r.is_null(2)) o.kv_null("value").kv("missing", true);
    else {
      int v = static_cast<int>(r.i64(2));
      o.kv("value", v / 100.0).kv("category", name(category_of(v))).kv_opt("rank", r.opt_i64(3)).kv("missing", false);
    }
    o.end_object();
  });
  o.end_array().end_object();
  return o.take();
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
                       audit_json({{"sha256", sha256}, {"rows", std::to_string(rep.imported)}})});
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

std::string weight_sets_json(db::Conn& c) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  std::vector<std::string> codes;
  c.query("SELECT code, name, source, decided_on, negative_points, positive_points, active FROM democracy_weight_sets ORDER BY created_at, code", {},
          [&](const db::Row& r) {
            o.begin_object().kv("code", r.text(0)).kv("name", r.text(1)).kv("source", r.text(2)).kv("decided_on", r.text(3))
                .kv("negative_points", r.f64(4)).kv("positive_points", r.f64(5)).kv("active", r.i64(6) != 0).end_object();
          });
  o.end_array().end_object();
  return o.take();
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
                       audit_json({{"source", w.source}, {"decided_on", w.decided_on}})});
  return {};
}

// --- evidence ------------------------------------------------------------------------------

// Today by the region's own clock (WIB/WITA/WIT): an event at 00.30 WITA on the 7th is not in the
// future while UTC still says the 6th.
std::string local_today(const std::string& region_code) {
  return format_date(*local_date(now_iso(), region_code.empty() ? "31" : region_code));
}

std::vector<FieldError> validate_evidence(const EvidenceInput& in) {
  std::vector<FieldError> e;
  auto level = region_level(in.region_code);
  if (level != RegionLevel::Provinsi && level != RegionLevel::KabKota && level != RegionLevel::Kecamatan)
    e.push_back(field("region_code", "region_code", "Wilayah harus provinsi, kabupaten/kota, atau kecamatan.",
                      "The region must be a province, a kab/kota or a kecamatan."));
  auto d = parse_date(in.event_date);
  if (!d) e.push_back(field("event_date", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  else if (in.event_date > local_today(in.region_code)) e.push_back(field("event_date", "future", "Tanggal di masa depan.", "The date is in the future."));
  else if (d->year < 2009) e.push_back(field("event_date", "out_of_range", "IDI dihitung sejak 2009.", "The IDI is computed from 2009."));
  if (in.indicator_no < 1 || in.indicator_no > 22)
    e.push_back(field("indicator_no", "out_of_range", "Indikator 1 sampai 22 (metode 2021).", "Indicator 1 to 22 (2021 method)."));
  if (in.sign != 1 && in.sign != -1) e.push_back(field("sign", "not_allowed", "Pilih positif (+1) atau negatif (-1).", "Choose positive (+1) or negative (-1)."));
  if (trim(in.description).empty()) e.push_back(field("description", "required", "Uraian wajib diisi.", "The description is required."));
  if (in.description.size() > 5000) e.push_back(field("description", "too_long", "Uraian terlalu panjang.", "The description is too long."));
  if (trim(in.source).empty()) e.push_back(field("source", "required", "Sumber (berita, dokumen) wajib diisi.", "The source (news, document) is required."));
  if (in.source.size() > 1000 || in.handled_by.size() > 500) e.push_back(field("source", "too_long", "Teks terlalu panjang.", "The text is too long."));
  if (in.classification < 0 || in.classification > 2) e.push_back(field("classification", "not_allowed", "Tingkat kerahasiaan tidak dikenal.", "Unknown confidentiality level."));
  return e;
}

namespace {

Status check_evidence_scope(db::Conn& c, const auth::Scope& s, const EvidenceInput& in) {
  if (!s.covers(in.region_code)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.region_code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  return {};
}

std::string evidence_audit(const EvidenceInput& in) {
  return audit_json({{"indicator_no", std::to_string(in.indicator_no)}, {"sign", std::to_string(in.sign)}, {"event_date", in.event_date}});
}

// Evidence is kept down to kab/kota: an item about a kecamatan counts for its kab/kota.
EvidenceInput to_district(EvidenceInput in) {
  if (region_level(in.region_code) == RegionLevel::Kecamatan) in.region_code = in.region_code.substr(0, 5);
  return in;
}

Result<int64_t> insert_evidence(db::Conn& c, const auth::Scope& s, const EvidenceInput& given, const std::string& kind, int64_t source_id) {
  EvidenceInput in = to_district(given);
  auto errs = validate_evidence(in);
  if (!errs.empty()) return Error::invalid(errs);
  PANTAU_CHECK(check_evidence_scope(c, s, in));
  std::string now = now_iso();
  int64_t id = c.insert("INSERT INTO democracy_evidence (year, region_code, indicator_no, event_date, description, source, sign, handled_by, "
                        "classification, source_kind, source_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {int64_t{parse_date(in.event_date)->year}, in.region_code, int64_t{in.indicator_no}, in.event_date, in.description,
                         in.source, int64_t{in.sign}, in.handled_by, int64_t{in.classification},
                         kind.empty() ? db::Value() : db::Value(kind), kind.empty() ? db::Value() : db::Value(source_id), s.user_id, now, now});
  audit::append(c, s, {"create", "democracy_evidence", std::to_string(id), in.region_code, in.classification, std::nullopt, evidence_audit(in)});
  return id;
}

// The screen of Pantau where a proposal's or an evidence item's own record is shown.
std::string record_link(std::string_view kind, int64_t id) {
  if (kind == "INCIDENT") return fmt::format("/conflict/incidents/{}", id);
  if (kind == "MONITORING_EVENT") return fmt::format("/monitoring/events/{}", id);
  if (kind == "LPJ_SHARE") return fmt::format("/party-aid/lpj/{}", id);
  return "";
}

constexpr const char* kEvidenceSelect =
    "SELECT e.id, e.year, e.region_code, COALESCE(g.name, ''), e.indicator_no, e.event_date, e.description, e.source, e.sign, "
    "e.handled_by, e.classification, e.source_kind, e.source_id, e.version, e.created_at FROM democracy_evidence e "
    "LEFT JOIN regions g ON g.code = e.region_code ";

void write_evidence(json::Out& o, const db::Row& r) {
  o.begin_object().kv("id", r.i64(0)).kv("year", r.i64(1)).kv("region_code", r.text(2)).kv("region_name", r.text(3))
      .kv("indicator_no", r.i64(4)).kv("aspect", new_aspect_of(static_cast<int>(r.i64(4)))).kv("event_date", r.text(5))
      .kv("description", r.text(6)).kv("source", r.text(7)).kv("sign", r.i64(8)).kv("handled_by", r.text(9))
      .kv("classification", std::string(auth::clearance_name(static_cast<int>(r.i64(10)))));
  if (r.is_null(11)) o.kv_null("source_kind").kv_null("source_id").kv_null("record_link");
  else o.kv("source_kind", r.text(11)).kv("source_id", r.i64(12)).kv("record_link", record_link(r.text(11), r.i64(12)));
  o.kv("version", r.i64(13)).kv("created_at", r.text(14)).end_object();
}

}  // namespace

Result<int64_t> create_evidence(db::Conn& c, const auth::Scope& s, const EvidenceInput& in) { return insert_evidence(c, s, in, "", 0); }

std::string evidence_list_json(db::Conn& c, const auth::Scope& s, const EvidenceFilter& f, std::optional<int64_t> after, int limit) {
  db::Params p;
  std::string sql = std::string(kEvidenceSelect) + "WHERE " + s.record_filter("e.region_code", "e.classification", p);
  if (!f.region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = f.region;
    sql += " AND " + narrow.region_filter("e.region_code", p);
  }
  if (f.year) { sql += " AND e.year = ?"; p.emplace_back(int64_t{*f.year}); }
  if (f.indicator) { sql += " AND e.indicator_no = ?"; p.emplace_back(int64_t{*f.indicator}); }
  if (after) { sql += " AND e.id < ?"; p.emplace_back(*after); }
  sql += " ORDER BY e.id DESC LIMIT ?";
  p.emplace_back(int64_t{limit + 1});
  return json::keyset_page(c, sql, p, limit, [&](json::Out& o, const db::Row& r) {
    write_evidence(o, r);
  });
}

std::optional<std::string> evidence_json(db::Conn& c, const auth::Scope& s, int64_t id, int64_t* version) {
  db::Params p{id};
  std::string where = s.record_filter("e.region_code", "e.classification", p);
  std::optional<std::string> out;
  c.query(std::string(kEvidenceSelect) + "WHERE e.id = ? AND " + where, p, [&](const db::Row& r) {
    json::Out o;
    write_evidence(o, r);
    out = o.take();
    if (version) *version = r.i64(13);
  });
  return out;
}

namespace {
// The current region, classification and version of an evidence item the caller may see.
std::optional<std::tuple<std::string, int, int64_t>> visible_evidence(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("region_code", "classification", p);
  std::optional<std::tuple<std::string, int, int64_t>> out;
  c.query("SELECT region_code, classification, version FROM democracy_evidence WHERE id = ? AND " + where, p,
          [&](const db::Row& r) { out = {r.str(0), static_cast<int>(r.i64(1)), r.i64(2)}; });
  return out;
}
}  // namespace

Status update_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const EvidenceInput& given) {
  EvidenceInput in = to_district(given);
  auto cur = visible_evidence(c, s, id);
  if (!cur) return Error::not_found("Bukti tidak ditemukan.", "Evidence item not found.");
  if (std::get<2>(*cur) != version) return Error::stale_version();
  auto errs = validate_evidence(in);
  if (!errs.empty()) return Error::invalid(errs);
  PANTAU_CHECK(check_evidence_scope(c, s, in));
  c.exec("UPDATE democracy_evidence SET year = ?, region_code = ?, indicator_no = ?, event_date = ?, description = ?, source = ?, sign = ?, "
         "handled_by = ?, classification = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
         {int64_t{parse_date(in.event_date)->year}, in.region_code, int64_t{in.indicator_no}, in.event_date, in.description, in.source,
          int64_t{in.sign}, in.handled_by, int64_t{in.classification}, now_iso(), id, version});
  audit::append(c, s, {"update", "democracy_evidence", std::to_string(id), in.region_code, in.classification, std::nullopt, evidence_audit(in)});
  return {};
}

Status delete_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version) {
  auto cur = visible_evidence(c, s, id);
  if (!cur) return Error::not_found("Bukti tidak ditemukan.", "Evidence item not found.");
  if (std::get<2>(*cur) != version) return Error::stale_version();
  // A proposal that became this item goes back to the queue, so its record is not lost.
  c.exec("UPDATE democracy_proposals SET status = 'PENDING', evidence_id = NULL, version = version + 1 WHERE evidence_id = ?", {id});
  c.exec("DELETE FROM democracy_evidence WHERE id = ?", {id});
  audit::append(c, s, {"delete", "democracy_evidence", std::to_string(id), std::get<0>(*cur), std::get<1>(*cur), std::nullopt, std::nullopt});
  return {};
}

// --- proposals -----------------------------------------------------------------------------

std::vector<ProposalRule> proposal_rules(db::Conn& c, bool active_only) {
  std::vector<ProposalRule> out;
  c.query(std::string("SELECT id, source_kind, match, indicator_no, sign, threshold, active FROM democracy_proposal_rules") +
              (active_only ? " WHERE active = 1" : "") + " ORDER BY id",
          {}, [&](const db::Row& r) {
            out.push_back({r.i64(0), r.str(1), r.str(2), static_cast<int>(r.i64(3)), static_cast<int>(r.i64(4)), r.f64(5), r.i64(6) != 0});
          });
  return out;
}

std::string proposal_rules_json(db::Conn& c) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  c.query("SELECT id, source_kind, match, indicator_no, sign, threshold, active, note, version, updated_at FROM democracy_proposal_rules ORDER BY id",
          {}, [&](const db::Row& r) {
            o.begin_object().kv("id", r.i64(0)).kv("source_kind", r.text(1)).kv("match", r.text(2)).kv("indicator_no", r.i64(3))
                .kv("sign", r.i64(4)).kv("threshold", r.f64(5)).kv("active", r.i64(6) != 0).kv("note", r.text(7)).kv("version", r.i64(8));
            r.is_null(9) ? (void)o.kv_null("updated_at") : (void)o.kv("updated_at", r.text(9));
            o.end_object();
          });
  o.end_array().end_object();
  return o.take();
}

Status update_proposal_rule(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ProposalRule& r, const std::string& note) {
  PANTAU_CHECK(national_admin(s));
  auto cur = c.query_i64("SELECT version FROM democracy_proposal_rules WHERE id = ?", {id});
  if (!cur) return Error::not_found("Aturan tidak ditemukan.", "Rule not found.");
  if (*cur != version) return Error::stale_version();
  auto errs = validate_rule(r);
  if (!errs.empty()) return Error::invalid(errs);
  c.exec("UPDATE democracy_proposal_rules SET source_kind = ?, match = ?, indicator_no = ?, sign = ?, threshold = ?, active = ?, note = ?, "
         "updated_at = ?, version = version + 1 WHERE id = ?",
         {r.source_kind, r.match, int64_t{r.indicator_no}, int64_t{r.sign}, r.threshold, int64_t{r.active}, note, now_iso(), id});
  audit::append(c, s, {"update", "democracy_proposal_rule", std::to_string(id), "", 0, std::nullopt,
                       audit_json({{"source_kind", r.source_kind}, {"match", r.match}, {"indicator_no", std::to_string(r.indicator_no)},
                                   {"active", r.active ? "1" : "0"}})});
  return {};
}

namespace {
int64_t store_proposals(db::Conn& c, const std::vector<ProposalRule>& rules, const SourceRecord& rec, int64_t source_id,
                        const std::string& region, int classification, const std::string& date, const std::string& summary) {
  int64_t n = 0;
  std::string now = now_iso();
  for (const auto& p : propose(rules, rec))
    n += c.exec("INSERT INTO democracy_proposals (source_kind, source_id, rule_id, region_code, classification, event_date, summary, "
                "indicator_no, sign, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_kind, source_id, rule_id) DO NOTHING",
                {rec.kind, source_id, p.rule_id, region, int64_t{classification}, date, summary, int64_t{p.indicator_no}, int64_t{p.sign}, now});
  return n;
}
// Proposals carry a region down to kab/kota: a kecamatan's record counts for its kab/kota.
std::string district(const std::string& code) { return code.size() > 5 ? code.substr(0, 5) : code; }
}  // namespace

int64_t scan_proposals(db::Conn& c) {
  auto rules = proposal_rules(c, true);
  int64_t created = 0;
  auto watermark = [&](const char* kind) { return c.query_i64("SELECT last_id FROM democracy_scan_state WHERE source_kind = ?", {std::string(kind)}).value_or(0); };
  auto save = [&](const char* kind, int64_t last) {
    c.exec("INSERT INTO democracy_scan_state (source_kind, last_id) VALUES (?, ?) ON CONFLICT (source_kind) DO UPDATE SET last_id = excluded.last_id",
           {std::string(kind), last});
  };
  constexpr int kBatch = 5000;
  for (int64_t last = watermark("INCIDENT");;) {
    auto batch = conflict::incidents_after(c, last, kBatch);
    for (auto& i : batch) {
      std::string summary = i.type_name + (i.description.empty() ? "" : ": " + i.description.substr(0, 300));
      created += store_proposals(c, rules, {"INCIDENT", i.type_code, 0}, i.id, district(i.region_code), i.classification, i.occurred_on, summary);
      last = i.id;
    }
    save("INCIDENT", last);
    if (batch.size() < kBatch) break;
  }
  for (int64_t last = watermark("MONITORING_EVENT");;) {
    auto batch = monitoring::events_after(c, last, kBatch);
    for (auto& e : batch) {
      created += store_proposals(c, rules, {"MONITORING_EVENT", e.category_code, 0}, e.id, district(e.region_code), e.classification,
                                 e.occurred_on, e.title.substr(0, 300));
      last = e.id;
    }
    save("MONITORING_EVENT", last);
    if (batch.size() < kBatch) break;
  }
  // LPJ are few (a board per party and region a year) and become "submitted" after they are
  // created, so they are read whole each time; the unique key keeps each proposal once.
  for (auto& l : party_aid::submitted_lpj(c)) {
    std::string summary = fmt::format("LPJ {} {} {}: pendidikan politik {:.1f}% dari bantuan", l.party_abbreviation, l.fiscal_year,
                                      l.region_code, l.political_education_percent);
    created += store_proposals(c, rules, {"LPJ_SHARE", "", l.political_education_percent}, l.id, district(l.region_code), 0,
                               l.submitted_on, summary);
  }
  return created;
}

namespace {
constexpr const char* kProposalSelect =
    "SELECT p.id, p.source_kind, p.source_id, p.rule_id, p.region_code, COALESCE(g.name, ''), p.classification, p.event_date, p.summary, "
    "p.indicator_no, p.sign, p.status, p.evidence_id, p.version, p.decided_at FROM democracy_proposals p "
    "LEFT JOIN regions g ON g.code = p.region_code ";

void write_proposal(json::Out& o, const db::Row& r) {
  o.begin_object().kv("id", r.i64(0)).kv("source_kind", r.text(1)).kv("source_id", r.i64(2)).kv("record_link", record_link(r.text(1), r.i64(2)))
      .kv("rule_id", r.i64(3)).kv("region_code", r.text(4)).kv("region_name", r.text(5))
      .kv("classification", std::string(auth::clearance_name(static_cast<int>(r.i64(6))))).kv("event_date", r.text(7))
      .kv("summary", r.text(8)).kv("indicator_no", r.i64(9)).kv("aspect", new_aspect_of(static_cast<int>(r.i64(9)))).kv("sign", r.i64(10))
      .kv("status", r.text(11)).kv_opt("evidence_id", r.opt_i64(12)).kv("version", r.i64(13));
  r.is_null(14) ? (void)o.kv_null("decided_at") : (void)o.kv("decided_at", r.text(14));
  o.end_object();
}

struct ProposalRow {
  std::string kind, region, date, summary, status;
  int64_t source_id = 0, version = 0;
  int classification = 0, indicator = 0, sign = 0;
};
std::optional<ProposalRow> visible_proposal(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("region_code", "classification", p);
  std::optional<ProposalRow> out;
  c.query("SELECT source_kind, region_code, event_date, summary, status, source_id, version, classification, indicator_no, sign "
          "FROM democracy_proposals WHERE id = ? AND " + where, p, [&](const db::Row& r) {
            out = ProposalRow{r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5), r.i64(6),
                              static_cast<int>(r.i64(7)), static_cast<int>(r.i64(8)), static_cast<int>(r.i64(9))};
          });
  return out;
}
}  // namespace

std::string proposals_json(db::Conn& c, const auth::Scope& s, const std::string& status, std::optional<int64_t> after, int limit) {
  db::Params p;
  std::string sql = std::string(kProposalSelect) + "WHERE " + s.record_filter("p.region_code", "p.classification", p);
  if (!status.empty()) { sql += " AND p.status = ?"; p.emplace_back(status); }
  if (after) { sql += " AND p.id < ?"; p.emplace_back(*after); }
  sql += " ORDER BY p.id DESC LIMIT ?";
  p.emplace_back(int64_t{limit + 1});
  return json::keyset_page(c, sql, p, limit, [&](json::Out& o, const db::Row& r) {
    write_proposal(o, r);
  });
}

std::optional<std::string> proposal_json(db::Conn& c, const auth::Scope& s, int64_t id, int64_t* version) {
  db::Params p{id};
  std::string where = s.record_filter("p.region_code", "p.classification", p);
  std::optional<std::string> out;
  c.query(std::string(kProposalSelect) + "WHERE p.id = ? AND " + where, p, [&](const db::Row& r) {
    json::Out o;
    write_proposal(o, r);
    out = o.take();
    if (version) *version = r.i64(13);
  });
  return out;
}

Result<int64_t> accept_proposal(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const EvidenceInput& edit) {
  auto p = visible_proposal(c, s, id);
  if (!p) return Error::not_found("Usulan tidak ditemukan.", "Proposal not found.");
  if (p->version != version) return Error::stale_version();
  if (p->status != "PENDING") return Error::conflict("not_pending", "Usulan ini sudah diputuskan.", "This proposal has already been decided.");
  EvidenceInput in;
  in.region_code = edit.region_code.empty() ? p->region : edit.region_code;
  in.event_date = edit.event_date.empty() ? p->date : edit.event_date;
  in.description = edit.description.empty() ? p->summary : edit.description;
  static const std::map<std::string, std::string> kinds = {{"INCIDENT", "insiden konflik"}, {"MONITORING_EVENT", "peristiwa politik"},
                                                           {"LPJ_SHARE", "LPJ bantuan keuangan partai politik"}};
  in.source = edit.source.empty() ? fmt::format("Pantau: {} #{}", kinds.count(p->kind) ? kinds.at(p->kind) : p->kind, p->source_id) : edit.source;
  in.handled_by = edit.handled_by;
  in.indicator_no = edit.indicator_no ? edit.indicator_no : p->indicator;
  in.sign = edit.sign ? edit.sign : p->sign;
  // An evidence item is never less confidential than the record it came from.
  in.classification = std::max(edit.classification, p->classification);
  PANTAU_TRY(int64_t evidence, insert_evidence(c, s, in, p->kind, p->source_id));
  c.exec("UPDATE democracy_proposals SET status = 'ACCEPTED', evidence_id = ?, decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ?",
         {evidence, s.user_id, now_iso(), id});
  audit::append(c, s, {"accept", "democracy_proposal", std::to_string(id), p->region, p->classification, std::nullopt,
                       audit_json({{"evidence_id", std::to_string(evidence)}})});
  return evidence;
}

Status dismiss_proposal(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version) {
  auto p = visible_proposal(c, s, id);
  if (!p) return Error::not_found("Usulan tidak ditemukan.", "Proposal not found.");
  if (p->version != version) return Error::stale_version();
  if (p->status != "PENDING") return Error::conflict("not_pending", "Usulan ini sudah diputuskan.", "This proposal has already been decided.");
  c.exec("UPDATE democracy_proposals SET status = 'DISMISSED', decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ?",
         {s.user_id, now_iso(), id});
  audit::append(c, s, {"dismiss", "democracy_proposal", std::to_string(id), p->region, p->classification, std::nullopt, std::nullopt});
  return {};
}

// --- provisional index ---------------------------------------------------------------------

std::vector<RegionProvisional> compute_provisional(db::Conn& c, int year, const WeightSet& w) {
  auto inds = indicators(c);
  Official off = load_official(c);
  std::vector<std::string> regions;
  std::unordered_map<std::string, size_t> index;
  c.query("SELECT code FROM regions WHERE level IN (1, 2) ORDER BY code", {}, [&](const db::Row& r) {
    index[r.str(0)] = regions.size();
    regions.push_back(r.str(0));
  });
  std::vector<std::array<IndicatorTally, 23>> tally(regions.size());
  c.query("SELECT region_code, indicator_no, sign, COUNT(*) FROM democracy_evidence WHERE year = ? GROUP BY region_code, indicator_no, sign",
          {int64_t{year}}, [&](const db::Row& r) {
            std::string code(r.text(0));
            int n = static_cast<int>(r.i64(1));
            if (n < 1 || n > 22) return;
            int count = static_cast<int>(r.i64(3));
            auto add = [&](const std::string& region) {
              auto it = index.find(region);
              if (it == index.end()) return;
              auto& t = tally[it->second][static_cast<size_t>(n)];
              (r.i64(2) > 0 ? t.positive : t.negative) += count;
            };
            add(code);
            if (code.size() == 5) add(code.substr(0, 2));  // a kab/kota's evidence also counts for its province
          });
  // Baselines are per province and indicator; a kab/kota takes its province's (BPS publishes no
  // kab/kota index).
  std::map<std::string, std::array<std::pair<double, Message>, 23>> base;
  std::vector<RegionProvisional> out;
  out.reserve(regions.size());
  for (size_t i = 0; i < regions.size(); ++i) {
    std::string prov = regions[i].substr(0, 2);
    auto b = base.find(prov);
    if (b == base.end()) {
      std::array<std::pair<double, Message>, 23> a;
      for (int n = 1; n <= 22; ++n) a[static_cast<size_t>(n)] = baseline(off, prov, year, n);
      b = base.emplace(prov, std::move(a)).first;
    }
    RegionProvisional rp;
    rp.region_code = regions[i];
    std::map<int, double> scores;
    for (const auto& ind : inds) {
      auto& [value, from] = b->second[static_cast<size_t>(ind.number)];
      const IndicatorTally& t = tally[i][static_cast<size_t>(ind.number)];
      ProvisionalIndicator pi{ind.number, value, from.id, t, provisional_indicator(w, value, t)};
      scores[ind.number] = pi.score;
      rp.indicators.push_back(std::move(pi));
    }
    if (auto comp = aggregate(w, inds, scores); comp.ok()) rp.composite = std::move(*comp);
    out.push_back(std::move(rp));
  }
  return out;
}

namespace {
double round2(double v) { return std::round(v * 100.0) / 100.0; }
std::string category_name(double v) { return std::string(name(category_of(static_cast<int>(std::lround(v * 100))))); }
}  // namespace

Result<std::string> provisional_json(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  auto level = region_level(region);
  if (level != RegionLevel::Provinsi && level != RegionLevel::KabKota)
    return Error::invalid_field("region", "region_code", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota.");
  // A kab/kota office sees its own index; a province and the ministry see their kab/kota's.
  if (!s.covers(region)) return Error::not_found("Wilayah di luar cakupan Anda.", "The region is outside your scope.");
  auto w = active_weights(c);
  if (!w) return Error::conflict("no_weights", "Belum ada set bobot aktif.", "No active weight set.");
  auto name_of = [&](const std::string& code) { return c.query_str("SELECT name FROM regions WHERE code = ?", {code}).value_or(""); };
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {region})) return Error::not_found("Wilayah tidak ditemukan.", "Region not found.");
  auto all = compute_provisional(c, year, *w);
  auto inds = indicators(c);
  const RegionProvisional* me = nullptr;
  for (auto& r : all) if (r.region_code == region) me = &r;
  if (!me) return Error::not_found();
  std::string prov = region.substr(0, 2);
  Official off = load_official(c);
  bool is_province = level == RegionLevel::Provinsi;
  auto official_total = is_province ? off.at(prov, year, "TOTAL", "", 0) : std::nullopt;
  json::Out o;
  o.begin_object().kv("region_code", region).kv("region_name", name_of(region)).kv("year", year).kv("official", false);
  o.kv_message("label", {"Indeks sementara dari log bukti Pokja — BUKAN angka resmi BPS.",
                         "Provisional index from the Pokja's evidence log — NOT the official BPS figure."});
  o.key("weights").begin_object().kv("code", w->code).kv("name", w->name).kv("source", w->source).kv("decided_on", w->decided_on)
      .kv("negative_points", w->negative_points).kv("positive_points", w->positive_points).end_object();
  o.kv("total", round2(me->composite.total)).kv("category", category_name(me->composite.total));
  if (official_total) o.kv("official_total", *official_total / 100.0).kv("difference", round2(me->composite.total - *official_total / 100.0));
  else o.kv_null("official_total").kv_null("difference");
  o.key("aspects").begin_array();
  for (auto a : kNewAspects) {
    auto it = me->composite.aspect.find(std::string(a));
    double v = it == me->composite.aspect.end() ? 0 : it->second;
    auto official = is_province ? off.at(prov, year, "ASPECT", std::string(a), 0) : std::nullopt;
    o.begin_object().kv("aspect", a).kv("provisional", round2(v)).kv("category", category_name(v));
    official ? (void)o.kv("official", *official / 100.0) : (void)o.kv_null("official");
    o.end_object();
  }
  o.end_array().key("indicators").begin_array();
  int64_t evidence_count = 0;
  for (auto& pi : me->indicators) {
    const Indicator* ind = nullptr;
    for (auto& i : inds) if (i.number == pi.number) ind = &i;
    auto official = is_province ? off.at(prov, year, "INDICATOR", std::string(new_aspect_of(pi.number)), pi.number) : std::nullopt;
    auto from = baseline(off, prov, year, pi.number).second;
    evidence_count += pi.tally.positive + pi.tally.negative;
    o.begin_object().kv("number", pi.number).kv("aspect", new_aspect_of(pi.number)).kv("name_id", ind ? ind->name_id : "")
        .kv("name_en", ind ? ind->name_en : "").kv("baseline", round2(pi.baseline)).kv_message("baseline_from", from)
        .kv("positive", pi.tally.positive).kv("negative", pi.tally.negative).kv("provisional", round2(pi.score));
    if (official) o.kv("official", *official / 100.0).kv("difference", round2(pi.score - *official / 100.0));
    else o.kv_null("official").kv_null("difference");
    std::string change_id = fmt::format("{:.2f} ({}) + {} bukti positif x {} - {} bukti negatif x {} = {:.2f}", pi.baseline, from.id,
                                        pi.tally.positive, w->positive_points, pi.tally.negative, w->negative_points, pi.score);
    std::string change_en = fmt::format("{:.2f} ({}) + {} positive x {} - {} negative x {} = {:.2f}", pi.baseline, from.en,
                                        pi.tally.positive, w->positive_points, pi.tally.negative, w->negative_points, pi.score);
    if (official) {
      change_id += fmt::format("; resmi {} {:.2f}", year, *official / 100.0);
      change_en += fmt::format("; official {} {:.2f}", year, *official / 100.0);
    }
    o.kv_message("explanation", {change_id, change_en})
        .kv("evidence_link", fmt::format("/api/v1/democracy/evidence?region={}&year={}&indicator={}", region, year, pi.number)).end_object();
  }
  o.end_array().kv("evidence_count", evidence_count);
  o.key("kabkota").begin_array();
  if (is_province)
    for (auto& r : all)
      if (r.region_code.size() == 5 && r.region_code.compare(0, 2, prov) == 0 && s.covers(r.region_code)) {
        int64_t n = 0;
        for (auto& pi : r.indicators) n += pi.tally.positive + pi.tally.negative;
        o.begin_object().kv("code", r.region_code).kv("name", name_of(r.region_code)).kv("total", round2(r.composite.total))
            .kv("category", category_name(r.composite.total)).kv("evidence_count", n).end_object();
      }
  o.end_array().end_object();
  return o.take();
}

std::string backtest_json(db::Conn& c, const auth::Scope& s, int year) {
  json::Out o;
  o.begin_object().kv("year", year).kv("official", false);
  o.kv_message("label", {"Uji balik: indeks sementara dari bukti tahun itu dibandingkan angka resmi BPS.",
                         "Back-test: the provisional index from that year's evidence against the official BPS figure."});
  o.key("items").begin_array();
  auto w = active_weights(c);
  if (w) {
    std::map<std::string, int> official;
    c.query("SELECT province_code, value FROM democracy_values WHERE year = ? AND level = 'PROVINSI' AND scope = 'TOTAL'", {int64_t{year}},
            [&](const db::Row& r) { official[r.str(0)] = static_cast<int>(r.i64(1)); });
    std::set<std::string> with_evidence;
    c.query("SELECT DISTINCT region_code FROM democracy_evidence WHERE year = ?", {int64_t{year}},
            [&](const db::Row& r) { with_evidence.insert(r.str(0).substr(0, 2)); });
    for (auto& r : compute_provisional(c, year, *w)) {
      if (r.region_code.size() != 2 || !official.count(r.region_code) || !with_evidence.count(r.region_code)) continue;
      if (!s.national() && !s.covers(r.region_code) && !region_within(s.region_code, r.region_code)) continue;
      double off = official[r.region_code] / 100.0;
      o.begin_object().kv("province_code", r.region_code)
          .kv("name", c.query_str("SELECT name FROM regions WHERE code = ?", {r.region_code}).value_or(""))
          .kv("provisional", round2(r.composite.total)).kv("official", off)
          .kv("difference", round2(r.composite.total - off)).end_object();
    }
  }
  o.end_array().end_object();
  return o.take();
}

// --- improvement plan ---------------------------------------------------------------------

namespace {
std::string plan_ref(const std::string& region, int year) { return fmt::format("idi-plan:{}:{}", region, year); }
}  // namespace

Result<std::string> plan_json(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  auto level = region_level(region);
  if (level != RegionLevel::Provinsi && level != RegionLevel::KabKota)
    return Error::invalid_field("region", "region_code", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota.");
  if (!s.covers(region)) return Error::not_found("Wilayah di luar cakupan Anda.", "The region is outside your scope.");
  auto w = active_weights(c);
  if (!w) return Error::conflict("no_weights", "Belum ada set bobot aktif.", "No active weight set.");
  const RegionProvisional* me = nullptr;
  auto all = compute_provisional(c, year, *w);
  for (auto& r : all) if (r.region_code == region) me = &r;
  if (!me) return Error::not_found("Wilayah tidak ditemukan.", "Region not found.");
  auto inds = indicators(c);
  std::vector<ProvisionalIndicator> weakest = me->indicators;
  std::stable_sort(weakest.begin(), weakest.end(), [](const auto& a, const auto& b) { return a.score < b.score; });
  if (weakest.size() > 5) weakest.resize(5);
  json::Out o;
  o.begin_object().kv("region_code", region).kv("year", year).kv("source_ref", plan_ref(region, year));
  o.key("weakest").begin_array();
  for (auto& pi : weakest) {
    std::string name_id, name_en;
    for (auto& i : inds) if (i.number == pi.number) name_id = i.name_id, name_en = i.name_en;
    o.begin_object().kv("number", pi.number).kv("aspect", new_aspect_of(pi.number)).kv("name_id", name_id).kv("name_en", name_en)
        .kv("provisional", std::round(pi.score * 100) / 100).kv("negative", pi.tally.negative).end_object();
  }
  o.end_array().key("items").begin_array();
  for (const auto& a : meetings::action_items_of(c, s, "democracy", plan_ref(region, year))) {
    o.begin_object().kv("id", a.id).kv("indicator", a.indicator).kv("action", a.action).kv("output", a.output)
        .kv("owner_person", a.owner_person).kv("owner_org_unit_name", a.owner_org_unit_name).kv("due_date", a.due_date)
        .kv("status", a.status).kv("progress_pct", a.progress_pct).kv("follow_ups", static_cast<int64_t>(a.follow_ups.size()))
        .kv("version", a.version).end_object();
  }
  o.end_array().end_object();
  return o.take();
}

Result<int64_t> add_plan_item(db::Conn& c, const auth::Scope& s, const PlanItemInput& in) {
  auto level = region_level(in.region_code);
  if (level != RegionLevel::Provinsi && level != RegionLevel::KabKota)
    return Error::invalid_field("region_code", "region_code", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota.");
  if (in.indicator_no < 1 || in.indicator_no > 22)
    return Error::invalid_field("indicator_no", "out_of_range", "Indikator 1 sampai 22.", "Indicator 1 to 22.");
  if (in.year < 2021 || in.year > 2100) return Error::invalid_field("year", "out_of_range", "Tahun 2021 atau sesudahnya.", "Year 2021 or later.");
  std::string name;
  for (auto& i : indicators(c)) if (i.number == in.indicator_no) name = i.name_id;
  meetings::ActionItemInput a;
  a.source = "democracy";
  a.source_ref = plan_ref(in.region_code, in.year);
  a.region_code = in.region_code;
  a.action = in.action;
  a.output = in.output;
  a.indicator = fmt::format("IDI indikator {}: {}", in.indicator_no, name);
  a.owner_person = in.owner_person;
  a.due_date = in.due_date;
  return meetings::create_action_item(c, s, a);
}

}  // namespace pantau::democracy
