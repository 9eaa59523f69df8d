// In-app notifications, addressed to an office (region) and a permission within it
// (e.g. the reviewers of the province). Written inside the caller's write transaction.
#pragma once
#include <string>
#include <string_view>

#include "db/database.h"

namespace pantau::notify {

void office(db::Conn& c, const std::string& recipient_region, std::string_view permission, const std::string& title_id,
            const std::string& title_en, const std::string& link, const std::string& entity, int64_t id, int classification);

// The task a notification asked for is done (the report was reviewed, the returned report was sent
// again): the notifications about that record for that permission are removed, read or not.
void done(db::Conn& c, std::string_view entity, int64_t id, std::string_view permission);

}  // namespace pantau::notify
