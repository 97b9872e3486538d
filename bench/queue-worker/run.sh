#!/usr/bin/env bash
# Jobs/s through the packaged queue-worker (pop -> publish -> delete) at concurrency 1, 2, 4, 8, beside
# redis-benchmark on the same Redis in the same run (the ceiling). Not part of the Maven build.
#
#   ./mvnw -B -pl queue-worker -am package -DskipTests && bench/queue-worker/run.sh [jobs per run, default 50000]
#
# Env: CONCURRENCY="1 2 4 8" (the runs), JAR (another build of the worker), WORKER_JAVA_OPTS (e.g. a JFR recording:
# -XX:StartFlightRecording=filename=...), LARAVEL_JOBS (jobs for Laravel's worker; default: the same number; 0 skips it).
# The worker's CPU is read by steady_cpu.py (start-up, first pop to empty, second half by thread): the JIT is busy well
# into 200,000 jobs, so its steady state is the second half of a 1,000,000-job run.
#
# Needs redis-server and redis-benchmark, and for Laravel's worker php-cli, php-redis and php-laravel-framework (Debian;
# each installed with apt-get when missing). No PostgreSQL: the worker only touches failed_jobs when a job fails, so
# migrations are switched off for the run (Laravel's failed-job log is off too).
set -euo pipefail
cd "$(dirname "$0")/../.."
JOBS=${1:-50000}
JAR=${JAR:-queue-worker/target/quarkus-app/quarkus-run.jar}  # JAR=... compares another build
# the worker runs --quiet (no line per job), as Laravel's below; WORKER_QUIET= for a build older than that option
OUT=bench/queue-worker/out
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl queue-worker -am package -DskipTests" >&2; exit 1; }
if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  apt-get install -y -q redis-server redis-tools >/dev/null
fi
mkdir -p "$OUT"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$OUT/redis.log" 2>&1 &
REDIS_PID=$!
trap 'kill $REDIS_PID 2>/dev/null || true' EXIT
until redis-cli -p "$PORT" ping >/dev/null 2>&1; do sleep 0.1; done
echo "cores: $(nproc), jobs per run: $JOBS, redis $(redis-server --version | grep -o 'v=[0-9.]*')"

# The ceiling: what this Redis does per second for single commands from 8 clients, no pipelining.
echo "redis-benchmark (8 clients, no pipelining):"
redis-benchmark -p "$PORT" -q -c 8 -n 200000 -t rpush,lpop,publish 2>/dev/null | tr '\r' '\n' | grep 'requests per second' \
  | sed 's/^/  /'
redis-cli -p "$PORT" script load "return redis.call('lpop', KEYS[1])" >/dev/null
redis-benchmark -p "$PORT" -q -c 8 -n 200000 evalsha "$(redis-cli -p "$PORT" script load "return 1")" 0 2>/dev/null \
  | tr '\r' '\n' | grep 'requests per second' | sed 's/^/  EVALSHA (trivial script): /'

# The benchmark's jobs (bench_jobs.py): one broadcast job envelope as api-service pushes it, numbered.
fill() {
  local queue=$1
  redis-cli -p "$PORT" del "laravel_database_queues:$queue" "laravel_database_queues:$queue:notify" >/dev/null
  python3 bench/queue-worker/bench_jobs.py "$queue" "$JOBS" | redis-cli -p "$PORT" --pipe >/dev/null
}

# CPU seconds Redis has used so far (user + sys), to report Redis's share of the cost per job.
redis_cpu() {
  redis-cli -p "$PORT" info cpu | tr -d '\r' | awk -F: '/^used_cpu_(user|sys):/ {s += $2} END {printf "%.3f", s}'
}
per_job_us() { python3 -c "import sys; print(round(($2 - $1) * 1e6 / $3, 1))" "$@"; }

