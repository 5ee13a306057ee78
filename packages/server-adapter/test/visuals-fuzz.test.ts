// Random requests against every /api/v1/visuals route: never a 5xx, and the server keeps answering.
import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { visualsPlugin } from '@vajra-stream/visuals';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './adapters';
import { call, startServer, type Running } from './harness';

const KEYS = [
  'size',
  'width',
  'height',
  'theme',
  'title',
  'intention',
  'symmetry',
  'rings',
  'frequency',
  'plate',
  'mode',
  'resolution',
  'combination',
  'maxDetune',
  'construction',
  'lines',
  'surround',
  'date',
  'latitude',
  'longitude',
  'utcOffsetMinutes',
  'bodies',
  'orbs',
  'spectrum',
  'frames',
  'program',
  'at',
  'fftSize',
  'rows',
  'minFrequency',
  'maxFrequency',
  'minDecibels',
  'maxDecibels',
  'scale',
  'idPrefix',
];
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '0', '-1', 'NaN', 'Infinity', '1e309', '4096', '99999', 'dark', 'square', 'circular', 'sun,moon', '2020-06-01T06:00:00Z', 'true', '<svg>', '__proto__'),
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  text,
  fc.double(),
  fc.integer({ min: -10_000, max: 10_000 }),
  fc.constant({ bands: [1, 2, 3] }),
  fc.constant({ duration: 0.5, layers: [{ kind: 'tone', frequency: 440 }] }),
);

describe('fuzz /api/v1/visuals (node adapter)', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startServer(adapters.find((a) => a.name === 'node')!, { limits: { bodyBytes: 256 * 1024 } }, [visualsPlugin(), audioPlugin(), astrologyPlugin()]);
  });
  afterAll(async () => {
    await running?.close();
  });

  it('never answers with a 5xx, whatever the query, body or Accept header', async () => {
    const paths = [...new Set(running.server.routes.filter((r) => r.path.startsWith('/api/v1/visuals')).map((r) => r.path))];
    expect(paths.length).toBeGreaterThan(10);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom('GET', 'POST', 'HEAD'),
        fc.dictionary(fc.constantFrom(...KEYS), text, { maxKeys: 4 }),
        fc.oneof(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 5 }), value),
        fc.constantFrom('', 'image/png', 'image/svg+xml', 'application/json', '*/*', 'image/png;q=0, image/svg+xml;q=0', 'garbage;;q=x'),
        async (path, method, query, payload, accept) => {
          const headers: Record<string, string> = accept === '' ? {} : { accept };
          const search = Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : '';
          const reply = method === 'POST' ? await call(running.url, 'POST', path + search, { body: payload, headers }) : await call(running.url, method, path + search, { headers });
          expect(reply.status, `${method} ${path}${search} ${JSON.stringify(payload).slice(0, 200)}`).toBeLessThan(500);
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        },
      ),
      { numRuns: 250 },
    );
    // the random requests reach the drawing code too, not only the validation
    expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(20);
    expect((await call(running.url, 'GET', '/api/v1/visuals/seed-of-life?size=64')).status).toBe(200);
  });
});
