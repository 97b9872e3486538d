#!/usr/bin/env python3
"""Runs a worker command and splits its CPU time into start-up and steady state, for run.sh.

    steady_cpu.py PORT LIST LOG -- command...

Starts the command (stdout and stderr to LOG), polls LLEN of LIST on the Redis at 127.0.0.1:PORT every 10 ms, and
reads the process's CPU time (/proc/<pid>/stat: user + system) when the list first gets shorter (the first pop, JVM and
Quarkus start behind it), when half the jobs are gone, and when it is empty (the last batches still in hand: at most 32
jobs per consumer). Prints "<total CPU s> <CPU s from first pop> <jobs> <CPU s of the second half> <jobs>"; total is
the whole process's (rusage). LOG.threads gets the second half's CPU per job by kind of thread (Linux cuts thread names to
15 characters). The JIT compilers are still busy well into a 200,000-job run (JFR: compile time keeps
growing for ~20 s), so the second half is the closer figure for a worker that runs for hours.
The polling costs Redis one LLEN per 10 ms, nothing in the worker.
"""
import os
import resource
import socket
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15 of stat(5))


def threads_cpu(pid, seen):
    """Updates seen: thread id -> (name, CPU seconds); a thread that has ended keeps its last reading."""
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as comm:
                name = comm.read().strip()
            seen[tid] = (name, cpu_seconds(f"{pid}/task/{tid}"))
        except (FileNotFoundError, ProcessLookupError):
            continue


def by_kind(name):
    """Threads of one kind add up: the consumers, the event loops, the GC workers, the JIT compilers."""
    return "".join(ch for ch in name if not ch.isdigit()).rstrip("-#")


def llen(sock, key):
    command = f"*2\r\n$4\r\nLLEN\r\n${len(key.encode())}\r\n{key}\r\n".encode()
    sock.sendall(command)
    reply = b""
    while not reply.endswith(b"\r\n"):
        reply += sock.recv(64)
    return int(reply[1:-2])


def main():
    port, key, log = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    command = sys.argv[sys.argv.index("--") + 1:]
    sock = socket.create_connection(("127.0.0.1", port))
    initial = llen(sock, key)
    with open(log, "wb") as out:
        worker = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    first = half = last = None
    at_half, threads, polls = {}, {}, 0
    while worker.poll() is None:
        polls += 1
        left = llen(sock, key)
        if first is None and left < initial:
            first = (cpu_seconds(worker.pid), left)
        if half is None and left <= initial // 2:
            half = (cpu_seconds(worker.pid), left)
            threads_cpu(worker.pid, at_half)
        if half is not None and polls % 10 == 0:
            threads_cpu(worker.pid, threads)  # every 100 ms: consumers end one by one as they find the list empty
        if first is not None and left == 0:
            last = (cpu_seconds(worker.pid), left)
            if half is not None:
                threads_cpu(worker.pid, threads)
                used = {}
                for tid, (name, seconds) in threads.items():
                    kind = by_kind(name)
                    used[kind] = used.get(kind, 0) + seconds - at_half.get(tid, (name, 0))[1]
                with open(log + ".threads", "w") as out:  # where the second half's CPU went, by kind of thread
                    for kind, seconds in sorted(used.items(), key=lambda item: -item[1]):
                        out.write(f"{seconds * 1e6 / max(half[1], 1):8.1f} us/job  {kind}\n")
            break
        time.sleep(0.01)
    status = worker.wait()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the only child
    total = usage.ru_utime + usage.ru_stime
    if first is None or half is None or last is None:
        print(f"{total:.3f} 0 0 0 0")
    else:
        print(f"{total:.3f} {last[0] - first[0]:.3f} {first[1] - last[1]} {last[0] - half[0]:.3f} {half[1] - last[1]}")
    sys.exit(status)


if __name__ == "__main__":
    main()
