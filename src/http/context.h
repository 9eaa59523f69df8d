// What a handler gets: the request, the shared services, and the authenticated principal.
#pragma once
#include <optional>

#include "auth/sessions.h"
#include "core/config.h"
#include "db/database.h"
#include "http/request.h"

namespace pantau::files {
class EvidenceStore;
}

namespace pantau::http {

struct Services {
  Config cfg;
  db::Database* db = nullptr;
  auth::Sessions* sessions = nullptr;
  files::EvidenceStore* files = nullptr;
};

struct Ctx {
  Request& req;
  Services& svc;
  std::optional<auth::Principal> who;

  const auth::Scope& scope() const { return who->scope; }
  db::Database& db() { return *svc.db; }
};

}  // namespace pantau::http
