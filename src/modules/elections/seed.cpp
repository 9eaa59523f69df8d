#include "modules/elections/seed.h"

#include "audit/audit.h"
#include "auth/account_scope.h"
#include "core/time.h"
#include "files/evidence.h"
#include "http/json.h"
#include "modules/elections/store.h"
#include "report/pdf.h"

namespace pantau::elections {

namespace {


int64_t ensure_unit(db::Conn& c, const std::string& name, const std::string& region) {
  if (auto id = c.query_i64("SELECT id FROM org_units WHERE name = ? AND region_code = ?",
                            {name, region}))
    return *id;
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO org_units (name, kind, region_code, parent_id, created_at, updated_at, version) "
      "VALUES (?, 'PERANGKAT_DAERAH', ?, NULL, ?, ?, 1)",
      {name, region, now, now});
  audit::append(
      c, auth::Scope::system(),
      {"create", "org_unit", std::to_string(id), region, 0, std::nullopt,
       json::object("name", name, "kind", "PERANGKAT_DAERAH", "source", "demo")});
  return id;
}

struct DemoEvidence {
  const char* title;
  const char* verdict;  // "" = left pending
  const char* note;
  bool replaces_previous = false;
};

struct DemoInstrument {
  const char* unit;
  const char* item;
  InstrumentStatus status;
  const char* target;
  const char* realisation;
  std::optional<int64_t> amount;
  const char* note;
  std::vector<DemoEvidence> evidence;
};

// Places a generated PDF and records it as an upload by `op` for instrument `inst`.
Result<int64_t> demo_file(db::Conn& c, files::EvidenceStore& store, const auth::Scope& op,
                          const Instrument& inst, const std::string& title) {
  PANTAU_TRY(std::string pdf, report::text_pdf(title, {inst.item_description.id, inst.org_unit_name, inst.region_name,
                                                      "Pilkada Serentak 2024 - data dukung contoh (demo)"}));
  std::string file_name = title;
  for (char& ch : file_name)
    if (ch == ' ' || ch == '/') ch = '_';
  files::UploadMeta meta{file_name + ".pdf", inst.region_code, "support_instrument",
                         std::to_string(inst.id), inst.classification};
  PANTAU_TRY(files::StoredFile f, store.store_bytes(c, op, pdf, meta));
  return f.id;
}

Status seed_region(db::Conn& c, files::EvidenceStore* store, int64_t election_id,
                   const std::string& region, const auth::Scope& op,
                   const std::optional<auth::Scope>& reviewer,
                   const std::vector<DemoInstrument>& plan) {
  for (const auto& d : plan) {
    int64_t unit = ensure_unit(c, d.unit, region);
    InstrumentInput in;
    in.election_id = election_id;
    in.org_unit_id = unit;
    in.item_code = d.item;
    in.target = d.target;
    in.realisation = d.realisation;
    in.amount_rupiah = d.amount;
    in.status = d.status;
    in.note = d.note;
    PANTAU_TRY(Instrument inst, create_instrument(c, op, in));
    if (!store) continue;
    std::optional<int64_t> previous;
    for (const auto& e : d.evidence) {
      PANTAU_TRY(int64_t file_id, demo_file(c, *store, op, inst, e.title));
      EvidenceInput link{file_id, e.title, e.replaces_previous ? previous : std::nullopt};
      PANTAU_TRY(Evidence ev, link_evidence(c, op, inst.id, link));
      previous = ev.id;
      if (*e.verdict && reviewer)
        PANTAU_CHECK(give_verdict(c, *reviewer, inst.id, ev.id, std::nullopt, e.verdict, e.note));
    }
  }
  return {};
}

}  // namespace

