// The render worker ships only in the built package (dist/render-worker.js, started from its file URL), so this
// suite drives the built server: run `pnpm --filter @vajra-stream/server-adapter... build` first (CI builds before testing).
import { astrologyPlugin, findWindows } from '@vajra-stream/astrology';
import { audioPlugin, programFromSeed, renderToWav } from '@vajra-stream/audio';
import { createVajra, silentLogger } from '@vajra-stream/core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Sources from '../src/index';
import { adapters } from './adapters';
import { call } from './harness';
import { recordingLogger } from './recording-logger';
import { holdRender } from './wav-client';

const dist = new URL('../dist/', import.meta.url);
const built = async (): Promise<typeof Sources> => {
  expect(existsSync(fileURLToPath(new URL('render-worker.js', dist))), 'build the package first: dist/render-worker.js is missing').toBe(true);
  return (await import(/* @vite-ignore */ new URL('index.js', dist).href)) as typeof Sources;
};

// About 1.4 s of CPU per search on this machine's cores (planetary hours need a sunrise and sunset every day).
const heavySearch = {
  from: '2024-01-01T00:00:00Z',
  to: '2025-02-01T00:00:00Z',
  location: { latitude: 27.7, longitude: 85.3 },
  where: { moon: 'waxing', planetaryHourRuler: ['jupiter', 'venus'], noRetrograde: ['mercury', 'venus', 'mars'] },
};

describe.each(adapters)('the built server renders on worker threads through $name', (adapter) => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  const start = async (options: Sources.ServerOptions) => {
    const { createServer } = await built();
    const vajra = createVajra({ logger: silentLogger, env: {}, plugins: [audioPlugin(), astrologyPlugin()], config: { astrology: { events: false } } });
    await vajra.start();
    const logger = recordingLogger();
    const server = createServer(vajra, { rateLimit: false, logger, ...options });
    const listener = await adapter.start(server);
    stop = async () => {
      await listener.close();
      server.close();
      await vajra.stop();
    };
    return { url: listener.url, logger };
  };

  it('streams a 600 s WAV whole while /health keeps answering, and the bytes equal an in-process render', { timeout: 180_000 }, async () => {
    const { url, logger } = await start({});
    const render = holdRender(url, undefined, 600);
    const answer = await render.answered;
    expect(answer.status).toBe(200);
    expect(Number(answer.headers['content-length'])).toBe(44 + 600 * 48_000 * 2 * 2);
    const length = render.drain();
    let answeredDuringRender = 0;
    while (!render.ended) {
      expect((await call(url, 'GET', '/health')).status).toBe(200);
      if (!render.ended) answeredDuringRender += 1;
    }
    expect(await length).toBe(44 + 600 * 48_000 * 2 * 2);
    expect(answeredDuringRender).toBeGreaterThanOrEqual(3);

    const seed = { type: 'prayer_bowl' as const, duration: 2 };
    const response = await fetch(`${url}/api/v1/audio/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...seed, sampleFormat: 'pcm24' }) });
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(renderToWav(programFromSeed(seed), { format: 'pcm24' })))).toBe(true);
    expect(logger.lines.filter((line) => line.level !== 'debug')).toEqual([]); // the worker file was found: no main-thread fallback
  });

  it('searches windows off the event loop: four heavy searches never stall it for a second, answers match the package, typed errors cross the thread', { timeout: 120_000 }, async () => {
    const { url } = await start({ renders: { perClient: 4 } });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const searches = Array.from({ length: 4 }, () => call(url, 'POST', '/api/v1/astrology/windows', { body: heavySearch }));
    let healthy = 0;
    let pending = searches.length;
    for (const search of searches) void search.finally(() => (pending -= 1));
    while (pending > 0) {
      expect((await call(url, 'GET', '/health')).status).toBe(200);
      if (pending > 0) healthy += 1;
    }
    delay.disable();
    const replies = await Promise.all(searches);
    const expected = JSON.parse(JSON.stringify(findWindows(heavySearch as never)));
    for (const reply of replies) expect([reply.status, reply.body.windows]).toEqual([200, expected]);
    expect(healthy).toBeGreaterThanOrEqual(3);
    expect(delay.max / 1e6).toBeLessThan(1000); // one search on the main thread would block it for its whole ~1.4 s

    const wrong = await call(url, 'POST', '/api/v1/astrology/windows', { body: { ...heavySearch, where: { moon: 'gibbous' } } });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'VALIDATION_FAILED']);
  });
});
