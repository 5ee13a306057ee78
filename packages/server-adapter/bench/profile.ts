// Where the server's CPU goes, per route: for each target and route a fresh bench-server.ts process pinned to
// core 0 runs under `node --cpu-prof` while this process (core 1) loads the route with load-generator.ts.
// Only the samples taken during the measured load count (the child reports its monotonic clock, the profile's
// clock, when the load starts and ends). Prints the top self-time functions of each route and, for the
// functions of this package, their total (inclusive) time, then one JSON line per route. The routes ws200 and
// ws1000 profile the WebSocket fan-out instead (fan-out.ts: 200 or 1,000 subscribers of `audio:spectrum`,
// frames at 10 Hz; targets sdk-memory and bare), per message delivered instead of per request.
// Run: pnpm --filter @vajra-stream/server-adapter exec tsx bench/profile.ts
// (PROFILE_TARGETS, default sdk-memory; PROFILE_ROUTES, default health,sessions; PROFILE_SECONDS, default 5;
// PROFILE_TOP, default 25; PROFILE_KEEP=1 keeps the .cpuprofile files and prints their paths.)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchTarget } from './bench-server';
import { FAN_OUTS, subscribeFanOut } from './fan-out';
import { nextMessage } from './launch-bench-server';
import { generateLoad } from './load-generator';

const ROUTES: Record<string, string> = { health: '/health', sessions: '/api/v1/sessions?limit=20' };
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 5);
const TOP = Number(process.env.PROFILE_TOP ?? 25);
const CONNECTIONS = 50;
const targets = (process.env.PROFILE_TARGETS ?? 'sdk-memory').split(',') as BenchTarget[];
const routes = (process.env.PROFILE_ROUTES ?? 'health,sessions').split(',');
for (const route of routes)
  if (ROUTES[route] === undefined && FAN_OUTS[route] === undefined) throw new Error(`unknown route ${route}: use ${[...Object.keys(ROUTES), ...Object.keys(FAN_OUTS)].join(', ')}`);

if (spawnSync('taskset', ['--version']).status !== 0) throw new Error('taskset (util-linux) is needed to pin the server and the load generator to different cores');
if (spawnSync('taskset', ['-cp', '1', String(process.pid)]).status !== 0) throw new Error('could not pin the load generator to core 1');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The child's monotonic clock in microseconds (the clock of its CPU profile). */
async function mark(child: ChildProcess): Promise<number> {
  const answer = nextMessage<{ clockUs: number }>(child, 'clockUs');
  child.send({ cmd: 'clock' });
  return (await answer).clockUs;
}

/** Load `route` on the server for `seconds` after a warm-up; gives the requests answered or the fan-out messages delivered. */
async function load(child: ChildProcess, port: number, route: string, between: (work: () => Promise<number>) => Promise<number>): Promise<number> {
  const clients = FAN_OUTS[route];
  if (clients === undefined) {
    await generateLoad(port, ROUTES[route]!, { connections: CONNECTIONS, seconds: 2 }); // warm-up: let the JIT settle first
    return between(async () => {
      const result = await generateLoad(port, ROUTES[route]!, { connections: CONNECTIONS, seconds: SECONDS });
      if (result.errors > 0) throw new Error(`${route}: ${result.errors} answers were not 200`);
      return result.requests;
    });
  }
  const subscribers = await subscribeFanOut(child, port, clients);
  try {
    await subscribers.slice(2); // warm-up
    return await between(async () => (await subscribers.slice(SECONDS)).delivered);
  } finally {
    await subscribers.close();
  }
}

