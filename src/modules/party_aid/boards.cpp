// Party boards (kepengurusan): the registered board of a party in a region, its bank account,
// disputes and supersession.
#include "audit/audit.h"
#include "auth/roles.h"
#include "core/time.h"
#include "modules/party_aid/store_internal.h"

namespace pantau::party_aid {

namespace {

// ---- boards -------------------------------------------------------------------------------

constexpr const char* kBoardSelect =
    "SELECT b.id, b.region_code, COALESCE(r.name, ''), b.party_abbreviation, b.decree_no, "
    "b.decree_date, b.chair, b.secretary, b.treasurer, b.npwp, b.bank_name, b.bank_account_no, "
    "b.bank_account_holder, b.office_address, b.valid_from, b.valid_to, b.status, b.status_note, "
    "b.created_at, b.updated_at, b.version FROM party_boards b LEFT JOIN regions r ON r.code = "
    "b.region_code ";

Board board_from(const db::Row& r) {
  Board b;
  b.id = r.i64(0);
  b.region_code = r.str(1);
  b.region_name = r.str(2);
  b.party_abbreviation = r.str(3);
  b.decree_no = r.str(4);
  b.decree_date = r.str(5);
  b.chair = r.str(6);
  b.secretary = r.str(7);
  b.treasurer = r.str(8);
  b.npwp = r.str(9);
  b.bank_name = r.str(10);
  b.bank_account_no = r.str(11);
  b.bank_account_holder = r.str(12);
  b.office_address = r.str(13);
  b.valid_from = r.str(14);
  b.valid_to = r.opt_str(15);
  b.status = r.str(16);
  b.status_note = r.str(17);
  b.created_at = r.str(18);
  b.updated_at = r.str(19);
  b.version = r.i64(20);
  return b;
}

}  // namespace

std::optional<Board> current_board(db::Conn& c, const std::string& region,
                                   const std::string& party) {
  std::optional<Board> b;
  c.query(std::string(kBoardSelect) +
              "WHERE b.region_code = ? AND b.party_abbreviation = ? AND b.status IN "
              "('RECOGNISED', 'DISPUTED') ORDER BY b.id DESC LIMIT 1",
          {region, party}, [&](const db::Row& r) { b = board_from(r); });
  return b;
}

std::map<std::pair<std::string, std::string>, Board> current_boards(
    db::Conn& c, const std::vector<std::string>& regions) {
  std::map<std::pair<std::string, std::string>, Board> out;
  if (regions.empty()) return out;
  db::Params p;
  std::string in;
  for (const auto& r : regions) {
    in += in.empty() ? "?" : ", ?";
    p.emplace_back(r);
  }
  c.query(std::string(kBoardSelect) + "WHERE b.region_code IN (" + in +
              ") AND b.status IN ('RECOGNISED', 'DISPUTED') ORDER BY b.id",
          p, [&](const db::Row& r) {
            Board b = board_from(r);
            out[{b.region_code, b.party_abbreviation}] = std::move(b);  // the latest id wins
          });
  return out;
}

BoardState board_state(const std::optional<Board>& b, Date on) {
  if (!b) return BoardState::None;
  if (b->status == "DISPUTED") return BoardState::Disputed;
  std::string d = format_date(on);
  if (d < b->valid_from || (b->valid_to && d > *b->valid_to)) return BoardState::Expired;
  return BoardState::Recognised;
}

Page<Board> list_boards(db::Conn& c, const auth::Scope& s, const std::string& region,
                        bool include_superseded, const Paging& page) {
  db::Params p;
  std::string sql = std::string(kBoardSelect) + "WHERE " + s.region_filter("b.region_code", p);
  if (!region.empty()) {
    sql += " AND b.region_code = ?";
    p.emplace_back(region);
  }
  if (!include_superseded) sql += " AND b.status <> 'SUPERSEDED'";
  return db::keyset_page(c, sql, p, page, "b.id", board_from);
}

std::optional<Board> get_board(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<Board> b;
  c.query(std::string(kBoardSelect) + "WHERE b.id = ? AND " + s.region_filter("b.region_code", p),
          p, [&](const db::Row& r) { b = board_from(r); });
  return b;
}

Result<Board> create_board(db::Conn& c, const auth::Scope& s, const BoardInput& in) {
  PANTAU_CHECK(check_write(s, in.region_code, auth::kRecordWrite));
  PANTAU_CHECK(check_aid_region(c, in.region_code));
  if (in.region_code.empty())
    return Error::invalid_field("region_code", "not_allowed",
                                "Kepengurusan dicatat untuk provinsi atau kabupaten/kota.",
                                "Boards are recorded for a province or a kabupaten/kota.");
  if (!party_exists(c, in.party_abbreviation))
    return Error::invalid_field("party_abbreviation", "not_found", "Partai tidak dikenal.",
                                "Unknown party.");
  auto current = current_board(c, in.region_code, in.party_abbreviation);
  if (current && current->status == "DISPUTED")
    return Error::conflict("board.disputed",
                           "Kepengurusan partai ini sedang bersengketa: tetapkan dahulu "
                           "kepengurusan yang diakui.",
                           "This party's board is disputed: settle which board is recognised "
                           "first.");
  std::string now = now_iso();
  if (current) {
    c.exec(
        "UPDATE party_boards SET status = 'SUPERSEDED', status_note = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ?",
        {std::string("Digantikan kepengurusan baru (SK ") + in.decree_no + ")", now, current->id});
    auto after = get_board(c, auth::Scope::system(), current->id);
    audit::append(c, s,
                  {"supersede", "party_board", std::to_string(current->id), in.region_code, 0,
                   to_json(*current), to_json(*after)});
  }
  int64_t id = c.insert(
      "INSERT INTO party_boards (region_code, party_abbreviation, decree_no, decree_date, chair, "
      "secretary, treasurer, npwp, bank_name, bank_account_no, bank_account_holder, "
      "office_address, valid_from, valid_to, status, status_note, created_by, created_at, "
      "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECOGNISED', '', "
      "?, ?, ?, 1)",
      {in.region_code, in.party_abbreviation, in.decree_no, in.decree_date, in.chair, in.secretary,
       in.treasurer, in.npwp, in.bank_name, in.bank_account_no, in.bank_account_holder,
       in.office_address, in.valid_from, opt_text(in.valid_to), user_or_null(s), now, now});
  auto b = get_board(c, s, id);
  audit::append(
      c, s,
      {"create", "party_board", std::to_string(id), in.region_code, 0, std::nullopt, to_json(*b)});
  return std::move(*b);
}

Result<Board> update_board(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                           const BoardPatch& in) {
  auto before = get_board(c, s, id);
  if (!before) return Error::not_found("Kepengurusan tidak ditemukan.", "Board not found.");
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  Board after = *before;
  for (auto [field, value] :
       std::vector<std::pair<std::string*, const std::optional<std::string>*>>{
           {&after.chair, &in.chair},
           {&after.secretary, &in.secretary},
           {&after.treasurer, &in.treasurer},
           {&after.npwp, &in.npwp},
           {&after.bank_name, &in.bank_name},
           {&after.bank_account_no, &in.bank_account_no},
           {&after.bank_account_holder, &in.bank_account_holder},
           {&after.office_address, &in.office_address},
           {&after.status, &in.status},
           {&after.status_note, &in.status_note}})
    if (*value) *field = **value;
  if (in.valid_to) after.valid_to = in.valid_to->empty() ? std::nullopt : in.valid_to;
  if (before->status == "SUPERSEDED" && after.status != "SUPERSEDED")
    return Error::conflict("board.superseded",
                           "Kepengurusan yang sudah digantikan tidak dapat diaktifkan lagi.",
                           "A superseded board cannot be made current again.");
  if (after.status != before->status && after.status != "RECOGNISED" &&
      (!in.status_note || in.status_note->empty()))
    return Error::invalid_field("status_note", "required",
                                "Sebutkan dasar perubahan status (putusan, surat, dsb.).",
                                "Give the ground of the status change (ruling, letter, ...).");
  if (after.status == "RECOGNISED" && before->status != "RECOGNISED" &&
      c.query_i64("SELECT 1 FROM party_boards WHERE region_code = ? AND party_abbreviation = ? "
                  "AND status = 'RECOGNISED' AND id <> ?",
                  {after.region_code, after.party_abbreviation, id}))
    return Error::conflict("board.already_recognised",
                           "Sudah ada kepengurusan lain yang diakui untuk partai ini.",
                           "Another board of this party is already recognised.");
  if (before->version != version) return Error::stale_version();
  int64_t n = c.exec(
      "UPDATE party_boards SET chair = ?, secretary = ?, treasurer = ?, npwp = ?, bank_name = ?, "
      "bank_account_no = ?, bank_account_holder = ?, office_address = ?, valid_to = ?, status = "
      "?, status_note = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {after.chair, after.secretary, after.treasurer, after.npwp, after.bank_name,
       after.bank_account_no, after.bank_account_holder, after.office_address,
       opt_text(after.valid_to), after.status, after.status_note, now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto fresh = get_board(c, s, id);
  audit::append(c, s,
                {"update", "party_board", std::to_string(id), fresh->region_code, 0,
                 to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

}  // namespace pantau::party_aid
