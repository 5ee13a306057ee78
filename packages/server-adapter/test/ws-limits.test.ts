import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { adapters } from './adapters';
import { serverPerTest } from './server-per-test';
import { connect, upgradeStatus, type TestClient } from './ws-client';

const KEYS = { alice: 'alice-key-0123456789', bob: 'bob-key-0123456789' };
const auth = {
  require: 'always' as const,
  apiKeys: [
    { name: 'alice', key: KEYS.alice },
    { name: 'bob', key: KEYS.bob },
  ],
};
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Resolves with the close code once the client's socket has closed. */
const closed = (client: TestClient): Promise<number> => new Promise((resolve) => client.socket.once('close', (code) => resolve(code)));

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

/** A raw upgrade request whose `Sec-WebSocket-Key` is not a key: `ws` aborts the handshake after the server accepted it. Resolves with the answer's status line. */
const brokenHandshake = (url: string, localAddress: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connectTcp({ host: hostname, port: Number(port), localAddress }, () => {
      socket.write(`GET /ws HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: not-a-key\r\n\r\n`);
    });
    let answer = '';
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });

describe.each(adapters)('$name adapter: WebSocket limits', (adapter) => {
  const startForTest = serverPerTest(adapter);

  it('charges every upgrade, failed auth included, to the address and the principal; refuses with 429 before the handshake', async () => {
    const running = await startForTest({ auth, rateLimit: { max: 4, windowMs: 60_000 } });
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

  it('caps open connections per address and per principal with 429, and gives a slot back when its socket closes', async () => {
    const running = await startForTest({ auth, limits: { wsConnectionsPerAddress: 2, wsConnectionsPerPrincipal: 3 } });
    const { url, server } = running;
    const as = (localAddress: string, key: string) => connect(url, { localAddress, headers: bearer(key) });
    const first = await as('127.0.0.2', KEYS.alice);
    const second = await as('127.0.0.2', KEYS.alice);
    const addressFull = await upgradeStatus(url, { localAddress: '127.0.0.2', headers: bearer(KEYS.bob) });
    expect(addressFull.status).toBe(429);
    expect(JSON.parse(addressFull.body!)).toMatchObject({ code: 'WS_TOO_MANY_CONNECTIONS', details: { per: 'address', limit: 2 } });
    const third = await as('127.0.0.3', KEYS.alice);
    const principalFull = await upgradeStatus(url, { localAddress: '127.0.0.4', headers: bearer(KEYS.alice) });
    expect(principalFull.status).toBe(429);
    expect(JSON.parse(principalFull.body!)).toMatchObject({ code: 'WS_TOO_MANY_CONNECTIONS', details: { per: 'principal', limit: 3 } });
    expect((await upgradeStatus(url, { localAddress: '127.0.0.4', headers: bearer(KEYS.bob) })).status).toBe(101);

    await first.close();
    await vi.waitFor(() => expect(server.websocket.stats().connections).toBe(2), { timeout: 20_000, interval: 10 });
    const again = await as('127.0.0.2', KEYS.alice); // the address and Alice each had a slot back
    again.send({ type: 'ping', id: 'again' });
    expect(await again.next((m) => m.type === 'pong')).toMatchObject({ id: 'again' });
    await Promise.all([second, third, again].map((client) => client.close()));
  });

  it('gives the slot back when the handshake fails after the upgrade was accepted', async () => {
    const running = await startForTest({ limits: { wsConnectionsPerAddress: 2 } });
    const { url, server } = running;
    for (let i = 0; i < 4; i += 1) expect(await brokenHandshake(url, '127.0.0.2')).toMatch(/^HTTP\/1\.1 400/);
    const clients = [await connect(url, { localAddress: '127.0.0.2' }), await connect(url, { localAddress: '127.0.0.2' })];
    expect(server.websocket.stats().connections).toBe(2);
    expect((await upgradeStatus(url, { localAddress: '127.0.0.2' })).status).toBe(429);
    await Promise.all(clients.map((client) => client.close()));
  });

  it('pings every client and terminates one that stops answering, releasing its subscriptions and its slot', async () => {
    const running = await startForTest({ limits: { wsPingIntervalSeconds: 1.5, wsPongTimeoutSeconds: 1, wsConnectionsPerAddress: 2 } });
    const { url, server } = running;
    const live = await connect(url, { localAddress: '127.0.0.2' });
    const silent = await connect(url, { localAddress: '127.0.0.2', autoPong: false });
    let pingsToLive = 0;
    live.socket.on('ping', () => (pingsToLive += 1));
    for (const client of [live, silent]) {
      client.send({ type: 'subscribe', topics: ['session:*'] });
      await client.next((m) => m.type === 'subscribed');
    }
    expect(server.websocket.stats()).toEqual({ connections: 2, topics: { 'session:*': 2 } });
    expect((await upgradeStatus(url, { localAddress: '127.0.0.2' })).status).toBe(429); // both slots taken

    expect(await closed(silent)).toBe(1006); // terminated: no closing handshake
    expect(pingsToLive).toBeGreaterThan(0);
    expect(live.socket.readyState).toBe(live.socket.OPEN);
    await vi.waitFor(() => expect(server.websocket.stats()).toEqual({ connections: 1, topics: { 'session:*': 1 } }), { timeout: 20_000, interval: 10 });
    const replacement = await connect(url, { localAddress: '127.0.0.2' });
    const created = (await running.vajra.sessions.create({ intention: 'still listening', duration: 60 })).id;
    expect(await live.next((m) => m.type === 'session:created')).toMatchObject({ data: { session: { id: created } } });
    await Promise.all([live.close(), replacement.close()]);
  });
});