echo "queue-worker (packaged jar, pop -> publish -> delete, --stop-when-empty; jobs/s from the first poll, JVM start"
echo "excluded; CPU per job: Redis's; the worker process's in all, from its first pop (JVM start excluded), and over"
echo "the second half of the jobs (JIT mostly done), read from /proc by steady_cpu.py):"
printf '  %-12s %10s %16s %25s\n' concurrency 'jobs/s' 'Redis CPU us/job' 'worker CPU us/job: all / from 1st pop / 2nd half'
for c in ${CONCURRENCY:-1 2 4 8}; do
  fill bench
  rm -f "$OUT/worker-c$c.log.threads"
  before=$(redis_cpu)
  read -r worker_cpu steady_cpu steady_jobs warm_cpu warm_jobs < <(QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$PORT" \
    QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_HTTP_PORT=0 \
    bench/queue-worker/steady_cpu.py "$PORT" laravel_database_queues:bench "$OUT/worker-c$c.log" -- \
    java ${WORKER_JAVA_OPTS:-} -jar "$JAR" queue:work --queue=bench --concurrency="$c" --stop-when-empty ${WORKER_QUIET---quiet})
  after=$(redis_cpu)
  rate=$(grep -o '([0-9]* jobs/s)' "$OUT/worker-c$c.log" | tr -dc '0-9')
  left=$(redis-cli -p "$PORT" llen laravel_database_queues:bench)
  redis_us=$(per_job_us "$before" "$after" "$JOBS")
  printf '  %-12s %10s %16s %9s / %6s / %6s   (left in queue: %s)\n' "$c" "${rate:-?}" \
    "$redis_us" "$(per_job_us 0 "$worker_cpu" "$JOBS")" \
    "$(per_job_us 0 "$steady_cpu" "$((steady_jobs > 0 ? steady_jobs : 1))")" \
    "$(per_job_us 0 "$warm_cpu" "$((warm_jobs > 0 ? warm_jobs : 1))")" "$left"
  [ -f "$OUT/worker-c$c.log.threads" ] && echo "    2nd half by thread, us/job: $(head -4 "$OUT/worker-c$c.log.threads" \
    | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), substr($0, index($0, $3)), $1}')"
  # Redis runs the scripts on one thread: at this CPU per job it cannot go faster, whatever the worker does
  echo "    ceiling of Redis alone at $redis_us us/job (one whole core): $(python3 -c "print(round(1e6 / $redis_us))") jobs/s"
done
# Laravel's own worker on the same Redis: `php artisan queue:work redis` of a throwaway Laravel 8 app (laravel-app.sh)
# draining the job envelope Laravel 8 itself queued for a broadcast event (the capture), fresh uuid and id per job.
LARAVEL_JOBS=${LARAVEL_JOBS:-$JOBS}
[ "$LARAVEL_JOBS" -gt 0 ] || exit 0  # LARAVEL_JOBS=0: our worker only
FIXTURE=shared-events/src/test/resources/laravel-8/queue-jobs.jsonl
if ! command -v php >/dev/null || [ ! -f /usr/share/php/Illuminate/autoload.php ] || ! php -m | grep -qx redis; then
  apt-get install -y -q php-cli php-redis php-laravel-framework >/dev/null
fi
APP=$(mktemp -d)
trap 'kill $REDIS_PID 2>/dev/null || true; rm -rf "$APP"' EXIT
bench/queue-worker/laravel-app.sh "$APP" "$PORT"
redis-cli -p "$PORT" del laravel_database_queues:default laravel_database_queues:default:notify >/dev/null
sed -n 2p "$FIXTURE" | python3 -c '
import json, random, string, sys, uuid
template, jobs = json.loads(sys.stdin.read()), int(sys.argv[1])
def resp(*args):
    return "".join([f"*{len(args)}\r\n"] + [f"${len(a.encode())}\r\n{a}\r\n" for a in args])
key = "laravel_database_queues:default"
for _ in range(jobs):
    template["uuid"] = str(uuid.uuid4())
    template["id"] = "".join(random.choices(string.ascii_letters + string.digits, k=32))
    # json_encode escapes slashes; the capture has none to escape, so this is Laravel byte for byte
    sys.stdout.write(resp("RPUSH", key, json.dumps(template, separators=(",", ":"))))
    sys.stdout.write(resp("RPUSH", key + ":notify", "1"))
' "$LARAVEL_JOBS" | redis-cli -p "$PORT" --pipe >/dev/null
before=$(redis_cpu)
start=$(date +%s.%N)
TIMEFORMAT='%U %S'
{ time php "$APP/artisan" queue:work redis --stop-when-empty --quiet >"$OUT/laravel.log" 2>&1; } 2>"$OUT/laravel.time"
end=$(date +%s.%N)
after=$(redis_cpu)
laravel_cpu=$(awk '{printf "%.3f", $1 + $2}' "$OUT/laravel.time")
echo "Laravel 8.83 worker (php artisan queue:work redis --stop-when-empty, $LARAVEL_JOBS jobs; PHP start included):"
printf '  %-12s %10s %16s %17s   (left in queue: %s)\n' 'laravel' \
  "$(python3 -c "print(round($LARAVEL_JOBS / ($end - $start)))")" "$(per_job_us "$before" "$after" "$LARAVEL_JOBS")" \
  "$(per_job_us 0 "$laravel_cpu" "$LARAVEL_JOBS")" "$(redis-cli -p "$PORT" llen laravel_database_queues:default)"
