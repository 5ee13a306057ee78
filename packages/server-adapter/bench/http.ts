// HTTP throughput and WebSocket fan-out of the SDK against bare node:http/raw `ws` and Fastify, measured so
// the figures can be trusted on a small machine whose load changes by the second. Each round starts a fresh
// process per target, all pinned to core 0 with `taskset` (only the one under load works), and the load
// generator (this process, raw keep-alive sockets, see load-generator.ts) runs on core 1. Each comparison the
// summary gives (SDK on the memory store vs bare, SDK on SQLite vs bare, Fastify vs bare, the SDK's Fastify
// adapter vs Fastify) loads its two targets in alternating slices (alternate-slices.ts; the comparisons take
// turns pair by pair): every pair of slices gives a ratio of requests/s and of server CPU per request, and the
// summary reports the median and the quartiles of the per-pair ratios over all rounds, so a change of load hits
// both sides of a ratio alike.
// Server CPU is the sum of the server's threads' /proc/<pid>/task/*/schedstat. One JSON line per target and
// route (requests/s and CPU seconds per 1,000 requests: medians of its slices; p50/p99 latency over all its
// requests; `generatorSaturated` when the generator used most of its core, so it, not the server, may have
// set the pace), one per WebSocket fan-out, and a summary line with the ratios and the load average.
// The WebSocket fan-out (SDK on the memory store vs raw `ws`, 200 and 1,000 subscribers of `audio:spectrum` at
// 10 Hz) is paired the same way (alternate-fan-out.ts): in each round, both fresh servers hold the subscribers
// and emit frames in alternating slices; each pair gives a ratio of the slices' p99 latency, and its JSON line
// gives the median and quartiles of these ratios with the frames delivered out of those expected.
// Run: pnpm --filter @vajra-stream/server-adapter bench
// BENCH_ROUNDS (fresh processes, default 2); BENCH_PAIRS of slices per comparison, route and round (default 10);
// BENCH_SLICE_MS (default 500); BENCH_ONLY=sdk-memory,bare picks targets (a comparison runs when both its
// targets are picked); BENCH_WS_PAIRS of fan-out slices per subscriber count and round (default 8);
// BENCH_WS_SECONDS per fan-out slice (default 2); BENCH_WS=0 skips the fan-out.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { alternateSlices, medianAndQuartiles, ratioFigures, type Slice, type SliceServer } from './alternate-slices';
import type { BenchTarget } from './bench-server';
import { alternateFanOut } from './alternate-fan-out';
import { FAN_OUTS, type FanOutSlice } from './fan-out';
import { launchBenchServer } from './launch-bench-server';
import { generateLoad } from './load-generator';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 10);
const SLICE_MS = Number(process.env.BENCH_SLICE_MS ?? 500);
const WS_PAIRS = Number(process.env.BENCH_WS_PAIRS ?? 8);
const WS_SECONDS = Number(process.env.BENCH_WS_SECONDS ?? 2);
const CONNECTIONS = 50;
const TARGETS: BenchTarget[] = ['bare', 'sdk-memory', 'sdk-sqlite', 'fastify', 'sdk-fastify'];
const ROUTES = { health: '/health', sessions: '/api/v1/sessions?limit=20' } as const;
const COMPARISONS: { name: string; a: BenchTarget; b: BenchTarget }[] = [
  { name: 'sdkMemoryVsBare', a: 'sdk-memory', b: 'bare' },
  { name: 'sdkSqliteVsBare', a: 'sdk-sqlite', b: 'bare' },
  { name: 'fastifyVsBare', a: 'fastify', b: 'bare' },
  { name: 'sdkFastifyVsFastify', a: 'sdk-fastify', b: 'fastify' },
];
const SUBSCRIBERS = Object.values(FAN_OUTS);
const only = process.env.BENCH_ONLY?.split(',');
const targets = TARGETS.filter((t) => only === undefined || only.includes(t));
const WS = process.env.BENCH_WS !== '0' && targets.includes('bare') && targets.includes('sdk-memory'); // BENCH_WS=0: HTTP figures only
const comparisons = COMPARISONS.filter((c) => targets.includes(c.a) && targets.includes(c.b));

