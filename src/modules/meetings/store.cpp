#include "modules/meetings/store.h"

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <map>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/crypto.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "http/json.h"
#include "modules/meetings/public.h"
#include "modules/meetings/rules.h"
#include "notify/notify.h"

namespace pantau::meetings {

namespace {

constexpr const char* kMeetingColumns =
    "m.id, m.series, m.type, m.title, m.theme, m.legal_basis, m.region_code, COALESCE(r.name, ''), m.organiser_org_unit_id, "
    "COALESCE(o.name, ''), m.chair_name, m.chair_position, m.secretary_name, m.start_at, m.end_at, m.venue, m.mode, "
    "m.online_link, m.agenda, m.budget_source, m.invitation_no, m.invitation_date, m.status, COALESCE(m.checkin_token, ''), "
    "m.classification, m.ba_revision, m.signatures_voided_at, m.version";
constexpr const char* kMeetingFrom =
    " FROM meetings m LEFT JOIN regions r ON r.code = m.region_code LEFT JOIN org_units o ON o.id = m.organiser_org_unit_id";

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

std::string meeting_audit_json(const Meeting& m) {
  json::Out o;
  o.begin_object().kv("type", m.type).kv("title", m.title).kv("status", name(m.status)).kv("start_at", m.start_at)
      .kv("end_at", m.end_at).kv("venue", m.venue).kv("version", m.version).end_object();
  return o.take();
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
  json::Out o;
  o.begin_object().kv("ba_revision", m.ba_revision + 1).kv("voided_signatures", *signed_now).end_object();
  audit_row(c, s, "void_signatures", "meeting", m.id, m.region_code, m.classification, std::nullopt, o.take());
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

constexpr const char* kItemColumns =
    "a.id, a.meeting_id, a.agreement_id, a.source, a.source_ref, a.region_code, a.action, a.output, a.indicator, "
    "a.owner_org_unit_id, COALESCE(o.name, ''), a.owner_person, a.support_units, a.start_date, a.due_date, a.budget_source, "
    "a.budget_amount, a.status, a.progress_pct, a.version, COALESCE(m.title, '')";
constexpr const char* kItemFrom =
    " FROM action_items a LEFT JOIN org_units o ON o.id = a.owner_org_unit_id LEFT JOIN meetings m ON m.id = a.meeting_id";

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
constexpr const char* kParticipantColumns =
    "id, meeting_id, name, position, institution, participant_type, phone, represented_by, user_id, invited, present, "
    "required_signatory, checked_in_at, checkin_method, attendance_signature, ba_signed_at, ba_signed_revision, ba_signature";

std::vector<FieldError> participant_errors(const Participant& p) {
  std::vector<FieldError> e;
  if (trim(p.name).empty()) e.push_back({"name", "required", {"Nama wajib diisi.", "The name is required."}});
  if (p.name.size() > 200) e.push_back({"name", "too_long", {"Nama terlalu panjang.", "The name is too long."}});
  if (std::find(kParticipantTypes.begin(), kParticipantTypes.end(), p.participant_type) == kParticipantTypes.end())
    e.push_back({"participant_type", "not_allowed", {"Jenis peserta tidak dikenal.", "Unknown participant type."}});
  return e;
}

}  // namespace

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
  audit_row(c, s, "create", "meeting", id, m.region_code, m.classification, std::nullopt, meeting_audit_json(m));
  return id;
}

Status update_meeting(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const MeetingInput& in) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, id));
  PANTAU_CHECK(closed_guard(m));
  if (m.version != version) return Error::stale_version();
  std::string before = meeting_audit_json(m);
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
  audit_row(c, s, "update", "meeting", id, m.region_code, m.classification, before, meeting_audit_json(m));
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
  std::string before = meeting_audit_json(m);
  std::string token = m.checkin_token;
  if (a == MeetingAction::Invite && token.empty()) token = random_token(18);
  c.exec("UPDATE meetings SET status = ?, checkin_token = ?, updated_at = ?, version = version + 1 WHERE id = ?",
         {std::string(name(next)), token.empty() ? db::Value() : db::Value(token), now_iso(), id});
  if (a == MeetingAction::Invite) c.exec("UPDATE meeting_participants SET invited = 1 WHERE meeting_id = ?", {id});
  m.status = next;
  ++m.version;
  audit_row(c, s, std::string(name(a)) == "INVITE" ? "invite" : "status", "meeting", id, m.region_code, m.classification, before,
            meeting_audit_json(m));
  return {};
}

// ---- participants --------------------------------------------------------------------------

std::vector<Participant> participants(db::Conn& c, int64_t meeting_id) {
  std::vector<Participant> out;
  c.query(std::string("SELECT ") + kParticipantColumns + " FROM meeting_participants WHERE meeting_id = ? ORDER BY id", {meeting_id},
          [&](const db::Row& r) { out.push_back(participant_of(r)); });
  return out;
}

std::optional<Participant> get_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t pid) {
  if (!get_meeting(c, s, meeting_id)) return std::nullopt;
  std::optional<Participant> p;
  c.query(std::string("SELECT ") + kParticipantColumns + " FROM meeting_participants WHERE meeting_id = ? AND id = ?",
          {meeting_id, pid}, [&](const db::Row& r) { p = participant_of(r); });
  return p;
}

Result<int64_t> add_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const Participant& p) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  auto errs = participant_errors(p);
  if (!p.attendance_signature.empty()) {
    auto st = parse_strokes(p.attendance_signature, "attendance_signature");
    if (!st.ok()) errs.insert(errs.end(), st.error().fields.begin(), st.error().fields.end());
  }
  if (p.user_id && !c.query_i64("SELECT 1 FROM users WHERE id = ?", {*p.user_id}))
    errs.push_back({"user_id", "not_found", {"Akun tidak ditemukan.", "Account not found."}});
  if (!errs.empty()) return Error::invalid(errs);
  std::string now = now_iso();
  bool invited = m.status == MeetingStatus::Planned || m.status == MeetingStatus::Invited;
  int64_t id = c.insert(
      "INSERT INTO meeting_participants (meeting_id, name, position, institution, participant_type, phone, represented_by, user_id, "
      "invited, present, required_signatory, checked_in_at, checkin_method, attendance_signature) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {meeting_id, trim(p.name), trim(p.position), trim(p.institution), p.participant_type, trim(p.phone), trim(p.represented_by),
       p.user_id ? db::Value(*p.user_id) : db::Value(), int64_t{invited && m.status == MeetingStatus::Invited ? 1 : 0},
       int64_t{p.present ? 1 : 0}, int64_t{p.required_signatory ? 1 : 0}, p.present ? db::Value(now) : db::Value(),
       p.present ? db::Value(std::string("OFFICER")) : db::Value(), p.attendance_signature});
  if (p.present) berita_acara_changed(c, s, m);
  json::Out o;
  o.begin_object().kv("meeting_id", meeting_id).kv("name", p.name).kv("institution", p.institution).kv("present", p.present).end_object();
  audit_row(c, s, "create", "meeting_participant", id, m.region_code, m.classification, std::nullopt, o.take());
  return id;
}

