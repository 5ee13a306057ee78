import { EventEmitter } from 'node:events';
import { parseInput } from '@vajra-stream/core';
import firmataIo from 'firmata-io';
import { z } from 'zod';
import type { DeviceDriver } from '../../driver/device-driver';

type Board = InstanceType<typeof firmataIo.Firmata>;

/**
 * The prayer wheel a Firmata board turns: a motor on a PWM pin, a hall sensor on a digital input.
 *
 * @example
 * ```ts
 * const wheel: FirmataWheelOptions = { motorPin: 9, hallPin: 2, pulsesPerRotation: 4, pullUp: true };
 * const device = { id: 'wheel', transport: serialTransport({ path: '/dev/ttyACM0' }), driver: firmata({ wheel }) };
 * ```
 */
export interface FirmataWheelOptions {
  motorPin: number;
  hallPin: number;
  /** Magnets passing the sensor per rotation (default 1). */
  pulsesPerRotation?: number;
  /** Use the board's pull-up on the sensor pin (default true: open-collector hall sensors). */
  pullUp?: boolean;
}

/**
 * Options of {@link firmata}.
 *
 * @example
 * ```ts
 * const options: FirmataOptions = { outputs: [7, 8], pwm: [5, 6], analogInputs: [0], digitalInputs: [4], samplingIntervalMs: 50 };
 * const device = { id: 'board', transport: serialTransport({ path: '/dev/ttyACM0' }), driver: firmata(options) };
 * ```
 */
export interface FirmataOptions {
  /** Digital outputs (relays, amplifier on/off). */
  outputs?: number[];
  /** PWM outputs (lamp dimming, motor speed). */
  pwm?: number[];
  /** Analog inputs by channel (A0 = 0). */
  analogInputs?: number[];
  /** Digital inputs (pins). */
  digitalInputs?: number[];
  wheel?: FirmataWheelOptions;
  /** Analog sampling interval in ms (default: the firmware's, 19 ms). */
  samplingIntervalMs?: number;
}

/**
 * The wheel of a Firmata board.
 *
 * @example
 * ```ts
 * const wheel: FirmataWheelApi | null = hardware.device('wheel').wheel;
 * await wheel?.setSpeed(0.4); // 40 % of full PWM
 * wheel?.onRotation((rotations) => console.log(`+${rotations}, ${wheel.rotations()} in all`));
 * ```
 */
export interface FirmataWheelApi {
  /** Motor speed as a fraction of full PWM, 0–1 (kept across reconnects). */
  setSpeed(fraction: number): Promise<{ applied: boolean }>;
  speed(): number;
  /** Whole rotations sensed since the driver started (pulses / pulsesPerRotation). */
  rotations(): number;
  /** Called with the number of new whole rotations each time the sensor completes one or more. */
  onRotation(listener: (rotations: number) => void): () => void;
}

/**
 * The api of a `firmata` device.
 *
 * @example
 * ```ts
 * const board: FirmataApi = hardware.device('board');
 * await board.digitalWrite(7, true);
 * await board.pwmWrite(5, 128); // 0–255
 * board.onAnalog((channel, value) => console.log(`A${channel} = ${value}`)); // 0–1023 on an Uno
 * console.log(board.firmware()); // { name: 'StandardFirmata.ino', major: 2, minor: 5 }
 * ```
 */
export interface FirmataApi {
  digitalWrite(pin: number, on: boolean): Promise<{ applied: boolean }>;
  /** PWM duty, 0–255. */
  pwmWrite(pin: number, value: number): Promise<{ applied: boolean }>;
  /** Last reported value of an analog input (0–1023 on an Uno), or `null` before its first report. */
  analogValue(channel: number): number | null;
  digitalValue(pin: number): 0 | 1 | null;
  onAnalog(listener: (channel: number, value: number) => void): () => void;
  onDigital(listener: (pin: number, value: 0 | 1) => void): () => void;
  /** Firmware name and version from the handshake. */
  firmware(): { name: string; major: number; minor: number } | null;
  wheel: FirmataWheelApi | null;
}

