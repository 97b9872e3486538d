-- migrate: move due delayed jobs, or expired reservations, to the tail of the ready list.
-- (Laravel: LuaScripts::migrateExpiredJobs)
-- KEYS[1] source zset (:delayed or :reserved), KEYS[2] ready list, KEYS[3] notify list
-- ARGV[1] now (Unix seconds); ARGV[2] optional batch limit (-1 or absent: no limit)
-- Returns the moved payloads.
local limit = tonumber(ARGV[2] or '-1')
local due
if limit ~= nil and limit > 0 then
  due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'limit', 0, limit)
else
  due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1])
end
if next(due) ~= nil then
  -- the due members are the lowest scores, so they are ranks 0..n-1
  redis.call('zremrangebyrank', KEYS[1], 0, #due - 1)
  for first = 1, #due, 100 do
    local last = math.min(first + 99, #due)
    redis.call('rpush', KEYS[2], unpack(due, first, last))
    for _ = first, last do
      redis.call('rpush', KEYS[3], 1)
    end
  end
end
return due
