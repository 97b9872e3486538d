-- push: make one job ready.  (Laravel: LuaScripts::push)
-- KEYS[1] ready list    <prefix>queues:<name>
-- KEYS[2] notify list   <prefix>queues:<name>:notify
-- ARGV[1] job payload (JSON envelope)
-- Returns the length of the ready list.
local length = redis.call('rpush', KEYS[1], ARGV[1])
-- one token per ready job wakes a worker blocked on the notify list
redis.call('rpush', KEYS[2], 1)
return length
