-- Report submissions sent by wrk for bench/scale/wrk-client.mjs: a load generator written in C, so the
-- benchmark's client takes a small share of the two cores that the server and PostgreSQL also use.
-- WRK_SLOTS names a file of requests, one a line: path, cookie and JSON body, separated by tabs. Thread k of
-- WRK_THREADS sends lines k+1, k+1+WRK_THREADS, … each once; it stops when WRK_AMOUNT / WRK_THREADS of its
-- submissions are answered. The file holds spare lines beyond the amount, so the requests still in flight when
-- a thread stops are real submissions too, never a second report of a period (which the server would refuse).
-- The summary's duration is wrk's -d, not the run's: wrk-client.mjs times the run itself.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local requests = {}
local sent = 0
local answered = 0
local wanted = 0

function init()
  local count = tonumber(os.getenv("WRK_THREADS"))
  wanted = math.floor(tonumber(os.getenv("WRK_AMOUNT")) / count)
  local line_number = 0
  for line in io.lines(os.getenv("WRK_SLOTS")) do
    if line_number % count == id then
      local path, cookie, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
      table.insert(requests, wrk.format("POST", path, {
        ["Cookie"] = cookie,
        ["Content-Type"] = "application/json",
      }, body))
    end
    line_number = line_number + 1
  end
end

function request()
  sent = sent + 1
  -- Past the spare lines (they cover every connection's request in flight) the last one is sent again.
  return requests[math.min(sent, #requests)]
end

function response()
  answered = answered + 1
  if answered == wanted then
    -- wrk's main thread sleeps out its whole duration whatever its threads do: the client times the run from
    -- these lines and then ends it with SIGINT, which wrk answers with its summary.
    io.write("stopped\n")
    io.flush()
    wrk.thread:stop()
  end
end

-- done(): the summary line wrk-client.mjs reads.
dofile(os.getenv("WRK_SUMMARY_SCRIPT"))
