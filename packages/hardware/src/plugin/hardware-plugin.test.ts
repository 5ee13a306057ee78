import { createVajra, silentLogger, type VajraEvents } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { describe, expect, it } from 'vitest';
import { hardwarePlugin } from './hardware-plugin';

const START = Date.UTC(2026, 10, 24, 6, 0, 0);

async function kernel(config: Record<string, unknown>) {
  const clock = createManualClock(START);
  const vajra = createVajra({ plugins: [hardwarePlugin()], logger: silentLogger, env: {}, clock, config: { hardware: config } });
  const outputs: Array<VajraEvents['hardware:output'] & { t: number }> = [];
  const readings: Array<VajraEvents['hardware:rng']> = [];
  vajra.events.on('hardware:output', (event) => void outputs.push({ ...event, t: clock.now() - START }));
  vajra.events.on('hardware:rng', (event) => void readings.push(event));
  await vajra.start();
  await clock.advance(20);
  return { vajra, clock, outputs, readings };
}

describe('hardwarePlugin on the simulated standard room', () => {
  it('level 3: amplifier from creation until fade-out plus post-roll, transducer, lights and wheel motor with the session', async () => {
    const { vajra, clock, outputs, readings } = await kernel({ level: 3, amplifierConnected: true, preRoll: 2, postRoll: 5, fadeOut: 3 });
    try {
      const hardware = vajra.plugin('hardware');
      expect(hardware.devices().map((d) => [d.deviceId, d.driver, d.transport.kind, d.health.state])).toEqual([
        ['relay', 'lcus-relay', 'simulated', 'connected'],
        ['dmx', 'enttec-dmx-pro', 'simulated', 'connected'],
        ['rng', 'serial-rng', 'simulated', 'connected'],
        ['wheel', 'firmata', 'simulated', 'connected'],
      ]);
      const wheel = await vajra.wheels.create({ mantra: 'chenrezig', copiesPerRotation: 1000, rpm: 1 });
      expect(hardware.mapWheel(wheel.id)).toEqual({ wheelId: wheel.id, pendingRotations: 0 });
      const session = await vajra.sessions.create({ intention: 'peace for all beings', duration: 60 });
      await clock.advance(2000);
      expect(outputs.map((o) => [o.output, o.value, o.t])).toEqual([['amplifier', true, 20]]);
      await vajra.sessions.start(session.id);
      await clock.advance(10);
      expect(hardware.outputs()).toEqual({ amplifier: true, transducer: true, lights: 180, wheel: 0.5 });
      await clock.advance(60_000);
      // The simulated wheel turns at 30 rpm × 0.5 for the minute: 15 rotations, added exactly.
      expect((await vajra.wheels.get(wheel.id)).rotations).toBe('15');
      expect((await vajra.sessions.get(session.id)).status).toBe('completed');
      const ended = clock.now() - START;
      await clock.advance(8000);
      const off = outputs.find((o) => o.output === 'amplifier' && o.value === false);
      // Off 3 s of fade-out plus 5 s of post-roll after the session ended (within the advance step).
      expect(off?.t).toBeGreaterThanOrEqual(ended - 10 + 8000);
      expect(off?.t).toBeLessThanOrEqual(ended + 8000);
      expect(hardware.outputs()).toEqual({ amplifier: false, transducer: false, lights: 0, wheel: 0 });
      expect(readings.some((r) => r.period === 'intention')).toBe(true);
      const report = hardware.rng();
      expect(report.intention.trials).toBeGreaterThan(0);
      expect(report.all.bits).toBe(report.all.trials * 200);
    } finally {
      await vajra.stop();
    }
  });

  it('level 0 drives nothing; setLevel and device commands are validated against each driver', async () => {
    const { vajra, clock, outputs } = await kernel({ level: 0 });
    try {
      const hardware = vajra.plugin('hardware');
      const session = await vajra.sessions.create({ intention: 'x', duration: 10 });
      await vajra.sessions.start(session.id);
      await clock.advance(100);
      expect(outputs.filter((o) => o.output !== 'wheel')).toEqual([]);
      expect(hardware.setLevel({ level: 1, amplifierConnected: true })).toMatchObject({ amplifier: true, transducer: false, lights: false });
      expect(hardware.outputs().amplifier).toBe(true);
      expect(await hardware.command('relay', { type: 'relay', channel: 2, on: true })).toEqual({ channel: 2, on: true, applied: true });
      expect(await hardware.command('dmx', { type: 'dmx', levels: { '3': 99 } })).toEqual({ applied: true });
      await expect(hardware.command('relay', { type: 'dmx', levels: {} })).rejects.toMatchObject({ code: 'DEVICE_UNSUPPORTED_COMMAND', status: 422 });
      await expect(hardware.command('nope', { type: 'relay', channel: 1, on: true })).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
      await expect(hardware.command('relay', { type: 'relay', channel: 1, on: 'yes' } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(() => hardware.setLevel({ level: 4 } as never)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    } finally {
      await vajra.stop();
    }
  });

  it('reads VAJRA_HARDWARE__* variables: level, amplifier and real ports', async () => {
    const vajra = createVajra({
      plugins: [hardwarePlugin()],
      logger: silentLogger,
      clock: createManualClock(START),
      env: { VAJRA_HARDWARE__LEVEL: '2', VAJRA_HARDWARE__AMPLIFIER_CONNECTED: 'true', VAJRA_HARDWARE__PORTS__RELAY: 'tcp://127.0.0.1:9', VAJRA_HARDWARE__SIMULATE: 'false' },
    });
    await vajra.start();
    try {
      const hardware = vajra.plugin('hardware');
      expect(hardware.level()).toMatchObject({ level: 2, amplifier: true, transducer: true });
      // the room's devices are shared: their events go to every subscriber, like GET /api/v1/hardware to any principal
      expect(['hardware:status', 'hardware:output', 'hardware:rng'].every((name) => vajra.isPublicEvent(name))).toBe(true);
      expect(hardware.devices().map((d) => [d.deviceId, d.transport])).toEqual([['relay', { kind: 'tcp', address: '127.0.0.1:9' }]]);
    } finally {
      await vajra.stop();
    }
  });
});
