// The audio, astrology and llm routes against the real plugins (oracle on its offline default).
// Reference values: the new moon of 2024-04-08 at 18:21 UTC (the total solar eclipse; USNO/NASA
// eclipse bulletin), and sunrise at Greenwich (51.4779 N, 0.0 E) on 2024-06-21 at 03:43 UTC
// (HM Nautical Almanac Office / timeanddate.com: 04:43 BST).
import { astrologyPlugin, chartInputSchema, windowSearchSchema } from '@vajra-stream/astrology';
import { audioPlugin } from '@vajra-stream/audio';
import { createVajra, silentLogger } from '@vajra-stream/core';
import { oraclePlugin } from '@vajra-stream/oracle';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from '../src/index';
import { serve } from '../src/node/index';
import { nodeAdapter } from './adapters';
import { call, startServer } from './harness';
import { connect } from './ws-client';

describe('plugin routes (node adapter, real plugins)', () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await startServer(nodeAdapter, {}, [audioPlugin(), astrologyPlugin(), oraclePlugin()]));
  });
  afterAll(() => close?.());

  it('mounts plugin routes only when the plugin is installed', async () => {
    const doc = (await call(url, 'GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/audio/generate', '/api/v1/astrology/chart', '/api/v1/llm/stream']));
    const bare = createVajra({ logger: silentLogger, env: {} });
    await bare.start();
    const server = createServer(bare);
    expect((await server.fetch(new Request('http://x/api/v1/audio/status'))).status).toBe(404);
    expect(server.routes.some((r) => r.path.startsWith('/api/v1/llm'))).toBe(false);
    await bare.stop();
  });

  it('renders WAV whose samples hold the requested tone (decoded here, zero crossings)', async () => {
    const response = await fetch(`${url}/api/v1/audio/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'solfeggio', frequency: 528, duration: 1, pure_sine: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
    expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe('WAVE');
    const channels = view.getUint16(22, true);
    const sampleRate = view.getUint32(24, true);
    expect(view.getUint16(34, true)).toBe(16);
    let offset = 12;
    while (new TextDecoder().decode(bytes.subarray(offset, offset + 4)) !== 'data') offset += 8 + view.getUint32(offset + 4, true);
    const dataStart = offset + 8;
    const frames = view.getUint32(offset + 4, true) / (2 * channels);
    expect(frames).toBe(sampleRate);
    let crossings = 0;
    let below = false;
    // middle half only, away from the fades; hysteresis so dither near zero is not counted
    for (let i = Math.floor(frames / 4); i < Math.floor((3 * frames) / 4); i += 1) {
      const sample = view.getInt16(dataStart + i * 2 * channels, true);
      if (sample < -1000) below = true;
      else if (sample > 1000 && below) {
        crossings += 1;
        below = false;
      }
    }
    expect(crossings / 0.5).toBeGreaterThan(524);
    expect(crossings / 0.5).toBeLessThan(532);
  });

  it('returns bounded JSON samples on request, and refuses long ones', async () => {
    const json = await call(url, 'POST', '/api/v1/audio/generate', { body: { type: 'solfeggio', frequency: 432, duration: 0.5, format: 'json' } });
    expect(json.status).toBe(200);
    expect(json.body.channels[0]).toHaveLength(json.body.sampleRate / 2);
    const long = await call(url, 'POST', '/api/v1/audio/generate', { body: { type: 'solfeggio', duration: 60, format: 'json' } });
    expect(long.status).toBe(422);
    expect(long.body.code).toBe('AUDIO_TOO_LONG');
    const invalid = await call(url, 'POST', '/api/v1/audio/generate', { body: { program: { layers: 'nope' } } });
    expect(invalid.status).toBeGreaterThanOrEqual(400);
    expect(invalid.status).toBeLessThan(500);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
  });

  it('plays on the live engine with a spectrum peak at the tone, and stops', async () => {
    expect((await call(url, 'POST', '/api/v1/audio/pause')).status).toBe(409);
    const played = await call(url, 'POST', '/api/v1/audio/play', { body: { type: 'solfeggio', frequency: 528, duration: 30, pure_sine: true } });
    expect(played.status).toBe(200);
    expect(played.body.state).toBe('playing');
    // The engine renders in real time: ask until enough has played for the analysis, however slow the machine.
    await vi.waitFor(
      async () => {
        const spectrum = await call(url, 'GET', '/api/v1/audio/spectrum');
        expect(Math.abs(spectrum.body.peaks[0]?.frequency - 528)).toBeLessThan(6);
      },
      { timeout: 20_000, interval: 50 },
    );
    expect((await call(url, 'GET', '/api/v1/audio/frequencies')).body.solfeggio).toContain(528);
    expect(['stopping', 'idle']).toContain((await call(url, 'POST', '/api/v1/audio/stop')).body.state);
  });

  it('answers astrology questions that match published values', async () => {
    const moon = await call(url, 'GET', '/api/v1/astrology/moon?date=2024-04-08T18:21:00Z');
    expect(moon.status).toBe(200);
    const angle = moon.body.angle as number;
    expect(Math.min(angle, 360 - angle)).toBeLessThan(0.5);
    const sun = await call(url, 'GET', '/api/v1/astrology/sun?date=2024-06-21T12:00:00Z&latitude=51.4779&longitude=0');
    expect(Math.abs(Date.parse(sun.body.sunrise) - Date.parse('2024-06-21T03:43:00Z'))).toBeLessThan(3 * 60_000);
    const chart = await call(url, 'GET', '/api/v1/astrology/chart?date=1990-06-15T12:00:00Z&latitude=51.5&longitude=-0.12');
    expect(chart.body.bodies.sun.sign).toBe('gemini');
    for (const path of ['planetary-hours', 'panchanga', 'frequencies'])
      expect((await call(url, 'GET', `/api/v1/astrology/${path}?date=2024-06-21T12:00:00Z&latitude=27.7&longitude=85.3`)).status).toBe(200);
    // Saka Dawa Düchen 2025 falls on 2025-06-11 (practice notes); in Lhasa (UTC+8) 23:30 UTC on the 10th is already the 11th.
    const tibetan = await call(url, 'GET', '/api/v1/astrology/tibetan?date=2025-06-10T23:30:00Z&utcOffsetMinutes=480');
    expect(tibetan.body).toMatchObject({ gregorian: '2025-06-11', month: 4, day: 15, observances: ['Full moon (Amitabha day)', 'Saka Dawa Düchen'] });
    expect((await call(url, 'GET', '/api/v1/astrology/tibetan?date=2025-06-10T23:30:00Z')).body).toMatchObject({ gregorian: '2025-06-10', day: 14 });
    expect((await call(url, 'GET', '/api/v1/astrology/tibetan?utcOffsetMinutes=900')).status).toBe(422);
    expect((await call(url, 'GET', '/api/v1/astrology/sun')).status).toBe(422);
    expect((await call(url, 'GET', '/api/v1/astrology/moon?date=not-a-date')).status).toBe(422);
    const windows = await call(url, 'POST', '/api/v1/astrology/windows', { body: { from: '2024-05-01T00:00:00Z', to: '2024-05-15T00:00:00Z', where: { moon: 'waxing' } } });
    expect(windows.status).toBe(200);
    expect(windows.body.windows.length).toBeGreaterThan(0);
  });

  it('generates, streams (SSE) and plans with the offline oracle', async () => {
    const text = await call(url, 'POST', '/api/v1/llm/generate', { body: { kind: 'blessing', intention: 'a safe journey home' } });
    expect(text.status).toBe(200);
    expect(text.body.text.length).toBeGreaterThan(20);
    const response = await fetch(`${url}/api/v1/llm/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'dedication', intention: 'all beings' }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text())
      .trim()
      .split('\n\n')
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)![1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) }));
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(
      events
        .filter((e) => e.event === 'delta')
        .map((e) => e.data.text)
        .join(''),
    ).toBe(done.data.text);
    const plan = await call(url, 'POST', '/api/v1/llm/plan', { body: { intention: 'peace', duration: 600 } });
    expect(plan.status).toBe(200);
    expect((await call(url, 'POST', '/api/v1/llm/generate', { body: { kind: 'limerick', intention: 'x' } })).status).toBe(422);
  });

  it('streams oracle.generate over the WebSocket to the asking connection', async () => {
    const client = await connect(url);
    client.send({ type: 'oracle.generate', id: 'g1', request: { kind: 'prayer', intention: 'peace' } });
    expect(await client.next((m) => m.type === 'result' && m.id === 'g1')).toMatchObject({ command: 'oracle.generate' });
    const done = await client.next((m) => m.type === 'oracle:done' && m.id === 'g1', 10_000);
    const deltas = client.messages.filter((m) => m.type === 'oracle:delta' && m.id === 'g1').map((m) => (m.data as { text: string }).text);
    expect(deltas.join('')).toBe((done.data as { text: string }).text);
    client.send({ type: 'oracle.generate', id: 'g2', request: { kind: 'nope' } });
    expect(await client.next((m) => m.type === 'error' && m.id === 'g2')).toMatchObject({ code: 'VALIDATION_FAILED' });
    await client.close();
  });

  it('reports a bug inside a plugin as a 500, never as a validation error', async () => {
    const { definePlugin } = await import('@vajra-stream/core');
    const broken = definePlugin({
      id: 'astrology',
      specificationVersion: 'v1',
      setup: () => ({
        location: undefined,
        schemas: { chartInput: chartInputSchema, windowSearch: windowSearchSchema },
        chart: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'longitude')");
        },
      }),
    });
    const buggy = createVajra({ logger: silentLogger, env: {}, plugins: [broken as never] });
    await buggy.start();
    const listening = await serve(createServer(buggy, { rateLimit: false }), { port: 0 });
    try {
      const reply = await call(listening.url, 'GET', '/api/v1/astrology/chart?date=2024-01-01T00:00:00Z&latitude=0&longitude=0');
      expect(reply.status).toBe(500);
      expect(reply.body).toMatchObject({ code: 'INTERNAL_ERROR' });
      expect(reply.text).not.toContain('longitude');
    } finally {
      await listening.close();
      await buggy.stop();
    }
  });
});
