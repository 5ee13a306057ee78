// Scale-out bench: the reference server as 1 and 3 processes on PostgreSQL (LISTEN/NOTIFY bus) and as 3 on
// PostgreSQL + Redis, side by side with one process on SQLite, all in one run on 127.0.0.1:
// - session create (POST /api/v1/sessions) and list (GET …?limit=20) requests/s, 32 keep-alive clients spread
//   round-robin over the instances;
// - WebSocket fan-out of `audio:spectrum` (10 frames/s of a playing session) to 3,000 subscribers spread over the
//   instances: delivery latency p50/p99 (receipt minus the frame's `at`), and every frame delivered to every client;
// - takeover: the work holder SIGKILLed 5 times (PostgreSQL, 3 instances), time until another instance holds it.
// Prints one JSON line. Needs PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL; the test services by default).
// Run: pnpm build && pnpm --filter @vajra-stream/example-server bench
import { once } from 'node:events';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import WebSocket from 'ws';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 3000);
const KILLS = Number(process.env.BENCH_KILLS ?? 5);
const CONCURRENCY = 32;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const directory = mkdtempSync(join(tmpdir(), 'vajra-bench-scale-'));
const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];
const prefixes: string[] = [];

interface Instance {
  child: ChildProcess;
  url: string;
}
type Settings = { dataDir: string; databaseUrl?: string; databaseSchema?: string; busUrl?: string; busPrefix?: string };

function startInstance(settings: Settings): Promise<Instance> {
  const child = fork(fileURLToPath(new URL('./bench-instance.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_INSTANCE: JSON.stringify(settings), VAJRA_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, url: (message as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`a bench instance exited with ${code} before listening`)));
  });
}

async function stopAll(instances: Instance[]): Promise<void> {
  await Promise.all(
    instances.map(({ child }) =>
      child.exitCode !== null || child.signalCode !== null
        ? undefined
        : new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.send({ cmd: 'close' });
          }),
    ),
  );
}

function call(url: string, method: string, path: string, agent: Agent, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        agent,
        headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Requests per second of `make()` over `SECONDS`, CONCURRENCY clients taking the instances in turn. */
async function load(instances: Instance[], method: string, path: string, body?: unknown): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let turn = worker; performance.now() < end; turn += 1) {
        const { status } = await call(instances[turn % instances.length]!.url, method, path, agent, body);
        if (status >= 400) failed += 1;
        else done += 1;
      }
    }),
  );
  agent.destroy();
  if (failed > 0) throw new Error(`${failed} ${method} ${path} requests failed`);
  return Math.round(done / SECONDS);
}

async function holderOf(instances: Instance[]): Promise<Instance | undefined> {
  const agent = new Agent({ keepAlive: false });
  const states = await Promise.all(
    instances.map(async (instance) => {
      if (instance.child.exitCode !== null || instance.child.signalCode !== null) return false;
      const { text } = await call(instance.url, 'GET', '/ready', agent).catch(() => ({ text: '{}' }));
      return (JSON.parse(text) as { work?: { holder?: boolean } }).work?.holder === true;
    }),
  );
  return instances[states.indexOf(true)];
}

/** Latency of `audio:spectrum` to SUBSCRIBERS clients spread over the instances, and whether every frame reached every client. */
async function fanOut(instances: Instance[]): Promise<Record<string, number>> {
  const sockets: WebSocket[] = [];
  const seen: Array<Set<string>> = [];
  const latencies: number[] = [];
  let recording = false;
  let socketErrors = 0;
  for (let index = 0; index < SUBSCRIBERS; index += 100) {
    const batch = await Promise.all(
      Array.from(
        { length: Math.min(100, SUBSCRIBERS - index) },
        (_, offset) =>
          new Promise<WebSocket>((resolve, reject) => {
            const ws = new WebSocket(`${instances[(index + offset) % instances.length]!.url.replace(/^http/, 'ws')}/ws`);
            const frames = new Set<string>();
            seen.push(frames);
            ws.once('open', () => {
              ws.once('message', () => resolve(ws));
              ws.send(JSON.stringify({ type: 'subscribe', topics: ['audio:spectrum'] }));
            });
            ws.on('message', (data) => {
              const text = String(data);
              if (!recording || !text.startsWith('{"type":"audio:spectrum"')) return;
              const at = /"at":"([^"]+)"/.exec(text)?.[1];
              if (at === undefined) return;
              frames.add(at);
              latencies.push(Date.now() - Date.parse(at));
            });
            ws.once('error', reject);
            // After the handshake a reset connection is counted, never fatal: frames it missed show as undelivered.
            ws.on('error', () => (socketErrors += 1));
          }),
      ),
    );
    sockets.push(...batch);
  }
  const agent = new Agent({ keepAlive: true });
  const session = JSON.parse((await call(instances[0]!.url, 'POST', '/api/v1/sessions', agent, { intention: 'fan-out', duration: 600, frequencies: [432] })).text) as { id: string };
  recording = true;
  await call(instances[0]!.url, 'POST', `/api/v1/sessions/${session.id}/start`, agent, {});
  await new Promise((resolve) => setTimeout(resolve, Math.max(5, SECONDS) * 1000));
  await call(instances[0]!.url, 'POST', `/api/v1/sessions/${session.id}/stop`, agent, {});
  // Frames already sent are still on their way: wait until no client receives anything for a second.
  for (let last = -1; last !== latencies.length; ) {
    last = latencies.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  recording = false;
  agent.destroy();
  const closed = sockets.map((ws) => once(ws, 'close'));
  for (const ws of sockets) ws.close();
  await Promise.all(closed);
  const frames = new Set<string>();
  for (const set of seen) for (const at of set) frames.add(at);
  latencies.sort((x, y) => x - y);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    clients: SUBSCRIBERS,
    frames: frames.size,
    delivered: seen.reduce((sum, set) => sum + set.size, 0),
    expected: frames.size * SUBSCRIBERS,
    p50Ms: pick(0.5),
    p99Ms: pick(0.99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    socketErrors,
  };
}

