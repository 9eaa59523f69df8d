// /api/v1/meetings/...: meetings, participants and attendance, minutes, agreements, action items
// and follow-ups, the Berita Acara (PDF through the document register) and its signatures, the
// tracker of open items (JSON and XLSX), the links from other modules' records; and the public
// self check-in /api/v1/checkin/{token} (no account, rate limited, nothing else reachable).
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <unordered_map>

#include "auth/roles.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "documents/register.h"
#include "files/evidence.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "http/rate_limit.h"
#include "http/write_safety.h"
#include "modules/meetings/documents.h"
#include "modules/meetings/json.h"
#include "modules/meetings/public.h"
#include "modules/meetings/rules.h"
#include "modules/meetings/store.h"
#include "modules/regions/public.h"
#include "report/pdf.h"
#include "report/qr.h"

namespace pantau::meetings {

using http::Ctx;
using http::Response;
using http::path_id;

namespace {

TimePoint now() { return system_time().now(); }

// "Today" for lists over the caller's area (the tracker, the tile, the links panel).
Date scope_today(Ctx& ctx) { return today_in(ctx.scope().region_code.empty() ? "31" : ctx.scope().region_code, now()); }

// Every write about a meeting answers the meeting as it is now, with its version as ETag.
auto meeting_now(Ctx& ctx, int64_t id) {
  return [&ctx, id](db::Conn& c) { return meeting_after(c, ctx.scope(), id, now()); };
}

// A drawn signature as sent (validated by the store through rules.h parse_strokes).
std::string signature_text(const rapidjson::Value& sig) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  sig.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

Result<MeetingInput> meeting_input(const http::Request& req, bool create) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  MeetingInput m;
  m.type = create ? in.one_of("type", true, kMeetingTypes) : in.one_of("type", false, kMeetingTypes);
  m.title = in.str("title", create, 300);
  m.theme = in.str("theme", false, 500);
  m.legal_basis = in.str("legal_basis", false, 4000);
  m.series = in.str("series", false, 100);
  m.region_code = in.str("region_code", false, 8);
  m.chair_name = in.str("chair_name", false, 200);
  m.chair_position = in.str("chair_position", false, 300);
  m.secretary_name = in.str("secretary_name", false, 200);
  m.start_at = in.str("start_at", create, 40);
  m.end_at = in.str("end_at", create, 40);
  m.venue = in.str("venue", false, 500);
  m.mode = in.one_of("mode", false, kModes);
  m.online_link = in.str("online_link", false, 500);
  m.agenda = in.str("agenda", false, 8000);
  m.budget_source = in.str("budget_source", false, 300);
  m.invitation_no = in.str("invitation_no", false, 100);
  m.invitation_date = in.str("invitation_date", false, 10);
  if (auto c = in.one_of("classification", false, auth::kClearanceNames)) m.classification = *auth::parse_clearance(*c);
  // Every problem in one answer: the times are checked here too, not only after the codes.
  for (auto [v, field] : {std::pair{&m.start_at, "start_at"}, std::pair{&m.end_at, "end_at"}})
    if (*v && !v->value().empty() && !parse_iso(**v))
      in.add_error(field, "invalid", "Waktu harus ISO 8601 (mis. 2026-12-10T01:00:00Z).", "Times must be ISO 8601 (e.g. 2026-12-10T01:00:00Z).");
  if (!in.ok()) return in.error();
  return m;
}

Result<std::vector<Link>> links_input(json::In& in) {
  std::vector<Link> out;
  const auto* v = in.get("links");
  if (!v || v->IsNull()) return out;
  if (!v->IsArray() || v->Size() > 20)
    return Error::invalid_field("links", "type", "Tautan berupa daftar (paling banyak 20).", "Links are a list (at most 20).");
  for (auto& l : v->GetArray()) {
    if (!l.IsObject() || !l.HasMember("kind") || !l["kind"].IsString() || !l.HasMember("id") || !l["id"].IsInt64())
      return Error::invalid_field("links", "invalid", "Setiap tautan perlu kind dan id.", "Each link needs a kind and an id.");
    out.push_back({l["kind"].GetString(), l["id"].GetInt64()});
  }
  return out;
}

Result<Participant> participant_input(const http::Request& req, bool self) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  Participant p;
  p.name = in.str("name", true, 200).value_or("");
  p.position = in.str("position", false, 300).value_or("");
  p.institution = in.str("institution", self, 300).value_or("");
  p.participant_type = in.one_of("participant_type", false, kParticipantTypes).value_or(self ? "PUBLIC" : "GOV");
  p.phone = in.str("phone", false, 40).value_or("");
  if (!self) {
    p.represented_by = in.str("represented_by", false, 200).value_or("");
    p.user_id = in.int64("user_id", false, 1);
    p.present = in.boolean("present", false).value_or(false);
    p.required_signatory = in.boolean("required_signatory", false).value_or(true);
  }
  if (const auto* sig = in.get("signature"); sig && !sig->IsNull()) {
    p.attendance_signature = signature_text(*sig);
  } else if (self) {
    in.add_error("signature", "required", "Bubuhkan tanda tangan pada kotak.", "Sign in the box.");
  }
  if (!in.ok()) return in.error();
  return p;
}

