// The hardware routes against the real hardware plugin on its simulated standard room, over HTTP and the
// WebSocket on 127.0.0.1, with API keys (an admin and a reader) and without (local only).
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import { hardwarePlugin } from '@vajra-stream/hardware';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { serve } from '../src/node/index';
import { call } from './harness';
import { connect } from './ws-client';

describe('hardware routes (node adapter, simulated devices)', () => {
  let vajra: Vajra;
  let url: string;
  let close: () => Promise<void>;
  const admin = 'lama-admin-key-0123456789';
  const reader = 'student-key-0123456789';
  beforeAll(async () => {
    vajra = createVajra({ logger: silentLogger, env: {}, plugins: [hardwarePlugin()], config: { hardware: { level: 1, amplifierConnected: true } } });
    await vajra.start();
    await vajra.plugin('hardware').hardware.whenConnected('relay');
    const listening = await serve(
      createServer(vajra, {
        validateResponses: true,
        rateLimit: false,
        auth: {
          require: 'always',
          apiKeys: [
            { name: 'lama', key: admin, scopes: ['admin'] },
            { name: 'student', key: reader },
          ],
        },
      }),
      { port: 0 },
    );
    url = listening.url;
    close = listening.close;
  });
  afterAll(async () => {
    await close?.();
    await vajra?.stop();
  });

  it('lists devices with health to any principal, never to anonymous callers', async () => {
    expect((await call(url, 'GET', '/api/v1/hardware')).status).toBe(401);
    const reply = await call(url, 'GET', '/api/v1/hardware', { token: reader });
    expect(reply.status).toBe(200);
    expect(reply.body.level).toMatchObject({ level: 1, amplifier: true });
    expect(reply.body.devices.map((d: { deviceId: string }) => d.deviceId)).toEqual(['relay', 'dmx', 'rng', 'wheel']);
    expect((await call(url, 'GET', '/api/v1/hardware/devices/relay', { token: reader })).body.health).toMatchObject({ state: 'connected' });
    expect((await call(url, 'GET', '/api/v1/hardware/devices/nope', { token: reader })).status).toBe(404);
    const rng = await call(url, 'GET', '/api/v1/hardware/rng?windows=2', { token: reader });
    expect(rng.status).toBe(200);
    expect(rng.body).toMatchObject({ deviceId: 'rng', period: 'control' });
  });

  it('lets only an admin drive outputs; client mistakes are 4xx, never 500', async () => {
    const command = { type: 'relay', channel: 2, on: true };
    expect((await call(url, 'POST', '/api/v1/hardware/devices/relay/commands', { token: reader, body: command })).status).toBe(403);
    const done = await call(url, 'POST', '/api/v1/hardware/devices/relay/commands', { token: admin, body: command });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ applied: true });
    expect((await call(url, 'POST', '/api/v1/hardware/devices/relay/commands', { token: admin, body: { type: 'dmx', levels: { '1': 1 } } })).status).toBe(422);
    expect((await call(url, 'POST', '/api/v1/hardware/devices/relay/commands', { token: admin, body: { type: 'relay', channel: 9, on: true } })).status).toBe(422);
    expect((await call(url, 'POST', '/api/v1/hardware/devices/dmx/commands', { token: admin, body: { type: 'dmx', levels: { '1': 255 }, duration: 1 } })).body).toEqual({ applied: true });
    expect((await call(url, 'PUT', '/api/v1/hardware/level', { token: reader, body: { level: 3 } })).status).toBe(403);
    expect((await call(url, 'PUT', '/api/v1/hardware/level', { token: admin, body: { level: 3 } })).body).toMatchObject({ level: 3, lights: true });
    expect((await call(url, 'PUT', '/api/v1/hardware/level', { token: admin, body: { level: 7 } })).status).toBe(422);
  });

  it('disconnects and reconnects a device, publishing hardware:status on the WebSocket', async () => {
    const ws = await connect(url, { headers: { authorization: `Bearer ${admin}` } });
    try {
      ws.send({ type: 'subscribe', topics: ['hardware:*'] });
      await ws.next((m) => m.type === 'subscribed');
      const disconnected = await call(url, 'POST', '/api/v1/hardware/devices/dmx/disconnect', { token: admin });
      expect(disconnected.body.health.state).toBe('disconnected');
      const state = (m: Record<string, unknown>) => m.data as { deviceId: string; health: { state: string } } | undefined;
      await ws.next((m) => m.type === 'hardware:status' && state(m)?.deviceId === 'dmx' && state(m)?.health.state === 'disconnected');
      await call(url, 'POST', '/api/v1/hardware/devices/dmx/connect', { token: admin });
      await ws.next((m) => m.type === 'hardware:status' && state(m)?.deviceId === 'dmx' && state(m)?.health.state === 'connected');
    } finally {
      await ws.close();
    }
  });

  it('lets a local-only server (no keys, loopback) drive outputs', async () => {
    const local = await serve(createServer(vajra, { rateLimit: false }), { port: 0 });
    try {
      const reply = await call(local.url, 'POST', '/api/v1/hardware/devices/relay/commands', { body: { type: 'relay', channel: 1, on: false } });
      expect(reply.status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
