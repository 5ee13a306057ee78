import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, jsonLines, runVajra, startVajra } from './__fixtures__/vajra-process';

const directory = mkdtempSync(join(tmpdir(), 'vajra-cli-serve-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('vajra serve', () => {
  it('serves the REST API on the SQLite data of vajra wheel, and stops cleanly on SIGINT (exit 0)', async () => {
    const dataDir = join(directory, 'data');
    const spun = await runVajra(['wheel', '--duration', '1', '--rpm', '60', '--json'], { cwd: directory, env: baseEnv({ VAJRA_DATA_DIR: dataDir }) });
    expect(spun.code, spun.stderr).toBe(0);
    const wheel = jsonLines<{ event: string; wheel: { id: string; rotations: string } }>(spun.stdout).at(-1)!.wheel;

    const server = startVajra(['serve', '--port', '0', '--data-dir', dataDir, '--json'], { cwd: directory, env: baseEnv({ VAJRA_LOG_LEVEL: 'warn' }) });
    try {
      await server.until(({ stdout }) => stdout.includes('\n'));
      const [ready] = jsonLines<{ url: string; docs: string; websocket: string; plugins: string[]; database: string }>(server.stdout());
      expect(ready!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ready!.docs).toBe(`${ready!.url}/docs`);
      expect(ready!.websocket).toBe(`${ready!.url.replace('http', 'ws')}/ws`);
      expect(ready!.plugins).toEqual(['audio', 'astrology', 'oracle', 'visuals', 'hardware']);
      expect(ready!.database).toBe(join(dataDir, 'vajra.db'));
      expect(await (await fetch(`${ready!.url}/health`)).json()).toEqual({ status: 'ok', kernel: 'running' });
      const listed = (await (await fetch(`${ready!.url}/api/v1/prayers/wheels`)).json()) as { items: Array<{ id: string; rotations: string }> };
      expect(listed.items.map((item) => [item.id, item.rotations])).toEqual([[wheel.id, wheel.rotations]]);
      server.child.kill('SIGINT');
      const done = await server.exited;
      expect(done.code, done.stderr).toBe(0);
      // the store was closed: SQLite checkpointed and removed its write-ahead log
      expect(existsSync(join(dataDir, 'vajra.db'))).toBe(true);
      expect(existsSync(join(dataDir, 'vajra.db-wal'))).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('refuses a bad setting with its code before listening', async () => {
    const run = await runVajra(['serve', '--data-dir', join(directory, 'x')], { cwd: directory, env: baseEnv({ VAJRA_PORT: 'eighty' }) });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^error CONFIG_INVALID: VAJRA_PORT must be a port number, got "eighty"/);
  });
});