// ---- input --------------------------------------------------------------------------------------

Result<MeetingQuery> meeting_query(const http::Request& req) {
  MeetingQuery q;
  PANTAU_TRY(q.page, http::paging(req));
  q.status = req.q("status").value_or("");
  q.type = req.q("type").value_or("");
  if (!q.status.empty() && !parse_status(q.status))
    return Error::invalid_field("status", "not_allowed", "Status rapat tidak dikenal.", "Unknown meeting status.");
  if (!q.type.empty() && std::find(kMeetingTypes.begin(), kMeetingTypes.end(), q.type) == kMeetingTypes.end())
    return Error::invalid_field("type", "not_allowed", "Jenis rapat tidak dikenal.", "Unknown meeting type.");
  return q;
}

Result<Minutes> minutes_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  Minutes n;
  n.opening_summary = in.str("opening_summary", false, 20000).value_or("");
  auto pairs = [&](const char* field, const char* a, const char* b, std::vector<std::pair<std::string, std::string>>& out) {
    const auto* v = in.get(field);
    if (!v || v->IsNull()) return;
    if (!v->IsArray() || v->Size() > 200) return in.add_error(field, "type", "Harus berupa daftar.", "Must be a list.");
    for (auto& x : v->GetArray()) {
      if (!x.IsObject() || !x.HasMember(a) || !x[a].IsString() || !x.HasMember(b) || !x[b].IsString())
        return in.add_error(field, "invalid", "Isian tidak lengkap.", "An entry is incomplete.");
      out.emplace_back(trim(x[a].GetString()).substr(0, 300), trim(x[b].GetString()).substr(0, 10000));
    }
  };
  pairs("discussion", "speaker", "summary", n.discussion);
  pairs("questions", "question", "answer", n.questions);
  if (const auto* v = in.get("conclusions"); v && !v->IsNull()) {
    if (!v->IsArray() || v->Size() > 100) in.add_error("conclusions", "type", "Harus berupa daftar.", "Must be a list.");
    else
      for (auto& x : v->GetArray())
        if (x.IsString()) n.conclusions.push_back(trim(x.GetString()).substr(0, 5000));
  }
  if (!in.ok()) return in.error();
  return n;
}

Result<Agreement> agreement_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  Agreement a;
  a.text = in.str("text", true, 5000).value_or("");
  a.category = in.one_of("category", true, kAgreementCategories).value_or("");
  a.addressees = in.str("addressees", false, 1000).value_or("");
  if (!in.is_null("target_date")) a.target_date = in.str("target_date", false, 10);
  if (a.target_date && a.target_date->empty()) a.target_date.reset();
  a.status = in.one_of("status", false, kAgreementStatuses).value_or("AGREED");
  auto links = links_input(in);
  if (!links.ok()) return links.error();
  a.links = *links;
  if (!in.ok()) return in.error();
  return a;
}

Result<ActionItemInput> action_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  ActionItemInput a;
  a.agreement_id = in.int64("agreement_id", false, 1);
  a.action = in.str("action", true, 2000).value_or("");
  a.output = in.str("output", false, 1000).value_or("");
  a.indicator = in.str("indicator", false, 1000).value_or("");
  a.owner_org_unit_id = in.int64("owner_org_unit_id", false, 1);
  a.owner_person = in.str("owner_person", false, 200).value_or("");
  a.support_units = in.str("support_units", false, 1000).value_or("");
  if (auto sd = in.str("start_date", false, 10); sd && !sd->empty()) a.start_date = sd;
  a.due_date = in.str("due_date", true, 10).value_or("");
  a.budget_source = in.str("budget_source", false, 300).value_or("");
  a.budget_amount = in.int64("budget_amount", false, 0, int64_t{1} << 50).value_or(0);
  auto links = links_input(in);
  if (!links.ok()) return links.error();
  a.links = *links;
  if (!in.ok()) return in.error();
  return a;
}

Result<ActionItemUpdate> item_update_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  ActionItemUpdate u;
  u.status = in.one_of("status", false, kActionStatuses);
  u.due_date = in.str("due_date", false, 10);
  u.owner_person = in.str("owner_person", false, 200);
  u.output = in.str("output", false, 1000);
  u.indicator = in.str("indicator", false, 1000);
  u.owner_org_unit_id = in.int64("owner_org_unit_id", false, 1);
  u.reason = in.str("reason", false, 1000).value_or("");
  if (auto p = in.int64("progress_pct", false, 0, 100)) u.progress_pct = static_cast<int>(*p);
  if (!in.ok()) return in.error();
  return u;
}

