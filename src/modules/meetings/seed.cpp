#include "modules/meetings/seed.h"

#include <fmt/format.h>
#include <png.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include "auth/account_scope.h"
#include "auth/scope.h"
#include "files/evidence.h"
#include "modules/meetings/public.h"
#include "modules/meetings/store.h"
#include "modules/org/public.h"
#include "report/pdf.h"

namespace pantau::meetings {

namespace {

// A signature-like scribble, different per person.
std::string scribble(int seed) {
  int a = 20 + seed * 7 % 40, b = 30 + seed * 13 % 50;
  return fmt::format("[[[10,{0}],[40,{1}],[70,{2}],[100,{3}],[130,{4}]],[[60,90],[{5},70],[200,{6}]]]", 80 - a / 2, b, 95 - a,
                     40 + b / 3, 60 + a / 2, 150 + seed % 30, 40 + seed * 3 % 50);
}

int64_t unit_id(db::Conn& c, const std::string& region) {
  auto o = org::kesbangpol_office(c, region);
  return o ? o->id : 0;
}


// A small drawn picture of the forum (480 x 320, PNG): a speaker before the projection screen
// (variant 0) or the participants under the event banner (variant 1). Flat colours keep it a
// few kilobytes.
std::string forum_picture(int variant) {
  constexpr int W = 480, H = 320;
  struct Rgb {
    unsigned char r, g, b;
  };
  std::vector<unsigned char> px(static_cast<size_t>(W) * H * 3);
  auto rect = [&](int x0, int y0, int x1, int y1, Rgb c) {
    for (int y = std::max(0, y0); y < std::min(H, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(W, x1); ++x) {
        unsigned char* p = &px[(static_cast<size_t>(y) * W + x) * 3];
        p[0] = c.r, p[1] = c.g, p[2] = c.b;
      }
  };
  auto disc = [&](int cx, int cy, int r, Rgb c) {
    for (int y = cy - r; y <= cy + r; ++y)
      for (int x = cx - r; x <= cx + r; ++x)
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) rect(x, y, x + 1, y + 1, c);
  };
  const Rgb wall{233, 225, 208}, floor{139, 101, 72}, skin{196, 152, 112}, hair{40, 32, 28}, white{250, 250, 247};
  const std::array<Rgb, 6> clothes = {Rgb{32, 52, 96}, Rgb{128, 36, 44}, Rgb{44, 96, 72}, Rgb{150, 110, 40}, Rgb{70, 70, 78}, Rgb{96, 60, 120}};
  auto person = [&](int cx, int top, int scale, Rgb cloth) {
    rect(cx - scale, top + scale * 2, cx + scale, top + scale * 6, cloth);
    disc(cx, top + scale, scale * 2 / 3 + 2, skin);
    rect(cx - scale / 2 - 1, top, cx + scale / 2 + 1, top + scale / 3 + 1, hair);
  };
  rect(0, 0, W, H, wall);
  rect(0, 250, W, H, floor);
  if (variant == 0) {
    rect(170, 30, 430, 180, Rgb{60, 60, 60});
    rect(174, 34, 426, 176, white);
    rect(174, 34, 426, 62, Rgb{28, 78, 140});
    for (int i = 0; i < 4; ++i) rect(190, 78 + i * 22, 400 - i * 30, 88 + i * 22, Rgb{160, 168, 180});
    person(105, 110, 18, clothes[0]);
    rect(70, 170, 140, 250, Rgb{110, 76, 50});  // the lectern
    for (int i = 0; i < 8; ++i) person(40 + i * 58, 258, 14, clothes[i % clothes.size()]);
  } else {
    rect(50, 24, 430, 86, Rgb{140, 28, 38});
    rect(50, 52, 430, 58, Rgb{236, 200, 96});
    for (int i = 0; i < 7; ++i) person(70 + i * 57, 110, 16, clothes[(i + 2) % clothes.size()]);
    rect(0, 190, W, 200, Rgb{120, 84, 60});
    for (int i = 0; i < 8; ++i) person(45 + i * 56, 196, 16, clothes[(i + 4) % clothes.size()]);
  }
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = W;
  image.height = H;
  image.format = PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, px.data(), 0, nullptr)) return {};
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, px.data(), 0, nullptr)) return {};
  out.resize(size);
  return out;
}

}  // namespace

