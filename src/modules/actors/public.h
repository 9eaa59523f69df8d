// One actor across Pantau (DOMAIN.md §4, §5): a person known by NIK or passport, or an
// organisation known by its registry number or normalised name, with every role it has in the
// modules (ormas board member, party board officer, foreigner, meeting participant, incident
// actor). Other modules include only this header.
//
// Roles are rows of `actor_links` written by the module that owns the record (module, entity,
// entity id, role, region, classification, label). The actor page reads those rows filtered by
// the viewer's region subtree and clearance, so a role outside either is not shown at all.
//
// Merging actor B into A is reversible: B keeps its links and only points at A
// (actors.merged_into); unmerging clears the pointer. Every link, keep-apart, merge and
// unmerge appends an audit row.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/scope.h"
#include "core/error.h"
#include "core/time.h"
#include "db/database.h"

namespace pantau::actors {

// ---- pure rules (rules.cpp; tests/fixtures/actors_nik.tsv, actors_names.tsv) ----

// A checked NIK (Nomor Induk Kependudukan): 16 digits = province(2) kab/kota(2) kecamatan(2)
// birth date DDMMYY (women: DD + 40) and a 4-digit serial that is not 0000.
struct NikInfo {
  std::string region_code;  // "63.71.02"
  Date birth_date;
  char sex = 'L';           // 'L' laki-laki, 'P' perempuan
};
// `today` decides the century of YY (a birth date cannot lie in the future).
Result<NikInfo> check_nik(std::string_view nik, Date today);

// The comparison key of an Indonesian personal or organisation name: lower case, diacritics
// removed, honorifics and titles dropped ("H.", "Hj.", "Drs.", "Dr.", "KH", degrees after a
// comma), common spelling variants unified ("Moh."/"Muhd"/"Mochammad" -> muhammad,
// "Achmad" -> ahmad, old spelling oe/dj/tj), and spaces removed, so "Nur Hasanah" and
// "Nurhasanah" are one key. Word order stays significant.
std::string name_key(std::string_view name);
// The words of name_key() before joining (for prefix suggestions on any word).
std::vector<std::string> name_words(std::string_view name);
// Both at once (the key is the words joined), for callers that need the two: an import
// normalises every name once, before its write transaction's statements.
struct NameParts {
  std::vector<std::string> words;
  std::string key;
};
NameParts name_parts(std::string_view name);
bool names_match(std::string_view a, std::string_view b);

// An identifier shown to a viewer without clearance: the first two and last two characters,
// the rest as '*'. Short values are masked completely.
std::string mask_identifier(std::string_view id);

// Passport numbers: 5..12 letters and digits (upper-cased by the caller).
bool valid_passport(std::string_view p);

// The office's own day (WIB/WITA/WIT by region, core/service_clock.h local_date) at a UTC
// instant: the "today" of every registry deadline and reminder, so that after 16:00 UTC a
// Banjarmasin office (WITA) already counts tomorrow. `region_code` "" is the ministry (WIB).
Date office_day(std::string_view region_code, std::string_view utc_iso);

// ---- store (store.cpp) ----

inline constexpr int kIdentifierClearance = 1;  // NIK and passport numbers: TERBATAS

struct PersonRef {
  std::string name;
  std::string nik;          // either NIK ...
  std::string passport_no;  // ... or passport (+ nationality) identifies the person
  std::string nationality;
  std::string region_code;  // where the record that introduces the person lives
};
// The actor with this NIK (or passport), created when absent; a person without either gets a
// new actor. Follows merges to the surviving actor. Writes an audit row when it creates one,
// unless `audit` is false (an import, which records one audit row for its whole file).
int64_t find_or_create_person(db::Conn& c, const auth::Scope& s, const PersonRef& p, bool audit = true);
// An organisation by registry number (SKT / AHU / foreign registry) or, without one, by name key.
int64_t find_or_create_organisation(db::Conn& c, const auth::Scope& s, const std::string& name,
                                    const std::string& registry_no, const std::string& region_code, bool audit = true);

struct Link {
  std::string module;     // ormas | party_aid | foreigners | meetings | conflict | services
  std::string entity;     // ormas_board_member | party_board | foreign_person | ...
  std::string entity_id;  // "12" or "12:KETUA" for a position on a record
  std::string role;       // KETUA, SEKRETARIS, FOREIGN_NATIONAL, ...
  std::string label;      // what the page shows: "Ketua, Gerakan Pemuda Banua (2024-2029)"
  std::string region_code;
  int classification = 0;
};
// Adds (or refreshes) the role; a link that an officer kept apart from this actor is refused.
// `fresh`: the record was created in this transaction, so it has no link and no decision yet
// (saves two lookups per record in an import).
Status link(db::Conn& c, const auth::Scope& s, int64_t actor_id, const Link& l, bool audit = true, bool fresh = false);
// Removes the roles of one record (the record was deleted or its member replaced).
void unlink(db::Conn& c, const std::string& entity, const std::string& entity_id);

// A role from a record of another module, linked where that record is created (meeting
// participant, conflict incident actor, research-permit applicant): the actor is found by NIK,
// else by passport, else by name key (the one unmerged actor of that kind with the key; with
// none or several, a new actor is created, which an officer can merge later). The link carries
// the record's region and classification, so the actor page shows it only within the viewer's
// scope and clearance; it is audited. A link an officer kept apart is skipped, never an error
// for the caller's write.
// The person of an application form: an identity number is a NIK (16 digits) for a citizen and
// a passport for a foreigner; anything else identifies nobody (the name decides).
PersonRef person_of(const std::string& name, const std::string& id_no, bool foreign, const std::string& region_code);
void link_record(db::Conn& c, const auth::Scope& s, const PersonRef& who, bool organisation, const Link& l);
// The actors of a conflict incident (its `actors` JSON array of {type, name}): each a group or
// organisation known by its name, role INCIDENT_ACTOR.
void link_incident_actors(db::Conn& c, const auth::Scope& s, int64_t incident_id, std::string_view actors_json,
                          const std::string& region_code, int classification);

// ---- bulk (an import of many records in one transaction; store.cpp) ----
// The actors and roles of many new records, written in multi-row statements: existing people
// (NIK) and organisations (registry number, or name key) are looked up in batches by prefetch(),
// new actors get their ids at once (so the records can refer to them before anything is
// written); write(take()) stores the new actors and their roles, take_words() their words. No
// audit rows: the import writes one for its whole file. Records that refer to an actor must be
// written after the actors (foreign keys).
class Bulk {
 public:
  Bulk(db::Conn& c, const auth::Scope& s);
  ~Bulk();
  Bulk(const Bulk&) = delete;
  Bulk& operator=(const Bulk&) = delete;
  void prefetch_people(const std::vector<std::string>& niks);
  // (name, registry number) pairs.
  void prefetch_organisations(const std::vector<std::pair<std::string, std::string>>& orgs);
  // `name`, when given, is name_parts(p.name) (or of the organisation's name) computed by the
  // caller, so that a name is normalised once.
  int64_t person(const PersonRef& p, const NameParts* name = nullptr);
  int64_t organisation(const std::string& name, const std::string& registry_no, const std::string& region_code,
                       const NameParts* parts = nullptr);
  // A role on a record created in this transaction (it has no link and no decision yet).
  void link(int64_t actor_id, const Link& l);
  // Ids for `n` new actors taken now. After the prefetches and reserve(), person(),
  // organisation(), link(), name_of() and take() need no database for the keys prefetched (so
  // they may run on another thread than the connection's, one thread at a time); a key not
  // prefetched (a passport, a NIK not given to prefetch_people) is looked up when met.
  void reserve(size_t n);
  // The pending rows of the new actors and their roles: take() hands them over (the Bulk starts
  // a new batch), write() stores them (actors before the records that refer to them).
  struct Rows {
    db::Params actors, links;
  };
  Rows take();
  static void write(db::Conn& c, Rows&& rows);
  // The search words (actor_words) of every actor created since the last take_words(), sorted
  // in the table's key order (word, actor_id): written in that order they append to each word's
  // range of the B-tree instead of splitting pages all over it. The words are views of the
  // actors' NameParts (the caller's, see name_of(), or the Bulk's own), so a Words must not
  // outlive its Bulk. The sort happens here, so that a caller can do it on another thread than
  // the one that writes the rows.
  class Words {
   public:
    // The rows (word, actor_id, region_code), `slice` at a time, after the actors they refer to
    // are written; `emit` returns false to stop, and then so does this.
    bool emit(const std::function<bool(db::Params&&)>& emit, size_t slice = 32000) const;

   private:
    friend class Bulk;
    struct Entry {
      uint32_t word, region;  // ranks of the word (in byte order) and index of the region
      int64_t actor;
    };
    std::vector<std::string_view> words_;  // by rank
    std::vector<std::string> regions_;
    std::vector<Entry> entries_;
  };
  Words take_words();
  static void write_words(db::Conn& c, db::Params&& rows);
  // The name of an actor person() or organisation() returned, as the actors table holds it: the
  // name it was created with in this import (the NameParts given then, which must outlive the
  // Bulk), or the stored name of an actor found in the database (read with the prefetch look-up,
  // the survivor of a merge included; once here for an actor found by passport). Lets the
  // caller index the names without reading them back.
  const NameParts& name_of(int64_t actor_id);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pantau::actors
