#include "notify/notify.h"

#include "core/time.h"

namespace pantau::notify {

void office(db::Conn& c, const std::string& recipient_region, std::string_view permission, const std::string& title_id,
            const std::string& title_en, const std::string& link, const std::string& entity, int64_t id, int classification) {
  c.exec("INSERT INTO notifications (recipient_region, permission, title_id, title_en, link, entity, entity_id, "
         "classification, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {recipient_region, std::string(permission), title_id, title_en, link, entity, std::to_string(id),
          int64_t{classification}, now_iso()});
}

void done(db::Conn& c, std::string_view entity, int64_t id, std::string_view permission) {
  const std::string sel = "SELECT id FROM notifications WHERE entity = ? AND entity_id = ? AND permission = ?";
  db::Params p{std::string(entity), std::to_string(id), std::string(permission)};
  c.exec("DELETE FROM notification_reads WHERE notification_id IN (" + sel + ")", p);
  c.exec("DELETE FROM notifications WHERE id IN (" + sel + ")", p);
}

}  // namespace pantau::notify
