#include "modules/monitoring/public.h"

#include <fmt/format.h>

#include <tuple>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/region_code.h"
#include "modules/monitoring/rules.h"
#include "modules/monitoring/store.h"

namespace pantau::monitoring {

Completeness reporting_completeness(db::Conn& c, const auth::Scope& s, TimePoint now) {
  Completeness out;
  auto type = get_report_type(c, "TRIWULAN");
  if (!type) return out;
  WorkingDayCalendar cal = load_calendar(c);
  // Walk back from the current quarter to the latest one already due.
  Date today = civil_from_days(std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24);
  Period p = period_containing(PeriodType::Quarterly, today);
  for (int i = 0; i < 8; ++i) {
    if (due_instant(due_date(p, type->due, cal), "63") < now) break;
    p = period_containing(PeriodType::Quarterly, civil_from_days(days_from_civil(p.start) - 1));
  }
  out.period = p.code;
  bool by_province = s.national();
  std::string group = by_province ? "substr(g.code, 1, 2)" : "g.code";
  db::Params params{p.code};
  std::string where = s.region_filter("g.code", params);
  c.query("SELECT " + group + ", COUNT(*), COUNT(rep.submitted_at) FROM regions g LEFT JOIN periodic_reports rep "
          "ON rep.region_code = g.code AND rep.report_type = 'TRIWULAN' AND rep.period = ? "
          "WHERE g.level = 2 AND " + where + " GROUP BY " + group,
          params, [&](const db::Row& r) {
            int64_t total = r.i64(1), done = r.i64(2);
            out.percent[r.str(0)] = total ? static_cast<int>(done * 100 / total) : 0;
          });
  return out;
}

std::vector<Task> pending_tasks(db::Conn& c, const auth::Scope& s) {
  std::vector<Task> out;
  if (s.can(auth::kRecordReview)) {
    // Reports of the tier below waiting for this office's review.
    db::Params p{s.region_code, int64_t{s.clearance}};
    c.query("SELECT p.id, COALESCE(r.name, p.region_code), p.period FROM periodic_reports p LEFT JOIN regions r ON r.code = p.region_code "
            "WHERE p.status = 'SUBMITTED' AND p.region_code IN (SELECT code FROM regions WHERE parent_code = ?) "
            "AND p.classification <= ? ORDER BY p.submitted_at LIMIT 20",
            p, [&](const db::Row& r) {
              auto per = parse_period(r.text(2));
              std::string id_label = per.ok() ? period_label_id(*per) : r.str(2), en_label = per.ok() ? period_label_en(*per) : r.str(2);
              out.push_back({{fmt::format("Periksa laporan {} {}", r.text(1), id_label),
                              fmt::format("Review the report of {} for {}", r.text(1), en_label)},
                             fmt::format("/monitoring/reports/{}", r.i64(0))});
            });
  }
  if (s.can(auth::kRecordWrite) && !s.national()) {
    c.query("SELECT id, period FROM periodic_reports WHERE region_code = ? AND status = 'RETURNED' ORDER BY id",
            {s.region_code}, [&](const db::Row& r) {
              auto per = parse_period(r.text(1));
              out.push_back({{fmt::format("Perbaiki laporan {} yang dikembalikan", per.ok() ? period_label_id(*per) : r.str(1)),
                              fmt::format("Revise the returned report for {}", per.ok() ? period_label_en(*per) : r.str(1))},
                             fmt::format("/monitoring/reports/{}", r.i64(0))});
            });
  }
  return out;
}

void seed_demo(db::Conn& c, TimePoint now) {
  if (c.query_i64("SELECT 1 FROM periodic_reports LIMIT 1")) return;  // once
  auto admin = c.query_i64("SELECT id FROM users WHERE username = 'admin'").value_or(0);
  auto reviewer = c.query_i64("SELECT id FROM users WHERE username = 'kalsel.analis'").value_or(admin);
  if (!admin) return;
  std::vector<std::pair<std::string, int64_t>> offices;  // kab/kota of 63 and their Kesbangpol unit
  c.query("SELECT o.region_code, MIN(o.id) FROM org_units o WHERE o.kind = 'KESBANGPOL' AND o.region_code LIKE '63.%' "
          "GROUP BY o.region_code ORDER BY o.region_code",
          {}, [&](const db::Row& r) { offices.emplace_back(r.str(0), r.i64(1)); });
  WorkingDayCalendar cal = load_calendar(c);
  auto type = get_report_type(c, "TRIWULAN");
  Date today = civil_from_days(std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24);
  Period current = period_containing(PeriodType::Quarterly, today);
  Period last = period_containing(PeriodType::Quarterly, civil_from_days(days_from_civil(current.start) - 1));
  Period before = period_containing(PeriodType::Quarterly, civil_from_days(days_from_civil(last.start) - 1));
  auto system = auth::Scope::system();
  const char* situations[] = {
      "Situasi politik secara umum kondusif. Hubungan eksekutif dan DPRD berjalan baik.",
      "Situasi kondusif; terdapat dinamika internal partai menjelang musyawarah daerah.",
      "Kondusif. Unjuk rasa damai terkait kebijakan daerah berlangsung tertib."};
  int i = 0;
  for (auto& [region, unit] : offices) {
    for (int q = 0; q < 2; ++q) {
      const Period& p = q == 0 ? before : last;
      Date due = due_date(p, type->due, cal);
      TimePoint due_t = due_instant(due, region);
      // Earlier quarter: everyone reported and was accepted. Last quarter: a mix.
      std::string status = "ACCEPTED";
      std::optional<TimePoint> submitted = due_t - std::chrono::hours(24 * (2 + i % 5));
      if (q == 1) {
        int k = i % 6;
        if (k == 0) { status = "DRAFT"; submitted.reset(); }
        else if (k == 1) { status = "RETURNED"; }
        else if (k == 2) { status = "SUBMITTED"; submitted = due_t + std::chrono::hours(30); }
        else if (k == 3) { continue; }  // not reported at all
      }
      std::string created = format_iso(due_t - std::chrono::hours(24 * 9));
      int64_t id = c.insert(
          "INSERT INTO periodic_reports (report_type, region_code, org_unit_id, period, period_start, period_end, due_at, status, "
          "general_situation, election_stages, gov_support, potential_threats, measures_taken, recommendations, submitted_at, "
          "submitted_by, reviewed_at, reviewed_by, review_note, created_by, created_at, updated_at) "
          "VALUES ('TRIWULAN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {region, unit, p.code, format_date(p.start), format_date(p.end), format_iso(due_t), status, std::string(situations[i % 3]),
           std::string("Tidak ada tahapan pemilihan pada periode ini; persiapan pemungutan suara ulang dipantau bersama KPU."),
           std::string("Perangkat Daerah mendukung sosialisasi dan pendidikan politik pemilih."),
           std::string(i % 2 ? "Potensi penyebaran hoaks di media sosial." : "Tidak ditemukan potensi kerawanan menonjol."),
           std::string("Koordinasi rutin dengan Forkopimda dan tokoh masyarakat."),
           std::string("Meningkatkan literasi digital masyarakat menjelang tahapan pemilihan."),
           submitted ? db::Value(format_iso(*submitted)) : db::Value(), submitted ? db::Value(admin) : db::Value(),
           status == "ACCEPTED" || status == "RETURNED" ? db::Value(format_iso(due_t + std::chrono::hours(48))) : db::Value(),
           status == "ACCEPTED" || status == "RETURNED" ? db::Value(reviewer) : db::Value(),
           status == "RETURNED" ? db::Value(std::string("Lengkapi data dukung kegiatan pendidikan politik.")) : db::Value(),
           admin, created, created});
      audit::append(c, system, {"create", "periodic_report", std::to_string(id), region, 0, std::nullopt,
                                audit::snapshot({{"period", p.code}, {"status", status}, {"source", std::string("demo")}})});
      if (auto r = get_report(c, system, id)) index_report(c, *r);
    }
    ++i;
  }

