-- wrk script: GET requests with a logged-in session cookie (set by bench/conflict/run.sh).
--   PANTAU_BENCH_COOKIE="pantau_session=..." wrk -s bench/conflict/get.lua URL
local cookie = os.getenv("PANTAU_BENCH_COOKIE")
if not cookie or cookie == "" then
  error("PANTAU_BENCH_COOKIE is not set")
end
wrk.headers["Cookie"] = cookie
