import { createManualClock } from '@vajra-stream/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDevice, type FakeDevice } from '../../../test/__fixtures__/fake-device';
import { startSocatPair, until, type SocatPair } from '../../../test/__fixtures__/socat-pair';
import { createHardware } from '../../supervisor/create-hardware';
import { serialTransport } from '../../transport/serial-transport';
import { createDmxUniverse } from './dmx-universe';
import { enttecDmxPro } from './enttec-dmx-pro';
import { createEnttecParser, enttecDmxFrame } from './enttec-frame';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});
async function setup(protocol: string, options: { channels?: number; heartbeatTimeoutMs?: number } = {}): Promise<{ socat: SocatPair; device: FakeDevice; hardware: ReturnType<typeof make> }> {
  const socat = await startSocatPair();
  cleanups.push(() => socat.dispose());
  const device = await startFakeDevice(socat.devicePath, protocol);
  cleanups.push(() => device.stop());
  const hardware = make(socat.hostPath, options);
  cleanups.push(() => hardware.stop());
  hardware.start();
  return { socat, device, hardware };
}
const make = (path: string, options: { channels?: number; heartbeatTimeoutMs?: number }) =>
  createHardware({
    devices: [{ id: 'lights', transport: serialTransport({ path }), driver: enttecDmxPro({ channels: options.channels ?? 24 }), heartbeatIntervalMs: 100 }] as const,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 1000,
    backoff: { initialDelayMs: 20, maxDelayMs: 200 },
  });

describe('enttecDmxPro over a real pseudo-terminal', () => {
  it('refreshes label-6 frames continuously, which the fake widget decodes, and answers the serial-number heartbeat', async () => {
    const { device, hardware } = await setup('enttec-dmx-pro');
    await until(() => hardware.status('lights').health.state === 'connected');
    hardware.device('lights').set({ 1: 255, 2: 128, 8: 7 });
    const frame = await device.waitFor((m) => (m.dmx as { levels: number[] } | undefined)?.levels[0] === 255, 'a frame with channel 1 at 255');
    expect(frame.dmx).toMatchObject({ channels: 24, levels: [255, 128, 0, 0, 0, 0, 0, 7], sum: 390 });
    await device.waitFor((m) => (m.dmx as { frames: number } | undefined)?.frames !== undefined && (m.dmx as { frames: number }).frames > 20, 'more than 20 frames');
    await device.waitFor((m) => m.serialRequest === true);
    await until(() => hardware.device('lights').stats().serialNumber === '12345678');
    expect(device.messages.filter((m) => 'error' in m)).toEqual([]);
    expect(hardware.device('lights').stats().framesSent).toBeGreaterThan(20);
  });

  it('calls a widget that stalls mid-reply dead (heartbeat) and one that floods garbage broken, without crashing', async () => {
    const stalled = await setup('enttec-stall', { heartbeatTimeoutMs: 300 });
    await until(() => stalled.hardware.status('lights').health.lastError?.code === 'DEVICE_TIMEOUT', 10_000, 'heartbeat timeout');
    const flooded = await setup('flood');
    // Garbage the parser refuses, or more bytes in a second than a widget ever sends: whichever is seen first.
    await until(() => /^DEVICE_(PROTOCOL_ERROR|FLOODING)$/.test(flooded.hardware.status('lights').health.lastError?.code ?? ''), 10_000, 'flood reported');
    expect(flooded.hardware.status('lights').health.lastError?.message).toMatch(/garbage|bytes in a second/);
  });
});

