-- wrk script for scripts/bench-ingest.sh: POST /api/v1/responses with a full
-- answer, as customers send it, to the target in $KAIKU_TARGET: the
-- recommendation (0..10) and every 1..5 statement of the target's survey
-- ($KAIKU_STATEMENTS, comma-separated ids), about one in six statements
-- "cannot say" (null); channel web, language fi. It counts what came back. At the end it prints one machine-readable line:
--   KAIKU_WRK sent=N received=N created=N non2xx=N errors=N rps=X p50_ms=X p99_ms=X
-- (sent - received = requests still in flight when wrk stopped; the server may
-- still have stored them).

local target = os.getenv("KAIKU_TARGET")
if target == nil or target == "" then
  io.stderr:write("ingest.lua: set KAIKU_TARGET to a target code\n")
  os.exit(2)
end
-- Target codes are plain identifiers, but escape the JSON specials anyway.
local function escape(text)
  return (text:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end))
end
target = escape(target)

local statements = {}
for id in (os.getenv("KAIKU_STATEMENTS") or ""):gmatch("[^,]+") do
  table.insert(statements, escape(id))
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  sent, received, created, non2xx = 0, 0, 0, 0
  math.randomseed(os.time() * 1000 + id)
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  sent = sent + 1
  local answers = { string.format('"nps":%d', math.random(0, 10)) }
  for _, id in ipairs(statements) do
    local value = math.random(0, 5)
    -- 0 stands for "cannot say", sent as null
    table.insert(answers, string.format('"%s":%s', id, value == 0 and "null" or tostring(value)))
  end
  local body = string.format(
    '{"target":"%s","channel":"web","language":"fi","answers":{%s}}',
    target, table.concat(answers, ","))
  return wrk.format("POST", "/api/v1/responses", nil, body)
end

function response(status, headers, body)
  received = received + 1
  if status == 201 then
    created = created + 1
  elseif status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local s, r, c, n = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent")
    r = r + t:get("received")
    c = c + t:get("created")
    n = n + t:get("non2xx")
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  local secs = summary.duration / 1e6
  io.write(string.format(
    "KAIKU_WRK sent=%d received=%d created=%d non2xx=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    s, r, c, n, errors, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
