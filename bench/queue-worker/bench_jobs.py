#!/usr/bin/env python3
"""The benchmark's jobs: one broadcast job envelope as api-service pushes it (Laravel's fields, our BroadcastJob),
numbered, each RPUSHed with its notify token. Used by run.sh and redis_batch.py.

    bench/queue-worker/bench_jobs.py QUEUE JOBS | redis-cli -p PORT --pipe
"""
import json, sys, time, uuid


def resp(*args):
    """One Redis command in RESP."""
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        b = a if isinstance(a, bytes) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(b), b))
    return b"".join(out)


def envelope(n, now):
    """Job number n, created at Unix second now, as the JSON string Laravel's queue holds."""
    command = {"channels": ["bench_room"], "event": "bench_event", "data": {"n": n, "msg": "海报☆bench☆已新增!"},
               "socket": None}
    data = {"commandName": "io.echostack.events.BroadcastJob",
            "command": json.dumps(command, ensure_ascii=False, separators=(",", ":"))}
    job = {"uuid": str(uuid.uuid4()), "displayName": "bench_event", "job": "io.echostack.events.BroadcastJob@handle",
           "maxTries": None, "maxExceptions": None, "failOnTimeout": False, "backoff": None, "timeout": None,
           "retryUntil": None, "data": data, "createdAt": now, "id": str(uuid.uuid4()), "attempts": 0}
    return json.dumps(job, ensure_ascii=False, separators=(",", ":"))


def push_commands(key, jobs):
    """RPUSH of each job to key and of its token to key:notify, in order."""
    now = int(time.time())
    for n in range(jobs):
        yield resp("RPUSH", key, envelope(n, now).encode())
        yield resp("RPUSH", key + ":notify", "1")


if __name__ == "__main__":
    queue, count = sys.argv[1], int(sys.argv[2])
    for command in push_commands(f"laravel_database_queues:{queue}", count):
        sys.stdout.buffer.write(command)
