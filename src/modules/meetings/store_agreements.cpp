// Agreements of a meeting, action items (of a meeting or of another module's plan), their
// follow-ups and verification, the tracker, the realised tally and the links to other records.
#include <fmt/format.h>

#include <algorithm>

#include "auth/roles.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "modules/meetings/json.h"
#include "modules/meetings/public.h"
#include "modules/meetings/rules.h"
#include "modules/meetings/store.h"
#include "modules/meetings/store_internal.h"
#include "notify/notify.h"

namespace pantau::meetings {

using namespace detail;

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
  audit_row(c, s, "create", "meeting_agreement", id, m.region_code, m.classification, std::nullopt,
            agreement_created_json(meeting_id, number, a));
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
  audit_row(c, s, "update", "meeting_agreement", aid, m.region_code, m.classification, agreement_wording_json(cur->text, cur->status),
            agreement_wording_json(a.text, a.status));
  return {};
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
  audit_row(c, s, "create", "action_item", id, region, cls, std::nullopt, action_item_created_json(in, region));
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
  if (u.due_date && a->start_date && parse_date(*u.due_date) && parse_date(*a->start_date) && *parse_date(*u.due_date) < *parse_date(*a->start_date))
    errs.push_back({"due_date", "before_start", {"Tenggat harus setelah tanggal mulai.", "The due date must follow the start."}});
  if (u.progress_pct && (*u.progress_pct < 0 || *u.progress_pct > 100))
    errs.push_back({"progress_pct", "out_of_range", {"Kemajuan antara 0 dan 100.", "Progress is between 0 and 100."}});
  // Who owes it and by when: the organiser's decision, with a reason.
  const std::string due = u.due_date.value_or(a->due_date);
  const std::string person = u.owner_person ? trim(*u.owner_person) : a->owner_person;
  const std::optional<int64_t> unit = u.owner_org_unit_id ? u.owner_org_unit_id : a->owner_org_unit_id;
  const bool reassigned = due != a->due_date || person != a->owner_person || unit != a->owner_org_unit_id;
  std::string organiser = a->meeting_id ? c.query_str("SELECT region_code FROM meetings WHERE id = ?", {*a->meeting_id}).value_or(a->region_code)
                                        : a->region_code;
  std::string region = a->region_code, unit_name = a->owner_org_unit_name;
  if (reassigned) {
    if (!s.covers(organiser))
      return Error::forbidden("Penanggung jawab dan tenggat diubah oleh penyelenggara rapat.",
                              "The owner and the due date are changed by the meeting's organiser.");
    if (a->status == "DONE" || a->status == "CANCELLED")
      return Error::conflict("action_item.finished", "Rencana aksi yang selesai atau dibatalkan tidak dapat dialihkan.",
                             "A finished or cancelled action item cannot be reassigned.");
    if (trim(u.reason).empty())
      errs.push_back({"reason", "required", {"Sebutkan alasan perubahan.", "Give the reason for the change."}});
    if (unit != a->owner_org_unit_id) {
      std::optional<std::string> r, n;
      c.query("SELECT region_code, name FROM org_units WHERE id = ?", {*unit}, [&](const db::Row& row) {
        r = row.str(0);
        n = row.str(1);
      });
      if (!r) errs.push_back({"owner_org_unit_id", "not_found", {"Unit kerja tidak ditemukan.", "Org unit not found."}});
      else if (!region_within(*r, organiser))
        errs.push_back({"owner_org_unit_id", "out_of_scope", {"Unit kerja di luar wilayah penyelenggara.", "The org unit is outside the organiser's area."}});
      else {
        region = *r;
        unit_name = *n;
      }
    }
  }
  if (!errs.empty()) return Error::invalid(errs);
  std::string status = u.status.value_or(a->status);
  int progress = u.progress_pct.value_or(status == "DONE" ? 100 : a->progress_pct);
  c.exec("UPDATE action_items SET status = ?, progress_pct = ?, due_date = ?, owner_person = ?, owner_org_unit_id = ?, region_code = ?, "
         "output = ?, indicator = ?, overdue_notified_on = CASE WHEN due_date = ? THEN overdue_notified_on ELSE NULL END, "
         "updated_at = ?, version = version + 1 WHERE id = ?",
         {status, int64_t{progress}, due, person, unit ? db::Value(*unit) : db::Value(), region, u.output.value_or(a->output),
          u.indicator.value_or(a->indicator), due, now_iso(), id});
  if (region != a->region_code) c.exec("UPDATE meeting_links SET region_code = ? WHERE owner = 'action_item' AND owner_id = ?", {region, id});
  // What the Berita Acara prints (the plan: due date, owner) changed: signatures are void.
  if (a->meeting_id && (reassigned || u.output || u.indicator))
    if (auto m = load_meeting(c, *a->meeting_id); m && m->status != MeetingStatus::Closed) berita_acara_changed(c, s, *m);
  if (reassigned)
    audit_row(c, s, "reassign", "action_item", id, region, 0,
              action_item_owner_json(a->owner_org_unit_id, a->owner_org_unit_name, a->owner_person, a->due_date, ""),
              action_item_owner_json(unit, unit_name, person, due, trim(u.reason)));
  if (!reassigned || status != a->status || progress != a->progress_pct || u.output || u.indicator)
    audit_row(c, s, "update", "action_item", id, region, 0, action_item_state_json(a->status, a->progress_pct, a->due_date),
              action_item_state_json(status, progress, due));
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
  audit_row(c, s, "create", "action_follow_up", id, a->region_code, 0, std::nullopt, follow_up_created_json(item_id, f, files));
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
  audit_row(c, s, "verify", "action_follow_up", follow_up_id, a->region_code, 0, std::nullopt, follow_up_verified_json(follow_up_id, accept));
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
  page.today = today;
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
