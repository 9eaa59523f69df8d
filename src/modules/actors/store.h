// SQL of the actor registry beyond the public header: suggestions, the actor page, and the
// officer's decisions (link, keep apart, merge, unmerge). Every function takes the caller's Scope.
#pragma once
#include <optional>
#include <string>

#include "modules/actors/public.h"

namespace pantau::actors {

// Up to `limit` actors whose name has a word starting with the typed text (or, for a cleared
// viewer, whose NIK / passport starts with it), in the viewer's region subtree.
std::string suggest_json(db::Conn& c, const auth::Scope& s, std::string_view q, int limit);

// The actor page: identity (identifiers masked without clearance), every role the viewer may see
// (links of the actor and of actors merged into it), actors merged into it, and candidate
// records of other modules whose names match (not yet linked, not kept apart). nullopt when
// absent or when the viewer may see none of it.
std::optional<std::string> actor_json(db::Conn& c, const auth::Scope& s, int64_t id);

// Links a party board position ("<board id>:<KETUA|SEKRETARIS|BENDAHARA>") to the actor.
Status link_party_officer(db::Conn& c, const auth::Scope& s, int64_t actor_id, const std::string& candidate);
// Records that `candidate` ("actor:<id>" or "party_board:<id>:<position>") is not this actor.
Status keep_apart(db::Conn& c, const auth::Scope& s, int64_t actor_id, const std::string& candidate);
// Merges `other` into `survivor` (both visible to the caller; neither already merged) and back.
Status merge(db::Conn& c, const auth::Scope& s, int64_t survivor, int64_t other);
Status unmerge(db::Conn& c, const auth::Scope& s, int64_t merged);

}  // namespace pantau::actors
