import type { Clock, TimerHandle } from '@vajra-stream/core';
import { createSeededRandom } from '@vajra-stream/core/testing';
import type { SimulatedDevice } from './simulated-transport';

/**
 * Options of {@link simulatedFirmataBoard}.
 *
 * @example
 * ```ts
 * const options: SimulatedFirmataBoardOptions = { seed: 3, wheel: { motorPin: 9, hallPin: 2, pulsesPerRotation: 4, maxRpm: 20 } };
 * const board = simulatedFirmataBoard(options);
 * const device = { id: 'wheel', transport: simulatedTransport(board), driver: firmata({ wheel: { motorPin: 9, hallPin: 2, pulsesPerRotation: 4 } }) };
 * ```
 */
export interface SimulatedFirmataBoardOptions {
  seed?: number;
  /** A motorised wheel: its motor on `motorPin` (PWM), its hall sensor pulling `hallPin` low per magnet. */
  wheel?: { motorPin: number; hallPin: number; pulsesPerRotation?: number; maxRpm?: number };
}

/**
 * A simulated Arduino Uno with StandardFirmata, and what its pins are doing.
 *
 * @example
 * ```ts
 * const board: SimulatedFirmataBoard = simulatedFirmataBoard({ wheel: { motorPin: 9, hallPin: 2 } });
 * const hardware = createHardware({ devices: [{ id: 'wheel', transport: simulatedTransport(board), driver: firmata({ wheel: { motorPin: 9, hallPin: 2 } }) }] as const });
 * hardware.start();
 * await hardware.whenConnected('wheel');
 * await hardware.device('wheel').wheel?.setSpeed(0.5);
 * board.pwm(); // { 9: 128 } (0–255)
 * board.wheelRotations(); // grows with the motor's speed
 * ```
 */
export interface SimulatedFirmataBoard extends SimulatedDevice {
  pinModes(): Record<number, number>;
  /** Levels of digital outputs by pin. */
  digitalOutputs(): Record<number, 0 | 1>;
  pwm(): Record<number, number>;
  /** Whole rotations the simulated wheel has turned (sensed or not). */
  wheelRotations(): number;
}

const PWM_PINS = new Set([3, 5, 6, 9, 10, 11]);
const PIN_COUNT = 20;
const FIRST_ANALOG_PIN = 14;
const TICK_MS = 10;

const sysex = (command: number, body: number[]) => [0xf0, command, ...body, 0xf7];
const sevenBit = (text: string) => [...text].flatMap((character) => [character.charCodeAt(0) & 0x7f, (character.charCodeAt(0) >> 7) & 0x7f]);

/**
 * An in-process Arduino Uno running StandardFirmata 2.5: the handshake (version, firmware, capabilities,
 * analog mapping), pin modes, digital and PWM outputs, analog and digital reports, and an optional
 * motorised prayer wheel whose sensor pulses follow the motor's PWM on the kernel clock.
 *
 * @example
 * ```ts
 * const board = simulatedFirmataBoard({ wheel: { motorPin: 9, hallPin: 2 } });
 * ```
 */