if (spawnSync('taskset', ['--version']).status !== 0) throw new Error('taskset (util-linux) is needed to pin the server and the load generator to different cores');
if (spawnSync('taskset', ['-cp', '1', String(process.pid)]).status !== 0) throw new Error('could not pin the load generator to core 1');

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]): number => medianAndQuartiles(values).median;

/** A slice with its latencies kept outside the JS heap, so the generator's garbage collector does not scan them. */
type Measured = Omit<Slice, 'latenciesMs'> & { latenciesMs: Float64Array };
const compact = (s: Slice): Measured => ({ ...s, latenciesMs: Float64Array.from(s.latenciesMs) });
/** Slices of each `target route`, per round. */
const slices = new Map<string, Measured[][]>();
/** Per-pair ratios of each `comparison route`, over all rounds. */
const ratioPairs = new Map<string, { rps: number[]; cpu: number[] }>();
/** Fan-out slices and per-pair ratios (SDK / raw `ws`) per subscriber count, over all rounds. */
const ws = new Map<number, { sdk: FanOutSlice[]; raw: FanOutSlice[]; p99Ratios: number[]; p50Ratios: number[]; cpuRatios: number[]; emitRatios: number[] }>();
const load = [loadavg()[0]!];
const add = <T>(map: Map<string, T[]>, key: string, value: T): void => void map.set(key, [...(map.get(key) ?? []), value]);
const quantile = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