describe('DMX frames and fades', () => {
  it('encodes label 6 as 7E 06 len-LSB len-MSB 00 levels E7, and parses replies with a bounded buffer', () => {
    const frame = enttecDmxFrame(Uint8Array.from({ length: 512 }, (_, index) => index & 0xff));
    expect([...frame.subarray(0, 6)]).toEqual([0x7e, 0x06, 0x01, 0x02, 0x00, 0x00]);
    expect(frame.length).toBe(518);
    expect(frame[517]).toBe(0xe7);
    const parser = createEnttecParser();
    expect(parser.push(Uint8Array.of(0x01, 0x7e, 0x0a, 0x04, 0x00, 1, 2)).messages).toEqual([]);
    expect(parser.push(Uint8Array.of(3, 4, 0xe7))).toEqual({ messages: [{ label: 10, data: Uint8Array.of(1, 2, 3, 4) }], garbage: 0 });
    expect(parser.push(Uint8Array.of(0x7e, 0x06, 0xff, 0xff)).garbage).toBe(4);
  });

  it('refreshes on a fixed grid of the kernel clock: refreshHz frames a second, every one a full label-6 frame', async () => {
    const clock = createManualClock();
    const frames: number[] = [];
    const hardware = createHardware({
      devices: [
        {
          id: 'lights',
          transport: {
            kind: 'test',
            address: 'grid',
            present: async () => true,
            open: async () => ({ write: async (bytes) => void (bytes[1] === 6 && frames.push(clock.now())), onData: () => undefined, onClose: () => undefined, close: async () => undefined }),
          },
          driver: enttecDmxPro({ channels: 512, refreshHz: 40 }),
          heartbeatIntervalMs: 3_600_000,
        },
      ] as const,
      clock,
    });
    hardware.start();
    const start = clock.now();
    for (let step = 0; step < 1000 / 7; step += 1) await clock.advance(7);
    await clock.advance(1000 - (clock.now() - start));
    expect(frames.map((at) => at - start)).toEqual(Array.from({ length: 41 }, (_, index) => index * 25));
    expect(hardware.device('lights').stats()).toMatchObject({ framesSent: 41, framesSkipped: 0 });
    await hardware.stop();
  });

  it('reuses one frame buffer, patches a changed level in only between writes, and sends a frame that fell due during a slow write when that write ends', async () => {
    const clock = createManualClock();
    const writes: Array<{ bytes: Uint8Array; at: number; levels: number[] }> = [];
    let release: () => void = () => undefined;
    let slow = false;
    const hardware = createHardware({
      devices: [
        {
          id: 'lights',
          transport: {
            kind: 'test',
            address: 'slow',
            present: async () => true,
            open: async () => ({
              write: (bytes) => {
                if (bytes[1] !== 6) return Promise.resolve();
                writes.push({ bytes, at: clock.now(), levels: [...bytes.subarray(5, 8)] });
                return slow ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
              },
              onData: () => undefined,
              onClose: () => undefined,
              close: async () => undefined,
            }),
          },
          driver: enttecDmxPro({ channels: 24, refreshHz: 40 }),
          heartbeatIntervalMs: 3_600_000,
        },
      ] as const,
      clock,
    });
    hardware.start();
    await clock.advance(1);
    const lights = hardware.device('lights');
    lights.set({ 1: 10, 3: 30 });
    await clock.advance(25);
    expect(writes.at(-1)?.levels).toEqual([10, 0, 30]);
    // A write that takes 60 ms (two and a half periods): the level set meanwhile stays out of the frame in flight.
    slow = true;
    await clock.advance(25);
    const inFlight = writes.at(-1) as { bytes: Uint8Array; at: number };
    lights.set({ 2: 20 });
    await clock.advance(60);
    expect([...inFlight.bytes.subarray(5, 8)]).toEqual([10, 0, 30]);
    const sentBefore = writes.length;
    const releasedAt = clock.now();
    slow = false;
    release();
    await clock.advance(0);
    // The frame due while writing goes out at once, with the new level; one more tick fell due while it was late: skipped.
    expect(writes.length).toBe(sentBefore + 1);
    expect(writes.at(-1)).toMatchObject({ at: releasedAt, levels: [10, 20, 30] });
    expect(new Set(writes.map((write) => write.bytes)).size).toBe(1);
    expect(hardware.device('lights').stats().framesSkipped).toBe(1);
    await hardware.stop();
  });

  it('fades linearly on the kernel clock and resolves on time, a newer change replacing an older fade', async () => {
    const clock = createManualClock();
    const universe = createDmxUniverse({ channels: 24, clock });
    const done = universe.fade({ 1: 200, 2: 100 }, { duration: 2 });
    await clock.advance(500);
    expect(universe.levels().slice(0, 2)).toEqual([50, 25]);
    await clock.advance(1500);
    await expect(done).resolves.toEqual({ completed: true });
    expect(universe.levels().slice(0, 2)).toEqual([200, 100]);
    const replaced = universe.fade({ 1: 0 }, { duration: 10 });
    universe.set({ 1: 30 });
    await expect(replaced).resolves.toEqual({ completed: false });
    await universe.blackout({ duration: 0 });
    expect(universe.levels().every((level) => level === 0)).toBe(true);
    expect(() => universe.set({ 25: 1 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => universe.set({ 1: 256 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => enttecDmxPro({ channels: 23 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
