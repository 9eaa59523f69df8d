// One page of a list, and the one keyset-paging helper every store uses.
//
// Lists page by id ("keyset"), never by OFFSET: a page is "the next `limit` records after the
// id the previous page ended on", so a record written while a user pages is neither skipped nor
// shown twice, and page 1,000 costs what page 1 costs (one index range).
//
// The types live here, not in http/, because stores return them: a store knows SQL and records,
// not HTTP. http/params.h reads them from ?after=&limit= and http/handler.h answers them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "db/database.h"

namespace pantau::db {

// Where a page starts and how long it is (read by http::paging from ?after=&limit=).
struct Paging {
  std::optional<int64_t> after;  // the cursor: `next_after` of the previous page
  int limit = 50;
};

// One page of records; `next_after` is set when another page follows (pass it as ?after=).
template <class T>
struct Page {
  std::vector<T> items;
  std::optional<int64_t> next_after;
};

// Ascending lists show the oldest record first (registers); descending ones the newest
// (incidents, a feed). The cursor condition follows the order.
enum class KeyOrder { Ascending, Descending };

// For a store that fetched `limit + 1` records itself (a query keyset_page below cannot shape):
// drops the extra record and sets the cursor from the last one kept.
template <class T>
Page<T> trim_page(Page<T> page, int limit) {
  if (static_cast<int64_t>(page.items.size()) > limit) {
    page.items.erase(page.items.begin() + limit, page.items.end());
    page.next_after = page.items.back().id;
  }
  return page;
}

// Runs `sql` (a SELECT ending in its WHERE conditions: write "WHERE 1 = 1" when there are none)
// as one page: adds the cursor condition on `id_column`, the ORDER BY and a LIMIT one above the
// page size, to learn whether another page follows without a COUNT. `from_row` turns a row into
// a record with an `id` member; the last record's id is the next cursor.
template <class F>
auto keyset_page(Conn& c, std::string sql, Params p, const Paging& page, std::string_view id_column, F from_row,
                 KeyOrder order = KeyOrder::Ascending) -> Page<std::decay_t<std::invoke_result_t<F&, const Row&>>> {
  using T = std::decay_t<std::invoke_result_t<F&, const Row&>>;
  const bool asc = order == KeyOrder::Ascending;
  if (page.after) {
    sql += " AND ";
    sql += id_column;
    sql += asc ? " > ?" : " < ?";
    p.emplace_back(*page.after);
  }
  sql += " ORDER BY ";
  sql += id_column;
  sql += asc ? " LIMIT ?" : " DESC LIMIT ?";
  p.emplace_back(int64_t{page.limit} + 1);
  Page<T> out;
  c.query(sql, p, [&](const Row& r) { out.items.push_back(from_row(r)); });
  return trim_page(std::move(out), page.limit);
}

}  // namespace pantau::db