const pin = z.number().int().min(0).max(127);
const optionsSchema = z
  .object({
    outputs: z.array(pin).default([]),
    pwm: z.array(pin).default([]),
    analogInputs: z.array(z.number().int().min(0).max(15)).default([]),
    digitalInputs: z.array(pin).default([]),
    wheel: z
      .object({ motorPin: pin, hallPin: pin, pulsesPerRotation: z.number().int().min(1).max(64).default(1), pullUp: z.boolean().default(true) })
      .strict()
      .optional(),
    samplingIntervalMs: z.number().int().min(1).max(16383).optional(),
  })
  .strict();

/** Bytes a healthy StandardFirmata never lets pile up: a longer unfinished message is a flood. */
const MAX_PENDING = 4096;

/**
 * Driver of a stock Arduino running StandardFirmata (57600 baud), through firmata-io: digital outputs,
 * PWM, analog and digital input reports, and a motorised prayer wheel whose hall-sensor rotations are
 * counted one by one. Outputs and reports are set again after every reconnect; the heartbeat is a
 * firmware query.
 *
 * @example
 * ```ts
 * const device = { id: 'wheel-board', transport: serialTransport({ path }), driver: firmata({ wheel: { motorPin: 9, hallPin: 2 } }) };
 * await hardware.device('wheel-board').wheel?.setSpeed(0.4);
 * ```
 */
