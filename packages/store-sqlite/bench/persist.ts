/**
 * Persistence benchmark of the SQLite store, printed as one JSON line:
 * - durable session transitions per second through the kernel (each `await` returns after the commit);
 * - wheel rotations persisted per second through the kernel (spinning wheels counted at every tick, one
 *   transaction per tick across all wheels; counted by `wheel:rotated` events, which follow the commit);
 * - raw better-sqlite3 inserts per second on the same machine, same pragmas, one transaction per insert, each
 *   row the size of the stored session the transitions rewrite;
 * and the ratios, both of throughput and of CPU time per operation (each process's user + system time during
 * its slices: on a shared machine the throughput follows the load, the CPU time much less).
 *
 * Each workload runs in a fresh process of its own (persist-phase.ts), as an application meets it, pinned to
 * core 0 where `taskset` exists. They take turns in short slices, and each transition slice is paired with a
 * raw slice next to it (raw first in one pair, transitions first in the next), so that a change of the disk's
 * fsync latency hits both sides of a pair alike: the ratios are the median and quartiles of the pairs'.
 * It loads the built packages (`dist`) as an application does, not the TypeScript sources: build them first.
 * Run: `pnpm --filter @vajra-stream/store-sqlite bench` (VAJRA_BENCH_SYNCHRONOUS=normal to compare).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const synchronous = process.env.VAJRA_BENCH_SYNCHRONOUS === 'normal' ? 'normal' : 'full';
// 100 ms slices: the load of a shared machine changes within seconds, so short slices let it hit both sides alike.
const SLICE_MS = 100;
const PAIRS = Number(process.env.VAJRA_BENCH_PAIRS ?? 40);
const WHEELS = 20;
const dir = mkdtempSync(join(tmpdir(), 'vajra-bench-'));
const phaseFile = fileURLToPath(new URL('./persist-phase.ts', import.meta.url));
const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

interface Slice {
  operations: number;
  seconds: number;
  cpuMicros: number;
}

interface PhaseProcess {
  child: ChildProcess;
  row?: string;
  run(sliceMs: number): Promise<Slice>;
}

/** Start a phase in a fresh process (pinned to core 0 when possible) and wait until it is ready. */
async function startPhase(name: string, row?: string): Promise<PhaseProcess> {
  const node = [process.execPath, '--import', 'tsx', phaseFile, name, dir, synchronous, ...(row === undefined ? [] : [row])];
  const [command, ...args] = pinned ? ['taskset', '-c', '0', ...node] : node;
  const child = spawn(command!, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig } });
  process.once('exit', () => child.kill());
  const failed = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`bench phase ${name} exited with ${code}`))));
  const ready = await Promise.race([new Promise<{ row?: string }>((resolve) => child.once('message', resolve)), failed]);
  return {
    child,
    row: ready.row,
    run: (sliceMs) =>
      Promise.race([
        new Promise<Slice>((resolve) => {
          child.once('message', (m) => resolve(m as Slice));
          child.send({ sliceMs });
        }),
        failed,
      ]),
  };
}

function medianAndQuartiles(values: number[]): { median: number; quartiles: [number, number] } {
  const sorted = [...values].sort((x, y) => x - y);
  return { median: sorted[Math.floor(sorted.length / 2)]!, quartiles: [sorted[Math.floor(sorted.length / 4)]!, sorted[Math.floor((3 * sorted.length) / 4)]!] };
}

const totals = (slices: Slice[]): { perSecond: number; cpuMicrosPerOperation: number } => {
  const operations = slices.reduce((sum, s) => sum + s.operations, 0);
  return { perSecond: operations / slices.reduce((sum, s) => sum + s.seconds, 0), cpuMicrosPerOperation: slices.reduce((sum, s) => sum + s.cpuMicros, 0) / operations };
};

const rate = (s: Slice): number => s.operations / s.seconds;
const cpuPer = (s: Slice): number => s.cpuMicros / s.operations;

try {
  const sessions = await startPhase('sessions');
  const raw = await startPhase('raw', sessions.row);
  const wheels = await startPhase('wheels');
  for (const phase of [raw, sessions, wheels]) await phase.run(300); // warm-up
  const slices = { raw: [] as Slice[], sessions: [] as Slice[], wheels: [] as Slice[], rawForWheels: [] as Slice[] };
  for (let pair = 0; pair < PAIRS; pair += 1) {
    const order = pair % 2 === 0 ? ([raw, sessions] as const) : ([sessions, raw] as const);
    const [first, second] = [await order[0].run(SLICE_MS), await order[1].run(SLICE_MS)];
    slices.raw.push(order[0] === raw ? first : second);
    slices.sessions.push(order[0] === raw ? second : first);
    slices.wheels.push(await wheels.run(SLICE_MS));
  }
  for (const phase of [raw, sessions, wheels]) phase.child.send({ exit: true });
  const transitionRatio = medianAndQuartiles(slices.sessions.map((s, i) => rate(s) / rate(slices.raw[i]!)));
  const cpuRatio = medianAndQuartiles(slices.sessions.map((s, i) => cpuPer(slices.raw[i]!) / cpuPer(s)));
  // Each wheel slice follows a transitions-and-raw pair: compared with the raw slice nearest to it.
  const wheelRatio = medianAndQuartiles(slices.wheels.map((s, i) => (rate(s) * WHEELS) / rate(slices.raw[i]!)));
  const [r, t, w] = [totals(slices.raw), totals(slices.sessions), totals(slices.wheels)];
  const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
  const ratio = ({ median, quartiles }: { median: number; quartiles: [number, number] }) => ({ median: round(median, 3), quartiles: quartiles.map((q) => round(q, 3)) });
  console.log(
    JSON.stringify({
      bench: 'store-sqlite/persist',
      synchronous,
      node: process.version,
      sqlite: new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get(),
      processes: pinned ? 'one per workload, pinned to core 0' : 'one per workload (taskset not found: not pinned)',
      pairs: PAIRS,
      sliceMs: SLICE_MS,
      sessionTransitionsPerSecond: round(t.perSecond),
      wheelRotationsPersistedPerSecond: round(w.perSecond * WHEELS),
      wheelTicksPerSecond: round(w.perSecond),
      wheelsPerTick: WHEELS,
      rawInsertsPerSecond: round(r.perSecond),
      rowBytes: Buffer.byteLength(sessions.row ?? ''),
      cpuMicrosPerOperation: { sessionTransition: round(t.cpuMicrosPerOperation), wheelTick: round(w.cpuMicrosPerOperation), rawInsert: round(r.cpuMicrosPerOperation) },
      ratios: {
        // Median [quartiles] over the pairs of slices.
        sessionTransitionsToRawInserts: ratio(transitionRatio),
        wheelRotationsToRawInserts: ratio(wheelRatio),
        // Throughput a core would give if CPU time were the only cost, raw insert over transition (1.0: the same CPU per operation).
        sessionTransitionsToRawInsertsByCpu: ratio(cpuRatio),
      },
      loadavg: loadavg().map((value) => round(value, 2)),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
