#include "modules/meetings/documents.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>

#include "core/calendar.h"
#include "core/strings.h"
#include "files/evidence.h"
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

// The office whose letterhead the documents carry: the organiser when it is a Kesbangpol office
// (or the ministry), else the Kesbangpol office of the meeting's region.
std::optional<org::Office> organiser_office(db::Conn& c, const Meeting& m) {
  auto office = m.organiser_org_unit_id ? org::office_by_id(c, *m.organiser_org_unit_id) : org::kesbangpol_office(c, m.region_code);
  if (office && office->kind != "KESBANGPOL" && office->kind != "KEMENDAGRI")
    if (auto k = org::kesbangpol_office(c, m.region_code)) office = k;
  return office;
}

const char* participant_type_label(const std::string& t) {
  static const std::vector<std::pair<const char*, const char*>> labels = {
      {"GOV", "Pemerintah"}, {"PARTY", "Partai politik"}, {"ORMAS", "Organisasi kemasyarakatan"},
      {"ELECTION_BODY", "Penyelenggara pemilu"}, {"SECURITY", "Aparat keamanan"}, {"ACADEMIC", "Akademisi"},
      {"MEDIA", "Media"}, {"PUBLIC", "Masyarakat"}};
  for (auto& [k, v] : labels)
    if (t == k) return v;
  return "-";
}

