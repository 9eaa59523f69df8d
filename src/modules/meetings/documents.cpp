#include "modules/meetings/documents.h"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "core/calendar.h"
#include "core/strings.h"
#include "modules/meetings/rules.h"
#include "modules/meetings/store.h"
#include "modules/org/public.h"
#include "report/indonesian.h"
#include "report/pdf.h"
#include "report/xlsx.h"

namespace pantau::meetings {

namespace {

std::string upper(std::string s) {
  for (auto& ch : s)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return s;
}

const char* type_label(const std::string& t) {
  static const std::vector<std::pair<const char*, const char*>> labels = {
      {"RAKOR", "Rapat Koordinasi"}, {"RAPAT_TEKNIS", "Rapat Teknis"}, {"FORUM", "Forum"}, {"DISKUSI_PUBLIK", "Diskusi Publik"},
      {"FGD", "Diskusi Kelompok Terpumpun (FGD)"}, {"PERTEMUAN_LINTAS_PARPOL", "Pertemuan Lintas Partai Politik"},
      {"SOSIALISASI", "Sosialisasi"}, {"BIMTEK", "Bimbingan Teknis"}, {"RAPAT_TIM", "Rapat Tim"}};
  for (auto& [k, v] : labels)
    if (t == k) return v;
  return "Rapat";
}

const char* status_label(const std::string& s) {
  if (s == "OPEN") return "Belum dimulai";
  if (s == "IN_PROGRESS") return "Berjalan";
  if (s == "DONE") return "Selesai";
  if (s == "CANCELLED") return "Dibatalkan";
  if (s == "OVERDUE") return "Lewat tenggat";
  if (s == "AGREED") return "Disepakati";
  if (s == "REALISED") return "Terealisasi";
  if (s == "NOT_REALISED") return "Tidak terealisasi";
  if (s == "DROPPED") return "Dibatalkan";
  return "-";
}

// Local time of the meeting's region.
TimePoint local(const std::string& iso, const std::string& region) {
  return parse_iso(iso).value_or(Clock::now()) + std::chrono::hours(utc_offset_hours(region));
}
Date local_date(const std::string& iso, const std::string& region) {
  return parse_date(format_iso(local(iso, region)).substr(0, 10)).value_or(Date{});
}
std::string local_time(const std::string& iso, const std::string& region) {
  std::string t = format_iso(local(iso, region)).substr(11, 5);
  t[2] = '.';
  int off = utc_offset_hours(region);
  return t + (off == 7 ? " WIB" : off == 8 ? " WITA" : " WIT");
}

std::string date_text(const std::optional<std::string>& d) {
  auto p = d ? parse_date(*d) : std::nullopt;
  return p ? report::tanggal_indonesia(*p) : "-";
}

// A participant's row of the signature pages: number, name, position and institution on the
// left, the signature (drawn strokes, "signed in Pantau", voided or pending) on the right.
void signature_row(report::PdfDocument& doc, int no, const Participant& p, SignatureState state, const std::string& region) {
  constexpr double kHeight = 44;
  doc.drawing(kHeight, [&](report::Canvas& cv) {
    report::Box b = cv.box();
    const report::Rgb grey{0.55, 0.55, 0.55};
    cv.line({b.x, b.y}, {b.x + b.width, b.y}, grey, 0.3);
    double top = b.y + b.height - 12;
    cv.text(b.x, top, fmt::format("{}.", no), 9.5);
    cv.text(b.x + 22, top, p.name, 9.5, true);
    std::string role = p.position;
    if (!p.institution.empty()) role += (role.empty() ? "" : ", ") + p.institution;
    cv.text(b.x + 22, top - 12, role.substr(0, 90), 8.5);
    if (!p.represented_by.empty()) cv.text(b.x + 22, top - 23, "diwakili oleh " + p.represented_by, 8);
    const double sig_x = b.x + b.width * 0.62, sig_w = b.width * 0.38;
    switch (state) {
      case SignatureState::Signed:
        if (!p.ba_signature.empty()) {
          if (auto st = parse_strokes(p.ba_signature, "s"); st.ok()) {
            // The 300 x 120 drawing box scaled into the row.
            const double scale = std::min(sig_w / 300.0, (kHeight - 6) / 120.0);
            for (const auto& line : *st)
              for (size_t i = 1; i < line.size(); ++i)
                cv.line({sig_x + line[i - 1].x * scale, b.y + kHeight - 3 - line[i - 1].y * scale},
                        {sig_x + line[i].x * scale, b.y + kHeight - 3 - line[i].y * scale}, report::Rgb{0.05, 0.1, 0.45}, 0.8);
          }
        } else {
          cv.text(sig_x, top, "Ditandatangani di Pantau", 8.5, true, report::Rgb{0.05, 0.1, 0.45});
          Date d = local_date(*p.ba_signed_at, region);
          cv.text(sig_x, top - 11, fmt::format("{} {}", report::tanggal_indonesia(d), local_time(*p.ba_signed_at, region)), 8.5);
        }
        break;
      case SignatureState::Voided:
        cv.text(sig_x, top, "Tanda tangan batal:", 8.5, true, report::Rgb{0.7, 0.1, 0.1});
        cv.text(sig_x, top - 11, "Berita Acara diubah setelah", 8);
        cv.text(sig_x, top - 21, "ditandatangani", 8);
        break;
      case SignatureState::Pending:
        cv.text(sig_x, top, "Belum menandatangani", 8.5, false, grey);
        cv.line({sig_x, b.y + 8}, {sig_x + sig_w - 6, b.y + 8}, grey, 0.4);
        break;
      case SignatureState::NotRequired:
        cv.text(sig_x, top, p.present ? "Tidak wajib menandatangani" : "Tidak hadir", 8.5, false, grey);
        break;
    }
  });
}

}  // namespace

Result<documents::DocumentRef> berita_acara_document(db::Conn& c, const auth::Scope& s, int64_t meeting_id) {
  auto b = berita_acara_content(c, s, meeting_id);
  if (!b) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
  if (b->meeting.status == MeetingStatus::Planned || b->meeting.status == MeetingStatus::Invited ||
      b->meeting.status == MeetingStatus::Cancelled)
    return Error::conflict("meeting.not_held", "Berita Acara dibuat setelah rapat berlangsung.",
                           "The Berita Acara is made once the meeting was held.");
  return documents::DocumentRef{"MEETING_BERITA_ACARA", "meeting", std::to_string(meeting_id), b->meeting.region_code,
                                "Berita Acara " + b->meeting.title, !b->final, ""};
}

Result<std::string> berita_acara_pdf(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const documents::Stamp& stamp) {
  auto content = berita_acara_content(c, s, meeting_id);
  if (!content) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
  const BeritaAcaraContent& b = *content;
  const Meeting& m = b.meeting;
  auto office = m.organiser_org_unit_id ? org::office_by_id(c, *m.organiser_org_unit_id) : org::kesbangpol_office(c, m.region_code);
  if (office && office->kind != "KESBANGPOL" && office->kind != "KEMENDAGRI")
    if (auto k = org::kesbangpol_office(c, m.region_code)) office = k;
  Date day = local_date(m.start_at, m.region_code);

  report::PdfDocument doc({"Berita Acara " + m.title, office ? office->name : "", "Berita Acara kesepakatan rapat", stamp.issued_at});
  if (stamp.draft) doc.watermark("DRAF");
  if (office) doc.letterhead(office->letterhead());
  // "Rapat Koordinasi ..." already says what kind of meeting it was.
  const bool titled = m.title.rfind(type_label(m.type), 0) == 0;
  const std::string kind = titled ? "" : std::string(type_label(m.type)) + " ";
  doc.title("BERITA ACARA", fmt::format("{}{}\nNomor: {}", titled ? "" : upper(type_label(m.type)) + "\n", upper(m.title),
                                        stamp.number.empty() ? "........................" : stamp.number));
  int present = 0;
  for (auto& p : b.participants) present += p.present ? 1 : 0;
  std::string basis;
  for (auto& line : split(m.legal_basis, '\n'))
    if (!trim(line).empty()) basis += (basis.empty() ? "" : "; ") + trim(line);
  doc.paragraph(fmt::format(
      "Pada hari ini {} tanggal {} bulan {} tahun {} ({}), pukul {} s.d. {}, bertempat di {}, telah dilaksanakan {}{}{}, "
      "yang diselenggarakan oleh {} dan dipimpin oleh {}{}{}. Rapat dihadiri oleh {} orang peserta sebagaimana tercantum di "
      "bawah ini, dan menyepakati hal-hal sebagai berikut:",
      report::nama_hari(day), report::terbilang(day.day), report::nama_bulan(day.month), report::terbilang(day.year),
      report::tanggal_indonesia(day), local_time(m.start_at, m.region_code), local_time(m.end_at, m.region_code),
      m.venue.empty() ? "-" : m.venue, kind, m.title, m.theme.empty() ? "" : " dengan tema \"" + m.theme + "\"",
      m.organiser_name.empty() ? (office ? office->name : "-") : m.organiser_name, m.chair_name.empty() ? "-" : m.chair_name,
      m.chair_position.empty() ? "" : " (" + m.chair_position + ")", basis.empty() ? "" : ", berdasarkan " + basis, present));

  doc.heading("I. KESEPAKATAN");
  if (b.agreements.empty()) doc.paragraph("Tidak ada kesepakatan yang dicatat.");
  for (auto& a : b.agreements) {
    std::string tail;
    if (!a.addressees.empty()) tail += " Ditujukan kepada: " + a.addressees + ".";
    if (a.target_date) tail += " Target: " + date_text(a.target_date) + ".";
    doc.paragraph(fmt::format("{}. {}{}", a.number, a.text, tail));
  }

  doc.heading("II. RENCANA AKSI");
  if (b.actions.empty()) {
    doc.paragraph("Tidak ada rencana aksi yang dicatat.");
  } else {
    std::vector<std::vector<std::string>> rows;
    std::map<int64_t, int> number_of;
    for (auto& a : b.agreements) number_of[a.id] = a.number;
    for (auto& a : b.actions) {
      std::string owner = a.owner_org_unit_name;
      if (!a.owner_person.empty()) owner += (owner.empty() ? "" : " (") + a.owner_person + (owner.empty() ? "" : ")");
      rows.push_back({std::to_string(rows.size() + 1), a.agreement_id && number_of.count(*a.agreement_id) ? std::to_string(number_of[*a.agreement_id]) : "-",
                      a.action, a.output.empty() ? "-" : a.output, owner.empty() ? "-" : owner, date_text(a.due_date)});
    }
    doc.table({{"No.", "Kesepakatan", "Rencana aksi", "Keluaran", "Penanggung jawab", "Tenggat"},
               rows,
               {0.06, 0.11, 0.33, 0.18, 0.18, 0.14},
               {report::Align::Center, report::Align::Center},
               {}});
  }
  if (b.minutes && !b.minutes->conclusions.empty()) {
    doc.heading("III. KESIMPULAN RAPAT");
    for (size_t i = 0; i < b.minutes->conclusions.size(); ++i) doc.paragraph(fmt::format("{}. {}", i + 1, b.minutes->conclusions[i]));
  }
  doc.paragraph("Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.");
  if (m.signatures_voided_at)
    doc.paragraph(fmt::format("Catatan: Berita Acara ini diubah pada {} {} setelah ditandatangani; tanda tangan sebelum perubahan "
                              "tersebut batal dan harus dibubuhkan kembali.",
                              report::tanggal_indonesia(local_date(*m.signatures_voided_at, m.region_code)),
                              local_time(*m.signatures_voided_at, m.region_code)));

  report::Signer chair{m.chair_position.empty() ? "PIMPINAN RAPAT" : "PIMPINAN RAPAT\n" + upper(m.chair_position),
                       m.chair_name.empty() ? "........................................" : m.chair_name, "", ""};
  doc.signature_block({office ? office->signing_place() : m.region_name, day, chair, std::nullopt, ""});

  doc.heading("TANDA TANGAN PESERTA");
  int no = 0;
  for (auto& p : b.participants) {
    if (!p.present) continue;
    signature_row(doc, ++no, p, signature_state(p, m.ba_revision), m.region_code);
  }
  if (no == 0) doc.paragraph("Belum ada peserta yang tercatat hadir.");
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

Result<std::string> tracker_xlsx(const std::vector<ActionItem>& items, Date today, const std::string& area_name) {
  report::XlsxWorkbook wb({"Matriks rencana aksi", "Pantau", "Rencana aksi dan tindak lanjut kesepakatan rapat", std::nullopt});
  wb.add_sheet("Rencana aksi");
  wb.title("MATRIKS RENCANA AKSI DAN TINDAK LANJUT KESEPAKATAN");
  wb.title(area_name + " — keadaan " + report::tanggal_indonesia(today));
  wb.header({"No.", "Rapat", "Rencana aksi", "Keluaran", "Indikator", "Penanggung jawab (unit)", "Penanggung jawab (orang)", "Mulai",
             "Tenggat", "Status", "Kemajuan (%)", "Anggaran (Rp)"});
  int n = 0;
  for (auto& a : items) {
    auto due = parse_date(a.due_date);
    auto start = a.start_date ? parse_date(*a.start_date) : std::nullopt;
    wb.row({report::XlsxCell::integer(++n), a.meeting_title.empty() ? a.source : a.meeting_title, a.action, a.output, a.indicator,
            a.owner_org_unit_name, a.owner_person, start ? report::XlsxCell::date(*start) : report::XlsxCell("-"),
            due ? report::XlsxCell::date(*due) : report::XlsxCell(a.due_date),
            status_label(effective_status(a.status, a.due_date, today)), report::XlsxCell::integer(a.progress_pct),
            report::XlsxCell::rupiah(a.budget_amount)});
  }
  wb.column_widths({5, 30, 44, 26, 22, 30, 22, 12, 12, 16, 12, 16});
  return wb.finish();
}

}  // namespace pantau::meetings
