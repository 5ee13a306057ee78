import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { SignJWT } from 'jose';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { toNodeListener } from '../src/node/index';
import { adapters } from './adapters';
import { call, startServer, type Running } from './harness';
import { connect } from './ws-client';

const ALICE_KEY = 'alice-key-0123456789';
const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const MAX_AGE = 3600;
const session = { intention: 'peace', duration: 60 };
const BAD_PEM = '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----';

/** An HS256 token for `sub`; `exp`/`iat` in seconds from now (omitted when undefined). */
const token = (sub: string, claims: { exp?: number; iat?: number }) => {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub);
  if (claims.exp !== undefined) jwt.setExpirationTime(now + claims.exp);
  if (claims.iat !== undefined) jwt.setIssuedAt(now + claims.iat);
  return jwt.sign(new TextEncoder().encode(SECRET));
};

describe('credentials the server refuses to start with', () => {
  let vajra: Vajra;
  beforeAll(async () => {
    vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
  });
  afterAll(() => vajra.stop());

  it('createServer throws AUTH_CONFIG_INVALID for a short API key or JWT secret', () => {
    const refused = expect.objectContaining({ code: 'AUTH_CONFIG_INVALID' });
    expect(() => createServer(vajra, { auth: { apiKeys: [{ name: 'alice', key: 'fifteen-chars!!' }] } })).toThrow(refused);
    expect(() => createServer(vajra, { auth: { jwt: { secret: SECRET.slice(0, 31) } } })).toThrow(refused);
    expect(() => createServer(vajra, { auth: { apiKeys: [{ name: 'alice', key: ALICE_KEY }], jwt: { secret: SECRET } } })).not.toThrow();
  });

  it('a hand-mounted server with an unusable JWT key answers JWTs with a 500 AUTH_CONFIG_INVALID, never a silent 401', async () => {
    const server = createServer(vajra, { auth: { jwt: { publicKey: BAD_PEM } } });
    await expect(server.ready()).rejects.toMatchObject({ code: 'AUTH_CONFIG_INVALID' });
    const httpServer = createHttpServer(toNodeListener(server));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
      const reply = await call(base, 'POST', '/api/v1/sessions', { body: session, token: await token('alice', { exp: 60 }) });
      expect(reply.status).toBe(500);
      expect(reply.body).toMatchObject({ code: 'AUTH_CONFIG_INVALID' });
      expect(reply.text).not.toContain('bm90IGEga2V5');
    } finally {
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      server.close();
    }
  });
});

describe.each(adapters)('credentials through $name', (adapter) => {
  it('the listen helper refuses to start with an unusable JWT key', async () => {
    await expect(startServer(adapter, { auth: { jwt: { publicKey: BAD_PEM } } })).rejects.toMatchObject({ code: 'AUTH_CONFIG_INVALID' });
  });

  describe('with keys and a JWT secret', () => {
    let running: Running;
    beforeEach(async () => {
      running = await startServer(adapter, { auth: { require: 'always', apiKeys: [{ name: 'alice', key: ALICE_KEY }], jwt: { secret: SECRET, maxAgeSeconds: MAX_AGE } } });
    });
    afterEach(() => running.close());

    it('refuses JWTs without exp or living longer than maxAgeSeconds', async () => {
      const create = async (jwt: string) => (await call(running.url, 'POST', '/api/v1/sessions', { body: session, token: jwt })).status;
      expect(await create(await token('carol', {}))).toBe(401);
      expect(await create(await token('carol', { iat: 0 }))).toBe(401);
      expect(await create(await token('carol', { exp: MAX_AGE + 60 }))).toBe(401);
      expect(await create(await token('carol', { iat: -120, exp: MAX_AGE - 60 }))).toBe(401); // exp − iat = max + 60 s
      expect(await create(await token('carol', { iat: 0, exp: MAX_AGE - 60 }))).toBe(201);
    });

    it('keeps a JWT whose sub is an API key name away from that key’s sessions, over HTTP and WebSocket', async () => {
      const mine = await call(running.url, 'POST', '/api/v1/sessions', { body: session, token: ALICE_KEY });
      expect(mine.body.owner).toBe('key:alice');
      const impostor = await token('alice', { exp: 600 });
      expect((await call(running.url, 'GET', `/api/v1/sessions/${mine.body.id}`, { token: impostor })).status).toBe(404);
      expect((await call(running.url, 'POST', `/api/v1/sessions/${mine.body.id}/start`, { token: impostor })).status).toBe(404);
      const listed = await call(running.url, 'GET', '/api/v1/sessions?limit=200', { token: impostor });
      expect(listed.body.items.map((s: { id: string }) => s.id)).not.toContain(mine.body.id);
      const theirs = await call(running.url, 'POST', '/api/v1/sessions', { body: session, token: impostor });
      expect(theirs.body.owner).toBe('jwt:alice');
      expect((await call(running.url, 'GET', `/api/v1/sessions/${theirs.body.id}`, { token: ALICE_KEY })).status).toBe(404);

      const ws = await connect(running.url, { headers: { authorization: `Bearer ${impostor}` } });
      try {
        ws.send({ type: 'subscribe', topics: ['session:*'] });
        await ws.next((m) => m.type === 'subscribed');
        expect((await call(running.url, 'POST', `/api/v1/sessions/${mine.body.id}/start`, { token: ALICE_KEY })).status).toBe(200);
        expect((await call(running.url, 'POST', `/api/v1/sessions/${theirs.body.id}/start`, { token: impostor })).status).toBe(200);
        const started = await ws.next((m) => m.type === 'session:started');
        expect((started.data as { session: { id: string } }).session.id).toBe(theirs.body.id);
        expect(ws.messages.some((m) => JSON.stringify(m).includes(mine.body.id as string))).toBe(false);
      } finally {
        await ws.close();
      }
    });
  });
});