Result<FollowUp> follow_up_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  FollowUp f;
  f.date = in.str("date", true, 10).value_or("");
  f.action_taken = in.str("action_taken", true, 5000).value_or("");
  f.outcome = in.str("outcome", false, 5000).value_or("");
  f.next_step = in.str("next_step", false, 5000).value_or("");
  f.progress_pct = static_cast<int>(in.int64("progress_pct", false, 0, 100).value_or(0));
  if (const auto* v = in.get("evidence_file_ids"); v && !v->IsNull()) {
    if (!v->IsArray() || v->Size() > 20) in.add_error("evidence_file_ids", "type", "Daftar id berkas (paling banyak 20).", "A list of file ids (at most 20).");
    else
      for (auto& x : v->GetArray())
        if (x.IsInt64()) f.evidence_file_ids.push_back(x.GetInt64());
  }
  if (!in.ok()) return in.error();
  return f;
}

// Who signs: nothing (the caller, in the app) or a participant and the signature drawn on the tablet.
struct SignInput {
  std::optional<int64_t> participant_id;
  std::string strokes;
};
Result<SignInput> sign_input(const http::Request& req) {
  SignInput out;
  if (trim(req.body).empty()) return out;
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  out.participant_id = in.int64("participant_id", false, 1);
  if (const auto* sig = in.get("signature"); sig && !sig->IsNull()) out.strokes = signature_text(*sig);
  else if (out.participant_id) in.add_error("signature", "required", "Bubuhkan tanda tangan pada kotak.", "Sign in the box.");
  if (!in.ok()) return in.error();
  return out;
}

Result<TrackerQuery> tracker_query(const http::Request& req) {
  TrackerQuery q;
  q.status = req.q("status").value_or("");
  if (!q.status.empty() && q.status != "OVERDUE" &&
      std::find(kActionStatuses.begin(), kActionStatuses.end(), q.status) == kActionStatuses.end())
    return Error::invalid_field("status", "not_allowed", "Status tidak dikenal.", "Unknown status.");
  q.region = req.q("region").value_or("");
  if (!q.region.empty() && region_level(q.region) == RegionLevel::Invalid)
    return Error::invalid_field("region", "invalid", "Kode wilayah tidak valid.", "Invalid region code.");
  if (auto o = req.q("owner_org_unit_id"); o && !o->empty()) {
    q.owner_org_unit_id = parse_int64(*o);
    if (!q.owner_org_unit_id) return Error::invalid_field("owner_org_unit_id", "invalid", "Id unit tidak valid.", "Invalid unit id.");
  }
  if (auto m = req.q("meeting_id"); m && !m->empty()) {
    q.meeting_id = parse_int64(*m);
    if (!q.meeting_id) return Error::invalid_field("meeting_id", "invalid", "Id rapat tidak valid.", "Invalid meeting id.");
  }
  // The tracker pages by (due date, id): its cursor is "<due_date>_<id>", checked like every cursor.
  if (auto a = req.q("after"); a && !a->empty()) {
    auto cut = a->rfind('_');
    auto id = cut == std::string::npos ? std::nullopt : parse_int64(a->substr(cut + 1));
    if (!id || *id < 1 || !parse_date(a->substr(0, cut)))
      return Error::invalid_field("after", "invalid", "Kursor halaman tidak valid.", "The page cursor is invalid.");
    q.after_due = a->substr(0, cut);
    q.after_id = *id;
  }
  if (auto l = req.q("limit"); l && !l->empty()) {
    auto v = parse_int64(*l);
    if (!v || *v < 1 || *v > 500)
      return Error::invalid_field("limit", "out_of_range", "Batas harus antara 1 dan 500.", "The limit must be between 1 and 500.");
    q.limit = static_cast<int>(*v);
  }
  return q;
}

// ---- meetings ---------------------------------------------------------------------------------

Response list(Ctx& ctx) {
  PANTAU_TRY(MeetingQuery q, meeting_query(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_meetings(c, ctx.scope(), q); });
}

Response create(Ctx& ctx) {
  PANTAU_TRY(MeetingInput in, meeting_input(ctx.req, true));
  return http::create(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_TRY(int64_t id, create_meeting(c, ctx.scope(), in));
    return meeting_after(c, ctx.scope(), id, now());
  });
}

Response get_one(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return meeting_detail(c, ctx.scope(), id, now()); });
}

Response patch(Ctx& ctx) {
  auto parse = [](const http::Request& req) { return meeting_input(req, false); };
  return http::update(ctx, parse, [&](db::Conn& c, int64_t id, int64_t version, const MeetingInput& in) -> Result<MeetingDetail> {
    PANTAU_CHECK(update_meeting(c, ctx.scope(), id, version, in));
    return meeting_after(c, ctx.scope(), id, now());
  });
}

Response action(Ctx& ctx) {
  return http::action(ctx, {"INVITE", "HOLD", "MINUTE", "CLOSE", "CANCEL"}, "note",
                      [&](db::Conn& c, int64_t id, int64_t version, const std::string& a, const std::string&) -> Result<MeetingDetail> {
                        PANTAU_CHECK(act_on_meeting(c, ctx.scope(), id, version, *parse_action(a), now()));
                        return meeting_after(c, ctx.scope(), id, now());
                      });
}

// ---- participants, minutes, agreements, signatures (each answers the meeting) -------------------

Response add_person(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(Participant p, participant_input(ctx.req, false));
  return http::create(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_TRY(int64_t pid, add_participant(c, ctx.scope(), id, p));
    (void)pid;
    return meeting_now(ctx, id)(c);
  });
}

