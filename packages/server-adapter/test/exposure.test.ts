import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { toNodeListener } from '../src/node/index';
import { adapters } from './adapters';
import { call } from './harness';
import { serverPerTest } from './server-per-test';
import { upgradeStatus } from './ws-client';

const session = { intention: 'peace', duration: 60 };

/** A raw HTTP request with the exact headers given (fetch would set Host and Origin itself). */
const raw = (base: string, method: string, path: string, headers: Record<string, string>, body?: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(base + path, { method, headers }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('a hand-mounted server that never learnt its bind address', () => {
  let vajra: Vajra;
  beforeAll(async () => {
    vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
  });
  afterAll(() => vajra.stop());

  it('counts as exposed: writes need credentials even on loopback', async () => {
    const server = createServer(vajra, { auth: { apiKeys: [{ name: 'tara', key: 'tara-key-0123456789' }] } });
    const httpServer = createHttpServer(toNodeListener(server));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    try {
      expect(server.exposed).toBe(true);
      expect((await call(base, 'POST', '/api/v1/sessions', { body: session })).status).toBe(401);
      expect((await call(base, 'GET', '/api/v1/sessions')).status).toBe(200);
      expect((await call(base, 'GET', '/')).body).toMatchObject({ authRequired: true });
      expect((await call(base, 'POST', '/api/v1/sessions', { body: session, token: 'tara-key-0123456789' })).status).toBe(201);
    } finally {
      server.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    }
  });
});

describe.each(adapters)('request guards through $name', (adapter) => {
  const startForTest = serverPerTest(adapter);

  it('on loopback, treats a request with proxy headers as remote', async () => {
    const running = await startForTest({ auth: { apiKeys: [{ name: 'tara', key: 'tara-key-0123456789' }] } });
    expect(running.server.exposed).toBe(false);
    expect((await call(running.url, 'POST', '/api/v1/sessions', { body: session })).status).toBe(201);
    const proxies: Array<Record<string, string>> = [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }, { 'x-real-ip': '203.0.113.9' }];
    for (const proxy of proxies) {
      expect((await call(running.url, 'POST', '/api/v1/sessions', { body: session, headers: proxy })).status).toBe(401);
      expect((await call(running.url, 'GET', '/', { headers: proxy })).body).toMatchObject({ authRequired: true });
      expect((await upgradeStatus(running.url, { headers: proxy })).status).toBe(401);
    }
    expect((await call(running.url, 'GET', '/')).body).toMatchObject({ authRequired: false });
  });

  it('refuses Host names it does not know (DNS rebinding), on reads, writes and the WebSocket', async () => {
    const running = await startForTest({ hosts: ['vajra.test'] });
    const rebound = await raw(running.url, 'GET', '/api/v1/sessions', { host: `rebound.attacker.example:${new URL(running.url).port}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect((await upgradeStatus(running.url, { headers: { host: 'rebound.attacker.example' } })).status).toBe(403);
    expect((await raw(running.url, 'GET', '/api/v1/sessions', { host: 'vajra.test' })).status).toBe(200);
    expect((await raw(running.url, 'GET', '/api/v1/sessions', { host: 'localhost' })).status).toBe(200);
  });

  it('refuses writes from origins it does not allow, and writes without a JSON content type', async () => {
    const running = await startForTest();
    const created = await call(running.url, 'POST', '/api/v1/sessions', { body: session, headers: { origin: running.url } });
    expect(created.status).toBe(201);
    expect((await call(running.url, 'POST', '/api/v1/sessions', { body: session, headers: { origin: 'http://localhost:5173' } })).status).toBe(201);
    const crossSite = await call(running.url, 'POST', '/api/v1/sessions', { body: session, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toMatchObject({ code: 'CORS_ORIGIN_DENIED' });
    // A cross-site form or no-cors fetch: body-less, or a form body, without application/json.
    const start = `/api/v1/sessions/${created.body.id}/start`;
    expect((await call(running.url, 'POST', start, { raw: '' })).status).toBe(415);
    expect((await call(running.url, 'POST', start, { raw: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await call(running.url, 'GET', `/api/v1/sessions/${created.body.id}`)).body).toMatchObject({ status: 'created' });
    expect((await call(running.url, 'POST', start)).status).toBe(200);
    expect((await call(running.url, 'DELETE', `/api/v1/sessions/${created.body.id}`, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await call(running.url, 'POST', `/api/v1/sessions/${created.body.id}/stop`)).status).toBe(200);
    expect((await call(running.url, 'DELETE', `/api/v1/sessions/${created.body.id}`)).status).toBe(200);
  });
});
