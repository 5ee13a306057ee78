/**
 * One phase of the persistence benchmark (persist.ts) in a process of its own, as an application meets it:
 * `raw` (better-sqlite3 inserts), `sessions` (durable session transitions through the kernel) or `wheels`
 * (wheel ticks through the kernel). It prepares its database in the directory given, then runs the slices the
 * parent asks for over IPC (`{ sliceMs }`) and answers each with its operations, seconds and CPU microseconds
 * (this process's user + system time: JS, GC helpers, SQLite). The first message it sends is `{ ready, row }`,
 * `row` being the stored session's JSON text (sessions only), which the parent hands to `raw` as its row.
 * Run by persist.ts: `node --import tsx bench/persist-phase.ts <phase> <dir> <full|normal> [row]`.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createVajra, type Clock, type TimerHandle } from '@vajra-stream/core';
import { createSqliteStore } from '@vajra-stream/store-sqlite';

const [phaseName, dir, synchronous, rawRow] = process.argv.slice(2) as [string, string, 'full' | 'normal', string | undefined];
const WHEELS = 20;
const TICK_MS = 100;

interface Phase {
  /** Run one operation; returns how many it counts as. */
  step(): Promise<number> | number;
  row?: string;
}

async function sessionTransitions(): Promise<Phase> {
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
  };
}

const phases: Record<string, () => Promise<Phase> | Phase> = { sessions: sessionTransitions, wheels: wheelTicks, raw: () => rawInserts(rawRow ?? '') };
const build = phases[phaseName];
if (build === undefined || process.send === undefined) throw new Error(`usage: run by persist.ts with a phase of ${Object.keys(phases).join(', ')}`);
const phase = await build();
process.on('message', (message: { sliceMs?: number; exit?: true }) => {
  if (message.exit === true) process.exit(0);
  void (async () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    let operations = 0;
    while (performance.now() - started < message.sliceMs!) operations += await phase.step();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    process.send!({ operations, seconds, cpuMicros: used.user + used.system });
  })();
});
process.once('disconnect', () => process.exit(0)); // the parent ended (or failed): do not linger
process.send({ ready: true, row: phase.row });
