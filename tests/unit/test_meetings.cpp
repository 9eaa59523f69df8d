// Meetings: the status machine, overdue items and the check-in window by tables
// (tests/fixtures/meetings_*.tsv); drawn signatures; and the store on both databases: a rakor from
// planning to the signed Berita Acara (its text by pdftotext), self check-in, voided signatures,
// follow-ups verified by the organiser, the tracker and the overdue notifications.
#include <gtest/gtest.h>

#include "documents/register.h"
#include "fixtures.h"
#include "modules/meetings/documents.h"
#include "modules/meetings/public.h"
#include "modules/meetings/rules.h"
#include "modules/meetings/store.h"
#include "store_fixture.h"

using namespace pantau;
using namespace pantau::meetings;

TEST(MeetingRules, StatusMachineTable) {
  auto rows = load_cases("meetings_transitions.tsv");
  ASSERT_GE(rows.size(), 14u);
  for (const auto& r : rows) {
    TransitionFacts f{std::stoi(r[2]), r[3] == "yes", r[4] == "yes", r[5] == "yes"};
    auto got = transition(*parse_status(r[0]), *parse_action(r[1]), f);
    std::string out = got.ok() ? std::string(name(*got)) : got.error().code;
    EXPECT_EQ(out, r[6]) << r[0] << " " << r[1] << ": " << r[7];
    if (!got.ok()) EXPECT_EQ(got.error().kind, ErrorKind::Conflict);
  }
}

TEST(MeetingRules, OverdueTable) {
  for (const auto& r : load_cases("meetings_overdue.tsv"))
    EXPECT_EQ(effective_status(r[0], r[1], *parse_date(r[2])), r[3]) << r[4];
}

TEST(MeetingRules, CheckinWindowTable) {
  for (const auto& r : load_cases("meetings_checkin.tsv"))
    EXPECT_EQ(checkin_open(*parse_status(r[0]), *parse_iso(r[1]), *parse_iso(r[2]), *parse_iso(r[3])), r[4] == "yes") << r[5];
}

TEST(MeetingRules, WalkInsTable) {
  auto rows = load_cases("meetings_walkins.tsv");
  ASSERT_GE(rows.size(), 11u);
  for (const auto& r : rows) {
    if (r[0] == "ADD") {
      EXPECT_EQ(added_as_invited(*parse_status(r[1]), r[2] == "yes"), r[3] == "yes") << r[1] << " " << r[2] << ": " << r[4];
    } else {
      Participant p;
      p.invited = r[1] == "yes";
      p.present = r[2] == "yes";
      EXPECT_EQ(name(attendance_of(p)), r[3]) << r[4];
      EXPECT_EQ(walk_in(p), r[3] == "WALK_IN") << r[4];
    }
  }
}

TEST(MeetingRules, DrawnSignatures) {
  auto ok = parse_strokes("[[[10,10],[20,15.55],[30,12]],[[40,40],[41,41]]]", "signature");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->size(), 2u);
  EXPECT_EQ(strokes_json(*ok), "[[[10.0,10.0],[20.0,15.6],[30.0,12.0]],[[40.0,40.0],[41.0,41.0]]]");
  for (const char* bad : {"", "{}", "[]", "[[]]", "[[[1,1]]]", "[[[1,1],[400,1]]]", "[[[1,1],[2,-1]]]", "[[[1,\"a\"],[2,2]]]",
                          "[[[1,1],[2,2,3]]]"}) {
    auto r = parse_strokes(bad, "signature");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().fields.at(0).field, "signature");
  }
  std::string many = "[";
  for (int i = 0; i < 61; ++i) many += std::string(i ? "," : "") + "[[1,1],[2,2]]";
  EXPECT_FALSE(parse_strokes(many + "]", "s").ok());
}

TEST(MeetingRules, SignatureStatesAndFinality) {
  Participant a, b, absent;
  a.present = b.present = true;
  absent.present = false;
  EXPECT_EQ(signature_state(absent, 1), SignatureState::NotRequired);
  EXPECT_EQ(signature_state(a, 1), SignatureState::Pending);
  a.ba_signed_at = "2026-12-10T03:00:00.000Z";
  a.ba_signed_revision = 1;
  EXPECT_EQ(signature_state(a, 1), SignatureState::Signed);
  EXPECT_EQ(signature_state(a, 2), SignatureState::Voided);
  EXPECT_FALSE(berita_acara_final({a, b, absent}, 1));
  b.ba_signed_at = a.ba_signed_at;
  b.ba_signed_revision = 1;
  EXPECT_TRUE(berita_acara_final({a, b, absent}, 1));
  EXPECT_FALSE(berita_acara_final({a, b}, 2));  // a change voided both
  EXPECT_FALSE(berita_acara_final({absent}, 1));  // nobody to sign
}

