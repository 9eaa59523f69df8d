// A keyset page written straight from the rows of a store query, for stores that answer JSON:
// {"items":[...],"next_after":"<id>"|null}.
#pragma once
#include <string>

#include "db/database.h"
#include "http/json.h"

namespace pantau::json {

// `sql` orders by id descending and ends with "LIMIT ?" bound to limit + 1; column 0 is the id.
// `write(o, row)` writes one item. The extra row only tells that another page exists.
template <class Write>
std::string keyset_page(db::Conn& c, const std::string& sql, const db::Params& p, int limit, Write write) {
  Out o;
  o.begin_object().key("items").begin_array();
  int n = 0;
  int64_t last = 0;
  bool more = false;
  c.query(sql, p, [&](const db::Row& r) {
    if (n++ == limit) {
      more = true;
      return;
    }
    last = r.i64(0);
    write(o, r);
  });
  o.end_array().key("next_after");
  more ? (void)o.value(std::to_string(last)) : (void)o.null();
  o.end_object();
  return o.take();
}

}  // namespace pantau::json
