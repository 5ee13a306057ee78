import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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

  it.each([
    [{ VAJRA_TRUST_PROXY: '127.0.0.1,10.0.0.0/33' }, /^error CONFIG_INVALID: VAJRA_TRUST_PROXY: expected an IP address, a CIDR range .*, got "10\.0\.0\.0\/33"\n$/],
    [{ VAJRA_TRUST_PROXY: 'loopback', VAJRA_TRUST_PROXY_HEADER: 'x-real-ip' }, /^error CONFIG_INVALID: VAJRA_TRUST_PROXY_HEADER: .*, got "x-real-ip"\n$/],
    [{ VAJRA_TRUST_PROXY_HEADER: 'forwarded' }, /^error CONFIG_INVALID: VAJRA_TRUST_PROXY_HEADER needs VAJRA_TRUST_PROXY/],
    [{ VAJRA_WS_CONNECTIONS_PER_ADDRESS: '0' }, /^error CONFIG_INVALID: VAJRA_WS_CONNECTIONS_PER_ADDRESS must be a whole number of at least 1 or Infinity, got "0"\n$/],
    [{ VAJRA_WS_CONNECTIONS_PER_ADDRESS: 'lots' }, /^error CONFIG_INVALID: VAJRA_WS_CONNECTIONS_PER_ADDRESS .*got "lots"\n$/],
  ])('refuses %o with one CONFIG_INVALID line', async (settings, message) => {
    const run = await runVajra(['serve', '--data-dir', join(directory, 'x')], { cwd: directory, env: baseEnv(settings) });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(message);
  });

  it('counts WebSocket connections per forwarded client behind VAJRA_TRUST_PROXY, capped by VAJRA_WS_CONNECTIONS_PER_ADDRESS', async () => {
    const key = 'proxy-app-key-0123456789';
    const env = baseEnv({ VAJRA_LOG_LEVEL: 'warn', VAJRA_API_KEYS: `app:${key}`, VAJRA_TRUST_PROXY: '127.0.0.2', VAJRA_WS_CONNECTIONS_PER_ADDRESS: '1' });
    const server = startVajra(['serve', '--port', '0', '--data-dir', join(directory, 'proxy'), '--json'], { cwd: directory, env });
    const sockets: WebSocket[] = [];
    // A client bound to 127.0.0.2 plays the proxy; one bound to 127.0.0.3 is a peer that is not trusted.
    const upgrade = (url: string, localAddress: string, forwarded: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, { localAddress, headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': forwarded } });
        socket.once('open', () => {
          sockets.push(socket);
          resolve(101);
        });
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.once('error', reject);
      });
    try {
      await server.until(({ stdout }) => stdout.includes('\n'));
      const [ready] = jsonLines<{ url: string }>(server.stdout());
      const url = ready!.url;
      expect([await upgrade(url, '127.0.0.2', '198.51.100.1'), await upgrade(url, '127.0.0.2', '198.51.100.1')]).toEqual([101, 429]);
      expect(await upgrade(url, '127.0.0.2', '198.51.100.2')).toBe(101);
      expect([await upgrade(url, '127.0.0.3', '10.0.0.1'), await upgrade(url, '127.0.0.3', '10.0.0.2')]).toEqual([101, 429]);
    } finally {
      for (const socket of sockets) socket.terminate();
      server.child.kill('SIGKILL');
    }
  });
});
