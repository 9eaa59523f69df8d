// The election-support checklist: its rules by tables (tests/fixtures/elections_*.tsv), and its
// store on both databases (scoping, the evidence and verdict round trip, readiness, stale
// versions, audit rows, the demo).
#include <cstdio>
#include <cstdlib>

#include "audit/audit.h"
#include "core/time.h"
#include "files/evidence.h"
#include "fixtures.h"
#include "modules/elections/rules.h"
#include "modules/elections/seed.h"
#include "modules/elections/store.h"
#include "store_fixture.h"

using namespace pantau;
using namespace pantau::elections;

namespace {

auth::Scope actor(const std::string& region, const std::string& role) {
  auth::Scope s;
  s.user_id = 7;
  s.username = "actor";
  s.role = role;
  s.region_code = region;
  return s;
}

std::string error_code(const Error& e) { return e.code; }

// "ACCEPTED,REJECTED" or "-" -> the tally of those verdicts.
EvidenceTally tally_of(const std::string& list) {
  EvidenceTally t;
  if (list == "-") return t;
  for (const auto& v : split(list, ',')) {
    auto verdict = parse_verdict(trim(v));
    EXPECT_TRUE(verdict) << v;
    if (!verdict) continue;
    switch (*verdict) {
      case Verdict::Accepted:
        ++t.accepted;
        break;
      case Verdict::Rejected:
        ++t.rejected;
        break;
      case Verdict::Incomplete:
        ++t.incomplete;
        break;
      case Verdict::Pending:
        ++t.pending;
        break;
    }
  }
  return t;
}

TEST(ElectionRules, ReadinessScoreTable) {
  auto rows = load_cases("elections_score.tsv");
  ASSERT_GE(rows.size(), 10u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 3u);
    auto got = readiness_score(*parse_int64(r[0]), *parse_int64(r[1]));
    std::string shown = got ? std::to_string(*got) : "none";
    EXPECT_EQ(shown, r[2]) << r[0] << "/" << r[1];
  }
}

TEST(ElectionRules, CompletionTable) {
  auto rows = load_cases("elections_completion.tsv");
  ASSERT_GE(rows.size(), 10u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 7u);
    auto status = parse_status(r[0]);
    ASSERT_TRUE(status) << r[0];
    bool reason = r[1] == "yes";
    EvidenceTally t = tally_of(r[2]);
    std::string where = r[0] + " " + r[1] + " " + r[2];
    EXPECT_EQ(name(checklist_state(*status, reason, t)), r[3]) << where;
    EXPECT_EQ(is_complete(*status, reason, t), r[4] == "yes") << where;
    EXPECT_EQ(needs_action(t), r[5] == "yes") << where;
    EXPECT_EQ(is_applicable(*status, reason), r[6] == "yes") << where;
  }
}

TEST(ElectionRules, RegionReadinessTable) {
  auto rows = load_cases("elections_readiness.tsv");
  ASSERT_GE(rows.size(), 5u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 4u);
    Readiness total;
    for (const auto& one : split(r[0], ';')) {
      std::string spec = trim(one);
      auto colon = spec.find(':');
      ASSERT_NE(colon, std::string::npos) << spec;
      std::string status = spec.substr(0, colon);
      bool reason = false;
      if (auto plus = status.find("+reason"); plus != std::string::npos) {
        reason = true;
        status = status.substr(0, plus);
      }
      auto st = parse_status(status);
      ASSERT_TRUE(st) << spec;
      total.add(*st, reason, tally_of(spec.substr(colon + 1)));
    }
    EXPECT_EQ(total.applicable, *parse_int64(r[1])) << r[0];
    EXPECT_EQ(total.completed, *parse_int64(r[2])) << r[0];
    std::string shown = total.score() ? std::to_string(*total.score()) : "none";
    EXPECT_EQ(shown, r[3]) << r[0];
  }
}

TEST(ElectionRules, VerdictTable) {
  auto rows = load_cases("elections_verdicts.tsv");
  ASSERT_GE(rows.size(), 15u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 7u);
    auto got = check_verdict(actor(r[0], r[1]), r[2], r[3] == "yes", r[4], r[5] == "yes");
    std::string shown = got.ok() ? std::string(name(*got)) : error_code(got.error());
    EXPECT_EQ(shown, r[6]) << r[1] << "@" << r[0] << " on " << r[2] << " " << r[4];
  }
}

TEST(ElectionRules, OwnerTable) {
  auto rows = load_cases("elections_owner.tsv");
  ASSERT_GE(rows.size(), 15u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 7u);
    ASSERT_TRUE(r[0] == "ASSIGN" || r[0] == "REPORT") << r[0];
    auto action = r[0] == "ASSIGN" ? OwnerAction::Assign : OwnerAction::Report;
    Status s = check_owner(actor(r[1], r[2]), r[3], r[5], r[4] == "yes", action);
    EXPECT_EQ(s.ok() ? "ok" : error_code(s.error()), r[6])
        << r[0] << " " << r[2] << "@" << r[1] << " (" << r[3] << ") on " << r[5];
  }
}

TEST(ElectionRules, ItemApplicabilityTable) {
  auto rows = load_cases("elections_items.tsv");
  ASSERT_GE(rows.size(), 8u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 6u);
    SupportItem item;
    item.applies_to = r[0];
    item.effective_from = r[1];
    if (!r[2].empty()) item.effective_to = r[2];
    Election e;
    e.type = r[3];
    e.polling_date = r[4];
    Status s = check_item_applies(item, e);
    std::string shown = s.ok() ? "ok" : s.error().fields.at(0).code;
    EXPECT_EQ(shown, r[5]) << r[0] << " " << r[1] << "-" << r[2] << " " << r[3] << " " << r[4];
  }
}