export function simulatedFirmataBoard(options: SimulatedFirmataBoardOptions = {}): SimulatedFirmataBoard {
  const random = createSeededRandom(options.seed ?? 1);
  const wheel = options.wheel === undefined ? undefined : { pulsesPerRotation: 1, maxRpm: 30, ...options.wheel };
  const modes: Record<number, number> = {};
  const outputs: Record<number, 0 | 1> = {};
  const pwm: Record<number, number> = {};
  const reportedPorts = new Set<number>();
  const reportedChannels = new Set<number>();
  let inputs = Array.from({ length: PIN_COUNT }, () => 1 as 0 | 1);
  let send: ((bytes: Uint8Array) => void) | undefined;
  let clock: Clock | undefined;
  let timer: TimerHandle | undefined;
  let pending: number[] = [];
  let phase = 0;
  let rotations = 0;
  let sinceAnalog = 0;

  const out = (bytes: number[]) => send?.(Uint8Array.from(bytes));
  const reportPort = (port: number) => {
    let value = 0;
    for (let bit = 0; bit < 8; bit += 1) if (inputs[port * 8 + bit] === 1) value |= 1 << bit;
    out([0x90 | port, value & 0x7f, (value >> 7) & 0x7f]);
  };
  const capabilities = () => {
    const body: number[] = [];
    for (let pin = 0; pin < PIN_COUNT; pin += 1) {
      body.push(0x00, 1, 0x01, 1, 0x0b, 1);
      if (PWM_PINS.has(pin)) body.push(0x03, 8);
      if (pin >= FIRST_ANALOG_PIN) body.push(0x02, 10);
      body.push(0x7f);
    }
    return sysex(0x6c, body);
  };
  const mapping = () =>
    sysex(
      0x6a,
      Array.from({ length: PIN_COUNT }, (_, pin) => (pin >= FIRST_ANALOG_PIN ? pin - FIRST_ANALOG_PIN : 0x7f)),
    );
  const firmware = () => sysex(0x79, [2, 5, ...sevenBit('StandardFirmata.ino')]);

  const tick = () => {
    sinceAnalog += TICK_MS;
    if (sinceAnalog >= 100) {
      sinceAnalog = 0;
      for (const channel of reportedChannels) {
        const value = Math.floor(random() * 1024);
        out([0xe0 | channel, value & 0x7f, (value >> 7) & 0x7f]);
      }
    }
    if (wheel === undefined) return;
    // Integer arithmetic (milli-rpm × ms against one rotation's worth), so no rotation is lost to rounding.
    const perRotation = 255 * 60_000 * 1000;
    const pulsesBefore = Math.floor((phase * wheel.pulsesPerRotation) / perRotation);
    phase += (pwm[wheel.motorPin] ?? 0) * Math.round(wheel.maxRpm * 1000) * TICK_MS;
    const pulsesNow = Math.floor((phase * wheel.pulsesPerRotation) / perRotation);
    rotations = Math.floor(phase / perRotation);
    const port = wheel.hallPin >> 3;
    for (let pulse = pulsesBefore; pulse < pulsesNow; pulse += 1) {
      // A magnet passes: the sensor pulls the pin low, then lets it go.
      inputs[wheel.hallPin] = 0;
      if (reportedPorts.has(port)) reportPort(port);
      inputs[wheel.hallPin] = 1;
      if (reportedPorts.has(port)) reportPort(port);
    }
  };

  const handle = (message: number[]) => {
    const [command = 0] = message;
    if (command === 0xf9) out([0xf9, 2, 5]);
    else if (command === 0xf0) {
      const kind = message[1];
      if (kind === 0x79) out(firmware());
      else if (kind === 0x6b) out(capabilities());
      else if (kind === 0x69) out(mapping());
    } else if (command === 0xf4) modes[message[1] as number] = message[2] as number;
    else if ((command & 0xf0) === 0x90) {
      const port = command & 0x0f;
      const value = (message[1] as number) | ((message[2] as number) << 7);
      for (let bit = 0; bit < 8; bit += 1) if (modes[port * 8 + bit] === 1) outputs[port * 8 + bit] = ((value >> bit) & 1) as 0 | 1;
    } else if ((command & 0xf0) === 0xe0) pwm[command & 0x0f] = (message[1] as number) | ((message[2] as number) << 7);
    else if ((command & 0xf0) === 0xc0) message[1] ? reportedChannels.add(command & 0x0f) : reportedChannels.delete(command & 0x0f);
    else if ((command & 0xf0) === 0xd0) {
      if (message[1]) {
        reportedPorts.add(command & 0x0f);
        reportPort(command & 0x0f);
      } else reportedPorts.delete(command & 0x0f);
    }
  };

  const lengthOf = (command: number): number => {
    if (command === 0xf9 || command === 0xff) return 1;
    if ((command & 0xf0) === 0xc0 || (command & 0xf0) === 0xd0) return 2;
    return 3;
  };

  return {
    kind: 'firmata',
    attach(deliver, _settings, kernelClock) {
      send = deliver;
      clock = kernelClock;
      pending = [];
      inputs = inputs.map(() => 1);
      // Opening the port resets an Uno: it announces its version and firmware.
      out([0xf9, 2, 5]);
      out(firmware());
      timer = clock.setInterval(tick, TICK_MS);
    },
    detach() {
      clock?.clearInterval(timer);
      timer = undefined;
      send = undefined;
      reportedPorts.clear();
      reportedChannels.clear();
      for (const pin of Object.keys(pwm)) pwm[Number(pin)] = 0;
    },
    receive(bytes) {
      for (const byte of bytes) {
        if (pending.length === 0 && byte < 0x80) continue;
        pending.push(byte);
        const [command = 0] = pending;
        if (command === 0xf0) {
          if (byte !== 0xf7) continue;
        } else if (pending.length < lengthOf(command)) continue;
        const message = pending;
        pending = [];
        handle(message);
      }
    },
    pinModes: () => ({ ...modes }),
    digitalOutputs: () => ({ ...outputs }),
    pwm: () => ({ ...pwm }),
    wheelRotations: () => rotations,
  };
}