// A drawn signature (the 300 x 120 drawing box) scaled into a box whose top-left is (x, top).
void draw_strokes(report::Canvas& cv, const std::string& strokes, double x, double top, double w, double h) {
  auto st = parse_strokes(strokes, "s");
  if (!st.ok()) return;
  const double scale = std::min(w / 300.0, h / 120.0);
  for (const auto& line : *st)
    for (size_t i = 1; i < line.size(); ++i)
      cv.line({x + line[i - 1].x * scale, top - line[i - 1].y * scale}, {x + line[i].x * scale, top - line[i].y * scale},
              report::Rgb{0.05, 0.1, 0.45}, 0.8);
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
          draw_strokes(cv, p.ba_signature, sig_x, b.y + kHeight - 3, sig_w, kHeight - 6);
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

// The action-plan table of the Berita Acara and the activity report.
void action_table(report::PdfDocument& doc, const BeritaAcaraContent& b) {
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

// At most `n` bytes of `s`, not cutting a character in two.
std::string cut(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "…";
}

// "Selasa, 24 Maret 2026" (and "s.d. Rabu, 25 Maret 2026" for a meeting over several days).
std::string days_text(const Meeting& m) {
  Date a = local_date(m.start_at, m.region_code), b = local_date(m.end_at, m.region_code);
  std::string t = fmt::format("{}, {}", report::nama_hari(a), report::tanggal_indonesia(a));
  if (b > a) t += fmt::format(" s.d. {}, {}", report::nama_hari(b), report::tanggal_indonesia(b));
  return t;
}

// Day, time, venue (and link) of a meeting, as the letters list them.
std::vector<std::pair<std::string, std::string>> when_where(const Meeting& m) {
  std::vector<std::pair<std::string, std::string>> kv = {
      {"Hari/tanggal", days_text(m)},
      {"Waktu", fmt::format("pukul {} s.d. {}", local_time(m.start_at, m.region_code), local_time(m.end_at, m.region_code))}};
  if (m.mode != "ONLINE" || !m.venue.empty()) kv.push_back({"Tempat", m.venue.empty() ? "-" : m.venue});
  if (!m.online_link.empty()) kv.push_back({m.mode == "ONLINE" ? "Tautan rapat daring" : "Tautan (daring)", m.online_link});
  return kv;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  for (auto& l : split(text, '\n'))
    if (!trim(l).empty()) out.push_back(trim(l));
  return out;
}

std::string meeting_name(const Meeting& m) {
  const bool titled = m.title.rfind(type_label(m.type), 0) == 0;
  return titled ? m.title : std::string(type_label(m.type)) + " " + m.title;
}

// Whom the invitation letter is addressed to: the invited participants; while the meeting is
// still planned, everybody on the list (INVITE marks them invited).
bool addressee(const Participant& p, MeetingStatus st) { return p.invited || (st == MeetingStatus::Planned && !p.present); }

// The letterhead, the DRAF watermark and the title every meeting document opens with.
report::PdfDocument open_document(const std::optional<org::Office>& office, const std::string& title, const std::string& subject,
                                  const documents::Stamp& stamp) {
  report::PdfDocument doc({title, office ? office->name : "", subject, stamp.issued_at});
  if (stamp.draft) doc.watermark("DRAF");
  if (office) doc.letterhead(office->letterhead());
  return doc;
}

// The attendance list's header and rows: number, name with position and institution, type,
// arrival time, and the drawn signature or "hadir, dicatat di Pantau pukul ...".
constexpr double kCols[] = {0.0, 0.06, 0.50, 0.66, 0.77};
void attendance_header(report::PdfDocument& doc) {
  doc.drawing(18, [&](report::Canvas& cv) {
    report::Box b = cv.box();
    const char* heads[] = {"No.", "Nama / jabatan / instansi", "Unsur", "Datang", "Tanda tangan"};
    for (int i = 0; i < 5; ++i) cv.text(b.x + b.width * kCols[i], b.y + 6, heads[i], 8.5, true);
    cv.line({b.x, b.y + 1}, {b.x + b.width, b.y + 1}, report::Rgb{0, 0, 0}, 0.6);
  });
}
void attendance_row(report::PdfDocument& doc, int no, const Participant& p, const std::string& region) {
  constexpr double kHeight = 40;
  doc.drawing(kHeight, [&](report::Canvas& cv) {
    report::Box b = cv.box();
    const report::Rgb grey{0.55, 0.55, 0.55}, ink{0.05, 0.1, 0.45};
    auto col = [&](int i) { return b.x + b.width * kCols[i]; };
    double top = b.y + b.height - 11;
    cv.text(col(0), top, fmt::format("{}.", no), 9);
    cv.text(col(1), top, cut(p.name, 60), 9, true);
    if (!p.position.empty()) cv.text(col(1), top - 10, cut(p.position, 60), 8);
    if (!p.institution.empty()) cv.text(col(1), top - 20, cut(p.institution, 60), 8);
    cv.text(col(2), top, cut(participant_type_label(p.participant_type), 22), 8);
    const double sig_x = col(4), sig_w = b.x + b.width - sig_x;
    if (p.present && p.checked_in_at) {
      cv.text(col(3), top, local_time(*p.checked_in_at, region), 8.5);
      if (!p.attendance_signature.empty()) {
        draw_strokes(cv, p.attendance_signature, sig_x, b.y + kHeight - 3, sig_w, kHeight - 6);
      } else {
        cv.text(sig_x, top, "hadir, dicatat di Pantau", 8, false, ink);
        cv.text(sig_x, top - 10, "pukul " + local_time(*p.checked_in_at, region), 8, false, ink);
      }
    } else if (p.present) {
      cv.text(col(3), top, "-", 8.5);
      cv.text(sig_x, top, "hadir, dicatat oleh petugas", 8, false, ink);
    } else {
      cv.text(col(3), top, "-", 8.5);
      cv.text(sig_x, top, "Tidak hadir", 8, false, grey);
    }
    cv.line({b.x, b.y}, {b.x + b.width, b.y}, grey, 0.3);
  });
}

void invitation(report::PdfDocument& doc, db::Conn& c, const BeritaAcaraContent& b, const std::optional<org::Office>& office,
                const documents::Stamp& stamp) {
  const Meeting& m = b.meeting;
  Date dated = m.invitation_date && parse_date(*m.invitation_date) ? *parse_date(*m.invitation_date)
                                                                    : local_date(format_iso(stamp.issued_at), m.region_code);
  (void)c;
  int invited = 0;
  for (auto& p : b.participants) invited += addressee(p, m.status) ? 1 : 0;
  doc.key_values({{"Nomor", stamp.number.empty() ? "........................" : stamp.number},
                  {"Sifat", "Penting"},
                  {"Lampiran", "1 (satu) lembar daftar undangan"},
                  {"Hal", "Undangan " + meeting_name(m)}});
  doc.paragraph(fmt::format("Kepada Yth. Bapak/Ibu/Saudara sebagaimana daftar terlampir ({} orang), di tempat.", invited));
  std::string basis;
  for (auto& line : lines_of(m.legal_basis)) basis += (basis.empty() ? "" : "; ") + line;
  doc.paragraph(fmt::format("{} rangka {}{}, dengan hormat kami mengundang Bapak/Ibu/Saudara untuk menghadiri kegiatan tersebut "
                            "yang akan dilaksanakan pada:",
                            basis.empty() ? "Dalam" : "Berdasarkan " + basis + ", dalam", meeting_name(m),
                            m.theme.empty() ? "" : " dengan tema \"" + m.theme + "\""));
  auto kv = when_where(m);
  auto agenda = lines_of(m.agenda);
  std::string acara;
  for (size_t i = 0; i < agenda.size(); ++i) acara += (i ? "; " : "") + (agenda.size() > 1 ? fmt::format("{}. ", i + 1) : "") + agenda[i];
  kv.push_back({"Acara", acara.empty() ? meeting_name(m) : acara});
  if (!m.chair_name.empty()) kv.push_back({"Pimpinan rapat", m.chair_name + (m.chair_position.empty() ? "" : ", " + m.chair_position)});
  doc.key_values(kv);
  doc.paragraph("Mengingat pentingnya acara tersebut, dimohon kehadiran Bapak/Ibu/Saudara tepat pada waktunya. Atas perhatian dan "
                "kehadirannya diucapkan terima kasih.");
  report::Signer head = office ? office->head_signer() : report::Signer{"PENYELENGGARA", "........................................", "", ""};
  doc.signature_block({office ? office->signing_place() : m.region_name, dated, head, std::nullopt, ""});
  doc.page_break();
  doc.heading(fmt::format("LAMPIRAN SURAT UNDANGAN NOMOR {}", stamp.number.empty() ? "...................." : stamp.number));
  doc.paragraph("DAFTAR UNDANGAN " + upper(meeting_name(m)));
  std::vector<std::vector<std::string>> rows;
  for (auto& p : b.participants)
    if (addressee(p, m.status)) rows.push_back({std::to_string(rows.size() + 1), p.name, p.position.empty() ? "-" : p.position,
                                   p.institution.empty() ? "-" : p.institution});
  doc.table({{"No.", "Nama", "Jabatan", "Instansi"}, rows, {0.07, 0.31, 0.31, 0.31}, {report::Align::Center}, {}});
}

void attendance(report::PdfDocument& doc, const BeritaAcaraContent& b, const documents::Stamp& stamp) {
  const Meeting& m = b.meeting;
  doc.title("DAFTAR HADIR", fmt::format("{}\nNomor: {}", upper(meeting_name(m)), stamp.number.empty() ? "........................" : stamp.number));
  int present = 0;
  for (auto& p : b.participants) present += p.present ? 1 : 0;
  auto kv = when_where(m);
  kv.push_back({"Penyelenggara", m.organiser_name.empty() ? "-" : m.organiser_name});
  kv.push_back({"Jumlah hadir", fmt::format("{} dari {} orang tercatat", present, b.participants.size())});
  doc.key_values(kv);
  // Invited and present, present without an invitation (walk-ins), invited and absent: each its
  // own part, so the walk-ins are never counted among the invited.
  int no = 0;
  struct Group {
    const char* heading;
    std::function<bool(const Participant&)> in;
  };
  const Group groups[] = {
      {"A. Peserta undangan yang hadir", [](const Participant& p) { return attendance_of(p) == Attendance::InvitedPresent; }},
      {"B. Hadir tanpa undangan", [](const Participant& p) { return attendance_of(p) == Attendance::WalkIn; }},
      {"C. Peserta undangan yang tidak hadir",
       [](const Participant& p) { return attendance_of(p) == Attendance::InvitedAbsent || attendance_of(p) == Attendance::Listed; }}};
  for (const auto& g : groups) {
    int n = static_cast<int>(std::count_if(b.participants.begin(), b.participants.end(), g.in));
    if (n == 0) continue;
    doc.heading(fmt::format("{} ({} orang)", g.heading, n));
    attendance_header(doc);
    for (auto& p : b.participants)
      if (g.in(p)) attendance_row(doc, ++no, p, m.region_code);
  }
  if (no == 0) doc.paragraph("Belum ada peserta yang tercatat.");
}

void minutes(report::PdfDocument& doc, const BeritaAcaraContent& b, const documents::Stamp& stamp) {
  const Meeting& m = b.meeting;
  const Minutes& n = *b.minutes;
  doc.title("NOTULA RAPAT", fmt::format("{}\nNomor: {}", upper(meeting_name(m)), stamp.number.empty() ? "........................" : stamp.number));
  int present = 0;
  for (auto& p : b.participants) present += p.present ? 1 : 0;
  auto kv = when_where(m);
  kv.push_back({"Pimpinan rapat", m.chair_name.empty() ? "-" : m.chair_name + (m.chair_position.empty() ? "" : ", " + m.chair_position)});
  kv.push_back({"Notulis", m.secretary_name.empty() ? "-" : m.secretary_name});
  kv.push_back({"Peserta", fmt::format("{} orang hadir (daftar hadir terlampir tersendiri)", present)});
  doc.key_values(kv);
  doc.heading("I. PEMBUKAAN");
  doc.paragraph(n.opening_summary.empty() ? "-" : n.opening_summary);
  doc.heading("II. POKOK PEMBAHASAN");
  if (n.discussion.empty()) doc.paragraph("-");
  for (size_t i = 0; i < n.discussion.size(); ++i)
    doc.paragraph(fmt::format("{}. {}: {}", i + 1, n.discussion[i].first.empty() ? "Peserta" : n.discussion[i].first, n.discussion[i].second));
  doc.heading("III. TANYA JAWAB");
  if (n.questions.empty()) doc.paragraph("Tidak ada tanya jawab yang dicatat.");
  for (size_t i = 0; i < n.questions.size(); ++i) {
    doc.paragraph(fmt::format("{}. Pertanyaan: {}", i + 1, n.questions[i].first));
    doc.paragraph(fmt::format("    Jawaban: {}", n.questions[i].second.empty() ? "-" : n.questions[i].second));
  }
  doc.heading("IV. KESIMPULAN");
  if (n.conclusions.empty()) doc.paragraph("-");
  for (size_t i = 0; i < n.conclusions.size(); ++i) doc.paragraph(fmt::format("{}. {}", i + 1, n.conclusions[i]));
  std::optional<Date> approved;
  if (n.approved_at) {
    approved = local_date(*n.approved_at, m.region_code);
    doc.paragraph(fmt::format("Notula ini disetujui oleh pimpinan rapat{} pada {} pukul {}.",
                              n.approved_by_name ? " (" + *n.approved_by_name + ")" : "", report::tanggal_indonesia(*approved),
                              local_time(*n.approved_at, m.region_code)));
  } else {
    doc.paragraph("DRAF: notula ini belum disetujui pimpinan rapat.");
  }
  report::Signer chair{"PIMPINAN RAPAT", m.chair_name.empty() ? "........................................" : m.chair_name, "", ""};
  report::Signer secretary{"NOTULIS", m.secretary_name.empty() ? "........................................" : m.secretary_name, "", ""};
  doc.signature_block({m.region_name, approved, chair, secretary, ""});
}

// The photo documentation: the first kPhotosInReport photos, two to a row, each scaled into its
// frame with its caption under it. The bytes come from the files store by their SHA-256, so the
// same photos render to the same PDF (the register's re-render check); a photo the store cannot
// give is left as its frame and caption.
constexpr size_t kPhotosInReport = 6;
void documentation(report::PdfDocument& doc, const std::vector<Photo>& photos) {
  if (photos.empty()) {
    doc.paragraph("Belum ada foto dokumentasi kegiatan yang diunggah.");
    return;
  }
  const size_t shown = std::min(photos.size(), kPhotosInReport);
  constexpr double kFrame = 150, kCaption = 26, kGap = 14;
  for (size_t i = 0; i < shown; i += 2) {
    doc.drawing(kFrame + kCaption, [&](report::Canvas& cv) {
      report::Box b = cv.box();
      const double w = (b.width - kGap) / 2;
      for (size_t k = i; k < std::min(i + 2, shown); ++k) {
        const Photo& p = photos[k];
        const double x = b.x + static_cast<double>(k - i) * (w + kGap);
        report::Box frame{x, b.y + kCaption, w, kFrame};
        const report::Rgb grey{0.7, 0.7, 0.7};
        auto bytes = files::read_content(p.file.sha256, 30u << 20);
        if (!bytes || !cv.image(*bytes, frame)) cv.rect(frame, std::nullopt, grey, 0.4);
        std::string caption = fmt::format("Foto {}. {}", k + 1, p.caption.empty() ? "-" : p.caption);
        cv.text(x, b.y + kCaption - 11, cut(caption, 70), 8.5);
        if (caption.size() > 70) cv.text(x, b.y + kCaption - 21, cut(caption.substr(cut(caption, 70).size() - 3), 70), 8.5);
      }
    });
  }
  if (photos.size() > shown)
    doc.paragraph(fmt::format("Foto dokumentasi lainnya ({} foto) tersimpan di Pantau.", photos.size() - shown));
}

void activity_report(report::PdfDocument& doc, const BeritaAcaraContent& b, const std::optional<org::Office>& office,
                     const documents::Stamp& stamp) {
  const Meeting& m = b.meeting;
  doc.title("LAPORAN KEGIATAN", fmt::format("{}\nNomor: {}", upper(meeting_name(m)), stamp.number.empty() ? "........................" : stamp.number));
  doc.heading("I. DASAR");
  auto basis = lines_of(m.legal_basis);
  if (basis.empty()) doc.paragraph("-");
  for (size_t i = 0; i < basis.size(); ++i) doc.paragraph(fmt::format("{}. {}", i + 1, basis[i]));
  doc.heading("II. MAKSUD DAN TUJUAN");
  doc.paragraph(fmt::format("{} diselenggarakan oleh {}{}.", meeting_name(m), m.organiser_name.empty() ? (office ? office->name : "-") : m.organiser_name,
                            m.theme.empty() ? "" : " dengan tema \"" + m.theme + "\""));
  auto agenda = lines_of(m.agenda);
  if (!agenda.empty()) {
    doc.paragraph("Kegiatan ini bertujuan membahas:");
    for (size_t i = 0; i < agenda.size(); ++i) doc.paragraph(fmt::format("{}. {}", i + 1, agenda[i]));
  }
  doc.heading("III. WAKTU DAN TEMPAT");
  doc.key_values(when_where(m));
  doc.heading("IV. PESERTA");
  struct Tally {
    int invited = 0, invited_present = 0, walk_in = 0;
  };
  std::map<std::string, Tally> by_type;
  Tally all;
  for (auto& p : b.participants) {
    Attendance a = attendance_of(p);
    for (Tally* t : {&by_type[p.participant_type], &all}) {
      t->invited += p.invited ? 1 : 0;
      t->invited_present += a == Attendance::InvitedPresent ? 1 : 0;
      t->walk_in += a == Attendance::WalkIn ? 1 : 0;
    }
  }
  doc.paragraph(fmt::format("Kegiatan dihadiri oleh {} orang peserta: {} dari {} orang yang diundang hadir, {} orang undangan tidak hadir, "
                            "dan {} orang hadir tanpa undangan. Rincian unsur sebagai berikut:",
                            all.invited_present + all.walk_in, all.invited_present, all.invited, all.invited - all.invited_present,
                            all.walk_in));
  std::vector<std::vector<std::string>> rows;
  for (auto t : kParticipantTypes)
    if (auto it = by_type.find(std::string(t)); it != by_type.end()) {
      const Tally& x = it->second;
      rows.push_back({std::to_string(rows.size() + 1), participant_type_label(it->first), std::to_string(x.invited),
                      std::to_string(x.invited_present), std::to_string(x.invited - x.invited_present), std::to_string(x.walk_in)});
    }
  doc.table({{"No.", "Unsur peserta", "Diundang", "Hadir", "Tidak hadir", "Hadir tanpa undangan"}, rows, {0.07, 0.33, 0.14, 0.12, 0.14, 0.2},
             {report::Align::Center, report::Align::Left, report::Align::Right, report::Align::Right, report::Align::Right, report::Align::Right},
             {"", "JUMLAH", std::to_string(all.invited), std::to_string(all.invited_present), std::to_string(all.invited - all.invited_present),
              std::to_string(all.walk_in)}});
  doc.heading("V. NARASUMBER DAN MATERI");
  if (b.speakers.empty()) doc.paragraph("Tidak ada narasumber yang dicatat.");
  for (size_t i = 0; i < b.speakers.size(); ++i) {
    const Speaker& sp = b.speakers[i];
    doc.paragraph(fmt::format("{}. {}{}{}", i + 1, sp.name, sp.position.empty() ? "" : ", " + sp.position,
                              sp.topic.empty() ? "" : ", menyampaikan materi \"" + sp.topic + "\""));
    for (const auto& f : sp.materials) doc.paragraph(fmt::format("    - Materi: {}", f.name));
  }
  doc.heading("VI. JALANNYA KEGIATAN");
  if (!b.minutes) {
    doc.paragraph("Notula rapat belum dicatat.");
  } else {
    if (!b.minutes->opening_summary.empty()) doc.paragraph(b.minutes->opening_summary);
    for (size_t i = 0; i < b.minutes->discussion.size(); ++i)
      doc.paragraph(fmt::format("{}. {}: {}", i + 1, b.minutes->discussion[i].first, b.minutes->discussion[i].second));
    if (!b.minutes->questions.empty())
      doc.paragraph(fmt::format("Dalam sesi tanya jawab dibahas {} pertanyaan peserta (rincian dalam notula rapat).", b.minutes->questions.size()));
  }
  doc.heading("VII. KESEPAKATAN DAN RENCANA TINDAK LANJUT");
  if (b.agreements.empty()) doc.paragraph("Tidak ada kesepakatan yang dicatat.");
  for (auto& a : b.agreements) doc.paragraph(fmt::format("{}. {}{}", a.number, a.text, a.target_date ? " (target " + date_text(a.target_date) + ")" : ""));
  if (!b.actions.empty()) action_table(doc, b);
  doc.heading("VIII. DOKUMENTASI");
  documentation(doc, b.photos);
  doc.heading("IX. PENUTUP");
  if (b.minutes)
    for (size_t i = 0; i < b.minutes->conclusions.size(); ++i) doc.paragraph(fmt::format("{}. {}", i + 1, b.minutes->conclusions[i]));
  doc.paragraph("Demikian laporan kegiatan ini disampaikan sebagai bahan informasi dan tindak lanjut.");
  report::Signer head = office ? office->head_signer() : report::Signer{"PENYELENGGARA", "........................................", "", ""};
  doc.signature_block({office ? office->signing_place() : m.region_name, local_date(format_iso(stamp.issued_at), m.region_code), head,
                       std::nullopt, ""});
}

const char* document_kind(MeetingDocument d) {
  switch (d) {
    case MeetingDocument::Invitation: return "MEETING_INVITATION";
    case MeetingDocument::Attendance: return "MEETING_ATTENDANCE";
    case MeetingDocument::Minutes: return "MEETING_MINUTES";
    case MeetingDocument::Report: return "MEETING_REPORT";
  }
  return "";
}

const char* document_title(MeetingDocument d) {
  switch (d) {
    case MeetingDocument::Invitation: return "Surat Undangan";
    case MeetingDocument::Attendance: return "Daftar Hadir";
    case MeetingDocument::Minutes: return "Notula";
    case MeetingDocument::Report: return "Laporan Kegiatan";
  }
  return "";
}

}  // namespace

Result<documents::DocumentRef> meeting_document(db::Conn& c, const auth::Scope& s, int64_t meeting_id, MeetingDocument d) {
  auto b = berita_acara_content(c, s, meeting_id);
  if (!b) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
  const MeetingStatus st = b->meeting.status;
  const bool held = st == MeetingStatus::Held || st == MeetingStatus::Minuted || st == MeetingStatus::Closed;
  bool draft = false;
  std::string number;
  switch (d) {
    case MeetingDocument::Invitation:
      if (std::none_of(b->participants.begin(), b->participants.end(), [&](const Participant& p) { return addressee(p, st); }))
        return Error::conflict("meeting.no_participants", "Surat undangan dibuat setelah peserta undangan dicatat.",
                               "The invitation letter is made once invited participants are recorded.");
      draft = st == MeetingStatus::Planned || st == MeetingStatus::Cancelled;
      number = draft ? "" : b->meeting.invitation_no;
      break;
    case MeetingDocument::Attendance:
      if (!held && st != MeetingStatus::Invited)
        return Error::conflict("meeting.not_invited", "Daftar hadir dibuat setelah undangan dikirim.",
                               "The attendance list is made once the invitations were sent.");
      draft = !held;
      break;
    case MeetingDocument::Minutes:
      if (!b->minutes)
        return Error::conflict("meeting.no_minutes", "Notula belum ditulis.", "The minutes have not been written yet.");
      draft = !b->minutes->approved_at;
      break;
    case MeetingDocument::Report:
      if (!held)
        return Error::conflict("meeting.not_held", "Laporan kegiatan dibuat setelah rapat berlangsung.",
                               "The activity report is made once the meeting was held.");
      draft = !b->minutes || !b->minutes->approved_at;
      break;
  }
  return documents::DocumentRef{document_kind(d), "meeting", std::to_string(meeting_id), b->meeting.region_code,
                                std::string(document_title(d)) + " " + b->meeting.title, draft, number};
}

Result<std::string> meeting_document_pdf(db::Conn& c, const auth::Scope& s, int64_t meeting_id, MeetingDocument d,
                                         const documents::Stamp& stamp) {
  auto content = berita_acara_content(c, s, meeting_id);
  if (!content) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
  const Meeting& m = content->meeting;
  auto office = organiser_office(c, m);
  report::PdfDocument doc = open_document(office, std::string(document_title(d)) + " " + m.title, document_title(d), stamp);
  switch (d) {
    case MeetingDocument::Invitation: invitation(doc, c, *content, office, stamp); break;
    case MeetingDocument::Attendance: attendance(doc, *content, stamp); break;
    case MeetingDocument::Minutes:
      if (!content->minutes) return Error::conflict("meeting.no_minutes", "Notula belum ditulis.", "The minutes have not been written yet.");
      minutes(doc, *content, stamp);
      break;
    case MeetingDocument::Report: activity_report(doc, *content, office, stamp); break;
  }
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

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
  auto office = organiser_office(c, m);
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
    action_table(doc, b);
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
