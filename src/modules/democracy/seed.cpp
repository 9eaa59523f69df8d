#include "modules/democracy/seed.h"

#include "core/time.h"

namespace pantau::democracy {

namespace {
struct DemoItem {
  int days_ago;
  const char* region;
  int indicator, sign;
  const char* description;
  const char* source;
  const char* handled_by;
};

// Illustrative items of the kinds a Pokja codes; not real events.
const DemoItem kItems[] = {
    {350, "63", 20, 1, "Ringkasan APBD provinsi dipublikasikan di laman resmi", "Laman BPKAD Provinsi (contoh)", "Bidang Poldagri"},
    {330, "63.71", 1, -1, "Aparat membubarkan diskusi mahasiswa tentang tata ruang kota", "Media daring lokal (contoh)", "Bidang Poldagri"},
    {320, "63.71", 9, 1, "DPRD kota menggelar rapat dengar pendapat umum soal banjir", "Risalah RDPU DPRD (contoh)", "Bidang Poldagri"},
    {300, "63.03", 3, -1, "Penolakan warga terhadap renovasi rumah ibadah", "Laporan Kesbangpol Kab. Banjar (contoh)", "Bidang Ideologi"},
    {290, "63.72", 13, 1, "PPID kota menjawab seluruh permohonan informasi tepat waktu", "Laporan PPID (contoh)", "Bidang Poldagri"},
    {270, "63.01", 6, -1, "Pemogokan buruh perkebunan karena upah tertunggak", "Media daring lokal (contoh)", "Bidang Ekonomi"},
    {260, "63", 22, 1, "Pendidikan politik bagi kader partai oleh Kesbangpol", "Laporan kegiatan (contoh)", "Bidang Poldagri"},
    {240, "63.10", 19, -1, "Sengketa lahan tambang dengan masyarakat adat", "Media daring lokal (contoh)", "Bidang Ketahanan"},
    {225, "63.71", 7, -1, "Wartawan dihalangi saat meliput unjuk rasa", "Pernyataan AJI (contoh)", "Bidang Poldagri"},
    {210, "63.09", 8, 1, "Keterwakilan perempuan di DPRD kabupaten naik", "Data KPU kabupaten (contoh)", "Bidang Poldagri"},
    {200, "63", 15, 1, "DPRD provinsi menuntaskan Propemperda tepat waktu", "Laman DPRD (contoh)", "Bidang Poldagri"},
    {180, "63.04", 2, -1, "Bentrokan antarkelompok pemuda setelah pertandingan", "Laporan Polres (contoh)", "Bidang Ketahanan"},
    {170, "63.72", 21, 1, "Mal pelayanan publik kota memperoleh nilai kepatuhan tinggi", "Laporan Ombudsman (contoh)", "Bidang Poldagri"},
    {150, "63.71", 17, -1, "Dugaan ketidaknetralan penyelenggara ad hoc", "Putusan DKPP (contoh)", "Bidang Poldagri"},
    {140, "63.06", 5, 1, "TPS ramah disabilitas di seluruh kecamatan", "Laporan KPU kabupaten (contoh)", "Bidang Poldagri"},
    {120, "63", 4, -1, "Surat edaran yang membatasi kegiatan organisasi kemahasiswaan", "Dokumen surat edaran (contoh)", "Bidang Ideologi"},
    {110, "63.71", 11, 1, "Perluasan jaminan kesehatan warga miskin", "Laman Dinas Sosial (contoh)", "Bidang Ekonomi"},
    {95, "63.02", 14, -1, "Keluhan layanan air bersih di desa terpencil", "Media daring lokal (contoh)", "Bidang Ekonomi"},
    {80, "63.71", 1, -1, "Pembubaran aksi damai di depan kantor gubernur", "Media daring lokal (contoh)", "Bidang Poldagri"},
    {70, "63.72", 16, 1, "Pengadilan negeri mempercepat layanan e-court", "Laman PN (contoh)", "Bidang Poldagri"},
    {60, "63.05", 3, 1, "Forum kerukunan umat beragama menengahi perselisihan", "Laporan FKUB (contoh)", "Bidang Ideologi"},
    {45, "63", 22, -1, "Dua partai belum melaporkan kegiatan pendidikan politik", "Evaluasi LPJ banpol (contoh)", "Bidang Poldagri"},
    {30, "63.71", 9, 1, "Musrenbang kota melibatkan kelompok perempuan dan disabilitas", "Notulen Musrenbang (contoh)", "Bidang Poldagri"},
    {20, "63.11", 10, -1, "Penguasaan lahan oleh satu perusahaan dikeluhkan warga", "Media daring lokal (contoh)", "Bidang Ekonomi"},
    {10, "63.71", 18, 1, "Pemerintah kota melaksanakan putusan PTUN", "Salinan putusan (contoh)", "Bidang Poldagri"},
};
}  // namespace

Status seed_demo(db::Conn& c) {
  if (c.query_i64("SELECT 1 FROM democracy_evidence WHERE region_code >= '63' AND region_code < '63/'")) return {};
  auto analyst = c.query_i64("SELECT id FROM users WHERE username = 'kalsel.analis'");
  if (!analyst) return {};
  Date today = *parse_date(now_iso().substr(0, 10));
  std::string now = now_iso();
  for (const auto& i : kItems) {
    Date d = civil_from_days(days_from_civil(today) - i.days_ago);
    c.exec("INSERT INTO democracy_evidence (year, region_code, indicator_no, event_date, description, source, sign, handled_by, "
           "classification, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
           {int64_t{d.year}, std::string(i.region), int64_t{i.indicator}, format_date(d), std::string(i.description), std::string(i.source),
            int64_t{i.sign}, std::string(i.handled_by), *analyst, now, now});
  }
  return {};
}

}  // namespace pantau::democracy