Status update_participant(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t pid, const Participant& p) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  auto cur = get_participant(c, s, meeting_id, pid);
  if (!cur) return Error::not_found("Peserta tidak ditemukan.", "Participant not found.");
  auto errs = participant_errors(p);
  if (!p.attendance_signature.empty()) {
    auto st = parse_strokes(p.attendance_signature, "attendance_signature");
    if (!st.ok()) errs.insert(errs.end(), st.error().fields.begin(), st.error().fields.end());
  }
  if (!errs.empty()) return Error::invalid(errs);
  bool newly_present = p.present && !cur->present;
  std::string now = now_iso();
  c.exec("UPDATE meeting_participants SET name = ?, position = ?, institution = ?, participant_type = ?, phone = ?, "
         "represented_by = ?, present = ?, required_signatory = ?, attendance_signature = ?, checked_in_at = ?, checkin_method = ? "
         "WHERE id = ?",
         {trim(p.name), trim(p.position), trim(p.institution), p.participant_type, trim(p.phone), trim(p.represented_by),
          int64_t{p.present ? 1 : 0}, int64_t{p.required_signatory ? 1 : 0},
          p.attendance_signature.empty() ? cur->attendance_signature : p.attendance_signature,
          newly_present ? db::Value(now) : cur->checked_in_at ? db::Value(*cur->checked_in_at) : db::Value(),
          newly_present ? db::Value(std::string("OFFICER")) : cur->checkin_method ? db::Value(*cur->checkin_method) : db::Value(),
          pid});
  if (cur->present != p.present || cur->required_signatory != p.required_signatory || cur->name != trim(p.name))
    berita_acara_changed(c, s, m);
  json::Out o;
  o.begin_object().kv("name", p.name).kv("present", p.present).kv("required_signatory", p.required_signatory).end_object();
  audit_row(c, s, "update", "meeting_participant", pid, m.region_code, m.classification, std::nullopt, o.take());
  return {};
}

// ---- self check-in -------------------------------------------------------------------------

std::optional<CheckinMeeting> checkin_meeting(db::Conn& c, const std::string& token, TimePoint now) {
  if (token.size() < 16 || token.size() > 64) return std::nullopt;
  std::optional<CheckinMeeting> out;
  c.query("SELECT id, title, venue, start_at, end_at, region_code, status FROM meetings WHERE checkin_token = ?", {token},
          [&](const db::Row& r) {
            CheckinMeeting m{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), false};
            auto st = parse_status(r.text(6)).value_or(MeetingStatus::Planned);
            auto start = parse_iso(m.start_at), end = parse_iso(m.end_at);
            m.open = start && end && checkin_open(st, *start, *end, now);
            out = m;
          });
  return out;
}

Result<int64_t> self_checkin(db::Conn& c, const std::string& token, const Participant& p, const std::string& ip, TimePoint now) {
  auto m = checkin_meeting(c, token, now);
  if (!m) return Error::not_found();
  if (!m->open)
    return Error::conflict("checkin.closed", "Daftar hadir mandiri hanya dibuka selama rapat berlangsung.",
                           "Self check-in is open only while the meeting takes place.");
  auto errs = participant_errors(p);
  auto strokes = parse_strokes(p.attendance_signature, "signature");
  if (!strokes.ok()) errs.insert(errs.end(), strokes.error().fields.begin(), strokes.error().fields.end());
  if (!errs.empty()) return Error::invalid(errs);
  std::string now_s = format_iso(now);
  std::string sig = strokes_json(*strokes);
  auth::Scope anonymous;
  anonymous.username = "daftar-hadir";
  // An invited participant of the same name (case-insensitive) is marked present; anyone else is added.
  std::optional<int64_t> existing;
  c.query("SELECT id FROM meeting_participants WHERE meeting_id = ? AND LOWER(name) = LOWER(?) AND present = 0 ORDER BY id LIMIT 1",
          {m->id, trim(p.name)}, [&](const db::Row& r) { existing = r.i64(0); });
  int64_t id;
  if (existing) {
    c.exec("UPDATE meeting_participants SET present = 1, checked_in_at = ?, checkin_method = 'SELF', checkin_ip = ?, "
           "attendance_signature = ?, position = CASE WHEN ? <> '' THEN ? ELSE position END, "
           "institution = CASE WHEN ? <> '' THEN ? ELSE institution END WHERE id = ?",
           {now_s, ip, sig, trim(p.position), trim(p.position), trim(p.institution), trim(p.institution), *existing});
    id = *existing;
  } else {
    id = c.insert("INSERT INTO meeting_participants (meeting_id, name, position, institution, participant_type, phone, invited, present, "
                  "required_signatory, checked_in_at, checkin_method, checkin_ip, attendance_signature) VALUES "
                  "(?, ?, ?, ?, ?, ?, 0, 1, 1, ?, 'SELF', ?, ?)",
                  {m->id, trim(p.name), trim(p.position), trim(p.institution), p.participant_type, trim(p.phone), now_s, ip, sig});
  }
  if (auto full = load_meeting(c, m->id)) berita_acara_changed(c, anonymous, *full);
  json::Out o;
  o.begin_object().kv("meeting_id", m->id).kv("name", trim(p.name)).kv("institution", trim(p.institution)).kv("ip", ip).end_object();
  audit_row(c, anonymous, "self_checkin", "meeting_participant", id, m->region_code, 0, std::nullopt, o.take());
  return id;
}

// ---- minutes -------------------------------------------------------------------------------

