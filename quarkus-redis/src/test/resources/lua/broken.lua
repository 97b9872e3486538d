-- fails at run time, as a script with a bug would
return redis.call('no-such-command')
