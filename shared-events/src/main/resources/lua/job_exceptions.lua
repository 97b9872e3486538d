-- job_exceptions: count one more exception of a job, for its maxExceptions (Laravel's Worker keeps this count in its
-- cache as job-exceptions:<uuid> for a day and forgets it when it fails the job).
-- KEYS[1] the job's counter
-- ARGV[1] lifetime of the counter in seconds, set when it is created; ARGV[2] maxExceptions
-- Returns the count; once it reaches maxExceptions the counter is deleted (the job fails now).
local count = redis.call('incr', KEYS[1])
if count == 1 then
  redis.call('expire', KEYS[1], ARGV[1])
end
if count >= tonumber(ARGV[2]) then
  redis.call('del', KEYS[1])
end
return count
