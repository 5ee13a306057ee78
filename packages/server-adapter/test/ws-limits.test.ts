import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { adapters } from './adapters';
import { startServer, type Running } from './harness';
import { upgradeStatus } from './ws-client';

const KEYS = { alice: 'alice-key-0123456789', bob: 'bob-key-0123456789' };
const auth = { require: 'always' as const, apiKeys: [{ name: 'alice', key: KEYS.alice }, { name: 'bob', key: KEYS.bob }] };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Status of a plain `GET` sent from `localAddress` (a loopback source the server sees as another client). */
const getStatus = (url: string, path: string, localAddress: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url + path, { localAddress }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });

describe.each(adapters)('$name adapter: WebSocket limits', (adapter) => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('charges every upgrade, failed auth included, to the address and the principal; refuses with 429 before the handshake', async () => {
    running = await startServer(adapter, { auth, rateLimit: { max: 4, windowMs: 60_000 } });
    const { url } = running;
    const from = (localAddress: string, key?: string) => upgradeStatus(url, { localAddress, ...(key === undefined ? {} : { headers: bearer(key) }) });

    // Alice's budget is spent from two addresses; a third address still has room, Alice does not.
    expect([(await from('127.0.0.2', KEYS.alice)).status, (await from('127.0.0.2', KEYS.alice)).status]).toEqual([101, 101]);
    expect([(await from('127.0.0.3', KEYS.alice)).status, (await from('127.0.0.3', KEYS.alice)).status]).toEqual([101, 101]);
    const principalSpent = await from('127.0.0.3', KEYS.alice);
    expect(principalSpent.status).toBe(429);
    expect((await from('127.0.0.3', KEYS.bob)).status).toBe(101); // address 127.0.0.3: fourth upgrade
    expect((await from('127.0.0.3', KEYS.bob)).status).toBe(429); // address 127.0.0.3 spent

    // Wrong keys cost too: four 401s spend the address, then even a good key gets 429, and so does HTTP.
    const wrong = await Promise.all([1, 2, 3, 4].map(() => from('127.0.0.4', 'not-a-key-0123456789')));
    expect(wrong.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    const limited = await from('127.0.0.4', KEYS.bob);
    expect(limited.status).toBe(429);
    expect(limited.headers?.['content-type']).toBe('application/problem+json');
    expect(Number(limited.headers?.['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body!)).toMatchObject({ status: 429, code: 'RATE_LIMITED', instance: '/ws' });
    expect(await getStatus(url, '/api/v1/sessions', '127.0.0.4')).toBe(429);
    expect(await getStatus(url, '/api/v1/sessions', '127.0.0.5')).toBe(200);
  });
});
