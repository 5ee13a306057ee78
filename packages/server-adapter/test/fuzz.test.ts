import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { oraclePlugin } from '@vajra-stream/oracle';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './adapters';
import { call, startServer, type Running } from './harness';
import { connect, type TestClient } from './ws-client';

const REPLY_TYPES = new Set(['error', 'result', 'pong', 'subscribed', 'unsubscribed']);
const MESSAGE_TYPES = [
  'ping',
  'subscribe',
  'unsubscribe',
  'session.create',
  'session.get',
  'session.start',
  'session.pause',
  'session.resume',
  'session.stop',
  'wheel.start',
  'wheel.stop',
  'oracle.generate',
  'subscribe_audio',
  'start_session',
  'stop_session',
];

const weird = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '0', '-1', 'NaN', '1e309', '../../etc/passwd', '%00', '__proto__', 'constructor', 'ses_0', '😀'.repeat(50)),
  fc.integer().map(String),
);
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), weird, fc.double(), fc.constant('x'.repeat(300_000)), fc.array(fc.double(), { maxLength: 100 }));
const body = fc.oneof(
  fc.dictionary(
    fc.constantFrom(
      'intention',
      'duration',
      'audio_type',
      'audioType',
      'prayer_bowl_mode',
      'frequencies',
      'metadata',
      'program',
      'mantra',
      'type',
      'frequency',
      'format',
      'kind',
      'from',
      'to',
      'where',
      'minutes',
      'copiesPerRotation',
      'copies_per_rotation',
      'rpm',
      'text',
      'dedication',
      'sessionId',
      '__proto__',
      'x',
    ),
    value,
    { maxKeys: 6 },
  ),
  value,
);

describe.each(adapters.filter((a) => a.name === 'node' || a.name === 'express'))('fuzz through the $name adapter', (adapter) => {
  let running: Running;
  let client: TestClient;
  beforeAll(async () => {
    running = await startServer(adapter, { limits: { bodyBytes: 256 * 1024, wsMessagesPerSecond: 100_000 }, audio: { maxWavSeconds: 2, maxJsonSeconds: 1 } }, [
      audioPlugin(),
      astrologyPlugin(),
      oraclePlugin(),
    ]);
    client = await connect(running.url);
  });
  afterAll(async () => {
    await client?.close();
    await running?.close();
  });

  it('never answers an HTTP request with a 5xx', async () => {
    const routes = running.server.routes.filter((r) => r.path !== '/docs');
    const sessionId = (await call(running.url, 'POST', '/api/v1/sessions', { body: { intention: 'fuzz', duration: 60 } })).body.id as string;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes.map((r) => r.path)),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
        fc.oneof(weird, fc.constant(sessionId)),
        body,
        fc.oneof(
          fc.constant(''),
          fc.dictionary(fc.constantFrom('limit', 'offset', 'status', 'order', 'sessionId'), weird, { maxKeys: 3 }).map((q) => `?${new URLSearchParams(q)}`),
        ),
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16', ''),
        fc.boolean(),
        async (template, method, param, payload, query, contentType, rawText) => {
          const path = template.replace(/\{\w+\}/g, encodeURIComponent(param)) + query;
          const raw = rawText && typeof payload === 'string' ? payload : (JSON.stringify(payload) ?? 'null');
          const headers: Record<string, string> = contentType === '' ? {} : { 'content-type': contentType };
          const bodyless = method === 'GET' || method === 'HEAD';
          let reply: Awaited<ReturnType<typeof call>>;
          try {
            reply = await call(running.url, method, path, bodyless ? { headers } : { raw, headers });
          } catch (error) {
            // Bodies beyond the drain limit (limit + 1 MiB) are cut off by closing the connection.
            if (!bodyless && raw.length > 256 * 1024 + 1024 * 1024) return;
            throw error;
          }
          if (reply.status >= 500) throw new Error(`${method} ${path} → ${reply.status} ${reply.text.slice(0, 300)}`);
          if (reply.status >= 400 && method !== 'HEAD') expect(reply.headers.get('content-type')).toBe('application/problem+json');
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
    expect((await call(running.url, 'GET', '/health')).status).toBe(200);
  });

  it('answers every WebSocket message with a reply, never a server error, and keeps the connection', async () => {
    let n = 0;
    const message = fc.oneof(
      fc
        .record({
          type: fc.constantFrom(...MESSAGE_TYPES),
          fields: fc.dictionary(fc.constantFrom('topics', 'topic', 'sessionId', 'session_id', 'wheelId', 'session', 'request', 'extra'), value, { maxKeys: 3 }),
        })
        .map(({ type, fields }) => ({ ...fields, type })),
      fc.jsonValue({ maxDepth: 2 }),
      weird,
    );
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        n += 1;
        const tagged = typeof m === 'object' && m !== null && !Array.isArray(m) ? { ...m, id: n } : m;
        client.send(typeof tagged === 'string' ? tagged : JSON.stringify(tagged));
        const reply = await client.next((r) => REPLY_TYPES.has(r.type as string) && (r.id === undefined || r.id === n));
        if (reply.type === 'error') {
          expect(reply.code).not.toBe('INTERNAL_ERROR');
          expect(reply.status as number).toBeLessThan(500);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 250) },
    );
    client.send({ type: 'ping', id: 'alive' });
    expect(await client.next((r) => r.type === 'pong' && r.id === 'alive')).toBeDefined();
    expect((await call(running.url, 'GET', '/health')).status).toBe(200);
  });
});