async function takeovers(instances: Instance[], settings: Settings): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < KILLS; round += 1) {
    let holder: Instance | undefined;
    while ((holder = await holderOf(instances)) === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    const exited = new Promise((resolve) => holder!.child.once('exit', resolve));
    holder.child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    // The survivors take over; a replacement starts only then (it could win the lease otherwise).
    while ((await holderOf(instances)) === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    times.push(Date.now() - killedAt);
    instances.splice(instances.indexOf(holder), 1, await startInstance(settings));
  }
  return times;
}

async function deployment(name: string, count: number, storage: 'sqlite' | 'notify' | 'redis', options: { fanOut: boolean; takeover?: boolean }) {
  const schema = `vajra_bench_${name}_${suffix}`;
  const prefix = `vajra-bench:${name}:${suffix}:`;
  const settings: Settings =
    storage === 'sqlite'
      ? { dataDir: join(directory, name) }
      : { dataDir: join(directory, name), databaseUrl: DATABASE_URL, databaseSchema: schema, busUrl: storage === 'notify' ? DATABASE_URL : REDIS_URL, busPrefix: prefix };
  if (storage !== 'sqlite') schemas.push(schema);
  if (storage === 'redis') prefixes.push(prefix);
  const instances: Instance[] = [];
  for (let index = 0; index < count; index += 1) instances.push(await startInstance(settings));
  try {
    const createRps = await load(instances, 'POST', '/api/v1/sessions', { intention: 'bench', duration: 60 });
    const listRps = await load(instances, 'GET', '/api/v1/sessions?limit=20');
    const result: Record<string, unknown> = { instances: count, createRps, listRps };
    if (options.fanOut) result.fanOut = await fanOut(instances);
    if (options.takeover) {
      const times = await takeovers(instances, settings);
      const sorted = [...times].sort((x, y) => x - y);
      result.takeoverMs = { samples: times, p50: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
    }
    return result;
  } finally {
    await stopAll(instances);
  }
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
try {
  const sqlite1 = await deployment('sqlite1', 1, 'sqlite', { fanOut: true });
  const notify1 = await deployment('notify1', 1, 'notify', { fanOut: false });
  const notify3 = await deployment('notify3', 3, 'notify', { fanOut: true, takeover: true });
  const redis3 = await deployment('redis3', 3, 'redis', { fanOut: true });
  const rps = (result: Record<string, unknown>, key: 'createRps' | 'listRps') => result[key] as number;
  console.log(
    JSON.stringify({
      bench: 'example-server/scale-out',
      seconds: SECONDS,
      concurrency: CONCURRENCY,
      sqlite1,
      notify1,
      notify3,
      redis3,
      ratios: {
        create3vs1Notify: round2(rps(notify3, 'createRps') / rps(notify1, 'createRps')),
        list3vs1Notify: round2(rps(notify3, 'listRps') / rps(notify1, 'listRps')),
        createNotify1VsSqlite1: round2(rps(notify1, 'createRps') / rps(sqlite1, 'createRps')),
        listNotify1VsSqlite1: round2(rps(notify1, 'listRps') / rps(sqlite1, 'listRps')),
        createRedis3VsNotify3: round2(rps(redis3, 'createRps') / rps(notify3, 'createRps')),
      },
      node: process.version,
      // Other work on the machine weighs on every figure: the cores and the load average when the run ended.
      machine: { cpus: availableParallelism(), loadavg: loadavg().map(round2) },
    }),
  );
} finally {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
  const redis = new Redis(REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
  rmSync(directory, { recursive: true, force: true });
}
