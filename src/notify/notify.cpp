#include "notify/notify.h"

#include "auth/roles.h"
#include "core/time.h"

namespace pantau::notify {

void office(db::Conn& c, const std::string& recipient_region, std::string_view permission, const std::string& title_id,
            const std::string& title_en, const std::string& link, const std::string& entity, int64_t id, int classification) {
  c.exec("INSERT INTO notifications (recipient_region, permission, title_id, title_en, link, entity, entity_id, "
         "classification, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {recipient_region, std::string(permission), title_id, title_en, link, entity, std::to_string(id),
          int64_t{classification}, now_iso()});
}

void offices(db::Conn& c, const std::vector<std::string>& recipient_regions, std::string_view permission,
             const std::string& title_id, const std::string& title_en, const std::string& link, const std::string& entity,
             int64_t id, int classification) {
  if (recipient_regions.empty()) return;
  static constexpr size_t kColumns = 9;
  std::string sql =
      "INSERT INTO notifications (recipient_region, permission, title_id, title_en, link, entity, entity_id, "
      "classification, created_at) VALUES ";
  db::Params p;
  p.reserve(recipient_regions.size() * kColumns);
  std::string perm(permission), entity_id = std::to_string(id), at = now_iso();
  for (size_t i = 0; i < recipient_regions.size(); ++i) {
    sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    p.insert(p.end(), {recipient_regions[i], perm, title_id, title_en, link, entity, entity_id, int64_t{classification}, at});
  }
  c.exec(sql, p);
}

Inbox inbox(db::Conn& c, const auth::Scope& s) {
  Inbox box;
  std::vector<std::string> perms;
  for (auto* p : {&auth::kRecordReview, &auth::kRecordWrite})
    if (s.can(*p)) perms.emplace_back(*p);
  perms.resize(2, "-");
  c.query("SELECT n.id, n.title_id, n.title_en, n.link, n.entity, n.entity_id, n.created_at, r.read_at "
          "FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = ? "
          "WHERE n.recipient_region = ? AND n.permission IN (?, ?) AND n.classification <= ? ORDER BY n.id DESC LIMIT 100",
          {s.user_id, s.region_code, perms[0], perms[1], int64_t{s.clearance}}, [&](const db::Row& r) {
            Notification n{r.i64(0), {r.str(1), r.str(2)}, r.str(3), r.str(4), r.str(5), r.str(6), !r.is_null(7)};
            if (!n.read) ++box.unread;
            box.items.push_back(std::move(n));
          });
  return box;
}

Status mark_read(db::Conn& c, const auth::Scope& s, int64_t id) {
  if (!c.query_i64("SELECT 1 FROM notifications WHERE id = ? AND recipient_region = ? AND classification <= ?",
                   {id, s.region_code, int64_t{s.clearance}}))
    return Error::not_found();
  if (!c.query_i64("SELECT 1 FROM notification_reads WHERE notification_id = ? AND user_id = ?", {id, s.user_id}))
    c.exec("INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES (?, ?, ?)", {id, s.user_id, now_iso()});
  return {};
}

Status mark_all_read(db::Conn& c, const auth::Scope& s) {
  c.exec("INSERT INTO notification_reads (notification_id, user_id, read_at) "
         "SELECT n.id, ?, ? FROM notifications n WHERE n.recipient_region = ? AND n.classification <= ? "
         "AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = ?)",
         {s.user_id, now_iso(), s.region_code, int64_t{s.clearance}, s.user_id});
  return {};
}

void done(db::Conn& c, std::string_view entity, int64_t id, std::string_view permission) {
  const std::string sel = "SELECT id FROM notifications WHERE entity = ? AND entity_id = ? AND permission = ?";
  db::Params p{std::string(entity), std::to_string(id), std::string(permission)};
  c.exec("DELETE FROM notification_reads WHERE notification_id IN (" + sel + ")", p);
  c.exec("DELETE FROM notifications WHERE id IN (" + sel + ")", p);
}

}  // namespace pantau::notify
