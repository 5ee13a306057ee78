import { createManualClock } from '@vajra-stream/core/testing';
import { describe, expect, it } from 'vitest';
import { enttecDmxPro } from '../drivers/enttec-dmx-pro/enttec-dmx-pro';
import { lcusRelay } from '../drivers/lcus-relay/lcus-relay';
import { serialRng } from '../drivers/serial-rng/serial-rng';
import { createHardware } from '../supervisor/create-hardware';
import { simulatedDmxWidget } from './simulated-dmx-widget';
import { simulatedRelayBoard } from './simulated-relay-board';
import { simulatedRng } from './simulated-rng';
import { simulatedTransport } from './simulated-transport';

const settle = async (clock: ReturnType<typeof createManualClock>, ms = 1) => {
  await clock.advance(ms);
};

describe('simulated devices run the real drivers in-process, deterministically', () => {
  it('relay board: switches, loses its relays when unplugged, gets the wanted state back on replug', async () => {
    const clock = createManualClock();
    const board = simulatedRelayBoard({ channels: 2 });
    const transport = simulatedTransport(board, { clock });
    const hardware = createHardware({ devices: [{ id: 'relay', transport, driver: lcusRelay({ channels: 2 }) }] as const, clock, random: () => 0 });
    hardware.start();
    await settle(clock);
    expect(hardware.status('relay').health.state).toBe('connected');
    await hardware.device('relay').set(2, true);
    expect(board.relays()).toEqual([false, true]);
    transport.unplug();
    await settle(clock, 300);
    expect(hardware.status('relay').health.state).toBe('absent');
    expect(board.relays()).toEqual([false, false]);
    transport.plug();
    await settle(clock, 300);
    expect(hardware.status('relay').health).toMatchObject({ state: 'connected', reconnects: 1 });
    expect(board.relays()).toEqual([false, true]);
    expect(board.rejected()).toBe(0);
    await hardware.stop();
  });

  it('DMX widget: 40 frames per second of kernel time, fades reach the widget, serial number answered', async () => {
    const clock = createManualClock();
    const widget = simulatedDmxWidget({ serialNumber: 0x12345678 });
    const hardware = createHardware({
      devices: [{ id: 'lights', transport: simulatedTransport(widget, { clock }), driver: enttecDmxPro({ channels: 24 }) }] as const,
      clock,
      heartbeatIntervalMs: 500,
    });
    hardware.start();
    await settle(clock);
    const lights = hardware.device('lights');
    const fade = lights.fade({ 1: 200 }, { duration: 1 });
    await clock.advance(500);
    expect(widget.levels()[0]).toBeGreaterThanOrEqual(95);
    expect(widget.levels()[0]).toBeLessThanOrEqual(100);
    await clock.advance(1000);
    await expect(fade).resolves.toEqual({ completed: true });
    expect(widget.levels()).toHaveLength(24);
    expect(widget.levels()[0]).toBe(200);
    // 1.5 s at 40 fps, plus the frame sent on connect.
    expect(widget.frames()).toBe(61);
    expect(lights.stats().serialNumber).toBe('12345678');
    await hardware.stop();
  });

  it('RNG: the same seed gives the same bytes and the same statistics; OneRNG starts on cmdO', async () => {
    const run = async (seed: number) => {
      const clock = createManualClock();
      const source = simulatedRng({ model: 'onerng', seed });
      const hardware = createHardware({ devices: [{ id: 'rng', transport: simulatedTransport(source, { clock }), driver: serialRng({ model: 'onerng', windowTrials: 10 }) }] as const, clock });
      hardware.start();
      await clock.advance(5000);
      const api = hardware.device('rng');
      const result = { commands: source.commands(), raw: [...api.rawBytes()], summary: api.summary() };
      await hardware.stop();
      return result;
    };
    const first = await run(3);
    const again = await run(3);
    const other = await run(4);
    expect(first.commands).toEqual(['cmdo', 'cmd0', 'cmdw', 'cmdO']);
    expect(first.raw.length).toBe(10_000);
    expect(again).toEqual(first);
    expect(other.raw).not.toEqual(first.raw);
    expect(first.summary.trials).toBe(400);
  });
});
