#!/usr/bin/env node
// Load generator: runs our echo-server (fat jar) and laravel-echo-server 1.6.3 (npm) in the same run, against the same
// Redis, with the same socket.io-client 2.5.0 clients (the only generation laravel-echo-server speaks), and prints one
// table. Per server and scenario: server CPU µs per delivery (utime+stime of the server process from /proc, so
// Linux only), KB of server RSS per connection, p50/p99 latency (publish → client receive), loss.
//
// Both servers first get the same unmeasured warm-up: every scenario once at --warm-up times its size (default: the
// full size, so the measured phases are steady state, not JIT compilation).
// Usage: node bench.mjs --redis-port 6379 [--jar ../../echo-server/target/echo-server.jar]
//          [--fanout 1000] [--channels 1000] [--idle 5000] [--throughput-clients 100] [--messages 200]
//          [--rate 50] [--channel-messages 40] [--throughput-messages 400000] [--warm-up 1] [--warm-up-rounds 3]
//          [--rounds 3] [--servers echo-stack,laravel-echo-server] [--scenarios idle,fanout,channels,throughput]
//          [--threads]
// --threads also prints, per measured phase, each server thread's share of the CPU per delivery (/proc/PID/task).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const io = require('socket.io-client-2');
const Redis = require('ioredis');

const { values: args } = parseArgs({
  options: {
    'redis-port': { type: 'string', default: '6379' },
    jar: { type: 'string', default: resolve('../../echo-server/target/echo-server.jar') },
    fanout: { type: 'string', default: '1000' },
    channels: { type: 'string', default: '1000' },
    idle: { type: 'string', default: '5000' },
    'throughput-clients': { type: 'string', default: '100' },
    messages: { type: 'string', default: '200' },
    rate: { type: 'string', default: '50' },
    'channel-messages': { type: 'string', default: '40' },
    // Deliveries, not broadcasts. Phases of several CPU-seconds: the CPU clock ticks every 10 ms.
    'throughput-messages': { type: 'string', default: '400000' },
    // Warm-up size as a fraction of each measured scenario. HotSpot's C2 compiles the delivery path for seconds of
    // CPU after a fifth-size warm-up (per-thread CPU from /proc); a full-size one leaves steady state to measure.
    'warm-up': { type: 'string', default: '1' },
    // Times the whole warm-up runs: HotSpot may still recompile after one (new clients' connect paths deoptimize
    // code the delivery path shares), which --threads shows as C2 CPU inside the measured phases.
    'warm-up-rounds': { type: 'string', default: '3' },
    // Measured rounds: each scenario on each server in turn, the table shows medians.
    rounds: { type: 'string', default: '3' },
    servers: { type: 'string', default: 'echo-stack,laravel-echo-server' },
    threads: { type: 'boolean', default: false },
    // A subset to run, e.g. "channels" while working on one path (the warm-up runs the same subset).
    scenarios: { type: 'string', default: 'idle,fanout,channels,throughput' },
  },
});
const REDIS_PORT = Number(args['redis-port']);
const selected = args.scenarios.split(',');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function serverCommand(name, config) {
  if (name === 'echo-stack') {
    // The JVM flags of echo-server/Dockerfile's ENTRYPOINT (heap flags aside), as a deployment runs it.
    return ['java', ['-XX:+UseSerialGC', '-jar', args.jar, 'start', '--config', config]];
  }
  return [process.execPath, ['--expose-gc', '-r', resolve('gc-report.cjs'),
    resolve('node_modules/laravel-echo-server/bin/server.js'), 'start', '--config', config]];
}

/**
 * Bytes the server keeps alive after a full garbage collection: HotSpot's heap from its class histogram (which
 * collects first, as `jmap -histo:live` does); Node's V8 heap plus the memory of its C++ objects (external), from
 * gc-report.cjs.
 */
