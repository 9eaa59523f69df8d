// Write-safety helpers every module uses:
// - If-Match versions: an update names the version it read; a stale one gets 412, a missing
//   one 428, so no update is ever lost silently.
// - Idempotency-Key on POST: the first response is stored with the change in one transaction;
//   a retried submission gets the same response and creates nothing new.
#pragma once
#include <functional>

#include "http/context.h"

namespace pantau::http {

// The version named by If-Match ("3" or W/"3").
Result<int64_t> required_version(const Request& req);
// The ETag header value for a version.
std::string etag(int64_t version);

// Runs `op` in a write transaction. With an Idempotency-Key header, the response of the first
// successful run is stored in the same transaction and replayed for later requests with the
// same key (a different body with the same key is refused).
Response idempotent_write(Ctx& ctx, const std::function<Result<Response>(db::Conn&)>& op);

// Builds a JSON response and sets its ETag from a version.
Response with_version(Response r, int64_t version);

}  // namespace pantau::http
