-- pop, tolerant: Laravel's pop script (shared-events lua/pop.lua), except for a payload that cjson cannot decode or
-- that has no numeric "attempts". Laravel's script raises an error there AFTER the LPOP, so the job is lost; this one
-- reserves the payload unchanged and says why it cannot be read, so the worker can record it in failed_jobs.
-- KEYS[1] ready list, KEYS[2] reserved zset, KEYS[3] notify list
-- ARGV[1] Unix second at which the reservation expires (now + retry_after)
-- Returns {original, reserved, false}, {original, original, "<problem>"}, or {false, false, false} when empty.
local job = redis.call('lpop', KEYS[1])
if job == false then
  return {false, false, false}
end
local ok, decoded = pcall(cjson.decode, job)
local problem = false
if not ok then
  problem = 'not JSON: ' .. tostring(decoded)
elseif type(decoded) ~= 'table' or type(decoded['attempts']) ~= 'number' then
  problem = 'not a job envelope: no numeric "attempts"'
end
local reserved = job
if problem == false then
  decoded['attempts'] = decoded['attempts'] + 1
  reserved = cjson.encode(decoded)
end
redis.call('zadd', KEYS[2], ARGV[1], reserved)
redis.call('lpop', KEYS[3])
return {job, reserved, problem}
