import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@vajra-stream/store-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from './run-example';

const dataDir = mkdtempSync(join(tmpdir(), 'vajra-docs-app-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('docs/examples/src/npm-app.ts', () => {
  it('plans a session offline, plays it with a wheel attached, and leaves it completed in its SQLite file', { timeout: 120_000 }, async () => {
    const example = runExample('npm-app.ts', [], { VAJRA_DATA_DIR: dataDir, SESSION_SECONDS: '3' });
    expect(await example.exited).toBe(0);
    const { stdout, stderr } = example.output();
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^moon: [a-z ]+; plan: ".+", \d+ audio layers, mantra .+$/m);
    expect(stdout).toContain('session completed after 3 s');
    // 60 rpm for exactly 3 s of session time: 3 rotations of 1000 copies.
    expect(stdout).toContain('wheel: 3 rotations, 3000 recitations');
    const heard = Number(/strongest partial heard ([\d.]+) Hz/.exec(stdout)?.[1]);
    expect(heard).toBeGreaterThan(20);
    expect(stdout).toMatch(/^dedication: .+$/m);

    const store = createSqliteStore({ path: join(dataDir, 'app.db') });
    try {
      const { items } = await store.collection<{ status: string; elapsedTime: number }>('sessions').list();
      expect(items.map(({ status, elapsedTime }) => ({ status, elapsedTime }))).toEqual([{ status: 'completed', elapsedTime: 3 }]);
    } finally {
      await store.close();
    }
  });
});