std::optional<Minutes> get_minutes(db::Conn& c, int64_t meeting_id) {
  std::optional<Minutes> out;
  c.query("SELECT n.opening_summary, n.discussion, n.questions, n.conclusions, n.approved_at, COALESCE(u.full_name, ''), n.version "
          "FROM meeting_minutes n LEFT JOIN users u ON u.id = n.approved_by WHERE n.meeting_id = ?",
          {meeting_id}, [&](const db::Row& r) {
            Minutes m;
            m.opening_summary = r.str(0);
            auto pairs = [](std::string_view text, const char* a, const char* b) {
              std::vector<std::pair<std::string, std::string>> v;
              rapidjson::Document d;
              d.Parse(text.data(), text.size());
              if (d.IsArray())
                for (auto& x : d.GetArray())
                  if (x.IsObject() && x.HasMember(a) && x.HasMember(b) && x[a].IsString() && x[b].IsString())
                    v.emplace_back(x[a].GetString(), x[b].GetString());
              return v;
            };
            m.discussion = pairs(r.text(1), "speaker", "summary");
            m.questions = pairs(r.text(2), "question", "answer");
            rapidjson::Document d;
            d.Parse(r.text(3).data(), r.text(3).size());
            if (d.IsArray())
              for (auto& x : d.GetArray())
                if (x.IsString()) m.conclusions.push_back(x.GetString());
            m.approved_at = r.opt_str(4);
            if (m.approved_at) m.approved_by_name = r.str(5);
            m.version = r.i64(6);
            out = m;
          });
  return out;
}

Status save_minutes(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const Minutes& n) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  if (m.status == MeetingStatus::Planned || m.status == MeetingStatus::Invited)
    return Error::conflict("meeting.not_held", "Notula ditulis setelah rapat berlangsung.", "Minutes are written once the meeting was held.");
  auto pairs = [](const std::vector<std::pair<std::string, std::string>>& v, const char* a, const char* b) {
    json::Out o;
    o.begin_array();
    for (auto& [x, y] : v) o.begin_object().kv(a, x).kv(b, y).end_object();
    o.end_array();
    return o.take();
  };
  json::Out concl;
  concl.begin_array();
  for (auto& t : n.conclusions) concl.value(t);
  concl.end_array();
  std::string d = pairs(n.discussion, "speaker", "summary"), q = pairs(n.questions, "question", "answer"), k = concl.take();
  bool exists = c.query_i64("SELECT 1 FROM meeting_minutes WHERE meeting_id = ?", {meeting_id}).has_value();
  if (exists)
    c.exec("UPDATE meeting_minutes SET opening_summary = ?, discussion = ?, questions = ?, conclusions = ?, approved_by = NULL, "
           "approved_at = NULL, version = version + 1 WHERE meeting_id = ?",
           {n.opening_summary, d, q, k, meeting_id});
  else
    c.exec("INSERT INTO meeting_minutes (meeting_id, opening_summary, discussion, questions, conclusions) VALUES (?, ?, ?, ?, ?)",
           {meeting_id, n.opening_summary, d, q, k});
  berita_acara_changed(c, s, m);
  audit_row(c, s, exists ? "update" : "create", "meeting_minutes", meeting_id, m.region_code, m.classification, std::nullopt, k);
  return {};
}

Status approve_minutes(db::Conn& c, const auth::Scope& s, int64_t meeting_id) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  if (!s.can(auth::kRecordReview)) return Error::forbidden();
  if (!get_minutes(c, meeting_id))
    return Error::conflict("meeting.no_minutes", "Notula belum ditulis.", "The minutes are not written yet.");
  c.exec("UPDATE meeting_minutes SET approved_by = ?, approved_at = ? WHERE meeting_id = ?",
         {s.user_id > 0 ? db::Value(s.user_id) : db::Value(), now_iso(), meeting_id});
  audit_row(c, s, "approve", "meeting_minutes", meeting_id, m.region_code, m.classification, std::nullopt, std::nullopt);
  return {};
}

// ---- agreements ----------------------------------------------------------------------------

std::vector<Agreement> agreements(db::Conn& c, int64_t meeting_id) {
  std::vector<Agreement> out;
  c.query("SELECT id, number, text, category, addressees, target_date, status, version FROM meeting_agreements WHERE meeting_id = ? "
          "ORDER BY number",
          {meeting_id}, [&](const db::Row& r) {
            Agreement a;
            a.id = r.i64(0);
            a.meeting_id = meeting_id;
            a.number = static_cast<int>(r.i64(1));
            a.text = r.str(2);
            a.category = r.str(3);
            a.addressees = r.str(4);
            a.target_date = r.opt_str(5);
            a.status = r.str(6);
            a.version = r.i64(7);
            out.push_back(std::move(a));
          });
  for (auto& a : out) a.links = links_of(c, "agreement", a.id);
  return out;
}

namespace {
std::vector<FieldError> agreement_errors(const Agreement& a) {
  std::vector<FieldError> e;
  if (trim(a.text).empty()) e.push_back({"text", "required", {"Isi kesepakatan wajib diisi.", "The agreement text is required."}});
  if (std::find(kAgreementCategories.begin(), kAgreementCategories.end(), a.category) == kAgreementCategories.end())
    e.push_back({"category", "not_allowed", {"Kategori kesepakatan tidak dikenal.", "Unknown agreement category."}});
  if (std::find(kAgreementStatuses.begin(), kAgreementStatuses.end(), a.status) == kAgreementStatuses.end())
    e.push_back({"status", "not_allowed", {"Status kesepakatan tidak dikenal.", "Unknown agreement status."}});
  if (a.target_date && !parse_date(*a.target_date))
    e.push_back({"target_date", "invalid", {"Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."}});
  return e;
}
}  // namespace

Result<int64_t> add_agreement(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const Agreement& a) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  auto errs = agreement_errors(a);
  if (!errs.empty()) return Error::invalid(errs);
  int64_t number = c.query_i64("SELECT COALESCE(MAX(number), 0) + 1 FROM meeting_agreements WHERE meeting_id = ?", {meeting_id}).value_or(1);
  std::string now = now_iso();
  int64_t id = c.insert("INSERT INTO meeting_agreements (meeting_id, number, text, category, addressees, target_date, status, created_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {meeting_id, number, trim(a.text), a.category, trim(a.addressees),
                         a.target_date ? db::Value(*a.target_date) : db::Value(), a.status, now, now});
  PANTAU_CHECK(save_links(c, "agreement", id, m.region_code, a.links));
  berita_acara_changed(c, s, m);
  json::Out o;
  o.begin_object().kv("meeting_id", meeting_id).kv("number", number).kv("text", a.text).kv("category", a.category).end_object();
  audit_row(c, s, "create", "meeting_agreement", id, m.region_code, m.classification, std::nullopt, o.take());
  return id;
}

