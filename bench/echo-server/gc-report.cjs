// Loaded into laravel-echo-server by bench.mjs (node --expose-gc -r), for the idle phase only: on SIGUSR2 run a full
// garbage collection and write process.memoryUsage() to $BENCH_MEMORY_REPORT, the live-memory reading HotSpot gives
// with `jcmd <pid> GC.class_histogram`. Changes nothing else: gc() runs only when the bench asks.
const { writeFileSync } = require('node:fs');

process.on('SIGUSR2', () => {
  global.gc();
  writeFileSync(process.env.BENCH_MEMORY_REPORT, JSON.stringify(process.memoryUsage()));
});
