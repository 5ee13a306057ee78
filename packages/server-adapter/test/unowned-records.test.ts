// Records without an owner (made by a script through the kernel, or by anonymous callers while no
// credentials were asked) are for anonymous callers only while the server asks none; once it does — a
// request through a proxy, `require: 'always'`, a bind beyond loopback — only admins see them. Over real
// HTTP and WebSockets on 127.0.0.1, with one kernel behind a loopback server and an always-auth one.
import { createVajra, silentLogger, type Session, type Vajra } from '@vajra-stream/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ServerOptions } from '../src/index';
import { serve } from '../src/node/index';
import { call } from './harness';
import { connect, upgradeStatus } from './ws-client';

const KEYS = { alice: 'alice-key-0123456789', root: 'root-key-0123456789' };
const auth = {
  apiKeys: [
    { name: 'alice', key: KEYS.alice },
    { name: 'root', key: KEYS.root, scopes: ['admin'] },
  ],
};
const PROXIED = { 'x-forwarded-for': '203.0.113.9' };

describe('unowned sessions and wheels once credentials are required', () => {
  let vajra: Vajra;
  const servers: Array<() => Promise<void>> = [];
  let loopback: string;
  let always: string;
  let session: Session;
  let wheelId: string;
  const start = async (options: ServerOptions): Promise<string> => {
    const server = createServer(vajra, { rateLimit: false, validateResponses: true, ...options });
    const listening = await serve(server, { port: 0, hostname: '127.0.0.1' });
    servers.push(async () => {
      await listening.close();
      server.close();
    });
    return listening.url;
  };
  beforeAll(async () => {
    vajra = createVajra({ logger: silentLogger, env: {}, config: { wheels: { tickIntervalMs: 20 } } });
    await vajra.start();
    loopback = await start({ auth });
    always = await start({ auth: { ...auth, require: 'always' } });
    // a script on the machine, no principal
    session = await vajra.sessions.create({ intention: 'for all beings', duration: 600 });
    wheelId = (await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1, rpm: 30 })).id;
    expect([session.owner, (await vajra.wheels.get(wheelId)).owner]).toEqual([null, null]);
  });
  afterAll(async () => {
    for (const close of servers) await close();
    await vajra?.stop();
  });

  const ids = (reply: { body: { items: Array<{ id: string }> } }) => reply.body.items.map((item) => item.id);

  it('shows them to anonymous callers of a loopback server that asks no credentials', async () => {
    expect((await call(loopback, 'GET', `/api/v1/sessions/${session.id}`)).status).toBe(200);
    expect(ids(await call(loopback, 'GET', '/api/v1/sessions'))).toEqual([session.id]);
    expect(ids(await call(loopback, 'GET', '/api/v1/prayers/wheels'))).toEqual([wheelId]);
  });

  it('hides them over HTTP from everyone but admins once credentials are required', async () => {
    const viaProxy = (path: string, token?: string) => call(loopback, 'GET', path, { headers: PROXIED, ...(token ? { token } : {}) });
    for (const [base, get] of [
      ['proxied', viaProxy],
      ['always', (path: string, token?: string) => call(always, 'GET', path, token ? { token } : {})],
    ] as const) {
      const anonymous = await get(`/api/v1/sessions/${session.id}`);
      expect([base, anonymous.status, anonymous.body.code]).toEqual([base, 404, 'SESSION_NOT_FOUND']);
      expect([base, (await get(`/api/v1/prayers/wheels/${wheelId}`)).status]).toEqual([base, 404]);
      const listed = await get('/api/v1/sessions');
      expect([base, listed.status, listed.body.total, ids(listed)]).toEqual([base, 200, 0, []]);
      expect([base, ids(await get('/api/v1/prayers/wheels'))]).toEqual([base, []]);
      expect([base, (await get('/api/v1/prayers/stats')).body.wheels]).toEqual([base, 0]);
      expect([base, (await get(`/api/v1/sessions/${session.id}`, KEYS.alice)).status]).toEqual([base, 404]);
      expect([base, (await get(`/api/v1/sessions/${session.id}`, KEYS.root)).status]).toEqual([base, 200]);
      expect([base, ids(await get('/api/v1/sessions', KEYS.root))]).toEqual([base, [session.id]]);
    }
  });

  it('sends their events over the WebSocket to anonymous clients on loopback and admins, never to other principals', async () => {
    const anonymous = await connect(loopback);
    const alice = await connect(always, { headers: { authorization: `Bearer ${KEYS.alice}` } });
    const root = await connect(always, { headers: { authorization: `Bearer ${KEYS.root}` } });
    try {
      expect((await upgradeStatus(always)).status).toBe(401); // no anonymous sockets where credentials are required
      for (const client of [anonymous, alice, root]) {
        client.send({ type: 'subscribe', topics: ['session:*'] });
        await client.next((m) => m.type === 'subscribed');
      }
      await vajra.sessions.start(session.id);
      const isStarted = (m: Record<string, unknown>) => m.type === 'session:started' && (m.data as { session: Session }).session.id === session.id;
      await anonymous.next(isStarted);
      await root.next(isStarted);
      // anything for alice would be queued on her socket before this pong
      alice.send({ type: 'ping', id: 'fence' });
      await alice.next((m) => m.type === 'pong');
      expect(alice.messages.filter((m) => String(m.type).startsWith('session:'))).toEqual([]);
    } finally {
      await vajra.sessions.stop(session.id).catch(() => undefined);
      for (const client of [anonymous, alice, root]) await client.close();
    }
  });
});