async function profileRoute(target: BenchTarget, route: string): Promise<{ profile: CpuProfile; from: number; to: number; requests: number; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vajra-profile-'));
  const server = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
  const child = spawn('taskset', ['-c', '0', process.execPath, '--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '250', '--import', 'tsx', server, target], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const orphanGuard = (): void => void child.kill();
  process.once('exit', orphanGuard);
  try {
    const { port } = await nextMessage<{ port: number }>(child, 'port');
    let from = 0;
    let to = 0;
    const requests = await load(child, port, route, async (work) => {
      from = await mark(child);
      const count = await work();
      to = await mark(child);
      return count;
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ cmd: 'exit' });
    await exited;
    const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (name === undefined) throw new Error(`${target}: node --cpu-prof wrote no profile in ${dir}`);
    const file = join(dir, name);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    if (process.env.PROFILE_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    return { profile, from, to, requests, file };
  } finally {
    process.off('exit', orphanGuard);
    if (child.exitCode === null) child.kill();
  }
}

const here = fileURLToPath(new URL('..', import.meta.url));
const label = (frame: ProfileNode['callFrame']): string => {
  const url = frame.url.replace(/^file:\/\//, '');
  const file = url.startsWith(here) ? url.slice(here.length) : url.replace(/.*\/node_modules\//, '~/');
  // tsx compiles each source file to one line: its functions are told apart by name only
  const where = url === '' ? '' : frame.lineNumber > 0 ? ` ${file}:${frame.lineNumber + 1}` : ` ${file}`;
  return `${frame.functionName || '(anonymous)'}${where}`;
};

/** Self and inclusive microseconds per function (same name and place), over the samples taken in [from, to]. */
function summarise(profile: CpuProfile, from: number, to: number): { self: Map<string, number>; total: Map<string, number>; sampledUs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sampledUs = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    t += profile.timeDeltas[i]!;
    const next = profile.timeDeltas[i + 1] ?? 0; // a sample stands for the time until the next one
    if (t < from || t > to || next <= 0) continue;
    const node = byId.get(profile.samples[i]!)!;
    const name = label(node.callFrame);
    sampledUs += next;
    self.set(name, (self.get(name) ?? 0) + next);
    const seen = new Set<string>(); // recursion counts once
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = label(byId.get(id)!.callFrame);
      if (seen.has(frame)) continue;
      seen.add(frame);
      total.set(frame, (total.get(frame) ?? 0) + next);
    }
  }
  return { self, total, sampledUs };
}

const pct = (us: number, all: number): string => `${((100 * us) / all).toFixed(1).padStart(5)}%`;
const top = (map: Map<string, number>, n: number, keep: (name: string) => boolean = () => true): [string, number][] =>
  [...map]
    .filter(([name]) => keep(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);

for (const target of targets) {
  for (const route of routes) {
    const run = await profileRoute(target, route);
    const { self, total, sampledUs } = summarise(run.profile, run.from, run.to);
    if (sampledUs === 0) throw new Error(`${target} ${route}: no sample fell inside the load window`);
    const idle = self.get('(idle)') ?? 0;
    const busy = sampledUs - idle;
    const usPerRequest = busy / run.requests;
    const unit = FAN_OUTS[route] === undefined ? 'request' : 'message';
    console.log(
      `\n== ${target} ${route} (${ROUTES[route] ?? `${FAN_OUTS[route]} subscribers`}): ${run.requests} ${unit}s, ${(busy / 1e6).toFixed(2)} s busy of ${(sampledUs / 1e6).toFixed(2)} s sampled, ${usPerRequest.toFixed(1)} µs busy per ${unit}`,
    );
    console.log('  self time (share of busy time)');
    for (const [name, us] of top(self, TOP, (n) => n !== '(idle)')) console.log(`  ${pct(us, busy)}  ${(us / run.requests).toFixed(2).padStart(6)} µs/${unit}  ${name}`);
    console.log('  total time of this package’s functions');
    for (const [name, us] of top(total, TOP, (n) => n.includes(' src/'))) console.log(`  ${pct(us, busy)}  ${(us / run.requests).toFixed(2).padStart(6)} µs/${unit}  ${name}`);
    if (process.env.PROFILE_KEEP === '1') console.log(`  profile: ${run.file}`);
    console.log(
      JSON.stringify({
        bench: 'server-adapter/profile',
        target,
        route,
        requests: run.requests,
        busyUsPerRequest: Math.round(usPerRequest * 10) / 10,
        top: top(self, 10, (n) => n !== '(idle)').map(([name, us]) => ({ name, share: Math.round((1000 * us) / busy) / 1000 })),
        loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
      }),
    );
  }
}