Status update_agreement(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t aid, int64_t version, const Agreement& a) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  auto all = agreements(c, meeting_id);
  auto cur = std::find_if(all.begin(), all.end(), [&](const Agreement& x) { return x.id == aid; });
  if (cur == all.end()) return Error::not_found("Kesepakatan tidak ditemukan.", "Agreement not found.");
  if (cur->version != version) return Error::stale_version();
  auto errs = agreement_errors(a);
  if (!errs.empty()) return Error::invalid(errs);
  bool wording = cur->text != trim(a.text) || cur->category != a.category || cur->addressees != trim(a.addressees) ||
                 cur->target_date != a.target_date;
  // Once the meeting is closed only the realisation (status) moves on.
  if (wording) PANTAU_CHECK(closed_guard(m));
  c.exec("UPDATE meeting_agreements SET text = ?, category = ?, addressees = ?, target_date = ?, status = ?, updated_at = ?, "
         "version = version + 1 WHERE id = ?",
         {trim(a.text), a.category, trim(a.addressees), a.target_date ? db::Value(*a.target_date) : db::Value(), a.status, now_iso(), aid});
  PANTAU_CHECK(save_links(c, "agreement", aid, m.region_code, a.links));
  if (wording) berita_acara_changed(c, s, m);
  json::Out before, after;
  before.begin_object().kv("text", cur->text).kv("status", cur->status).end_object();
  after.begin_object().kv("text", a.text).kv("status", a.status).end_object();
  audit_row(c, s, "update", "meeting_agreement", aid, m.region_code, m.classification, before.take(), after.take());
  return {};
}

// ---- signatures ----------------------------------------------------------------------------

Status sign_berita_acara(db::Conn& c, const auth::Scope& s, int64_t meeting_id, std::optional<int64_t> pid, const std::string& strokes) {
  auto m = get_meeting(c, s, meeting_id);
  if (!m) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
  if (m->status != MeetingStatus::Held && m->status != MeetingStatus::Minuted)
    return Error::conflict("meeting.not_signable", "Berita Acara ditandatangani setelah rapat berlangsung dan sebelum ditutup.",
                           "The Berita Acara is signed after the meeting was held and before it is closed.");
  auto ps = participants(c, meeting_id);
  const Participant* who = nullptr;
  std::string sig;
  if (pid) {
    // An officer records the signature drawn on the tablet of a participant without an account.
    if (!s.can(auth::kRecordWrite)) return Error::forbidden();
    for (auto& p : ps)
      if (p.id == *pid) who = &p;
    if (!who) return Error::not_found("Peserta tidak ditemukan.", "Participant not found.");
    if (who->user_id)
      return Error::conflict("meeting.signs_in_app", "Peserta ini memiliki akun dan menandatangani sendiri di Pantau.",
                             "This participant has an account and signs in Pantau themselves.");
    PANTAU_TRY(Strokes st, parse_strokes(strokes, "signature"));
    sig = strokes_json(st);
  } else {
    for (auto& p : ps)
      if (p.user_id && *p.user_id == s.user_id) who = &p;
    if (!who) return Error::forbidden("Anda tidak tercatat sebagai peserta rapat ini.", "You are not a participant of this meeting.");
  }
  if (!who->present)
    return Error::conflict("meeting.not_present", "Hanya peserta yang hadir yang menandatangani Berita Acara.",
                           "Only participants who attended sign the Berita Acara.");
  std::string now = now_iso();
  c.exec("UPDATE meeting_participants SET ba_signed_at = ?, ba_signed_revision = ?, ba_signature = ? WHERE id = ?",
         {now, m->ba_revision, sig, who->id});
  json::Out o;
  o.begin_object().kv("participant", who->name).kv("ba_revision", m->ba_revision).kv("drawn", !sig.empty()).end_object();
  audit_row(c, s, "sign", "meeting_berita_acara", meeting_id, m->region_code, m->classification, std::nullopt, o.take());
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
  b.final = berita_acara_final(b.participants, m->ba_revision);
  return b;
}

std::string to_json(const ActionItem& a, Date today) {
  json::Out o;
  o.begin_object().kv("id", a.id).kv_opt("meeting_id", a.meeting_id).kv_opt("agreement_id", a.agreement_id).kv("source", a.source)
      .kv("source_ref", a.source_ref).kv("meeting_title", a.meeting_title).kv("region_code", a.region_code).kv("action", a.action)
      .kv("output", a.output).kv("indicator", a.indicator).kv_opt("owner_org_unit_id", a.owner_org_unit_id)
      .kv("owner_org_unit_name", a.owner_org_unit_name).kv("owner_person", a.owner_person).kv("support_units", a.support_units)
      .kv_opt("start_date", a.start_date).kv("due_date", a.due_date).kv("budget_source", a.budget_source)
      .kv("budget_amount", a.budget_amount).kv("status", a.status)
      .kv("effective_status", effective_status(a.status, a.due_date, today)).kv("progress_pct", a.progress_pct)
      .kv("version", a.version);
  o.key("links").begin_array();
  for (auto& l : a.links) o.begin_object().kv("kind", l.kind).kv("id", l.id).end_object();
  o.end_array().key("follow_ups").begin_array();
  for (auto& f : a.follow_ups) {
    o.begin_object().kv("id", f.id).kv("date", f.date).kv("action_taken", f.action_taken).kv("outcome", f.outcome)
        .kv("next_step", f.next_step).kv("progress_pct", f.progress_pct).kv("status", f.status)
        .kv("reported_by", f.reported_by_name).kv_opt("verified_at", f.verified_at).kv_opt("verified_by", f.verified_by_name);
    o.key("evidence_file_ids").begin_array();
    for (auto id : f.evidence_file_ids) o.value(id);
    o.end_array().end_object();
  }
  o.end_array().end_object();
  return o.take();
}

