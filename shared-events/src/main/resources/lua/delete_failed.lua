-- delete_failed: finish a job recorded in failed_jobs (delete.lua's ZREM) and count it in this minute's failed counter.
-- KEYS[1] reserved zset
-- KEYS[2] failed counter of the current minute
-- ARGV[1] reserved payload (exactly as pop returned it)
-- ARGV[2] counter lifetime in seconds
-- Returns 1 when the reservation was still held, 0 when it had expired and been migrated away (counted either way:
-- the failed_jobs row exists).
local removed = redis.call('zrem', KEYS[1], ARGV[1])
redis.call('incr', KEYS[2])
redis.call('expire', KEYS[2], ARGV[2])
return removed
