// The live engine is shared, its playback is not: two principals (and an admin) over real HTTP and
// WebSocket on 127.0.0.1. Someone else's playback looks idle — no session id, spectrum, frequencies or
// `audio:spectrum` frames — and cannot be paused, resumed, stopped or replaced.
import { audioPlugin } from '@vajra-stream/audio';
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { serve } from '../src/node/index';
import { call } from './harness';
import { connect } from './ws-client';
import { API_KEYS, KEYS } from './test-keys';

const tone = { program: { duration: 600, sampleRate: 8000, layers: [{ kind: 'tone', frequency: 528 }] } };

describe('audio playback has an owner', () => {
  let vajra: Vajra;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    vajra = createVajra({ logger: silentLogger, env: {}, plugins: [audioPlugin()], config: { audio: { spectrumRate: 20, fftSize: 1024 } } });
    await vajra.start();
    const server = createServer(vajra, {
      validateResponses: true,
      rateLimit: false,
      auth: {
        require: 'always',
        apiKeys: API_KEYS,
      },
    });
    const listening = await serve(server, { port: 0 });
    url = listening.url;
    close = async () => {
      await listening.close();
      server.close();
    };
  });
  afterAll(async () => {
    await close?.();
    await vajra?.stop();
  });

  const as = (who: keyof typeof KEYS, method: string, path: string, body?: unknown) => call(url, method, path, { token: KEYS[who], ...(body === undefined ? {} : { body }) });
  const client = (who: keyof typeof KEYS) => connect(url, { headers: { authorization: `Bearer ${KEYS[who]}` } });

  it('shows the playback, its spectrum and frequencies to its owner and admins only', async () => {
    const [alice, bob, root] = await Promise.all([client('alice'), client('bob'), client('root')]);
    for (const peer of [alice, bob, root]) {
      peer.send({ type: 'subscribe', id: 's', topics: ['audio:spectrum'] });
      await peer.next((m) => m.type === 'subscribed');
    }
    const played = await as('alice', 'POST', '/api/v1/audio/play', tone);
    expect(played.status).toBe(200);
    expect(played.body).toMatchObject({ state: 'playing', owner: 'key:alice' });

    // The spectrum is of the most recent audio: wait until it holds the tone (the first frames may precede enough of it).
    const hearsTone = (m: Record<string, unknown>) => m.type === 'audio:spectrum' && (m.data as { peaks: { frequency: number }[] }).peaks.some((peak) => Math.abs(peak.frequency - 528) < 10);
    const frame = await alice.next(hearsTone, 20_000);
    expect(frame.data).toMatchObject({ owner: 'key:alice', sessionId: null });
    await root.next((m) => m.type === 'audio:spectrum', 20_000); // admins see every frame
    // Frames to bob would be queued on his socket before this pong.
    bob.send({ type: 'ping', id: 'after-frames' });
    await bob.next((m) => m.type === 'pong');
    expect(bob.messages.filter((m) => m.type === 'audio:spectrum')).toEqual([]);

    expect((await as('alice', 'GET', '/api/v1/audio/status')).body).toMatchObject({ state: 'playing', owner: 'key:alice' });
    expect((await as('bob', 'GET', '/api/v1/audio/status')).body).toEqual({ state: 'idle', position: 0, duration: 0, sessionId: null, owner: null });
    expect((await as('root', 'GET', '/api/v1/audio/status')).body).toMatchObject({ state: 'playing', owner: 'key:alice' });

    const own = await as('alice', 'GET', '/api/v1/audio/spectrum');
    expect(Math.abs(own.body.peaks[0].frequency - 528)).toBeLessThan(2 * own.body.binWidth);
    expect((await as('bob', 'GET', '/api/v1/audio/spectrum')).body.peaks).toEqual([]);
    expect((await as('alice', 'GET', '/api/v1/audio/frequencies')).body.active).toEqual([expect.objectContaining({ frequency: 528 })]);
    expect((await as('bob', 'GET', '/api/v1/audio/frequencies')).body.active).toEqual([]);
    await Promise.all([alice.close(), bob.close(), root.close()]);
  });

  it('lets no one else pause, resume, stop or replace it; its owner and admins can', async () => {
    expect((await as('bob', 'POST', '/api/v1/audio/pause')).body).toMatchObject({ code: 'AUDIO_NOT_PLAYING' });
    expect((await as('bob', 'POST', '/api/v1/audio/resume')).status).toBe(409);
    expect((await as('bob', 'POST', '/api/v1/audio/stop')).body).toMatchObject({ state: 'idle', owner: null });
    const replaced = await as('bob', 'POST', '/api/v1/audio/play', tone);
    expect(replaced.status).toBe(409);
    expect(replaced.body).toMatchObject({ code: 'AUDIO_BUSY' });
    expect(replaced.text).not.toContain('alice');
    expect((await as('alice', 'GET', '/api/v1/audio/status')).body).toMatchObject({ state: 'playing', owner: 'key:alice' });

    expect((await as('alice', 'POST', '/api/v1/audio/pause')).body).toMatchObject({ state: 'paused', owner: 'key:alice' });
    expect((await as('root', 'POST', '/api/v1/audio/resume')).body).toMatchObject({ state: 'playing', owner: 'key:alice' });
    await as('root', 'POST', '/api/v1/audio/stop');
    await expect.poll(async () => (await as('alice', 'GET', '/api/v1/audio/status')).body.state, { timeout: 20_000 }).toBe('idle');

    // once idle, the engine is free for the next principal
    expect((await as('bob', 'POST', '/api/v1/audio/play', tone)).body).toMatchObject({ state: 'playing', owner: 'key:bob' });
    expect((await as('alice', 'GET', '/api/v1/audio/status')).body.state).toBe('idle');
    await as('bob', 'POST', '/api/v1/audio/stop');
  });

  it('gives a session’s playback the session’s owner', async () => {
    const created = await as('alice', 'POST', '/api/v1/sessions', { intention: 'peace', duration: 600, frequencies: [432] });
    await as('alice', 'POST', `/api/v1/sessions/${created.body.id}/start`);
    await expect.poll(async () => (await as('alice', 'GET', '/api/v1/audio/status')).body, { timeout: 20_000 }).toMatchObject({ state: 'playing', sessionId: created.body.id, owner: 'key:alice' });
    expect((await as('bob', 'GET', '/api/v1/audio/status')).body.sessionId).toBeNull();
    await as('alice', 'POST', `/api/v1/sessions/${created.body.id}/stop`);
  });
});