Status seed_demo(db::Conn& c, files::EvidenceStore* files) {
  if (c.query_i64("SELECT 1 FROM meetings WHERE series = 'rakor-kesbangpol-kalsel'")) return {};
  const auth::Scope sys = auth::Scope::system();
  auto must = [](auto r) {
    if (!r.ok()) throw db::DbError(db::DbError::Kind::Other, "demo meetings: " + r.error().message.en + (r.error().fields.empty() ? "" : " " + r.error().fields[0].field));
    return r;
  };
  auto version = [&](int64_t id) { return c.query_i64("SELECT version FROM meetings WHERE id = ?", {id}).value_or(1); };
  auto step = [&](int64_t id, MeetingAction a, const std::string& at) {
    (void)must(act_on_meeting(c, sys, id, version(id), a, *parse_iso(at)));
  };

  // ---- the province's rakor, 24-25 March 2026, Banjarbaru ----
  MeetingInput r;
  r.type = "RAKOR";
  r.title = "Rapat Koordinasi Badan Kesbangpol se-Kalimantan Selatan Tahun 2026";
  r.theme = "Sinergi Kesbangpol dalam menjaga stabilitas politik dalam negeri";
  r.legal_basis = "Permendagri Nomor 61 Tahun 2011\nPermendagri Nomor 2 Tahun 2018 jo. Nomor 46 Tahun 2019";
  r.series = "rakor-kesbangpol-kalsel";
  r.region_code = "63";
  r.organiser_org_unit_id = unit_id(c, "63");
  r.chair_name = "H. Muhammad Syarifuddin";
  r.chair_position = "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Selatan";
  r.secretary_name = "Siti Rahmah";
  r.start_at = "2026-03-24T01:00:00.000Z";
  r.end_at = "2026-03-25T08:00:00.000Z";
  r.venue = "Aula Gawi Sabarataan, Banjarbaru";
  r.agenda = "Pembukaan\nPemaparan kesiapan pemantauan politik 2026\nDiskusi\nPerumusan kesepakatan";
  r.budget_source = "APBD Provinsi Kalimantan Selatan 2026";
  r.invitation_no = "005/0231/Bakesbangpol/2026";
  r.invitation_date = "2026-03-10";
  int64_t rakor = must(create_meeting(c, sys, r)).value();
  std::vector<std::pair<std::string, std::string>> kab;
  c.query("SELECT code, name FROM regions WHERE parent_code = '63' ORDER BY code", {}, [&](const db::Row& x) { kab.emplace_back(x.str(0), x.str(1)); });
  Participant chair;
  chair.name = r.chair_name.value();
  chair.position = "Kepala Badan";
  chair.institution = "Badan Kesbangpol Provinsi Kalimantan Selatan";
  chair.present = true;
  (void)must(add_participant(c, sys, rakor, chair));
  int n = 0;
  for (auto& [code, name] : kab) {
    Participant p;
    p.name = fmt::format("Kepala Badan Kesbangpol {}", name);
    p.position = "Kepala Badan";
    p.institution = "Badan Kesbangpol " + name;
    p.present = ++n % 6 != 0;  // two offices sent nobody
    (void)must(add_participant(c, sys, rakor, p));
  }
  step(rakor, MeetingAction::Invite, "2026-03-11T02:00:00.000Z");
  step(rakor, MeetingAction::Hold, "2026-03-24T02:00:00.000Z");
  struct Deal {
    const char* text;
    const char* category;
    const char* target;
    const char* action;
    const char* owner;  // region of the owner office
    const char* due;
    int state;          // 0 open, 1 realised, 2 in progress
  };
  const std::vector<Deal> deals = {
      {"Mengusulkan dukungan operasional lapangan berupa kendaraan dinas roda empat bagi Badan Kesbangpol kabupaten/kota untuk "
       "pemantauan dan evaluasi Pemilihan Kepala Daerah.", "FACILITY", "2026-09-30", "Menyusun usulan pengadaan kendaraan roda empat", "63", "2026-06-30", 0},
      {"Mengalokasikan anggaran kegiatan peningkatan partisipasi masyarakat dan pemeliharaan stabilitas politik dalam negeri.",
       "BUDGET", "2026-10-31", "Mengusulkan anggaran partisipasi masyarakat dalam KUA-PPAS 2027", "63.71", "2026-08-31", 1},
      {"Mengusulkan bantuan hibah anggaran bagi Badan Kesbangpol kabupaten/kota menjelang pemilihan.", "BUDGET", "2026-11-30",
       "Menyampaikan usulan hibah kepada TAPD provinsi", "63", "2026-07-31", 0},
      {"Melaksanakan sosialisasi pendidikan politik dan peningkatan partisipasi pemilih, khususnya perempuan dan pemilih pemula.",
       "PROGRAM", "2026-12-31", "Sosialisasi pendidikan politik bagi pemilih pemula di 5 SMA", "63.71", "2026-10-31", 1},
      {"Mengoptimalkan Tim Terpadu Penanganan Konflik Sosial di setiap kabupaten/kota.", "COORDINATION", "2026-06-30",
       "Memperbarui keputusan Tim Terpadu Penanganan Konflik Sosial", "63.72", "2026-05-31", 1},
      {"Memperkuat Tim Kewaspadaan Dini Pemerintah Daerah dalam menjaga ketenteraman dan ketertiban masyarakat.", "COORDINATION",
       "2026-06-30", "Rapat rutin bulanan Tim Kewaspadaan Dini", "63.01", "2026-06-30", 2},
      {"Berkoordinasi dan bekerja sama dalam pemantauan orang asing dan lembaga asing melalui perangkat daerah teknis dan instansi "
       "vertikal.", "COORDINATION", "2026-12-31", "Rapat koordinasi Tim Pengawasan Orang Asing", "63", "2026-09-30", 0},
      {"Menyampaikan laporan peta rawan konflik sosial secara berkala dari Badan Kesbangpol kabupaten/kota kepada Badan Kesbangpol "
       "Provinsi sebagai bahan laporan kepada Gubernur.", "REPORTING", "2026-12-31", "Menyampaikan peta rawan konflik triwulan II",
       "63.71", "2026-07-15", 1},
      {"Menyampaikan laporan perkembangan politik di daerah setiap triwulan tepat waktu melalui Pantau.", "REPORTING", "2026-12-31",
       "Menyampaikan laporan triwulan III melalui Pantau", "63.72", "2026-10-10", 0},
      {"Memfasilitasi verifikasi bantuan keuangan partai politik sesuai jadwal.", "PROGRAM", "2026-06-30",
       "Menyelesaikan verifikasi permohonan banpol tahun anggaran 2026", "63.71", "2026-06-30", 1},
      {"Meningkatkan kapasitas aparatur Kesbangpol melalui bimbingan teknis pemantauan politik.", "PROGRAM", "2026-11-30",
       "Bimbingan teknis penggunaan Pantau bagi operator kabupaten/kota", "63", "2026-05-31", 1},
      {"Mendorong penyusunan peraturan daerah tentang pencegahan konflik sosial.", "POLICY", "2027-06-30",
       "Menyusun naskah akademik rancangan peraturan daerah", "63", "2027-03-31", 0},
      {"Mendata organisasi kemasyarakatan yang aktif di setiap kabupaten/kota.", "PROGRAM", "2026-09-30",
       "Memutakhirkan data ormas aktif", "63.01", "2026-08-31", 0},
      {"Melaporkan hasil kesepakatan rapat koordinasi ini kepada Gubernur Kalimantan Selatan.", "REPORTING", "2026-04-30",
       "Menyampaikan laporan hasil rakor kepada Gubernur", "63", "2026-04-30", 1},
      {"Rapat Koordinasi Badan Kesbangpol se-Kalimantan Selatan Tahun 2027 diselenggarakan pada bulan Februari 2027 di Kabupaten "
       "Tabalong.", "NEXT_MEETING", "2027-02-28", "Menyiapkan penyelenggaraan rakor 2027 di Tabalong", "63.09", "2027-01-31", 0}};
  std::vector<int64_t> done_items;
  for (auto& d : deals) {
    Agreement a;
    a.text = d.text;
    a.category = d.category;
    a.target_date = d.target;
    a.addressees = std::string(d.owner) == "63" ? "Badan Kesbangpol Provinsi" : "Badan Kesbangpol kabupaten/kota";
    int64_t aid = must(add_agreement(c, sys, rakor, a)).value();
    ActionItemInput ai;
    ai.meeting_id = rakor;
    ai.agreement_id = aid;
    ai.action = d.action;
    ai.output = "Dokumen/laporan kegiatan";
    ai.owner_org_unit_id = unit_id(c, d.owner);
    if (!*ai.owner_org_unit_id) ai.owner_org_unit_id.reset();
    ai.start_date = "2026-04-01";
    ai.due_date = d.due;
    int64_t item = must(create_action_item(c, sys, ai)).value();
    if (d.state == 1) done_items.push_back(item);
    if (d.state == 2) c.exec("UPDATE action_items SET status = 'IN_PROGRESS', progress_pct = 50 WHERE id = ?", {item});
  }
  Minutes mn;
  mn.opening_summary = "Rapat dibuka oleh Kepala Badan Kesbangpol Provinsi Kalimantan Selatan.";
  mn.discussion = {{"Kepala Bidang Politik Dalam Negeri", "Pemaparan kesiapan pemantauan politik 2026 dan pelaporan melalui Pantau."}};
  mn.conclusions = {"Lima belas kesepakatan dirumuskan dan ditindaklanjuti melalui rencana aksi."};
  (void)must(save_minutes(c, sys, rakor, mn));
  (void)must(approve_minutes(c, sys, rakor));
  step(rakor, MeetingAction::Minute, "2026-03-25T09:00:00.000Z");
  int seed = 0;
  for (auto& p : participants(c, rakor))
    if (p.present) (void)must(sign_berita_acara(c, sys, rakor, p.id, scribble(++seed)));
  step(rakor, MeetingAction::Close, "2026-03-26T02:00:00.000Z");
  for (int64_t item : done_items) {
    FollowUp f;
    f.date = "2026-05-20";
    f.action_taken = "Telah dilaksanakan; laporan dan dokumentasi terlampir.";
    f.progress_pct = 100;
    int64_t fu = must(add_follow_up(c, sys, item, f)).value();
    (void)must(verify_follow_up(c, sys, fu, true));
  }

  // The next rakor of the series: its agenda carries the open items.
  MeetingInput next = r;
  next.title = "Rapat Koordinasi Badan Kesbangpol se-Kalimantan Selatan Tahun 2027";
  next.start_at = "2027-02-16T01:00:00.000Z";
  next.end_at = "2027-02-17T08:00:00.000Z";
  next.venue = "Gedung Pusat Pemerintahan Kabupaten Tabalong, Tanjung";
  next.agenda = "Pembukaan\nTindak lanjut kesepakatan sebelumnya\nPemaparan program 2027\nPerumusan kesepakatan";
  next.invitation_no = "";
  next.invitation_date = "";
  (void)must(create_meeting(c, sys, next));

  // ---- Kota Banjarmasin's public forum with the Ombudsman, 16 May 2026 ----
  MeetingInput f;
  f.type = "FORUM";
  f.title = "Forum Konsultasi Publik Standar Pelayanan Kesbangpol Kota Banjarmasin";
  f.theme = "Standar pelayanan surat keterangan terdaftar dan rekomendasi penelitian";
  f.legal_basis = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\nPermenPANRB Nomor 15 Tahun 2014";
  f.region_code = "63.71";
  f.organiser_org_unit_id = unit_id(c, "63.71");
  f.chair_name = "Rusdiansyah";
  f.chair_position = "Kepala Badan Kesatuan Bangsa dan Politik Kota Banjarmasin";
  f.start_at = "2026-05-16T01:00:00.000Z";
  f.end_at = "2026-05-16T05:00:00.000Z";
  f.venue = "Aula Kayuh Baimbai, Balai Kota Banjarmasin";
  int64_t forum = must(create_meeting(c, sys, f)).value();
  const std::vector<std::array<const char*, 4>> people = {
      {"Rusdiansyah", "Kepala Badan", "Badan Kesbangpol Kota Banjarmasin", "GOV"},
      {"Hadi Rahman", "Kepala Keasistenan Pencegahan Maladministrasi", "Ombudsman RI Perwakilan Kalimantan Selatan", "GOV"},
      {"Ahmad Rizani", "Sekretaris", "DPC Partai Golkar Kota Banjarmasin", "PARTY"},
      {"Nurul Hidayah", "Bendahara", "DPC PKB Kota Banjarmasin", "PARTY"},
      {"Muhammad Ilham", "Ketua", "Pemuda Pancasila Kota Banjarmasin", "ORMAS"},
      {"Dr. Siti Mariam", "Dosen", "Universitas Lambung Mangkurat", "ACADEMIC"},
      {"Fajar Maulana", "Wartawan", "Banjarmasin Post", "MEDIA"}};
  for (auto& [name, pos, inst, type] : people) {
    Participant p;
    p.name = name;
    p.position = pos;
    p.institution = inst;
    p.participant_type = type;
    (void)must(add_participant(c, sys, forum, p));
  }
  step(forum, MeetingAction::Invite, "2026-05-08T02:00:00.000Z");
  step(forum, MeetingAction::Hold, "2026-05-16T02:00:00.000Z");
  seed = 40;
  for (auto p : participants(c, forum)) {
    p.present = true;
    p.attendance_signature = scribble(++seed);
    (void)must(update_participant(c, sys, forum, p.id, p));
  }
  // Two speakers, each with the slides of the talk, and two documentation photos, entered by the
  // city's operator (a file needs an uploader); without that account or a files store, the
  // speakers only.
  const auto op = auth::scope_of_account(c, "banjarmasin.operator");
  const auth::Scope& clerk = op ? *op : sys;
  const bool with_files = files && op;
  struct Talk {
    const char* name;
    const char* position;
    const char* topic;
    const char* file;
    std::vector<std::string> slides;
  };
  const std::vector<Talk> talks = {
      {"Hadi Rahman", "Kepala Keasistenan Pencegahan Maladministrasi, Ombudsman RI Perwakilan Kalimantan Selatan",
       "Standar pelayanan publik dan pencegahan maladministrasi", "paparan-standar-pelayanan-publik.pdf",
       {"Standar Pelayanan Publik dan Pencegahan Maladministrasi", "Hadi Rahman - Ombudsman RI Perwakilan Kalimantan Selatan",
        "Forum Konsultasi Publik, Banjarmasin, 16 Mei 2026", "", "1. Komponen standar pelayanan (UU 25/2009 Pasal 21)",
        "2. Maklumat pelayanan dan publikasi", "3. Pengelolaan pengaduan", "4. Bentuk maladministrasi yang sering terjadi"}},
      {"Dr. Siti Mariam", "Dosen, Universitas Lambung Mangkurat", "Partisipasi masyarakat dalam penyusunan standar pelayanan",
       "paparan-partisipasi-masyarakat.pdf",
       {"Partisipasi Masyarakat dalam Penyusunan Standar Pelayanan", "Dr. Siti Mariam - Universitas Lambung Mangkurat",
        "Forum Konsultasi Publik, Banjarmasin, 16 Mei 2026", "", "1. Mengapa standar pelayanan dibahas bersama masyarakat",
        "2. Unsur masyarakat yang perlu dilibatkan", "3. Survei kepuasan dan tindak lanjutnya"}}};
  for (const auto& t : talks) {
    SpeakerInput in;
    in.name = t.name;
    in.position = t.position;
    in.topic = t.topic;
    int64_t sid = must(add_speaker(c, clerk, forum, in)).value();
    if (!with_files) continue;
    Meeting m = must(material_target(c, clerk, forum, sid)).value();
    files::UploadMeta meta{t.file, m.region_code, "meeting_speaker", std::to_string(sid), m.classification};
    const std::vector<std::string> body(t.slides.begin() + 1, t.slides.end());
    const std::string pdf = must(report::text_pdf(t.slides.front(), body)).value();
    int64_t file_id = must(files->store_bytes(c, clerk, pdf, meta)).value().id;
    (void)must(add_material(c, clerk, m, sid, t.file, file_id));
  }
  if (with_files) {
    const std::array<std::pair<const char*, const char*>, 2> shots = {
        std::pair{"Pemaparan standar pelayanan publik oleh Ombudsman RI Perwakilan Kalimantan Selatan", "paparan-ombudsman.png"},
        std::pair{"Foto bersama peserta forum konsultasi publik di Aula Kayuh Baimbai", "foto-bersama.png"}};
    for (size_t i = 0; i < shots.size(); ++i) {
      Meeting m = must(photo_target(c, clerk, forum)).value();
      files::UploadMeta meta{shots[i].second, m.region_code, "meeting_photo", std::to_string(forum), m.classification};
      int64_t file_id = must(files->store_bytes(c, clerk, forum_picture(static_cast<int>(i)), meta)).value().id;
      (void)must(add_photo(c, clerk, m, file_id, shots[i].first));
    }
  }
  const std::vector<std::array<const char*, 4>> plans = {
      {"Standar pelayanan surat keterangan terdaftar (SKT) ormas dipublikasikan di kantor dan laman resmi.",
       "Memasang maklumat dan standar pelayanan SKT di ruang pelayanan dan laman", "2026-06-30", "1"},
      {"Waktu penyelesaian rekomendasi penelitian paling lama 5 hari kerja dan diumumkan.",
       "Menetapkan SOP rekomendasi penelitian 5 hari kerja", "2026-07-31", "1"},
      {"Sarana pengaduan pelayanan disediakan dan ditindaklanjuti paling lama 14 hari.",
       "Menyediakan kanal pengaduan dan register tindak lanjut", "2026-08-31", "0"}};
  for (auto& [text, action, due, done] : plans) {
    Agreement a;
    a.text = text;
    a.category = "POLICY";
    a.target_date = due;
    int64_t aid = must(add_agreement(c, sys, forum, a)).value();
    ActionItemInput ai;
    ai.meeting_id = forum;
    ai.agreement_id = aid;
    ai.action = action;
    ai.owner_org_unit_id = unit_id(c, "63.71");
    if (!*ai.owner_org_unit_id) ai.owner_org_unit_id.reset();
    ai.owner_person = "Sekretaris Badan";
    ai.due_date = due;
    int64_t item = must(create_action_item(c, sys, ai)).value();
    if (std::string(done) == "1") {
      FollowUp fu;
      fu.date = "2026-06-20";
      fu.action_taken = "Telah dilaksanakan dan dipublikasikan.";
      fu.progress_pct = 100;
      (void)must(verify_follow_up(c, sys, must(add_follow_up(c, sys, item, fu)).value(), true));
    }
  }
  Minutes fm;
  fm.opening_summary = "Forum dibuka oleh Kepala Badan Kesbangpol Kota Banjarmasin.";
  fm.discussion = {{"Ombudsman RI Perwakilan Kalimantan Selatan", "Standar pelayanan wajib dipublikasikan dan dievaluasi."},
                   {"DPC Partai Golkar", "Meminta kepastian waktu layanan rekomendasi."}};
  fm.conclusions = {"Rencana aksi dan tindak lanjut dituangkan dalam Berita Acara yang ditandatangani seluruh peserta."};
  (void)must(save_minutes(c, sys, forum, fm));
  (void)must(approve_minutes(c, sys, forum));
  step(forum, MeetingAction::Minute, "2026-05-16T06:00:00.000Z");
  seed = 60;
  for (auto& p : participants(c, forum)) (void)must(sign_berita_acara(c, sys, forum, p.id, scribble(++seed)));
  step(forum, MeetingAction::Close, "2026-05-18T02:00:00.000Z");
  return {};
}

}  // namespace pantau::meetings
