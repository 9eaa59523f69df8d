-- Complaints from the portal, each a new request; counts the acknowledged ones (201) so the
-- caller can compare them with the rows stored (BENCH_CREATED_FILE).
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  created = 0
  n = 0
end
function request()
  n = n + 1
  local body = '{"kind":"COMPLAINT","office":"63.71","applicant_name":"Warga Uji","applicant_contact":"081234567890",' ..
    '"subject":"Uji beban ' .. n .. '","body":"Pengaduan uji beban portal."}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
function response(status, headers, body)
  if status == 201 then created = created + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("created") end
  local path = os.getenv("BENCH_CREATED_FILE")
  if path then
    local f = io.open(path, "a")
    f:write(total, "\n")
    f:close()
  end
end
