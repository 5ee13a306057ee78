import { createManualClock } from '@vajra-stream/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDevice } from '../../../test/__fixtures__/fake-device';
import { startSocatPair, until } from '../../../test/__fixtures__/socat-pair';
import { serialTransport } from '../../transport/serial-transport';
import { simulatedFirmataBoard } from '../../simulated/simulated-firmata-board';
import { simulatedTransport } from '../../simulated/simulated-transport';
import { createHardware } from '../../supervisor/create-hardware';
import { firmata } from './firmata';

describe('firmata on a simulated StandardFirmata board', () => {
  it('handshakes, drives outputs and PWM, reads analog reports, and counts wheel rotations from the hall sensor', async () => {
    const clock = createManualClock();
    const board = simulatedFirmataBoard({ seed: 5, wheel: { motorPin: 9, hallPin: 2, pulsesPerRotation: 3, maxRpm: 60 } });
    const hardware = createHardware({
      devices: [
        { id: 'uno', transport: simulatedTransport(board, { clock }), driver: firmata({ outputs: [7], pwm: [5], analogInputs: [0], wheel: { motorPin: 9, hallPin: 2, pulsesPerRotation: 3 } }) },
      ] as const,
      clock,
    });
    hardware.start();
    for (let step = 0; step < 20 && hardware.status('uno').health.state !== 'connected'; step += 1) await clock.advance(5);
    expect(hardware.status('uno').health.state).toBe('connected');
    const uno = hardware.device('uno');
    expect(uno.firmware()).toEqual({ name: 'StandardFirmata.ino', major: 2, minor: 5 });
    expect(board.pinModes()).toMatchObject({ 7: 1, 5: 3, 9: 3, 2: 11 });
    expect(await uno.digitalWrite(7, true)).toEqual({ applied: true });
    expect(await uno.pwmWrite(5, 128)).toEqual({ applied: true });
    expect(board.digitalOutputs()[7]).toBe(1);
    expect(board.pwm()[5]).toBe(128);
    await clock.advance(200);
    expect(uno.analogValue(0)).toEqual(expect.any(Number));
    const counted: number[] = [];
    uno.wheel?.onRotation((rotations) => counted.push(rotations));
    await uno.wheel?.setSpeed(1);
    // 60 rpm at full PWM: one rotation a second, three pulses each.
    await clock.advance(10_000);
    expect(board.wheelRotations()).toBe(10);
    expect(uno.wheel?.rotations()).toBe(10);
    expect(counted.reduce((sum, each) => sum + each, 0)).toBe(10);
    await expect(uno.digitalWrite(8, true)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await hardware.stop();
  });
});

describe('firmata over a real pseudo-terminal', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()?.();
  });

  it('speaks StandardFirmata bytes a fake board decodes, and counts every hall pulse exactly', async () => {
    const socat = await startSocatPair();
    cleanups.push(() => socat.dispose());
    const device = await startFakeDevice(socat.devicePath, 'firmata', { env: { FAKE_HALL_PULSES: '37', FAKE_HALL_PIN: '2', FAKE_MOTOR_PIN: '9' } });
    cleanups.push(() => device.stop());
    const hardware = createHardware({
      devices: [{ id: 'uno', transport: serialTransport({ path: socat.hostPath }), driver: firmata({ outputs: [13], analogInputs: [0], wheel: { motorPin: 9, hallPin: 2 } }) }] as const,
      heartbeatIntervalMs: 200,
    });
    cleanups.push(() => hardware.stop());
    hardware.start();
    await hardware.whenConnected('uno');
    const uno = hardware.device('uno');
    expect(uno.firmware()).toEqual({ name: 'FakeFirmata', major: 2, minor: 5 });
    await device.waitFor((m) => JSON.stringify(m.pinMode) === JSON.stringify({ pin: 13, mode: 1 }));
    await device.waitFor((m) => JSON.stringify(m.pinMode) === JSON.stringify({ pin: 2, mode: 11 }), 'the hall pin as input with pull-up');
    await uno.digitalWrite(13, true);
    // Pin 13 is bit 5 of port 1: 0x20.
    await device.waitFor((m) => JSON.stringify(m.digital) === JSON.stringify({ port: 1, value: 0x20 }));
    await until(() => uno.analogValue(0) === 512, 10_000, 'analog report 512');
    const counted: number[] = [];
    uno.wheel?.onRotation((rotations) => counted.push(rotations));
    await uno.wheel?.setSpeed(0.5);
    await device.waitFor((m) => JSON.stringify(m.pwm) === JSON.stringify({ pin: 9, value: 128 }));
    await until(() => uno.wheel?.rotations() === 37, 10_000, '37 rotations');
    await device.waitFor((m) => m.firmwareQuery === true, 'a heartbeat firmware query');
    expect(counted.reduce((sum, each) => sum + each, 0)).toBe(37);
    expect(hardware.status('uno').health).toMatchObject({ state: 'connected', lastError: null });
  });
});
