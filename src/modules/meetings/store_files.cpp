// Speakers (narasumber) of a meeting with their materials, and the photo documentation of a held
// meeting. The files live in the files store (evidence_files); this file keeps the speakers, the
// photos' captions and which file belongs to whom.
#include "core/strings.h"
#include "modules/meetings/json.h"
#include "modules/meetings/store.h"
#include "modules/meetings/store_internal.h"

namespace pantau::meetings {

using namespace detail;

namespace {

constexpr const char* kSpeakerColumns = "id, meeting_id, name, position, topic, sort_order, version";

Speaker speaker_of(const db::Row& r) {
  Speaker sp;
  sp.id = r.i64(0);
  sp.meeting_id = r.i64(1);
  sp.name = r.str(2);
  sp.position = r.str(3);
  sp.topic = r.str(4);
  sp.sort_order = static_cast<int>(r.i64(5));
  sp.version = r.i64(6);
  return sp;
}

std::vector<MeetingFile> materials_of(db::Conn& c, int64_t sid) {
  std::vector<MeetingFile> out;
  c.query("SELECT id, name, mime, sha256, size FROM evidence_files WHERE entity = 'meeting_speaker' AND entity_id = ? ORDER BY id",
          {std::to_string(sid)}, [&](const db::Row& r) { out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4)}); });
  return out;
}

std::vector<FieldError> speaker_errors(const Speaker& sp) {
  std::vector<FieldError> errs;
  if (trim(sp.name).empty()) errs.push_back({"name", "required", {"Isi nama narasumber.", "Enter the speaker's name."}});
  if (sp.sort_order < 1 || sp.sort_order > 999)
    errs.push_back({"sort_order", "out_of_range", {"Urutan antara 1 dan 999.", "The order is between 1 and 999."}});
  return errs;
}

Speaker apply(Speaker sp, const SpeakerInput& in) {
  if (in.name) sp.name = trim(*in.name);
  if (in.position) sp.position = trim(*in.position);
  if (in.topic) sp.topic = trim(*in.topic);
  if (in.sort_order) sp.sort_order = *in.sort_order;
  return sp;
}

// A speaker of meeting `m` (whose scope the caller has checked).
Result<Speaker> find_speaker(db::Conn& c, const Meeting& m, int64_t sid) {
  std::optional<Speaker> sp;
  c.query(std::string("SELECT ") + kSpeakerColumns + " FROM meeting_speakers WHERE meeting_id = ? AND id = ?", {m.id, sid},
          [&](const db::Row& r) { sp = speaker_of(r); });
  if (!sp) return Error::not_found("Narasumber tidak ditemukan.", "Speaker not found.");
  return *sp;
}

constexpr const char* kPhotoSelect =
    "SELECT p.id, p.meeting_id, f.id, f.name, f.mime, f.sha256, f.size, p.caption, p.created_at FROM meeting_photos p "
    "JOIN evidence_files f ON f.id = p.file_id WHERE p.meeting_id = ?";

Photo photo_of(const db::Row& r) {
  return {r.i64(0), r.i64(1), {r.i64(2), r.str(3), r.str(4), r.str(5), r.i64(6)}, r.str(7), r.str(8)};
}

}  // namespace

std::vector<Speaker> speakers(db::Conn& c, int64_t meeting_id) {
  std::vector<Speaker> out;
  c.query(std::string("SELECT ") + kSpeakerColumns + " FROM meeting_speakers WHERE meeting_id = ? ORDER BY sort_order, id",
          {meeting_id}, [&](const db::Row& r) { out.push_back(speaker_of(r)); });
  for (auto& sp : out) sp.materials = materials_of(c, sp.id);
  return out;
}

std::vector<Photo> photos(db::Conn& c, int64_t meeting_id) {
  std::vector<Photo> out;
  c.query(std::string(kPhotoSelect) + " ORDER BY p.id", {meeting_id}, [&](const db::Row& r) { out.push_back(photo_of(r)); });
  return out;
}

std::optional<Speaker> get_speaker(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid) {
  auto m = get_meeting(c, s, meeting_id);
  if (!m) return std::nullopt;
  auto sp = find_speaker(c, *m, sid);
  if (!sp.ok()) return std::nullopt;
  Speaker out = *sp;
  out.materials = materials_of(c, sid);
  return out;
}

Result<int64_t> add_speaker(db::Conn& c, const auth::Scope& s, int64_t meeting_id, const SpeakerInput& in) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  Speaker sp;
  sp.sort_order = static_cast<int>(c.query_i64("SELECT COUNT(*) FROM meeting_speakers WHERE meeting_id = ?", {meeting_id}).value_or(0)) + 1;
  sp = apply(sp, in);
  if (auto errs = speaker_errors(sp); !errs.empty()) return Error::invalid(errs);
  int64_t id = c.insert("INSERT INTO meeting_speakers (meeting_id, name, position, topic, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        {meeting_id, sp.name, sp.position, sp.topic, int64_t{sp.sort_order}, now_iso()});
  audit_row(c, s, "create", "meeting_speaker", id, m.region_code, m.classification, std::nullopt, speaker_audit_json(meeting_id, sp));
  return id;
}

