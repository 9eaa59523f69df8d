// In-app notifications, addressed to an office (region) and a permission within it
// (e.g. the reviewers of the province). Written inside the caller's write transaction.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "auth/scope.h"
#include "core/error.h"
#include "db/database.h"

namespace pantau::notify {

void office(db::Conn& c, const std::string& recipient_region, std::string_view permission, const std::string& title_id,
            const std::string& title_en, const std::string& link, const std::string& entity, int64_t id, int classification);
// The same notification to several offices (e.g. every tier above the reporting office), in one
// multi-row statement.
void offices(db::Conn& c, const std::vector<std::string>& recipient_regions, std::string_view permission,
             const std::string& title_id, const std::string& title_en, const std::string& link, const std::string& entity,
             int64_t id, int classification);

struct Notification {
  int64_t id = 0;
  Message title;
  std::string link, entity, entity_id, created_at;
  bool read = false;
};
struct Inbox {
  std::vector<Notification> items;  // newest first, at most 100
  int64_t unread = 0;               // among those
};
// What the user's office was told, for the permissions the user holds (review, write) and
// within the user's clearance, with what this user has already read.
Inbox inbox(db::Conn& c, const auth::Scope& s);
// Marks one as read by this user (404 when it is not addressed to the user's office or is above
// the user's clearance); reading twice changes nothing.
Status mark_read(db::Conn& c, const auth::Scope& s, int64_t id);
// Marks every notification addressed to the user's office within the user's clearance as read.
Status mark_all_read(db::Conn& c, const auth::Scope& s);
// The task a notification asked for is done (the report was reviewed, the returned report was sent
// again): the notifications about that record for that permission are removed, read or not.
void done(db::Conn& c, std::string_view entity, int64_t id, std::string_view permission);

}  // namespace pantau::notify
