-- push: make one job ready.  (Laravel: LuaScripts::push)
-- KEYS[1] ready list    <prefix>queues:<name>
-- KEYS[2] notify list   <prefix>queues:<name>:notify
-- ARGV[1] job payload (JSON envelope)
redis.call('rpush', KEYS[1], ARGV[1])
-- one token per ready job wakes a worker blocked on the notify list
redis.call('rpush', KEYS[2], 1)
