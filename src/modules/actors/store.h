// SQL of the actor registry beyond the public header: suggestions, the actor page, and the
// officer's decisions (link, keep apart, merge, unmerge). Every function takes the caller's Scope.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "modules/actors/public.h"

namespace pantau::actors {

// One suggestion while typing: the identifier is masked for a viewer without clearance.
struct Suggestion {
  int64_t id = 0;
  std::string kind, name, identifier, identifier_kind, region_code;  // identifier_kind: NIK, PASPOR or ""
};
// Up to `limit` actors whose name has a word starting with the typed text (or, for a cleared
// viewer, whose NIK / passport starts with it), in the viewer's region subtree.
std::vector<Suggestion> suggest(db::Conn& c, const auth::Scope& s, std::string_view q, int limit);

// A role of the actor (a row of actor_links) the viewer may see.
struct Role {
  int64_t id = 0, actor_id = 0;
  std::string module, entity, entity_id, role, label, region_code, region_name, linked_at;
};
// An actor merged into this one.
struct MergedActor {
  int64_t id = 0;
  std::string name, region_code;
};
// A record elsewhere whose name matches (another actor, a party officer), for the officer to
// link, merge or keep apart. kind: ACTOR (actor_id set) or PARTY_BOARD (position, party, status).
struct Candidate {
  std::string candidate, kind, name, region_code, label;
  std::optional<int64_t> actor_id;
  std::string position, party, status;
};
// The actor page.
struct ActorPage {
  int64_t id = 0;
  std::string kind, name, region_code;
  std::optional<int64_t> merged_into;
  int64_t version = 1;
  bool identifiers_masked = true;
  std::string nik, passport_no, nationality, registry_no;  // masked without clearance
  std::optional<NikInfo> nik_info;                          // only for a cleared viewer
  std::vector<Role> roles;
  std::vector<MergedActor> merged;
  std::vector<Candidate> candidates;
};
// The actor page: identity (identifiers masked without clearance), every role the viewer may see
// (links of the actor and of actors merged into it), actors merged into it, and candidate
// records of other modules whose names match (not yet linked, not kept apart). nullopt when
// absent or when the viewer may see none of it.
std::optional<ActorPage> actor_page(db::Conn& c, const auth::Scope& s, int64_t id);

// Links a party board position ("<board id>:<KETUA|SEKRETARIS|BENDAHARA>") to the actor.
Status link_party_officer(db::Conn& c, const auth::Scope& s, int64_t actor_id, const std::string& candidate);
// Records that `candidate` ("actor:<id>" or "party_board:<id>:<position>") is not this actor.
Status keep_apart(db::Conn& c, const auth::Scope& s, int64_t actor_id, const std::string& candidate);
// Merges `other` into `survivor` (both visible to the caller; neither already merged) and back.
Status merge(db::Conn& c, const auth::Scope& s, int64_t survivor, int64_t other);
Status unmerge(db::Conn& c, const auth::Scope& s, int64_t merged);

// ---- json.cpp: the records as JSON (answers and audit snapshots) ----

std::string to_json(const ActorPage& a);
std::string to_json(const Suggestion& s);
// The answer of the NIK check of a form: valid with what the NIK says, or the reason.
std::string nik_check_json(const Result<NikInfo>& info);
// Audit snapshots.
std::string to_json(const Link& l);  // module, entity, entity_id, role
std::string created_snapshot(const std::string& kind, const std::string& name);
std::string kept_apart_snapshot(const std::string& candidate);
std::string merged_snapshot(int64_t merged_into, const std::string& name);
std::string unmerged_snapshot(int64_t was_merged_into);

}  // namespace pantau::actors
