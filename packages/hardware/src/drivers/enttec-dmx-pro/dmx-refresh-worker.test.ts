import { closeSync, fstatSync, openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@vajra-stream/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDevice, type FakeDevice } from '../../../test/__fixtures__/fake-device';
import { startSocatPair, until } from '../../../test/__fixtures__/socat-pair';
import { createHardware } from '../../supervisor/create-hardware';
import { serialTransport } from '../../transport/serial-transport';
import { defaultSerialSettings, type Transport } from '../../transport/transport';
import { enttecDmxPro } from './enttec-dmx-pro';
import { enttecDmxFrame } from './enttec-frame';
import { createSharedDmxFrame } from './shared-dmx-frame';
import { createWorkerFrameWriter } from './worker-frame-writer';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A fake widget that reports every frame it decodes. */
const startWidget = async (path: string): Promise<FakeDevice> => {
  const device = await startFakeDevice(path, 'enttec-dmx-pro', { env: { FAKE_REPORT_EVERY_FRAME: '1' } });
  cleanups.push(() => device.stop());
  return device;
};
const frames = (device: FakeDevice) => device.messages.flatMap((message) => (message.dmx === undefined ? [] : [message.dmx as { channels: number; levels: number[]; sum: number; frames: number }]));
const errors = (device: FakeDevice) => device.messages.filter((message) => 'error' in message);

/** `transport` that remembers the fd each link lent out. */
const leaseRecording = (transport: Transport, fds: number[]): Transport => ({
  ...transport,
  open: async (settings) => {
    const connection = await transport.open(settings);
    if (connection.fdLease !== undefined) fds.push(connection.fdLease.fd);
    return connection;
  },
});

const lights = (transport: Transport, options: { heartbeatIntervalMs?: number } = {}) => {
  const hardware = createHardware({
    devices: [{ id: 'lights', transport, driver: enttecDmxPro({ channels: 512 }), heartbeatIntervalMs: options.heartbeatIntervalMs ?? 100 }] as const,
    watchdogIntervalMs: 50,
    heartbeatTimeoutMs: 3000,
    backoff: { initialDelayMs: 20, maxDelayMs: 200 },
  });
  cleanups.push(() => hardware.stop());
  return hardware;
};

