// Loaded into laravel-echo-server by bench.mjs (node --expose-gc -r), for the idle phase only: on SIGUSR2 run a full
// garbage collection and write process.memoryUsage() to $BENCH_MEMORY_REPORT, the live-memory reading HotSpot gives
// with `jcmd <pid> GC.class_histogram`. Changes nothing else: gc() runs only when the bench asks.
// Written aside and renamed, so the bench, which waits for the file's modification time to change, never reads a
// half-written report.
const { renameSync, writeFileSync } = require('node:fs');

process.on('SIGUSR2', () => {
  global.gc();
  const report = process.env.BENCH_MEMORY_REPORT;
  writeFileSync(`${report}.tmp`, JSON.stringify(process.memoryUsage()));
  renameSync(`${report}.tmp`, report);
});