TEST(ElectionRules, AmountOnlyForItemsThatCarryOneAndNotApplicableNeedsAReason) {
  EXPECT_TRUE(check_instrument_values(true, 5'000'000, InstrumentStatus::Done, "").ok());
  EXPECT_TRUE(check_instrument_values(false, std::nullopt, InstrumentStatus::Done, "").ok());
  auto amount = check_instrument_values(false, 1, InstrumentStatus::Done, "");
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.error().fields.at(0).field, "amount_rupiah");
  auto reason = check_instrument_values(false, std::nullopt, InstrumentStatus::NotApplicable, "");
  ASSERT_FALSE(reason.ok());
  EXPECT_EQ(reason.error().fields.at(0).field, "note");
  EXPECT_TRUE(check_instrument_values(false, std::nullopt, InstrumentStatus::NotApplicable,
                                      "Tidak ada PPS baru.")
                  .ok());
}

TEST(ElectionRules, OnlyTheNationalAdministratorManagesReferenceData) {
  EXPECT_TRUE(check_national_admin(actor("", "ADMIN_PUSAT")).ok());
  EXPECT_EQ(check_national_admin(actor("63", "ADMIN_DAERAH")).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(check_national_admin(actor("", "ANALIS_PUSAT")).error().kind, ErrorKind::Forbidden);
  EXPECT_TRUE(valid_item_code("HIBAH_KPU"));
  EXPECT_FALSE(valid_item_code("hibah"));
  EXPECT_FALSE(valid_item_code("X"));
}

// ---- the store, on both databases -----------------------------------------------------

class ElectionStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    files_root_ =
        std::filesystem::path(testing::TempDir()) / ("pantau-elections-" + random_token(6));
    files_ = std::make_unique<files::EvidenceStore>(files_root_.string(), 1 << 20);
    bjm_op = user_in("63.71", "OPERATOR");
    bjb_op = user_in("63.72", "OPERATOR");
    prov_op = user_in("63", "OPERATOR");
    prov_reviewer = user_in("63", "ANALIS", 1);
    ministry = user_in("", "ANALIS_PUSAT", 2);
    bjm_pd = unit("Dinas Komunikasi dan Informatika Kota Banjarmasin", "PERANGKAT_DAERAH", "63.71");
    bjm_pd2 = unit("Dinas Kependudukan dan Pencatatan Sipil Kota Banjarmasin", "PERANGKAT_DAERAH",
                   "63.71");
    bjb_pd = unit("Dinas Komunikasi dan Informatika Kota Banjarbaru", "PERANGKAT_DAERAH", "63.72");
    prov_pd = unit("Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Selatan",
                   "PERANGKAT_DAERAH", "63");
    ASSERT_TRUE(db_->read([&](db::Conn& c) {
                     pilkada =
                         c.query_i64("SELECT id FROM elections WHERE type = 'PILKADA'").value_or(0);
                     pemilu =
                         c.query_i64("SELECT id FROM elections WHERE type = 'PEMILU'").value_or(0);
                   })
                    .ok());
    ASSERT_GT(pilkada, 0);
  }
  void TearDown() override {
    files_.reset();
    std::filesystem::remove_all(files_root_);
    StoreTest::TearDown();
  }

  Result<Instrument> assign(const auth::Scope& who, int64_t unit_id, const std::string& item,
                            std::optional<int64_t> amount = std::nullopt, int64_t election = 0) {
    InstrumentInput in;
    in.election_id = election ? election : pilkada;
    in.org_unit_id = unit_id;
    in.item_code = item;
    in.target = "Target";
    in.amount_rupiah = amount;
    return db_->write_value<Instrument>([&](db::Conn& c) { return create_instrument(c, who, in); });
  }
  std::optional<Instrument> get(const auth::Scope& who, int64_t id) {
    std::optional<Instrument> i;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { i = get_instrument(c, who, id); }).ok());
    return i;
  }
  std::vector<int64_t> listed(const auth::Scope& who, InstrumentQuery q = {}) {
    std::vector<int64_t> ids;
    EXPECT_TRUE(db_->read([&](db::Conn& c) {
                     for (const auto& i : list_instruments(c, who, q).items) ids.push_back(i.id);
                   })
                    .ok());
    return ids;
  }
  // Uploads a small PDF for the instrument, as POST /api/v1/files would.
  int64_t upload(const auth::Scope& who, const Instrument& inst, const std::string& text,
                 int classification = 0, const std::string& entity = "support_instrument") {
    std::string pdf = "%PDF-1.4\n% " + text + "\n%%EOF\n";
    auto tmp = files_root_ / "tmp" / ("up-" + random_token(4));
    std::ofstream(tmp, std::ios::binary) << pdf;
    std::string sha = sha256_hex(pdf);
    auto mime = files_->place(tmp.string(), sha, static_cast<int64_t>(pdf.size()));
    EXPECT_TRUE(mime.ok());
    std::filesystem::remove(tmp);
    auto f = db_->write_value<files::StoredFile>([&](db::Conn& c) {
      return files_->record(
          c, who, sha, static_cast<int64_t>(pdf.size()), *mime,
          {text + ".pdf", inst.region_code, entity, std::to_string(inst.id), classification});
    });
    EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message.en);
    return f.ok() ? f->id : 0;
  }
  Result<Evidence> link(const auth::Scope& who, int64_t inst, int64_t file,
                        std::optional<int64_t> replaces = std::nullopt) {
    return db_->write_value<Evidence>([&](db::Conn& c) {
      return link_evidence(c, who, inst, {file, "Data dukung", replaces});
    });
  }
  Result<Evidence> verdict(const auth::Scope& who, int64_t inst, int64_t ev, const std::string& v,
                           const std::string& note = "",
                           std::optional<int64_t> version = std::nullopt) {
    return db_->write_value<Evidence>(
        [&](db::Conn& c) { return give_verdict(c, who, inst, ev, version, v, note); });
  }
  // A user working in a given org unit (a Perangkat Daerah, say).
  auth::Scope user_of_unit(int64_t unit_id, const std::string& region, const std::string& role) {
    static const std::string hash = auth::hash_password("Kesbangpol2026").value();
    org::UserInput in;
    in.username = "pd" + to_lower_ascii(random_token(6));
    for (auto& ch : *in.username)
      if (ch == '_' || ch == '-') ch = 'x';
    in.full_name = "Pengguna Perangkat Daerah";
    in.role = role;
    in.org_unit_id = unit_id;
    auto u = db_->write_value<org::User>(
        [&](db::Conn& c) { return org::create_user(c, auth::Scope::system(), in, hash); });
    EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().message.en);
    auth::Scope sc = scope_of(region);
    sc.user_id = u.ok() ? u->id : 0;
    sc.role = role;
    sc.org_unit_id = unit_id;
    return sc;
  }
  std::map<std::string, int> scores(const auth::Scope& who, int level,
                                    const std::string& province = "") {
    std::map<std::string, int> out;
    auto m = db_->read_value<ReadinessMap>(
        [&](db::Conn& c) { return readiness(c, who, pilkada, level, province); });
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message.en);
    if (m.ok())
      for (const auto& [code, r] : m->regions)
        if (r.score()) out[code] = *r.score();
    return out;
  }

  std::filesystem::path files_root_;
  std::unique_ptr<files::EvidenceStore> files_;
  auth::Scope bjm_op, bjb_op, prov_op, prov_reviewer, ministry;
  int64_t bjm_pd = 0, bjm_pd2 = 0, bjb_pd = 0, prov_pd = 0, pilkada = 0, pemilu = 0;
};

