#include "modules/meetings/store.h"

#include <algorithm>
#include <chrono>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "modules/meetings/json.h"
#include "modules/meetings/rules.h"
#include "modules/meetings/store_internal.h"

namespace pantau::meetings {

namespace detail {

Meeting meeting_of(const db::Row& r) {
  Meeting m;
  m.id = r.i64(0);
  m.series = r.str(1);
  m.type = r.str(2);
  m.title = r.str(3);
  m.theme = r.str(4);
  m.legal_basis = r.str(5);
  m.region_code = r.str(6);
  m.region_name = r.str(7);
  m.organiser_org_unit_id = r.opt_i64(8);
  m.organiser_name = r.str(9);
  m.chair_name = r.str(10);
  m.chair_position = r.str(11);
  m.secretary_name = r.str(12);
  m.start_at = r.str(13);
  m.end_at = r.str(14);
  m.venue = r.str(15);
  m.mode = r.str(16);
  m.online_link = r.str(17);
  m.agenda = r.str(18);
  m.budget_source = r.str(19);
  m.invitation_no = r.str(20);
  m.invitation_date = r.opt_str(21);
  m.status = parse_status(r.text(22)).value_or(MeetingStatus::Planned);
  m.checkin_token = r.str(23);
  m.classification = static_cast<int>(r.i64(24));
  m.ba_revision = r.i64(25);
  m.signatures_voided_at = r.opt_str(26);
  m.version = r.i64(27);
  return m;
}

std::optional<Meeting> load_meeting(db::Conn& c, int64_t id) {
  std::optional<Meeting> m;
  c.query(std::string("SELECT ") + kMeetingColumns + kMeetingFrom + " WHERE m.id = ?", {id},
          [&](const db::Row& r) { m = meeting_of(r); });
  return m;
}

bool sees(const auth::Scope& s, const std::string& region, int cls) { return s.covers(region) && s.cleared_for(cls); }

Result<Meeting> writable_meeting(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto m = get_meeting(c, s, id);
  if (!m) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
  if (!s.can(auth::kRecordWrite)) return Error::forbidden();
  return *m;
}

Status closed_guard(const Meeting& m) {
  if (m.status == MeetingStatus::Closed || m.status == MeetingStatus::Cancelled)
    return Error::conflict("meeting.closed", "Rapat sudah ditutup atau dibatalkan; catatannya tidak dapat diubah.",
                           "The meeting is closed or cancelled; its records cannot be changed.");
  return {};
}

void audit_row(db::Conn& c, const auth::Scope& s, const char* action, const char* entity, int64_t id, const std::string& region,
               int cls, std::optional<std::string> before, std::optional<std::string> after) {
  audit::append(c, s, {action, entity, std::to_string(id), region, cls, std::move(before), std::move(after)});
}

// A change to what the Berita Acara says, after somebody signed it, voids the signatures.
void berita_acara_changed(db::Conn& c, const auth::Scope& s, const Meeting& m) {
  auto signed_now = c.query_i64("SELECT COUNT(*) FROM meeting_participants WHERE meeting_id = ? AND ba_signed_revision = ?",
                                {m.id, m.ba_revision});
  if (signed_now.value_or(0) == 0) return;
  std::string now = now_iso();
  c.exec("UPDATE meetings SET ba_revision = ba_revision + 1, signatures_voided_at = ?, updated_at = ? WHERE id = ?",
         {now, now, m.id});
  audit_row(c, s, "void_signatures", "meeting", m.id, m.region_code, m.classification, std::nullopt,
            signatures_voided_json(m.ba_revision + 1, *signed_now));
}

Result<std::string> checked_time(const std::string& v, const char* field) {
  auto t = parse_iso(v);
  if (!t) return Error::invalid_field(field, "invalid", "Waktu harus ISO 8601 (mis. 2026-12-10T01:00:00Z).",
                                      "Times must be ISO 8601 (e.g. 2026-12-10T01:00:00Z).");
  return format_iso(*t);
}

std::vector<Link> links_of(db::Conn& c, const char* owner, int64_t id) {
  std::vector<Link> out;
  c.query("SELECT target_kind, target_id FROM meeting_links WHERE owner = ? AND owner_id = ? ORDER BY id", {std::string(owner), id},
          [&](const db::Row& r) { out.push_back({r.str(0), r.i64(1)}); });
  return out;
}

Status save_links(db::Conn& c, const char* owner, int64_t id, const std::string& region, const std::vector<Link>& links) {
  for (const auto& l : links) {
    if (std::find(kLinkKinds.begin(), kLinkKinds.end(), l.kind) == kLinkKinds.end() || l.id < 1)
      return Error::invalid_field("links", "not_allowed", "Tautan harus ke laporan, insiden, titik rawan, peringatan, atau permohonan banpol.",
                                  "A link must point at a report, incident, hotspot, alert or party-aid application.");
    c.exec("INSERT INTO meeting_links (owner, owner_id, target_kind, target_id, region_code) VALUES (?, ?, ?, ?, ?) "
           "ON CONFLICT DO NOTHING",
           {std::string(owner), id, l.kind, l.id, region});
  }
  return {};
}

ActionItem item_of(const db::Row& r) {
  ActionItem a;
  a.id = r.i64(0);
  a.meeting_id = r.opt_i64(1);
  a.agreement_id = r.opt_i64(2);
  a.source = r.str(3);
  a.source_ref = r.str(4);
  a.region_code = r.str(5);
  a.action = r.str(6);
  a.output = r.str(7);
  a.indicator = r.str(8);
  a.owner_org_unit_id = r.opt_i64(9);
  a.owner_org_unit_name = r.str(10);
  a.owner_person = r.str(11);
  a.support_units = r.str(12);
  a.start_date = r.opt_str(13);
  a.due_date = r.str(14);
  a.budget_source = r.str(15);
  a.budget_amount = r.i64(16);
  a.status = r.str(17);
  a.progress_pct = static_cast<int>(r.i64(18));
  a.version = r.i64(19);
  a.meeting_title = r.str(20);
  return a;
}

std::vector<FollowUp> follow_ups_of(db::Conn& c, int64_t item) {
  std::vector<FollowUp> out;
  c.query("SELECT f.id, f.date, f.action_taken, f.outcome, f.next_step, f.status, f.evidence_file_ids, f.progress_pct, "
          "COALESCE(u.full_name, ''), f.verified_at, COALESCE(v.full_name, '') FROM action_follow_ups f "
          "LEFT JOIN users u ON u.id = f.reported_by LEFT JOIN users v ON v.id = f.verified_by WHERE f.action_item_id = ? "
          "ORDER BY f.id",
          {item}, [&](const db::Row& r) {
            FollowUp f;
            f.id = r.i64(0);
            f.action_item_id = item;
            f.date = r.str(1);
            f.action_taken = r.str(2);
            f.outcome = r.str(3);
            f.next_step = r.str(4);
            f.status = r.str(5);
            for (auto& part : split(r.str(6), ','))
              if (auto v = parse_int64(part)) f.evidence_file_ids.push_back(*v);
            f.progress_pct = static_cast<int>(r.i64(7));
            f.reported_by_name = r.str(8);
            f.verified_at = r.opt_str(9);
            if (!r.is_null(9)) f.verified_by_name = r.str(10);
            out.push_back(std::move(f));
          });
  return out;
}

Participant participant_of(const db::Row& r) {
  Participant p;
  p.id = r.i64(0);
  p.meeting_id = r.i64(1);
  p.name = r.str(2);
  p.position = r.str(3);
  p.institution = r.str(4);
  p.participant_type = r.str(5);
  p.phone = r.str(6);
  p.represented_by = r.str(7);
  p.user_id = r.opt_i64(8);
  p.invited = r.i64(9) != 0;
  p.present = r.i64(10) != 0;
  p.required_signatory = r.i64(11) != 0;
  p.checked_in_at = r.opt_str(12);
  p.checkin_method = r.opt_str(13);
  p.attendance_signature = r.str(14);
  p.ba_signed_at = r.opt_str(15);
  p.ba_signed_revision = r.opt_i64(16);
  p.ba_signature = r.str(17);
  return p;
}
std::vector<FieldError> participant_errors(const Participant& p) {
  std::vector<FieldError> e;
  if (trim(p.name).empty()) e.push_back({"name", "required", {"Nama wajib diisi.", "The name is required."}});
  if (p.name.size() > 200) e.push_back({"name", "too_long", {"Nama terlalu panjang.", "The name is too long."}});
  if (std::find(kParticipantTypes.begin(), kParticipantTypes.end(), p.participant_type) == kParticipantTypes.end())
    e.push_back({"participant_type", "not_allowed", {"Jenis peserta tidak dikenal.", "Unknown participant type."}});
  return e;
}

}  // namespace detail

using namespace detail;

// ---- meetings ------------------------------------------------------------------------------

std::optional<Meeting> get_meeting(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto m = load_meeting(c, id);
  if (!m || !sees(s, m->region_code, m->classification)) return std::nullopt;
  return m;
}

namespace {

void apply_input(Meeting& m, const MeetingInput& in, std::vector<FieldError>& errs) {
  auto set = [](std::string& field, const std::optional<std::string>& v) {
    if (v) field = trim(*v);
  };
  set(m.type, in.type);
  set(m.title, in.title);
  set(m.theme, in.theme);
  set(m.legal_basis, in.legal_basis);
  set(m.series, in.series);
  set(m.chair_name, in.chair_name);
  set(m.chair_position, in.chair_position);
  set(m.secretary_name, in.secretary_name);
  set(m.venue, in.venue);
  set(m.mode, in.mode);
  set(m.online_link, in.online_link);
  set(m.agenda, in.agenda);
  set(m.budget_source, in.budget_source);
  set(m.invitation_no, in.invitation_no);
  if (in.invitation_date) m.invitation_date = in.invitation_date->empty() ? std::nullopt : in.invitation_date;
  if (in.region_code) m.region_code = *in.region_code;
  if (in.organiser_org_unit_id) m.organiser_org_unit_id = in.organiser_org_unit_id;
  if (in.classification) m.classification = *in.classification;
  for (auto [v, field, out] : {std::tuple{&in.start_at, "start_at", &m.start_at}, std::tuple{&in.end_at, "end_at", &m.end_at}}) {
    if (!*v) continue;
    auto t = checked_time(**v, field);
    if (!t.ok()) errs.insert(errs.end(), t.error().fields.begin(), t.error().fields.end());
    else *out = *t;
  }
  if (std::find(kMeetingTypes.begin(), kMeetingTypes.end(), m.type) == kMeetingTypes.end())
    errs.push_back({"type", "not_allowed", {"Jenis rapat tidak dikenal.", "Unknown meeting type."}});
  if (std::find(kModes.begin(), kModes.end(), m.mode) == kModes.end())
    errs.push_back({"mode", "not_allowed", {"Pilih OFFLINE, ONLINE, atau HYBRID.", "Choose OFFLINE, ONLINE or HYBRID."}});
  if (m.title.empty()) errs.push_back({"title", "required", {"Judul rapat wajib diisi.", "The title is required."}});
  if (m.start_at.empty()) errs.push_back({"start_at", "required", {"Waktu mulai wajib diisi.", "The start is required."}});
  if (m.end_at.empty()) errs.push_back({"end_at", "required", {"Waktu selesai wajib diisi.", "The end is required."}});
  if (!m.start_at.empty() && !m.end_at.empty() && m.end_at <= m.start_at)
    errs.push_back({"end_at", "before_start", {"Waktu selesai harus setelah waktu mulai.", "The end must be after the start."}});
  if (m.invitation_date && !parse_date(*m.invitation_date))
    errs.push_back({"invitation_date", "invalid", {"Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."}});
  if (m.mode != "OFFLINE" && m.online_link.empty())
    errs.push_back({"online_link", "required", {"Rapat daring memerlukan tautan.", "An online meeting needs a link."}});
}

}  // namespace

Result<int64_t> create_meeting(db::Conn& c, const auth::Scope& s, const MeetingInput& in) {
  if (!s.can(auth::kRecordWrite)) return Error::forbidden();
  Meeting m;
  m.region_code = s.region_code;
  m.organiser_org_unit_id = s.org_unit_id > 0 ? std::optional<int64_t>(s.org_unit_id) : std::nullopt;
  std::vector<FieldError> errs;
  apply_input(m, in, errs);
  if (!errs.empty()) return Error::invalid(errs);
  if (!s.covers(m.region_code)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (!s.cleared_for(m.classification))
    return Error::forbidden("Tingkat kerahasiaan ini di atas tingkat akses Anda.", "This confidentiality level is above your clearance.");
  if (!m.region_code.empty() && !c.query_i64("SELECT 1 FROM regions WHERE code = ?", {m.region_code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO meetings (series, type, title, theme, legal_basis, region_code, organiser_org_unit_id, chair_name, chair_position, "
      "secretary_name, start_at, end_at, venue, mode, online_link, agenda, budget_source, invitation_no, invitation_date, status, "
      "classification, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "'PLANNED', ?, ?, ?, ?)",
      {m.series, m.type, m.title, m.theme, m.legal_basis, m.region_code,
       m.organiser_org_unit_id ? db::Value(*m.organiser_org_unit_id) : db::Value(), m.chair_name, m.chair_position,
       m.secretary_name, m.start_at, m.end_at, m.venue, m.mode, m.online_link, m.agenda, m.budget_source, m.invitation_no,
       m.invitation_date ? db::Value(*m.invitation_date) : db::Value(), int64_t{m.classification},
       s.user_id > 0 ? db::Value(s.user_id) : db::Value(), now, now});
  m.id = id;
  audit_row(c, s, "create", "meeting", id, m.region_code, m.classification, std::nullopt, audit_json(m));
  return id;
}

Status update_meeting(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const MeetingInput& in) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, id));
  PANTAU_CHECK(closed_guard(m));
  if (m.version != version) return Error::stale_version();
  std::string before = audit_json(m);
  std::vector<FieldError> errs;
  MeetingInput scoped = in;
  scoped.region_code.reset();  // a meeting stays in its region
  apply_input(m, scoped, errs);
  if (!errs.empty()) return Error::invalid(errs);
  if (!s.cleared_for(m.classification))
    return Error::forbidden("Tingkat kerahasiaan ini di atas tingkat akses Anda.", "This confidentiality level is above your clearance.");
  c.exec("UPDATE meetings SET series = ?, type = ?, title = ?, theme = ?, legal_basis = ?, chair_name = ?, chair_position = ?, "
         "secretary_name = ?, start_at = ?, end_at = ?, venue = ?, mode = ?, online_link = ?, agenda = ?, budget_source = ?, "
         "invitation_no = ?, invitation_date = ?, classification = ?, updated_at = ?, version = version + 1 WHERE id = ?",
         {m.series, m.type, m.title, m.theme, m.legal_basis, m.chair_name, m.chair_position, m.secretary_name, m.start_at, m.end_at,
          m.venue, m.mode, m.online_link, m.agenda, m.budget_source, m.invitation_no,
          m.invitation_date ? db::Value(*m.invitation_date) : db::Value(), int64_t{m.classification}, now_iso(), id});
  ++m.version;
  berita_acara_changed(c, s, m);
  audit_row(c, s, "update", "meeting", id, m.region_code, m.classification, before, audit_json(m));
  return {};
}

Status act_on_meeting(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, MeetingAction a, TimePoint now) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, id));
  if (m.version != version) return Error::stale_version();
  TransitionFacts f;
  f.participants = static_cast<int>(c.query_i64("SELECT COUNT(*) FROM meeting_participants WHERE meeting_id = ?", {id}).value_or(0));
  f.started = parse_iso(m.start_at).value_or(now) <= now;
  auto minutes = get_minutes(c, id);
  f.minutes_approved = minutes && minutes->approved_at;
  f.berita_acara_final = berita_acara_final(participants(c, id), m.ba_revision);
  PANTAU_TRY(MeetingStatus next, transition(m.status, a, f));
  std::string before = audit_json(m);
  std::string token = m.checkin_token;
  if (a == MeetingAction::Invite && token.empty()) token = random_token(18);
  c.exec("UPDATE meetings SET status = ?, checkin_token = ?, updated_at = ?, version = version + 1 WHERE id = ?",
         {std::string(name(next)), token.empty() ? db::Value() : db::Value(token), now_iso(), id});
  // Those already recorded present before the invitations went out came without one.
  if (a == MeetingAction::Invite) c.exec("UPDATE meeting_participants SET invited = 1 WHERE meeting_id = ? AND present = 0", {id});
  m.status = next;
  ++m.version;
  audit_row(c, s, std::string(name(a)) == "INVITE" ? "invite" : "status", "meeting", id, m.region_code, m.classification, before,
            audit_json(m));
  return {};
}