async function liveBytes(server) {
  if (server.name === 'echo-stack') {
    const histogram = execFileSync('jcmd', [String(server.child.pid), 'GC.class_histogram'], { encoding: 'utf8' });
    return Number(histogram.match(/^Total\s+\d+\s+(\d+)/m)[1]);
  }
  const before = existsSync(server.memoryReport) ? statSync(server.memoryReport).mtimeMs : 0;
  process.kill(server.child.pid, 'SIGUSR2');
  for (let i = 0; i < 100 && (!existsSync(server.memoryReport) || statSync(server.memoryReport).mtimeMs === before); i++) {
    await sleep(50);
  }
  const usage = JSON.parse(readFileSync(server.memoryReport, 'utf8'));
  return usage.heapUsed + usage.external;
}

async function startServer(name, port) {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  // A key prefix per server: each PSUBSCRIBEs to its own, so one is not busy with the other's broadcasts.
  const prefix = `bench_${port}_`;
  const config = join(dir, 'laravel-echo-server.json');
  writeFileSync(config, JSON.stringify({
    host: '127.0.0.1', port, devMode: false, authHost: 'http://127.0.0.1:1',
    databaseConfig: { redis: { host: '127.0.0.1', port: REDIS_PORT, keyPrefix: prefix } },
    subscribers: { http: false, redis: true },
  }));
  const [command, commandArgs] = serverCommand(name, config);
  const memoryReport = join(dir, 'memory.json');
  const child = spawn(command, commandArgs, {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_MEMORY_REPORT: memoryReport },
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  for (let i = 0; i < 300 && !output.includes('Server ready!'); i++) {
    await sleep(100);
  }
  if (!output.includes('Server ready!')) {
    child.kill('SIGKILL');
    throw new Error(`${name} did not start:\n${output}`);
  }
  await sleep(1000);
  return { name, child, url: `http://127.0.0.1:${port}`, memoryReport, prefix };
}

function procStat(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100/s)
  const rssKb = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
  return { cpuMicros: ticks * 10_000, rssKb };
}

/** CPU ticks per thread name (threads of one name summed), from /proc/PID/task. */
function threadTicks(pid) {
  const ticks = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[-#]?\d+$/, '');
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      ticks.set(name, (ticks.get(name) || 0) + Number(fields[11]) + Number(fields[12]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return ticks;
}

function printThreadSplit(label, before, after, deliveries) {
  const rows = [...after].map(([name, t]) => [name, (t - (before.get(name) || 0)) * 10_000 / Math.max(1, deliveries)])
    .filter(([, us]) => us >= 0.05).sort((a, b) => b[1] - a[1]);
  process.stderr.write(`  ${label} CPU µs/delivery by thread: ${rows.map(([n, us]) => `${n} ${us.toFixed(1)}`).join(', ')}\n`);
}

function connect(url, channels, onEvent) {
  return new Promise((resolveConnected, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    socket.on('connect', () => {
      channels.forEach((channel) => socket.emit('subscribe', { channel, auth: { headers: {} } }));
      resolveConnected(socket);
    });
    socket.on('connect_error', reject);
    if (onEvent) {
      socket.on('bench', (channel, data) => onEvent(data));
    }
  });
}

async function connectAll(url, count, channelsOf, onEvent) {
  const sockets = [];
  for (let i = 0; i < count; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 50); j++) {
      batch.push(connect(url, channelsOf(j), onEvent));
    }
    sockets.push(...(await Promise.all(batch)));
  }
  await sleep(1500); // subscribe has no acknowledgement
  return sockets;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
}

/**
 * Waits (up to 10 s) until the server uses under 10 % of a core over half a second, so the CPU of setting up the
 * connections (and the JIT compilation it triggers) is not charged to the deliveries measured next.
 */
async function quiet(server) {
  for (let i = 0; i < 20; i++) {
    const before = procStat(server.child.pid).cpuMicros;
    await sleep(500);
    if (procStat(server.child.pid).cpuMicros - before < 50_000) {
      return;
    }
  }
}

/** Publishes `messages` broadcasts spread over channels at `rate`/s (0 = as fast as Redis takes them). */
async function measure(server, redis, { clients, channelsOf, channels, messages, rate, perMessageRecipients }) {
  const latencies = [];
  let received = 0;
  const sockets = await connectAll(server.url, clients, channelsOf, (data) => {
    received++;
    latencies.push(Date.now() - data.t);
  });
  await quiet(server);
  const threadsBefore = args.threads ? threadTicks(server.child.pid) : null;
  const before = procStat(server.child.pid);
  const started = Date.now();
  for (let s = 0; s < messages; s++) {
    const channel = channels[s % channels.length];
    const payload = JSON.stringify({ event: 'bench', data: { t: Date.now(), s, pad: 'x'.repeat(100) }, socket: null });
    if (rate > 0) {
      await redis.publish(server.prefix + channel, payload);
      await sleep(1000 / rate);
    } else {
      redis.publish(server.prefix + channel, payload);
    }
  }
  const expected = messages * perMessageRecipients;
  for (let i = 0; i < 600 && received < expected; i++) {
    await sleep(100);
  }
  const seconds = (Date.now() - started) / 1000;
  const after = procStat(server.child.pid);
  if (threadsBefore) {
    printThreadSplit(`${clients} clients, ${messages} messages:`, threadsBefore, threadTicks(server.child.pid), received);
  }
  sockets.forEach((socket) => socket.close());
  await sleep(2000);
  latencies.sort((a, b) => a - b);
  return {
    cpuPerDelivery: (after.cpuMicros - before.cpuMicros) / Math.max(1, received),
    p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99),
    loss: expected - received, deliveries: received, rate: Math.round(received / seconds),
  };
}