export function firmata(options: FirmataOptions = {}): DeviceDriver<FirmataApi> {
  const config = parseInput(optionsSchema, options, 'Firmata options');
  return {
    specificationVersion: 'v1',
    kind: 'firmata',
    serial: { baudRate: 57600 },
    // 57 600 baud carries at most 5 760 bytes a second; boards with native USB may send faster.
    maxBytesPerSecond: 16_384,
    create(ctx) {
      const digitalOut = new Map<number, boolean>(config.outputs.map((each) => [each, false]));
      const pwmOut = new Map<number, number>(config.pwm.map((each) => [each, 0]));
      if (config.wheel) pwmOut.set(config.wheel.motorPin, 0);
      const analogValues = new Map<number, number>();
      const digitalValues = new Map<number, 0 | 1>();
      const analogListeners = new Set<(channel: number, value: number) => void>();
      const digitalListeners = new Set<(pin: number, value: 0 | 1) => void>();
      const rotationListeners = new Set<(rotations: number) => void>();
      let pulses = 0;
      let hallLevel: 0 | 1 | null = null;
      let board: Board | undefined;
      let bridge: EventEmitter | undefined;
      let firmware: { name: string; major: number; minor: number } | null = null;

      const notify = <A extends unknown[]>(listeners: Set<(...args: A) => void>, ...args: A) => {
        for (const listener of listeners) {
          try {
            listener(...args);
          } catch (error) {
            ctx.logger.warn('Firmata listener failed', { deviceId: ctx.deviceId, error });
          }
        }
      };

      const onHall = (value: 0 | 1) => {
        const wheel = config.wheel;
        if (wheel === undefined) return;
        // A magnet pulls an open-collector sensor low: count falling edges with a pull-up, rising without.
        const edge = wheel.pullUp ? hallLevel === 1 && value === 0 : hallLevel === 0 && value === 1;
        hallLevel = value;
        if (!edge) return;
        const before = Math.floor(pulses / wheel.pulsesPerRotation);
        pulses += 1;
        const added = Math.floor(pulses / wheel.pulsesPerRotation) - before;
        if (added > 0) notify(rotationListeners, added);
      };

      const live = (): Board | undefined => (board?.isReady && ctx.connected() ? board : undefined);

      const applyState = (ready: Board) => {
        for (const [each, on] of digitalOut) {
          ready.pinMode(each, ready.MODES.OUTPUT);
          ready.digitalWrite(each, on ? 1 : 0);
        }
        for (const [each, value] of pwmOut) {
          ready.pinMode(each, ready.MODES.PWM);
          ready.pwmWrite(each, value);
        }
        const inputs = new Set(config.digitalInputs);
        if (config.wheel) {
          hallLevel = null;
          ready.pinMode(config.wheel.hallPin, config.wheel.pullUp ? ready.MODES.PULLUP : ready.MODES.INPUT);
          ready.reportDigitalPin(config.wheel.hallPin, 1);
        }
        for (const each of inputs) {
          ready.pinMode(each, ready.MODES.INPUT);
          ready.reportDigitalPin(each, 1);
        }
        for (const channel of config.analogInputs) ready.reportAnalogPin(channel, 1);
        if (config.samplingIntervalMs !== undefined) ready.setSamplingInterval(config.samplingIntervalMs);
      };

      const wire = (created: Board) => {
        created.on('analog-read', ({ pin: channel, value }: { pin: number; value: number }) => {
          if (!config.analogInputs.includes(channel)) return;
          analogValues.set(channel, value);
          notify(analogListeners, channel, value);
        });
        created.on('digital-read', ({ pin: which, value }: { pin: number; value: 0 | 1 }) => {
          if (config.wheel?.hallPin === which) onHall(value);
          if (!config.digitalInputs.includes(which)) return;
          if (digitalValues.get(which) === value) return;
          digitalValues.set(which, value);
          notify(digitalListeners, which, value);
        });
      };

      const checkedPin = (value: unknown, allowed: Map<number, unknown>, what: string) =>
        parseInput(
          pin.refine((each) => allowed.has(each), { message: `not one of the configured ${what} pins (${[...allowed.keys()].join(', ') || 'none'})` }),
          value,
          `${what} pin`,
        );

      const api: FirmataApi = {
        async digitalWrite(which, on) {
          const target = checkedPin(which, digitalOut, 'output');
          digitalOut.set(target, parseInput(z.boolean(), on, 'output state'));
          const ready = live();
          ready?.digitalWrite(target, on ? 1 : 0);
          return { applied: ready !== undefined };
        },
        async pwmWrite(which, value) {
          const target = checkedPin(which, pwmOut, 'PWM');
          pwmOut.set(target, parseInput(z.number().int().min(0).max(255), value, 'PWM value'));
          const ready = live();
          ready?.pwmWrite(target, value);
          return { applied: ready !== undefined };
        },
        analogValue: (channel) => analogValues.get(channel) ?? null,
        digitalValue: (which) => digitalValues.get(which) ?? null,
        onAnalog(listener) {
          analogListeners.add(listener);
          return () => void analogListeners.delete(listener);
        },
        onDigital(listener) {
          digitalListeners.add(listener);
          return () => void digitalListeners.delete(listener);
        },
        firmware: () => firmware,
        wheel: config.wheel
          ? {
              async setSpeed(fraction) {
                const value = Math.round(parseInput(z.number().min(0).max(1), fraction, 'wheel speed') * 255);
                const motor = (config.wheel as FirmataWheelOptions).motorPin;
                pwmOut.set(motor, value);
                const ready = live();
                ready?.pwmWrite(motor, value);
                return { applied: ready !== undefined };
              },
              speed: () => (pwmOut.get((config.wheel as FirmataWheelOptions).motorPin) ?? 0) / 255,
              rotations: () => Math.floor(pulses / (config.wheel as { pulsesPerRotation: number }).pulsesPerRotation),
              onRotation(listener) {
                rotationListeners.add(listener);
                return () => void rotationListeners.delete(listener);
              },
            }
          : null,
      };

      return {
        api,
        onConnect: () =>
          new Promise<void>((resolve, reject) => {
            const link = new EventEmitter();
            link.on('error', () => undefined);
            const transport = Object.assign(link, {
              write(data: Buffer, callback?: () => void) {
                ctx.write(new Uint8Array(data)).then(
                  () => callback?.(),
                  () => callback?.(),
                );
              },
            });
            bridge = link;
            // Ask for the version at once (a board that does not reset on open never announces it).
            const created = new firmataIo.Firmata(transport, { reportVersionTimeout: 1 });
            board = created;
            created.on('error', (error: Error) => reject(error));
            wire(created);
            created.once('ready', () => {
              firmware = { name: created.firmware.name ?? '', major: created.firmware.version?.major ?? 0, minor: created.firmware.version?.minor ?? 0 };
              try {
                applyState(created);
                resolve();
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            });
          }),
        onData(bytes) {
          bridge?.emit('data', Buffer.from(bytes));
          if ((board?.buffer.length ?? 0) > MAX_PENDING) throw new Error(`more than ${MAX_PENDING} bytes without a complete Firmata message`);
        },
        onDisconnect() {
          board?.removeAllListeners();
          bridge?.removeAllListeners();
          board = undefined;
          bridge = undefined;
        },
        heartbeat: () =>
          new Promise<void>((resolve, reject) => {
            const ready = live();
            if (ready === undefined) {
              reject(new Error('the Firmata board is not ready'));
              return;
            }
            ready.queryFirmware(() => resolve());
          }),
      };
    },
  };
}
