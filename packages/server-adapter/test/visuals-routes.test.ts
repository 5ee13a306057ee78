// The /api/v1/visuals routes over real HTTP on 127.0.0.1, with the real visuals, audio and astrology plugins.
import { execFileSync } from 'node:child_process';
import { astrologyPlugin } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { createVajra, silentLogger } from '@vajra-stream/core';
import { visualsPlugin } from '@vajra-stream/visuals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { nodeAdapter } from './adapters';
import { call, startServer } from './harness';

const pngSize = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('visuals routes (node adapter, real plugins)', () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await startServer(nodeAdapter, {}, [visualsPlugin(), audioPlugin(), astrologyPlugin()], undefined, { astrology: { events: false, latitude: 27.7172, longitude: 85.324 } }));
  });
  afterAll(() => close?.());

  it('lists the pictures and says PNG is available', async () => {
    const index = await call(url, 'GET', '/api/v1/visuals');
    expect(index.status).toBe(200);
    expect(index.body).toEqual({ pictures: expect.arrayContaining(['flower-of-life', 'sri-yantra', 'chart-wheel']), data: ['spectrum', 'spectrogram'], png: true });
  });

  it('answers SVG by default, with headers that keep a picture inert', async () => {
    const reply = await call(url, 'GET', '/api/v1/visuals/flower-of-life?size=200&theme=dark&rings=3&outerArcs=false');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('vary')).toBe('Accept');
    expect(reply.text).toMatch(/^<svg [^>]*width="200" height="200"/);
    expect(reply.text).toContain('data-circles="37"');
    expect(reply.text).not.toContain('clip-path');
    // a browser's <img> Accept header gets SVG too
    const browser = await call(url, 'GET', '/api/v1/visuals/seed-of-life', { headers: { accept: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8' } });
    expect(browser.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
  });

  it('answers PNG when Accept prefers it, and 406 when it accepts no picture type', async () => {
    const response = await fetch(`${url}/api/v1/visuals/metatrons-cube?size=240`, { headers: { accept: 'image/png' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    expect(pngSize(bytes)).toEqual([240, 240]);
    const refused = await call(url, 'GET', '/api/v1/visuals/metatrons-cube', { headers: { accept: 'application/json' } });
    expect(refused.status).toBe(406);
    expect(refused.body.code).toBe('NOT_ACCEPTABLE');
  });

  it('validates query parameters with the package schemas (422 naming the field)', async () => {
    const bad = await call(url, 'GET', '/api/v1/visuals/sri-yantra?size=abc');
    expect(bad.status).toBe(422);
    expect(bad.body.details.issues[0].path).toBe('size');
    const tooBig = await call(url, 'GET', '/api/v1/visuals/sri-yantra?size=99999');
    expect(tooBig.status).toBe(422);
    const unknown = await call(url, 'GET', '/api/v1/visuals/sri-yantra?colour=red');
    expect(unknown.status).toBe(422);
    const wrongTheme = await call(url, 'GET', '/api/v1/visuals/sri-yantra?theme=purple');
    expect(wrongTheme.status).toBe(422);
  });

  it('draws a chart wheel for the configured place, with the bodies asked for', async () => {
    const reply = await call(url, 'GET', '/api/v1/visuals/chart-wheel?date=2024-04-08T18:17:00Z&bodies=sun,moon,mercury&size=400');
    expect(reply.status).toBe(200);
    expect([...reply.text.matchAll(/data-body="(\w+)"/g)].map((m) => m[1])).toEqual(['sun', 'moon', 'mercury']);
    expect(reply.text).toContain('27.72°N 85.32°E');
    expect(reply.headers.get('cache-control')).toContain('max-age');
    const now = await call(url, 'GET', '/api/v1/visuals/chart-wheel');
    expect(now.status).toBe(200);
    expect(now.headers.get('cache-control')).toBe('no-store');
  });

  it('grows a mandala from an intention in the query, the same one every time', async () => {
    const path = `/api/v1/visuals/mandala?intention=${encodeURIComponent('peace for all beings')}&size=300`;
    const [first, second] = [await call(url, 'GET', path), await call(url, 'GET', path)];
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(first.text).toContain('Mandala for “peace for all beings”');
    expect((await call(url, 'GET', '/api/v1/visuals/mandala')).status).toBe(422);
  });

  it('draws the Chladni figure of a frequency, and refuses one the plate cannot show', async () => {
    const square = await call(url, 'GET', '/api/v1/visuals/chladni?frequency=528&resolution=120');
    expect(square.status).toBe(200);
    expect(square.text).toContain('data-mode="3,2,difference"');
    const disc = await call(url, 'POST', '/api/v1/visuals/chladni', { body: { plate: 'circular', mode: { n: 2, s: 3 }, resolution: 120 } });
    expect(disc.text).toContain('data-mode="2,3"');
    const low = await call(url, 'GET', '/api/v1/visuals/chladni?frequency=7.83');
    expect(low.status).toBe(422);
    expect(low.body.code).toBe('CHLADNI_OUT_OF_RANGE');
    expect((await call(url, 'GET', '/api/v1/visuals/chladni?frequency=528&resolution=5000')).status).toBe(422);
  });

  it('draws the lunar month at the configured place', async () => {
    const reply = await call(url, 'GET', '/api/v1/visuals/lunar-month?date=2020-06-01T06:00:00Z&utcOffsetMinutes=345');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('data-observances="Full moon (Amitabha day); Saka Dawa Düchen"');
    expect(reply.text).toContain('at 27.72°, 85.32°');
  });

  it('takes every option as JSON through POST, and reports the Sri Yantra residual as JSON', async () => {
    const reply = await call(url, 'POST', '/api/v1/visuals/sri-yantra', { body: { size: 300, lines: { 1: 6.5, 9: 41 }, theme: { base: 'dark', accent: '#ff9933' } } });
    expect(reply.status).toBe(200);
    expect(Number(/data-residual="([^"]+)"/.exec(reply.text)![1])).toBeLessThan(1e-12);
    expect(reply.text).toContain('fill="#ff9933"');
    const geometry = await call(url, 'GET', '/api/v1/visuals/sri-yantra/geometry?construction=concentric');
    expect(geometry.status).toBe(200);
    expect(geometry.body.triplePoints).toHaveLength(24);
    expect(geometry.body.maxConcurrencyError).toBeLessThan(1e-12);
    expect(Math.hypot(...geometry.body.bindu)).toBeLessThan(1e-12);
  });

  it('plots the spectrum of a program rendered on the server, peak at the tone', async () => {
    const reply = await call(url, 'POST', '/api/v1/visuals/spectrum', { body: { program: { duration: 1, layers: [{ kind: 'tone', frequency: 528 }] }, at: 0.25, fftSize: 16384, maxFrequency: 2000 } });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('>528.0 Hz</text>');
    const both = await call(url, 'POST', '/api/v1/visuals/spectrum', { body: { program: { duration: 1, layers: [] }, spectrum: { bands: [1, 2] } } });
    expect(both.status).toBe(422);
    const past = await call(url, 'POST', '/api/v1/visuals/spectrum', { body: { program: { duration: 1, layers: [{ kind: 'tone', frequency: 528 }] }, at: 0.9 } });
    expect(past.status).toBe(422);
  });

  it('draws a spectrogram from a program or from posted frames', async () => {
    const program = {
      duration: 2,
      layers: [
        {
          kind: 'tone',
          frequency: [
            { at: 0, value: 300 },
            { at: 2, value: 900 },
          ],
        },
      ],
    };
    const rendered = await call(url, 'POST', '/api/v1/visuals/spectrogram', { body: { program, frameCount: 20, maxFrequency: 2000 } });
    expect(rendered.status).toBe(200);
    expect(rendered.text).toContain('Spectrogram of 20 spectra from 0.00 s to');
    const posted = await call(url, 'POST', '/api/v1/visuals/spectrogram', { body: { frames: [{ bands: Array(32).fill(-40) }, { bands: Array(32).fill(-20) }] } });
    expect(posted.status).toBe(200);
    expect(posted.text).toContain('Spectrogram of 2 spectra');
  });

  it('documents every picture route with its image content types and query limits', async () => {
    const doc = (await call(url, 'GET', '/openapi.json')).body;
    const get = doc.paths['/api/v1/visuals/sri-yantra'].get;
    expect(Object.keys(get.responses['200'].content)).toEqual(['image/svg+xml', 'image/png']);
    expect(get.parameters.find((p: { name: string }) => p.name === 'size').schema).toMatchObject({ type: 'integer', minimum: 16, maximum: 4096, default: 512 });
    expect(doc.paths['/api/v1/visuals/sri-yantra'].post.requestBody.content['application/json']).toBeDefined();
    expect(doc.paths['/api/v1/visuals/spectrum'].post).toBeDefined();
    expect(doc.paths['/api/v1/visuals/sri-yantra/geometry'].get.responses['200'].content['application/json']).toBeDefined();
  });

  it('is not mounted without the visuals plugin', async () => {
    const bare = createVajra({ logger: silentLogger, env: {} });
    await bare.start();
    const server = createServer(bare);
    expect((await server.fetch(new Request('http://127.0.0.1/api/v1/visuals/sri-yantra'))).status).toBe(404);
    server.close();
    await bare.stop();
  });

  it('answers 406 for PNG where @resvg/resvg-js is not installed (child process that cannot resolve it)', () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const output = execFileSync(
      `${root}node_modules/.bin/tsx`,
      ['--tsconfig', `${root}tsconfig.json`, '--import', `${root}packages/visuals/test/helpers/without-resvg.mjs`, new URL('./visuals-png-missing-probe.ts', import.meta.url).pathname],
      { encoding: 'utf8', cwd: root, timeout: 60_000 },
    );
    const report = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(report.pngStatus).toBe(406);
    expect(report.pngProblem.code).toBe('PNG_UNAVAILABLE');
    expect(report.fallbackStatus).toBe(200);
    expect(report.index.png).toBe(false);
  });
});
