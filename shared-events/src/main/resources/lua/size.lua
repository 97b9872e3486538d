-- size: all jobs of a queue, ready + delayed + reserved.  (Laravel: LuaScripts::size)
-- KEYS[1] ready list, KEYS[2] delayed zset, KEYS[3] reserved zset
return redis.call('llen', KEYS[1]) + redis.call('zcard', KEYS[2]) + redis.call('zcard', KEYS[3])
