-- wrk's summary as one JSON line, for bench/api/wrk-get.mjs: requests, bytes, the run's length, latency
-- percentiles (ms), errors, and the CPU this whole process used (clock ticks, from /proc). Other scripts load it
-- with dofile (bench/scale/wrk-submit.lua).

local function cpu_ticks()
  local file = io.open("/proc/self/stat")
  local stat = file:read("*a")
  file:close()
  local fields = {}
  for field in stat:match("%) (.*)"):gmatch("%S+") do
    table.insert(fields, field)
  end
  return tonumber(fields[12]) + tonumber(fields[13])
end

function done(summary, latency)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"bytes":%d,"microseconds":%d,"p50":%.3f,"p99":%.3f,"max":%.3f,"non2xx":%d,"errors":%d,"cpuTicks":%d}\n',
    summary.requests, summary.bytes, summary.duration, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    cpu_ticks()))
end
