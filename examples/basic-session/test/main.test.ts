import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const here = new URL('..', import.meta.url).pathname;
const tsx = join(here, 'node_modules', '.bin', 'tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'vajra-example-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = () => spawnSync(tsx, ['src/main.ts'], { cwd: here, encoding: 'utf8', env: { ...process.env, VAJRA_DATA_DIR: dataDir, SESSION_SECONDS: '2' }, timeout: 60_000 });

describe('examples/basic-session (the main job, against the built packages)', () => {
  it('runs a session with a spinning wheel on SQLite and keeps the counts across runs', () => {
    const first = run();
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/session started: "May all beings be free from suffering" for 2 s/);
    expect(first.stdout).toMatch(/session completed at .* after 2\.000 s/);
    // 120 rpm for 2 s = 4 rotations, each reciting a million copies.
    expect(first.stdout).toMatch(/wheel: 4 rotations, 4000000 recitations of Om Mani Padme Hum/);
    expect(first.stdout).toMatch(/all wheels in sqlite store: 1 wheels, 4000000 recitations in all/);
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/all wheels in sqlite store: 2 wheels, 8000000 recitations in all/);
  });
});