/**
 * Memory per idle connection, as slopes (least squares) over five steps of count/5 connections, so one garbage
 * collection between two readings moves the figure less than a single before/after difference would: KB of RSS (what
 * the process holds, but neither runtime returns freed heap pages at once, so RSS also depends on what earlier phases
 * left), and live KB, what stays reachable after a full collection at each step (see liveBytes).
 */
async function idle(server, count) {
  const steps = 5;
  const rss = [[0, procStat(server.child.pid).rssKb]];
  const live = [[0, (await liveBytes(server)) / 1024]];
  const sockets = [];
  for (let step = 1; step <= steps; step++) {
    const size = Math.round((count * step) / steps) - sockets.length;
    sockets.push(...(await connectAll(server.url, size, () => ['idle'], null)));
    await sleep(1000);
    rss.push([sockets.length, procStat(server.child.pid).rssKb]);
    live.push([sockets.length, (await liveBytes(server)) / 1024]);
  }
  sockets.forEach((socket) => socket.close());
  await sleep(2000);
  return { kbPerConnection: slope(rss), liveKbPerConnection: slope(live) };
}

function slope(points) {
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return covariance / variance;
}

const channelNames = Array.from({ length: Number(args.channels) }, (_, i) => `ch.${i}`);

/** The selected delivery scenarios at `scale` times their size. */
function scenarios(scale) {
  const n = Math.round(Number(args.fanout) * scale);
  const m = Math.round(channelNames.length * scale);
  const t = Number(args['throughput-clients']);
  const all = {
    fanout: {
      clients: n, channelsOf: () => ['fan'], channels: ['fan'], messages: Math.round(Number(args.messages) * scale),
      rate: Number(args.rate), perMessageRecipients: n,
    },
    channels: {
      clients: m, channelsOf: (i) => [channelNames[i]], channels: channelNames.slice(0, m),
      messages: m * Number(args['channel-messages']), rate: 0, perMessageRecipients: 1,
    },
    throughput: {
      clients: t, channelsOf: () => ['tp'], channels: ['tp'],
      messages: Math.round(Number(args['throughput-messages']) * scale / t), rate: 0, perMessageRecipients: t,
    },
  };
  return Object.entries(all).filter(([scenario]) => selected.includes(scenario));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Both servers run side by side (each idle while the other is measured), and every measured phase alternates between
 * them, --rounds times: this machine's speed drifts over minutes, which a whole run of one server after the other
 * turned into a ratio that moved by half from run to run.
 */
async function bench(redis) {
  const servers = [];
  try {
    let port = 16001;
    for (const name of args.servers.split(',')) {
      servers.push(await startServer(name, port++));
    }
    const results = Object.fromEntries(servers.map((server) => [server.name, { rounds: {} }]));
    // Memory first, on the fresh servers: what earlier phases' closed connections leave reachable for a while (a
    // socket.io-server-java client stays referenced by its connect-timeout task until 45 s after it connected) would
    // be released during the idle phase and understate its slope; so would heap pages earlier phases left for RSS.
    if (selected.includes('idle')) {
      for (const server of servers) {
        process.stderr.write(`${server.name}: idle\n`);
        results[server.name].idle = await idle(server, Number(args.idle));
      }
    }
    // The same unmeasured warm-up for both servers: every scenario once at --warm-up times its size, so the measured
    // phases are steady state rather than JIT compilation (HotSpot's C2, V8's TurboFan) of code seen for the first time.
    for (let round = 0; round < Number(args['warm-up-rounds']); round++) {
      for (const server of servers) {
        process.stderr.write(`${server.name}: warm-up round ${round + 1}\n`);
        for (const [, warmUp] of scenarios(Number(args['warm-up']))) {
          await measure(server, redis, warmUp);
        }
      }
    }
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const [scenario, options] of scenarios(1)) {
        for (const server of servers) {
          process.stderr.write(`${server.name}: ${scenario}, round ${round + 1}\n`);
          (results[server.name].rounds[scenario] ||= []).push(await measure(server, redis, options));
        }
      }
    }
    return results;
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM');
    }
    await sleep(2000);
  }
}

