import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SLOW_START_MS = 1500;

describe('the DMX refresh worker starting slowly (a busy machine)', () => {
  it('reports the link connected only once the worker is up, so the first heartbeat does not wait out its start and time out', () => {
    // A child process whose worker threads each take 1.5 s to start: the preload busy-waits in them.
    const output = execFileSync(
      `${root}node_modules/.bin/tsx`,
      [
        '--tsconfig',
        `${root}tsconfig.json`,
        '--require',
        fileURLToPath(new URL('./__fixtures__/slow-worker-start.cjs', import.meta.url)),
        fileURLToPath(new URL('./dmx-worker-startup-probe.ts', import.meta.url)),
      ],
      { encoding: 'utf8', cwd: root, timeout: 60_000, env: { ...process.env, SLOW_WORKER_START_MS: String(SLOW_START_MS) } },
    );
    const report = JSON.parse(output.trim().split('\n').at(-1) as string) as {
      connectedAfterMs: number;
      errors: Array<{ state: string; code: string }>;
      serialNumber: string | null;
      health: { state: string; reconnects: number; lastError: unknown };
      framesSent: number;
    };
    // Every heartbeat (every 50 ms, 500 ms to answer) answered from the first: no timeout, no reconnect.
    expect(report.errors).toEqual([]);
    // Connected no sooner than the worker could run: before that nothing written would go out.
    expect(report.connectedAfterMs).toBeGreaterThanOrEqual(SLOW_START_MS);
    expect(report.health).toMatchObject({ state: 'connected', reconnects: 0, lastError: null });
    expect(report.serialNumber).toBe('12345678');
    expect(report.framesSent).toBeGreaterThan(0);
  }, 90_000);
});
