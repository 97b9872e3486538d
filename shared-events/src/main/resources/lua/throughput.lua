-- throughput: the per-minute processed and failed counters of one queue, read atomically.
-- KEYS: the processed counters of N minutes (oldest first), then the failed counters of the same N minutes
-- Returns the 2N values in KEYS order, false where a counter is absent (nothing counted, or expired).
return redis.call('mget', unpack(KEYS))