Response patch_person(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(int64_t pid, path_id(ctx.req, "pid"));
  PANTAU_TRY(Participant p, participant_input(ctx.req, false));
  return http::write(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_CHECK(update_participant(c, ctx.scope(), id, pid, p));
    return meeting_now(ctx, id)(c);
  });
}

Response put_minutes(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(Minutes n, minutes_input(ctx.req));
  return http::write(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_CHECK(save_minutes(c, ctx.scope(), id, n));
    return meeting_now(ctx, id)(c);
  });
}

Response approve(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return http::write(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_CHECK(approve_minutes(c, ctx.scope(), id));
    return meeting_now(ctx, id)(c);
  });
}

Response add_agreement_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(Agreement a, agreement_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_TRY(int64_t aid, add_agreement(c, ctx.scope(), id, a));
    (void)aid;
    return meeting_now(ctx, id)(c);
  });
}

Response patch_agreement_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req, "aid"));
  PANTAU_TRY(Agreement a, agreement_input(ctx.req));
  return http::write(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_CHECK(update_agreement(c, ctx.scope(), id, t.id, t.version, a));
    return meeting_now(ctx, id)(c);
  });
}

Response add_action_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(ActionItemInput a, action_input(ctx.req));
  a.meeting_id = id;
  return http::create(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_TRY(int64_t item, create_action_item(c, ctx.scope(), a));
    (void)item;
    return meeting_now(ctx, id)(c);
  });
}

Response sign(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(SignInput in, sign_input(ctx.req));
  return http::write(ctx, [&](db::Conn& c) -> Result<MeetingDetail> {
    PANTAU_CHECK(sign_berita_acara(c, ctx.scope(), id, in.participant_id, in.strokes));
    return meeting_now(ctx, id)(c);
  });
}

// ---- speakers and their materials, photo documentation ------------------------------------------

Result<SpeakerInput> speaker_input(const http::Request& req, bool create) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  SpeakerInput sp;
  sp.name = in.str("name", create, 200);
  sp.position = in.str("position", false, 300);
  sp.topic = in.str("topic", false, 1000);
  if (auto o = in.int64("sort_order", false, 1, 999)) sp.sort_order = static_cast<int>(*o);
  if (!in.ok()) return in.error();
  return sp;
}

Response list_speakers(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    if (!get_meeting(c, ctx.scope(), id)) return Error::not_found("Rapat tidak ditemukan.", "Meeting not found.");
    return Response::json(200, http::items_json(speakers(c, id)));
  });
}

auto speaker_now(Ctx& ctx, int64_t id, int64_t sid) {
  return [&ctx, id, sid](db::Conn& c) -> Result<Speaker> {
    auto sp = get_speaker(c, ctx.scope(), id, sid);
    if (!sp) return Error::not_found("Narasumber tidak ditemukan.", "Speaker not found.");
    return std::move(*sp);
  };
}

Response add_speaker_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(SpeakerInput in, speaker_input(ctx.req, true));
  return http::create(ctx, [&](db::Conn& c) -> Result<Speaker> {
    PANTAU_TRY(int64_t sid, add_speaker(c, ctx.scope(), id, in));
    return speaker_now(ctx, id, sid)(c);
  });
}

Response patch_speaker_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req, "sid"));
  PANTAU_TRY(SpeakerInput in, speaker_input(ctx.req, false));
  return http::write(ctx, [&](db::Conn& c) -> Result<Speaker> {
    PANTAU_CHECK(update_speaker(c, ctx.scope(), id, t.id, t.version, in));
    return speaker_now(ctx, id, t.id)(c);
  });
}

Response delete_speaker_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req, "sid"));
  return http::write(ctx, [&](db::Conn& c) { return remove_speaker(c, ctx.scope(), id, t.id, t.version); });
}