async function main() {
  const redis = new Redis({ port: REDIS_PORT, host: '127.0.0.1' });
  const all = await bench(redis);
  redis.disconnect();
  const fmt = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
  console.log('| server | scenario | CPU µs/delivery | deliveries/s | p50 ms | p99 ms | loss | idle KB/conn. RSS | idle KB/conn. live |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(all)) {
    const rows = Object.entries(r.rounds);
    rows.forEach(([scenario, rounds], i) => {
      const of = (key) => median(rounds.map((round) => round[key]));
      const loss = rounds.reduce((sum, round) => sum + round.loss, 0);
      const kb = i === 0 && r.idle ? `${fmt(r.idle.kbPerConnection)} | ${fmt(r.idle.liveKbPerConnection)}` : ' | ';
      console.log(`| ${name} | ${scenario} | ${fmt(of('cpuPerDelivery'))} | ${Math.round(of('rate'))}`
        + ` | ${fmt(of('p50'), 0)} | ${fmt(of('p99'), 0)} | ${loss} | ${kb} |`);
    });
    if (rows.length === 0 && r.idle) {
      console.log(`| ${name} | idle | | | | | | ${fmt(r.idle.kbPerConnection)} | ${fmt(r.idle.liveKbPerConnection)} |`);
    }
  }
  const [ours, reference] = Object.values(all);
  if (ours && reference) {
    const names = Object.keys(all);
    console.log(`\n${names[0]} / ${names[1]}, per round (the same scenario measured back to back), median:`);
    for (const [scenario, rounds] of Object.entries(ours.rounds)) {
      const ratios = rounds.map((round, i) => round.cpuPerDelivery / reference.rounds[scenario][i].cpuPerDelivery);
      console.log(`- ${scenario} CPU per delivery: ${ratios.map((ratio) => `${fmt(ratio, 2)}×`).join(', ')};`
        + ` median ${fmt(median(ratios), 2)}×`);
    }
    if (ours.idle && reference.idle) {
      const memory = ours.idle.liveKbPerConnection / reference.idle.liveKbPerConnection;
      console.log(`- idle live KB per connection: ${fmt(memory, 2)}×`);
    }
  }
  console.log(`\nMedians of ${args.rounds} rounds (loss: their sum). fanout ${args.fanout} clients`
    + ` × ${args.messages} messages at ${args.rate}/s; channels ${args.channels} clients on their own channel`
    + ` × ${args['channel-messages']} messages each; throughput ${args['throughput-clients']} clients, ${args['throughput-messages']} deliveries as fast as`
    + ` possible; idle ${args.idle} connections.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
