// HTTP throughput and WebSocket fan-out of the SDK against bare node:http/raw `ws` and Fastify, measured so
// the figures can be trusted on a small machine: each server runs in a fresh process pinned to core 0 with
// `taskset`, the load generator (this process, raw keep-alive sockets, see load-generator.ts) on core 1;
// targets alternate over ROUNDS rounds and each figure is the median of its rounds. Server CPU comes from
// /proc/<pid>/stat (utime + stime) before and after each run. Prints one JSON line per figure set and a
// summary line with the ratios of the same run. Run: pnpm --filter @vajra-stream/server-adapter bench
// (BENCH_SECONDS per route and round, default 4; BENCH_ROUNDS, default 3; BENCH_ONLY=sdk-memory,bare to pick targets;
// BENCH_WS=0 skips the WebSocket fan-out).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { BenchTarget } from './bench-server';
import { fanOut } from './fan-out';
import { launchBenchServer } from './launch-bench-server';
import { generateLoad } from './load-generator';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const TARGETS: BenchTarget[] = ['bare', 'sdk-memory', 'sdk-sqlite', 'fastify', 'sdk-fastify'];
const ROUTES = { health: '/health', sessions: '/api/v1/sessions?limit=20' } as const;
const SUBSCRIBERS = [200, 1000];
const only = process.env.BENCH_ONLY?.split(',');
const WS = process.env.BENCH_WS !== '0'; // BENCH_WS=0: HTTP figures only
const targets = TARGETS.filter((t) => only === undefined || only.includes(t));

if (spawnSync('taskset', ['--version']).status !== 0) throw new Error('taskset (util-linux) is needed to pin the server and the load generator to different cores');
if (spawnSync('taskset', ['-cp', '1', String(process.pid)]).status !== 0) throw new Error('could not pin the load generator to core 1');
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);

const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime (fields 14 and 15 of stat)
};

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ cmd: 'exit' });
  await exited;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

interface HttpRound {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuSecondsPer1000: number;
  errors: number;
  generatorCpu: number;
  saturated: boolean;
}
const http = new Map<string, HttpRound[]>();
interface WsRound {
  p50Ms: number;
  p99Ms: number;
  delivered: number;
}
const ws = new Map<string, WsRound[]>();

for (let r = 0; r < ROUNDS; r += 1) {
  for (const target of r % 2 === 0 ? targets : [...targets].reverse()) {
    const { child, port } = await launchBenchServer(target);
    for (const [route, path] of Object.entries(ROUTES)) {
      await generateLoad(port, path, { connections: CONNECTIONS, seconds: 1 }); // warm-up
      const before = cpuSeconds(child.pid!);
      const result = await generateLoad(port, path, { connections: CONNECTIONS, seconds: SECONDS });
      const cpu = cpuSeconds(child.pid!) - before;
      const sorted = result.latenciesMs.sort((a, b) => a - b);
      const key = `${target} ${route}`;
      http.set(key, [
        ...(http.get(key) ?? []),
        {
          rps: result.requests / result.seconds,
          p50Ms: quantile(sorted, 0.5),
          p99Ms: quantile(sorted, 0.99),
          cpuSecondsPer1000: (cpu / result.requests) * 1000,
          errors: result.errors,
          generatorCpu: result.generatorCpu,
          saturated: result.saturated,
        },
      ]);
    }
    if (WS && (target === 'bare' || target === 'sdk-memory')) {
      for (const clients of SUBSCRIBERS) {
        const result = await fanOut(child, port, clients, SECONDS);
        if (result.delivered === 0) throw new Error(`${target}: no audio:spectrum frame reached ${clients} subscribers`);
        const sorted = result.latenciesMs.sort((a, b) => a - b);
        const key = `${target === 'bare' ? 'ws-raw' : 'ws-sdk'} ${clients}`;
        ws.set(key, [...(ws.get(key) ?? []), { p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), delivered: result.delivered }]);
      }
    }
    await stop(child);
  }
}

