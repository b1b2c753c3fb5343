-- wrk script: a hostile mix against one cxr server (scripts/load-test.sh --hostile).
-- Each request is, at random: the same cached report (40%), a report or query with parameters no one asked before,
-- so every one is a cache miss and a real evaluation (40%), or POST /api/check with a 256 KiB body full of errors (20%).
-- Counts answers by status class per thread and prints the totals, so any 5xx is seen.

local check_body = string.rep("metric m = nsp(responses.score) @@@@\n", math.floor(256 * 1024 / 37))
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counts = { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0 }
  by_status = {}
  math.randomseed(os.time() + id * 7919)
end

local function day(offset)
  -- 2024-01-01 plus offset days, as YYYY-MM-DD (os.date in UTC)
  return os.date("!%Y-%m-%d", 1704067200 + offset * 86400)
end

function request()
  counter = counter + 1
  local roll = math.random(100)
  if roll <= 40 then
    return wrk.format("GET", "/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=pro")
  elseif roll <= 80 then
    local from = math.random(0, 600)
    local to = from + math.random(1, 400)
    if roll <= 60 then
      return wrk.format("GET", "/api/query?q=nps,%20csat%20by%20day,%20channel&from=" .. day(from) .. "&to=" .. day(to))
    end
    return wrk.format("GET", "/api/reports/experience?from=" .. day(from) .. "&to=" .. day(to))
  end
  -- wrk.format takes these headers instead of wrk.headers: copy the Authorization header given with -H.
  local headers = { ["Content-Type"] = "text/plain" }
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format("POST", "/api/check", headers, check_body)
end

function response(status, headers, body)
  local class = math.floor(status / 100) .. "xx"
  counts[class] = (counts[class] or 0) + 1
  by_status[status] = (by_status[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals, statuses = {}, {}
  for _, thread in ipairs(threads) do
    for class, n in pairs(thread:get("counts")) do totals[class] = (totals[class] or 0) + n end
    for status, n in pairs(thread:get("by_status")) do statuses[status] = (statuses[status] or 0) + n end
  end
  io.write(string.format("answers: 2xx %d, 3xx %d, 4xx %d, 5xx %d\n",
    totals["2xx"] or 0, totals["3xx"] or 0, totals["4xx"] or 0, totals["5xx"] or 0))
  local keys = {}
  for status in pairs(statuses) do table.insert(keys, status) end
  table.sort(keys)
  for _, status in ipairs(keys) do io.write(string.format("  %d: %d\n", status, statuses[status])) end
end
