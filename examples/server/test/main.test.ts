import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '@vajra-stream/store-sqlite';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'vajra-example-'));

describe('examples/server (a real child process, built packages)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts from .env, serves /health, and exits cleanly on SIGTERM with sessions stopped and stored', async () => {
    const envFile = join(dataDir, '.env');
    writeFileSync(envFile, `# test config\nVAJRA_PORT=0\nVAJRA_DATA_DIR="${dataDir}"\nVAJRA_LOG_LEVEL=warn\n`);
    const env: Record<string, string> = { ...(process.env as Record<string, string>), VAJRA_ENV_FILE: envFile };
    delete env.VAJRA_PORT;
    delete env.VAJRA_DATA_DIR;
    // One process (tsx as a loader), so SIGTERM reaches the server itself and its exit code is ours.
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const kill = setTimeout(() => child.kill('SIGKILL'), 55_000);
    exited.finally(() => clearTimeout(kill)).catch(() => undefined);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stdout: ${stdout} stderr: ${stderr}`)), 45_000);
      child.stdout.on('data', (chunk) => {
        stdout += String(chunk);
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m !== null && stdout.includes('/ws')) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });
    expect(stdout).toContain(`${url}/docs`);
    expect(stdout).toContain(`${url}/dashboard/`);
    const page = await fetch(`${url}/dashboard/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect((await fetch(url + script)).headers.get('content-type')).toContain('text/javascript');
    for (const probe of ['/dashboard/assets/..%2F..%2Fpackage.json', '/dashboard/..%2Fpackage.json', '/dashboard/assets/missing.js']) {
      const refused = await fetch(url + probe);
      expect([404, 422], probe).toContain(refused.status);
      expect(await refused.text(), probe).not.toContain('"name"');
    }
    expect(stdout).toContain(`${url.replace('http', 'ws')}/ws`);
    expect(stdout).toMatch(/plugins: [^;]*visuals/);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', kernel: 'running' });
    // No VAJRA_HARDWARE__PORTS__*: the room is simulated, and every device comes up.
    const room = (await (await fetch(`${url}/api/v1/hardware`)).json()) as { devices: Array<{ deviceId: string; transport: { kind: string }; health: { state: string } }> };
    expect(room.devices.map((device) => [device.deviceId, device.transport.kind])).toEqual([
      ['relay', 'simulated'],
      ['dmx', 'simulated'],
      ['rng', 'simulated'],
      ['wheel', 'simulated'],
    ]);
    const ready = (await (await fetch(`${url}/ready`)).json()) as { store: string };
    expect(ready.store).toBe('sqlite');
    const created = (await (
      await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ intention: 'peace', duration: 3600 }) })
    ).json()) as { id: string };
    expect((await fetch(`${url}/api/v1/sessions/${created.id}/start`, { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const store = createSqliteStore({ path: join(dataDir, 'vajra.db') });
    try {
      const stored = await store.collection<{ status: string }>('sessions').get(created.id);
      expect(stored?.status).toBe('stopped');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses a malformed VAJRA_* value with one line naming its code, and exit code 1', async () => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), VAJRA_ENV_FILE: join(dataDir, 'absent.env'), VAJRA_TRUST_PROXY: 'nginx' };
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error CONFIG_INVALID: VAJRA_TRUST_PROXY: expected an IP address, .*, got "nginx"\n$/);
  }, 60_000);
});