for (let r = 0; r < ROUNDS; r += 1) {
  const order = r % 2 === 0 ? targets : [...targets].reverse();
  const servers = new Map<BenchTarget, SliceServer & { stop: () => Promise<void> }>();
  try {
    for (const target of order) servers.set(target, { name: target, ...(await launchBenchServer(target)) });
    for (const [route, path] of Object.entries(ROUTES)) {
      for (const target of order) await generateLoad(servers.get(target)!.port, path, { connections: CONNECTIONS, seconds: 1 }); // warm-up
      const turns = r % 2 === 0 ? comparisons : [...comparisons].reverse();
      const results = await alternateSlices(
        turns.map((c) => [servers.get(c.a)!, servers.get(c.b)!] as const),
        path,
        { pairs: PAIRS, sliceMs: SLICE_MS, connections: CONNECTIONS },
      );
      const roundSlices = new Map<string, Measured[]>();
      for (const [k, c] of turns.entries()) {
        const pairs = results[k]!;
        roundSlices.set(c.a, [...(roundSlices.get(c.a) ?? []), ...pairs.a.map(compact)]);
        roundSlices.set(c.b, [...(roundSlices.get(c.b) ?? []), ...pairs.b.map(compact)]);
        const key = `${c.name} ${route}`;
        const ratios = ratioPairs.get(key) ?? { rps: [], cpu: [] };
        ratioPairs.set(key, { rps: [...ratios.rps, ...pairs.rpsRatios], cpu: [...ratios.cpu, ...pairs.cpuRatios] });
      }
      for (const [target, list] of roundSlices) add(slices, `${target} ${route}`, list);
    }
    for (const clients of WS ? (r % 2 === 0 ? SUBSCRIBERS : [...SUBSCRIBERS].reverse()) : []) {
      const pairs = await alternateFanOut(servers.get('sdk-memory')!, servers.get('bare')!, clients, { pairs: WS_PAIRS, seconds: WS_SECONDS });
      const sum = ws.get(clients) ?? { sdk: [], raw: [], p99Ratios: [], p50Ratios: [], cpuRatios: [], emitRatios: [] };
      ws.set(clients, {
        sdk: [...sum.sdk, ...pairs.a],
        raw: [...sum.raw, ...pairs.b],
        p99Ratios: [...sum.p99Ratios, ...pairs.p99Ratios],
        p50Ratios: [...sum.p50Ratios, ...pairs.p50Ratios],
        cpuRatios: [...sum.cpuRatios, ...pairs.cpuRatios],
        emitRatios: [...sum.emitRatios, ...pairs.emitRatios],
      });
    }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
  load.push(loadavg()[0]!);
}

const saturated: string[] = [];
for (const [key, rounds] of slices) {
  const [target, route] = key.split(' ') as [string, string];
  const all = rounds.flat();
  const sorted = new Float64Array(all.reduce((n, s) => n + s.latenciesMs.length, 0));
  let at = 0;
  for (const s of all) {
    sorted.set(s.latenciesMs, at);
    at += s.latenciesMs.length;
  }
  sorted.sort();
  const saturatedSlices = all.filter((s) => s.saturated).length;
  if (saturatedSlices > 0) saturated.push(`${key} (${saturatedSlices} of ${all.length} slices)`);
  console.log(
    JSON.stringify({
      bench: 'server-adapter/http',
      target,
      route,
      rps: Math.round(median(all.map((s) => s.rps))),
      p50Ms: round(quantile(sorted, 0.5)),
      p99Ms: round(quantile(sorted, 0.99)),
      cpuSecondsPer1000: round(median(all.map((s) => s.cpuSecondsPer1000)), 4),
      slices: all.length,
      rounds: rounds.map((list) => ({ rps: Math.round(median(list.map((s) => s.rps))), cpuSecondsPer1000: round(median(list.map((s) => s.cpuSecondsPer1000)), 4) })),
      generatorCpu: round(median(all.map((s) => s.generatorCpu))),
      generatorSaturated: saturatedSlices > 0 ? `in ${saturatedSlices} of ${all.length} slices: the generator, not the server, may have set the pace` : false,
    }),
  );
}
const wsRatios: Record<string, Record<string, unknown>> = {};
const side = (list: FanOutSlice[]) => ({
  p50Ms: round(median(list.map((x) => x.p50Ms))),
  p99Ms: round(median(list.map((x) => x.p99Ms))),
  delivered: list.reduce((n, x) => n + x.delivered, 0),
  expected: list.reduce((n, x) => n + x.expected, 0),
  cpuUsPerMessage: round(median(list.map((x) => x.cpuUsPerMessage))),
  emitMs: round(median(list.map((x) => x.emitMs)), 3),
});
for (const [clients, { sdk, raw, p99Ratios, p50Ratios, cpuRatios, emitRatios }] of ws) {
  wsRatios[`ws${clients}`] = { ...ratioFigures('p99', p99Ratios, 2), ...ratioFigures('p50', p50Ratios, 2), ...ratioFigures('cpu', cpuRatios, 2), ...ratioFigures('emit', emitRatios, 2) };
  console.log(
    JSON.stringify({
      bench: 'server-adapter/ws',
      subscribers: clients,
      sdk: side(sdk),
      raw: side(raw),
      ...wsRatios[`ws${clients}`],
      pairs: p99Ratios.length,
      sliceSeconds: WS_SECONDS,
      figuresAre:
        "sdk/raw p50Ms, p99Ms, cpuUsPerMessage (server CPU per message delivered), emitMs (the server's emit of a frame to every subscriber): medians of the slices; p99, p50, cpu, emit: median [first, third quartile] of per-pair ratios SDK / raw ws (lower is better); delivered/expected: frames summed over the slices",
    }),
  );
}

const ratios: Record<string, Record<string, unknown>> = {};
for (const route of Object.keys(ROUTES)) {
  ratios[route] = {};
  for (const { name } of comparisons) {
    const pairs = ratioPairs.get(`${name} ${route}`)!;
    ratios[route]![name] = { ...ratioFigures('rps', pairs.rps, 2), ...ratioFigures('cpu', pairs.cpu, 2) };
  }
}
Object.assign(ratios, wsRatios);
console.log(
  JSON.stringify({
    bench: 'server-adapter/summary',
    ratios,
    ratiosAre: 'median [first, third quartile] of per-pair ratios of alternating slices; rps higher is better, cpu (per request) lower is better',
    generatorSaturated: saturated.length > 0 ? saturated : false,
    rounds: ROUNDS,
    pairs: ROUNDS * PAIRS,
    sliceMs: SLICE_MS,
    connections: CONNECTIONS,
    pinning: 'servers core 0, generator core 1',
    loadavg1: load.map((x) => round(x)),
    loadavg: loadavg().map((x) => round(x)),
    node: process.version,
  }),
);
