-- stats: what queue:monitor shows for one queue, read atomically.
-- KEYS[1] ready list, KEYS[2] delayed zset, KEYS[3] reserved zset
-- Returns {pending, delayed, reserved, createdAt of the oldest pending job or false}.
-- The oldest pending job is the head of the list; its age needs "createdAt" (Laravel 12.11+ and our jobs).
local head = redis.call('lindex', KEYS[1], 0)
local created = false
if head then
  local ok, decoded = pcall(cjson.decode, head)
  if ok and type(decoded) == 'table' and type(decoded['createdAt']) == 'number' then
    created = decoded['createdAt']
  end
end
return {redis.call('llen', KEYS[1]), redis.call('zcard', KEYS[2]), redis.call('zcard', KEYS[3]), created}
