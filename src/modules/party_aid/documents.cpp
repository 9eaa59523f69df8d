#include "modules/party_aid/documents.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "core/calendar.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "modules/org/public.h"
#include "modules/party_aid/rules.h"
#include "modules/party_aid/store.h"
#include "report/indonesian.h"
#include "report/pdf.h"
#include "report/xlsx.h"

namespace pantau::party_aid {

namespace {

using report::format_rupiah;
using report::tanggal_indonesia;
using report::terbilang;

std::string upper(std::string s) {
  for (auto& ch : s)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return s;
}

Date today_in(const std::string& region) {
  auto local = system_time().now() + std::chrono::hours(utc_offset_hours(region));
  return parse_date(format_iso(local).substr(0, 10)).value_or(Date{});
}

std::string date_text(const std::optional<std::string>& iso) {
  if (!iso || iso->size() < 10) return "-";
  auto d = parse_date(iso->substr(0, 10));
  return d ? tanggal_indonesia(*d) : *iso;
}

// The region as a government and its head: "PEMERINTAH PROVINSI KALIMANTAN TIMUR" /
// "GUBERNUR KALIMANTAN TIMUR"; "PEMERINTAH KABUPATEN KUTAI KARTANEGARA" / "BUPATI ...";
// "PEMERINTAH KOTA BANJARMASIN" / "WALI KOTA BANJARMASIN".
struct RegionFacts {
  std::string code, name, government, head, head_title, place, dprd;
  bool province = false;
};

RegionFacts region_facts(db::Conn& c, const std::string& code) {
  RegionFacts r;
  r.code = code;
  r.name = c.query_str("SELECT name FROM regions WHERE code = ?", {code}).value_or(code);
  r.province = region_level(code) == RegionLevel::Provinsi;
  r.place = r.name;
  if (r.province) {
    r.government = "PEMERINTAH PROVINSI " + upper(r.name);
    r.head = "GUBERNUR " + upper(r.name);
    r.head_title = "Gubernur " + r.name;
    r.dprd = "Dewan Perwakilan Rakyat Daerah Provinsi " + r.name;
  } else {
    r.government = "PEMERINTAH " + upper(r.name);
    r.dprd = "Dewan Perwakilan Rakyat Daerah " + r.name;
    std::string bare = r.name;
    bool kota = false;
    for (const char* prefix : {"Kabupaten ", "Kota "})
      if (bare.rfind(prefix, 0) == 0) {
        kota = std::string(prefix) == "Kota ";
        bare = bare.substr(std::string(prefix).size());
      }
    r.place = bare;
    r.head = (kota ? "WALI KOTA " : "BUPATI ") + upper(bare);
    r.head_title = (kota ? "Wali Kota " : "Bupati ") + bare;
  }
  return r;
}

// The region's Kesbangpol office (letterhead, place of signing) and its head.
struct Office {
  std::string name = "Badan Kesatuan Bangsa dan Politik", address, contact, head_name, place, emblem;
  report::Signer head;
};

Office office_of(db::Conn& c, const std::string& region, const RegionFacts& rf) {
  Office o;
  o.place = rf.place;
  o.head = {"KEPALA BADAN KESATUAN BANGSA DAN POLITIK", "........................................", "", ""};
  if (auto k = org::kesbangpol_office(c, region)) {
    o.name = k->name;
    o.address = k->address;
    o.contact = k->contact;
    o.emblem = k->emblem();
    o.place = k->signing_place();
    o.head = k->head_signer();
    if (k->head) o.head_name = k->head->name;
  }
  return o;
}

// The rank (pangkat) of an official known by NIP, when they have an account.
std::string rank_by_nip(db::Conn& c, const std::string& nip) {
  if (nip.empty()) return "";
  return c.query_str("SELECT rank FROM users WHERE nip = ? ORDER BY id LIMIT 1", {nip}).value_or("");
}

std::string party_name_of(db::Conn& c, const std::string& abbreviation) {
  return c
      .query_str("SELECT name FROM parties WHERE abbreviation = ? ORDER BY election_year DESC",
                 {abbreviation})
      .value_or(abbreviation);
}

int min_percent(db::Conn& c) {
  auto v = c.query_str("SELECT value FROM banpol_settings WHERE key = ?",
                       {std::string("usage.min_political_education_percent")});
  auto n = v ? parse_int64(*v) : std::nullopt;
  return n && *n >= 0 && *n <= 100 ? static_cast<int>(*n) : 60;
}

std::string stage_label(Stage s) {
  switch (s) {
    case Stage::OldPeriod:
      return "Tahap I (DPRD lama)";
    case Stage::NewPeriod:
      return "Tahap II (DPRD baru)";
    default:
      return "Satu tahun";
  }
}

// "1.500", "108,50": a value per vote as written in Indonesian documents.
std::string value_figure(int64_t value_sen) {
  std::string whole = report::format_ribuan(value_sen / 100);
  return value_sen % 100 == 0 ? whole : fmt::format("{},{:02}", whole, value_sen % 100);
}
std::string value_text(int64_t value_sen) { return "Rp " + value_figure(value_sen); }

// "Keputusan Wali Kota ... Nomor 12/2025" as given, or "Keputusan Nomor 12/2025".
std::string decree_ref(const std::string& no) {
  for (const char* word : {"Keputusan", "KEPUTUSAN", "SK ", "Kep."})
    if (no.rfind(word, 0) == 0) return no;
  return "Keputusan Nomor " + no;
}

// "12,34%" from basis points.
std::string percent_text(int64_t bp) { return fmt::format("{},{:02}%", bp / 100, bp % 100); }

std::string verdict_label(const AppDocument& d) {
  if (d.waived) return "Tidak dipersyaratkan (tahun pertama)";
  if (d.verdict == "ACCEPTED") return "Lengkap dan sesuai";
  if (d.verdict == "REJECTED") return "Tidak sesuai";
  return d.file_id ? "Belum diperiksa" : "Belum ada";
}

std::string rupiah_words(int64_t amount) { return terbilang(amount) + " rupiah"; }

// The state an application was in before a hold (the hold itself changes nothing verified).
AppState effective(const Application& a) {
  return a.status == AppState::OnHold && a.held_from ? *a.held_from : a.status;
}

report::Letterhead letterhead(const RegionFacts& r, const Office& o) {
  return {r.government, "BADAN KESATUAN BANGSA DAN POLITIK", o.address, o.contact, o.emblem};
}

std::string board_line(const Board& b) {
  return fmt::format("SK DPP Nomor {} tanggal {}", b.decree_no, date_text(b.decree_date));
}

std::string account_line(const Board& b) {
  if (b.bank_account_no.empty()) return "-";
  return fmt::format("{} pada {} atas nama {}", b.bank_account_no,
                     b.bank_name.empty() ? "-" : b.bank_name,
                     b.bank_account_holder.empty() ? "-" : b.bank_account_holder);
}

}  // namespace

// ---- Berita Acara hasil verifikasi ----------------------------------------------------------

Result<documents::DocumentRef> verification_report_document(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto a = get_application(c, s, id);
  if (!a) return Error::not_found("Permohonan bantuan tidak ditemukan.", "Application not found.");
  return documents::DocumentRef{
      "BANPOL_BA_VERIFICATION", "banpol_application", std::to_string(id), a->region_code,
      fmt::format("Berita Acara hasil verifikasi bantuan keuangan {} {}", a->party_abbreviation, a->fiscal_year),
      effective(*a) == AppState::VerificationScheduled, a->ba_verification_no};
}

Result<std::string> verification_report_pdf(db::Conn& c, const auth::Scope& s, int64_t id,
                                            const documents::Stamp& stamp) {
  auto a = get_application(c, s, id);
  if (!a) return Error::not_found("Permohonan bantuan tidak ditemukan.", "Application not found.");
  AppState st = effective(*a);
  if (st == AppState::Received || st == AppState::AdminCheck || st == AppState::ReturnedIncomplete)
    return Error::conflict("banpol.verification_not_scheduled",
                           "Verifikasi permohonan ini belum dijadwalkan.",
                           "The verification of this application is not scheduled yet.");
  const auto& team = a->verification_team;
  if (team.members.empty())
    return Error::conflict("banpol.verification_team_missing",
                           "Tim verifikasi permohonan ini belum dicatat.",
                           "The verification team of this application is not recorded yet.");
  auto board = get_board(c, s, a->board_id);
  if (!board) return Error::not_found("Kepengurusan tidak ditemukan.", "Board not found.");
  RegionFacts rf = region_facts(c, a->region_code);
  Office office = office_of(c, a->region_code, rf);
  std::string party = party_name_of(c, a->party_abbreviation);
  auto alloc = allocation_for(c, s, a->region_code, a->fiscal_year);
  bool draft = st == AppState::VerificationScheduled;
  Date day = team.meeting_date && parse_date(*team.meeting_date) ? *parse_date(*team.meeting_date)
                                                                 : today_in(a->region_code);

  report::PdfDocument doc({fmt::format("Berita Acara Hasil Verifikasi Bantuan Keuangan {} {}",
                                       a->party_abbreviation, a->fiscal_year),
                           office.name, "Berita Acara hasil verifikasi", stamp.issued_at});
  if (draft) doc.watermark("DRAF");
  doc.letterhead(letterhead(rf, office));
  doc.title(
      draft ? "BERITA ACARA HASIL VERIFIKASI (DRAF)" : "BERITA ACARA HASIL VERIFIKASI",
      fmt::format(
          "PERMOHONAN BANTUAN KEUANGAN PARTAI POLITIK TAHUN ANGGARAN {}\nNomor: {}", a->fiscal_year,
          stamp.number.empty() ? "........................" : stamp.number));
  doc.paragraph(fmt::format(
      "Pada hari ini {} tanggal {}, kami Tim Verifikasi Bantuan Keuangan Partai Politik {} yang "
      "dibentuk dengan {}, telah melakukan verifikasi atas permohonan bantuan "
      "keuangan {} ({}) Nomor {} tanggal {} yang diterima pada tanggal {}, dengan hasil sebagai "
      "berikut:",
      report::nama_hari(day), tanggal_indonesia(day), rf.name, decree_ref(team.decree_no), party,
      a->party_abbreviation, a->letter_no, date_text(a->letter_date), date_text(a->received_at)));

  doc.heading("I. DATA PARTAI POLITIK");
  doc.key_values(
      {{"Partai politik", fmt::format("{} ({})", party, a->party_abbreviation)},
       {"Kepengurusan", board_line(*board)},
       {"Ketua", board->chair},
       {"Sekretaris", board->secretary},
       {"Bendahara", board->treasurer},
       {"NPWP", board->npwp.empty() ? "-" : board->npwp},
       {"Rekening kas umum", account_line(*board)},
       {"Alamat sekretariat", board->office_address.empty() ? "-" : board->office_address}});

  doc.heading("II. PERHITUNGAN BANTUAN");
  std::vector<std::vector<std::string>> rows;
  int64_t seats = 0;
  if (alloc.ok()) {
    for (const auto& l : alloc->allocation.lines) {
      if (l.abbreviation != a->party_abbreviation) continue;
      seats = std::max(seats, l.seats);
      rows.push_back({stage_label(l.stage), std::to_string(l.seats),
                      l.votes ? report::format_ribuan(*l.votes) : "belum ada",
                      value_text(l.value_sen), std::to_string(l.months),
                      l.amount ? format_rupiah(*l.amount) : "belum ada"});
    }
  }
  doc.key_values(
      {{"Tahun anggaran", std::to_string(a->fiscal_year)},
       {"Lembaga", rf.dprd},
       {"Jumlah kursi", std::to_string(seats)},
       {"Dasar nilai per suara",
        alloc.ok() ? alloc->legal_basis.empty() ? alloc->basis : alloc->legal_basis : "-"}});
  if (rows.empty())
    doc.paragraph("Partai ini tidak memperoleh kursi pada perhitungan alokasi tahun anggaran ini.");
  else
    doc.table({{"Periode", "Kursi", "Suara sah", "Nilai per suara", "Bulan", "Jumlah bantuan"},
               rows,
               {0.22, 0.09, 0.17, 0.17, 0.09, 0.26},
               {report::Align::Left, report::Align::Right, report::Align::Right,
                report::Align::Right, report::Align::Right, report::Align::Right},
               {}});
  if (a->allocation_amount)
    doc.paragraph(fmt::format("Jumlah bantuan: {} ({}).", format_rupiah(*a->allocation_amount),
                              rupiah_words(*a->allocation_amount)));

  doc.heading("III. HASIL PEMERIKSAAN DOKUMEN");
  std::vector<std::vector<std::string>> docs;
  for (const auto& d : a->documents)
    docs.push_back({std::to_string(docs.size() + 1), d.name.id + (d.required ? "" : " (tambahan)"),
                    verdict_label(d), d.note.empty() ? "-" : d.note});
  doc.table({{"No.", "Dokumen", "Hasil", "Keterangan"},
             docs,
             {0.07, 0.5, 0.2, 0.23},
             {report::Align::Center},
             {}});

  doc.heading("IV. RENCANA PENGGUNAAN BANTUAN");
  int minimum = a->min_political_education;
  if (a->usage_check) {
    const auto& u = *a->usage_check;
    doc.key_values(
        {{"Jumlah rencana", format_rupiah(u.total)},
         {"Pendidikan politik", fmt::format("{} ({})", format_rupiah(u.political_education),
                                            percent_text(u.share_basis_points))},
         {"Operasional sekretariat", format_rupiah(u.operational)},
         {"Paling sedikit " + std::to_string(minimum) + "% pendidikan politik",
          u.meets_minimum ? "Terpenuhi" : "Tidak terpenuhi"}});
  } else {
    doc.paragraph("Rencana penggunaan bantuan belum disampaikan.");
  }

  doc.heading("V. KESIMPULAN");
  if (st == AppState::Rejected) {
    doc.paragraph(fmt::format(
        "Berdasarkan hasil verifikasi tersebut, permohonan bantuan keuangan {} Tahun Anggaran {} "
        "dinyatakan TIDAK MEMENUHI SYARAT{}.",
        party, a->fiscal_year, a->status_note.empty() ? "" : ", dengan alasan: " + a->status_note));
  } else {
    bool ok = a->missing_documents.empty() && a->usage_check && a->usage_check->meets_minimum &&
              a->eligibility.outcome == Outcome::Eligible;
    if (!draft || ok) {
      doc.paragraph(fmt::format(
          "Berdasarkan hasil verifikasi tersebut, permohonan bantuan keuangan {} Tahun Anggaran "
          "{} dinyatakan MEMENUHI SYARAT untuk diberikan bantuan keuangan{}.",
          party, a->fiscal_year,
          a->allocation_amount
              ? fmt::format(" sebesar {} ({})", format_rupiah(*a->allocation_amount),
                            rupiah_words(*a->allocation_amount))
              : std::string()));
    } else {
      std::string why;
      for (const auto& code : a->missing_documents)
        for (const auto& d : a->documents)
          if (d.code == code) why += "\n- dokumen belum lengkap/sesuai: " + d.name.id;
      if (!a->usage_check || !a->usage_check->meets_minimum)
        why += fmt::format(
            "\n- rencana penggunaan belum memuat paling sedikit {}% pendidikan politik", minimum);
      for (const auto& m : a->eligibility.messages) why += "\n- " + m.id;
      doc.paragraph(fmt::format(
          "Berdasarkan hasil verifikasi tersebut, permohonan bantuan keuangan {} Tahun Anggaran "
          "{} BELUM MEMENUHI SYARAT:{}",
          party, a->fiscal_year, why));
    }
  }
  doc.paragraph(
      "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
      "mestinya.");

  doc.heading("TIM VERIFIKASI");
  std::vector<std::vector<std::string>> signers;
  const TeamMember* chair = nullptr;
  for (const auto& m : team.members) {
    if (m.role == "KETUA") chair = &m;
    std::string who = m.name + (m.nip.empty() ? "" : "\nNIP. " + m.nip);
    std::string role = m.role == "KETUA"        ? "Ketua"
                       : m.role == "SEKRETARIS" ? "Sekretaris"
                                                : "Anggota";
    signers.push_back({std::to_string(signers.size() + 1), who,
                       role + (m.job_title.empty() ? "" : "\n" + m.job_title),
                       std::to_string(signers.size() + 1) + ". ................"});
  }
  doc.table({{"No.", "Nama / NIP", "Jabatan dalam tim", "Tanda tangan"},
             signers,
             {0.07, 0.38, 0.3, 0.25},
             {report::Align::Center},
             {}});
  report::Signer signer;
  if (chair) signer = {"KETUA TIM VERIFIKASI", chair->name, rank_by_nip(c, chair->nip), chair->nip};
  doc.signature_block({office.place, day, signer, std::nullopt, "Mengetahui,"});
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

// ---- draft Keputusan Kepala Daerah ------------------------------------------------------------

documents::DocumentRef decree_document(const std::string& region, int64_t fiscal_year) {
  return {"BANPOL_DECREE_DRAFT", "banpol_decree", fmt::format("{}/{}", region, fiscal_year), region,
          fmt::format("Draf Keputusan bantuan keuangan partai politik {} tahun anggaran {}", region, fiscal_year), true, ""};
}

Result<std::string> decree_pdf(db::Conn& c, const auth::Scope& s, const std::string& region,
                               int64_t fiscal_year, const documents::Stamp& stamp) {
  if (region.empty())
    return Error::invalid_field("region", "not_allowed",
                                "Keputusan kepala daerah dibuat oleh provinsi atau "
                                "kabupaten/kota.",
                                "A head of region's decree is made by a province or a "
                                "kabupaten/kota.");
  PANTAU_TRY(RegionAllocation a, allocation_for(c, s, region, fiscal_year));
  if (a.allocation.lines.empty())
    return Error::conflict("banpol.no_allocation",
                           "Belum ada partai berkursi dengan perolehan suara untuk tahun ini.",
                           "No seat-holding party with results for this year yet.");
  if (a.allocation.lines_missing_votes > 0)
    return Error::conflict(
        "banpol.votes_missing",
        fmt::format("Suara sah {} baris alokasi belum tercatat; impor hasil KPU terlebih dahulu.",
                    a.allocation.lines_missing_votes),
        fmt::format(
            "The valid votes of {} allocation lines are missing; import KPU's results first.",
            a.allocation.lines_missing_votes));
  RegionFacts rf = region_facts(c, region);
  Office office = office_of(c, region, rf);
  std::string subject_text = fmt::format(
      "Bantuan Keuangan kepada Partai Politik yang Mendapatkan Kursi di {} Tahun Anggaran {}",
      rf.dprd, fiscal_year);
  std::string subject = upper(subject_text);

  report::PdfDocument doc(
      {fmt::format("Draf Keputusan {} tentang Bantuan Keuangan Partai Politik {}", rf.head,
                   fiscal_year),
       office.name, "Draf keputusan kepala daerah", stamp.issued_at});
  doc.watermark("DRAF");
  doc.letterhead(letterhead(rf, office));
  doc.paragraph("DRAF - nomor dan tanggal diisi setelah ditetapkan.");
  doc.title("KEPUTUSAN " + rf.head,
            fmt::format("NOMOR ........ TAHUN {}\n\nTENTANG\n\n{}\n\nDENGAN RAHMAT TUHAN YANG MAHA "
                        "ESA\n\n{},",
                        fiscal_year, subject, rf.head));

  int minimum = min_percent(c);
  doc.heading("Menimbang :");
  doc.paragraph(fmt::format(
      "a. bahwa berdasarkan Pasal 34 Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik "
      "sebagaimana telah diubah dengan Undang-Undang Nomor 2 Tahun 2011, partai politik yang "
      "mendapatkan kursi di {} menerima bantuan keuangan dari Anggaran Pendapatan dan Belanja "
      "Daerah yang diberikan secara proporsional berdasarkan jumlah perolehan suara sah;",
      rf.dprd));
  doc.paragraph(fmt::format(
      "b. bahwa nilai bantuan keuangan kepada partai politik {} Tahun Anggaran {} ditetapkan "
      "sebesar {} per suara sah{}, dihitung dari perolehan suara sah hasil Pemilihan Umum Tahun "
      "{} yang ditetapkan oleh Komisi Pemilihan Umum;",
      rf.name, fiscal_year, value_text(a.value_sen),
      a.approval_letter_no.empty()
          ? std::string()
          : " dengan persetujuan Menteri Dalam Negeri Nomor " + a.approval_letter_no,
      a.election_year ? std::to_string(*a.election_year) : std::string("terakhir")));
  doc.paragraph(fmt::format(
      "c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
      "menetapkan Keputusan {} tentang {};",
      rf.head_title, subject_text));

  doc.heading("Mengingat :");
  std::vector<std::string> basis;
  c.query(
      "SELECT citation FROM banpol_legal_instruments WHERE tier = 'ALL' OR tier = ? ORDER BY "
      "sort_order",
      {a.chamber}, [&](const db::Row& r) { basis.push_back(r.str(0)); });
  if (a.configured && a.basis != "DEFAULT_PP_1_2018" && !a.legal_basis.empty() &&
      std::find(basis.begin(), basis.end(), a.legal_basis) == basis.end())
    basis.push_back(a.legal_basis);
  for (size_t i = 0; i < basis.size(); ++i)
    doc.paragraph(fmt::format("{}. {}{}", i + 1, basis[i], i + 1 == basis.size() ? "." : ";"));

  doc.heading("MEMUTUSKAN :");
  doc.paragraph(fmt::format("Menetapkan : KEPUTUSAN {} TENTANG {}.", rf.head, subject));
  doc.paragraph(fmt::format(
      "KESATU : Menetapkan besaran bantuan keuangan kepada partai politik yang mendapatkan kursi "
      "di {} Tahun Anggaran {} dengan nilai bantuan {} per suara sah, sebagai berikut:",
      rf.dprd, fiscal_year, value_text(a.value_sen)));
  bool transition = a.inauguration_date.has_value();
  std::vector<std::vector<std::string>> rows;
  int64_t votes = 0;
  for (const auto& l : a.allocation.lines) {
    auto n = a.party_names.find(l.abbreviation);
    std::string party = n != a.party_names.end() && !n->second.empty()
                            ? fmt::format("{} ({})", n->second, l.abbreviation)
                            : l.abbreviation;
    votes += l.votes.value_or(0);
    std::vector<std::string> row{std::to_string(rows.size() + 1), party};
    if (transition)
      row.push_back(stage_label(l.stage) + ", " + std::to_string(l.months) + " bulan");
    row.insert(row.end(), {std::to_string(l.seats), report::format_ribuan(l.votes.value_or(0)),
                           value_figure(l.value_sen), report::format_ribuan(l.amount.value_or(0))});
    rows.push_back(std::move(row));
  }
  report::Table t;
  if (transition) {
    t.headers = {"No.",
                 "Partai politik",
                 "Tahap",
                 "Kursi",
                 "Suara sah",
                 "Nilai per suara (Rp)",
                 "Jumlah bantuan (Rp)"};
    t.widths = {0.06, 0.28, 0.16, 0.08, 0.13, 0.12, 0.17};
    t.totals = {"", "JUMLAH", "", "", "", "", report::format_ribuan(a.allocation.total)};
  } else {
    t.headers = {"No.",       "Partai politik",       "Kursi",
                 "Suara sah", "Nilai per suara (Rp)", "Jumlah bantuan (Rp)"};
    t.widths = {0.06, 0.38, 0.08, 0.16, 0.14, 0.18};
    t.totals = {"", "JUMLAH",
                "", report::format_ribuan(votes),
                "", report::format_ribuan(a.allocation.total)};
  }
  t.rows = std::move(rows);
  t.align = {report::Align::Center, report::Align::Left};
  if (transition) t.align.push_back(report::Align::Left);
  for (int i = 0; i < 4; ++i) t.align.push_back(report::Align::Right);
  doc.table(t);
  doc.paragraph(fmt::format("Jumlah seluruhnya {} (terbilang: {}).",
                            format_rupiah(a.allocation.total), rupiah_words(a.allocation.total)));
  if (transition)
    doc.paragraph(fmt::format(
        "Tahun anggaran ini adalah tahun peralihan keanggotaan DPRD (pelantikan tanggal {}): "
        "tahap I {} bulan untuk partai politik periode lama, tahap II {} bulan untuk partai "
        "politik periode baru; pembulatan ke rupiah penuh: {}.",
        date_text(a.inauguration_date), a.allocation.months_old, a.allocation.months_new,
        name(a.rounding)));
  doc.paragraph(fmt::format(
      "KEDUA : Bantuan keuangan sebagaimana dimaksud dalam Diktum KESATU diberikan kepada "
      "pengurus partai politik tingkat {} setelah permohonannya diverifikasi, dan digunakan "
      "paling sedikit {}% untuk pendidikan politik bagi anggota partai politik dan masyarakat.",
      rf.province ? "provinsi" : "kabupaten/kota", minimum));
  doc.paragraph(fmt::format(
      "KETIGA : Partai politik penerima bantuan wajib menyampaikan laporan pertanggungjawaban "
      "penggunaan bantuan keuangan kepada Badan Pemeriksa Keuangan untuk diperiksa, dan "
      "menyampaikan laporan yang telah diperiksa kepada {} melalui Kepala {}.",
      rf.head_title, office.name));
  doc.paragraph(fmt::format(
      "KEEMPAT : Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada "
      "Anggaran Pendapatan dan Belanja Daerah {} Tahun Anggaran {}.",
      rf.name, fiscal_year));
  doc.paragraph("KELIMA : Keputusan ini mulai berlaku pada tanggal ditetapkan.");
  report::Signer head{rf.head + ",", "........................................", "", ""};
  // A draft: the date is written when the head of region signs.
  doc.signature_block({"Ditetapkan di " + office.place + "\npada tanggal ", std::nullopt, head, std::nullopt,
                       "Mengetahui,"});
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

// ---- Berita Acara Serah Terima ----------------------------------------------------------------

Result<documents::DocumentRef> handover_report_document(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto a = get_application(c, s, id);
  if (!a) return Error::not_found("Permohonan bantuan tidak ditemukan.", "Application not found.");
  return documents::DocumentRef{
      "BANPOL_BA_HANDOVER", "banpol_application", std::to_string(id), a->region_code,
      fmt::format("Berita Acara serah terima bantuan keuangan {} {}", a->party_abbreviation, a->fiscal_year), false, ""};
}

Result<std::string> handover_report_pdf(db::Conn& c, const auth::Scope& s, int64_t id,
                                        const documents::Stamp& stamp) {
  auto a = get_application(c, s, id);
  if (!a) return Error::not_found("Permohonan bantuan tidak ditemukan.", "Application not found.");
  if (a->status != AppState::Disbursed || !a->disbursed_amount)
    return Error::conflict("banpol.not_disbursed", "Bantuan ini belum disalurkan (belum ada SP2D).",
                           "This aid has not been paid out yet (no SP2D).");
  auto board = get_board(c, s, a->board_id);
  if (!board) return Error::not_found("Kepengurusan tidak ditemukan.", "Board not found.");
  RegionFacts rf = region_facts(c, a->region_code);
  Office office = office_of(c, a->region_code, rf);
  std::string party = party_name_of(c, a->party_abbreviation);
  int64_t amount = *a->disbursed_amount;
  Date day = a->sp2d_date && parse_date(*a->sp2d_date) ? *parse_date(*a->sp2d_date)
                                                       : today_in(a->region_code);
  std::string head_name =
      office.head_name.empty() ? "........................................" : office.head_name;
  LpjStatus due = lpj_status({static_cast<int>(a->fiscal_year), {}, {}, {}, {}}, lpj_rule(c), day);

  report::PdfDocument doc({fmt::format("Berita Acara Serah Terima Bantuan Keuangan {} {}",
                                       a->party_abbreviation, a->fiscal_year),
                           office.name, "Berita Acara Serah Terima", stamp.issued_at});
  doc.letterhead(letterhead(rf, office));
  doc.title(
      "BERITA ACARA SERAH TERIMA",
      fmt::format(
          "BANTUAN KEUANGAN PARTAI POLITIK TAHUN ANGGARAN {}\nNomor: {}",
          a->fiscal_year, stamp.number));
  doc.paragraph(fmt::format("Pada hari ini {} tanggal {}, yang bertanda tangan di bawah ini:",
                            report::nama_hari(day), tanggal_indonesia(day)));
  doc.heading("I. PIHAK PERTAMA");
  doc.key_values({{"Nama", head_name},
                  {"Jabatan", "Kepala " + office.name},
                  {"Bertindak", "untuk dan atas nama Pemerintah " +
                                    (rf.province ? "Provinsi " + rf.name : rf.name)}});
  doc.heading("II. PIHAK KEDUA");
  doc.key_values(
      {{"Nama", board->chair},
       {"Jabatan", fmt::format("Ketua {} ({}) {}", party, a->party_abbreviation, rf.name)},
       {"Kepengurusan", board_line(*board)},
       {"Alamat", board->office_address.empty() ? "-" : board->office_address}});
  doc.paragraph(fmt::format(
      "PIHAK PERTAMA telah menyerahkan kepada PIHAK KEDUA bantuan keuangan partai politik yang "
      "bersumber dari Anggaran Pendapatan dan Belanja Daerah {} Tahun Anggaran {} sebesar {} "
      "(terbilang: {}), berdasarkan Keputusan Nomor {}, melalui SP2D Nomor {} tanggal {}, yang "
      "ditransfer ke rekening kas umum partai Nomor {}.",
      rf.name, a->fiscal_year, format_rupiah(amount), rupiah_words(amount),
      a->decree_no.empty() ? "-" : a->decree_no, a->sp2d_no, date_text(a->sp2d_date),
      account_line(*board)));
  doc.paragraph(fmt::format(
      "PIHAK KEDUA telah menerima bantuan tersebut dan bertanggung jawab secara formal dan "
      "material atas penggunaannya, paling sedikit {}% untuk pendidikan politik, serta "
      "menyampaikan laporan pertanggungjawaban penggunaannya kepada Badan Pemeriksa Keuangan "
      "paling lambat tanggal {}.",
      a->min_political_education, tanggal_indonesia(due.due_to_bpk)));
  doc.paragraph(
      "Demikian Berita Acara Serah Terima ini dibuat dalam rangkap secukupnya untuk dipergunakan "
      "sebagaimana mestinya.");
  report::Signer second{"PIHAK KEDUA\nKETUA " + upper(a->party_abbreviation), board->chair, "", ""};
  report::Signer first = office.head;
  first.position = "PIHAK PERTAMA\nKEPALA " + upper(office.name);
  first.name = head_name;
  doc.signature_block({office.place, day, first, second, ""});
  doc.heading("SAKSI-SAKSI");
  doc.table({{"No.", "Nama", "Jabatan", "Tanda tangan"},
             {{"1", board->secretary, "Sekretaris " + a->party_abbreviation, "1. ................"},
              {"2", board->treasurer, "Bendahara " + a->party_abbreviation, "2. ................"}},
             {0.07, 0.38, 0.3, 0.25},
             {report::Align::Center},
             {}});
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

// ---- evaluation recap ---------------------------------------------------------------------------

namespace {

std::string app_state_label(const std::string& code) {
  static const std::map<std::string, std::string> labels = {
      {"APPLICATION_RECEIVED", "Diterima"},
      {"ADMIN_CHECK", "Pemeriksaan administrasi"},
      {"RETURNED_INCOMPLETE", "Dikembalikan (belum lengkap)"},
      {"VERIFICATION_SCHEDULED", "Verifikasi dijadwalkan"},
      {"VERIFIED", "Terverifikasi"},
      {"REJECTED", "Ditolak"},
      {"DETERMINED", "Ditetapkan"},
      {"DISBURSEMENT_REQUESTED", "Pencairan diajukan"},
      {"DISBURSED", "Disalurkan"},
      {"ON_HOLD_BOARD_DISPUTE", "Ditunda (sengketa kepengurusan)"}};
  auto it = labels.find(code);
  return it != labels.end() ? it->second : code;
}

std::string lpj_stage_label(LpjStage s) {
  switch (s) {
    case LpjStage::InUse:
      return "Belum disampaikan ke BPK";
    case LpjStage::SubmittedToBpk:
      return "Disampaikan ke BPK";
    case LpjStage::AuditedByBpk:
      return "Diperiksa BPK";
    case LpjStage::LhpReceived:
      return "LHP diterima partai";
    default:
      return "Disampaikan ke pemerintah daerah";
  }
}

struct LpjRow {
  LpjFacts facts;
  std::string lhp_no;
  int64_t findings = 0;
};

__extension__ using Int128 = __int128;  // Rupiah x 10000 may pass int64

struct AppRow {
  std::string status;
  std::optional<int64_t> determined, disbursed;
  std::optional<std::string> sp2d_date;
  bool first_year = false, overridden = false;
  int64_t total = 0, political_education = 0;
  bool has_plan = false;
};

}  // namespace

Result<std::string> evaluation_xlsx(db::Conn& c, const auth::Scope& s, const std::string& root,
                                    int64_t fiscal_year) {
  PANTAU_TRY(std::vector<RegionAllocation> regions, allocations_within(c, s, root, fiscal_year));
  auth::Scope under = s;
  under.region_code = root;
  using Key = std::pair<std::string, std::string>;  // region, party
  std::map<Key, AppRow> apps;
  {
    db::Params p{fiscal_year};
    std::string sql =
        "SELECT a.region_code, a.party_abbreviation, a.status, a.determined_amount, "
        "a.disbursed_amount, a.sp2d_date, a.first_year, a.first_year_override_reason, "
        "(SELECT CAST(SUM(u.amount) AS BIGINT) FROM banpol_usage_lines u WHERE u.application_id = "
        "a.id), "
        "(SELECT CAST(SUM(u.amount) AS BIGINT) FROM banpol_usage_lines u WHERE u.application_id = "
        "a.id AND "
        "u.category = 'POLITICAL_EDUCATION') FROM banpol_applications a WHERE a.fiscal_year = ? "
        "AND " +
        under.region_filter("a.region_code", p);
    c.query(sql, p, [&](const db::Row& r) {
      AppRow x;
      x.status = r.str(2);
      x.determined = r.opt_i64(3);
      x.disbursed = r.opt_i64(4);
      x.sp2d_date = r.opt_str(5);
      x.first_year = r.i64(6) != 0;
      x.overridden = !r.is_null(7);
      x.has_plan = !r.is_null(8);
      x.total = r.opt_i64(8).value_or(0);
      x.political_education = r.opt_i64(9).value_or(0);
      apps[{r.str(0), r.str(1)}] = x;
    });
    // A first-year claim holds only where the records show no earlier funded year (store.h).
    for (auto& [key, x] : apps)
      if (x.first_year && !x.overridden &&
          earlier_funded_year(c, key.first, key.second, fiscal_year))
        x.first_year = false;
  }
  std::map<std::tuple<std::string, std::string, int64_t>, LpjRow> lpjs;
  {
    db::Params p{fiscal_year - 1, fiscal_year};
    std::string sql =
        "SELECT region_code, party_abbreviation, fiscal_year, submitted_to_bpk, audited, "
        "lhp_received, submitted_to_government, bpk_lhp_no, findings_count FROM banpol_lpj "
        "WHERE fiscal_year IN (?, ?) AND " +
        under.region_filter("region_code", p);
    c.query(sql, p, [&](const db::Row& r) {
      LpjRow l;
      l.facts.fiscal_year = static_cast<int>(r.i64(2));
      auto d = [&](int i) { return r.is_null(i) ? std::nullopt : parse_date(r.str(i)); };
      l.facts.submitted_to_bpk = d(3);
      l.facts.audited = d(4);
      l.facts.lhp_received = d(5);
      l.facts.submitted_to_government = d(6);
      l.lhp_no = r.str(7);
      l.findings = r.i64(8);
      lpjs[{r.str(0), r.str(1), r.i64(2)}] = l;
    });
  }
  std::set<Key> paid_last_year;
  {
    db::Params p{fiscal_year - 1};
    std::string sql =
        "SELECT region_code, party_abbreviation FROM banpol_applications WHERE fiscal_year = ? "
        "AND status = 'DISBURSED' AND " +
        under.region_filter("region_code", p);
    c.query(sql, p, [&](const db::Row& r) { paid_last_year.insert({r.str(0), r.str(1)}); });
  }
  LpjRule rule = lpj_rule(c);
  int minimum = min_percent(c);

  report::XlsxWorkbook wb({fmt::format("Evaluasi Bantuan Keuangan Partai Politik {}", fiscal_year),
                           "Pantau", "Rekap evaluasi bantuan keuangan partai politik",
                           std::nullopt});
  wb.add_sheet(fmt::format("Evaluasi {}", fiscal_year));
  wb.title(fmt::format("REKAPITULASI EVALUASI BANTUAN KEUANGAN PARTAI POLITIK TAHUN ANGGARAN {}",
                       fiscal_year));
  wb.title(root.empty() ? std::string("Seluruh Indonesia")
                        : fmt::format("Wilayah {} dan di bawahnya", root));
  wb.header({"No",
             "Kode wilayah",
             "Wilayah",
             "Partai",
             "Kursi",
             "Suara sah",
             "Alokasi (Rp)",
             "Status permohonan",
             "Ditetapkan (Rp)",
             "Disalurkan (Rp)",
             "Tanggal SP2D",
             "Pendidikan politik (Rp)",
             "Porsi pendidikan politik (%)",
             fmt::format("Paling sedikit {}%", minimum),
             "LPJ " + std::to_string(fiscal_year),
             "Pemeriksaan BPK",
             "Nomor LHP",
             "LPJ terlambat",
             "LPJ " + std::to_string(fiscal_year - 1) + " diperiksa BPK",
             "Sanksi aktif"});
  int64_t no = 0, total_alloc = 0, total_paid = 0;
  for (const auto& a : regions) {
    Date today = today_in(a.region_code);
    std::vector<std::string> parties;
    std::map<std::string, std::tuple<int64_t, std::optional<int64_t>, std::optional<int64_t>>>
        per;  // seats, votes (single stage), amount
    for (const auto& l : a.allocation.lines) {
      if (!per.count(l.abbreviation)) {
        parties.push_back(l.abbreviation);
        per[l.abbreviation] = {l.seats, l.votes, l.amount};
        continue;
      }
      auto& [seats, votes, amount] = per[l.abbreviation];
      seats = std::max(seats, l.seats);
      votes.reset();  // two stages: votes of two elections
      amount = amount && l.amount ? std::optional<int64_t>(*amount + *l.amount) : std::nullopt;
    }
    for (const auto& [key, app] : apps)
      if (key.first == a.region_code &&
          std::find(parties.begin(), parties.end(), key.second) == parties.end())
        parties.push_back(key.second);
    for (const auto& party : parties) {
      std::vector<report::XlsxCell> row{report::XlsxCell::integer(++no), a.region_code,
                                        a.region_name, party};
      auto pl = per.find(party);
      if (pl != per.end()) {
        auto& [seats, votes, amount] = pl->second;
        row.push_back(report::XlsxCell::integer(seats));
        row.push_back(votes ? report::XlsxCell::integer(*votes) : report::XlsxCell("-"));
        row.push_back(amount ? report::XlsxCell::rupiah(*amount) : report::XlsxCell("belum ada"));
        total_alloc += amount.value_or(0);
      } else {
        row.insert(row.end(), {report::XlsxCell::integer(0), "-", "tidak berkursi"});
      }
      auto app = apps.find({a.region_code, party});
      bool first_year = false;
      if (app == apps.end()) {
        row.insert(row.end(), {"Belum mengajukan", "-", "-", "-", "-", "-", "-"});
      } else {
        const AppRow& x = app->second;
        first_year = x.first_year;
        row.push_back(app_state_label(x.status));
        row.push_back(x.determined ? report::XlsxCell::rupiah(*x.determined)
                                   : report::XlsxCell("-"));
        row.push_back(x.disbursed ? report::XlsxCell::rupiah(*x.disbursed) : report::XlsxCell("-"));
        auto sp2d = x.sp2d_date ? parse_date(*x.sp2d_date) : std::nullopt;
        row.push_back(sp2d ? report::XlsxCell::date(*sp2d) : report::XlsxCell("-"));
        total_paid += x.disbursed.value_or(0);
        if (x.has_plan && x.total > 0) {
          int64_t bp =
              static_cast<int64_t>(static_cast<Int128>(x.political_education) * 10000 / x.total);
          row.push_back(report::XlsxCell::rupiah(x.political_education));
          row.push_back(report::XlsxCell::number(static_cast<double>(bp) / 100.0, 2));
          row.push_back(bp >= int64_t{minimum} * 100 ? "Ya" : "Tidak");
        } else {
          row.insert(row.end(), {"belum ada rencana", "-", "-"});
        }
      }
      // This year's LPJ (due after the year ends) and its audit.
      auto cur = lpjs.find({a.region_code, party, fiscal_year});
      LpjFacts facts = cur != lpjs.end() ? cur->second.facts
                                         : LpjFacts{static_cast<int>(fiscal_year), {}, {}, {}, {}};
      LpjStatus st = lpj_status(facts, rule, today);
      bool relevant = cur != lpjs.end() || (app != apps.end() && app->second.disbursed);
      if (!relevant) {
        row.insert(row.end(), {"-", "-", "-", "-"});
      } else {
        row.push_back(lpj_stage_label(st.stage));
        if (facts.audited)
          row.push_back("Sudah, " + tanggal_indonesia(*facts.audited));
        else
          row.push_back(today > st.due_audit
                            ? "Belum (lewat " + tanggal_indonesia(st.due_audit) + ")"
                            : "Belum (batas " + tanggal_indonesia(st.due_audit) + ")");
        row.push_back(cur != lpjs.end() && !cur->second.lhp_no.empty() ? cur->second.lhp_no : "-");
        row.push_back(st.late_to_bpk || st.late_audit || st.late_lhp || st.late_to_government
                          ? "Ya"
                          : "Tidak");
      }
      // Last year's LPJ and the sanction (PP 1/2018 Art. 16), as the application sees it.
      auto prev = lpjs.find({a.region_code, party, fiscal_year - 1});
      bool sanction = false;
      if (prev != lpjs.end() || paid_last_year.count({a.region_code, party})) {
        LpjFacts pf = prev != lpjs.end()
                          ? prev->second.facts
                          : LpjFacts{static_cast<int>(fiscal_year - 1), {}, {}, {}, {}};
        sanction = lpj_status(pf, rule, today).sanction_active;
      }
      if (first_year)
        row.push_back("Tidak dipersyaratkan (tahun pertama)");
      else
        row.push_back(prev != lpjs.end() && prev->second.facts.audited ? "Ya" : "Belum");
      row.push_back(sanction ? "Ya" : "Tidak");
      wb.row(row);
    }
  }
  wb.row({report::XlsxCell(), "", "JUMLAH", "", "", "", report::XlsxCell::rupiah(total_alloc), "",
          "", report::XlsxCell::rupiah(total_paid)});
  wb.column_widths({5, 10, 30, 12, 7, 12, 18, 26, 18, 18, 12, 18, 12, 12, 26, 30, 18, 10, 22, 10});
  return wb.finish();
}

}  // namespace pantau::party_aid
