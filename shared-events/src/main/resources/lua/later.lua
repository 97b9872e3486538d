-- later: schedule a job for a future second.  (Laravel: LuaScripts::later; plain ZADD before 12.x)
-- KEYS[1] delayed zset  <prefix>queues:<name>:delayed
-- ARGV[1] Unix second at which the job becomes available
-- ARGV[2] job payload
-- Returns 1 (0 if the identical payload was already scheduled).
return redis.call('zadd', KEYS[1], ARGV[1], ARGV[2])