namespace {

class MeetingStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    prov = user_in("63", "KABID", 1);
    city = user_in("63.71", "OPERATOR");
    other = user_in("63.72", "OPERATOR");
  }
  int64_t version_of(int64_t id) { return count("SELECT version FROM meetings WHERE id = ?", {id}); }
  Status act(int64_t id, MeetingAction a, TimePoint now = Clock::now()) {
    return db_->write([&](db::Conn& c) { return act_on_meeting(c, prov, id, version_of(id), a, now); });
  }
  std::string pdf_text(const std::string& pdf) {
    auto path = std::filesystem::path(testing::TempDir()) / ("ba-" + random_token(6) + ".pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    std::string out;
    FILE* p = popen(("pdftotext -layout '" + path.string() + "' - 2>/dev/null").c_str(), "r");
    char buf[4096];
    size_t n;
    while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    if (p) pclose(p);
    std::filesystem::remove(path);
    return out;
  }
  auth::Scope prov, city, other;
};

}  // namespace

TEST_P(MeetingStoreTest, RakorFromInvitationThroughSelfCheckInToTheSignedBeritaAcara) {
  auto now = Clock::now();
  MeetingInput in;
  in.type = "RAKOR";
  in.title = "Rapat Koordinasi Kesbangpol se-Kalimantan Selatan";
  in.series = "rakor-kesbangpol-63";
  in.start_at = format_iso(now - std::chrono::minutes(10));
  in.end_at = format_iso(now + std::chrono::hours(3));
  in.venue = "Aula Bakesbangpol, Banjarbaru";
  in.chair_name = "Siti Rahmah";
  in.chair_position = "Kepala Bidang Politik Dalam Negeri";
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return create_meeting(c, prov, in); });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  EXPECT_EQ(act(*id, MeetingAction::Invite).error().code, "meeting.no_participants");
  Participant kaban;
  kaban.name = "Pengguna";
  kaban.participant_type = "GOV";
  kaban.user_id = prov.user_id;  // signs in the app
  ASSERT_TRUE(db_->write_value<int64_t>([&](db::Conn& c) { return add_participant(c, prov, *id, kaban); }).ok());
  Participant guest;
  guest.name = "Hj. Aminah";
  guest.institution = "Ombudsman RI Perwakilan Kalimantan Selatan";
  guest.participant_type = "GOV";
  ASSERT_TRUE(db_->write_value<int64_t>([&](db::Conn& c) { return add_participant(c, prov, *id, guest); }).ok());
  ASSERT_TRUE(act(*id, MeetingAction::Invite).ok());
  std::optional<Meeting> m;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { m = get_meeting(c, prov, *id); }).ok());
  ASSERT_FALSE(m->checkin_token.empty());
  // Another kab/kota does not see the province's meeting.
  ASSERT_TRUE(db_->read([&](db::Conn& c) { EXPECT_FALSE(get_meeting(c, other, *id)); }).ok());

  // Self check-in: open now, refused after the end, unknown codes are "not found".
  Participant self;
  self.name = "hj. aminah";
  self.institution = "Ombudsman RI Perwakilan Kalimantan Selatan";
  self.participant_type = "GOV";
  self.attendance_signature = "[[[10,10],[50,40],[90,20]]]";
  auto late = db_->write_value<int64_t>(
      [&](db::Conn& c) { return self_checkin(c, m->checkin_token, self, "10.0.0.9", now + std::chrono::hours(4)); });
  EXPECT_EQ(late.error().code, "checkin.closed");
  auto unknown = db_->write_value<int64_t>([&](db::Conn& c) { return self_checkin(c, std::string(24, 'x'), self, "10.0.0.9", now); });
  EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
  auto in_time = db_->write_value<int64_t>([&](db::Conn& c) { return self_checkin(c, m->checkin_token, self, "10.0.0.9", now); });
  ASSERT_TRUE(in_time.ok()) << in_time.error().message.en;
  EXPECT_EQ(count("SELECT COUNT(*) FROM meeting_participants WHERE meeting_id = ?", {*id}), 2);  // matched the invited guest
  Participant walk_in = self;
  walk_in.name = "Ketua DPD Partai Uji";
  walk_in.participant_type = "PARTY";
  ASSERT_TRUE(db_->write_value<int64_t>([&](db::Conn& c) { return self_checkin(c, m->checkin_token, walk_in, "10.0.0.9", now); }).ok());
  ASSERT_TRUE(act(*id, MeetingAction::Hold).ok());
  // The chair's own account is marked present by the officer.
  auto ps = [&] {
    std::vector<Participant> v;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { v = participants(c, *id); }).ok());
    return v;
  };
  Participant k = ps()[0];
  k.present = true;
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return update_participant(c, prov, *id, k.id, k); }).ok());

  // Agreements and an action item of Kota Banjarmasin, linked to an incident.
  Agreement a1;
  a1.text = "Mengusulkan kendaraan roda empat untuk pemantauan lapangan Kesbangpol kabupaten/kota tahun 2027.";
  a1.category = "FACILITY";
  a1.target_date = "2027-03-31";
  Agreement a2;
  a2.text = "Kabupaten/kota menyampaikan peta rawan konflik setiap triwulan kepada provinsi.";
  a2.category = "REPORTING";
  auto g1 = db_->write_value<int64_t>([&](db::Conn& c) { return add_agreement(c, prov, *id, a1); });
  auto g2 = db_->write_value<int64_t>([&](db::Conn& c) { return add_agreement(c, prov, *id, a2); });
  ASSERT_TRUE(g1.ok() && g2.ok());
  ActionItemInput ai;
  ai.meeting_id = *id;
  ai.agreement_id = *g2;
  ai.action = "Menyampaikan peta rawan konflik triwulan I";
  ai.owner_org_unit_id = city.org_unit_id;
  ai.due_date = "2026-01-15";  // already past: overdue
  ai.links = {{"incident", 42}};
  auto item = db_->write_value<int64_t>([&](db::Conn& c) { return create_action_item(c, prov, ai); });
  ASSERT_TRUE(item.ok()) << item.error().message.en;
  ActionItemInput foreign = ai;
  foreign.owner_org_unit_id = user_in("64", "OPERATOR").org_unit_id;
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return create_action_item(c, prov, foreign); }).error().kind,
            ErrorKind::Forbidden);

  // Minutes, approval, the signatures; a change after a signature voids them.
  Minutes n;
  n.opening_summary = "Dibuka oleh Kepala Bidang.";
  n.conclusions = {"Koordinasi pemantauan ditingkatkan."};
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return save_minutes(c, prov, *id, n); }).ok());
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return approve_minutes(c, prov, *id); }).ok());
  ASSERT_TRUE(act(*id, MeetingAction::Minute).ok());
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return sign_berita_acara(c, prov, *id, std::nullopt, ""); }).ok());
  a1.text += " Diusulkan melalui APBD Perubahan.";
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return update_agreement(c, prov, *id, *g1, 1, a1); }).ok());
  auto after_change = ps();
  EXPECT_EQ(signature_state(after_change[0], 2), SignatureState::Voided);
  EXPECT_EQ(act(*id, MeetingAction::Close).error().code, "meeting.berita_acara_not_final");
  const std::string drawn = "[[[5,60],[60,20],[120,70],[200,30]]]";
  for (auto& p : after_change)
    if (!p.user_id)
      ASSERT_TRUE(db_->write([&](db::Conn& c) { return sign_berita_acara(c, prov, *id, p.id, drawn); }).ok());
  auto issue = [&] {
    auto ref = db_->read_value<documents::DocumentRef>([&](db::Conn& c) { return berita_acara_document(c, prov, *id); });
    EXPECT_TRUE(ref.ok());
    return documents::issue(*db_, prov, *ref, "https://pantau.example.go.id",
                            [&](db::Conn& c, const documents::Stamp& st) { return berita_acara_pdf(c, prov, *id, st); });
  };
  auto not_final = issue();
  ASSERT_TRUE(not_final.ok()) << not_final.error().message.en;
  EXPECT_TRUE(not_final->entry.draft);
  std::string t = pdf_text(not_final->pdf);
  for (const char* want : {"BERITA ACARA", "Nomor: ....", "1. Mengusulkan kendaraan roda empat", "2. Kabupaten/kota menyampaikan peta",
                           "Menyampaikan peta rawan", "Hj. Aminah", "Ketua DPD Partai Uji", "Tanda tangan batal",
                           "diubah pada", "DRAF — bukan dokumen resmi", "Siti Rahmah"})
    EXPECT_NE(t.find(want), std::string::npos) << want << "\n" << t;
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return sign_berita_acara(c, prov, *id, std::nullopt, ""); }).ok());
  auto final_ba = issue();
  ASSERT_TRUE(final_ba.ok());
  EXPECT_FALSE(final_ba->entry.draft);
  EXPECT_EQ(final_ba->entry.number, "000.1.4/0001/Kesbangpol/2026");
  t = pdf_text(final_ba->pdf);
  EXPECT_NE(t.find("Ditandatangani di Pantau"), std::string::npos) << t;
  EXPECT_EQ(t.find("Tanda tangan batal"), std::string::npos);
  EXPECT_EQ(t.find("Belum menandatangani"), std::string::npos);
  EXPECT_NE(t.find("000.1.4/0001/Kesbangpol/2026"), std::string::npos);
  ASSERT_TRUE(act(*id, MeetingAction::Close).ok());

  // The tracker: the city sees its overdue item first; the follow-up is verified by the organiser.
  Date today = *parse_date(format_iso(now).substr(0, 10));
  TrackerPage page;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { page = tracker(c, city, {}, today); }).ok());
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(effective_status(page.items[0].status, page.items[0].due_date, today), "OVERDUE");
  ASSERT_TRUE(db_->read([&](db::Conn& c) { EXPECT_TRUE(tracker(c, other, {}, today).items.empty()); }).ok());
  int notified = 0;
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    notified = notify_overdue(c, today);
    return {};
  }).ok());
  EXPECT_EQ(notified, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE recipient_region = '63.71'"), 1);
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    notified = notify_overdue(c, today);
    return {};
  }).ok());
  EXPECT_EQ(notified, 0);  // once per item
  FollowUp f;
  f.date = format_date(today);
  f.action_taken = "Peta rawan konflik triwulan I dikirim.";
  f.progress_pct = 100;
  auto fu = db_->write_value<int64_t>([&](db::Conn& c) { return add_follow_up(c, city, *item, f); });
  ASSERT_TRUE(fu.ok()) << fu.error().message.en;
  EXPECT_EQ(db_->write([&](db::Conn& c) { return verify_follow_up(c, city, *fu, true); }).error().kind, ErrorKind::Forbidden);
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return verify_follow_up(c, prov, *fu, true); }).ok());
  std::optional<ActionItem> done;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { done = get_action_item(c, city, *item); }).ok());
  EXPECT_EQ(done->status, "DONE");
  EXPECT_EQ(count("SELECT COUNT(*) FROM meeting_agreements WHERE id = ? AND status = 'REALISED'", {*g2}), 1);
  std::vector<LinkedRef> linked;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { linked = linked_to(c, city, "incident", 42, today); }).ok());
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].status, "DONE");
  EXPECT_EQ(linked[0].meeting_title, "Rapat Koordinasi Kesbangpol se-Kalimantan Selatan");
}

TEST_P(MeetingStoreTest, ActionItemsOfAnotherModulesPlan) {
  ActionItemInput in;
  in.source = "democracy";
  in.source_ref = "idi-plan:63:2026";
  in.action = "Menaikkan indikator kebebasan berkumpul";
  in.due_date = "2026-12-31";
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return create_action_item(c, prov, in); });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  std::vector<ActionItem> items;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { items = action_items_of(c, prov, "democracy", "idi-plan:63:2026"); }).ok());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].region_code, "63");
  ASSERT_TRUE(db_->read([&](db::Conn& c) { EXPECT_TRUE(action_items_of(c, city, "democracy", "idi-plan:63:2026").empty()); }).ok());
  ActionItemInput bad = in;
  bad.due_date = "31-12-2026";
  bad.action = "";
  auto refused = db_->write_value<int64_t>([&](db::Conn& c) { return create_action_item(c, prov, bad); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeetingStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
