/**
 * The process the crash test kills. It runs the real kernel on a SQLite file with the system clock and
 * a fast wheel tick, performs random session transitions, and writes one JSON line to stdout for:
 * - `ready`: what the kernel recovered from the store at start-up;
 * - `intent` / `done` / `failed`: a session operation before it is called and after its promise settled;
 * - `rotated`: every `wheel:rotated` event (emitted by the kernel only after the count is committed).
 * stdout is a pipe, and pipe writes are synchronous in Node on Linux, so a line written is a line the
 * parent will read even if SIGKILL arrives right after.
 *
 * Usage: node --import tsx crash-child.ts <database path>   (TSX_TSCONFIG_PATH=crash-child.tsconfig.json)
 */
import { createVajra, isVajraError, type Session } from '@vajra-stream/core';
import { createSqliteStore } from '../src/index';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: crash-child.ts <database path>');

const out = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const store = createSqliteStore({ path });
const vajra = createVajra({ store, config: { logLevel: 'silent', wheels: { tickIntervalMs: 25 } } });
vajra.events.on('wheel:rotated', (event) => out({ type: 'rotated', wheelId: event.wheelId, rotations: event.rotations }));

const listAll = async <T>(list: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> => {
  const items: T[] = [];
  for (;;) {
    const page = await list(items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
};

const before = Date.now();
await vajra.start();
const sessions = await listAll((offset) => vajra.sessions.list({ limit: 500, offset }));
const wheels = await listAll((offset) => vajra.wheels.list({ limit: 500, offset }));
out({
  type: 'ready',
  before,
  at: Date.now(),
  sessions: sessions.map((s) => ({ id: s.id, status: s.status, elapsedTime: s.elapsedTime, duration: s.duration, completedAt: s.completedAt })),
  wheels: wheels.map((w) => ({ id: w.id, rotations: w.rotations, status: w.status, sessionId: w.sessionId })),
});

// Two free-spinning wheels, created once for the lifetime of the database; they resume after every restart.
if (wheels.length === 0) {
  for (const rpm of [3000, 1234.5]) {
    const wheel = await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: '1000000000000', rpm });
    await vajra.wheels.start(wheel.id);
  }
}

// One session is started once and then left alone: with 1.5 s to run it completes early in every crash test
// (while a process runs or while none does), so completed sessions are checked however the random moves fall.
const SENTINEL = 'left alone to complete';
let sentinel = sessions.find((s) => s.intention === SENTINEL);
if (sentinel === undefined) {
  out({ type: 'intent', op: 'create', t0: Date.now() });
  sentinel = await vajra.sessions.create({ intention: SENTINEL, duration: 1.5 });
  out({ type: 'done', op: 'create', id: sentinel.id, duration: 1.5, t1: Date.now() });
}
if (sentinel.status === 'created') {
  const t0 = Date.now();
  out({ type: 'intent', op: 'start', id: sentinel.id, t0 });
  const started = await vajra.sessions.start(sentinel.id);
  out({ type: 'done', op: 'start', id: sentinel.id, t0, t1: Date.now(), status: started.status });
}

const local = new Map<string, Session['status']>(sessions.filter((s) => s.intention !== SENTINEL).map((s) => [s.id, s.status]));
vajra.events.on('session:completed', ({ session }) => {
  if (local.has(session.id)) local.set(session.id, 'completed');
});

const moves = { start: ['created'], pause: ['running'], resume: ['paused'], stop: ['running', 'paused'] } as const;
type Move = keyof typeof moves;
// Weighted so that sessions spend most of their time running and some reach their duration.
const weighted: Move[] = ['start', 'start', 'start', 'resume', 'resume', 'pause', 'pause', 'stop'];

for (;;) {
  const active = [...local.values()].filter((status) => status !== 'stopped' && status !== 'completed').length;
  if (active < 4) {
    const duration = 1.5 + Math.round(Math.random() * 85) / 10; // 1.5–10 s: some complete while the process is down
    out({ type: 'intent', op: 'create', t0: Date.now() });
    const session = await vajra.sessions.create({ intention: 'may all beings be free', duration });
    out({ type: 'done', op: 'create', id: session.id, duration, t1: Date.now() });
    local.set(session.id, session.status);
    // A wheel attached to the session spins while the session runs.
    await vajra.wheels.create({ mantra: 'green-tara', copiesPerRotation: 108, rpm: 2400, sessionId: session.id });
  } else {
    const move = pick(weighted) as Move;
    const id = pick([...local.entries()].filter(([, status]) => (moves[move] as readonly string[]).includes(status)).map(([key]) => key));
    if (id !== undefined) {
      const t0 = Date.now();
      out({ type: 'intent', op: move, id, t0 });
      try {
        const session = await vajra.sessions[move](id);
        out({ type: 'done', op: move, id, t0, t1: Date.now(), status: session.status });
        local.set(id, session.status);
      } catch (error) {
        // The session's own timer may have completed it between the choice and the call.
        if (!isVajraError(error) || error.code !== 'SESSION_INVALID_TRANSITION') throw error;
        const now = await vajra.sessions.get(id);
        out({ type: 'failed', op: move, id, t0, t1: Date.now(), status: now.status });
        local.set(id, now.status);
      }
    }
  }
  await sleep(10 + Math.random() * 120);
}