// An uploaded file (the body as sent, streamed to disk when large) placed in the files store,
// its type judged by its content. A type not accepted is a 422 naming "file" (the files store's
// 415 says the same); too large stays 413.
struct Placed {
  std::string sha256, mime, bytes;
  int64_t size = 0;
};
Result<Placed> place_upload(Ctx& ctx, const char* accepted_id, const char* accepted_en, bool images_only) {
  const size_t size = ctx.req.body_file.empty() ? ctx.req.body.size() : ctx.req.body_size;
  if (size == 0) return Error::invalid_field("file", "empty", "Pilih berkas untuk diunggah.", "Choose a file to upload.");
  files::EvidenceStore& store = *ctx.svc.files;
  if (size > store.max_bytes())
    return Error::make(ErrorKind::TooLarge, "file.too_large", fmt::format("Berkas terlalu besar; paling besar {} MB.", store.max_bytes() >> 20),
                       fmt::format("The file is too large; at most {} MB.", store.max_bytes() >> 20));
  Placed out;
  out.size = static_cast<int64_t>(size);
  std::string tmp = ctx.req.body_file;
  if (images_only) {
    out.bytes = ctx.req.body;
    if (!tmp.empty()) {
      std::ifstream f(tmp, std::ios::binary);
      out.bytes.assign(size, '\0');
      f.read(out.bytes.data(), static_cast<std::streamsize>(size));
      if (static_cast<size_t>(f.gcount()) != size) return Error::unavailable("Could not read the uploaded file.");
    }
    // Not an image at all: what is accepted; an image the PDF library cannot read (a damaged file,
    // a progressive JPEG, too many pixels): the library's own reason, naming "file" as well.
    auto info = report::inspect_image(out.bytes, "file");
    if (!info.ok())
      return info.error().fields.empty() || info.error().fields[0].code == "type" ? Error::invalid_field("file", "type", accepted_id, accepted_en)
                                                                                 : info.error();
  }
  Sha256 sha;
  if (tmp.empty()) {
    sha.update(ctx.req.body);
    tmp = store.tmp_dir() + "/meeting-" + random_token(12);
    std::ofstream(tmp, std::ios::binary).write(ctx.req.body.data(), static_cast<std::streamsize>(ctx.req.body.size()));
  } else {
    std::ifstream f(tmp, std::ios::binary);
    std::string chunk(1 << 16, '\0');
    while (f.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || f.gcount() > 0)
      sha.update(std::string_view(chunk.data(), static_cast<size_t>(f.gcount())));
  }
  out.sha256 = sha.hex();
  auto placed = store.place(tmp, out.sha256, out.size);
  if (tmp != ctx.req.body_file) std::remove(tmp.c_str());
  if (!placed.ok()) {
    if (placed.error().kind == ErrorKind::UnsupportedMedia) return Error::invalid_field("file", "type", accepted_id, accepted_en);
    return placed.error();
  }
  out.mime = *placed;
  return out;
}

// The name a file is kept under: the name the client gave (?name=), without any folder.
std::string upload_name(const http::Request& req, const std::string& fallback) {
  std::string n = trim(req.q("name").value_or(""));
  if (auto cut = n.find_last_of("/\\"); cut != std::string::npos) n = n.substr(cut + 1);
  if (n.size() > 200) {
    size_t k = 200;
    while (k > 0 && (static_cast<unsigned char>(n[k]) & 0xC0) == 0x80) --k;  // not inside a character
    n = n.substr(0, k);
  }
  return n.empty() ? fallback : n;
}

Response upload_material(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(int64_t sid, path_id(ctx.req, "sid"));
  // The speaker must be in reach before the file is stored (another region: 404).
  auto target = ctx.db().read_value<Meeting>([&](db::Conn& c) { return material_target(c, ctx.scope(), id, sid); });
  if (!target.ok()) return target.error();
  PANTAU_TRY(Placed f, place_upload(ctx, "Jenis berkas materi tidak diterima. Unggah PDF, PPTX, DOCX, XLSX, JPEG, atau PNG.",
                                    "This material's file type is not accepted. Upload a PDF, PPTX, DOCX, XLSX, JPEG or PNG file.",
                                    false));
  std::string fname = upload_name(ctx.req, "materi");
  return http::create(ctx, [&](db::Conn& c) -> Result<Speaker> {
    PANTAU_TRY(Meeting m, material_target(c, ctx.scope(), id, sid));
    files::UploadMeta meta{fname, m.region_code, "meeting_speaker", std::to_string(sid), m.classification};
    PANTAU_TRY(files::StoredFile stored, ctx.svc.files->record(c, ctx.scope(), f.sha256, f.size, f.mime, meta));
    PANTAU_CHECK(add_material(c, ctx.scope(), m, sid, fname, stored.id));
    return speaker_now(ctx, id, sid)(c);
  });
}

Response file_answer(Ctx& ctx, const MeetingFile& f) {
  Response r = http::attachment("", f.mime, f.name);
  r.file_path = ctx.svc.files->path_of(f.sha256);
  return r;
}

Response download_material(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(int64_t sid, path_id(ctx.req, "sid"));
  PANTAU_TRY(int64_t fid, path_id(ctx.req, "fid"));
  std::optional<MeetingFile> f;
  PANTAU_CHECK(ctx.db().read([&](db::Conn& c) { f = get_material(c, ctx.scope(), id, sid, fid); }));
  if (!f) return Error::not_found("Materi tidak ditemukan.", "Material not found.");
  return file_answer(ctx, *f);
}

Response delete_material(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(int64_t sid, path_id(ctx.req, "sid"));
  PANTAU_TRY(int64_t fid, path_id(ctx.req, "fid"));
  return http::write(ctx, [&](db::Conn& c) { return remove_material(c, ctx.scope(), id, sid, fid); });
}

