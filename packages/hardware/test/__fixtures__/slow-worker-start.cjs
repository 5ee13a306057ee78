// Preloaded (node --require) into a process whose worker threads should start slowly, as on a machine so
// busy that a new thread waits for a core: every worker thread busy-waits SLOW_WORKER_START_MS milliseconds
// before its own code runs. The main thread is not slowed.
const { isMainThread } = require('node:worker_threads');

const delayMs = Number(process.env.SLOW_WORKER_START_MS ?? 0);
if (!isMainThread && delayMs > 0) {
  const end = performance.now() + delayMs;
  while (performance.now() < end);
}
