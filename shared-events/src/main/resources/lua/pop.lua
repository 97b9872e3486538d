-- pop: reserve the oldest ready job.  (Laravel: LuaScripts::pop)
-- KEYS[1] ready list, KEYS[2] reserved zset, KEYS[3] notify list
-- ARGV[1] Unix second at which the reservation expires (now + retry_after)
-- Returns {original payload, reserved payload} or {false, false} when the list is empty.
-- The reserved copy is re-encoded by cjson with attempts + 1: it is the exact member to ZREM or release later.
local job = redis.call('lpop', KEYS[1])
if job == false then
  return {false, false}
end

local function with_attempt_counted(payload)
  local decoded = cjson.decode(payload)
  decoded['attempts'] = decoded['attempts'] + 1
  return cjson.encode(decoded)
end

-- Laravel decodes without a guard: a payload that is not a job (not JSON, no numeric attempts) fails the script
-- after the LPOP and is lost. Here it is reserved unchanged, so the worker sees it and records it as failed.
local ok, reserved = pcall(with_attempt_counted, job)
if not ok then
  reserved = job
end
redis.call('zadd', KEYS[2], ARGV[1], reserved)
redis.call('lpop', KEYS[3])
return {job, reserved}