const figures: Record<string, { rps: number; p50Ms: number; p99Ms: number; cpuSecondsPer1000: number }> = {};
for (const [key, rounds] of http) {
  const [target, route] = key.split(' ') as [string, string];
  const f = {
    rps: Math.round(median(rounds.map((x) => x.rps))),
    p50Ms: round(median(rounds.map((x) => x.p50Ms))),
    p99Ms: round(median(rounds.map((x) => x.p99Ms))),
    cpuSecondsPer1000: round(median(rounds.map((x) => x.cpuSecondsPer1000)), 4),
  };
  figures[key] = f;
  const saturatedRounds = rounds.filter((x) => x.saturated).length;
  console.log(
    JSON.stringify({
      bench: 'server-adapter/http',
      target,
      route,
      ...f,
      errors: rounds.reduce((n, x) => n + x.errors, 0),
      rounds: rounds.map((x) => ({ rps: Math.round(x.rps), p99Ms: round(x.p99Ms), cpuSecondsPer1000: round(x.cpuSecondsPer1000, 4), generatorCpu: round(x.generatorCpu) })),
      generatorSaturated: saturatedRounds > 0 ? `in ${saturatedRounds} of ${rounds.length} rounds: the generator, not the server, may have set the pace` : false,
    }),
  );
}
const wsFigures: Record<string, { p50Ms: number; p99Ms: number }> = {};
for (const [key, rounds] of ws) {
  const [kind, clients] = key.split(' ') as [string, string];
  wsFigures[key] = { p50Ms: round(median(rounds.map((x) => x.p50Ms))), p99Ms: round(median(rounds.map((x) => x.p99Ms))) };
  console.log(
    JSON.stringify({
      bench: 'server-adapter/ws',
      server: kind,
      subscribers: Number(clients),
      ...wsFigures[key],
      rounds: rounds.map((x) => ({ p50Ms: round(x.p50Ms), p99Ms: round(x.p99Ms), delivered: x.delivered })),
    }),
  );
}

const ratio = (a: string, b: string, field: 'rps' | 'cpuSecondsPer1000') => (figures[a] === undefined || figures[b] === undefined ? undefined : round(figures[a]![field] / figures[b]![field]));
const ratios: Record<string, unknown> = {};
for (const route of Object.keys(ROUTES)) {
  ratios[route] = {
    sdkMemoryVsBare: { rps: ratio(`sdk-memory ${route}`, `bare ${route}`, 'rps'), cpu: ratio(`sdk-memory ${route}`, `bare ${route}`, 'cpuSecondsPer1000') },
    sdkSqliteVsBare: { rps: ratio(`sdk-sqlite ${route}`, `bare ${route}`, 'rps'), cpu: ratio(`sdk-sqlite ${route}`, `bare ${route}`, 'cpuSecondsPer1000') },
    fastifyVsBare: { rps: ratio(`fastify ${route}`, `bare ${route}`, 'rps'), cpu: ratio(`fastify ${route}`, `bare ${route}`, 'cpuSecondsPer1000') },
    sdkFastifyVsFastify: { rps: ratio(`sdk-fastify ${route}`, `fastify ${route}`, 'rps'), cpu: ratio(`sdk-fastify ${route}`, `fastify ${route}`, 'cpuSecondsPer1000') },
  };
}
for (const clients of SUBSCRIBERS) {
  const sdk = wsFigures[`ws-sdk ${clients}`];
  const raw = wsFigures[`ws-raw ${clients}`];
  if (sdk !== undefined && raw !== undefined) ratios[`ws${clients}`] = { p50: round(sdk.p50Ms / raw.p50Ms), p99: round(sdk.p99Ms / raw.p99Ms) };
}
console.log(
  JSON.stringify({
    bench: 'server-adapter/summary',
    ratios,
    seconds: SECONDS,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    pinning: 'server core 0, generator core 1',
    loadavg: loadavg().map((x) => round(x)),
    node: process.version,
  }),
);
