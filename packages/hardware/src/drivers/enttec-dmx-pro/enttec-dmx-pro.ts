import { parseInput, type TimerHandle } from '@vajra-stream/core';
import { z } from 'zod';
import type { DeviceDriver } from '../../driver/device-driver';
import { createDmxUniverse, type DmxUniverse } from './dmx-universe';
import { createEnttecParser, enttecDmxFrame, enttecMessage, ENTTEC_GET_SERIAL } from './enttec-frame';

/**
 * Options of {@link enttecDmxPro}.
 *
 * @example
 * ```ts
 * const options: EnttecDmxProOptions = { channels: 48, refreshHz: 30 }; // frames per second
 * const device = { id: 'lights', transport: serialTransport({ path: '/dev/ttyUSB1' }), driver: enttecDmxPro(options) };
 * ```
 */
export interface EnttecDmxProOptions {
  /** Channels sent in each frame, 24 to 512 (default 512). */
  channels?: number;
  /** Frames per second sent while connected (default 40). */
  refreshHz?: number;
}

/**
 * Counters of a DMX output.
 *
 * @example
 * ```ts
 * const stats: DmxOutputStats = hardware.device('lights').stats();
 * // { framesSent: 2400, framesSkipped: 0, serialNumber: '12345678', garbageBytes: 0 } after a minute at 40 Hz
 * ```
 */
export interface DmxOutputStats {
  /** Frames handed to the operating system. */
  framesSent: number;
  /** Refresh ticks skipped because the previous frame was still being written. */
  framesSkipped: number;
  /** The widget's serial number (from its label-10 reply), once known. */
  serialNumber: string | null;
  /** Bytes from the widget that were not a valid reply. */
  garbageBytes: number;
}

/**
 * The api of an `enttec-dmx-pro` device: a universe of levels with fades, refreshed continuously.
 *
 * @example
 * ```ts
 * const lights: EnttecDmxProApi = hardware.device('lights');
 * lights.set({ 1: 255, 2: 40 });
 * await lights.fade({ 1: 0, 2: 0 }, { duration: 5 }); // seconds
 * console.log(lights.stats().framesSent);
 * ```
 */
export interface EnttecDmxProApi extends DmxUniverse {
  stats(): DmxOutputStats;
}

const optionsSchema = z.object({ channels: z.number().int().min(24).max(512).default(512), refreshHz: z.number().min(1).max(44).default(40) }).strict();

/**
 * Driver of the Enttec DMX USB Pro (and compatible widgets): label-6 frames `7E 06 <len> 00 <levels> E7`
 * sent continuously at `refreshHz` (DMX fixtures black out when frames stop), the wanted levels kept
 * across reconnects, and a label-10 serial-number request as heartbeat.
 *
 * @example
 * ```ts
 * const device = { id: 'lights', transport: serialTransport({ path }), driver: enttecDmxPro({ channels: 24 }) };
 * await hardware.device('lights').fade({ 1: 255, 2: 128 }, { duration: 3 });
 * ```
 */
export function enttecDmxPro(options: EnttecDmxProOptions = {}): DeviceDriver<EnttecDmxProApi> {
  const { channels, refreshHz } = parseInput(optionsSchema, options, 'DMX options');
  return {
    specificationVersion: 'v1',
    kind: 'enttec-dmx-pro',
    serial: { baudRate: 57600 },
    // The widget only answers requests (a 9-byte serial number per heartbeat).
    maxBytesPerSecond: 4096,
    create(ctx) {
      const universe = createDmxUniverse({ channels, clock: ctx.clock });
      const parser = createEnttecParser();
      const counters: DmxOutputStats = { framesSent: 0, framesSkipped: 0, serialNumber: null, garbageBytes: 0 };
      const periodMs = 1000 / refreshHz;
      let refresh: TimerHandle | undefined;
      let due = 0;
      let writing = false;
      let answered: (() => void) | undefined;
      const stopRefresh = () => {
        ctx.clock.clearTimeout(refresh);
        refresh = undefined;
      };
      const send = () => {
        if (writing) {
          counters.framesSkipped += 1;
          return;
        }
        writing = true;
        ctx
          .write(enttecDmxFrame(universe.render()))
          .then(() => void (counters.framesSent += 1))
          .catch(() => undefined)
          .finally(() => void (writing = false));
      };
      // Frames are due on a fixed grid (connect time + n × period), not 'period after the last one': an
      // interval timer drifts by every callback's lateness and would fall short of refreshHz. A tick more
      // than a period late skips the frames it missed.
      const schedule = () => {
        const now = ctx.clock.now();
        due += periodMs;
        if (now - due > periodMs) {
          counters.framesSkipped += Math.floor((now - due) / periodMs);
          due = now;
        }
        refresh = ctx.clock.setTimeout(
          () => {
            send();
            schedule();
          },
          Math.max(0, due - now),
        );
      };
      return {
        api: { ...universe, stats: () => ({ ...counters }) },
        async onConnect() {
          stopRefresh();
          send();
          due = ctx.clock.now();
          schedule();
        },
        onDisconnect: stopRefresh,
        onData(bytes) {
          const { messages, garbage } = parser.push(bytes);
          counters.garbageBytes += garbage;
          for (const message of messages) {
            if (message.label !== ENTTEC_GET_SERIAL || message.data.length !== 4) continue;
            // The serial number is four BCD bytes, least significant first.
            counters.serialNumber = [...message.data]
              .reverse()
              .map((byte) => byte.toString(16).padStart(2, '0'))
              .join('');
            answered?.();
          }
          if (garbage > 64) throw new Error(`${garbage} bytes of garbage from the DMX widget`);
        },
        heartbeat: () =>
          new Promise<void>((resolve, reject) => {
            answered = resolve;
            ctx.write(enttecMessage(ENTTEC_GET_SERIAL, new Uint8Array(0))).catch(reject);
          }),
        dispose() {
          stopRefresh();
          universe.dispose();
        },
      };
    },
  };
}