namespace {

void participant_json(json::Out& o, const Participant& p, int64_t revision) {
  o.begin_object().kv("id", p.id).kv("name", p.name).kv("position", p.position).kv("institution", p.institution)
      .kv("participant_type", p.participant_type).kv("phone", p.phone).kv("represented_by", p.represented_by)
      .kv_opt("user_id", p.user_id).kv("invited", p.invited).kv("present", p.present).kv("required_signatory", p.required_signatory)
      .kv_opt("checked_in_at", p.checked_in_at).kv_opt("checkin_method", p.checkin_method)
      .kv("has_attendance_signature", !p.attendance_signature.empty()).kv_opt("ba_signed_at", p.ba_signed_at)
      .kv("signature_state", name(signature_state(p, revision)));
  o.key("attendance_signature");
  p.attendance_signature.empty() ? (void)o.null() : (void)o.raw(p.attendance_signature);
  o.end_object();
}

}  // namespace

std::optional<std::string> meeting_json(db::Conn& c, const auth::Scope& s, int64_t id, Date today, TimePoint now) {
  auto b = berita_acara_content(c, s, id);
  if (!b) return std::nullopt;
  const Meeting& m = b->meeting;
  json::Out o;
  o.begin_object().kv("id", m.id).kv("series", m.series).kv("type", m.type).kv("title", m.title).kv("theme", m.theme)
      .kv("legal_basis", m.legal_basis).kv("region_code", m.region_code).kv("region_name", m.region_name)
      .kv_opt("organiser_org_unit_id", m.organiser_org_unit_id).kv("organiser_name", m.organiser_name).kv("chair_name", m.chair_name)
      .kv("chair_position", m.chair_position).kv("secretary_name", m.secretary_name).kv("start_at", m.start_at).kv("end_at", m.end_at)
      .kv("venue", m.venue).kv("mode", m.mode).kv("online_link", m.online_link).kv("agenda", m.agenda)
      .kv("budget_source", m.budget_source).kv("invitation_no", m.invitation_no).kv_opt("invitation_date", m.invitation_date)
      .kv("status", name(m.status)).kv("classification", m.classification).kv("ba_revision", m.ba_revision)
      .kv_opt("signatures_voided_at", m.signatures_voided_at).kv("berita_acara_final", b->final).kv("version", m.version);
  auto start = parse_iso(m.start_at), end = parse_iso(m.end_at);
  bool open = start && end && checkin_open(m.status, *start, *end, now);
  o.key("checkin").begin_object().kv("open", open);
  o.key("token");
  // The code is shown to those who run the meeting, only while check-in is possible.
  (!m.checkin_token.empty() && s.can(auth::kRecordWrite)) ? (void)o.value(m.checkin_token) : (void)o.null();
  o.end_object();
  o.key("participants").begin_array();
  for (auto& p : b->participants) participant_json(o, p, m.ba_revision);
  o.end_array();
  o.key("minutes");
  if (!b->minutes) {
    o.null();
  } else {
    const Minutes& n = *b->minutes;
    o.begin_object().kv("opening_summary", n.opening_summary).kv_opt("approved_at", n.approved_at)
        .kv_opt("approved_by", n.approved_by_name).kv("version", n.version);
    o.key("discussion").begin_array();
    for (auto& [sp, su] : n.discussion) o.begin_object().kv("speaker", sp).kv("summary", su).end_object();
    o.end_array().key("questions").begin_array();
    for (auto& [q, a] : n.questions) o.begin_object().kv("question", q).kv("answer", a).end_object();
    o.end_array().key("conclusions").begin_array();
    for (auto& t : n.conclusions) o.value(t);
    o.end_array().end_object();
  }
  o.key("agreements").begin_array();
  for (auto& a : b->agreements) {
    o.begin_object().kv("id", a.id).kv("number", a.number).kv("text", a.text).kv("category", a.category)
        .kv("addressees", a.addressees).kv_opt("target_date", a.target_date).kv("status", a.status)
        .kv("effective_status", effective_status(a.status, a.target_date.value_or(""), today)).kv("version", a.version);
    o.key("links").begin_array();
    for (auto& l : a.links) o.begin_object().kv("kind", l.kind).kv("id", l.id).end_object();
    o.end_array().end_object();
  }
  o.end_array();
  o.key("action_items").begin_array();
  for (auto a : b->actions) {
    a.links = links_of(c, "action_item", a.id);
    a.follow_ups = follow_ups_of(c, a.id);
    o.raw(to_json(a, today));
  }
  o.end_array();
  o.key("carried_over").begin_array();
  for (auto& a : carried_over(c, s, m)) o.raw(to_json(a, today));
  o.end_array();
  o.end_object();
  return o.take();
}

std::string meetings_json(db::Conn& c, const auth::Scope& s, const std::string& status, const std::string& type,
                          std::optional<int64_t> after, int limit) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kMeetingColumns + kMeetingFrom + " WHERE " + s.record_filter("m.region_code", "m.classification", p);
  if (!status.empty()) {
    sql += " AND m.status = ?";
    p.push_back(status);
  }
  if (!type.empty()) {
    sql += " AND m.type = ?";
    p.push_back(type);
  }
  if (after) {
    sql += " AND m.id < ?";
    p.push_back(*after);
  }
  sql += " ORDER BY m.id DESC LIMIT ?";
  p.push_back(int64_t{limit + 1});
  std::vector<Meeting> ms;
  c.query(sql, p, [&](const db::Row& r) { ms.push_back(meeting_of(r)); });
  std::optional<int64_t> next;
  if (static_cast<int>(ms.size()) > limit) {
    ms.pop_back();
    next = ms.back().id;
  }
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (auto& m : ms) {
    int64_t n_agree = c.query_i64("SELECT COUNT(*) FROM meeting_agreements WHERE meeting_id = ?", {m.id}).value_or(0);
    int64_t n_present = c.query_i64("SELECT COUNT(*) FROM meeting_participants WHERE meeting_id = ? AND present = 1", {m.id}).value_or(0);
    o.begin_object().kv("id", m.id).kv("type", m.type).kv("title", m.title).kv("region_code", m.region_code)
        .kv("region_name", m.region_name).kv("organiser_name", m.organiser_name).kv("start_at", m.start_at).kv("end_at", m.end_at)
        .kv("venue", m.venue).kv("status", name(m.status)).kv("series", m.series).kv("agreements", n_agree)
        .kv("present", n_present).kv("version", m.version).end_object();
  }
  o.end_array().key("next_after");
  next ? (void)o.value(std::to_string(*next)) : (void)o.null();
  o.end_object();
  return o.take();
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