TEST_P(ElectionStoreTest, ShippedElectionsAndChecklistItems) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM elections"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM support_items WHERE legal_basis = 'UU 7/2017 Pasal 434' "
                  "AND confidence = 'U'"),
            7);
  EXPECT_EQ(count("SELECT COUNT(*) FROM support_items WHERE has_amount = 1"), 3);
  std::vector<std::string> pemilu_items, pilkada_items;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
                   ItemQuery q;
                   q.election_id = pemilu;
                   auto general = list_items(c, bjm_op, q);
                   for (auto& i : general->items) pemilu_items.push_back(i.code);
                   q.election_id = pilkada;
                   q.limit = 5;
                   auto first = list_items(c, bjm_op, q);
                   for (auto& i : first->items) pilkada_items.push_back(i.code);
                   ASSERT_TRUE(first->next_after);
                   q.after = first->next_after;
                   q.limit = 50;
                   auto rest = list_items(c, bjm_op, q);
                   for (auto& i : rest->items) pilkada_items.push_back(i.code);
                 })
                  .ok());
  // Grants (hibah) through NPHD are a Pilkada matter; the checklist keeps its order.
  EXPECT_EQ(pemilu_items.size(), 11u);
  ASSERT_EQ(pilkada_items.size(), 13u);
  EXPECT_EQ(pilkada_items.front(), "P434_PERSONEL");
  EXPECT_EQ(pilkada_items[7], "HIBAH_KPU");
  EXPECT_EQ(pilkada_items.back(), "FASILITASI_PARPOL");

  // Only the national administrator adds elections and items.
  ElectionInput e{
      "PILKADA", "Pemilihan Ulang Kota Banjarbaru 2025", "2025-04-19", "63.72", "Putusan MK", 2025};
  auto refused =
      db_->write_value<Election>([&](db::Conn& c) { return create_election(c, prov_reviewer, e); });
  EXPECT_EQ(refused.error().kind, ErrorKind::Forbidden);
  auth::Scope admin = user_in("", "ADMIN_PUSAT", 2);
  auto made = db_->write_value<Election>([&](db::Conn& c) { return create_election(c, admin, e); });
  ASSERT_TRUE(made.ok()) << made.error().message.en;
  EXPECT_EQ(made->scope_region_name, "Wilayah 63.72");
  auto twice =
      db_->write_value<Election>([&](db::Conn& c) { return create_election(c, admin, e); });
  EXPECT_EQ(twice.error().kind, ErrorKind::Conflict);
  // Banjarbaru's own election is seen there and by its province, not by Banjarmasin.
  auto names = [&](const auth::Scope& s) {
    std::vector<int64_t> ids;
    EXPECT_TRUE(db_->read([&](db::Conn& c) {
                     for (auto& x : list_elections(c, s, {}).items) ids.push_back(x.id);
                   })
                    .ok());
    return ids;
  };
  EXPECT_EQ(names(bjb_op), (std::vector<int64_t>{pemilu, pilkada, made->id}));
  EXPECT_EQ(names(prov_op), (std::vector<int64_t>{pemilu, pilkada, made->id}));
  EXPECT_EQ(names(bjm_op), (std::vector<int64_t>{pemilu, pilkada}));

  ItemInput item;
  item.code = "DUKUNGAN_GUDANG";
  item.description_id = "Penyediaan gudang logistik";
  item.description_en = "Providing a logistics warehouse";
  item.legal_basis = "SE Mendagri (contoh)";
  item.effective_from = "2024-01-01";
  auto added =
      db_->write_value<SupportItem>([&](db::Conn& c) { return create_item(c, admin, item); });
  ASSERT_TRUE(added.ok()) << added.error().message.en;
  EXPECT_EQ(added->added_by, admin.user_id);
  EXPECT_EQ(db_->write_value<SupportItem>([&](db::Conn& c) { return create_item(c, admin, item); })
                .error()
                .kind,
            ErrorKind::Invalid);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity IN ('election', 'support_item')"),
            2);
}

