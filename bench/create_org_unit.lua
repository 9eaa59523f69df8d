-- wrk script: POST /api/v1/org-units as the admin, one new org unit per request with a unique
-- name (run label from the command line after `--`, wrk thread number, counter).
--   PANTAU_BENCH_COOKIE=... PANTAU_BENCH_CSRF=... wrk -s bench/create_org_unit.lua URL -- LABEL
local cookie = os.getenv("PANTAU_BENCH_COOKIE")
local csrf = os.getenv("PANTAU_BENCH_CSRF")
if not cookie or cookie == "" or not csrf or csrf == "" then
  error("PANTAU_BENCH_COOKIE and PANTAU_BENCH_CSRF must be set")
end

local thread_no = 0
function setup(thread)
  thread_no = thread_no + 1
  thread:set("tid", thread_no)
end

local label = "run"
local counter = 0
function init(args)
  if args[1] then label = args[1] end
end

function request()
  counter = counter + 1
  local body = string.format('{"name":"Mitra uji beban %s %d-%d","kind":"PARTNER","region_code":"63"}',
                             label, tid or 0, counter)
  return wrk.format("POST", "/api/v1/org-units", {
    ["Cookie"] = cookie,
    ["X-CSRF-Token"] = csrf,
    ["Content-Type"] = "application/json",
  }, body)
end