Status update_speaker(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid, int64_t version, const SpeakerInput& in) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  PANTAU_TRY(Speaker cur, find_speaker(c, m, sid));
  if (cur.version != version) return Error::stale_version();
  Speaker next = apply(cur, in);
  if (auto errs = speaker_errors(next); !errs.empty()) return Error::invalid(errs);
  c.exec("UPDATE meeting_speakers SET name = ?, position = ?, topic = ?, sort_order = ?, version = version + 1 WHERE id = ? AND version = ?",
         {next.name, next.position, next.topic, int64_t{next.sort_order}, sid, version});
  audit_row(c, s, "update", "meeting_speaker", sid, m.region_code, m.classification, speaker_audit_json(meeting_id, cur),
            speaker_audit_json(meeting_id, next));
  return {};
}

Status remove_speaker(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid, int64_t version) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  PANTAU_TRY(Speaker cur, find_speaker(c, m, sid));
  if (cur.version != version) return Error::stale_version();
  c.exec("DELETE FROM evidence_files WHERE entity = 'meeting_speaker' AND entity_id = ?", {std::to_string(sid)});
  c.exec("DELETE FROM meeting_speakers WHERE id = ?", {sid});
  audit_row(c, s, "delete", "meeting_speaker", sid, m.region_code, m.classification, speaker_audit_json(meeting_id, cur), std::nullopt);
  return {};
}

Result<Meeting> material_target(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  if (auto sp = find_speaker(c, m, sid); !sp.ok()) return sp.error();
  PANTAU_CHECK(closed_guard(m));
  return m;
}

Result<Meeting> photo_target(db::Conn& c, const auth::Scope& s, int64_t meeting_id) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  if (m.status != MeetingStatus::Held && m.status != MeetingStatus::Minuted)
    return Error::conflict("meeting.not_held", "Foto dokumentasi diunggah setelah rapat berlangsung.",
                           "Documentation photos are uploaded once the meeting was held.");
  return m;
}

Status add_material(db::Conn& c, const auth::Scope& s, const Meeting& m, int64_t sid, const std::string& file_name, int64_t file_id) {
  audit_row(c, s, "add_material", "meeting_speaker", sid, m.region_code, m.classification, std::nullopt,
            file_link_audit_json(m.id, file_id, file_name, ""));
  return {};
}

Status remove_material(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid, int64_t file_id) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  PANTAU_TRY(Speaker sp, find_speaker(c, m, sid));
  auto name = c.query_str("SELECT name FROM evidence_files WHERE id = ? AND entity = 'meeting_speaker' AND entity_id = ?",
                          {file_id, std::to_string(sp.id)});
  if (!name) return Error::not_found("Materi tidak ditemukan.", "Material not found.");
  c.exec("DELETE FROM evidence_files WHERE id = ?", {file_id});
  audit_row(c, s, "remove_material", "meeting_speaker", sid, m.region_code, m.classification,
            file_link_audit_json(m.id, file_id, *name, ""), std::nullopt);
  return {};
}

Result<int64_t> add_photo(db::Conn& c, const auth::Scope& s, const Meeting& m, int64_t file_id, const std::string& caption) {
  int64_t id = c.insert("INSERT INTO meeting_photos (meeting_id, file_id, caption, created_at) VALUES (?, ?, ?, ?)",
                        {m.id, file_id, trim(caption), now_iso()});
  audit_row(c, s, "create", "meeting_photo", id, m.region_code, m.classification, std::nullopt,
            file_link_audit_json(m.id, file_id, "", trim(caption)));
  return id;
}

std::optional<Photo> get_photo(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t photo_id) {
  if (!get_meeting(c, s, meeting_id)) return std::nullopt;
  std::optional<Photo> out;
  c.query(std::string(kPhotoSelect) + " AND p.id = ?", {meeting_id, photo_id}, [&](const db::Row& r) { out = photo_of(r); });
  return out;
}

Status remove_photo(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t photo_id) {
  PANTAU_TRY(Meeting m, writable_meeting(c, s, meeting_id));
  PANTAU_CHECK(closed_guard(m));
  auto p = get_photo(c, s, meeting_id, photo_id);
  if (!p) return Error::not_found("Foto tidak ditemukan.", "Photo not found.");
  c.exec("DELETE FROM meeting_photos WHERE id = ?", {photo_id});
  c.exec("DELETE FROM evidence_files WHERE id = ?", {p->file.id});
  audit_row(c, s, "delete", "meeting_photo", photo_id, m.region_code, m.classification,
            file_link_audit_json(m.id, p->file.id, p->file.name, p->caption), std::nullopt);
  return {};
}

std::optional<MeetingFile> get_material(db::Conn& c, const auth::Scope& s, int64_t meeting_id, int64_t sid, int64_t file_id) {
  auto sp = get_speaker(c, s, meeting_id, sid);
  if (!sp) return std::nullopt;
  for (auto& f : sp->materials)
    if (f.id == file_id) return f;
  return std::nullopt;
}

}  // namespace pantau::meetings