// ---- content of documents and answers ---------------------------------------------------------

std::optional<BeritaAcaraContent> berita_acara_content(db::Conn& c, const auth::Scope& s, int64_t meeting_id) {
  auto m = get_meeting(c, s, meeting_id);
  if (!m) return std::nullopt;
  BeritaAcaraContent b;
  b.meeting = *m;
  b.participants = participants(c, meeting_id);
  b.agreements = agreements(c, meeting_id);
  c.query(std::string("SELECT ") + kItemColumns + kItemFrom + " WHERE a.meeting_id = ? ORDER BY a.agreement_id, a.id", {meeting_id},
          [&](const db::Row& r) { b.actions.push_back(item_of(r)); });
  b.minutes = get_minutes(c, meeting_id);
  b.speakers = speakers(c, meeting_id);
  b.photos = photos(c, meeting_id);
  b.final = berita_acara_final(b.participants, m->ba_revision);
  return b;
}

Date today_in(const std::string& region_code, TimePoint now) {
  auto local = now + std::chrono::hours(utc_offset_hours(region_code));
  return parse_date(format_iso(local).substr(0, 10)).value_or(Date{});
}

std::optional<MeetingDetail> meeting_detail(db::Conn& c, const auth::Scope& s, int64_t id, TimePoint now) {
  auto b = berita_acara_content(c, s, id);
  if (!b) return std::nullopt;
  MeetingDetail d;
  const Meeting& m = b->meeting;
  for (auto& a : b->actions) {
    a.links = links_of(c, "action_item", a.id);
    a.follow_ups = follow_ups_of(c, a.id);
  }
  d.today = today_in(m.region_code, now);
  auto start = parse_iso(m.start_at), end = parse_iso(m.end_at);
  d.checkin_open = start && end && checkin_open(m.status, *start, *end, now);
  d.show_checkin_token = s.can(auth::kRecordWrite);
  d.version = m.version;
  d.carried_over = carried_over(c, s, m);
  d.content = std::move(*b);
  return d;
}