Response upload_photo(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  std::string caption = trim(ctx.req.q("caption").value_or(""));
  if (caption.size() > 300)
    return Error::invalid_field("caption", "too_long", "Keterangan foto paling banyak 300 karakter.", "A caption has at most 300 characters.");
  auto target = ctx.db().read_value<Meeting>([&](db::Conn& c) { return photo_target(c, ctx.scope(), id); });
  if (!target.ok()) return target.error();
  PANTAU_TRY(Placed f, place_upload(ctx, "Foto dokumentasi harus berupa gambar JPEG atau PNG.",
                                    "A documentation photo must be a JPEG or PNG image.", true));
  std::string fname = upload_name(ctx.req, f.mime == "image/png" ? "foto.png" : "foto.jpg");
  return http::create(ctx, [&](db::Conn& c) -> Result<Photo> {
    PANTAU_TRY(Meeting m, photo_target(c, ctx.scope(), id));
    files::UploadMeta meta{fname, m.region_code, "meeting_photo", std::to_string(id), m.classification};
    PANTAU_TRY(files::StoredFile stored, ctx.svc.files->record(c, ctx.scope(), f.sha256, f.size, f.mime, meta));
    PANTAU_TRY(int64_t pid, add_photo(c, ctx.scope(), m, stored.id, caption));
    auto p = get_photo(c, ctx.scope(), id, pid);
    if (!p) return Error::not_found("Foto tidak ditemukan.", "Photo not found.");
    return std::move(*p);
  });
}

Response download_photo(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(int64_t pid, path_id(ctx.req, "pid"));
  std::optional<Photo> p;
  PANTAU_CHECK(ctx.db().read([&](db::Conn& c) { p = get_photo(c, ctx.scope(), id, pid); }));
  if (!p) return Error::not_found("Foto tidak ditemukan.", "Photo not found.");
  return file_answer(ctx, p->file);
}

Response delete_photo(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(int64_t pid, path_id(ctx.req, "pid"));
  return http::write(ctx, [&](db::Conn& c) { return remove_photo(c, ctx.scope(), id, pid); });
}

// ---- action items and follow-ups (each answers the item) ----------------------------------------

Response get_item(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return action_item_at(c, ctx.scope(), id, now()); });
}

Response patch_item(Ctx& ctx) {
  return http::update(ctx, item_update_input,
                      [&](db::Conn& c, int64_t id, int64_t version, const ActionItemUpdate& u) -> Result<ActionItemAt> {
                        PANTAU_CHECK(update_action_item(c, ctx.scope(), id, version, u));
                        return action_item_after(c, ctx.scope(), id, now());
                      });
}

Response add_follow_up_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(FollowUp f, follow_up_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<ActionItemAt> {
    PANTAU_TRY(int64_t fid, add_follow_up(c, ctx.scope(), id, f));
    (void)fid;
    return action_item_after(c, ctx.scope(), id, now());
  });
}

Response verify_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto decision = in.one_of("decision", true, {"VERIFIED", "REJECTED"});
  if (!in.ok()) return in.error();
  return http::write(ctx, [&](db::Conn& c) -> Result<ActionItemAt> {
    PANTAU_CHECK(verify_follow_up(c, ctx.scope(), id, *decision == "VERIFIED"));
    return action_item_after(c, ctx.scope(), action_item_of_follow_up(c, id), now());
  });
}

// ---- documents ----------------------------------------------------------------------------------

Response berita_acara(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  auto ref = ctx.db().read_value<documents::DocumentRef>([&](db::Conn& c) { return berita_acara_document(c, ctx.scope(), id); });
  if (!ref.ok()) return ref.error();
  auto issued = documents::issue(ctx.db(), ctx.scope(), *ref, documents::public_base(ctx.svc.cfg),
                                 [&](db::Conn& c, const documents::Stamp& st) { return berita_acara_pdf(c, ctx.scope(), id, st); });
  if (!issued.ok()) return issued.error();
  Response r = http::attachment(std::move(issued->pdf), "application/pdf", fmt::format("berita-acara-rapat-{}.pdf", id));
  r.header("X-Document-Code", issued->entry.code);
  return r;
}

// The invitation letter, attendance list, minutes and activity report, issued like the Berita Acara.
template <MeetingDocument D>
Response meeting_pdf(Ctx& ctx) {
  static constexpr const char* kFile[] = {"surat-undangan", "daftar-hadir", "notula", "laporan-kegiatan"};
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  auto ref = ctx.db().read_value<documents::DocumentRef>([&](db::Conn& c) { return meeting_document(c, ctx.scope(), id, D); });
  if (!ref.ok()) return ref.error();
  auto issued = documents::issue(ctx.db(), ctx.scope(), *ref, documents::public_base(ctx.svc.cfg),
                                 [&](db::Conn& c, const documents::Stamp& st) { return meeting_document_pdf(c, ctx.scope(), id, D, st); });
  if (!issued.ok()) return issued.error();
  Response r = http::attachment(std::move(issued->pdf), "application/pdf", fmt::format("{}-rapat-{}.pdf", kFile[static_cast<int>(D)], id));
  r.header("X-Document-Code", issued->entry.code);
  return r;
}

