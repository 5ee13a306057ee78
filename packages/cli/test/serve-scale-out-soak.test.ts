// Soak of the work lease: three real `vajra serve` processes on PostgreSQL (store, lease and LISTEN/NOTIFY
// bus); the work holder is SIGKILLed ten times, each time just after a short session with an attached wheel
// was started through another instance, and a fresh instance replaces it. Checked against the clock of the
// stored instants and the bus's own outbox: every short session completes exactly on time once, its wheel and
// a free wheel spinning through all ten takeovers count exactly rpm × spinning time (nothing lost, nothing
// doubled), a long session's elapsed time stays exact. Takeover times are printed.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeployment, DATABASE_URL, requireServices, until, type Deployment } from './__fixtures__/deployment';

const KILLS = 10;
const SHORT_SECONDS = 3;
let deployment: Deployment | undefined;
afterAll(async () => {
  await deployment?.cleanup();
});

interface Wheel {
  id: string;
  status: string;
  rpm: number;
  rotations: string;
  spinningSeconds: number;
  startedAt: string;
  stoppedAt: string | null;
}
interface Session {
  id: string;
  status: string;
  elapsedTime: number;
  startedAt: string;
  completedAt: string | null;
  stoppedAt: string | null;
}

/** Whole rotations of `rpm` over `ms`, as the kernel counts them (floor, exact for these rpm values). */
const expectedRotations = (rpm: number, ms: number): string => String(Math.floor((rpm * ms) / 60_000 + 1e-9));

describe('the work lease under repeated SIGKILL of its holder', () => {
  it(`loses and doubles nothing over ${KILLS} takeovers`, { timeout: 300_000 }, async () => {
    await requireServices();
    deployment = createDeployment({ bus: 'postgres' });
    const d = deployment;
    await Promise.all([d.start(), d.start(), d.start()]);
    const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      // Any living instance will do; the test goes on through the survivors.
      const instance = d.alive().find((candidate) => candidate.url !== '')!;
      const response = await fetch(`${instance.url}/api/v1${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const json = (await response.json()) as T;
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };

    const free = await api<Wheel>('POST', '/prayers/wheels', { mantra: 'chenrezig', copiesPerRotation: 108, rpm: 599.7 });
    await api('POST', `/prayers/wheels/${free.id}/start`, {});
    const long = await api<Session>('POST', '/sessions', { intention: 'long', duration: 3600 });
    await api('POST', `/sessions/${long.id}/start`, {});

    const takeovers: number[] = [];
    const shorts: Array<{ session: string; wheel: string; rpm: number }> = [];
    for (let round = 0; round < KILLS; round += 1) {
      const holder = await d.holder();
      const other = d.alive().find((instance) => instance !== holder && instance.url !== '')!;
      const post = async <T>(path: string, body: unknown): Promise<T> => {
        const response = await fetch(`${other.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
        return (await response.json()) as T;
      };
      const session = await post<Session>('/sessions', { intention: `round ${round}`, duration: SHORT_SECONDS });
      const rpm = 1234.5 + round;
      const wheel = await post<Wheel>('/prayers/wheels', { mantra: 'vajrasattva', copiesPerRotation: 1, rpm, sessionId: session.id });
      await post(`/sessions/${session.id}/start`, {});
      shorts.push({ session: session.id, wheel: wheel.id, rpm });

      holder.child.child.kill('SIGKILL');
      await holder.child.exited;
      const killedAt = Date.now();
      // The survivors take over; the replacement starts only then (it could win the lease otherwise).
      await until(async () => (await Promise.all(d.alive().map((i) => d.ready(i.url)))).some((s) => s.work.holder), 'a new holder', 60_000);
      takeovers.push(Date.now() - killedAt);
      await d.start();
    }
    const sorted = [...takeovers].sort((x, y) => x - y);
    console.info(JSON.stringify({ takeoverMs: takeovers, p50: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) }));

    // Every short session completed on time, once, and its wheel counted exactly its running time.
    for (const short of shorts) {
      await until(async () => (await api<Session>('GET', `/sessions/${short.session}`)).status === 'completed', `session ${short.session} completed`, 60_000);
      const session = await api<Session>('GET', `/sessions/${short.session}`);
      expect(session.elapsedTime).toBe(SHORT_SECONDS);
      expect(Date.parse(session.completedAt!) - Date.parse(session.startedAt)).toBe(SHORT_SECONDS * 1000);
      const wheel = await api<Wheel>('GET', `/prayers/wheels/${short.wheel}`);
      expect(wheel.status).toBe('stopped');
      expect(wheel.stoppedAt).toBe(session.completedAt);
      expect(wheel.rotations).toBe(expectedRotations(short.rpm, SHORT_SECONDS * 1000));
    }

    // The free wheel and the long session went on through every takeover: stop them and compare with the clock.
    const stoppedWheel = await api<Wheel>('POST', `/prayers/wheels/${free.id}/stop`, {});
    const spunMs = Date.parse(stoppedWheel.stoppedAt!) - Date.parse(stoppedWheel.startedAt);
    expect(stoppedWheel.rotations).toBe(expectedRotations(599.7, spunMs));
    expect(stoppedWheel.spinningSeconds).toBeCloseTo(spunMs / 1000, 6);
    const stoppedLong = await api<Session>('POST', `/sessions/${long.id}/stop`, {});
    expect(stoppedLong.elapsedTime).toBeCloseTo((Date.parse(stoppedLong.stoppedAt!) - Date.parse(stoppedLong.startedAt)) / 1000, 6);

    // Transitions as announced on the bus (the outbox keeps every message published): each exactly once.
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string; id: string; n: string }>(
        `SELECT name, payload::jsonb -> 'session' ->> 'id' AS id, count(*) AS n FROM ${d.schema}.vajra_bus_outbox
          WHERE name IN ('session:started', 'session:completed') GROUP BY 1, 2`,
      );
      const counts = new Map(rows.map((row) => [`${row.name} ${row.id}`, Number(row.n)]));
      for (const short of shorts) {
        expect(counts.get(`session:started ${short.session}`)).toBe(1);
        expect(counts.get(`session:completed ${short.session}`)).toBe(1);
      }
      expect(counts.get(`session:completed ${long.id}`)).toBeUndefined();
    } finally {
      await db.end();
    }
  });
});
