// `trustProxy`: behind a reverse proxy, the forwarded client address counts for the rate limit and the
// WebSocket connection caps, but only when the TCP peer is a trusted proxy. Real HTTP and `ws` clients on
// 127.0.0.1; a client bound to 127.0.0.2 plays the trusted proxy, one bound to 127.0.0.3 an untrusted peer.
import { createVajra, silentLogger } from '@vajra-stream/core';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { adapters } from './adapters';
import { serverPerTest } from './server-per-test';
import { recordingLogger } from './recording-logger';
import { connect, upgradeStatus, type TestClient } from './ws-client';

const PROXY = '127.0.0.2';
const STRANGER = '127.0.0.3';
const KEY = 'proxy-test-key-0123456789';
const auth = { apiKeys: [{ name: 'app', key: KEY }] };

/** Status of a request sent from `localAddress` with `headers`. */
const statusOf = (url: string, method: string, path: string, localAddress: string, headers: Record<string, string> = {}, body?: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url + path, { method, localAddress, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });

const xff = (value: string) => ({ 'x-forwarded-for': value });

describe.each(adapters)('$name adapter: trusted proxy', (adapter) => {
  const startForTest = serverPerTest(adapter);

  it('gives each forwarded client its own rate-limit bucket when the peer is a trusted proxy', async () => {
    const { url } = await startForTest({ trustProxy: { proxies: [PROXY] }, rateLimit: { max: 2, windowMs: 60_000 } });
    const get = (forwarded: string) => statusOf(url, 'GET', '/api/v1/sessions', PROXY, xff(forwarded));
    expect([await get('198.51.100.1'), await get('198.51.100.1'), await get('198.51.100.1')]).toEqual([200, 200, 429]);
    expect([await get('198.51.100.2'), await get('198.51.100.2'), await get('198.51.100.2')]).toEqual([200, 200, 429]);
    // A client that writes its own X-Forwarded-For gets it appended to by the proxy: the proxy's entry counts.
    expect(await get('203.0.113.50, 198.51.100.1')).toBe(429);
    // The proxy itself, forwarding nothing, has a bucket of its own.
    expect(await statusOf(url, 'GET', '/api/v1/sessions', PROXY)).toBe(200);
  });

  it('logs each request under the client address that counted', async () => {
    const logger = recordingLogger();
    const { url } = await startForTest({ trustProxy: { proxies: [PROXY] }, logRequests: true, logger });
    await statusOf(url, 'GET', '/api/v1/sessions', PROXY, xff('198.51.100.7'));
    await statusOf(url, 'GET', '/api/v1/sessions', STRANGER, xff('198.51.100.8'));
    const addresses = logger.lines.filter((line) => line.message === 'request').map((line) => line.fields?.address);
    expect(addresses).toEqual(['198.51.100.7', STRANGER]);
  });

  it('ignores the forwarded headers of a peer that is not a trusted proxy', async () => {
    const { url } = await startForTest({ trustProxy: { proxies: [PROXY] }, rateLimit: { max: 2, windowMs: 60_000 } });
    const spoofed = ['10.0.0.1', '10.0.0.2', '10.0.0.3'];
    const statuses: number[] = [];
    for (const address of spoofed) statuses.push(await statusOf(url, 'GET', '/api/v1/sessions', STRANGER, { ...xff(address), forwarded: `for=${address}` }));
    expect(statuses).toEqual([200, 200, 429]); // one bucket: its own address
    expect(await statusOf(url, 'GET', '/api/v1/sessions', PROXY, xff('10.0.0.1'))).toBe(200); // the forged 10.0.0.1 spent nothing
  });

  it('without trustProxy, forwarded headers change nothing: every client of the proxy shares its bucket', async () => {
    const { url } = await startForTest({ rateLimit: { max: 2, windowMs: 60_000 } });
    const get = (forwarded: string) => statusOf(url, 'GET', '/api/v1/sessions', PROXY, xff(forwarded));
    expect([await get('198.51.100.1'), await get('198.51.100.2'), await get('198.51.100.3')]).toEqual([200, 200, 429]);
  });

  it('reads Forwarded (RFC 7239) when told to, and then ignores X-Forwarded-For', async () => {
    const { url } = await startForTest({ trustProxy: { proxies: ['127.0.0.0/30'], header: 'forwarded' }, rateLimit: { max: 1, windowMs: 60_000 } });
    const get = (headers: Record<string, string>) => statusOf(url, 'GET', '/api/v1/sessions', PROXY, headers);
    expect(await get({ forwarded: 'for="[2001:db8::1]:4711";proto=http' })).toBe(200);
    expect(await get({ forwarded: 'For="[2001:db8::1]:80"' })).toBe(429);
    expect(await get({ forwarded: 'for=192.0.2.60:8080;by=127.0.0.2' })).toBe(200);
    expect(await get({ forwarded: 'for=192.0.2.60' })).toBe(429);
    // X-Forwarded-For is not the configured header: the proxy's own bucket, spent by the first request
    expect(await get(xff('192.0.2.99'))).toBe(200);
    expect(await get(xff('192.0.2.100'))).toBe(429);
  });

  it('counts WebSocket connections per forwarded client behind a trusted proxy, per peer otherwise', async () => {
    const { url } = await startForTest({ auth, trustProxy: { proxies: [PROXY] }, limits: { wsConnectionsPerAddress: 1 } });
    const headers = (forwarded: string) => ({ authorization: `Bearer ${KEY}`, ...xff(forwarded) });
    const open: TestClient[] = [];
    try {
      open.push(await connect(url, { localAddress: PROXY, headers: headers('198.51.100.1') }));
      const second = await upgradeStatus(url, { localAddress: PROXY, headers: headers('198.51.100.1') });
      expect(second.status).toBe(429);
      expect(JSON.parse(second.body ?? '{}').code).toBe('WS_TOO_MANY_CONNECTIONS');
      open.push(await connect(url, { localAddress: PROXY, headers: headers('198.51.100.2') })); // another client: its own count

      open.push(await connect(url, { localAddress: STRANGER, headers: headers('10.0.0.1') }));
      const spoofed = await upgradeStatus(url, { localAddress: STRANGER, headers: headers('10.0.0.2') });
      expect(spoofed.status).toBe(429); // an untrusted peer's X-Forwarded-For is ignored: still one address
    } finally {
      await Promise.all(open.map((client) => client.close()));
    }
  });

  it('never makes a forwarded request local: writes still need credentials on a loopback listener', async () => {
    const { url } = await startForTest({ auth, trustProxy: { proxies: ['loopback'] } });
    const body = JSON.stringify({ intention: 'for all beings', duration: 60 });
    expect(await statusOf(url, 'POST', '/api/v1/sessions', '127.0.0.1', {}, body)).toBe(201); // local, no proxy: no credentials needed
    expect(await statusOf(url, 'POST', '/api/v1/sessions', PROXY, xff('127.0.0.1'), body)).toBe(401);
    expect(await statusOf(url, 'POST', '/api/v1/sessions', PROXY, { ...xff('127.0.0.1'), authorization: `Bearer ${KEY}` }, body)).toBe(201);
    expect((await upgradeStatus(url, { localAddress: PROXY, headers: xff('127.0.0.1') })).status).toBe(401);
  });
});

describe('trustProxy option', () => {
  it('refuses a malformed proxy address or range at construction with VALIDATION_FAILED', () => {
    const vajra = createVajra({ logger: silentLogger, env: {} });
    const bad = [['10.0.0.0/33'], ['fd00::/129'], ['10.0.0.1/8/1'], ['nginx'], ['10.0.0.0/x'], ['300.1.1.1'], []];
    for (const proxies of bad) expect(() => createServer(vajra, { trustProxy: { proxies } })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => createServer(vajra, { trustProxy: { proxies: ['10.0.0.1'], header: 'x-real-ip' as never } })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => createServer(vajra, { trustProxy: { proxies: ['10.0.0.0/8', 'fd00::/8', '192.0.2.7', 'loopback', 'private'] } })).not.toThrow();
  });
});
