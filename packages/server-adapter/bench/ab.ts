// Two servers compared in short alternating slices, for a machine whose load changes by the second: both run
// at once, each in its own process pinned to core 0 (only the one under load works), the load generator on
// core 1 loads A for a slice, then B, and so on (alternate-slices.ts); each figure is the median of the
// per-pair ratios, so a load change hits both sides of a pair alike. Server CPU is the sum of its threads'
// /proc/<pid>/task/*/schedstat.
// The routes ws200 and ws1000 compare the WebSocket fan-out instead (alternate-fan-out.ts: 200 or 1,000
// subscribers of `audio:spectrum` at 10 Hz, per-pair ratios of the slices' p99 and p50 latency).
// Run: pnpm --filter @vajra-stream/server-adapter exec tsx bench/ab.ts [A] [B]
// A and B are bench-server.ts targets (default sdk-memory and bare), each optionally `target@path` with the
// path of another bench-server.ts (an older checkout's, to compare two versions of the SDK).
// AB_ROUTES (default health,sessions; also ws200, ws1000), AB_SLICES pairs per route (default 20), AB_SLICE_MS
// (default 500; 2000 for the fan-out routes).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { alternateFanOut } from './alternate-fan-out';
import { alternateSlices, medianAndQuartiles, ratioFigures, type Slice, type SliceServer } from './alternate-slices';
import { FAN_OUTS, type FanOutSlice } from './fan-out';
import { launchBenchServer } from './launch-bench-server';
import { generateLoad } from './load-generator';

const ROUTES: Record<string, string> = { health: '/health', sessions: '/api/v1/sessions?limit=20' };
const SLICES = Number(process.env.AB_SLICES ?? 20);
const SLICE_MS = Number(process.env.AB_SLICE_MS ?? 500);
const CONNECTIONS = 50;
const routes = (process.env.AB_ROUTES ?? 'health,sessions').split(',');
for (const route of routes)
  if (ROUTES[route] === undefined && FAN_OUTS[route] === undefined) throw new Error(`unknown route ${route}: use ${[...Object.keys(ROUTES), ...Object.keys(FAN_OUTS)].join(', ')}`);
const sides = [process.argv[2] ?? 'sdk-memory', process.argv[3] ?? 'bare'] as const;

if (spawnSync('taskset', ['--version']).status !== 0) throw new Error('taskset (util-linux) is needed to pin the servers and the load generator to different cores');
if (spawnSync('taskset', ['-cp', '1', String(process.pid)]).status !== 0) throw new Error('could not pin the load generator to core 1');

async function launch(side: string): Promise<SliceServer & { stop: () => Promise<void> }> {
  const [target, path] = side.split('@') as [string, string | undefined];
  return { name: side, ...(await launchBenchServer(target, path === undefined ? undefined : resolve(path))) };
}

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;
const sideFigures = (slices: Slice[]) => ({
  rps: Math.round(medianAndQuartiles(slices.map((s) => s.rps)).median),
  cpuSecondsPer1000: round(medianAndQuartiles(slices.map((s) => s.cpuSecondsPer1000)).median, 4),
});

const [a, b] = [await launch(sides[0]), await launch(sides[1])];
const load = [loadavg()[0]!];
/** Print the JSON line of `route`: its `figures` between what every line names. */
const report = (route: string, figures: Record<string, unknown>): void => {
  load.push(loadavg()[0]!);
  console.log(JSON.stringify({ bench: 'server-adapter/ab', a: sides[0], b: sides[1], route, ...figures, slices: SLICES, loadavg1: load.map((x) => round(x, 2)) }));
};
try {
  for (const route of routes) {
    const clients = FAN_OUTS[route];
    if (clients !== undefined) {
      const seconds = Number(process.env.AB_SLICE_MS ?? 2000) / 1000;
      const pairs = await alternateFanOut(a, b, clients, { pairs: SLICES, seconds });
      const fanOutFigures = (slices: FanOutSlice[]) => ({
        p50Ms: round(medianAndQuartiles(slices.map((s) => s.p50Ms)).median, 2),
        p99Ms: round(medianAndQuartiles(slices.map((s) => s.p99Ms)).median, 2),
        delivered: slices.reduce((n, s) => n + s.delivered, 0),
        expected: slices.reduce((n, s) => n + s.expected, 0),
        cpuUsPerMessage: round(medianAndQuartiles(slices.map((s) => s.cpuUsPerMessage)).median, 2),
        emitMs: round(medianAndQuartiles(slices.map((s) => s.emitMs)).median, 3),
      });
      report(route, {
        ...ratioFigures('p99Ratio', pairs.p99Ratios, 3),
        ...ratioFigures('p50Ratio', pairs.p50Ratios, 3),
        ...ratioFigures('cpuRatio', pairs.cpuRatios, 3),
        ...ratioFigures('emitRatio', pairs.emitRatios, 3),
        a_: fanOutFigures(pairs.a),
        b_: fanOutFigures(pairs.b),
        sliceSeconds: seconds,
      });
      continue;
    }
    const path = ROUTES[route]!;
    for (const { port } of [a, b]) await generateLoad(port, path, { connections: CONNECTIONS, seconds: 1.5 }); // warm-up
    const pairs = (await alternateSlices([[a, b]], path, { pairs: SLICES, sliceMs: SLICE_MS, connections: CONNECTIONS }))[0]!;
    report(route, { ...ratioFigures('rpsRatio', pairs.rpsRatios, 3), ...ratioFigures('cpuRatio', pairs.cpuRatios, 3), a_: sideFigures(pairs.a), b_: sideFigures(pairs.b), sliceMs: SLICE_MS });
  }
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