// ---- action items (public.h) --------------------------------------------------------------

Result<int64_t> create_action_item(db::Conn& c, const auth::Scope& s, const ActionItemInput& in) {
  if (!s.can(auth::kRecordWrite)) return Error::forbidden();
  std::vector<FieldError> errs;
  if (trim(in.action).empty()) errs.push_back({"action", "required", {"Rencana aksi wajib diisi.", "The action is required."}});
  if (!parse_date(in.due_date)) errs.push_back({"due_date", "invalid", {"Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."}});
  if (in.start_date && !parse_date(*in.start_date))
    errs.push_back({"start_date", "invalid", {"Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."}});
  if (in.start_date && parse_date(*in.start_date) && parse_date(in.due_date) && *parse_date(*in.start_date) > *parse_date(in.due_date))
    errs.push_back({"due_date", "before_start", {"Tenggat harus setelah tanggal mulai.", "The due date must follow the start."}});
  if (in.budget_amount < 0) errs.push_back({"budget_amount", "out_of_range", {"Anggaran tidak boleh negatif.", "The budget cannot be negative."}});
  if (!errs.empty()) return Error::invalid(errs);
  std::optional<Meeting> m;
  if (in.meeting_id) {
    m = get_meeting(c, s, *in.meeting_id);
    if (!m) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
    PANTAU_CHECK(closed_guard(*m));
    if (in.agreement_id &&
        !c.query_i64("SELECT 1 FROM meeting_agreements WHERE id = ? AND meeting_id = ?", {*in.agreement_id, *in.meeting_id}))
      return Error::invalid_field("agreement_id", "not_found", "Kesepakatan tidak ada pada rapat ini.", "No such agreement in this meeting.");
  }
  // The item belongs to its owner's region, so the owner sees it; else to the meeting's.
  std::string region = in.region_code;
  if (in.owner_org_unit_id) {
    auto r = c.query_str("SELECT region_code FROM org_units WHERE id = ?", {*in.owner_org_unit_id});
    if (!r) return Error::invalid_field("owner_org_unit_id", "not_found", "Unit kerja tidak ditemukan.", "Org unit not found.");
    if (region.empty()) region = *r;
  }
  if (region.empty()) region = m ? m->region_code : s.region_code;
  // The organiser may assign to offices below it; another module's plan stays in the caller's area.
  std::string organiser_region = m ? m->region_code : s.region_code;
  if (!region_within(region, organiser_region) || (!m && !s.covers(region)))
    return Error::forbidden("Pemilik rencana aksi di luar cakupan Anda.", "The owner of the action item is outside your scope.");
  int cls = m ? m->classification : in.classification;
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO action_items (meeting_id, agreement_id, source, source_ref, region_code, classification, action, output, indicator, "
      "owner_org_unit_id, owner_person, support_units, start_date, due_date, budget_source, budget_amount, status, progress_pct, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, ?, ?, ?)",
      {in.meeting_id ? db::Value(*in.meeting_id) : db::Value(), in.agreement_id ? db::Value(*in.agreement_id) : db::Value(),
       m ? std::string("meeting") : in.source, in.source_ref, region, int64_t{cls}, trim(in.action), trim(in.output),
       trim(in.indicator), in.owner_org_unit_id ? db::Value(*in.owner_org_unit_id) : db::Value(), trim(in.owner_person),
       trim(in.support_units), in.start_date ? db::Value(*in.start_date) : db::Value(), in.due_date, trim(in.budget_source),
       in.budget_amount, s.user_id > 0 ? db::Value(s.user_id) : db::Value(), now, now});
  PANTAU_CHECK(save_links(c, "action_item", id, region, in.links));
  if (m) berita_acara_changed(c, s, *m);
  json::Out o;
  o.begin_object().kv("action", in.action).kv("due_date", in.due_date).kv("region_code", region).kv("source", in.source).end_object();
  audit_row(c, s, "create", "action_item", id, region, cls, std::nullopt, o.take());
  return id;
}

std::optional<ActionItem> get_action_item(db::Conn& c, const auth::Scope& s, int64_t id) {
  std::optional<ActionItem> a;
  std::optional<int> cls;
  std::optional<std::string> meeting_region;
  c.query(std::string("SELECT ") + kItemColumns + ", a.classification, m.region_code" + kItemFrom + " WHERE a.id = ?", {id},
          [&](const db::Row& r) {
            a = item_of(r);
            cls = static_cast<int>(r.i64(21));
            meeting_region = r.opt_str(22);
          });
  if (!a) return a;
  // The owner's area or the organiser's area.
  bool visible = s.covers(a->region_code) || (meeting_region && s.covers(*meeting_region));
  if (!visible || !s.cleared_for(*cls)) return std::nullopt;
  a->links = links_of(c, "action_item", id);
  a->follow_ups = follow_ups_of(c, id);
  return a;
}

std::vector<ActionItem> action_items_of(db::Conn& c, const auth::Scope& s, const std::string& source, const std::string& source_ref) {
  db::Params p{source, source_ref};
  std::string sql = std::string("SELECT ") + kItemColumns + kItemFrom + " WHERE a.source = ? AND a.source_ref = ? AND " +
                    s.record_filter("a.region_code", "a.classification", p) + " ORDER BY a.due_date, a.id";
  std::vector<ActionItem> out;
  c.query(sql, p, [&](const db::Row& r) { out.push_back(item_of(r)); });
  for (auto& a : out) a.follow_ups = follow_ups_of(c, a.id);
  return out;
}

