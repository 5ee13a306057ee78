// Two servers compared in short alternating slices, for a machine whose load changes by the second: both run
// at once, each in its own process pinned to core 0 (only the one under load works), the load generator on
// core 1 loads A for a slice, then B, and so on; each figure is the median of the per-pair ratios, so a load
// change hits both sides of a pair alike. Server CPU is the sum of its threads' /proc/<pid>/task/*/schedstat.
// Run: pnpm --filter @vajra-stream/server-adapter exec tsx bench/ab.ts [A] [B]
// A and B are bench-server.ts targets (default sdk-memory and bare), each optionally `target@path` with the
// path of another bench-server.ts (an older checkout's, to compare two versions of the SDK).
// AB_ROUTES (default health,sessions), AB_SLICES pairs per route (default 20), AB_SLICE_MS (default 500).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchBenchServer } from './launch-bench-server';
import { generateLoad } from './load-generator';

const ROUTES: Record<string, string> = { health: '/health', sessions: '/api/v1/sessions?limit=20' };
const SLICES = Number(process.env.AB_SLICES ?? 20);
const SLICE_MS = Number(process.env.AB_SLICE_MS ?? 500);
const CONNECTIONS = 50;
const routes = (process.env.AB_ROUTES ?? 'health,sessions').split(',');
for (const route of routes) if (ROUTES[route] === undefined) throw new Error(`unknown route ${route}: use ${Object.keys(ROUTES).join(', ')}`);
const sides = [process.argv[2] ?? 'sdk-memory', process.argv[3] ?? 'bare'] as const;

if (spawnSync('taskset', ['--version']).status !== 0) throw new Error('taskset (util-linux) is needed to pin the servers and the load generator to different cores');
if (spawnSync('taskset', ['-cp', '1', String(process.pid)]).status !== 0) throw new Error('could not pin the load generator to core 1');
/** CPU time of every thread of `pid` (JS, GC helpers, libuv pool) from schedstat: nanoseconds, not 10 ms ticks. */
const cpuSeconds = (pid: number): number => {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return ns / 1e9;
};

function launch(side: string): Promise<{ child: ChildProcess; port: number }> {
  const [target, path] = side.split('@') as [string, string | undefined];
  return launchBenchServer(target, path === undefined ? undefined : resolve(path));
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const quartiles = (values: number[]): [number, number] => {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[Math.floor(sorted.length / 4)]!, sorted[Math.floor((3 * sorted.length) / 4)]!];
};
const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

const servers = [await launch(sides[0]), await launch(sides[1])];
const load = [loadavg()[0]!];
try {
  for (const route of routes) {
    const path = ROUTES[route]!;
    for (const { port } of servers) await generateLoad(port, path, { connections: CONNECTIONS, seconds: 1.5 }); // warm-up
    const rps: number[] = [];
    const cpu: number[] = [];
    const perSide = [
      { rps: [] as number[], cpu: [] as number[] },
      { rps: [] as number[], cpu: [] as number[] },
    ];
    for (let i = 0; i < SLICES; i += 1) {
      const pair: { rps: number; cpu: number }[] = [];
      for (const s of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const { child, port } = servers[s]!;
        const before = cpuSeconds(child.pid!);
        const result = await generateLoad(port, path, { connections: CONNECTIONS, seconds: SLICE_MS / 1000 });
        if (result.errors > 0) throw new Error(`${sides[s]} ${route}: ${result.errors} answers were not 200`);
        const figures = { rps: result.requests / result.seconds, cpu: ((cpuSeconds(child.pid!) - before) / result.requests) * 1000 };
        pair[s] = figures;
        perSide[s]!.rps.push(figures.rps);
        perSide[s]!.cpu.push(figures.cpu);
      }
      rps.push(pair[0]!.rps / pair[1]!.rps);
      cpu.push(pair[0]!.cpu / pair[1]!.cpu);
    }
    load.push(loadavg()[0]!);
    console.log(
      JSON.stringify({
        bench: 'server-adapter/ab',
        a: sides[0],
        b: sides[1],
        route,
        rpsRatio: round(median(rps)),
        rpsRatioQuartiles: quartiles(rps).map((x) => round(x)),
        cpuRatio: round(median(cpu)),
        cpuRatioQuartiles: quartiles(cpu).map((x) => round(x)),
        a_: { rps: Math.round(median(perSide[0]!.rps)), cpuSecondsPer1000: round(median(perSide[0]!.cpu), 4) },
        b_: { rps: Math.round(median(perSide[1]!.rps)), cpuSecondsPer1000: round(median(perSide[1]!.cpu), 4) },
        slices: SLICES,
        sliceMs: SLICE_MS,
        loadavg1: load.map((x) => round(x, 2)),
      }),
    );
  }
} finally {
  await Promise.all(
    servers.map(({ child }) => {
      const exited = new Promise((done) => child.once('exit', done));
      child.send({ cmd: 'exit' });
      return exited;
    }),
  );
}
