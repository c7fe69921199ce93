-- wrk script of run-http-load.sh. Environment:
--   TOKENS_FILE  one token a line: every request takes the next one (each thread starts at its own offset), so
--                every request carries a different token while the pool lasts; otherwise TOKEN, one fixed token
--   COUNT_STATUS when set, counts the answers by class and prints "status_2xx N", "status_4xx N", "status_5xx N"
--                (and "status_other N") at the end
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("TOKENS_FILE")
  headers = {}
  s2, s4, s5, sx = 0, 0, 0, 0
  if file and #file > 0 then
    tokens = {}
    for line in io.lines(file) do
      if #line > 0 then tokens[#tokens + 1] = "Bearer " .. line end
    end
    position = (id * 7919) % #tokens
  else
    headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
    fixed = wrk.format(nil, nil, headers)
  end
end

function request()
  if fixed then return fixed end
  position = position % #tokens + 1
  headers["Authorization"] = tokens[position]
  return wrk.format(nil, nil, headers)
end

local count_status = os.getenv("COUNT_STATUS")
if count_status and #count_status > 0 then
  function response(status, headers, body)
    if status < 300 then s2 = s2 + 1
    elseif status >= 500 then s5 = s5 + 1
    elseif status >= 400 then s4 = s4 + 1
    else sx = sx + 1 end
  end

  function done(summary, latency, requests)
    local t2, t4, t5, tx = 0, 0, 0, 0
    for _, thread in ipairs(threads) do
      t2 = t2 + thread:get("s2"); t4 = t4 + thread:get("s4")
      t5 = t5 + thread:get("s5"); tx = tx + thread:get("sx")
    end
    io.write(string.format("status_2xx %d\nstatus_4xx %d\nstatus_5xx %d\nstatus_other %d\n", t2, t4, t5, tx))
  end
end
