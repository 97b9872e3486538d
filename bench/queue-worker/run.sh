#!/usr/bin/env bash
# Jobs/s through the packaged queue-worker (pop -> publish -> delete) at concurrency 1, 2, 4, 8, beside
# redis-benchmark on the same Redis in the same run (the ceiling). Not part of the Maven build.
#
#   ./mvnw -B -pl queue-worker package -DskipTests && bench/queue-worker/run.sh [jobs per run, default 50000]
#
# Env: CONCURRENCY="1 2 4 8" (the runs), WORKER_JAVA_OPTS (e.g. a JFR recording: -XX:StartFlightRecording=filename=...).
#
# Needs redis-server and redis-benchmark (installed with apt-get when missing). No PostgreSQL: the worker only
# touches failed_jobs when a job fails, so migrations are switched off for the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
JOBS=${1:-50000}
JAR=queue-worker/target/quarkus-app/quarkus-run.jar
OUT=bench/queue-worker/out
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl queue-worker package -DskipTests" >&2; exit 1; }
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

# One broadcast job envelope as api-service pushes it (Laravel's fields, our BroadcastJob), numbered.
fill() {
  local queue=$1
  redis-cli -p "$PORT" del "laravel_database_queues:$queue" "laravel_database_queues:$queue:notify" >/dev/null
  python3 - "$queue" "$JOBS" <<'PY' | redis-cli -p "$PORT" --pipe >/dev/null
import json, sys, time, uuid
queue, jobs = sys.argv[1], int(sys.argv[2])
def resp(*args):
    out = [f"*{len(args)}\r\n"]
    for a in args:
        b = a.encode()
        out.append(f"${len(b)}\r\n{a}\r\n")
    return "".join(out)
key = f"laravel_database_queues:{queue}"
now = int(time.time())
for n in range(jobs):
    command = {"channels": ["bench_room"], "event": "bench_event", "data": {"n": n, "msg": "海报☆bench☆已新增!"},
               "socket": None}
    data = {"commandName": "io.echostack.events.BroadcastJob",
            "command": json.dumps(command, ensure_ascii=False, separators=(",", ":"))}
    job = {"uuid": str(uuid.uuid4()), "displayName": "bench_event", "job": "io.echostack.events.BroadcastJob@handle",
           "maxTries": None, "maxExceptions": None, "failOnTimeout": False, "backoff": None, "timeout": None,
           "retryUntil": None, "data": data, "createdAt": now, "id": str(uuid.uuid4()), "attempts": 0}
    sys.stdout.write(resp("RPUSH", key, json.dumps(job, ensure_ascii=False, separators=(",", ":"))))
    sys.stdout.write(resp("RPUSH", key + ":notify", "1"))
PY
}

echo "queue-worker (packaged jar, pop -> publish -> delete, --stop-when-empty; JVM start excluded):"
printf '  %-12s %10s\n' concurrency 'jobs/s'
for c in ${CONCURRENCY:-1 2 4 8}; do
  fill bench
  QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$PORT" QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_HTTP_PORT=0 \
    java ${WORKER_JAVA_OPTS:-} -jar "$JAR" queue:work --queue=bench --concurrency="$c" --stop-when-empty >"$OUT/worker-c$c.log" 2>&1
  rate=$(grep -o '([0-9]* jobs/s)' "$OUT/worker-c$c.log" | tr -dc '0-9')
  left=$(redis-cli -p "$PORT" llen laravel_database_queues:bench)
  printf '  %-12s %10s   (left in queue: %s)\n' "$c" "${rate:-?}" "$left"
done
if command -v php >/dev/null; then
  echo "php is present, but the Laravel worker comparison is not scripted yet (see queue-worker/README.md)."
fi