Status update_action_item(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ActionItemUpdate& u) {
  if (!s.can(auth::kRecordWrite)) return Error::forbidden();
  auto a = get_action_item(c, s, id);
  if (!a) return Error::not_found("Rencana aksi tidak ditemukan.", "Action item not found.");
  if (a->version != version) return Error::stale_version();
  std::vector<FieldError> errs;
  if (u.status && std::find(kActionStatuses.begin(), kActionStatuses.end(), *u.status) == kActionStatuses.end())
    errs.push_back({"status", "not_allowed", {"Status rencana aksi tidak dikenal.", "Unknown action item status."}});
  if (u.due_date && !parse_date(*u.due_date)) errs.push_back({"due_date", "invalid", {"Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."}});
  if (u.progress_pct && (*u.progress_pct < 0 || *u.progress_pct > 100))
    errs.push_back({"progress_pct", "out_of_range", {"Kemajuan antara 0 dan 100.", "Progress is between 0 and 100."}});
  if (!errs.empty()) return Error::invalid(errs);
  std::string status = u.status.value_or(a->status);
  int progress = u.progress_pct.value_or(status == "DONE" ? 100 : a->progress_pct);
  c.exec("UPDATE action_items SET status = ?, progress_pct = ?, due_date = ?, owner_person = ?, output = ?, indicator = ?, "
         "updated_at = ?, version = version + 1 WHERE id = ?",
         {status, int64_t{progress}, u.due_date.value_or(a->due_date), u.owner_person.value_or(a->owner_person),
          u.output.value_or(a->output), u.indicator.value_or(a->indicator), now_iso(), id});
  // What the Berita Acara prints (the plan: due date, owner) changed: signatures are void.
  if (a->meeting_id && (u.due_date || u.owner_person || u.output || u.indicator))
    if (auto m = load_meeting(c, *a->meeting_id); m && m->status != MeetingStatus::Closed) berita_acara_changed(c, s, *m);
  json::Out before, after;
  before.begin_object().kv("status", a->status).kv("progress_pct", a->progress_pct).kv("due_date", a->due_date).end_object();
  after.begin_object().kv("status", status).kv("progress_pct", progress).kv("due_date", u.due_date.value_or(a->due_date)).end_object();
  audit_row(c, s, "update", "action_item", id, a->region_code, 0, before.take(), after.take());
  return {};
}

Result<int64_t> add_follow_up(db::Conn& c, const auth::Scope& s, int64_t item_id, const FollowUp& f) {
  if (!s.can(auth::kRecordWrite)) return Error::forbidden();
  auto a = get_action_item(c, s, item_id);
  if (!a) return Error::not_found("Rencana aksi tidak ditemukan.", "Action item not found.");
  std::vector<FieldError> errs;
  if (!parse_date(f.date)) errs.push_back({"date", "invalid", {"Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."}});
  if (trim(f.action_taken).empty()) errs.push_back({"action_taken", "required", {"Tindak lanjut wajib diisi.", "The follow-up is required."}});
  if (f.progress_pct < 0 || f.progress_pct > 100)
    errs.push_back({"progress_pct", "out_of_range", {"Kemajuan antara 0 dan 100.", "Progress is between 0 and 100."}});
  std::string files;
  for (auto fid : f.evidence_file_ids) {
    auto region = c.query_str("SELECT region_code FROM evidence_files WHERE id = ?", {fid});
    if (!region || !s.covers(*region)) {
      errs.push_back({"evidence_file_ids", "not_found", {"Berkas bukti tidak ditemukan.", "Evidence file not found."}});
      break;
    }
    files += (files.empty() ? "" : ",") + std::to_string(fid);
  }
  if (!errs.empty()) return Error::invalid(errs);
  int64_t id = c.insert("INSERT INTO action_follow_ups (action_item_id, date, action_taken, outcome, next_step, progress_pct, "
                        "evidence_file_ids, reported_by, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?)",
                        {item_id, f.date, trim(f.action_taken), trim(f.outcome), trim(f.next_step), int64_t{f.progress_pct}, files,
                         s.user_id > 0 ? db::Value(s.user_id) : db::Value(), now_iso()});
  if (a->status == "OPEN") c.exec("UPDATE action_items SET status = 'IN_PROGRESS', updated_at = ?, version = version + 1 WHERE id = ?", {now_iso(), item_id});
  // The organiser verifies it.
  std::string organiser = a->meeting_id ? c.query_str("SELECT region_code FROM meetings WHERE id = ?", {*a->meeting_id}).value_or(a->region_code)
                                        : a->region_code;
  notify::office(c, organiser, auth::kRecordReview, "Tindak lanjut rencana aksi perlu diverifikasi: " + a->action.substr(0, 120),
                 "A follow-up of an action item awaits verification: " + a->action.substr(0, 120),
                 a->meeting_id ? fmt::format("/meetings/{}", *a->meeting_id) : "/meetings/tracker", "action_item", item_id, 0);
  json::Out o;
  o.begin_object().kv("action_item_id", item_id).kv("date", f.date).kv("progress_pct", f.progress_pct).kv("evidence", files).end_object();
  audit_row(c, s, "create", "action_follow_up", id, a->region_code, 0, std::nullopt, o.take());
  return id;
}

Status verify_follow_up(db::Conn& c, const auth::Scope& s, int64_t follow_up_id, bool accept) {
  if (!s.can(auth::kRecordReview)) return Error::forbidden();
  auto item = c.query_i64("SELECT action_item_id FROM action_follow_ups WHERE id = ?", {follow_up_id});
  if (!item) return Error::not_found("Tindak lanjut tidak ditemukan.", "Follow-up not found.");
  auto a = get_action_item(c, s, *item);
  if (!a) return Error::not_found("Tindak lanjut tidak ditemukan.", "Follow-up not found.");
  std::string organiser = a->meeting_id ? c.query_str("SELECT region_code FROM meetings WHERE id = ?", {*a->meeting_id}).value_or(a->region_code)
                                        : a->region_code;
  if (!s.covers(organiser))
    return Error::forbidden("Tindak lanjut diverifikasi oleh penyelenggara rapat.", "Follow-ups are verified by the meeting's organiser.");
  auto f = std::find_if(a->follow_ups.begin(), a->follow_ups.end(), [&](const FollowUp& x) { return x.id == follow_up_id; });
  if (f->status != "REPORTED")
    return Error::conflict("follow_up.already_verified", "Tindak lanjut ini sudah diverifikasi.", "This follow-up was already verified.");
  std::string now = now_iso();
  c.exec("UPDATE action_follow_ups SET status = ?, verified_by = ?, verified_at = ? WHERE id = ?",
         {std::string(accept ? "VERIFIED" : "REJECTED"), s.user_id > 0 ? db::Value(s.user_id) : db::Value(), now, follow_up_id});
  if (accept) {
    int progress = std::max(a->progress_pct, f->progress_pct);
    std::string status = progress >= 100 ? "DONE" : a->status == "OPEN" ? "IN_PROGRESS" : a->status;
    c.exec("UPDATE action_items SET progress_pct = ?, status = ?, updated_at = ?, version = version + 1 WHERE id = ?",
           {int64_t{progress}, status, now, *item});
    // The agreement is realised when every action item of it is done.
    if (status == "DONE" && a->agreement_id &&
        c.query_i64("SELECT COUNT(*) FROM action_items WHERE agreement_id = ? AND status NOT IN ('DONE', 'CANCELLED')", {*a->agreement_id})
                .value_or(1) == 0)
      c.exec("UPDATE meeting_agreements SET status = 'REALISED', updated_at = ?, version = version + 1 WHERE id = ?", {now, *a->agreement_id});
  }
  json::Out o;
  o.begin_object().kv("follow_up_id", follow_up_id).kv("accepted", accept).end_object();
  audit_row(c, s, "verify", "action_follow_up", follow_up_id, a->region_code, 0, std::nullopt, o.take());
  return {};
}

