/**
 * Persistence benchmark of the SQLite store, printed as one JSON line:
 * - durable session transitions per second through the kernel (each `await` returns after the commit);
 * - wheel rotations persisted per second through the kernel (spinning wheels counted at every tick, one
 *   transaction per tick across all wheels; counted by `wheel:rotated` events, which follow the commit);
 * - raw better-sqlite3 inserts per second on the same machine, same pragmas, one transaction per insert, each
 *   row the size of the stored session the transitions rewrite;
 * and the ratios, both of throughput and of CPU time per operation (this process's user + system time during
 * each phase's slices: on a shared machine the throughput follows the load, the CPU time much less).
 * It loads the built packages (`dist`) as an application does, not the TypeScript sources: build them first.
 * Run: `pnpm --filter @vajra-stream/store-sqlite bench` (VAJRA_BENCH_SYNCHRONOUS=normal to compare).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createVajra, type Clock, type TimerHandle } from '@vajra-stream/core';
import { createSqliteStore } from '@vajra-stream/store-sqlite';

const synchronous = process.env.VAJRA_BENCH_SYNCHRONOUS === 'normal' ? 'normal' : 'full';
const PHASE_MS = Number(process.env.VAJRA_BENCH_PHASE_MS ?? 3000);
// 100 ms slices: the load of a shared machine changes within seconds, so finer slices let it hit every phase alike.
const ROUNDS = 30;
const WHEELS = 20;
const TICK_MS = 100;
const dir = mkdtempSync(join(tmpdir(), 'vajra-bench-'));

type Step = () => Promise<number> | number;
interface Phase {
  step: Step;
  done(): Promise<void> | void;
}

interface Measured {
  perSecond: number;
  cpuMicrosPerOperation: number;
}

/**
 * Run the phases round-robin in ROUNDS short slices each, so that a change in machine load (the fsync
 * latency of a shared disk varies a lot) hits every phase alike and the ratios stay meaningful.
 * Returns operations per second and CPU microseconds per operation of each phase.
 */
async function interleave(phases: Phase[]): Promise<Measured[]> {
  for (const phase of phases) for (let i = 0; i < 20; i += 1) await phase.step(); // warm-up
  const operations = phases.map(() => 0);
  const seconds = phases.map(() => 0);
  const cpuMicros = phases.map(() => 0);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, phase] of phases.entries()) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      while (performance.now() - started < PHASE_MS / ROUNDS) operations[index]! += await phase.step();
      seconds[index]! += (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      cpuMicros[index]! += used.user + used.system;
    }
  }
  for (const phase of phases) await phase.done();
  return operations.map((count, index) => ({ perSecond: count / seconds[index]!, cpuMicrosPerOperation: cpuMicros[index]! / count }));
}

async function sessionTransitions(): Promise<Phase & { row: string }> {
  const store = createSqliteStore({ path: join(dir, 'sessions.db'), synchronous });
  const vajra = createVajra({ store, config: { logLevel: 'silent' } });
  await vajra.start();
  const session = await vajra.sessions.create({ intention: 'benchmark', duration: 7 * 86_400, frequencies: [432, 528], metadata: { bench: true } });
  await vajra.sessions.start(session.id);
  let running = true;
  return {
    row: JSON.stringify(await store.collection('sessions').get(session.id)),
    async step() {
      await (running ? vajra.sessions.pause(session.id) : vajra.sessions.resume(session.id));
      running = !running;
      return 1;
    },
    async done() {
      await vajra.stop();
      await store.close();
    },
  };
}

/** A clock whose time and single ticker the benchmark drives, so ticks run back to back instead of every TICK_MS. */
function drivenClock(): Clock & { tick(): void } {
  let now = Date.now();
  let ticker: (() => void) | undefined;
  return {
    now: () => now,
    setTimeout: () => ({}) as TimerHandle,
    clearTimeout: () => undefined,
    setInterval: (callback) => {
      ticker = callback;
      return {} as TimerHandle;
    },
    clearInterval: () => {
      ticker = undefined;
    },
    tick() {
      now += TICK_MS;
      ticker?.();
    },
  };
}

async function wheelTicks(): Promise<Phase> {
  const store = createSqliteStore({ path: join(dir, 'wheels.db'), synchronous });
  const clock = drivenClock();
  const vajra = createVajra({ store, clock, config: { logLevel: 'silent', wheels: { tickIntervalMs: TICK_MS } } });
  await vajra.start();
  for (let i = 0; i < WHEELS; i += 1) {
    // 1200 rpm at a 100 ms tick: two rotations per wheel per tick, so every tick persists every wheel.
    const wheel = await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: '1000000', rpm: 1200 });
    await vajra.wheels.start(wheel.id);
  }
  let persisted = 0;
  let wake: (() => void) | undefined;
  vajra.events.on('wheel:rotated', () => {
    persisted += 1;
    if (persisted % WHEELS === 0) wake?.();
  });
  return {
    async step() {
      const committed = new Promise<void>((resolve) => {
        wake = resolve;
      });
      clock.tick();
      await committed; // the counts of all WHEELS wheels of this tick are committed and announced
      return 1;
    },
    async done() {
      await vajra.stop();
      await store.close();
    },
  };
}

/** `row`: the JSON text each insert writes (the stored session's, so both sides write rows of one size). */
function rawInserts(row: string): Phase {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.exec('CREATE TABLE records (id INTEGER PRIMARY KEY, json TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO records (id, json) VALUES (?, ?)');
  let id = 0;
  // Autocommit: each statement is its own transaction, committed (and fsynced under FULL) before run() returns.
  return {
    step() {
      id += 1;
      insert.run(id, row);
      return 1;
    },
    done: () => {
      db.close();
    },
  };
}

try {
  const sessions = await sessionTransitions();
  const [raw, transitions, ticks] = (await interleave([rawInserts(sessions.row), sessions, await wheelTicks()])) as [Measured, Measured, Measured];
  const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
  console.log(
    JSON.stringify({
      bench: 'store-sqlite/persist',
      synchronous,
      node: process.version,
      sqlite: new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get(),
      sessionTransitionsPerSecond: round(transitions.perSecond),
      wheelRotationsPersistedPerSecond: round(ticks.perSecond * WHEELS),
      wheelTicksPerSecond: round(ticks.perSecond),
      wheelsPerTick: WHEELS,
      rawInsertsPerSecond: round(raw.perSecond),
      rowBytes: Buffer.byteLength(sessions.row),
      cpuMicrosPerOperation: { sessionTransition: round(transitions.cpuMicrosPerOperation), wheelTick: round(ticks.cpuMicrosPerOperation), rawInsert: round(raw.cpuMicrosPerOperation) },
      ratios: {
        sessionTransitionsToRawInserts: round(transitions.perSecond / raw.perSecond, 3),
        wheelRotationsToRawInserts: round((ticks.perSecond * WHEELS) / raw.perSecond, 3),
        wheelTicksToRawInserts: round(ticks.perSecond / raw.perSecond, 3),
        // Throughput a core would give if CPU time were the only cost, raw insert over transition (1.0: the same CPU per operation).
        sessionTransitionsToRawInsertsByCpu: round(raw.cpuMicrosPerOperation / transitions.cpuMicrosPerOperation, 3),
      },
      loadavg: loadavg().map((value) => round(value, 2)),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
