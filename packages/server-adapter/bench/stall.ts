// Issue goal: with 3 concurrent 10-minute WAV renders and 4 astrology window searches in flight, GET /health
// answers a separate client with p99 ≤ 50 ms. Measured for the built package (renders on its worker thread)
// and, as the peer, for the main-thread fallback (sources, no worker file: one chunk per event-loop turn).
// Prints one JSON line. Run: pnpm --filter @vajra-stream/server-adapter bench (after pnpm build)
import { fork, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RENDERS = 3;
const SEARCHES = 4;
// A year of Jupiter hours in Kathmandu: ~0.35 s of CPU, within the 0.13–0.5 s per call.
const search = JSON.stringify({ from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', location: { latitude: 27.7, longitude: 85.3 }, where: { planetaryHourRuler: ['jupiter'] } });

const child = (file: string, args: string[]): ChildProcess =>
  fork(fileURLToPath(new URL(file, import.meta.url)), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const nextMessage = <T>(proc: ChildProcess): Promise<T> => new Promise((resolve) => proc.once('message', (m) => resolve(m as T)));

const live = new Set<import('node:http').ClientRequest>();
let rendered = 0;
/** POST and read the whole answer as fast as it comes; resolves with the body length (what arrived, when aborted). */
const post = (port: number, path: string, body: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (path.endsWith('generate')) rendered += chunk.length;
      });
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${path}: status ${res.statusCode}`))));
      res.on('close', () => resolve(bytes));
    });
    live.add(req);
    req.on('close', () => live.delete(req));
    req.on('error', () => resolve(0));
    req.end(body);
  });

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number): number => Math.round(ms * 10) / 10;

async function measure(mode: 'worker' | 'main-thread') {
  const server = child('./stall-server.ts', [mode]);
  const { port } = await nextMessage<{ port: number }>(server);
  const probe = child('./stall-probe.ts', [String(port)]);
  await nextMessage(probe);
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  rendered = 0;
  let searching = true;
  let searches = 0;
  const renders = Array.from({ length: RENDERS }, () => post(port, '/api/v1/audio/generate', JSON.stringify({ type: 'prayer_bowl', duration: 600, sampleFormat: 'pcm16' })));
  // Four searches stay in flight for the whole window.
  const searchers = Array.from({ length: SEARCHES }, async () => {
    while (searching) {
      await post(port, '/api/v1/astrology/windows', search);
      if (searching) searches += 1;
    }
  });
  // Measure for SECONDS (or until the renders finish), then drop every connection.
  await Promise.race([Promise.all(renders), new Promise((resolve) => setTimeout(resolve, SECONDS * 1000))]);
  const seconds = (performance.now() - started) / 1000;
  const renderedMb = rendered / 1e6;
  searching = false;
  for (const req of live) req.destroy();
  await Promise.all([...renders, ...searchers]);
  const loadAfter = loadavg()[0]!;
  probe.send('stop');
  const { latencies } = await nextMessage<{ latencies: number[] }>(probe);
  server.send('exit');
  await new Promise((resolve) => server.once('exit', resolve));
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    healthP50Ms: round(percentile(sorted, 50)),
    healthP99Ms: round(percentile(sorted, 99)),
    healthMaxMs: round(sorted.at(-1)!),
    healthSamples: sorted.length,
    searchesDone: searches,
    renderedMbPerSecond: round(renderedMb / seconds),
    seconds: round(seconds),
    loadAverage1m: [round(loadBefore), round(loadAfter)],
  };
}

const worker = await measure('worker');
const mainThread = await measure('main-thread');
console.log(
  JSON.stringify({
    bench: 'server-adapter/stall',
    load: `${RENDERS} concurrent 600 s WAV renders + ${SEARCHES} window searches in flight`,
    goal: { healthP99Ms: 50 },
    worker: { ...worker, meetsGoal: worker.healthP99Ms <= 50 },
    peer: { name: 'main-thread fallback (one chunk per event-loop turn)', ...mainThread },
    p99RatioPeerOverWorker: Math.round((mainThread.healthP99Ms / worker.healthP99Ms) * 10) / 10,
    cores: availableParallelism(),
    node: process.version,
  }),
);
