-- wrk script: POST /api/v1/monitoring/events (lapor cepat) as a kab/kota operator: one new fast
-- report per request, with a unique title (run label after `--`, wrk thread number, counter), in
-- one of the office's kecamatan (PANTAU_BENCH_REGIONS, comma-separated), with its own Idempotency-Key
-- (a real client sends one, and the server stores it with the answer in the same transaction).
--   PANTAU_BENCH_COOKIE=... PANTAU_BENCH_CSRF=... PANTAU_BENCH_REGIONS=63.71.01,63.71.02 \
--     wrk -s bench/monitoring/create_event.lua URL -- LABEL
local cookie = os.getenv("PANTAU_BENCH_COOKIE")
local csrf = os.getenv("PANTAU_BENCH_CSRF")
if not cookie or cookie == "" or not csrf or csrf == "" then
  error("PANTAU_BENCH_COOKIE and PANTAU_BENCH_CSRF must be set")
end
local regions = {}
for r in string.gmatch(os.getenv("PANTAU_BENCH_REGIONS") or "63.71", "[^,]+") do regions[#regions + 1] = r end

local categories = {"POLITICAL_SITUATION.DEMONSTRATION", "POLITICAL_SITUATION.SARA_HOAX", "ELECTION_STAGE.LOGISTICS",
                    "POLITICAL_SITUATION.MONEY_POLITICS", "POLITICAL_SITUATION.ASN_NEUTRALITY"}
local levels = {"LOW", "MEDIUM", "HIGH"}

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
  local n = counter + (tid or 0)
  local body = string.format(
    '{"region_code":"%s","location_text":"Depan kantor camat","occurred_at":"2026-11-20T03:15:00Z",' ..
    '"category_code":"%s","title":"Uji beban lapor cepat %s %d-%d",' ..
    '"description":"Massa sekitar 150 orang menyampaikan aspirasi secara damai; situasi kondusif.",' ..
    '"escalation_level":"%s","source":"FIELD","actors":[{"type":"PUBLIC","name":"Aliansi warga"}]}',
    regions[n % #regions + 1], categories[n % #categories + 1], label, tid or 0, counter, levels[n % #levels + 1])
  return wrk.format("POST", "/api/v1/monitoring/events", {
    ["Cookie"] = cookie,
    ["Idempotency-Key"] = string.format("%s-%d-%d", label, tid or 0, counter),
    ["X-CSRF-Token"] = csrf,
    ["Content-Type"] = "application/json",
  }, body)
end
