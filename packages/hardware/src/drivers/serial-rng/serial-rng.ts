import { parseInput } from '@vajra-stream/core';
import { z } from 'zod';
import type { DeviceDriver } from '../../driver/device-driver';
import { createRngStatistics, type RngPeriod, type RngSummary, type RngWindow } from './rng-statistics';

/**
 * TrueRNGpro and TrueRNGproV2 output modes and the baud rate that selects each (ubld.it, "How-To Change
 * TrueRNGpro's Mode", and its mode-change example: `unwhitened` and the two ASCII modes are V2 only).
 * The driver selects the mode with the documented "knock": the line speed set to 110, 300, 110 baud and
 * then to the mode's rate. A plain TrueRNG has one mode and ignores line speeds.
 * @example
 * ```ts
 * const baudRate = trueRngModes.normal; // 300: both generators combined, whitened
 * ```
 */
export const trueRngModes = {
  normal: 300,
  'power-supply-debug': 1200,
  'rng-debug': 2400,
  'rng1-white': 4800,
  'rng2-white': 9600,
  'raw-binary': 19200,
  'raw-ascii': 38400,
  unwhitened: 57600,
  'normal-ascii': 115200,
  'normal-ascii-slow': 230400,
} as const;

/**
 * The line speeds that announce a TrueRNGpro mode change; the next speed set is the mode's.
 * @example
 * ```ts
 * const speeds = [...trueRngKnock, trueRngModes['raw-binary']]; // 110, 300, 110, 19200
 * ```
 */
export const trueRngKnock = [110, 300, 110] as const;

/**
 * OneRNG noise sources: the digit of `cmd<digit>`, a bit mask in the firmware (bit 0 turns the CRC
 * whitener off, bit 1 turns the RF source on, bit 2 turns the avalanche source off).
 * @example
 * ```ts
 * const mode = oneRngModes['avalanche-whitened']; // sent as `cmd0`
 * ```
 */
export const oneRngModes = {
  'avalanche-whitened': 0,
  avalanche: 1,
  'avalanche-rf-whitened': 2,
  'avalanche-rf': 3,
  'rf-whitened': 6,
  rf: 7,
} as const;

/**
 * Options of {@link serialRng}.
 *
 * @example
 * ```ts
 * const options: SerialRngOptions = { model: 'onerng', mode: 'avalanche', windowTrials: 120, maxRawBytes: 1 << 16 };
 * const device = { id: 'rng', transport: serialTransport({ path: '/dev/ttyACM0' }), driver: serialRng(options) };
 * ```
 */
export type SerialRngOptions =
  | {
      model: 'truerng';
      mode?: keyof typeof trueRngModes;
      /** How long each speed of the mode knock is held, and the mode's before data counts (default 100 ms). */
      knockStepMs?: number;
      windowTrials?: number;
      maxRawBytes?: number;
    }
  | { model: 'onerng'; mode?: keyof typeof oneRngModes; windowTrials?: number; maxRawBytes?: number };

/**
 * A window of RNG statistics, as published on `hardware:rng`. Readings carry no claim about causes.
 *
 * @example
 * ```ts
 * vajra.events.on('hardware:rng', (reading: RngReading) => {
 *   console.log(`${reading.deviceId} #${reading.index} (${reading.period}): Z = ${reading.stoufferZ.toFixed(2)}, p = ${reading.p.toFixed(3)}, ${reading.interpretation}`);
 * });
 * ```
 */
export interface RngReading extends RngWindow {
  deviceId: string;
}

/**
 * The api of a `serial-rng` device.
 *
 * @example
 * ```ts
 * const rng: SerialRngApi = hardware.device('rng');
 * rng.mark('intention'); // a session starts
 * const stop = rng.onWindow((window) => console.log(window.stoufferZ));
 * rng.mark('control'); // it ended
 * console.log(rng.summary('intention').p, rng.bytesReceived());
 * stop();
 * ```
 */
export interface SerialRngApi {
  readonly model: 'truerng' | 'onerng';
  /** Label the readings from now on: `intention` during a session, `control` otherwise. */
  mark(period: RngPeriod): void;
  period(): RngPeriod;
  /** Summary of every kept trial, or of one period's. */
  summary(period?: RngPeriod): RngSummary;
  /** The most recent windows, oldest first. */
  windows(limit?: number): RngWindow[];
  /** The raw bytes kept (most recent, up to `maxRawBytes`). */
  rawBytes(): Uint8Array;
  bytesReceived(): number;
  /** Called with every completed window; returns the unsubscribe function. */
  onWindow(listener: (window: RngWindow) => void): () => void;
}