TEST_P(ElectionStoreTest, AssignmentFollowsTheRules) {
  auto ok = assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI");
  ASSERT_TRUE(ok.ok()) << ok.error().message.en;
  EXPECT_EQ(ok->region_code, "63.71");
  EXPECT_EQ(ok->status, InstrumentStatus::NotStarted);
  // The same item twice for the same Perangkat Daerah.
  EXPECT_EQ(assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI").error().kind, ErrorKind::Conflict);
  // Not a Perangkat Daerah: the operator's own Kesbangpol unit.
  auto kesbangpol = assign(bjm_op, bjm_op.org_unit_id, "DUKUNGAN_INFORMASI");
  ASSERT_FALSE(kesbangpol.ok());
  EXPECT_EQ(kesbangpol.error().fields.at(0).code, "not_perangkat_daerah");
  // Another kab/kota's Perangkat Daerah is not even found.
  EXPECT_EQ(assign(bjm_op, bjb_pd, "DUKUNGAN_INFORMASI").error().fields.at(0).code, "not_found");
  // The province sees Banjarmasin's units but assigns only to its own.
  EXPECT_EQ(assign(prov_op, bjm_pd, "P434_SOSIALISASI").error().kind, ErrorKind::Forbidden);
  EXPECT_TRUE(assign(prov_op, prov_pd, "HIBAH_KPU", 150'000'000'000).ok());
  // An amount for an item without one; a grant item in a general election; an unknown item.
  EXPECT_EQ(assign(bjm_op, bjm_pd, "P434_SOSIALISASI", 1'000).error().fields.at(0).field,
            "amount_rupiah");
  EXPECT_EQ(assign(bjm_op, bjm_pd, "HIBAH_KPU", 1'000, pemilu).error().fields.at(0).code,
            "other_election_type");
  EXPECT_EQ(assign(bjm_op, bjm_pd, "NO_SUCH_ITEM").error().fields.at(0).code, "not_found");
  EXPECT_EQ(count("SELECT COUNT(*) FROM support_instruments"), 2);
}

TEST_P(ElectionStoreTest, KabKotaSeesOnlyItsOwnInstruments) {
  auto bjm = assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI");
  auto bjb = assign(bjb_op, bjb_pd, "DUKUNGAN_INFORMASI");
  auto prov = assign(prov_op, prov_pd, "HIBAH_KPU", 150'000'000'000);
  ASSERT_TRUE(bjm.ok() && bjb.ok() && prov.ok());
  EXPECT_EQ(listed(bjm_op), (std::vector<int64_t>{bjm->id}));
  EXPECT_EQ(listed(bjb_op), (std::vector<int64_t>{bjb->id}));
  EXPECT_EQ(listed(prov_reviewer), (std::vector<int64_t>{bjm->id, bjb->id, prov->id}));
  EXPECT_EQ(listed(ministry), (std::vector<int64_t>{bjm->id, bjb->id, prov->id}));
  InstrumentQuery only_bjm;
  only_bjm.region_code = "63.71";
  EXPECT_EQ(listed(prov_reviewer, only_bjm), (std::vector<int64_t>{bjm->id}));
  EXPECT_FALSE(get(bjm_op, bjb->id));
  EXPECT_FALSE(get(bjm_op, prov->id));

  // Nothing of Banjarbaru can be changed or reviewed from Banjarmasin: it does not exist there.
  auto upd = db_->write_value<Instrument>([&](db::Conn& c) {
    InstrumentPatch p;
    p.realisation = "diubah";
    return update_instrument(c, bjm_op, bjb->id, 1, p);
  });
  EXPECT_EQ(upd.error().kind, ErrorKind::NotFound);
  int64_t file = upload(bjb_op, *bjb, "bjb");
  EXPECT_EQ(link(bjm_op, bjb->id, file).error().kind, ErrorKind::NotFound);
  auto linked = link(bjb_op, bjb->id, file);
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(verdict(bjm_op, bjb->id, linked->id, "ACCEPTED").error().kind, ErrorKind::NotFound);

  // A confidential instrument is hidden from those not cleared for it.
  auto secret = db_->write_value<Instrument>([&](db::Conn& c) {
    InstrumentInput in;
    in.election_id = pilkada;
    in.org_unit_id = bjm_pd2;
    in.item_code = "DUKUNGAN_PENGAMANAN";
    in.classification = 1;
    auth::Scope cleared = bjm_op;
    cleared.clearance = 1;
    return create_instrument(c, cleared, in);
  });
  ASSERT_TRUE(secret.ok()) << secret.error().message.en;
  EXPECT_FALSE(get(bjm_op, secret->id));
  EXPECT_TRUE(get(prov_reviewer, secret->id));
}

TEST_P(ElectionStoreTest, VerdictRoundTripAndReadiness) {
  auto info = assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI");
  auto data = assign(bjm_op, bjm_pd2, "DATA_KEPENDUDUKAN");
  ASSERT_TRUE(info.ok() && data.ok());
  EXPECT_EQ(scores(prov_reviewer, 2, "63"), (std::map<std::string, int>{{"63.71", 0}}));

  // The operator adds evidence to both; everything starts pending.
  auto ev1 = link(bjm_op, info->id, upload(bjm_op, *info, "rekap-publikasi"));
  auto ev2 = link(bjm_op, info->id, upload(bjm_op, *info, "tangkapan-layar"));
  auto ev3 = link(bjm_op, data->id, upload(bjm_op, *data, "berita-acara-dp4"));
  ASSERT_TRUE(ev1.ok() && ev2.ok() && ev3.ok()) << (ev1.ok() ? "" : ev1.error().message.en);
  EXPECT_EQ(ev1->verdict, Verdict::Pending);
  EXPECT_EQ(checklist_state(get(bjm_op, info->id)->status, false, get(bjm_op, info->id)->tally),
            ChecklistState::AwaitingReview);

  // The operator cannot judge its own evidence, nor can the ministry judge a kab/kota's.
  EXPECT_EQ(verdict(bjm_op, info->id, ev1->id, "ACCEPTED").error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(verdict(ministry, info->id, ev1->id, "ACCEPTED").error().kind, ErrorKind::Forbidden);
  // Rejecting needs a note.
  EXPECT_EQ(verdict(prov_reviewer, info->id, ev2->id, "REJECTED").error().kind, ErrorKind::Invalid);

  // The province accepts one, rejects the other, and accepts the population data.
  ASSERT_TRUE(verdict(prov_reviewer, info->id, ev1->id, "ACCEPTED").ok());
  auto rejected =
      verdict(prov_reviewer, info->id, ev2->id, "REJECTED", "Tangkapan layar tidak terbaca.");
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->verdict_by, prov_reviewer.user_id);
  ASSERT_TRUE(verdict(prov_reviewer, data->id, ev3->id, "ACCEPTED").ok());

  // Only the failing instrument goes back to Banjarmasin.
  InstrumentQuery action;
  action.needs_action = true;
  EXPECT_EQ(listed(bjm_op, action), (std::vector<int64_t>{info->id}));
  action.needs_action = false;
  EXPECT_EQ(listed(bjm_op, action), (std::vector<int64_t>{data->id}));
  auto back = get(bjm_op, info->id);
  EXPECT_EQ(back->tally.accepted, 1);
  EXPECT_EQ(back->tally.rejected, 1);
  EXPECT_EQ(checklist_state(back->status, false, back->tally), ChecklistState::NeedsAction);
  EXPECT_EQ(scores(prov_reviewer, 2, "63"), (std::map<std::string, int>{{"63.71", 50}}));

  // The operator uploads a replacement for the rejected evidence; it starts pending.
  auto replacement =
      link(bjm_op, info->id, upload(bjm_op, *info, "tangkapan-layar-ulang"), rejected->id);
  ASSERT_TRUE(replacement.ok()) << replacement.error().message.en;
  EXPECT_EQ(replacement->verdict, Verdict::Pending);
  EXPECT_EQ(replacement->replaces_id, rejected->id);
  EXPECT_TRUE(listed(bjm_op, InstrumentQuery{{}, {}, {}, "", "", true}).empty());
  // The replaced evidence stays as history and takes no more verdicts or replacements.
  std::vector<Evidence> history;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { history = list_evidence(c, bjm_op, info->id); }).ok());
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].superseded_by, replacement->id);
  EXPECT_FALSE(history[1].active());
  EXPECT_EQ(verdict(prov_reviewer, info->id, rejected->id, "ACCEPTED").error().code,
            "evidence.superseded");
  EXPECT_EQ(link(bjm_op, info->id, upload(bjm_op, *info, "lagi"), rejected->id).error().code,
            "evidence.superseded");
  // Accepted evidence cannot be swapped.
  EXPECT_EQ(link(bjm_op, info->id, upload(bjm_op, *info, "ganti"), ev1->id).error().code,
            "evidence.accepted");

  // The province accepts the replacement: the instrument is complete, readiness 100.
  ASSERT_TRUE(verdict(prov_reviewer, info->id, replacement->id, "ACCEPTED").ok());
  auto done = get(bjm_op, info->id);
  EXPECT_TRUE(is_complete(done->status, false, done->tally));
  // The two extra files linked above ("lagi" was refused, "ganti" was refused) are not evidence.
  EXPECT_EQ(done->tally.total(), 2);
  EXPECT_EQ(scores(prov_reviewer, 2, "63"), (std::map<std::string, int>{{"63.71", 100}}));
  EXPECT_EQ(scores(ministry, 1), (std::map<std::string, int>{{"63", 100}}));

  // A region not applicable with a reason leaves the score alone; Banjarmasin sees only itself.
  auto na = assign(bjm_op, bjm_pd2, "P434_LAINNYA");
  ASSERT_TRUE(na.ok());
  ASSERT_TRUE(db_->write_value<Instrument>([&](db::Conn& c) {
                   InstrumentPatch p;
                   p.status = InstrumentStatus::NotApplicable;
                   p.note = "Tidak ada permintaan dari KPU.";
                   return update_instrument(c, bjm_op, na->id, 1, p);
                 })
                  .ok());
  auto bjb = assign(bjb_op, bjb_pd, "DUKUNGAN_INFORMASI");
  ASSERT_TRUE(bjb.ok());
  EXPECT_EQ(scores(prov_reviewer, 2, "63"),
            (std::map<std::string, int>{{"63.71", 100}, {"63.72", 0}}));
  EXPECT_EQ(scores(ministry, 1), (std::map<std::string, int>{{"63", 66}}));
  EXPECT_EQ(scores(bjm_op, 2, "63"), (std::map<std::string, int>{{"63.71", 100}}));
  EXPECT_TRUE(scores(bjm_op, 1).empty());  // the province as a whole is not Banjarmasin's to see
}

// The first sheet of an .xlsx, read back with unzip (or Python's zipfile when unzip is missing).
std::string first_sheet_of(const std::string& bytes) {
  auto path =
      std::filesystem::path(testing::TempDir()) / ("checklist-" + random_token(6) + ".xlsx");
  std::ofstream(path, std::ios::binary) << bytes;
  std::string cmd = std::system("command -v unzip >/dev/null 2>&1") == 0
                        ? "unzip -p '" + path.string() + "' xl/worksheets/sheet1.xml"
                        : "python3 -c 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile("
                          "sys.argv[1]).read(\"xl/worksheets/sheet1.xml\").decode())' '" +
                              path.string() + "'";
  std::string out;
  if (FILE* f = popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    pclose(f);
  }
  std::filesystem::remove(path);
  return out;
}

TEST_P(ElectionStoreTest, ChecklistWorkbookHoldsTheCallersScope) {
  auto hibah = assign(prov_op, prov_pd, "HIBAH_KPU", int64_t{150'000'000'000});
  auto info = assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI");
  auto other = assign(bjb_op, bjb_pd, "DATA_KEPENDUDUKAN");
  ASSERT_TRUE(hibah.ok() && info.ok() && other.ok())
      << (hibah.ok() ? "" : hibah.error().message.en);
  auto ev = link(bjm_op, info->id, upload(bjm_op, *info, "rekap-publikasi"));
  ASSERT_TRUE(ev.ok());
  ASSERT_TRUE(verdict(prov_reviewer, info->id, ev->id, "REJECTED", "Tidak terbaca.").ok());

  auto book = [&](const auth::Scope& who, int64_t election) {
    return db_->read_value<std::string>(
        [&](db::Conn& c) { return checklist_xlsx(c, who, election); });
  };
  // Banjarmasin: its own instrument only, with its Indonesian title, columns and state.
  auto bjm = book(bjm_op, pilkada);
  ASSERT_TRUE(bjm.ok()) << bjm.error().message.en;
  ASSERT_EQ(bjm->rfind("PK\x03\x04", 0), 0u) << "an XLSX file is a ZIP archive";
  std::string sheet = first_sheet_of(*bjm);
  EXPECT_NE(sheet.find("DAFTAR PERIKSA DUKUNGAN PEMERINTAH DAERAH"), std::string::npos) << sheet;
  for (const char* col : {"Perangkat Daerah", "Butir Dukungan", "Target", "Realisasi",
                          "Anggaran (Rp)", "Data Dukung", "Ditolak", "Keadaan"})
    EXPECT_NE(sheet.find(col), std::string::npos) << col;
  EXPECT_NE(sheet.find("Dinas Komunikasi dan Informatika Kota Banjarmasin"), std::string::npos);
  EXPECT_NE(sheet.find("Perlu perbaikan"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("Kota Banjarbaru"), std::string::npos) << "another kab/kota's row";
  EXPECT_EQ(sheet.find("HIBAH_KPU"), std::string::npos) << "the province's own row";
  EXPECT_EQ(checklist_file_name(bjm_op, pilkada),
            "dukungan-pemilihan-" + std::to_string(pilkada) + "-63.71.xlsx");

  // The province and the ministry see every row of Kalimantan Selatan; the grant is a number.
  std::string all = first_sheet_of(*book(ministry, pilkada));
  for (const char* row : {"HIBAH_KPU", "Kota Banjarmasin", "Kota Banjarbaru"})
    EXPECT_NE(all.find(row), std::string::npos) << row;
  EXPECT_NE(all.find("<v>150000000000</v>"), std::string::npos) << all;
  EXPECT_EQ(checklist_file_name(ministry, pilkada),
            "dukungan-pemilihan-" + std::to_string(pilkada) + "-nasional.xlsx");
  // No instruments yet for the 2024 Pemilu: the header, and readiness "not yet".
  std::string empty = first_sheet_of(*book(bjm_op, pemilu));
  EXPECT_NE(empty.find("belum ada butir yang berlaku"), std::string::npos) << empty;
  // An unknown election is not found.
  EXPECT_EQ(book(bjm_op, 999999).error().kind, ErrorKind::NotFound);
}

TEST_P(ElectionStoreTest, EvidenceMustBelongToTheInstrument) {
  auto info = assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI");
  auto data = assign(bjm_op, bjm_pd2, "DATA_KEPENDUDUKAN");
  ASSERT_TRUE(info.ok() && data.ok());
  // Uploaded for another instrument, or for another kind of record.
  EXPECT_EQ(link(bjm_op, info->id, upload(bjm_op, *data, "lain")).error().fields.at(0).code,
            "other_record");
  EXPECT_EQ(link(bjm_op, info->id, upload(bjm_op, *info, "umum", 0, "")).error().fields.at(0).code,
            "other_record");
  // More confidential than the instrument.
  auth::Scope cleared = bjm_op;
  cleared.clearance = 1;
  EXPECT_EQ(link(bjm_op, info->id, upload(cleared, *info, "rahasia", 1)).error().fields.at(0).code,
            "not_found");
  EXPECT_EQ(
      link(cleared, info->id, upload(cleared, *info, "rahasia2", 1)).error().fields.at(0).code,
      "above_instrument");
  // The same file twice.
  int64_t f = upload(bjm_op, *info, "sekali");
  ASSERT_TRUE(link(bjm_op, info->id, f).ok());
  EXPECT_EQ(link(bjm_op, info->id, f).error().code, "evidence.linked");
  // The province reviews but does not upload for Banjarmasin.
  EXPECT_EQ(link(prov_reviewer, info->id, upload(bjm_op, *info, "prov")).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(count("SELECT COUNT(*) FROM support_evidence"), 1);
}

TEST_P(ElectionStoreTest, PerangkatDaerahReportsOnItsOwnInstrumentsOnly) {
  auto info = assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI");
  auto data = assign(bjm_op, bjm_pd2, "DATA_KEPENDUDUKAN");
  ASSERT_TRUE(info.ok() && data.ok());
  auth::Scope kominfo = user_of_unit(bjm_pd, "63.71", "OPERATOR");
  // It sees the region's checklist, reports on its own instrument and uploads its evidence.
  EXPECT_EQ(listed(kominfo), (std::vector<int64_t>{info->id, data->id}));
  auto reported = db_->write_value<Instrument>([&](db::Conn& c) {
    InstrumentPatch p;
    p.realisation = "Publikasi di laman resmi";
    p.status = InstrumentStatus::InProgress;
    return update_instrument(c, kominfo, info->id, 1, p);
  });
  ASSERT_TRUE(reported.ok()) << reported.error().message.en;
  EXPECT_TRUE(link(kominfo, info->id, upload(kominfo, *info, "publikasi")).ok());
  // Not on another unit's instrument, and it does not assign items.
  auto other = db_->write_value<Instrument>([&](db::Conn& c) {
    InstrumentPatch p;
    p.realisation = "x";
    return update_instrument(c, kominfo, data->id, 1, p);
  });
  EXPECT_EQ(other.error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(link(kominfo, data->id, upload(kominfo, *data, "dp4")).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(assign(kominfo, bjm_pd, "P434_SOSIALISASI").error().kind, ErrorKind::Forbidden);
}

TEST_P(ElectionStoreTest, StaleVersionIsRefusedAndNothingChanges) {
  auto inst = assign(prov_op, prov_pd, "HIBAH_KPU", 100'000'000'000);
  ASSERT_TRUE(inst.ok());
  auto patch = [&](int64_t version, const std::string& realisation) {
    return db_->write_value<Instrument>([&](db::Conn& c) {
      InstrumentPatch p;
      p.realisation = realisation;
      p.status = InstrumentStatus::InProgress;
      p.amount_rupiah = 125'000'000'000;
      return update_instrument(c, prov_op, inst->id, version, p);
    });
  };
  auto first = patch(1, "NPHD ditandatangani");
  ASSERT_TRUE(first.ok()) << first.error().message.en;
  EXPECT_EQ(first->version, 2);
  EXPECT_EQ(first->amount_rupiah, 125'000'000'000);
  auto stale = patch(1, "Versi lain");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::PreconditionFailed);
  EXPECT_EQ(get(prov_op, inst->id)->realisation, "NPHD ditandatangani");
  // The reviewer may read it but not change it.
  auto reviewer = db_->write_value<Instrument>([&](db::Conn& c) {
    return update_instrument(c, ministry, inst->id, 2,
                             InstrumentPatch{std::string("x"), {}, {}, {}, false, {}, {}});
  });
  EXPECT_EQ(reviewer.error().kind, ErrorKind::Forbidden);
  // NOT_APPLICABLE without a reason is refused; clearing the amount works.
  auto no_reason = db_->write_value<Instrument>([&](db::Conn& c) {
    InstrumentPatch p;
    p.status = InstrumentStatus::NotApplicable;
    return update_instrument(c, prov_op, inst->id, 2, p);
  });
  EXPECT_EQ(no_reason.error().fields.at(0).field, "note");
  auto cleared = db_->write_value<Instrument>([&](db::Conn& c) {
    InstrumentPatch p;
    p.clear_amount = true;
    return update_instrument(c, prov_op, inst->id, 2, p);
  });
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(cleared->amount_rupiah);

  // A verdict given meanwhile by someone else: the stale one is refused.
  auto ev = link(prov_op, inst->id, upload(prov_op, *inst, "nphd"));
  ASSERT_TRUE(ev.ok());
  ASSERT_TRUE(
      verdict(ministry, inst->id, ev->id, "INCOMPLETE", "Lampiran rekening belum ada.", 1).ok());
  EXPECT_EQ(verdict(ministry, inst->id, ev->id, "ACCEPTED", "", 1).error().kind,
            ErrorKind::PreconditionFailed);
}

TEST_P(ElectionStoreTest, EveryWriteLeavesAnAuditRow) {
  auto inst = assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI");
  ASSERT_TRUE(inst.ok());
  std::string id = std::to_string(inst->id);
  ASSERT_TRUE(db_->write_value<Instrument>([&](db::Conn& c) {
                   InstrumentPatch p;
                   p.status = InstrumentStatus::Done;
                   return update_instrument(c, bjm_op, inst->id, 1, p);
                 })
                  .ok());
  auto ev = link(bjm_op, inst->id, upload(bjm_op, *inst, "a"));
  ASSERT_TRUE(ev.ok());
  ASSERT_TRUE(verdict(prov_reviewer, inst->id, ev->id, "REJECTED", "Kurang tanda tangan.").ok());
  auto ev2 = link(bjm_op, inst->id, upload(bjm_op, *inst, "b"), ev->id);
  ASSERT_TRUE(ev2.ok());

  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE entity = 'support_instrument' AND entity_id = ?",
            {id}),
      2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'support_evidence' AND entity_id "
                  "= ? AND action = 'create'",
                  {std::to_string(ev->id)}),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'support_evidence' AND entity_id "
                  "= ? AND action = 'verdict' "
                  "AND actor_id = ? AND region_code = '63.71'",
                  {std::to_string(ev->id), prov_reviewer.user_id}),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'support_evidence' AND entity_id "
                  "= ? AND action = 'supersede'",
                  {std::to_string(ev->id)}),
            1);
  std::string after;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
                   after = c.query_str(
                                "SELECT after_json FROM audit_log WHERE entity = "
                                "'support_evidence' AND action = 'verdict'")
                               .value_or("");
                 })
                  .ok());
  EXPECT_NE(after.find("\"verdict\":\"REJECTED\""), std::string::npos) << after;
  EXPECT_NE(after.find("Kurang tanda tangan."), std::string::npos);
  // Refused writes leave nothing behind.
  int64_t rows = count("SELECT COUNT(*) FROM audit_log");
  EXPECT_FALSE(verdict(bjm_op, inst->id, ev2->id, "ACCEPTED").ok());
  EXPECT_FALSE(assign(bjm_op, bjm_pd, "DUKUNGAN_INFORMASI").ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), rows);
  auto chain = audit::verify(*db_);
  ASSERT_TRUE(chain.ok());
  EXPECT_TRUE(chain->ok);
}

