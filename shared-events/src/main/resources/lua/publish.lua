-- publish: send one broadcast message to several channels atomically.  (Laravel: RedisBroadcaster::broadcast)
-- No KEYS (pub/sub channels are not keys, and the channels already carry the prefix).
-- ARGV[1] message JSON {"event","data","socket"}; ARGV[2..n] prefixed channel names
for i = 2, #ARGV do
  redis.call('publish', ARGV[i], ARGV[1])
end
return #ARGV - 1
