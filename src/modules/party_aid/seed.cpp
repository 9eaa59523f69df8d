#include "modules/party_aid/seed.h"

#include "modules/party_aid/store.h"

namespace pantau::party_aid {

namespace {

template <class T>
Status status_of(const Result<T>& r) {
  if (!r.ok()) return r.error();
  return {};
}

}  // namespace

Status seed_demo(db::Conn& c) {
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = '63'")) return {};
  if (c.query_i64(
          "SELECT 1 FROM banpol_vote_values WHERE region_code = '63' AND fiscal_year = 2025"))
    return {};
  const auth::Scope s = auth::Scope::system();
  VoteValueInput v;
  v.region_code = "63";
  v.fiscal_year = 2025;
  v.value_sen = 120000;
  v.basis = "DEFAULT_PP_1_2018";
  v.legal_basis = "PP 1/2018 Pasal 5 ayat (2); Permendagri 36/2018 jo 78/2020";
  v.election_year = 2024;
  v.note = "Contoh data demo.";
  PANTAU_CHECK(status_of(create_vote_value(c, s, v)));
  std::vector<int64_t> boards;
  for (const char* party : {"GOLKAR", "NASDEM", "PKS"}) {
    if (!c.query_i64("SELECT 1 FROM parties WHERE abbreviation = ?", {std::string(party)}))
      continue;
    std::string p(party);
    BoardInput b{"63",
                 p,
                 "SK DPP " + p + " (contoh)",
                 "2024-11-01",
                 "Ketua DPW " + p + " (contoh)",
                 "Sekretaris DPW " + p + " (contoh)",
                 "Bendahara DPW " + p + " (contoh)",
                 "",
                 "Bank Kalsel",
                 "",
                 "DPW " + p + " Kalimantan Selatan",
                 "Banjarmasin",
                 "2024-11-01",
                 std::nullopt};
    PANTAU_TRY(Board created, create_board(c, s, b));
    boards.push_back(created.id);
  }
  if (boards.size() < 3) return {};
  BoardPatch dispute;
  dispute.status = "DISPUTED";
  dispute.status_note = "Contoh: dua kepengurusan mengajukan permohonan; menunggu putusan.";
  PANTAU_CHECK(status_of(update_board(c, s, boards[2], 1, dispute)));
  LpjInput lpj{"63", "GOLKAR",     "Contoh LHP BPK", "Contoh data demo.", 2024,
               0,    "2025-01-24", "2025-03-20",     "2025-04-15",        std::nullopt};
  PANTAU_CHECK(status_of(create_lpj(c, s, lpj)));
  PANTAU_TRY(Application app, create_application(c, s,
                                                 {boards[0], 2025, "Contoh 001/DPW/II/2025",
                                                  "2025-02-10", "2025-02-11", false}));
  return status_of(act_on_application(c, s, app.id, app.version, {AppAction::StartCheck}));
}

}  // namespace pantau::party_aid