TEST_P(ElectionStoreTest, DemoShowsCompleteReturnedAndPendingInstruments) {
  auth::Scope kalsel_op = user_in("63", "OPERATOR");
  auth::Scope kalsel_analis = user_in("63", "ANALIS", 1);
  auth::Scope pusat_analis = user_in("", "ANALIS_PUSAT", 1);
  auth::Scope bjm = user_in("63.71", "OPERATOR");
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
                   std::vector<std::pair<const auth::Scope*, std::string>> names = {
                       {&kalsel_op, "kalsel.operator"},
                       {&kalsel_analis, "kalsel.analis"},
                       {&pusat_analis, "pusat.analis"},
                       {&bjm, "banjarmasin.operator"}};
                   for (const auto& [who, name] : names)
                     c.exec("UPDATE users SET username = ? WHERE id = ?", {name, who->user_id});
                   return {};
                 })
                  .ok());
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return seed_demo(c, files_.get()); }).ok());
  ASSERT_TRUE(
      db_->write([&](db::Conn& c) { return seed_demo(c, files_.get()); }).ok());  // idempotent
  EXPECT_EQ(count("SELECT COUNT(*) FROM support_instruments"), 13);
  EXPECT_EQ(count("SELECT COUNT(*) FROM support_evidence"), 14);
  EXPECT_EQ(count("SELECT COUNT(*) FROM evidence_files WHERE entity = 'support_instrument'"), 14);
  EXPECT_EQ(scores(pusat_analis, 1), (std::map<std::string, int>{{"63", 58}}));
  EXPECT_EQ(scores(kalsel_analis, 2, "63"), (std::map<std::string, int>{{"63.71", 66}}));
  InstrumentQuery action;
  action.needs_action = true;
  EXPECT_EQ(listed(kalsel_analis, action).size(), 2u);
  // The generated evidence files are real PDFs at their content address.
  std::string sha;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
                   sha = c.query_str("SELECT sha256 FROM evidence_files LIMIT 1").value_or("");
                 })
                  .ok());
  std::ifstream pdf(files_->path_of(sha), std::ios::binary);
  std::string head(5, '\0');
  pdf.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");
}

TEST_P(ElectionStoreTest, DemoWithoutAFilesFolderCreatesTheInstrumentsOnly) {
  std::vector<std::pair<std::string, std::string>> operators = {{"63", "kalsel.operator"},
                                                                {"63.71", "banjarmasin.operator"}};
  for (const auto& [region, name] : operators) {
    auth::Scope u = user_in(region, "OPERATOR");
    ASSERT_TRUE(
        db_->write([&](db::Conn& c) -> Status {
             c.exec("UPDATE users SET username = ? WHERE id = ?", {std::string(name), u.user_id});
             return {};
           })
            .ok());
  }
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return seed_demo(c); }).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM support_instruments"), 13);
  EXPECT_EQ(count("SELECT COUNT(*) FROM support_evidence"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ElectionStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
