import { createManualClock } from '@vajra-stream/core/testing';
import { describe, expect, it } from 'vitest';
import { pingDriver } from '../../test/__fixtures__/ping-driver';
import { scopedFixtures } from '../../test/__fixtures__/scoped-fixtures';
import { until } from '../../test/__fixtures__/socat-pair';
import { lcusRelay } from '../drivers/lcus-relay/lcus-relay';
import { serialTransport } from '../transport/serial-transport';
import type { Connection, Transport } from '../transport/transport';
import { createHardware, type Hardware } from './create-hardware';
import type { DeviceStatus } from './device-status';

const { pair, fake, defer } = scopedFixtures();
function supervise<H extends Hardware<never>>(hardware: H): H {
  defer(() => hardware.stop());
  hardware.start();
  return hardware;
}
const stateOf = (hardware: Hardware<never>, id: string) => (hardware as Hardware).status(id).health.state;

describe('createHardware over real pseudo-terminals', () => {
  it('drives an LCUS relay: the fake board decodes A0 channel state checksum frames', async () => {
    const socat = await pair();
    const board = await fake(socat.devicePath, 'lcus-relay');
    const statuses: DeviceStatus[] = [];
    const hardware = supervise(createHardware({ devices: [{ id: 'relay', transport: serialTransport({ path: socat.hostPath }), driver: lcusRelay({ channels: 2 }) }] as const }));
    hardware.onStatus((status) => void statuses.push(status));
    await until(() => hardware.status('relay').health.state === 'connected', 10_000, 'connected');
    // On connect the wanted state (all off) is sent.
    await board.waitFor((m) => m.channel === 2 && m.state === 0);
    expect(await hardware.device('relay').set(2, true)).toEqual({ channel: 2, on: true, applied: true });
    await board.waitFor((m) => m.channel === 2 && m.state === 1);
    await hardware.device('relay').set(1, true);
    await board.waitFor((m) => m.channel === 1 && m.state === 1);
    expect(board.messages.filter((m) => 'error' in m)).toEqual([]);
    expect(hardware.status('relay').health).toMatchObject({ state: 'connected', attempt: 0, reconnects: 0, lastError: null, bytesOut: 16 });
    expect(statuses.map((s) => s.health.state)).toEqual(['connected']);
    await expect(hardware.device('relay').set(3, true)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('notices an unplug serialport does not report (the path vanishes), reconnects when it returns and re-applies the wanted state', async () => {
    const socat = await pair();
    let board = await fake(socat.devicePath, 'lcus-relay');
    const hardware = supervise(
      createHardware({ devices: [{ id: 'relay', transport: serialTransport({ path: socat.hostPath }), driver: lcusRelay() }] as const, backoff: { initialDelayMs: 20, maxDelayMs: 200 } }),
    );
    await until(() => stateOf(hardware, 'relay') === 'connected');
    await hardware.device('relay').set(1, true);
    await board.waitFor((m) => m.channel === 1 && m.state === 1);
    await board.stop();
    await socat.unplug();
    await until(() => stateOf(hardware, 'relay') === 'absent', 10_000, 'absent');
    expect(hardware.status('relay').health.lastError?.code).toMatch(/DEVICE_(ABSENT|CLOSED)/);
    expect(await hardware.device('relay').set(1, true)).toEqual({ channel: 1, on: true, applied: false });
    await socat.plug();
    board = await fake(socat.devicePath, 'lcus-relay');
    await until(() => stateOf(hardware, 'relay') === 'connected', 10_000, 'reconnected');
    await board.waitFor((m) => m.channel === 1 && m.state === 1, 'the wanted state re-applied');
    expect(hardware.status('relay').health).toMatchObject({ reconnects: 1, attempt: 0 });
  });

  it('drops a link whose device stops answering its heartbeat, and isolates a device that sends garbage', async () => {
    const socat = await pair();
    let device = await fake(socat.devicePath, 'ping');
    const hardware = supervise(
      createHardware({
        devices: [{ id: 'pinger', transport: serialTransport({ path: socat.hostPath }), driver: pingDriver() }] as const,
        heartbeatIntervalMs: 50,
        heartbeatTimeoutMs: 300,
        backoff: { initialDelayMs: 20, maxDelayMs: 100 },
      }),
    );
    await until(() => stateOf(hardware, 'pinger') === 'connected');
    await hardware.device('pinger').send([0x01, 0x02]);
    await device.waitFor((m) => m.byte === 2);
    // Garbage: the driver throws; the supervisor reports it, closes the link and reconnects.
    const errors: string[] = [];
    hardware.onStatus((status) => void (status.health.lastError && errors.push(status.health.lastError.code)));
    await hardware.device('pinger').send([0x47]);
    await until(() => errors.includes('DEVICE_PROTOCOL_ERROR'), 10_000, 'garbage reported');
    expect(hardware.status('pinger').health.lastError?.message).toBe('garbage from the device');
    await until(() => stateOf(hardware, 'pinger') === 'connected', 10_000, 'back after the garbage');
    // Silence: the heartbeat goes unanswered.
    await device.stop();
    device = await fake(socat.devicePath, 'silent');
    await until(() => errors.includes('DEVICE_TIMEOUT'), 10_000, 'heartbeat timeout');
    expect(hardware.status('pinger').health.lastError?.message).toContain('heartbeat');
    await device.stop();
    device = await fake(socat.devicePath, 'ping');
    await until(() => stateOf(hardware, 'pinger') === 'connected', 10_000, 'back after the silence');
    expect(hardware.status('pinger').health.reconnects).toBeGreaterThanOrEqual(1);
  });
});

describe('createHardware timing on the kernel clock', () => {
  it('retries a failing open with capped exponential backoff and jitter', async () => {
    const clock = createManualClock();
    const opens: number[] = [];
    const transport: Transport = {
      kind: 'test',
      address: 'nowhere',
      present: async () => true,
      open: async () => {
        opens.push(clock.now());
        throw new Error('EBUSY');
      },
    };
    const hardware = createHardware({ devices: [{ id: 'x', transport, driver: lcusRelay() }] as const, clock, random: () => 0.5, backoff: { initialDelayMs: 100, maxDelayMs: 800, jitter: 0.5 } });
    hardware.start();
    const start = clock.now();
    for (let step = 0; step < 60; step += 1) await clock.advance(50);
    const gaps = opens.slice(1).map((at, index) => at - (opens[index] as number));
    // nominal 100, 200, 400, 800, 800 … each less jitter × random = 0.5 × 0.5 = 25 %.
    expect(opens[0]).toBe(start);
    expect(gaps.slice(0, 5)).toEqual([75, 150, 300, 600, 600]);
    expect(hardware.status('x').health).toMatchObject({ state: 'retrying', lastError: { code: 'DEVICE_OPEN_FAILED', message: 'EBUSY' } });
    expect(hardware.status('x').health.attempt).toBe(opens.length);
    await hardware.stop();
    expect(hardware.status('x').health.state).toBe('stopped');
  });

  it('times out an open that never settles, and a disconnect on request stays disconnected', async () => {
    const clock = createManualClock();
    const closed: string[] = [];
    let hang = true;
    const transport: Transport = {
      kind: 'test',
      address: 'slow',
      present: async () => true,
      open: () =>
        hang
          ? new Promise<Connection>(() => undefined)
          : Promise.resolve({ write: async () => undefined, onData: () => undefined, onClose: () => undefined, close: async () => void closed.push('closed') }),
    };
    const hardware = createHardware({ devices: [{ id: 'x', transport, driver: lcusRelay() }] as const, clock, openTimeoutMs: 1000, random: () => 0 });
    hardware.start();
    const early = hardware.whenConnected('x', { timeoutMs: 500 }).catch((error: unknown) => error);
    const connected = hardware.whenConnected('x', { timeoutMs: 5000 });
    await clock.advance(1000);
    expect(await early).toMatchObject({ code: 'DEVICE_TIMEOUT' });
    expect(hardware.status('x').health).toMatchObject({ state: 'retrying', lastError: { code: 'DEVICE_TIMEOUT' } });
    hang = false;
    await clock.advance(100);
    expect(hardware.status('x').health.state).toBe('connected');
    expect((await connected).health.state).toBe('connected');
    await clock.advance(5000);
    expect(hardware.status('x').health.uptimeMs).toBe(5000);
    expect((await hardware.disconnect('x')).health.state).toBe('disconnected');
    expect(closed).toEqual(['closed']);
    await clock.advance(10_000);
    expect(hardware.status('x').health.state).toBe('disconnected');
    hardware.connect('x');
    await clock.advance(1);
    expect(hardware.status('x').health).toMatchObject({ state: 'connected', reconnects: 1 });
    expect(() => hardware.status('nope' as 'x')).toThrow(expect.objectContaining({ code: 'DEVICE_NOT_FOUND' }));
    await hardware.stop();
  });

  it('looks at the path while a heartbeat is in flight: a device unplugged mid-heartbeat and replugged reconnects at the next watchdog tick, not after the heartbeat timeout', async () => {
    const clock = createManualClock();
    let present = true;
    let hangUp: (error?: Error) => void = () => undefined;
    const pings: number[] = [];
    const transport: Transport = {
      kind: 'test',
      address: 'usb',
      present: async () => present,
      open: async () => ({
        write: async (bytes) => void (bytes[0] === 0x50 && pings.push(clock.now())),
        onData: () => undefined,
        onClose: (listener) => void (hangUp = listener),
        close: async () => undefined,
      }),
    };
    const connectedAt: number[] = [];
    const hardware = createHardware({
      devices: [{ id: 'pinger', transport, driver: pingDriver(), heartbeatIntervalMs: 100 }] as const,
      clock,
      random: () => 0,
      watchdogIntervalMs: 50,
      heartbeatTimeoutMs: 3000,
      backoff: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    hardware.onStatus((status) => void (status.health.state === 'connected' && connectedAt.push(clock.now())));
    hardware.start();
    for (let step = 0; step < 20 && pings.length === 0; step += 1) await clock.advance(10);
    // A heartbeat is out and will never be answered: the device is unplugged now.
    expect(pings).toHaveLength(1);
    present = false;
    hangUp(new Error('hang-up'));
    for (let step = 0; step < 20 && hardware.status('pinger').health.state !== 'absent'; step += 1) await clock.advance(10);
    expect(hardware.status('pinger').health.state).toBe('absent');
    present = true;
    const back = clock.now();
    for (let step = 0; step < 400 && connectedAt.length < 2; step += 1) await clock.advance(10);
    // Back at the first watchdog tick after the path returned (the heartbeat would have timed out ~2.9 s later).
    expect((connectedAt[1] as number) - back).toBeLessThanOrEqual(50);
    expect(hardware.status('pinger').health).toMatchObject({ state: 'connected', reconnects: 1 });
    await hardware.stop();
  });

  it('cuts a link that sends more than its driver allows in a second, backs off further with every fault in a row, and a stable link clears the count', async () => {
    const clock = createManualClock();
    const opens: number[] = [];
    let push: (bytes: Uint8Array) => void = () => undefined;
    const transport: Transport = {
      kind: 'test',
      address: 'bench',
      present: async () => true,
      open: async () => {
        opens.push(clock.now());
        return { write: async () => undefined, onData: (listener) => void (push = listener), onClose: () => undefined, close: async () => undefined };
      },
    };
    const hardware = createHardware({
      devices: [{ id: 'relay', transport, driver: lcusRelay() }] as const,
      clock,
      random: () => 0,
      backoff: { initialDelayMs: 100, maxDelayMs: 10_000, jitter: 0 },
      quarantine: { afterFaults: 4, durationMs: 30_000, stableMs: 5000 },
    });
    hardware.start();
    await clock.advance(1);
    // 256 bytes a second are allowed (twice, in two different seconds); 257 within one are a flood.
    push(new Uint8Array(256));
    await clock.advance(1000);
    push(new Uint8Array(256));
    expect(hardware.status('relay').health.state).toBe('connected');
    push(new Uint8Array(1));
    expect(hardware.status('relay').health).toMatchObject({ state: 'retrying', attempt: 1, lastError: { code: 'DEVICE_FLOODING', message: 'more than 256 bytes in a second from bench' } });
    // Each reconnect succeeds and floods at once: retried after 100, 200, 400 ms, then quarantined.
    for (let fault = 2; fault <= 4; fault += 1) {
      for (let step = 0; step < 40 && hardware.status('relay').health.state !== 'connected'; step += 1) await clock.advance(10);
      push(new Uint8Array(300));
    }
    const gaps = opens.slice(1).map((at, index) => at - (opens[index] as number));
    // Flooded at 1001 ms and retried 100 ms later; then 200 and 400 ms.
    expect(gaps).toEqual([1101, 200, 400]);
    expect(hardware.status('relay').health).toMatchObject({ state: 'quarantined', lastError: { code: 'DEVICE_QUARANTINED' } });
    await clock.advance(29_000);
    expect(opens).toHaveLength(4);
    await clock.advance(1000);
    expect(hardware.status('relay').health.state).toBe('connected');
    // Up 5 s without a fault: the count is cleared, so the next flood is retried after 100 ms again.
    for (let step = 0; step < 25; step += 1) await clock.advance(250);
    push(new Uint8Array(300));
    expect(hardware.status('relay').health.state).toBe('retrying');
    await clock.advance(100);
    expect(hardware.status('relay').health.state).toBe('connected');
    expect(opens).toHaveLength(6);
    await hardware.stop();
  });
});
