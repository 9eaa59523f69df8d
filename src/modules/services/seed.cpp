// Demo data of the public service desk for Kalimantan Selatan: the province's and Banjarmasin's
// services with their published standards, a Daftar Informasi Publik, a year of finished
// requests (for the recap and the real service times on the portal) and a few open ones.
#include <fmt/format.h>
#include <sodium.h>

#include "audit/audit.h"
#include "core/service_clock.h"
#include "http/json.h"
#include "modules/services/rules.h"
#include "modules/services/store.h"

namespace pantau::services {

namespace {

struct DemoService {
  std::string_view kind, name_id, name_en;
  int sla, ack;
  std::string_view basis;
  bool confirmed;
};

const DemoService kDemoServices[] = {
    {kResearchPermit, "Surat Keterangan Penelitian", "Research permit (SKP)", 5, 0,
     "Standar pelayanan kantor (Permendagri 7/2014; batas waktu ditetapkan daerah)", false},
    {kInfoRequest, "Permohonan Informasi Publik (PPID)", "Public-information request (PPID)", 10, 0, "UU 14/2008 Pasal 22 ayat (7)", true},
    {kInfoObjection, "Keberatan atas Layanan Informasi", "Objection on an information request", 30, 0, "UU 14/2008 Pasal 36", true},
    {kComplaint, "Pengaduan Masyarakat", "Public complaint", 60, 14, "Batas umum 14/60 hari (belum dikonfirmasi; data kantor)", false},
};

std::string components_json(std::string_view kind, int sla) {
  json::Out o;
  o.begin_object();
  bool permit = kind == kResearchPermit;
  o.kv("legal_basis", permit ? "Permendagri 64/2011 jo. 7/2014; Perda tentang Pelayanan Publik" : "UU 14/2008; PP 61/2010; Perki 1/2021")
      .kv("requirements", permit ? "1. Surat permohonan dari lembaga\n2. Proposal penelitian berbahasa Indonesia\n3. Surat pernyataan bermeterai\n"
                                   "4. KTP/paspor peneliti\n5. Pas foto 4x6"
                                 : "Identitas pemohon dan rincian informasi/aduan")
      .kv("procedure", "1. Pemohon mengisi formulir di portal atau loket\n2. Petugas memeriksa\n3. Keputusan/jawaban disampaikan\n4. Pemohon mengisi survei")
      .kv("completion_time", fmt::format("{} hari kerja sejak permohonan lengkap diterima", sla))
      .kv("cost", "Tidak dipungut biaya (gratis)")
      .kv("product", permit ? "Surat Keterangan Penelitian (PDF dengan nomor surat)" : "Jawaban tertulis")
      .kv("facilities", "Ruang layanan, komputer, akses internet")
      .kv("staff_competence", "Memahami standar pelayanan dan peraturan terkait")
      .kv("internal_supervision", "Atasan langsung dan Inspektorat")
      .kv("complaints", "Portal /layanan, loket, telepon (0511) 3350xxx, SP4N-LAPOR! (lapor.go.id)")
      .kv("staff_count", "3 orang")
      .kv("service_guarantee", "Maklumat Pelayanan")
      .kv("security_guarantee", "Data pemohon dilindungi dan hanya dipakai untuk layanan ini")
      .kv("performance_evaluation", "Evaluasi triwulanan dan SKM tahunan");
  o.end_object();
  return o.take();
}

}  // namespace

Status seed_demo(db::Conn& c) {
  std::vector<std::pair<int64_t, std::string>> offices;
  c.query("SELECT id, region_code FROM org_units WHERE kind = 'KESBANGPOL' AND region_code IN ('63', '63.71') ORDER BY region_code", {},
          [&](const db::Row& r) { offices.emplace_back(r.i64(0), r.str(1)); });
  if (offices.empty() || c.query_i64("SELECT 1 FROM svc_services WHERE region_code IN ('63', '63.71') LIMIT 1")) return {};
  std::string now = now_iso();
  auto cal = load_calendar(c);
  for (auto& [org, region] : offices) {
    for (const auto& d : kDemoServices) {
      int64_t sid = c.insert("INSERT INTO svc_services (org_unit_id, region_code, kind, name_id, name_en, sla_working_days, ack_working_days, "
                             "limit_basis, limit_confirmed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             {org, region, std::string(d.kind), std::string(d.name_id), std::string(d.name_en), int64_t{d.sla}, int64_t{d.ack},
                              std::string(d.basis), int64_t{d.confirmed}, now});
      c.exec("INSERT INTO svc_standards (service_id, version_no, effective_from, components, maklumat, published, created_at) "
             "VALUES (?, 1, '2026-01-02', ?, ?, 1, ?)",
             {sid, components_json(d.kind, d.sla),
              std::string("Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan "
                          "dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku."),
              now});
      Date today = *local_date(now, region);
      // Open requests for the queue: one already late, one due soon, one waiting for the applicant.
      const std::tuple<int, const char*, bool> open[] = {{d.sla + 3, "late", false}, {1, "new", false}, {2, "waiting", true}};
      for (auto& [back, label, waiting] : open) {
        if (d.kind == kInfoObjection) break;
        Date start = civil_from_days(days_from_civil(today));
        for (int k = 0; k < back;) {
          start = civil_from_days(days_from_civil(start) - 1);
          if (cal.is_working_day(start)) ++k;
        }
        std::string status = waiting ? (d.kind == kResearchPermit ? "RETURNED_INCOMPLETE" : d.kind == kComplaint ? "WAITING_APPLICANT" : "RECEIVED")
                                     : std::string(initial_status(d.kind));
        std::string received = format_date(start) + "T01:30:00.000Z";
        int64_t id = c.insert(
            "INSERT INTO svc_cases (service_id, org_unit_id, region_code, kind, reg_no, secret_hash, status, channel, applicant_name, "
            "applicant_contact, subject, body, research_region, received_at, start_date, limit_wd, ack_limit_wd, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'PORTAL', ?, 'pemohon@example.id', ?, 'Data contoh.', ?, ?, ?, ?, ?, ?, ?)",
            {sid, org, region, std::string(d.kind), new_reg_no(d.kind, start.year), secret_hash(new_secret()), status,
             fmt::format("Pemohon berjalan ({})", label), fmt::format("{} (contoh berjalan, {})", d.name_id, label),
             d.kind == kResearchPermit ? db::Value(region) : db::Value(), received, format_date(start), int64_t{d.sla}, int64_t{d.ack},
             received, received});
        c.exec("INSERT INTO svc_events (case_id, at, action, to_status, public_note) VALUES (?, ?, 'SUBMIT', ?, ?)",
               {id, received, std::string(initial_status(d.kind)), std::string("Permohonan diterima dan didaftarkan.")});
        if (waiting && status != "RECEIVED")
          c.exec("INSERT INTO svc_pauses (case_id, seq, from_date, reason) VALUES (?, 1, ?, 'Mohon lengkapi dokumen.')", {id, format_date(today)});
      }
      // A year of finished requests: mostly on time, some late, and their surveys.
      int n = d.kind == kInfoObjection ? 6 : 40;
      for (int i = 0; i < n; ++i) {
        Date start = civil_from_days(days_from_civil(today) - 20 - i * 8);
        if (!cal.is_working_day(start)) start = cal.add_working_days(start, 0);
        int used = 1 + static_cast<int>(randombytes_uniform(static_cast<uint32_t>(d.sla + d.sla / 3 + 1)));
        Date finished = cal.add_working_days(start, used);
        if (days_from_civil(finished) >= days_from_civil(today)) continue;
        std::string reg = new_reg_no(d.kind, start.year);
        std::string received = format_date(start) + "T02:00:00.000Z";
        std::string final_status = d.kind == kResearchPermit ? "CLOSED" : d.kind == kInfoObjection ? "DECIDED" : d.kind == kComplaint ? "CLOSED" : "ANSWERED";
        std::string response = d.kind == kInfoRequest ? (i % 7 == 0 ? "REJECTED_EXEMPT" : i % 5 == 0 ? "GRANTED_PARTIAL" : "GRANTED_FULL")
                               : d.kind == kInfoObjection ? (i % 2 ? "UPHELD" : "DISMISSED") : "";
        int64_t id = c.insert(
            "INSERT INTO svc_cases (service_id, org_unit_id, region_code, kind, reg_no, secret_hash, status, channel, applicant_name, "
            "applicant_contact, subject, body, received_at, start_date, limit_wd, ack_limit_wd, acknowledged_date, finished_date, used_wd, on_time, "
            "response_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {sid, org, region, std::string(d.kind), reg, secret_hash(new_secret()), final_status, std::string(i % 3 ? "PORTAL" : "COUNTER"),
             fmt::format("Pemohon contoh {}", i + 1), std::string("pemohon@example.id"), fmt::format("{} (contoh {})", d.name_id, i + 1),
             std::string("Data contoh."), received, format_date(start), int64_t{d.sla}, int64_t{d.ack},
             d.ack ? db::Value(format_date(cal.add_working_days(start, 1))) : db::Value(), format_date(finished), int64_t{used},
             int64_t{used <= d.sla}, response.empty() ? db::Value() : db::Value(response), received, received});
        c.exec("INSERT INTO svc_events (case_id, at, action, to_status, public_note) VALUES (?, ?, 'SUBMIT', ?, ?)",
               {id, received, std::string(initial_status(d.kind)), std::string("Permohonan diterima dan didaftarkan.")});
        if (i % 2 == 0) {
          db::Params p{id, sid, region, format_date(finished) + "T08:00:00.000Z"};
          for (int e = 0; e < kSkmElements; ++e) p.push_back(int64_t{3 + static_cast<int>(randombytes_uniform(2))});
          c.exec("INSERT INTO svc_surveys (case_id, service_id, region_code, answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 p);
        }
      }
    }
    const std::tuple<const char*, const char*, const char*, const char*> items[] = {
        {"BERKALA", "Laporan Kinerja Instansi Pemerintah (LKjIP)", "Ringkasan capaian kinerja tahunan", ""},
        {"BERKALA", "Rencana Strategis dan Rencana Kerja", "Dokumen perencanaan lima tahunan dan tahunan", ""},
        {"SERTA_MERTA", "Informasi kewaspadaan dini dan potensi gangguan ketertiban umum", "Diumumkan segera bila mengancam hajat hidup orang banyak", ""},
        {"SETIAP_SAAT", "Daftar organisasi kemasyarakatan yang terdaftar", "Nama, alamat, dan nomor SKT", ""},
        {"SETIAP_SAAT", "Standar pelayanan dan Maklumat Pelayanan", "Seluruh layanan kantor", ""},
        {"DIKECUALIKAN", "Laporan intelijen dan hasil deteksi dini", "",
         "UU 14/2008 Pasal 17 huruf c (pertahanan dan keamanan negara); uji konsekuensi oleh PPID tanggal 2 Januari 2026"},
    };
    for (auto& [cls, title, summary, basis] : items)
      c.exec("INSERT INTO svc_info_list (org_unit_id, region_code, info_class, title, summary, responsible, form, retention, exemption_basis, updated_at) "
             "VALUES (?, ?, ?, ?, ?, 'PPID Pelaksana Badan Kesbangpol', 'Softcopy/hardcopy', '5 tahun', ?, ?)",
             {org, region, std::string(cls), std::string(title), std::string(summary), std::string(basis), now});
    audit::append(c, auth::Scope::system(), {"seed", "svc_service", "", region, 0, std::nullopt, std::string(R"({"source":"demo"})")});
  }
  rebuild_times(c);
  return {};
}

}  // namespace pantau::services
