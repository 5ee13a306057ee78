import { describe, expect, it } from 'vitest';
import { enttecDmxPro } from '../src/drivers/enttec-dmx-pro/enttec-dmx-pro';
import { lcusRelay } from '../src/drivers/lcus-relay/lcus-relay';
import { createHardware } from '../src/supervisor/create-hardware';
import type { DeviceStatus } from '../src/supervisor/device-status';
import { serialTransport } from '../src/transport/serial-transport';
import { scopedFixtures } from './__fixtures__/scoped-fixtures';
import { until } from './__fixtures__/socat-pair';

const { pair, fake, defer } = scopedFixtures();

const QUARANTINE_MS = 4000;

describe('devices that misbehave, through real pseudo-terminals', () => {
  it('reports garbage, a stall mid-frame and a flood with their codes, quarantines each device after 3 faults in a row, and the healthy relay beside them keeps working', async () => {
    const [good, garbled, stalled, flooded] = [await pair(), await pair(), await pair(), await pair()];
    const relayBoard = await fake(good.devicePath, 'lcus-relay');
    await fake(garbled.devicePath, 'garbage');
    let stallDevice = await fake(stalled.devicePath, 'enttec-stall');
    let floodDevice = await fake(flooded.devicePath, 'flood');
    // Every status change as the kernel's event bus would carry it.
    const events: Array<{ name: string; status: DeviceStatus; at: number }> = [];
    const hardware = createHardware({
      devices: [
        { id: 'amplifier', transport: serialTransport({ path: good.hostPath }), driver: lcusRelay() },
        { id: 'garbled', transport: serialTransport({ path: garbled.hostPath }), driver: enttecDmxPro({ channels: 24 }), heartbeatIntervalMs: 100 },
        { id: 'stalled', transport: serialTransport({ path: stalled.hostPath }), driver: enttecDmxPro({ channels: 24 }), heartbeatIntervalMs: 100 },
        { id: 'flooded', transport: serialTransport({ path: flooded.hostPath }), driver: lcusRelay() },
      ] as const,
      events: { emit: (name, status) => void events.push({ name, status: status as DeviceStatus, at: performance.now() }) },
      // Generous: on a loaded machine the garbage device's answer may come late, and a late answer counts as a timeout.
      heartbeatTimeoutMs: 2000,
      backoff: { initialDelayMs: 20, maxDelayMs: 200 },
      quarantine: { afterFaults: 3, durationMs: QUARANTINE_MS },
    });
    defer(() => hardware.stop());
    hardware.start();
    const of = (id: string) => events.filter((event) => event.status.deviceId === id);
    const codes = (id: string) => of(id).map((event) => event.status.health.lastError?.code ?? null);
    const quarantined = (id: string) => of(id).filter((event) => event.status.health.state === 'quarantined');

    // The healthy relay is driven all along.
    await hardware.whenConnected('amplifier');
    let toggles = 0;
    const driving = (async () => {
      while (quarantined('garbled').length === 0 || quarantined('stalled').length === 0 || quarantined('flooded').length === 0) {
        toggles += 1;
        await hardware.device('amplifier').set(1, toggles % 2 === 1);
        await relayBoard.waitFor((m) => m.channel === 1 && m.state === toggles % 2 && relayBoard.messages.filter((n) => 'channel' in n).length >= toggles + 1, `relay toggle ${toggles}`);
      }
    })();

    await until(() => quarantined('garbled').length > 0 && quarantined('stalled').length > 0 && quarantined('flooded').length > 0, 60_000, 'all three quarantined');
    await driving;
    for (const [id, code] of [
      ['garbled', 'DEVICE_PROTOCOL_ERROR'],
      ['stalled', 'DEVICE_TIMEOUT'],
      ['flooded', 'DEVICE_FLOODING'],
    ] as const) {
      const first = of(id).findIndex((event) => event.status.health.state === 'quarantined');
      const before = of(id)
        .slice(0, first)
        .filter((event) => event.status.health.state === 'retrying');
      // Two faults retried, the third quarantines; every one reported on `hardware:status` with its code.
      expect(
        before.map((event) => event.status.health.lastError?.code),
        id,
      ).toEqual([code, code]);
      expect(of(id).every((event) => event.name === 'hardware:status')).toBe(true);
      expect(quarantined(id)[0]?.status.health.lastError, id).toMatchObject({ code: 'DEVICE_QUARANTINED', message: expect.stringContaining(code) });
    }
    expect(codes('garbled')).toContain('DEVICE_PROTOCOL_ERROR');
    expect(hardware.status('garbled').health.lastError?.message).toMatch(/quarantined|faults in a row/);

    // The flood never piles up: each link is cut within its second's budget (256 bytes) plus one read.
    expect(hardware.status('flooded').health.bytesIn).toBeLessThan(3 * 65_536 + 3 * 256);
    // The relay beside them never noticed.
    expect(toggles).toBeGreaterThan(2);
    expect(hardware.status('amplifier').health).toMatchObject({ state: 'connected', reconnects: 0, lastError: null });
    expect(relayBoard.messages.filter((m) => 'error' in m)).toEqual([]);

    // A quarantined device is left alone for the whole quarantine, then tried once and, flooding still, quarantined again.
    await until(() => quarantined('flooded').length >= 2, 30_000, 'the flooder quarantined again');
    const [firstQuarantine, secondQuarantine] = quarantined('flooded');
    expect((secondQuarantine?.at ?? 0) - (firstQuarantine?.at ?? 0)).toBeGreaterThanOrEqual(QUARANTINE_MS - 50);
    const between = of('flooded').filter((event) => event.at > (firstQuarantine?.at ?? 0) && event.at < (secondQuarantine?.at ?? 0));
    expect(between.filter((event) => event.status.health.state === 'retrying')).toEqual([]);

    // Fixed devices: connect() lifts a quarantine at once (no waiting out the pause). Swapped while both are
    // quarantined (not during the stalled widget's one trial link every QUARANTINE_MS, which fails on its own).
    await until(() => hardware.status('stalled').health.state === 'quarantined' && hardware.status('flooded').health.state === 'quarantined', 10_000, 'both quarantined');
    await floodDevice.stop();
    floodDevice = await fake(flooded.devicePath, 'lcus-relay');
    await stallDevice.stop();
    stallDevice = await fake(stalled.devicePath, 'enttec-dmx-pro');
    const asked = performance.now();
    hardware.connect('flooded');
    hardware.connect('stalled');
    await until(
      () => hardware.status('flooded').health.state === 'connected' && hardware.status('stalled').health.state === 'connected',
      QUARANTINE_MS - 500,
      'both connected before the quarantine would have ended',
    );
    expect(performance.now() - asked).toBeLessThan(QUARANTINE_MS);
    await floodDevice.waitFor((m) => m.channel === 1 && m.state === 0, 'the flooder, fixed, gets its relay state');
    await stallDevice.waitFor((m) => m.serialRequest === true, 'the widget, fixed, answers its heartbeat');
  }, 120_000);
});
