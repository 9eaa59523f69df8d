// The services of the offices and their service standards: the public portal's offices and
// office pages, the staff catalogue, and the versions of a standard.
#include "audit/audit.h"
#include "modules/services/rules.h"
#include "modules/services/store_internal.h"

namespace pantau::services {

using namespace detail;

std::vector<PublicOffice> public_offices(db::Conn& c) {
  std::vector<PublicOffice> out;
  c.query("SELECT DISTINCT s.region_code, o.name, r.name FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id "
          "LEFT JOIN regions r ON r.code = s.region_code WHERE s.active = 1 ORDER BY s.region_code",
          {}, [&](const db::Row& r) { out.push_back({r.str(0), r.str(1), r.is_null(2) ? r.str(0) : r.str(2)}); });
  return out;
}

std::optional<OfficePage> public_office(db::Conn& c, const std::string& region) {
  std::optional<std::string> office;
  c.query("SELECT o.name FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id WHERE s.region_code = ? AND s.active = 1 LIMIT 1",
          {region}, [&](const db::Row& r) { office = r.str(0); });
  if (!office) return std::nullopt;
  Date today = office_today(region);
  std::string since = format_date(civil_from_days(days_from_civil(today) - 365));
  std::map<int64_t, Times> times;
  c.query("SELECT service_id, used_wd, SUM(finished), SUM(on_time) FROM svc_times WHERE region_code = ? AND month >= ? "
          "GROUP BY service_id, used_wd",
          {region, since.substr(0, 7)}, [&](const db::Row& r) {
            auto& t = times[r.i64(0)];
            t.hist[static_cast<int>(r.i64(1))] += r.i64(2);
            t.total += r.i64(2);
            t.on_time += r.i64(3);
          });
  std::map<int64_t, std::vector<std::array<int, kSkmElements>>> skm;
  c.query("SELECT service_id, u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM svc_surveys WHERE region_code = ? AND answered_at >= ?",
          {region, since}, [&](const db::Row& r) {
            std::array<int, kSkmElements> a{};
            for (int i = 0; i < kSkmElements; ++i) a[static_cast<size_t>(i)] = static_cast<int>(r.i64(i + 1));
            skm[r.i64(0)].push_back(a);
          });
  OfficePage page;
  page.region_code = region;
  page.office = *office;
  page.region_name = region_name(c, region);
  // Where research may take place: the office's region and the regions directly under it.
  c.query("SELECT code, name FROM regions WHERE code = ? OR parent_code = ? ORDER BY code", {region, region},
          [&](const db::Row& r) { page.areas.push_back({r.str(0), r.str(1)}); });
  c.query("SELECT s.id, s.kind, s.name_id, s.name_en, s.sla_working_days, s.ack_working_days, "
          "(SELECT st.components FROM svc_standards st WHERE st.service_id = s.id AND st.published = 1 ORDER BY st.version_no DESC LIMIT 1), "
          "(SELECT st.maklumat FROM svc_standards st WHERE st.service_id = s.id AND st.published = 1 ORDER BY st.version_no DESC LIMIT 1), "
          "(SELECT st.effective_from FROM svc_standards st WHERE st.service_id = s.id AND st.published = 1 ORDER BY st.version_no DESC LIMIT 1) "
          "FROM svc_services s WHERE s.region_code = ? AND s.active = 1 ORDER BY s.id",
          {region}, [&](const db::Row& r) {
            int64_t sid = r.i64(0);
            PublicService ps;
            ps.kind = r.str(1);
            ps.name = {r.str(2), r.str(3)};
            ps.promised_working_days = r.i64(4);
            ps.acknowledge_working_days = r.i64(5);
            if (!r.is_null(6)) ps.standard = PublishedStandard{r.str(8), r.str(7), r.str(6)};
            // Real service times beside the promised ones; too few requests show no figure (and no count).
            if (auto it = times.find(sid); it != times.end() && it->second.total >= 5) {
              auto& t = it->second;
              ps.real_times = RealTimes{percentile(t.hist, 50), percentile(t.hist, 90), (t.on_time * 100 + t.total / 2) / t.total};
            }
            if (auto sk = skm.find(sid); sk != skm.end() && sk->second.size() >= 5) ps.satisfaction = skm_index(sk->second);
            page.services.push_back(std::move(ps));
          });
  c.query("SELECT info_class, title, summary, responsible, form, retention, exemption_basis FROM svc_info_list WHERE region_code = ? "
          "ORDER BY info_class, title",
          {region}, [&](const db::Row& r) {
            bool exempt = r.text(0) == "DIKECUALIKAN";
            InfoEntry e;
            e.info_class = r.str(0);
            e.title = r.str(1);
            e.summary = exempt ? "" : r.str(2);
            e.responsible = r.str(3);
            e.form = exempt ? "" : r.str(4);
            e.retention = r.str(5);
            e.exemption_basis = r.str(6);
            page.information_list.push_back(std::move(e));
          });
  return page;
}

std::vector<Service> list_services(db::Conn& c, const auth::Scope& s) {
  db::Params p;
  std::string where = s.region_filter("s.region_code", p);
  std::vector<Service> out;
  c.query("SELECT s.id, s.kind, s.name_id, s.name_en, s.sla_working_days, s.ack_working_days, s.limit_basis, s.limit_confirmed, s.active, "
          "s.version, s.region_code, o.name, (SELECT MAX(version_no) FROM svc_standards st WHERE st.service_id = s.id AND st.published = 1) "
          "FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id WHERE " + where + " ORDER BY s.region_code, s.id",
          p, [&](const db::Row& r) {
            out.push_back(Service{r.i64(0), r.str(1), {r.str(2), r.str(3)}, r.i64(4), r.i64(5), r.str(6), r.i64(7) != 0, r.i64(8) != 0,
                                  r.i64(9), r.str(10), r.str(11), r.opt_i64(12)});
          });
  return out;
}

Result<int64_t> update_service(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, int sla, int ack,
                               const std::string& basis, bool active) {
  auto region = c.query_str("SELECT region_code FROM svc_services WHERE id = ?", {id});
  if (!region || !s.covers(*region)) return Error::not_found("Layanan tidak ditemukan.", "The service was not found.");
  if (c.exec("UPDATE svc_services SET sla_working_days = ?, ack_working_days = ?, limit_basis = ?, active = ?, version = version + 1, "
             "updated_at = ? WHERE id = ? AND version = ?",
             {int64_t{sla}, int64_t{ack}, basis, int64_t{active}, now_iso(), id, version}) == 0)
    return Error::stale_version();
  audit::append(c, s, {"update", "svc_service", std::to_string(id), *region, 0, std::nullopt,
                       snapshot({{"sla_working_days", std::to_string(sla)}, {"ack_working_days", std::to_string(ack)}, {"basis", basis}})});
  return version + 1;
}

std::optional<std::vector<Standard>> standards(db::Conn& c, const auth::Scope& s, int64_t service_id) {
  auto region = c.query_str("SELECT region_code FROM svc_services WHERE id = ?", {service_id});
  if (!region || !s.covers(*region)) return std::nullopt;
  std::vector<Standard> out;
  c.query("SELECT st.id, st.version_no, st.effective_from, st.components, st.maklumat, st.published, st.created_at, u.full_name "
          "FROM svc_standards st LEFT JOIN users u ON u.id = st.created_by WHERE st.service_id = ? ORDER BY st.version_no DESC",
          {service_id}, [&](const db::Row& r) {
            out.push_back(Standard{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.i64(5) != 0, r.str(6), r.is_null(7) ? "" : r.str(7)});
          });
  return out;
}

Result<int64_t> add_standard(db::Conn& c, const auth::Scope& s, int64_t service_id, const std::string& effective_from,
                             const std::string& components_json, const std::string& maklumat, bool publish,
                             std::optional<int64_t> expected_latest) {
  auto region = c.query_str("SELECT region_code FROM svc_services WHERE id = ?", {service_id});
  if (!region || !s.covers(*region)) return Error::not_found("Layanan tidak ditemukan.", "The service was not found.");
  int64_t next = c.query_i64("SELECT COALESCE(MAX(version_no), 0) + 1 FROM svc_standards WHERE service_id = ?", {service_id}).value_or(1);
  if (expected_latest && *expected_latest != next - 1) return Error::stale_version();
  int64_t id = c.insert("INSERT INTO svc_standards (service_id, version_no, effective_from, components, maklumat, published, created_by, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        {service_id, next, effective_from, components_json, maklumat, int64_t{publish}, s.user_id, now_iso()});
  audit::append(c, s, {"create", "svc_standard", std::to_string(id), *region, 0, std::nullopt,
                       snapshot({{"service_id", std::to_string(service_id)}, {"version_no", std::to_string(next)}, {"published", publish ? "1" : "0"}})});
  return next;
}

Status publish_standard(db::Conn& c, const auth::Scope& s, int64_t service_id, int64_t version_no) {
  auto region = c.query_str("SELECT region_code FROM svc_services WHERE id = ?", {service_id});
  if (!region || !s.covers(*region)) return Error::not_found("Layanan tidak ditemukan.", "The service was not found.");
  std::optional<std::pair<int64_t, bool>> row;
  c.query("SELECT id, published FROM svc_standards WHERE service_id = ? AND version_no = ?", {service_id, version_no},
          [&](const db::Row& r) { row = std::make_pair(r.i64(0), r.i64(1) != 0); });
  if (!row) return Error::not_found("Versi standar pelayanan tidak ditemukan.", "The version of the service standard was not found.");
  if (row->second) return {};
  if (c.query_i64("SELECT 1 FROM svc_standards WHERE service_id = ? AND published = 1 AND version_no > ?", {service_id, version_no}))
    return Error::conflict("services.standard_superseded", "Versi yang lebih baru sudah terbit; versi ini tidak dapat diterbitkan lagi.",
                           "A newer version is already published; this version can no longer be published.");
  c.exec("UPDATE svc_standards SET published = 1 WHERE id = ?", {row->first});
  audit::append(c, s, {"publish", "svc_standard", std::to_string(row->first), *region, 0, std::nullopt,
                       snapshot({{"service_id", std::to_string(service_id)}, {"version_no", std::to_string(version_no)}, {"published", "1"}})});
  return {};
}

}  // namespace pantau::services
