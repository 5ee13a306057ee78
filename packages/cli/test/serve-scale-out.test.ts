import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, jsonLines, startVajra, type VajraChild } from './__fixtures__/vajra-process';

const DATABASE_URL = process.env.VAJRA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const directory = mkdtempSync(join(tmpdir(), 'vajra-cli-scale-'));
const schema = `vajra_test_${process.pid}_${randomBytes(4).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
admin.on('error', () => undefined);
afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  await admin.end();
  rmSync(directory, { recursive: true, force: true });
});

interface Ready {
  ready: boolean;
  store: string;
  bus: { kind: string; connected: boolean } | null;
  work: { mode: string; holder: boolean; token: number | null };
}

const until = async (condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('vajra serve as several instances (PostgreSQL store and LISTEN/NOTIFY bus)', () => {
  it('shares sessions, holds the work on one instance, and moves it within the lease bound when that instance is killed', { timeout: 240_000 }, async () => {
    try {
      await admin.query('SELECT 1');
    } catch (error) {
      throw new Error(`PostgreSQL is required by this test and is not reachable (${(error as Error).message}); start it (apt-get install postgresql) or set VAJRA_TEST_DATABASE_URL`);
    }
    const env = baseEnv({ VAJRA_LOG_LEVEL: 'warn', VAJRA_DATABASE_URL: DATABASE_URL, VAJRA_DATABASE_SCHEMA: schema, VAJRA_BUS_URL: DATABASE_URL });
    const start = async (): Promise<{ child: VajraChild; url: string }> => {
      const child = startVajra(['serve', '--port', '0', '--data-dir', join(directory, 'unused'), '--json'], { cwd: directory, env });
      await child.until(({ stdout }) => stdout.includes('\n'), 90_000);
      const url = jsonLines<{ url?: string }>(child.stdout()).find((line) => line.url !== undefined)?.url;
      if (url === undefined) throw new Error(`no URL: ${child.stdout()} ${child.stderr()}`);
      return { child, url };
    };
    const ready = async (url: string): Promise<Ready> => (await (await fetch(`${url}/ready`)).json()) as Ready;
    const instances = [await start(), await start(), await start()];
    try {
      const states = await Promise.all(instances.map(({ url }) => ready(url)));
      expect(states.map((s) => [s.ready, s.store, s.bus?.kind, s.bus?.connected, s.work.mode])).toEqual(Array.from({ length: 3 }, () => [true, 'postgres', 'postgres', true, 'lease']));
      expect(states.filter((s) => s.work.holder)).toHaveLength(1);

      // Created and started through the second instance, read through the third.
      const [, b, c] = instances;
      const created = (await (await fetch(`${b!.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ intention: 'peace', duration: 12 }) })).json()) as { id: string };
      expect((await fetch(`${b!.url}/api/v1/sessions/${created.id}/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
      expect(((await (await fetch(`${c!.url}/api/v1/sessions/${created.id}`)).json()) as { status: string }).status).toBe('running');

      // SIGKILL the holder: another instance takes the work over and completes the session on time, exactly.
      const holderIndex = states.findIndex((s) => s.work.holder);
      const holder = instances[holderIndex]!;
      holder.child.child.kill('SIGKILL');
      await holder.child.exited;
      const killedAt = Date.now();
      const survivors = instances.filter((_, index) => index !== holderIndex);
      await until(async () => (await Promise.all(survivors.map(({ url }) => ready(url)))).some((s) => s.work.holder), 'a new holder');
      const takeoverMs = Date.now() - killedAt;
      console.info(JSON.stringify({ takeoverMs }));
      await until(async () => ((await (await fetch(`${survivors[0]!.url}/api/v1/sessions/${created.id}`)).json()) as { status: string }).status === 'completed', 'the completion');
      const done = (await (await fetch(`${survivors[1]!.url}/api/v1/sessions/${created.id}`)).json()) as { elapsedTime: number; startedAt: string; completedAt: string };
      expect(done.elapsedTime).toBe(12);
      expect(Date.parse(done.completedAt) - Date.parse(done.startedAt)).toBe(12_000);
    } finally {
      for (const { child } of instances) if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGTERM');
      await Promise.all(instances.map(({ child }) => child.exited));
    }
  });
});
