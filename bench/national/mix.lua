-- wrk script of the national benchmark: requests of many sessions (bench/national/sessions.tsv,
-- written by load_pg.py), each request from a session drawn at random among those who make it.
--   NAT_SESSIONS=FILE   the sessions file (cookie, CSRF, kind, region, office region)
--   NAT_ONLY=NAME       only this endpoint, as fast as possible (per-endpoint capacity)
--   NAT_RATE=R          otherwise: the election-day mix, each connection pausing so that all of
--                       them together send about R requests per second (think time)
--   wrk -s bench/national/mix.lua URL -- LABEL
local file = os.getenv("NAT_SESSIONS") or error("NAT_SESSIONS is not set")
local only = os.getenv("NAT_ONLY")
if only == "" then only = nil end
local rate = tonumber(os.getenv("NAT_RATE") or "0")
local conns = tonumber(os.getenv("NAT_CONNS") or "64")

-- Requests per second each kind of request adds on election day, per session of its kind
-- (docs/PERFORMANCE.md "National deployment" explains the figures):
-- a kecamatan operator sends a fast report every 15 minutes, looks at the list after it and adds
-- a photo or document to every second one; an office officer's dashboard refreshes every minute,
-- the events list every 2 minutes, the map, the report list and a search every 5 minutes.
local mix = {
  {name = "submit",    kind = "kec",    per_session = 1 / 900},
  {name = "events",    kind = "kec",    per_session = 1 / 900},
  {name = "upload",    kind = "kec",    per_session = 1 / 1800},
  {name = "dashboard", kind = "office", per_session = 1 / 60},
  {name = "events",    kind = "office", per_session = 1 / 120},
  {name = "geo",       kind = "office", per_session = 1 / 300},
  {name = "reports",   kind = "office", per_session = 1 / 300},
  {name = "search",    kind = "office", per_session = 1 / 300},
}

local sessions = {kec = {}, office = {}}
local label = "run"
local counter = 0
local weights, total = {}, 0
local thread_no = 0

function setup(thread)
  thread_no = thread_no + 1
  thread:set("tid", thread_no)
end

function init(args)
  if args[1] then label = args[1] end
  for line in io.lines(file) do
    local cookie, csrf, kind, region, office = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
    if cookie then
      local list = sessions[kind]
      list[#list + 1] = {cookie = cookie, csrf = csrf, region = region, office = office}
    end
  end
  for i, m in ipairs(mix) do
    local w = 0
    if not only or m.name == only then w = #sessions[m.kind] * m.per_session end
    weights[i] = w
    total = total + w
  end
  if total == 0 then error("no request matches NAT_ONLY=" .. tostring(only)) end
  math.randomseed(os.time() * 100 + (tid or 0))
end

local words = {"hoaks", "kondusif", "politik", "hoaks kondusif", "demonstrasi", "netralitas"}
local categories = {"POLITICAL_SITUATION.DEMONSTRATION", "POLITICAL_SITUATION.SARA_HOAX", "ELECTION_STAGE.LOGISTICS",
                    "POLITICAL_SITUATION.MONEY_POLITICS", "POLITICAL_SITUATION.ASN_NEUTRALITY"}
local levels = {"LOW", "MEDIUM", "HIGH"}
local padding = string.rep("0123456789abcdef", 1024)  -- 16 KB of file content

local function pick()
  local x = math.random() * total
  for i, m in ipairs(mix) do
    x = x - weights[i]
    if x <= 0 and weights[i] > 0 then return m end
  end
  for i = #mix, 1, -1 do if weights[i] > 0 then return mix[i] end end
end

local function urlenc(s) return (s:gsub(" ", "%%20")) end

function request()
  counter = counter + 1
  local m = pick()
  local list = sessions[m.kind]
  local s = list[math.random(#list)]
  local key = string.format("%s-%d-%d", label, tid or 0, counter)
  if m.name == "submit" then
    local body = string.format(
      '{"region_code":"%s","location_text":"Depan kantor camat","occurred_at":"2026-11-20T03:15:00Z",' ..
      '"category_code":"%s","title":"Uji nasional lapor cepat %s",' ..
      '"description":"Massa sekitar 150 orang menyampaikan aspirasi secara damai; situasi kondusif.",' ..
      '"escalation_level":"%s","source":"FIELD","actors":[{"type":"PUBLIC","name":"Aliansi warga"}]}',
      s.region, categories[counter % #categories + 1], key, levels[counter % #levels + 1])
    return wrk.format("POST", "/api/v1/monitoring/events", {
      ["Cookie"] = s.cookie, ["X-CSRF-Token"] = s.csrf, ["Idempotency-Key"] = key,
      ["Content-Type"] = "application/json"}, body)
  elseif m.name == "upload" then
    local b = "natbench" .. key
    local body = "--" .. b .. "\r\nContent-Disposition: form-data; name=\"region_code\"\r\n\r\n" .. s.region .. "\r\n" ..
      "--" .. b .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"foto-" .. key .. ".pdf\"\r\n" ..
      "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n% " .. key .. "\n" .. padding .. "\n%%EOF\n\r\n--" .. b .. "--\r\n"
    return wrk.format("POST", "/api/v1/files", {
      ["Cookie"] = s.cookie, ["X-CSRF-Token"] = s.csrf, ["Idempotency-Key"] = key,
      ["Content-Type"] = "multipart/form-data; boundary=" .. b}, body)
  elseif m.name == "dashboard" then
    return wrk.format("GET", "/api/v1/dashboard", {["Cookie"] = s.cookie})
  elseif m.name == "events" then
    return wrk.format("GET", "/api/v1/monitoring/events?region=" .. s.office .. "&limit=50", {["Cookie"] = s.cookie})
  elseif m.name == "reports" then
    return wrk.format("GET", "/api/v1/monitoring/reports?region=" .. s.office .. "&limit=50", {["Cookie"] = s.cookie})
  elseif m.name == "geo" then
    return wrk.format("GET", "/api/v1/geo/kabkota?province=" .. s.office:sub(1, 2), {["Cookie"] = s.cookie})
  else
    return wrk.format("GET", "/api/v1/search?q=" .. urlenc(words[counter % #words + 1]), {["Cookie"] = s.cookie})
  end
end

-- Think time: exponential pauses averaging conns / rate seconds per connection.
if rate > 0 then
  function delay()
    local mean_ms = conns / rate * 1000
    return math.floor(-math.log(1 - math.random()) * mean_ms)
  end
end