// The QR code the meeting screen shows: an SVG of the check-in address, while check-in is open.
Response checkin_qr(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  std::optional<Meeting> m;
  Status s = ctx.db().read([&](db::Conn& c) { m = get_meeting(c, ctx.scope(), id); });
  if (!s.ok()) return s.error();
  if (!m) return Error::not_found();
  auto start = parse_iso(m->start_at), end = parse_iso(m->end_at);
  if (m->checkin_token.empty() || !start || !end || !checkin_open(m->status, *start, *end, now()))
    return Error::conflict("checkin.closed", "Daftar hadir mandiri hanya dibuka selama rapat berlangsung.",
                           "Self check-in is open only while the meeting takes place.");
  std::string base = documents::public_base(ctx.svc.cfg);
  while (!base.empty() && base.back() == '/') base.pop_back();
  auto qr = report::qr_encode(base + "/hadir/" + m->checkin_token);
  if (!qr) return Error::internal("QR encoding failed");
  const int quiet = 4, size = qr->size + 2 * quiet;
  std::string svg = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" shape-rendering="crispEdges">)"
                                R"(<rect width="{0}" height="{0}" fill="#fff"/><path fill="#000" d=")",
                                size);
  for (int y = 0; y < qr->size; ++y)
    for (int x = 0; x < qr->size; ++x)
      if (qr->at(x, y)) svg += fmt::format("M{} {}h1v1h-1z", x + quiet, y + quiet);
  svg += "\"/></svg>";
  Response r;
  r.content_type = "image/svg+xml";
  r.body = std::move(svg);
  r.header("Cache-Control", "private, no-store");
  return r;
}

// ---- the tracker, the tile, the links panel -----------------------------------------------------

Response tracker_route(Ctx& ctx) {
  PANTAU_TRY(TrackerQuery q, tracker_query(ctx.req));
  Date today = scope_today(ctx);
  return http::read(ctx, [&](db::Conn& c) { return tracker(c, ctx.scope(), q, today); });
}

Response tracker_xlsx_route(Ctx& ctx) {
  PANTAU_TRY(TrackerQuery q, tracker_query(ctx.req));
  Date today = scope_today(ctx);
  std::vector<ActionItem> all;
  std::string area;
  Status s = ctx.db().read([&](db::Conn& c) {
    TrackerQuery page = q;
    page.limit = 500;
    for (int i = 0; i < 100; ++i) {  // at most 50,000 rows in a workbook
      TrackerPage p = tracker(c, ctx.scope(), page, today);
      all.insert(all.end(), p.items.begin(), p.items.end());
      if (!p.next_after) break;
      page.after_due = all.back().due_date;
      page.after_id = all.back().id;
    }
    std::string root = q.region.empty() ? ctx.scope().region_code : q.region;
    area = regions::name_of(c, root);
  });
  if (!s.ok()) return s.error();
  PANTAU_TRY(std::string x, tracker_xlsx(all, today, area));
  return http::attachment(std::move(x), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "rencana-aksi.xlsx");
}

Response realised(Ctx& ctx) {
  Date today = scope_today(ctx);
  return http::read_items(ctx, [&](db::Conn& c) { return realised_by_office(c, ctx.scope(), today); });
}

Response links_route(Ctx& ctx) {
  std::string kind = ctx.req.q("kind").value_or("");
  auto id = parse_int64(ctx.req.q("id").value_or(""));
  if (std::find(kLinkKinds.begin(), kLinkKinds.end(), kind) == kLinkKinds.end())
    return Error::invalid_field("kind", "not_allowed", "Jenis catatan tidak dikenal.", "Unknown record kind.");
  if (!id || *id < 1) return Error::invalid_field("id", "invalid", "Id tidak valid.", "Invalid id.");
  Date today = scope_today(ctx);
  return http::read_items(ctx, [&](db::Conn& c) { return linked_to(c, ctx.scope(), kind, *id, today); });
}

// ---- public check-in ------------------------------------------------------------------------

// The limits of the public check-in. The phones in the room usually share ONE public address
// (the venue's Wi-Fi behind NAT), so a plain per-address limit would refuse the room after the
// thirtieth participant. Two limits instead:
//  - guessing: a code that opens no meeting counts as a miss of the address; past 30 misses in a
//    minute the address gets nothing (not even for a real code) until the minute is over;
//  - one meeting from one address: 1,200 requests a minute (a room of 300 opening the page,
//    sending the form and retrying), counted per (address, code), so a busy meeting does not
//    use up another's share.
class CheckinGuard {
 public:
  static constexpr int kMissesPerMinute = 30;
  static constexpr int kPerMeetingPerMinute = 1200;
  bool allow(const std::string& ip, const std::string& token) {
    {
      std::lock_guard lk(mu_);
      auto it = misses_.find(ip);
      if (it != misses_.end() && fresh(it->second) && it->second.count >= kMissesPerMinute) return false;
    }
    return per_meeting_.allow(ip + "|" + token);
  }
  void miss(const std::string& ip) {
    std::lock_guard lk(mu_);
    if (misses_.size() > 100000) misses_.clear();
    auto& w = misses_[ip];
    if (!fresh(w)) w = {std::chrono::steady_clock::now(), 0};
    ++w.count;
  }

 private:
  struct Window {
    std::chrono::steady_clock::time_point start{};
    int count = 0;
  };
  static bool fresh(const Window& w) { return std::chrono::steady_clock::now() - w.start <= std::chrono::minutes(1); }
  std::mutex mu_;
  std::unordered_map<std::string, Window> misses_;
  http::RateLimiter per_meeting_{kPerMeetingPerMinute};
};

