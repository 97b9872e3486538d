-- pop_many: reserve up to ARGV[2] of the oldest ready jobs in one call, each exactly as pop.lua would
-- (attempts + 1, reserved until ARGV[1], one notify token taken per job). Same effects as N pops in a row.
-- KEYS[1] ready list, KEYS[2] reserved zset, KEYS[3] notify list
-- ARGV[1] Unix second at which the reservations expire (now + retry_after); ARGV[2] how many at most (>= 1)
-- Returns {original 1, reserved 1, original 2, reserved 2, ...}; empty when the list is empty.
local function with_attempt_counted(payload)
  local decoded = cjson.decode(payload)
  decoded['attempts'] = decoded['attempts'] + 1
  return cjson.encode(decoded)
end

local result = {}
for _ = 1, tonumber(ARGV[2]) do
  local job = redis.call('lpop', KEYS[1])
  if job == false then
    break
  end
  -- as pop.lua: a payload that is not a job is reserved unchanged, for the worker to record as failed
  local ok, reserved = pcall(with_attempt_counted, job)
  if not ok then
    reserved = job
  end
  redis.call('zadd', KEYS[2], ARGV[1], reserved)
  redis.call('lpop', KEYS[3])
  result[#result + 1] = job
  result[#result + 1] = reserved
end
return result