TrackerPage tracker(db::Conn& c, const auth::Scope& s, const TrackerQuery& q, Date today) {
  db::Params p;
  std::string today_s = format_date(today);
  std::string sql = std::string("SELECT ") + kItemColumns + kItemFrom + " WHERE ";
  auth::Scope area = s;
  if (!q.region.empty() && region_within(q.region, s.region_code)) area.region_code = q.region;
  sql += area.record_filter("a.region_code", "a.classification", p);
  if (q.status.empty() || q.status == "OPEN_ALL") {
    sql += " AND a.status IN ('OPEN', 'IN_PROGRESS')";
  } else if (q.status == "OVERDUE") {
    sql += " AND a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ?";
    p.push_back(today_s);
  } else {
    sql += " AND a.status = ?";
    p.push_back(q.status);
  }
  if (q.owner_org_unit_id) {
    sql += " AND a.owner_org_unit_id = ?";
    p.push_back(*q.owner_org_unit_id);
  }
  if (q.meeting_id) {
    sql += " AND a.meeting_id = ?";
    p.push_back(*q.meeting_id);
  }
  // Overdue first is the same as the earliest due date first: one order, one keyset.
  if (q.after_due && q.after_id) {
    sql += " AND (a.due_date > ? OR (a.due_date = ? AND a.id > ?))";
    p.insert(p.end(), {*q.after_due, *q.after_due, *q.after_id});
  }
  sql += " ORDER BY a.due_date, a.id LIMIT ?";
  p.push_back(int64_t{q.limit + 1});
  TrackerPage page;
  c.query(sql, p, [&](const db::Row& r) { page.items.push_back(item_of(r)); });
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.pop_back();
    page.next_after = page.items.back().due_date + "_" + std::to_string(page.items.back().id);
  }
  return page;
}

std::vector<RealisedTally> realised_by_office(db::Conn& c, const auth::Scope& s, Date today) {
  db::Params p{format_date(today)};
  std::string sql =
      "SELECT COALESCE(o.name, a.region_code), COUNT(*), SUM(CASE WHEN a.status = 'DONE' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ? THEN 1 ELSE 0 END) FROM action_items a "
      "LEFT JOIN org_units o ON o.id = a.owner_org_unit_id WHERE a.status <> 'CANCELLED' AND " +
      s.record_filter("a.region_code", "a.classification", p) + " GROUP BY COALESCE(o.name, a.region_code) ORDER BY 1 LIMIT 200";
  std::vector<RealisedTally> out;
  c.query(sql, p, [&](const db::Row& r) { out.push_back({r.str(0), r.i64(1), r.i64(2), r.i64(3)}); });
  return out;
}

std::vector<LinkedRef> linked_to(db::Conn& c, const auth::Scope& s, const std::string& kind, int64_t id, Date today) {
  std::vector<LinkedRef> out;
  db::Params p{kind, id};
  std::string sql =
      "SELECT l.owner, l.owner_id, COALESCE(g.meeting_id, a.meeting_id, 0), COALESCE(m.title, ''), COALESCE(g.text, a.action, ''), "
      "COALESCE(g.status, a.status, ''), COALESCE(g.target_date, a.due_date, '') FROM meeting_links l "
      "LEFT JOIN meeting_agreements g ON l.owner = 'agreement' AND g.id = l.owner_id "
      "LEFT JOIN action_items a ON l.owner = 'action_item' AND a.id = l.owner_id "
      "LEFT JOIN meetings m ON m.id = COALESCE(g.meeting_id, a.meeting_id) WHERE l.target_kind = ? AND l.target_id = ? AND " +
      s.region_filter("l.region_code", p) + " ORDER BY l.id LIMIT 100";
  c.query(sql, p, [&](const db::Row& r) {
    LinkedRef x{r.str(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6)};
    x.status = effective_status(x.status, x.due_date, today);
    out.push_back(std::move(x));
  });
  return out;
}

int notify_overdue(db::Conn& c, Date today) {
  struct Due {
    int64_t id;
    std::string region, action;
    std::optional<int64_t> meeting;
    std::string organiser_region;
  };
  std::vector<Due> due;
  c.query("SELECT a.id, a.region_code, a.action, a.meeting_id, COALESCE(m.region_code, a.region_code) FROM action_items a "
          "LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ? "
          "AND a.overdue_notified_on IS NULL ORDER BY a.due_date, a.id LIMIT 1000",
          {format_date(today)}, [&](const db::Row& r) { due.push_back({r.i64(0), r.str(1), r.str(2), r.opt_i64(3), r.str(4)}); });
  for (auto& d : due) {
    std::string link = d.meeting ? fmt::format("/meetings/{}", *d.meeting) : "/meetings/tracker";
    std::string short_action = d.action.substr(0, 120);
    notify::office(c, d.region, auth::kRecordWrite, "Rencana aksi melewati tenggat: " + short_action,
                   "Action item overdue: " + short_action, link, "action_item", d.id, 0);
    if (d.organiser_region != d.region)
      notify::office(c, d.organiser_region, auth::kRecordReview, "Rencana aksi melewati tenggat: " + short_action,
                     "Action item overdue: " + short_action, link, "action_item", d.id, 0);
    c.exec("UPDATE action_items SET overdue_notified_on = ? WHERE id = ?", {format_date(today), d.id});
  }
  return static_cast<int>(due.size());
}

}  // namespace pantau::meetings
