-- wrk script: GET requests with a logged-in session cookie that ask for a fresh answer
-- (Cache-Control: no-cache): Pantau then runs the report list's query on every request instead
-- of answering from its kept page, which is what bench/peers/run.sh's "list, query" case measures.
local cookie = os.getenv("PANTAU_BENCH_COOKIE")
if not cookie or cookie == "" then
  error("PANTAU_BENCH_COOKIE is not set")
end
wrk.headers["Cookie"] = cookie
wrk.headers["Cache-Control"] = "no-cache"