/** Options both models share: trials per statistics window and how many raw bytes are kept. */
const statisticsOptions = {
  windowTrials: z.number().int().min(1).max(100_000).default(60),
  maxRawBytes: z
    .number()
    .int()
    .min(25)
    .max(64 << 20)
    .default(1 << 20),
};

const optionsSchema = z.discriminatedUnion('model', [
  z
    .object({
      model: z.literal('truerng'),
      mode: z.enum(Object.keys(trueRngModes) as [keyof typeof trueRngModes]).default('normal'),
      knockStepMs: z.number().int().min(0).max(1000).default(100),
      ...statisticsOptions,
    })
    .strict(),
  z
    .object({
      model: z.literal('onerng'),
      mode: z.enum(Object.keys(oneRngModes) as [keyof typeof oneRngModes]).default('avalanche-whitened'),
      ...statisticsOptions,
    })
    .strict(),
]);

const ascii = (text: string) => new TextEncoder().encode(text);

/**
 * Driver of hardware random number generators on a serial port: TrueRNG (the port opened at 110 baud,
 * then set to 300, 110 and the mode's rate, each held `knockStepMs`: the TrueRNGpro's mode knock) and
 * OneRNG (`cmdo`, `cmd<mode>`, `cmdw`, `cmdO` on connect to stop, select the source, flush, start).
 * Bytes that arrive before the mode is selected are not counted. Every
 * 200 bits make a trial; every `windowTrials` trials make a window with Stouffer's Z and its p-value.
 * |Z| < 1.96 is reported as consistent with chance; no reading claims a cause.
 *
 * @example
 * ```ts
 * const device = { id: 'rng', transport: serialTransport({ path: '/dev/ttyACM0' }), driver: serialRng({ model: 'truerng' }) };
 * hardware.device('rng').onWindow((window) => console.log(window.stoufferZ, window.p, window.interpretation));
 * ```
 */
export function serialRng(options: SerialRngOptions): DeviceDriver<SerialRngApi> {
  const parsed = parseInput(optionsSchema, options, 'serial RNG options');
  return {
    specificationVersion: 'v1',
    kind: 'serial-rng',
    serial: { baudRate: parsed.model === 'truerng' ? trueRngKnock[0] : 9600 },
    // A TrueRNGpro streams about 400 kB/s, a OneRNG or TrueRNG far less.
    maxBytesPerSecond: 2 << 20,
    create(ctx) {
      const statistics = createRngStatistics({ windowTrials: parsed.windowTrials, maxRawBytes: parsed.maxRawBytes, now: ctx.clock.now });
      const listeners = new Set<(window: RngWindow) => void>();
      let arrived: (() => void) | undefined;
      // Bytes of the mode the device was in before the knock are not this mode's: not counted.
      let selecting = false;
      const pause = (ms: number) => new Promise<void>((resolve) => ctx.clock.setTimeout(resolve, ms));
      const selectTrueRngMode = async (mode: keyof typeof trueRngModes, stepMs: number): Promise<void> => {
        if (!ctx.hasLineSpeed()) {
          ctx.logger.info('TrueRNG mode not selected: the link has no line speed (TCP or simulated)', { deviceId: ctx.deviceId, mode });
          return;
        }
        selecting = true;
        try {
          // Opened at the first speed of the knock; the rest follow, each held a step.
          for (const speed of [...trueRngKnock.slice(1), trueRngModes[mode]]) {
            await pause(stepMs);
            await ctx.setBaudRate(speed);
          }
          await pause(stepMs);
        } finally {
          selecting = false;
        }
      };
      return {
        api: {
          model: parsed.model,
          mark: (period) => statistics.mark(parseInput(z.enum(['control', 'intention']), period, 'RNG period')),
          period: statistics.period,
          summary: (period) => statistics.summary(period),
          windows: (limit) => statistics.windows(limit),
          rawBytes: statistics.rawBytes,
          bytesReceived: statistics.bytesReceived,
          onWindow(listener) {
            listeners.add(listener);
            return () => void listeners.delete(listener);
          },
        },
        async onConnect() {
          if (parsed.model === 'truerng') {
            await selectTrueRngMode(parsed.mode, parsed.knockStepMs);
            return;
          }
          for (const command of ['cmdo', `cmd${oneRngModes[parsed.mode]}`, 'cmdw', 'cmdO']) await ctx.write(ascii(`${command}\n`));
        },
        onData(bytes) {
          if (selecting) return;
          arrived?.();
          for (const window of statistics.push(bytes)) {
            for (const listener of listeners) {
              try {
                listener(window);
              } catch (error) {
                ctx.logger.warn('RNG window listener failed', { deviceId: ctx.deviceId, error });
              }
            }
          }
        },
        /** An RNG streams without pause: the heartbeat is the next byte. */
        heartbeat: () => new Promise<void>((resolve) => (arrived = resolve)),
      };
    },
  };
}
