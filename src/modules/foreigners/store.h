// SQL of foreigner monitoring; every function takes the caller's Scope. A presence is visible to
// a viewer whose area holds any of its regions. Passport numbers are shown only to viewers
// cleared for the record's `id_classification` (TERBATAS by default), masked otherwise, and are
// searchable only by them. Writes append audit rows and keep the actor links (actors/public.h).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "auth/scope.h"
#include "db/database.h"
#include "db/page.h"
#include "documents/register.h"
#include "modules/foreigners/rules.h"

namespace pantau::foreigners {

struct PersonInput {
  std::string full_name, sex, birth_date, nationality, passport_no, passport_expiry, permit_type, permit_no, permit_valid_from,
      permit_valid_to, sponsor_name, sponsor_type, sponsor_address, occupation, region_code;
  int classification = 0, id_classification = 1;
};
std::vector<FieldError> validate(const PersonInput& in);
Result<int64_t> create_person(db::Conn& c, const auth::Scope& s, const PersonInput& in);
// An edit of a person: `values` holds the fields named in `fields` (the others are ignored).
// The fields are laid over the stored record, which is then validated as on create (422 naming
// each field); If-Match `version` (412 when stale). Without clearance for the record's
// id_classification the caller can neither read nor overwrite the passport: a patch naming
// passport_no or id_classification is 403. A region outside the caller's area is 403 as on
// create. A changed name, passport or nationality moves the FOREIGN_NATIONAL role to the actor of
// the (new) passport. The audit row holds the changed fields before and after.
struct PersonPatch {
  PersonInput values;
  std::vector<std::string> fields;
};
Status update_person(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const PersonPatch& in);
// Keyset-paged, newest first. `q`: the start of a name, or (cleared viewers only) a passport number.
struct PersonFilter {
  std::string q, nationality;
  db::Paging page;
};
struct PersonSummary {
  int64_t id = 0, actor_id = 0, version = 0;
  std::string full_name, nationality, passport_no, permit_type, permit_state, sponsor_name, region_code, region_name;
  bool passport_masked = true;  // passport_no is masked unless the viewer is cleared for it
  std::optional<std::string> permit_valid_to;
};
db::Page<PersonSummary> list_persons(db::Conn& c, const auth::Scope& s, const PersonFilter& f, Date today);
// A person with the presences the caller may see.
struct PersonPresence {
  int64_t id = 0;
  std::string category, status, start_date, end_date, region_code;
};
struct Person {
  int64_t id = 0, actor_id = 0, version = 0;
  std::string full_name, sex, nationality, passport_no, permit_type, permit_no, permit_state, sponsor_name, sponsor_type,
      sponsor_address, occupation, region_code, region_name, classification;
  bool passport_masked = true;
  std::optional<std::string> birth_date, passport_expiry, permit_valid_from, permit_valid_to;
  std::optional<std::string> id_classification;  // the passport's level; only for a user cleared for it
  std::vector<PersonPresence> presences;
};
std::optional<Person> get_person(db::Conn& c, const auth::Scope& s, int64_t id, Date today);

struct OrgInput {
  std::string name, country, legal_form, mofa_rec_no, mofa_rec_date, partner_agency, mou_no, mou_date, mou_valid_to, sectors,
      funding_source, local_office, region_code;
  int classification = 0;
};
std::vector<FieldError> validate(const OrgInput& in);
Result<int64_t> create_org(db::Conn& c, const auth::Scope& s, const OrgInput& in);
// An edit of a foreign organisation, as update_person (a changed name moves the role to the
// actor of that name).
struct OrgPatch {
  OrgInput values;
  std::vector<std::string> fields;
};
Status update_org(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const OrgPatch& in);
struct Org {
  int64_t id = 0, actor_id = 0, version = 0;
  std::string name, country, legal_form, mofa_rec_no, partner_agency, mou_no, sectors, funding_source, local_office, region_code,
      region_name, classification;
  std::optional<std::string> mofa_rec_date, mou_date, mou_valid_to;
};
// The organisations in the caller's area whose name holds `q`, by name (at most 500).
std::vector<Org> list_orgs(db::Conn& c, const auth::Scope& s, const std::string& q);
// One organisation with the presences the caller may see.
struct OrgDetail : Org {
  std::vector<PersonPresence> presences;
};
std::optional<OrgDetail> get_org(db::Conn& c, const auth::Scope& s, int64_t id);

struct PresenceInput {
  std::optional<int64_t> person_id, org_id;
  std::string category, purpose, activity, start_date, end_date, local_partner, source, sector_permits_json = "[]";
  std::vector<std::string> regions;  // the first is the main one
  int classification = 0;
};
Result<int64_t> create_presence(db::Conn& c, const auth::Scope& s, const PresenceInput& in);
struct PresenceFilter {
  std::string region, status, category;
  db::Paging page;
};
struct PresenceSummary {
  int64_t id = 0, version = 0;
  std::optional<int64_t> person_id, org_id, actor_id;
  std::string subject_name, nationality, category, purpose, activity, region_code, region_name, start_date, end_date, local_partner,
      source, status, follow_up;
  std::string sector_permits_json = "[]";  // stored as JSON: [{"agency", "number", "date"}]
  std::optional<std::string> decision;
};
// Keyset-paged, newest first.
db::Page<PresenceSummary> list_presences(db::Conn& c, const auth::Scope& s, const PresenceFilter& f);
// A presence with its regions, the person's stay permit, decisions, field checks and referrals.
struct Presence : PresenceSummary {
  struct Region {
    std::string region_code, region_name;
  };
  struct Permit {
    std::string type, number, state, passport_no, sponsor_name;
    std::optional<std::string> valid_to;
    bool passport_masked = true;
  };
  struct Decision {
    int64_t id = 0;
    std::string decision, reason, follow_up, decided_at;
  };
  struct FieldCheck {
    int64_t id = 0;
    std::string check_date, team, findings;
    bool compliant = true;
    std::string photos_json = "[]";  // stored as JSON: a list of file hashes
    struct Photo {
      int64_t id = 0, size = 0;
      std::string sha256, name, mime;
    };
    std::vector<Photo> photo_files;  // the evidence files of those hashes uploaded for this presence that the caller may open
  };
  struct Referral {
    int64_t id = 0;
    std::string agency, letter_no, referred_on, note;
  };
  std::vector<Region> regions;
  std::optional<Permit> permit;  // a person's presence only
  std::vector<Decision> decisions;
  std::vector<FieldCheck> field_checks;
  std::vector<Referral> referrals;
  std::vector<std::string> allowed_actions;  // what the caller may do now (record.review and the state machine)
};
std::optional<Presence> get_presence(db::Conn& c, const auth::Scope& s, int64_t id, Date today);

struct ActionInput {
  std::string action, decision, follow_up = "NONE", reason, agency, letter_no, referred_on;
};
// Moves the presence; "decide" records a decision, "refer" a referral letter.
Status presence_action(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ActionInput& in);
struct FieldCheckInput {
  std::string check_date, team, findings, photos_json = "[]";
  bool compliant = true;
};
Result<int64_t> add_field_check(db::Conn& c, const auth::Scope& s, int64_t presence_id, const FieldCheckInput& in);

// Stay permits of people with an active presence ending within the reminder days, or ended.
struct PermitReminder {
  int64_t presence_id = 0, person_id = 0, days_left = 0;
  std::string full_name, nationality, permit_type, permit_no, permit_valid_to, state, region_code, presence_end_date;
};
struct Reminders {
  std::vector<PermitReminder> permits;
};
Reminders reminders(db::Conn& c, const auth::Scope& s, Date today);
// Counts by category, nationality, permit type, location (kab/kota) and sponsor of the presences
// that overlap [from, to], as a record and as a workbook with one sheet per dimension.
struct Recap {
  std::string from, to;
  std::map<std::string, std::map<std::string, int64_t>> counts;  // dimension -> key -> presences
};
Recap recap(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to);
Result<std::string> recap_xlsx(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to);
// The dimensions of the recap with their Indonesian labels, in the order they are shown.
inline constexpr std::pair<const char*, const char*> kRecapDimensions[] = {
    {"category", "Kategori"}, {"nationality", "Kewarganegaraan"}, {"permit_type", "Jenis izin"}, {"location", "Lokasi"}, {"sponsor", "Penjamin"}};
// Presences by region at `level` (1 province, 2 kab/kota, 3 kecamatan, 4 desa), for the map: the
// number of distinct decided, active or violating presences with a location in the region (in
// the caller's area), so a presence in two kecamatan of one kab/kota counts once for it.
struct MapArea {
  std::string region_code, region_name;
  int64_t presences = 0;
};
std::vector<MapArea> map_areas(db::Conn& c, const auth::Scope& s, int level);

// The SQL condition "the caller may see presence <alias>" (any of its regions lies in the
// caller's area, classification within clearance), its parameters appended to `p`.
std::string presence_visible(const auth::Scope& s, const std::string& alias, db::Params& p);
// A passport number as the caller may read it (masked without the clearance of its record).
std::string passport_for(const auth::Scope& s, int id_classification, std::string_view passport);

// The quarterly PDF report (quarterly.cpp): GET /api/v1/foreigners/reports/quarterly.pdf.
struct QuarterlyRef {
  int year = 0, quarter = 0;
  std::string region_code, region_name, from, to;
  bool passports_masked = true;
};
// Checks the year (2000-2100), quarter (1-4) and region (the caller's area when empty; outside
// it: 404) and works out the period.
Result<QuarterlyRef> quarterly_ref(db::Conn& c, const auth::Scope& s, int year, int quarter, const std::string& region);
// Recap by category, nationality, permit type, location and sponsor; presences started and
// ended; decisions, field checks and referrals; the people present (passports masked without
// clearance); letterhead, signature and the register's stamp.
Result<std::string> quarterly_pdf(db::Conn& c, const auth::Scope& s, const QuarterlyRef& q, const documents::Stamp& stamp);

// ---- JSON (json.cpp) ----
// One changed field of an edit, for the audit row: {"field": before, ...} or {"field": after, ...}.
struct Change {
  std::string field;
  audit::SnapshotValue before, after;
};
std::string changes_json(const std::vector<Change>& changes, bool after);
std::string to_json(const PersonSummary& p);
std::string to_json(const Person& p);
std::string to_json(const Org& o);
std::string to_json(const OrgDetail& o);
std::string to_json(const PresenceSummary& p);
std::string to_json(const Presence& p);
std::string to_json(const Reminders& r);
std::string to_json(const Recap& r);
std::string to_json(const MapArea& a);

}  // namespace pantau::foreigners
