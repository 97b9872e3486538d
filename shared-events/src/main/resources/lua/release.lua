-- release: give a reserved job back for a later attempt.  (Laravel: LuaScripts::release)
-- KEYS[1] delayed zset, KEYS[2] reserved zset
-- ARGV[1] reserved payload (exactly as pop returned it), ARGV[2] Unix second of the next attempt
-- The reserved copy keeps its incremented attempts, so the attempt is counted.
redis.call('zrem', KEYS[2], ARGV[1])
redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
return 1