Result<MeetingDetail> meeting_after(db::Conn& c, const auth::Scope& s, int64_t id, TimePoint now) {
  auto d = meeting_detail(c, s, id, now);
  if (!d) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
  return std::move(*d);
}

db::Page<MeetingSummary> list_meetings(db::Conn& c, const auth::Scope& s, const MeetingQuery& q) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kMeetingColumns +
                    ", (SELECT COUNT(*) FROM meeting_agreements g WHERE g.meeting_id = m.id), "
                    "(SELECT COUNT(*) FROM meeting_participants x WHERE x.meeting_id = m.id AND x.present = 1)" +
                    kMeetingFrom + " WHERE " + s.record_filter("m.region_code", "m.classification", p);
  if (!q.status.empty()) {
    sql += " AND m.status = ?";
    p.push_back(q.status);
  }
  if (!q.type.empty()) {
    sql += " AND m.type = ?";
    p.push_back(q.type);
  }
  return db::keyset_page(
      c, sql, p, q.page, "m.id",
      [](const db::Row& r) {
        MeetingSummary m{r.i64(0), meeting_of(r), r.i64(28), r.i64(29)};
        return m;
      },
      db::KeyOrder::Descending);
}

std::optional<ActionItemAt> action_item_at(db::Conn& c, const auth::Scope& s, int64_t id, TimePoint now) {
  auto a = get_action_item(c, s, id);
  if (!a) return std::nullopt;
  Date today = today_in(a->region_code, now);
  int64_t version = a->version;
  return ActionItemAt{std::move(*a), today, version};
}

Result<ActionItemAt> action_item_after(db::Conn& c, const auth::Scope& s, int64_t id, TimePoint now) {
  auto a = action_item_at(c, s, id, now);
  if (!a) return Error::not_found("Rencana aksi tidak ditemukan.", "Action item not found.");
  return std::move(*a);
}

int64_t action_item_of_follow_up(db::Conn& c, int64_t follow_up_id) {
  return c.query_i64("SELECT action_item_id FROM action_follow_ups WHERE id = ?", {follow_up_id}).value_or(0);
}

std::vector<ActionItem> carried_over(db::Conn& c, const auth::Scope& s, const Meeting& m) {
  std::vector<ActionItem> out;
  if (m.series.empty()) return out;
  db::Params p{m.series, m.start_at};
  std::string sql = std::string("SELECT ") + kItemColumns + kItemFrom +
                    " WHERE m.series = ? AND m.start_at < ? AND a.status IN ('OPEN', 'IN_PROGRESS') AND " +
                    s.record_filter("a.region_code", "a.classification", p) + " ORDER BY a.due_date, a.id LIMIT 200";
  c.query(sql, p, [&](const db::Row& r) { out.push_back(item_of(r)); });
  return out;
}

}  // namespace pantau::meetings
