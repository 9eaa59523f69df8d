// SQL of foreigner monitoring; every function takes the caller's Scope. A presence is visible to
// a viewer whose area holds any of its regions. Passport numbers are shown only to viewers
// cleared for the record's `id_classification` (TERBATAS by default), masked otherwise, and are
// searchable only by them. Writes append audit rows and keep the actor links (actors/public.h).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"
#include "modules/foreigners/rules.h"

namespace pantau::foreigners {

struct PersonInput {
  std::string full_name, sex, birth_date, nationality, passport_no, passport_expiry, permit_type, permit_no, permit_valid_from,
      permit_valid_to, sponsor_name, sponsor_type, sponsor_address, occupation, region_code;
  int classification = 0, id_classification = 1;
};
std::vector<FieldError> validate(const PersonInput& in);
Result<int64_t> create_person(db::Conn& c, const auth::Scope& s, const PersonInput& in);
std::string persons_json(db::Conn& c, const auth::Scope& s, const std::string& q, const std::string& nationality,
                         std::optional<int64_t> after, int limit, Date today);
std::optional<std::string> person_json(db::Conn& c, const auth::Scope& s, int64_t id, Date today);

struct OrgInput {
  std::string name, country, legal_form, mofa_rec_no, mofa_rec_date, partner_agency, mou_no, mou_date, mou_valid_to, sectors,
      funding_source, local_office, region_code;
  int classification = 0;
};
std::vector<FieldError> validate(const OrgInput& in);
Result<int64_t> create_org(db::Conn& c, const auth::Scope& s, const OrgInput& in);
std::string orgs_json(db::Conn& c, const auth::Scope& s, const std::string& q);

struct PresenceInput {
  std::optional<int64_t> person_id, org_id;
  std::string category, purpose, activity, start_date, end_date, local_partner, source, sector_permits_json = "[]";
  std::vector<std::string> regions;  // the first is the main one
  int classification = 0;
};
Result<int64_t> create_presence(db::Conn& c, const auth::Scope& s, const PresenceInput& in);
struct PresenceFilter {
  std::string region, status, category;
};
std::string presences_json(db::Conn& c, const auth::Scope& s, const PresenceFilter& f, std::optional<int64_t> after, int limit);
std::optional<std::string> presence_json(db::Conn& c, const auth::Scope& s, int64_t id, Date today, int64_t* version = nullptr);

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
std::string reminders_json(db::Conn& c, const auth::Scope& s, Date today);
// Counts by category, nationality, permit type, location (kab/kota) and sponsor of the presences
// that overlap [from, to], as JSON and as a workbook with one sheet per dimension.
std::string recap_json(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to);
Result<std::string> recap_xlsx(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to);
// Presences with their regions, for the map.
std::string map_json(db::Conn& c, const auth::Scope& s);

}  // namespace pantau::foreigners
