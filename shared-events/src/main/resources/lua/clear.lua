-- clear: drop every job of a queue and return how many there were.  (Laravel: LuaScripts::clear)
-- KEYS[1] ready list, KEYS[2] delayed zset, KEYS[3] reserved zset, KEYS[4] notify list
local size = redis.call('llen', KEYS[1]) + redis.call('zcard', KEYS[2]) + redis.call('zcard', KEYS[3])
redis.call('del', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return size
