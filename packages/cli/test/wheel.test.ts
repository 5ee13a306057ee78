import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runVajra, startVajra } from './__fixtures__/vajra-process';

const directory = mkdtempSync(join(tmpdir(), 'vajra-cli-wheel-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface StoredWheel {
  id: string;
  status: string;
  rpm: number;
  rotations: string;
  recitations: string;
  spinningSeconds: number;
  phase: number;
}

/** The wheel as the SQLite file holds it, read with better-sqlite3 directly (not through the store). */
function storedWheel(database: string, id: string): StoredWheel {
  const db = new Database(database, { readonly: true });
  try {
    const row = db.prepare("SELECT json FROM vajra_records WHERE collection = 'wheels' AND id = ?").get(id) as { json: string } | undefined;
    if (row === undefined) throw new Error(`wheel ${id} is not in ${database}`);
    return JSON.parse(row.json) as StoredWheel;
  } finally {
    db.close();
  }
}

type WheelLine = { event: string; wheel?: StoredWheel; rotations?: string };

describe('vajra wheel', () => {
  const database = join(directory, 'wheels.db');
  let wheelId = '';
  let stoppedAt = 0n;

  it('spins with a live count and stores the exact count when Ctrl-C (SIGINT) stops it', async () => {
    const run = startVajra(['wheel', '--rpm', '600', '--copies-per-rotation', '108', '--database', database, '--json']);
    try {
      await run.until(({ stdout }) => (stdout.match(/"event":"rotated"/g) ?? []).length >= 2);
      run.child.kill('SIGINT');
      const done = await run.exited;
      expect(done.code, done.stderr).toBe(0);
      const lines = jsonLines<WheelLine>(done.stdout);
      expect(lines[0]!.event).toBe('started');
      expect(lines.at(-1)!.event).toBe('stopped');
      const rotated = lines.filter((line) => line.event === 'rotated').map((line) => BigInt(line.rotations!));
      const stopped = lines.at(-1)!.wheel!;
      wheelId = stopped.id;
      stoppedAt = BigInt(stopped.rotations);
      // what was announced is never more than what is stored, and the file holds the final count
      expect(stoppedAt >= rotated.at(-1)!).toBe(true);
      const stored = storedWheel(database, wheelId);
      expect(stored).toMatchObject({ status: 'stopped', rpm: 600, rotations: stopped.rotations, recitations: (stoppedAt * 108n).toString() });
      // 600 rpm = 10 rotations a second of spinning: counted rotations + the fraction turned = time × rate
      expect(Math.abs(Number(stored.rotations) + stored.phase - stored.spinningSeconds * 10)).toBeLessThan(1e-6);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('resumes a stored wheel (--wheel) for a --duration, counting on from the stored count', async () => {
    const run = await runVajra(['wheel', '--wheel', wheelId, '--duration', '1.5', '--database', database, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const stored = storedWheel(database, wheelId);
    expect(stored.status).toBe('stopped');
    expect(BigInt(stored.rotations) >= stoppedAt + 14n).toBe(true); // 1.5 s at 10 rotations/s
    const listed = await runVajra(['wheel', 'list', '--database', database, '--json']);
    const [{ wheels }] = jsonLines<{ wheels: StoredWheel[] }>(listed.stdout);
    expect(wheels.map((wheel) => [wheel.id, wheel.rotations])).toEqual([[wheelId, stored.rotations]]);
  });

  it('refuses an unknown wheel or mantra with its code', async () => {
    const missing = await runVajra(['wheel', '--wheel', 'whl_nope', '--database', database]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^error WHEEL_NOT_FOUND: /);
    const mantra = await runVajra(['wheel', '--mantra', 'no-such-mantra', '--database', database]);
    expect(mantra.code).toBe(3);
    expect(mantra.stderr).toMatch(/^error MANTRA_NOT_FOUND: /);
  });
});
