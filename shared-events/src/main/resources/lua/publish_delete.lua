-- publish_delete: run broadcast jobs and finish them in one atomic call. For each job in turn: PUBLISH its message
-- to every channel (as Laravel's RedisBroadcaster does in one EVAL), then ZREM its reservation (as delete.lua). Publish still comes before delete,
-- and a crash can no longer fall between them. Then the jobs are counted in this minute's processed counter.
-- KEYS[1] reserved zset (all the jobs come from this queue)
-- KEYS[2] processed counter of the current minute
-- ARGV[1] counter lifetime in seconds
-- ARGV from 2: per job, in order: reserved payload (exactly as pop returned it), message JSON, channel count n,
--       then n prefixed channel names
-- Returns per job 1 when its reservation was still held, 0 when it had expired and moved on (its message is sent
-- anyway, as Laravel's worker publishes before it deletes).
local removed = {}
local i = 2
while i <= #ARGV do
  local reserved, message, channels = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  for c = i + 3, i + 2 + channels do
    redis.call('publish', ARGV[c], message)
  end
  removed[#removed + 1] = redis.call('zrem', KEYS[1], reserved)
  i = i + 3 + channels
end
redis.call('incrby', KEYS[2], #removed)
redis.call('expire', KEYS[2], ARGV[1])
return removed
