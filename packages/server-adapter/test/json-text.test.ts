import { createVajra, silentLogger } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServer, defineRoute, jsonText } from '../src/index';

describe('answers a handler serialised itself (jsonText)', () => {
  it('are written as they are, checked against the response schema under validateResponses, and bodiless for HEAD', async () => {
    const vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
    const route = (path: string, text: string) => defineRoute({ method: 'GET', path, summary: path, response: z.object({ n: z.number() }), handler: () => Promise.resolve(jsonText(text)) });
    const routes = [route('/api/v1/fits', '{"n": 1}'), route('/api/v1/misfits', '{"n":"one"}')];
    for (const validateResponses of [true, false]) {
      const server = createServer(vajra, { routes, validateResponses, rateLimit: false });
      const fits = await server.fetch(new Request('http://127.0.0.1/api/v1/fits'));
      expect(fits.status).toBe(200);
      expect(fits.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await fits.text()).toBe('{"n": 1}'); // the text itself, not a re-serialisation
      const head = await server.fetch(new Request('http://127.0.0.1/api/v1/fits', { method: 'HEAD' }));
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      const misfits = await server.fetch(new Request('http://127.0.0.1/api/v1/misfits'));
      expect(misfits.status).toBe(validateResponses ? 500 : 200);
      if (validateResponses) expect(misfits.headers.get('content-type')).toBe('application/problem+json');
      server.close();
    }
    await vajra.stop();
  });

  it('GET /api/v1/sessions answers the text JSON.stringify gives of the kernel’s page, running sessions at their live elapsed time', async () => {
    const clock = createManualClock(Date.UTC(2026, 11, 3, 6));
    const vajra = createVajra({ logger: silentLogger, env: {}, clock });
    await vajra.start();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await vajra.sessions.create({ intention: `s${i} "é\u2028"`, duration: 3600, metadata: { b: 1, 2: 'two' } })).id);
      await clock.advance(1000);
    }
    await vajra.sessions.start(ids[1]!);
    await vajra.sessions.start(ids[3]!);
    await vajra.sessions.pause(ids[3]!);
    await clock.advance(1234);
    const server = createServer(vajra, { validateResponses: true, rateLimit: false });
    server.setListening('127.0.0.1'); // anonymous callers see unowned sessions
    for (const [query, options] of [
      ['?limit=20', { owner: null, limit: 20, offset: 0, order: 'desc' }],
      ['?limit=2&offset=1&order=asc', { owner: null, limit: 2, offset: 1, order: 'asc' }],
      ['?status=running,paused', { owner: null, status: ['running', 'paused'], limit: 50, offset: 0, order: 'desc' }],
    ] as const) {
      const response = await server.fetch(new Request(`http://127.0.0.1/api/v1/sessions${query}`), { remoteAddress: '127.0.0.1' });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toBe(JSON.stringify(await vajra.sessions.list({ ...options, status: 'status' in options ? [...options.status] : undefined })));
    }
    const running = (await (await server.fetch(new Request('http://127.0.0.1/api/v1/sessions?status=running'), { remoteAddress: '127.0.0.1' })).json()) as { items: { elapsedTime: number }[] };
    expect(running.items.map((s) => s.elapsedTime)).toEqual([1.234]);
    server.close();
    await vajra.stop();
  });
});
