#!/usr/bin/env python3
"""Redis's CPU per job for the worker's two scripts by batch size, Redis alone (no worker): one client reserves a batch
with pop_many.lua and finishes it with publish_delete.lua until the queue is empty, as each consumer does; the CPU is
Redis's used_cpu_user + used_cpu_sys (INFO cpu) before/after. The sizes alternate within each round, so compare them
within a round (the machine's load moves every figure).

    bench/queue-worker/redis_batch.py [jobs per run, default 100000] [rounds, default 4] [sizes..., default 16 32 64 128]

Needs redis-server (the same Redis as run.sh); starts its own on a free port.
"""
import json, os, socket, subprocess, sys, time

from bench_jobs import push_commands, resp

LUA = os.path.join(os.path.dirname(__file__), "../../shared-events/src/main/resources/lua")
KEY = "laravel_database_queues:bench"


class Redis:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.file = self.sock.makefile("rb")

    def read(self):
        line = self.file.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind in (b"+", b":"):
            return rest
        if kind == b"$":
            return None if int(rest) < 0 else self.file.read(int(rest) + 2)[:-2]
        return [self.read() for _ in range(max(int(rest), 0))]

    def call(self, *args):
        self.sock.sendall(resp(*args))
        return self.read()

    def pipe(self, commands):
        self.sock.sendall(b"".join(commands))
        for _ in commands:
            self.read()

    def cpu(self):
        info = self.call("INFO", "cpu").decode()
        return sum(float(line.split(":")[1]) for line in info.splitlines()
                   if line.startswith(("used_cpu_user:", "used_cpu_sys:")))


def fill(redis, jobs):
    """The jobs of run.sh (bench_jobs.py), sent 2000 commands at a time."""
    batch = []
    for command in push_commands(KEY, jobs):
        batch.append(command)
        if len(batch) >= 2000:
            redis.pipe(batch)
            batch = []
    if batch:
        redis.pipe(batch)


def drain(redis, pop, publish_delete, size):
    message = json.dumps({"event": "bench_event", "data": {"n": 1, "msg": "海报☆bench☆已新增!", "socket": None},
                          "socket": None}, ensure_ascii=False).encode()
    done = 0
    while True:
        reply = redis.call("EVALSHA", pop, 3, KEY, KEY + ":reserved", KEY + ":notify", int(time.time()) + 90, size)
        if not reply:
            return done
        args = [3660]
        for i in range(0, len(reply), 2):
            args += [reply[i + 1], message, 1, "laravel_database_bench_room"]
        redis.call("EVALSHA", publish_delete, 2, KEY + ":reserved", KEY + ":processed:1", *args)
        done += len(reply) // 2


def main():
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    sizes = [int(s) for s in sys.argv[3:]] or [16, 32, 64, 128]
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                redis = Redis(port)
                redis.call("PING")
                break
            except (ConnectionRefusedError, RuntimeError):
                time.sleep(0.1)
        scripts = [redis.call("SCRIPT", "LOAD", open(f"{LUA}/{name}.lua").read()).decode()
                   for name in ("pop_many", "publish_delete")]
        print(f"Redis CPU per job (pop_many + publish_delete, one client), {jobs} jobs per run:")
        for n in range(1, rounds + 1):
            figures = []
            for size in sizes:
                fill(redis, jobs)
                before = redis.cpu()
                done = drain(redis, *scripts, size)
                figures.append(f"{size}: {(redis.cpu() - before) * 1e6 / done:.1f}")
            print(f"  round {n}, batch size: us/job   " + "   ".join(figures), flush=True)
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