  // Letterheads and decree-based monitoring teams of the province and Kota Banjarmasin.
  c.exec("UPDATE org_units SET address = ?, contact = ? WHERE kind = 'KESBANGPOL' AND region_code = '63'",
         {std::string("Jalan Jenderal Sudirman Nomor 14, Banjarmasin 70114"), std::string("Telepon (0511) 3354420")});
  c.exec("UPDATE org_units SET address = ?, contact = ? WHERE kind = 'KESBANGPOL' AND region_code = '63.71'",
         {std::string("Jalan Pramuka Nomor 2, Banjarmasin 70238"), std::string("Telepon (0511) 3252740")});
  for (auto [region, decree, chair] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"63", "188.44/0123/KUM/2026", "Dr. H. Akhmad Fydayeen, M.Si."},
           {"63.71", "100.3.3.2/045/HK/2026", "Drs. Rusdiansyah"}}) {
    int64_t team = c.insert("INSERT INTO monitoring_teams (region_code, name, decree_number, decree_date, valid_from, valid_to, "
                            "legal_basis, created_by, created_at, updated_at) VALUES (?, ?, ?, '2026-01-05', '2026-01-05', "
                            "'2026-12-31', ?, ?, ?, ?)",
                            {region, std::string("Tim Pemantauan, Pelaporan dan Evaluasi Perkembangan Politik di Daerah"), decree,
                             std::string("Permendagri 61/2011; SE Mendagri 200.6.1/1129/Polpum"), admin, format_iso(now), format_iso(now)});
    int64_t pos = 0;
    for (auto [name, role, title] : std::vector<std::tuple<std::string, const char*, const char*>>{
             {chair, "KETUA", "Kepala Badan Kesatuan Bangsa dan Politik"},
             {"Siti Rahmah, S.IP.", "SEKRETARIS", "Kepala Bidang Politik Dalam Negeri"},
             {"Dedi Kurniawan, S.Kom.", "KOORDINATOR_SISTEM", "Analis Kebijakan"},
             {"Nur Aisyah", "OPERATOR", "Pengelola Data"},
             {"AKBP Hendra Wijaya", "ANGGOTA", "Polda/Polresta"},
             {"Ahmad Rizani", "ANGGOTA", "KPU"}})
      c.exec("INSERT INTO team_members (team_id, position, name, nip, position_title, origin_agency, team_role, working_group) "
             "VALUES (?, ?, ?, '', ?, '', ?, '')",
             {team, ++pos, name, std::string(title), std::string(role)});
    audit::append(c, system, {"create", "monitoring_team", std::to_string(team), region, 0, std::nullopt,
                              audit::snapshot({{"source", std::string("demo")}})});
  }

  struct DemoEvent {
    const char* region;
    const char* category;
    const char* title;
    const char* level;
    const char* status;
    int hours_ago;
  };
  const DemoEvent events[] = {
      {"63.71.01", "POLITICAL_SITUATION.DEMONSTRATION", "Unjuk rasa mahasiswa di depan gedung DPRD terkait APBD", "MEDIUM", "HANDLED", 30},
      {"63.72", "POLITICAL_SITUATION.SARA_HOAX", "Beredar hoaks tentang penundaan pemungutan suara ulang", "HIGH", "ESCALATED", 12},
      {"63.03", "POLITICAL_SITUATION.PARTY_DISPUTE", "Dualisme kepengurusan DPC partai menjelang musda", "LOW", "VERIFIED", 70},
      {"63.10", "POLITICAL_SITUATION.MONEY_POLITICS", "Laporan dugaan pembagian sembako oleh bakal calon", "MEDIUM", "REPORTED", 5},
      {"63.01", "ELECTION_STAGE.LOGISTICS", "Keterlambatan distribusi logistik ke pulau terluar", "HIGH", "CLOSED", 400},
      {"63.71", "POLITICAL_SITUATION.ASN_NEUTRALITY", "Dugaan ASN mengunggah dukungan kepada calon", "LOW", "REJECTED", 200},
  };
  for (auto& e : events) {
    std::string at = format_iso(now - std::chrono::hours(e.hours_ago));
    int64_t unit = c.query_i64("SELECT id FROM org_units WHERE kind = 'KESBANGPOL' AND region_code = ? ORDER BY id LIMIT 1",
                               {region_province(e.region) == e.region ? std::string(e.region) : std::string(e.region).substr(0, 5)})
                       .value_or(1);
    int64_t id = c.insert(
        "INSERT INTO political_events (region_code, location_text, occurred_at, reported_at, category_code, title, description, "
        "actors, escalation_level, source, status, reported_by, org_unit_id, updated_at) "
        "VALUES (?, '', ?, ?, ?, ?, ?, '[]', ?, 'FIELD', ?, ?, ?, ?)",
        {std::string(e.region), at, at, std::string(e.category), std::string(e.title),
         std::string("Dilaporkan oleh tim pemantau lapangan; sedang dikoordinasikan dengan unsur Forkopimda."),
         std::string(e.level), std::string(e.status), admin, unit, at});
    audit::append(c, system, {"create", "political_event", std::to_string(id), e.region, 0, std::nullopt,
                              audit::snapshot({{"title", e.title}, {"source", std::string("demo")}})});
    if (auto ev = get_event(c, system, id)) index_event(c, *ev);
  }
}

}  // namespace pantau::monitoring

namespace pantau::monitoring {

std::vector<EventSummary> events_after(db::Conn& c, int64_t after, int limit) {
  std::vector<EventSummary> out;
  c.query("SELECT id, region_code, occurred_at, category_code, title, classification FROM political_events "
          "WHERE id > ? ORDER BY id LIMIT ?",
          {after, int64_t{limit}}, [&](const db::Row& r) {
            out.push_back({r.i64(0), r.str(1), r.str(2).substr(0, 10), r.str(3), r.str(4), static_cast<int>(r.i64(5))});
          });
  return out;
}

}  // namespace pantau::monitoring
