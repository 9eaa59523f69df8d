// Every JSON meetings writes: the answers of the API, the audit snapshots, the stored minutes.
#include "modules/meetings/json.h"

#include "http/json.h"
#include "modules/meetings/rules.h"

namespace pantau::meetings {

namespace {

void links_json(json::Out& o, const std::vector<Link>& links) {
  o.key("links").begin_array();
  for (auto& l : links) o.begin_object().kv("kind", l.kind).kv("id", l.id).end_object();
  o.end_array();
}

void participant_json(json::Out& o, const Participant& p, int64_t revision) {
  o.begin_object().kv("id", p.id).kv("name", p.name).kv("position", p.position).kv("institution", p.institution)
      .kv("participant_type", p.participant_type).kv("phone", p.phone).kv("represented_by", p.represented_by)
      .kv_opt("user_id", p.user_id).kv("invited", p.invited).kv("present", p.present).kv("walk_in", walk_in(p)).kv("required_signatory", p.required_signatory)
      .kv_opt("checked_in_at", p.checked_in_at).kv_opt("checkin_method", p.checkin_method)
      .kv("has_attendance_signature", !p.attendance_signature.empty()).kv_opt("ba_signed_at", p.ba_signed_at)
      .kv("signature_state", name(signature_state(p, revision)));
  o.key("attendance_signature");
  p.attendance_signature.empty() ? (void)o.null() : (void)o.raw(p.attendance_signature);
  o.end_object();
}

void file_json(json::Out& o, const MeetingFile& f) {
  o.begin_object().kv("id", f.id).kv("name", f.name).kv("mime", f.mime).kv("size", f.size).end_object();
}

void speaker_json(json::Out& o, const Speaker& sp) {
  o.begin_object().kv("id", sp.id).kv("meeting_id", sp.meeting_id).kv("name", sp.name).kv("position", sp.position)
      .kv("topic", sp.topic).kv("sort_order", sp.sort_order).kv("version", sp.version);
  o.key("materials").begin_array();
  for (auto& f : sp.materials) file_json(o, f);
  o.end_array().end_object();
}

void photo_json(json::Out& o, const Photo& p) {
  o.begin_object().kv("id", p.id).kv("meeting_id", p.meeting_id).kv("caption", p.caption).kv("created_at", p.created_at);
  o.key("file");
  file_json(o, p.file);
  o.end_object();
}

}  // namespace

// ---- answers ----------------------------------------------------------------------------------

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
  links_json(o, a.links);
  o.key("follow_ups").begin_array();
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

std::string to_json(const ActionItemAt& a) { return to_json(a.item, a.today); }

std::string to_json(const MeetingDetail& d) {
  const BeritaAcaraContent& b = d.content;
  const Meeting& m = b.meeting;
  json::Out o;
  o.begin_object().kv("id", m.id).kv("series", m.series).kv("type", m.type).kv("title", m.title).kv("theme", m.theme)
      .kv("legal_basis", m.legal_basis).kv("region_code", m.region_code).kv("region_name", m.region_name)
      .kv_opt("organiser_org_unit_id", m.organiser_org_unit_id).kv("organiser_name", m.organiser_name).kv("chair_name", m.chair_name)
      .kv("chair_position", m.chair_position).kv("secretary_name", m.secretary_name).kv("start_at", m.start_at).kv("end_at", m.end_at)
      .kv("venue", m.venue).kv("mode", m.mode).kv("online_link", m.online_link).kv("agenda", m.agenda)
      .kv("budget_source", m.budget_source).kv("invitation_no", m.invitation_no).kv_opt("invitation_date", m.invitation_date)
      .kv("status", name(m.status)).kv("classification", m.classification).kv("ba_revision", m.ba_revision)
      .kv_opt("signatures_voided_at", m.signatures_voided_at).kv("berita_acara_final", b.final).kv("version", m.version);
  o.key("checkin").begin_object().kv("open", d.checkin_open);
  o.key("token");
  // The code is shown to those who run the meeting, only while check-in is possible.
  (!m.checkin_token.empty() && d.show_checkin_token) ? (void)o.value(m.checkin_token) : (void)o.null();
  o.end_object();
  o.key("participants").begin_array();
  for (auto& p : b.participants) participant_json(o, p, m.ba_revision);
  o.end_array();
  o.key("minutes");
  if (!b.minutes) {
    o.null();
  } else {
    const Minutes& n = *b.minutes;
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
  for (auto& a : b.agreements) {
    o.begin_object().kv("id", a.id).kv("number", a.number).kv("text", a.text).kv("category", a.category)
        .kv("addressees", a.addressees).kv_opt("target_date", a.target_date).kv("status", a.status)
        .kv("effective_status", effective_status(a.status, a.target_date.value_or(""), d.today)).kv("version", a.version);
    links_json(o, a.links);
    o.end_object();
  }
  o.end_array();
  o.key("action_items").begin_array();
  for (auto& a : b.actions) o.raw(to_json(a, d.today));
  o.end_array();
  o.key("carried_over").begin_array();
  for (auto& a : d.carried_over) o.raw(to_json(a, d.today));
  o.end_array();
  o.key("speakers").begin_array();
  for (auto& sp : b.speakers) speaker_json(o, sp);
  o.end_array();
  o.key("photos").begin_array();
  for (auto& p : b.photos) photo_json(o, p);
  o.end_array();
  o.end_object();
  return o.take();
}

std::string to_json(const MeetingSummary& s) {
  const Meeting& m = s.meeting;
  json::Out o;
  o.begin_object().kv("id", m.id).kv("type", m.type).kv("title", m.title).kv("region_code", m.region_code)
      .kv("region_name", m.region_name).kv("organiser_name", m.organiser_name).kv("start_at", m.start_at).kv("end_at", m.end_at)
      .kv("venue", m.venue).kv("status", name(m.status)).kv("series", m.series).kv("agreements", s.agreements)
      .kv("present", s.present).kv("version", m.version).end_object();
  return o.take();
}

std::string to_json(const TrackerPage& page) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (auto& a : page.items) o.raw(to_json(a, page.today));
  o.end_array().kv_opt("next_after", page.next_after).end_object();
  return o.take();
}

std::string to_json(const RealisedTally& t) {
  return json::object("office", t.org_unit_name, "total", t.total, "done", t.done, "overdue", t.overdue);
}

std::string to_json(const LinkedRef& l) {
  return json::object("owner", l.owner, "owner_id", l.owner_id, "meeting_id", l.meeting_id, "meeting_title", l.meeting_title,
                      "text", l.text, "status", l.status, "due_date", l.due_date);
}

std::string to_json(const CheckinMeeting& m) {
  json::Out o;
  o.begin_object().kv("title", m.title).kv("venue", m.venue).kv("start_at", m.start_at).kv("end_at", m.end_at)
      .kv("region_code", m.region_code).kv("open", m.open);
  o.key("participant_types").begin_array();
  for (auto t : kParticipantTypes) o.value(t);
  o.end_array().end_object();
  return o.take();
}

std::string checkin_recorded_json(const std::string& name) { return json::object("recorded", true, "name", name); }

std::string to_json(const Speaker& sp) {
  json::Out o;
  speaker_json(o, sp);
  return o.take();
}

std::string to_json(const Photo& p) {
  json::Out o;
  photo_json(o, p);
  return o.take();
}

// ---- audit snapshots ---------------------------------------------------------------------------

std::string audit_json(const Meeting& m) {
  return json::object("type", m.type, "title", m.title, "status", name(m.status), "start_at", m.start_at, "end_at", m.end_at,
                      "venue", m.venue, "version", m.version);
}

std::string signatures_voided_json(int64_t ba_revision, int64_t voided) {
  return json::object("ba_revision", ba_revision, "voided_signatures", voided);
}

std::string participant_created_json(int64_t meeting_id, const Participant& p) {
  return json::object("meeting_id", meeting_id, "name", p.name, "institution", p.institution, "present", p.present);
}

std::string participant_updated_json(const Participant& p) {
  return json::object("name", p.name, "present", p.present, "required_signatory", p.required_signatory);
}

std::string self_checkin_json(int64_t meeting_id, const std::string& name, const std::string& institution, const std::string& ip) {
  return json::object("meeting_id", meeting_id, "name", name, "institution", institution, "ip", ip);
}

std::string agreement_created_json(int64_t meeting_id, int64_t number, const Agreement& a) {
  return json::object("meeting_id", meeting_id, "number", number, "text", a.text, "category", a.category);
}

std::string agreement_wording_json(const std::string& text, const std::string& status) {
  return json::object("text", text, "status", status);
}

std::string signed_json(const std::string& participant, int64_t ba_revision, bool drawn) {
  return json::object("participant", participant, "ba_revision", ba_revision, "drawn", drawn);
}

std::string action_item_created_json(const ActionItemInput& in, const std::string& region) {
  return json::object("action", in.action, "due_date", in.due_date, "region_code", region, "source", in.source);
}

std::string action_item_owner_json(std::optional<int64_t> unit_id, const std::string& unit_name, const std::string& person,
                                   const std::string& due_date, const std::string& reason) {
  json::Out o;
  o.begin_object().kv_opt("owner_org_unit_id", unit_id).kv("owner_org_unit_name", unit_name).kv("owner_person", person).kv("due_date", due_date);
  if (!reason.empty()) o.kv("reason", reason);
  o.end_object();
  return o.take();
}

std::string action_item_state_json(const std::string& status, int progress_pct, const std::string& due_date) {
  return json::object("status", status, "progress_pct", progress_pct, "due_date", due_date);
}

std::string follow_up_created_json(int64_t item_id, const FollowUp& f, const std::string& evidence) {
  return json::object("action_item_id", item_id, "date", f.date, "progress_pct", f.progress_pct, "evidence", evidence);
}

std::string speaker_audit_json(int64_t meeting_id, const Speaker& sp) {
  return json::object("meeting_id", meeting_id, "name", sp.name, "position", sp.position, "topic", sp.topic, "sort_order", sp.sort_order);
}

std::string file_link_audit_json(int64_t meeting_id, int64_t file_id, const std::string& name, const std::string& caption) {
  return json::object("meeting_id", meeting_id, "file_id", file_id, "name", name, "caption", caption);
}

std::string follow_up_verified_json(int64_t follow_up_id, bool accepted) {
  return json::object("follow_up_id", follow_up_id, "accepted", accepted);
}

// ---- the minutes' stored columns ---------------------------------------------------------------

MinutesColumns minutes_columns(const Minutes& n) {
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
  return {pairs(n.discussion, "speaker", "summary"), pairs(n.questions, "question", "answer"), concl.take()};
}

void read_minutes_columns(Minutes& m, std::string_view discussion, std::string_view questions, std::string_view conclusions) {
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
  m.discussion = pairs(discussion, "speaker", "summary");
  m.questions = pairs(questions, "question", "answer");
  rapidjson::Document d;
  d.Parse(conclusions.data(), conclusions.size());
  if (d.IsArray())
    for (auto& x : d.GetArray())
      if (x.IsString()) m.conclusions.push_back(x.GetString());
}

}  // namespace pantau::meetings
