-- delete: finish a reserved job (success, or recorded as failed).  (Laravel: RedisQueue::deleteReserved, a ZREM)
-- KEYS[1] reserved zset
-- ARGV[1] reserved payload (exactly as pop returned it)
-- Returns 1 when the reservation was still held, 0 when it had expired and been migrated away.
return redis.call('zrem', KEYS[1], ARGV[1])
