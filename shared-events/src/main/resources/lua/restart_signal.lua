-- restart_signal: Laravel's queue:restart signal, the cache entry illuminate:queue:restart holding a Unix second
-- (Laravel's Redis cache store keeps numbers as plain strings, forever). Workers stop after their current job once it
-- differs from what they read first.
-- KEYS[1] the signal key
-- ARGV[1] the Unix second to set (queue:restart), or '' to only read (a worker)
-- Returns {the value now held}, {false} when no restart was ever signalled.
if ARGV[1] ~= '' then
  redis.call('set', KEYS[1], ARGV[1])
end
return {redis.call('get', KEYS[1])}
