// The handler kit: the shapes every module's HTTP handler takes, written once, so that a
// handler reads "parse the input, call the store, answer".
//
//   // read one: path id -> read transaction -> 404 when absent -> 200 with the ETag
//   Response get_one_team(Ctx& ctx) {
//     return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_team(c, ctx.scope(), id); },
//                           {"Tim tidak ditemukan.", "Team not found."});
//   }
//   // list a page: ?after=&limit= (a bad one is a 422 naming the field) -> {"items":[...],"next_after":..}
//   Response list_all_teams(Ctx& ctx) {
//     PANTAU_TRY(http::Paging page, http::paging(ctx.req));
//     return http::read_page(ctx, [&](db::Conn& c) { return list_teams(c, ctx.scope(), page); });
//   }
//   // create: Idempotency-Key honoured, 201 with the record and its ETag
//   Response create_team(Ctx& ctx) {
//     PANTAU_TRY(TeamInput in, team_input(ctx.req));
//     return http::create(ctx, [&](db::Conn& c) { return save_team(c, ctx.scope(), in); });
//   }
//   // update with If-Match: path id, If-Match, then the body; 200 with the record and its ETag
//   Response patch_team(Ctx& ctx) {
//     return http::update(ctx, team_input, [&](db::Conn& c, int64_t id, int64_t version, const TeamInput& in) {
//       return update_team(c, ctx.scope(), id, version, in);
//     });
//   }
//   // run an action: POST .../{id}/actions {"action": ..., "note": ...} with If-Match
//   Response event_action(Ctx& ctx) {
//     return http::action(ctx, {"VERIFY", "CLOSE"}, "note", [&](db::Conn& c, int64_t id, int64_t v,
//                                                               const std::string& action, const std::string& note) {
//       return act_on_event(c, ctx.scope(), id, v, *parse_event_action(action), note);
//     });
//   }
//
// How a store's result is answered (answer_result below): a record -> its module's to_json
// (found by argument-dependent lookup) with an ETag when it has a `version`; a Status -> 204;
// a Response -> as it is; an Error -> its problem+json (Response converts from Error, so
// PANTAU_TRY works inside a handler).
//
// Every function here runs its store call in one transaction of its own: a read in
// Database::read, a write in Database::write (create: in http::idempotent_write).
#pragma once
#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "http/context.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"

namespace pantau::http {

// ---- answering ----------------------------------------------------------------------------

template <class T>
concept HasVersion = requires(const T& t) {
  { t.version } -> std::convertible_to<int64_t>;
};

// A record as JSON with the given status, and its ETag when it has a version.
template <class T>
Response answer(int status, const T& record) {
  Response r = Response::json(status, to_json(record));
  if constexpr (HasVersion<T>) r.header("ETag", etag(record.version));
  return r;
}

namespace detail {
template <class T>
struct is_result : std::false_type {};
template <class T>
struct is_result<Result<T>> : std::true_type {};
}  // namespace detail

// A store's answer to a write or read: Result<T>/T -> the record (answer()), Status -> 204,
// Result<Response>/Response -> as it is, failures -> their problem+json.
template <class R>
Response answer_result(int status, R&& r) {
  using V = std::decay_t<R>;
  if constexpr (std::is_same_v<V, Response>) {
    return std::forward<R>(r);
  } else if constexpr (detail::is_result<V>::value) {
    if (!r.ok()) return r.error();
    if constexpr (std::is_same_v<V, Status>) return Response::no_content();
    else return answer_result(status, std::forward<R>(r).value());
  } else {
    return answer(status, r);
  }
}

// {"items":[...]} of records serialised by their module's to_json (a list that is not paged:
// a short reference list, the children of one record).
template <class T>
std::string items_json(const std::vector<T>& items) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (const auto& item : items) o.raw(to_json(item));
  o.end_array().end_object();
  return o.take();
}

// A file to download (PDF, XLSX, CSV): never cached by a shared cache, since it holds the
// caller's data. Characters that would break the header are replaced in `filename`.
Response attachment(std::string body, std::string mime, std::string_view filename);

// A problem+json answer with one more member beside the error (an import's per-row report).
Response problem_with(const Error& e, std::string_view key, std::string_view value_json);

using json::with_member;

// ---- the opening of a handler ------------------------------------------------------------

// A record named in the path and the version the client read (If-Match): checked in this
// order, so a bad id is 404 before a missing If-Match is 428.
struct Target {
  int64_t id = 0;
  int64_t version = 0;
};
Result<Target> versioned_target(const Request& req, std::string_view id_param = "id");

// ---- read one -----------------------------------------------------------------------------

// `get(conn)` returns std::optional<Record>; absent (or out of scope) answers 404 with
// `not_found`, otherwise 200 with the record and its ETag.
template <class Get>
Response read_record(Ctx& ctx, Get get, const Message& not_found = {"Data tidak ditemukan.", "Record not found."}) {
  std::invoke_result_t<Get&, db::Conn&> rec;
  Status s = ctx.db().read([&](db::Conn& c) { rec = get(c); });
  if (!s.ok()) return s.error();
  if (!rec) return Error::not_found(not_found.id, not_found.en);
  return answer(200, *rec);
}

