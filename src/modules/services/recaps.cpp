// The recaps of the service desk: service times per office and kind, the SKM per service, and
// the annual PPID report figures.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "modules/services/rules.h"
#include "modules/services/store_internal.h"

namespace pantau::services {

using namespace detail;

Recap recap(db::Conn& c, const auth::Scope& s, int year) {
  // One group per service (an office's kind of service): keyed by id while the rows are read,
  // sorted by office and kind at the end.
  struct Group {
    std::string region, office, kind;
    int64_t received = 0;
    Times t;
  };
  std::unordered_map<int64_t, Group> groups;
  db::Params sp;
  c.query("SELECT s.id, s.region_code, o.name, s.kind FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id WHERE " +
              s.region_filter("s.region_code", sp),
          sp, [&](const db::Row& r) { groups[r.i64(0)] = Group{r.str(1), r.str(2), r.str(3), 0, {}}; });
  std::unordered_set<int64_t> seen;
  // Received: the counts kept per service and month of registration.
  db::Params rp{fmt::format("{}-01", year), fmt::format("{}-01", year + 1)};
  c.query("SELECT r.service_id, SUM(r.received) FROM svc_received r WHERE r.month >= ? AND r.month < ? AND " +
              s.region_filter("r.region_code", rp) + " GROUP BY r.service_id",
          rp, [&](const db::Row& r) {
            auto it = groups.find(r.i64(0));
            if (it == groups.end()) return;
            it->second.received += r.i64(1);
            seen.insert(r.i64(0));
          });
  // Finished: the histogram of working days used kept per service and year of finishing; the
  // percentiles and the average come from it, not from every request.
  db::Params p{int64_t{year}};
  c.query("SELECT t.service_id, t.used_wd, t.finished, t.on_time FROM svc_times_year t WHERE t.year = ? AND " +
              s.region_filter("t.region_code", p) + " ORDER BY t.service_id, t.used_wd",
          p, [&](const db::Row& r) {
            int64_t sid = r.i64(0);
            auto it = groups.find(sid);
            if (it == groups.end()) return;
            auto& t = it->second.t;
            // Rows come in order of days used: each is appended at the end of the histogram.
            t.hist.emplace_hint(t.hist.end(), static_cast<int>(r.i64(1)), r.i64(2));
            t.total += r.i64(2);
            t.on_time += r.i64(3);
            seen.insert(sid);
          });
  Recap out;
  out.year = year;
  for (int64_t sid : seen) {
    const Group& g = groups[sid];
    RecapRow row{g.region, g.office, g.kind, g.received, g.t.total, g.t.on_time};
    if (g.t.total) {
      int64_t sum = 0;
      for (auto& [wd, n] : g.t.hist) sum += static_cast<int64_t>(wd) * n;
      row.average_working_days = std::round(static_cast<double>(sum) * 10.0 / static_cast<double>(g.t.total)) / 10.0;
      row.median_working_days = percentile(g.t.hist, 50);
      row.p90_working_days = percentile(g.t.hist, 90);
    }
    out.items.push_back(std::move(row));
  }
  std::sort(out.items.begin(), out.items.end(), [](const RecapRow& a, const RecapRow& b) {
    return std::tie(a.region_code, a.office, a.kind) < std::tie(b.region_code, b.office, b.kind);
  });
  // Requests still open, per office and kind.
  db::Params q;
  std::string open_where = s.region_filter("c.region_code", q);
  c.query("SELECT c.region_code, c.kind, COUNT(*) FROM svc_cases c WHERE c.finished_date IS NULL AND " + open_where +
              " GROUP BY c.region_code, c.kind ORDER BY c.region_code, c.kind",
          q, [&](const db::Row& r) { out.open.push_back({r.str(0), r.str(1), r.i64(2)}); });
  return out;
}

SkmReport skm_report(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to) {
  db::Params p{from, to};
  std::string where = "v.answered_at >= ? AND v.answered_at < ? AND " + s.region_filter("v.region_code", p);
  std::map<int64_t, std::vector<std::array<int, kSkmElements>>> answers;
  std::map<int64_t, std::tuple<std::string, std::string, std::string, std::string>> names;
  c.query("SELECT v.service_id, v.u1, v.u2, v.u3, v.u4, v.u5, v.u6, v.u7, v.u8, v.u9, s.name_id, s.name_en, s.region_code, o.name "
          "FROM svc_surveys v JOIN svc_services s ON s.id = v.service_id JOIN org_units o ON o.id = s.org_unit_id WHERE " + where,
          p, [&](const db::Row& r) {
            std::array<int, kSkmElements> a{};
            for (int i = 0; i < kSkmElements; ++i) a[static_cast<size_t>(i)] = static_cast<int>(r.i64(i + 1));
            answers[r.i64(0)].push_back(a);
            names[r.i64(0)] = {r.str(10), r.str(11), r.str(12), r.str(13)};
          });
  SkmReport out;
  for (auto& [sid, rows] : answers) {
    auto& [nid, nen, region, office] = names[sid];
    out.items.push_back({sid, {nid, nen}, region, office, skm_index(rows)});
  }
  return out;
}

SkmResult skm_overall(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to) {
  db::Params p{from, to};
  std::vector<std::array<int, kSkmElements>> answers;
  c.query("SELECT v.u1, v.u2, v.u3, v.u4, v.u5, v.u6, v.u7, v.u8, v.u9 FROM svc_surveys v WHERE v.answered_at >= ? AND v.answered_at < ? AND " +
              s.region_filter("v.region_code", p),
          p, [&](const db::Row& r) {
            std::array<int, kSkmElements> a{};
            for (int i = 0; i < kSkmElements; ++i) a[static_cast<size_t>(i)] = static_cast<int>(r.i64(i));
            answers.push_back(a);
          });
  return skm_index(answers);
}

PpidReport ppid_report(db::Conn& c, const auth::Scope& s, int year) {
  db::Params p{fmt::format("{}-01-01", year), fmt::format("{}-01-01", year + 1)};
  std::string where = "start_date >= ? AND start_date < ? AND " + s.region_filter("region_code", p);
  PpidReport out;
  out.year = year;
  int64_t days = 0;
  c.query("SELECT kind, response_type, COUNT(*), SUM(COALESCE(used_wd, 0)), SUM(CASE WHEN used_wd IS NULL THEN 0 ELSE 1 END) FROM svc_cases "
          "WHERE kind IN ('INFO_REQUEST', 'INFO_OBJECTION') AND " + where + " GROUP BY kind, response_type",
          p, [&](const db::Row& r) {
            if (r.text(0) == kInfoObjection) {
              out.objections += r.i64(2);
              out.objections_by_decision[r.is_null(1) ? "PENDING" : r.str(1)] += r.i64(2);
              return;
            }
            out.received += r.i64(2);
            if (!r.is_null(1)) out.by_response_type[r.str(1)] += r.i64(2);
            days += r.i64(3);
            out.answered += r.i64(4);
          });
  std::map<int, int64_t> hist;
  c.query("SELECT used_wd, COUNT(*) FROM svc_cases WHERE kind = 'INFO_REQUEST' AND used_wd IS NOT NULL AND " + where + " GROUP BY used_wd", p,
          [&](const db::Row& r) { hist[static_cast<int>(r.i64(0))] += r.i64(1); });
  out.median_working_days = percentile(hist, 50);
  c.query("SELECT COALESCE(exemption, ''), COUNT(*) FROM svc_cases WHERE kind = 'INFO_REQUEST' AND response_type = 'REJECTED_EXEMPT' AND " +
              where + " GROUP BY COALESCE(exemption, '')",
          p, [&](const db::Row& r) { out.refused_by_exemption[r.str(0)] += r.i64(1); });
  {
    db::Params q{fmt::format("{}-01-01", year), fmt::format("{}-01-01", year + 1)};
    std::string w = "d.filed_on >= ? AND d.filed_on < ? AND " + s.region_filter("c.region_code", q);
    c.query("SELECT d.stage, COUNT(*) FROM svc_disputes d JOIN svc_cases c ON c.id = d.case_id WHERE " + w + " GROUP BY d.stage", q,
            [&](const db::Row& r) {
              out.disputes += r.i64(1);
              out.disputes_by_stage[r.str(0)] += r.i64(1);
            });
  }
  if (out.answered) out.average_working_days = std::round(static_cast<double>(days) * 10.0 / static_cast<double>(out.answered)) / 10.0;
  return out;
}

void rebuild_times(db::Conn& c) {
  c.exec("DELETE FROM svc_times");
  c.exec("INSERT INTO svc_times (service_id, region_code, month, used_wd, finished, on_time) "
         "SELECT service_id, MIN(region_code), SUBSTR(finished_date, 1, 7), used_wd, COUNT(*), SUM(on_time) FROM svc_cases "
         "WHERE finished_date IS NOT NULL GROUP BY service_id, SUBSTR(finished_date, 1, 7), used_wd");
  c.exec("DELETE FROM svc_times_year");
  c.exec("INSERT INTO svc_times_year (service_id, region_code, year, used_wd, finished, on_time) "
         "SELECT service_id, MIN(region_code), CAST(SUBSTR(month, 1, 4) AS INTEGER), used_wd, SUM(finished), SUM(on_time) FROM svc_times "
         "GROUP BY service_id, CAST(SUBSTR(month, 1, 4) AS INTEGER), used_wd");
  c.exec("DELETE FROM svc_received");
  c.exec("INSERT INTO svc_received (service_id, region_code, month, received) "
         "SELECT service_id, MIN(region_code), SUBSTR(start_date, 1, 7), COUNT(*) FROM svc_cases GROUP BY service_id, SUBSTR(start_date, 1, 7)");
}

}  // namespace pantau::services