describe('the DMX refresh worker over a real pseudo-terminal', () => {
  it('sends frames while the main thread is blocked, counts every byte in bytesOut and sends the heartbeat between frames', async () => {
    const socat = await startSocatPair();
    cleanups.push(() => socat.dispose());
    const device = await startWidget(socat.devicePath);
    const hardware = lights(serialTransport({ path: socat.hostPath }));
    hardware.start();
    await hardware.whenConnected('lights');
    const api = hardware.device('lights');
    api.set({ 1: 200, 512: 9 });
    await until(() => frames(device).some((frame) => frame.levels[0] === 200), 10_000, 'a frame with channel 1 at 200');
    // No timer, no threadpool completion runs on this thread meanwhile: only a writer of its own sends frames.
    const before = api.stats().framesSent;
    const end = performance.now() + 600;
    while (performance.now() < end);
    expect(api.stats().framesSent - before).toBeGreaterThanOrEqual(5);
    await until(() => api.stats().serialNumber === '12345678', 10_000, 'the heartbeat answered');
    await hardware.disconnect('lights');
    // Every byte written is a frame (518 bytes) or a serial-number request (5), each decoded whole by the widget.
    const { framesSent } = api.stats();
    await until(() => frames(device).at(-1)?.frames === framesSent, 10_000, 'the widget decoding every frame sent');
    const requests = device.messages.filter((message) => message.serialRequest === true).length;
    expect(hardware.status('lights').health.bytesOut).toBe(framesSent * 518 + requests * 5);
    expect(requests).toBeGreaterThan(0);
    expect(frames(device).at(-1)).toMatchObject({ channels: 512, levels: [200, 0, 0, 0, 0, 0, 0, 0], sum: 209 });
    expect(errors(device)).toEqual([]);
  });

  it('never sends a frame torn between two edits of the main thread', async () => {
    const socat = await startSocatPair();
    cleanups.push(() => socat.dispose());
    const device = await startWidget(socat.devicePath);
    const connection = await serialTransport({ path: socat.hostPath }).open({ ...defaultSerialSettings, baudRate: 57_600 });
    cleanups.push(() => connection.close());
    const lease = connection.fdLease;
    if (lease === undefined) throw new Error('a serial port through the system binding lends its fd');
    const shared = createSharedDmxFrame(enttecDmxFrame(new Uint8Array(512)));
    const writer = createWorkerFrameWriter({ shared, periodMs: 1000 / 44, spinMs: 0, deviceId: 'lights', logger: silentLogger });
    cleanups.push(() => writer.dispose());
    const failures: Error[] = [];
    writer.start({ ...lease, wrote: () => undefined, failed: (error) => failures.push(error) });
    // The main thread rewrites all 512 levels one by one, all 0 then all 255, without a pause: nearly every
    // copy the worker makes overlaps an edit.
    let level = 0;
    let edits = 0;
    const end = performance.now() + 1500;
    while (performance.now() < end) {
      level = 255 - level;
      shared.edit((frame) => {
        for (let index = 5; index < 517; index += 1) frame[index] = level;
      });
      edits += 1;
    }
    await until(() => frames(device).length >= 30, 10_000, '30 frames');
    const sums = frames(device).map((frame) => frame.sum);
    expect(edits).toBeGreaterThan(1000);
    expect(sums.filter((sum) => sum !== 0 && sum !== 512 * 255)).toEqual([]);
    expect(new Set(sums)).toEqual(new Set([0, 512 * 255]));
    expect(failures).toEqual([]);
    await lease.revoke();
  });

  it('revokes the lease before a port closes, on a requested disconnect and on an unplug: the worker never writes to the closed fd nor to a file that reuses it', async () => {
    const socat = await startSocatPair();
    cleanups.push(() => socat.dispose());
    let device = await startWidget(socat.devicePath);
    const fds: number[] = [];
    const hardware = lights(leaseRecording(serialTransport({ path: socat.hostPath }), fds));
    hardware.start();
    const file = join(tmpdir(), `vajra-dmx-reuse-${process.pid}`);
    cleanups.push(() => rm(file, { force: true }));
    let reused = 0;
    for (let cycle = 0; cycle < 10; cycle += 1) {
      await hardware.whenConnected('lights', { timeoutMs: 10_000 });
      const seen = frames(device).length;
      await until(() => frames(device).length > seen + 3, 10_000, `cycle ${cycle}: frames`);
      if (cycle % 2 === 0) await hardware.disconnect('lights');
      else {
        await device.stop();
        await socat.unplug();
        await until(() => hardware.status('lights').health.state !== 'connected', 10_000, `cycle ${cycle}: the unplug noticed`);
      }
      // The lowest free descriptor: the port's own, once it is closed.
      const reuse = openSync(file, 'w+');
      if (reuse === fds.at(-1)) reused += 1;
      // The worker's next deadlines pass (it sends a frame every 25 ms while it holds a lease).
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(fstatSync(reuse).size).toBe(0);
      closeSync(reuse);
      if (cycle % 2 === 0) hardware.connect('lights');
      else {
        await socat.plug();
        device = await startWidget(socat.devicePath);
      }
    }
    await hardware.whenConnected('lights', { timeoutMs: 10_000 });
    const seen = frames(device).length;
    await until(() => frames(device).length > seen + 3, 10_000, 'frames after the last replug');
    expect(reused).toBeGreaterThan(0);
    expect(errors(device)).toEqual([]);
    expect(['DEVICE_CLOSED', 'DEVICE_ABSENT']).toContain(hardware.status('lights').health.lastError?.code);
  }, 120_000);

  it('skips frames while the pty is full (EAGAIN) without failing the link, and resumes whole frames when the widget reads again', async () => {
    const socat = await startSocatPair();
    cleanups.push(() => socat.dispose());
    // No heartbeat: nobody answers until the widget starts.
    const hardware = lights(serialTransport({ path: socat.hostPath }), { heartbeatIntervalMs: 3_600_000 });
    hardware.start();
    await hardware.whenConnected('lights');
    const api = hardware.device('lights');
    await until(() => api.stats().framesSkipped >= 5, 60_000, 'frames skipped on a full pty');
    expect(hardware.status('lights').health).toMatchObject({ state: 'connected', lastError: null });
    const device = await startFakeDevice(socat.devicePath, 'enttec-dmx-pro');
    cleanups.push(() => device.stop());
    const sent = api.stats().framesSent;
    await until(() => api.stats().framesSent > sent + 20, 10_000, 'frames flowing again');
    await until(() => frames(device).some((frame) => frame.frames > 20), 10_000, 'the widget decoding frames');
    expect(hardware.status('lights').health).toMatchObject({ state: 'connected', lastError: null });
  }, 90_000);
});