// The same for the record named by the path's {id}: `get(conn, id)`.
template <class Get>
Response read_one(Ctx& ctx, Get get, const Message& not_found = {"Data tidak ditemukan.", "Record not found."}) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  return read_record(ctx, [&](db::Conn& c) { return get(c, id); }, not_found);
}

// Any read: `fn(conn)` returns what answer_result() answers (a record, a Result, a Response).
template <class Fn>
Response read(Ctx& ctx, Fn fn, int status = 200) {
  std::optional<std::invoke_result_t<Fn&, db::Conn&>> out;
  Status s = ctx.db().read([&](db::Conn& c) { out.emplace(fn(c)); });
  if (!s.ok()) return s.error();
  return answer_result(status, std::move(*out));
}

// ---- lists --------------------------------------------------------------------------------

// `list(conn)` returns a Page<T> (or Result<Page<T>>): {"items":[...],"next_after":"<id>"|null}.
template <class List>
Response read_page(Ctx& ctx, List list) {
  std::string body;
  std::optional<Error> err;
  Status s = ctx.db().read([&](db::Conn& c) {
    auto page = list(c);
    if constexpr (detail::is_result<decltype(page)>::value) {
      if (!page.ok()) err = page.error();
      else body = page_json(page.value());
    } else {
      body = page_json(page);
    }
  });
  if (!s.ok()) return s.error();
  if (err) return *err;
  return Response::json(200, std::move(body));
}

// `list(conn)` returns a std::vector<T> (or Result of one): {"items":[...]}.
template <class List>
Response read_items(Ctx& ctx, List list) {
  std::string body;
  std::optional<Error> err;
  Status s = ctx.db().read([&](db::Conn& c) {
    auto items = list(c);
    if constexpr (detail::is_result<decltype(items)>::value) {
      if (!items.ok()) err = items.error();
      else body = items_json(items.value());
    } else {
      body = items_json(items);
    }
  });
  if (!s.ok()) return s.error();
  if (err) return *err;
  return Response::json(200, std::move(body));
}

// ---- writes -------------------------------------------------------------------------------

// Create: `fn(conn)` in an idempotent write (a retried POST with the same Idempotency-Key gets
// the first answer and creates nothing); 201 with the record and its ETag.
template <class Fn>
Response create(Ctx& ctx, Fn fn, int status = 201) {
  return idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    auto r = fn(c);
    if constexpr (detail::is_result<decltype(r)>::value)
      if (!r.ok()) return std::move(r).error();
    return answer_result(status, std::move(r));
  });
}

// Any write: `fn(conn)` in one write transaction; its result answered by answer_result().
template <class Fn>
Response write(Ctx& ctx, Fn fn, int status = 200) {
  using R = std::invoke_result_t<Fn&, db::Conn&>;
  std::optional<R> out;
  Status s = ctx.db().write([&](db::Conn& c) -> Status {
    out.emplace(fn(c));
    if constexpr (detail::is_result<R>::value)
      if (!out->ok()) return out->error();  // rolls the transaction back
    return {};
  });
  if (!s.ok()) return s.error();
  return answer_result(status, std::move(*out));
}

// Update with If-Match: the path id and If-Match version, then the body through `parse(req)`
// (a Result<Input>), then `store(conn, id, version, input)` in a write transaction; answers
// the record with its ETag (or 204 when the store returns a Status).
template <class Parse, class Store>
Response update(Ctx& ctx, Parse parse, Store store) {
  PANTAU_TRY(Target t, versioned_target(ctx.req));
  PANTAU_TRY(auto in, parse(ctx.req));
  return write(ctx, [&](db::Conn& c) { return store(c, t.id, t.version, in); });
}

// Run an action: POST .../{id}/actions with If-Match and {"action": one of `actions`,
// "<text_field>": optional text of at most `max_text` characters};
// `act(conn, id, version, action, text)` in a write transaction; answers as update() does.
template <class Act>
Response action(Ctx& ctx, const std::vector<std::string_view>& actions, std::string_view text_field, Act act,
                size_t max_text = 5000) {
  PANTAU_TRY(Target t, versioned_target(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto name = in.one_of("action", true, actions);
  auto text = in.str(text_field, false, max_text);
  if (!in.ok()) return in.error();
  return write(ctx, [&](db::Conn& c) { return act(c, t.id, t.version, *name, text.value_or("")); });
}

// ---- uploads ------------------------------------------------------------------------------

class MultipartParser;
// Feeds a streamed upload (the request body the server spooled to a file) to `parser` in 64 KiB
// chunks and finishes it: the parser's first error, or none when every part was read.
Status feed_multipart_body(const Request& req, MultipartParser& parser);

}  // namespace pantau::http