Status seed_demo(db::Conn& c, files::EvidenceStore* store) {
  auto election = c.query_i64(
      "SELECT id FROM elections WHERE type = 'PILKADA' AND polling_date = '2024-11-27' "
      "AND scope_region_code = ''");
  if (!election) return {};
  if (c.query_i64("SELECT 1 FROM support_instruments WHERE election_id = ? AND (region_code = '63' "
                  "OR region_code = '63.71')",
                  {*election}))
    return {};
  auto kalsel_op = auth::scope_of_account(c, "kalsel.operator");
  auto bjm_op = auth::scope_of_account(c, "banjarmasin.operator");
  if (!kalsel_op || !bjm_op) return {};
  auto kalsel_reviewer = auth::scope_of_account(c, "kalsel.analis");  // reviews Kota Banjarmasin
  auto pusat_reviewer = auth::scope_of_account(c, "pusat.analis");    // reviews the province

  using S = InstrumentStatus;
  const std::string bpkad =
      "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Selatan";
  const std::string kominfo =
      "Dinas Komunikasi, Informatika dan Statistik Provinsi Kalimantan Selatan";
  const std::string dukcapil =
      "Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Selatan";
  const std::string satpol = "Satuan Polisi Pamong Praja Provinsi Kalimantan Selatan";
  std::vector<DemoInstrument> province = {
      {bpkad.c_str(),
       "HIBAH_KPU",
       S::Done,
       "NPHD ditandatangani dan dana hibah disalurkan penuh",
       "NPHD ditandatangani; dana disalurkan dalam dua tahap",
       int64_t{150'000'000'000},
       "",
       {{"NPHD hibah KPU Provinsi Kalimantan Selatan", "ACCEPTED", ""}}},
      {bpkad.c_str(),
       "HIBAH_BAWASLU",
       S::Done,
       "NPHD ditandatangani dan dana hibah disalurkan penuh",
       "NPHD ditandatangani; dana disalurkan",
       int64_t{60'000'000'000},
       "",
       {{"NPHD hibah Bawaslu Provinsi Kalimantan Selatan", "ACCEPTED", ""}}},
      {satpol.c_str(),
       "DUKUNGAN_PENGAMANAN",
       S::InProgress,
       "Personel pengamanan kantor KPU dan gudang logistik",
       "Personel disiagakan di kantor KPU",
       std::nullopt,
       "",
       {{"Surat perintah tugas pengamanan", "REJECTED",
         "Surat perintah tugas belum ditandatangani; unggah versi yang sudah ditandatangani."}}},
      {dukcapil.c_str(),
       "DATA_KEPENDUDUKAN",
       S::Done,
       "Penyerahan DP4 kepada KPU Provinsi",
       "DP4 diserahkan",
       std::nullopt,
       "",
       {{"Berita acara penyerahan DP4", "", ""}}},
      {kominfo.c_str(),
       "DUKUNGAN_INFORMASI",
       S::Done,
       "Publikasi tahapan pemilihan di kanal resmi pemerintah provinsi",
       "Publikasi rutin di laman dan media sosial resmi",
       std::nullopt,
       "",
       {{"Rekap publikasi tahapan pemilihan", "ACCEPTED", ""},
        {"Tangkapan layar kanal resmi", "ACCEPTED", ""}}},
      {kominfo.c_str(),
       "P434_SOSIALISASI",
       S::NotStarted,
       "Sosialisasi di 13 kabupaten/kota",
       "",
       std::nullopt,
       "",
       {}},
  };
  const std::string kominfo_bjm = "Dinas Komunikasi dan Informatika Kota Banjarmasin";
  const std::string dukcapil_bjm = "Dinas Kependudukan dan Pencatatan Sipil Kota Banjarmasin";
  const std::string dishub_bjm = "Dinas Perhubungan Kota Banjarmasin";
  const std::string setda_bjm = "Sekretariat Daerah Kota Banjarmasin";
  std::vector<DemoInstrument> banjarmasin = {
      {dukcapil_bjm.c_str(),
       "DATA_KEPENDUDUKAN",
       S::Done,
       "Penyerahan DP4 kepada KPU Kota Banjarmasin",
       "DP4 diserahkan",
       std::nullopt,
       "",
       {{"Berita acara penyerahan DP4 Kota Banjarmasin", "ACCEPTED", ""}}},
      {kominfo_bjm.c_str(),
       "DUKUNGAN_INFORMASI",
       S::InProgress,
       "Publikasi jadwal dan tahapan pemilihan",
       "Publikasi tahapan berjalan",
       std::nullopt,
       "",
       {{"Rekap publikasi tahapan", "ACCEPTED", ""},
        {"Dokumentasi publikasi jadwal kampanye", "INCOMPLETE",
         "Dokumentasi belum mencakup jadwal kampanye; lengkapi dengan tautan publikasinya."}}},
      {kominfo_bjm.c_str(),
       "P434_SOSIALISASI",
       S::Done,
       "Sosialisasi di 5 kecamatan",
       "Sosialisasi di 5 kecamatan selesai",
       std::nullopt,
       "",
       {{"Daftar hadir sosialisasi", "REJECTED", "Pindaian daftar hadir tidak terbaca."},
        {"Daftar hadir sosialisasi (pindaian ulang)", "", "", true}}},
      {dishub_bjm.c_str(),
       "P434_TRANSPORTASI_LOGISTIK",
       S::Done,
       "Angkutan distribusi logistik ke 5 kecamatan",
       "Distribusi logistik selesai tepat waktu",
       std::nullopt,
       "",
       {{"Surat tugas armada distribusi logistik", "ACCEPTED", ""}}},
      {setda_bjm.c_str(),
       "P434_PERSONEL",
       S::Done,
       "Penugasan ASN pada sekretariat PPK dan PPS",
       "SK penugasan diterbitkan",
       std::nullopt,
       "",
       {{"SK penugasan sekretariat PPK dan PPS", "ACCEPTED", ""}}},
      {setda_bjm.c_str(),
       "P434_RUANG_SEKRETARIAT",
       S::Done,
       "Ruang sekretariat PPK di 5 kantor kecamatan",
       "Ruang tersedia di 5 kantor kecamatan",
       std::nullopt,
       "",
       {{"Berita acara pinjam pakai ruang", "ACCEPTED", ""}}},
      {setda_bjm.c_str(),
       "P434_LAINNYA",
       S::NotApplicable,
       "",
       "",
       std::nullopt,
       "Tidak ada permintaan kegiatan lain dari KPU Kota Banjarmasin.",
       {}},
  };
  PANTAU_CHECK(seed_region(c, store, *election, "63", *kalsel_op, pusat_reviewer, province));
  PANTAU_CHECK(seed_region(c, store, *election, "63.71", *bjm_op, kalsel_reviewer, banjarmasin));
  return {};
}

}  // namespace pantau::elections