CheckinGuard& checkin_guard() {
  static CheckinGuard g;
  return g;
}

// Counts an unknown code against the address.
Response counted(Ctx& ctx, Response r) {
  if (r.status == 404) checkin_guard().miss(ctx.req.remote_ip);
  return r;
}

Response checkin_get(Ctx& ctx) {
  std::string token(ctx.req.param("token"));
  if (!checkin_guard().allow(ctx.req.remote_ip, token)) return http::RateLimiter::refused();
  Response r = http::read_record(ctx, [&](db::Conn& c) { return checkin_meeting(c, token, now()); });
  if (r.status == 200) r.header("Cache-Control", "no-store");
  return counted(ctx, std::move(r));
}

Response checkin_post(Ctx& ctx) {
  std::string token(ctx.req.param("token"));
  if (!checkin_guard().allow(ctx.req.remote_ip, token)) return http::RateLimiter::refused();
  auto p = participant_input(ctx.req, true);
  if (!p.ok()) {
    // An unknown code answers 404 before any field error, so the form reveals nothing.
    std::optional<CheckinMeeting> m;
    (void)ctx.db().read([&](db::Conn& c) { m = checkin_meeting(c, token, now()); });
    return counted(ctx, m ? Response(p.error()) : Response(Error::not_found()));
  }
  return counted(ctx, http::write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, self_checkin(c, token, *p, ctx.req.remote_ip, now()));
    (void)id;
    return Response::json(201, checkin_recorded_json(p->name));
  }));
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  r.get("/api/v1/meetings", list, read);
  r.post("/api/v1/meetings", create, write);
  r.get("/api/v1/meetings/tracker", tracker_route, read);
  r.get("/api/v1/meetings/tracker.xlsx", tracker_xlsx_route, read);
  r.get("/api/v1/meetings/realised", realised, read);
  r.get("/api/v1/meetings/links", links_route, read);
  r.get("/api/v1/meetings/{id}", get_one, read);
  r.patch("/api/v1/meetings/{id}", patch, write);
  r.post("/api/v1/meetings/{id}/actions", action, write);
  r.post("/api/v1/meetings/{id}/participants", add_person, write);
  r.patch("/api/v1/meetings/{id}/participants/{pid}", patch_person, write);
  r.post("/api/v1/meetings/{id}/minutes", put_minutes, write);
  r.post("/api/v1/meetings/{id}/minutes/approve", approve, review);
  r.post("/api/v1/meetings/{id}/agreements", add_agreement_route, write);
  r.patch("/api/v1/meetings/{id}/agreements/{aid}", patch_agreement_route, write);
  r.post("/api/v1/meetings/{id}/action-items", add_action_route, write);
  r.post("/api/v1/meetings/{id}/sign", sign, read);
  r.get("/api/v1/meetings/{id}/berita-acara.pdf", berita_acara, read);
  r.get("/api/v1/meetings/{id}/surat-undangan.pdf", meeting_pdf<MeetingDocument::Invitation>, read);
  r.get("/api/v1/meetings/{id}/daftar-hadir.pdf", meeting_pdf<MeetingDocument::Attendance>, read);
  r.get("/api/v1/meetings/{id}/notula.pdf", meeting_pdf<MeetingDocument::Minutes>, read);
  r.get("/api/v1/meetings/{id}/laporan-kegiatan.pdf", meeting_pdf<MeetingDocument::Report>, read);
  r.get("/api/v1/meetings/{id}/checkin-qr.svg", checkin_qr, write);
  r.get("/api/v1/meetings/{id}/speakers", list_speakers, read);
  r.post("/api/v1/meetings/{id}/speakers", add_speaker_route, write);
  r.patch("/api/v1/meetings/{id}/speakers/{sid}", patch_speaker_route, write);
  r.del("/api/v1/meetings/{id}/speakers/{sid}", delete_speaker_route, write);
  r.post("/api/v1/meetings/{id}/speakers/{sid}/materials", upload_material, http::RouteOptions{false, auth::kRecordWrite, true});
  r.get("/api/v1/meetings/{id}/speakers/{sid}/materials/{fid}", download_material, read);
  r.del("/api/v1/meetings/{id}/speakers/{sid}/materials/{fid}", delete_material, write);
  r.post("/api/v1/meetings/{id}/photos", upload_photo, http::RouteOptions{false, auth::kRecordWrite, true});
  r.get("/api/v1/meetings/{id}/photos/{pid}", download_photo, read);
  r.del("/api/v1/meetings/{id}/photos/{pid}", delete_photo, write);
  r.get("/api/v1/action-items/{id}", get_item, read);
  r.patch("/api/v1/action-items/{id}", patch_item, write);
  r.post("/api/v1/action-items/{id}/follow-ups", add_follow_up_route, write);
  r.post("/api/v1/follow-ups/{id}/verify", verify_route, review);
  r.get("/api/v1/checkin/{token}", checkin_get, http::RouteOptions{true, {}, false});
  r.post("/api/v1/checkin/{token}", checkin_post, http::RouteOptions{true, {}, false});
}

}  // namespace pantau::meetings
