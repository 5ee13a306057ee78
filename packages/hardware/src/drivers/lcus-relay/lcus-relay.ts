import { parseInput } from '@vajra-stream/core';
import { z } from 'zod';
import type { DeviceDriver } from '../../driver/device-driver';
import { lcusRelayFrame } from './lcus-relay-frame';

/**
 * Options of {@link lcusRelay}.
 *
 * @example
 * ```ts
 * const options: LcusRelayOptions = { channels: 4 };
 * const device = { id: 'relays', transport: serialTransport({ path: '/dev/ttyUSB0' }), driver: lcusRelay(options) };
 * ```
 */
export interface LcusRelayOptions {
  /** Relays on the board: 1, 2, 4 or 8 (default 1). */
  channels?: 1 | 2 | 4 | 8;
}

/**
 * What a relay channel is set to, and whether the board has been told.
 *
 * @example
 * ```ts
 * const state: RelayChannelState = await hardware.device('amplifier').set(1, true);
 * if (!state.applied) console.log(`channel ${state.channel} goes ${state.on ? 'on' : 'off'} when the board reconnects`);
 * ```
 */
export interface RelayChannelState {
  channel: number;
  on: boolean;
  /** False while the board is disconnected: the state is applied when it reconnects. */
  applied: boolean;
}

/**
 * The api of an `lcus-relay` device.
 *
 * @example
 * ```ts
 * const relays: LcusRelayApi = hardware.device('relays');
 * await relays.set(2, true);
 * relays.states(); // [false, true] on a two-channel board
 * ```
 */
export interface LcusRelayApi {
  readonly channels: number;
  /**
   * Switch a relay. The wanted state is kept and sent again after every reconnect (the boards power up
   * with every relay off).
   */
  set(channel: number, on: boolean): Promise<RelayChannelState>;
  /** The wanted state of every channel (index 0 is channel 1). */
  states(): boolean[];
}

/**
 * Driver of LCUS USB relay boards (amplifier and transducer power). The boards do not answer, so the
 * supervisor's path watchdog is what notices an unplug.
 *
 * @example
 * ```ts
 * const device = { id: 'amplifier', transport: serialTransport({ path: '/dev/ttyUSB0' }), driver: lcusRelay({ channels: 2 }) };
 * await hardware.device('amplifier').set(1, true);
 * ```
 */
export function lcusRelay(options: LcusRelayOptions = {}): DeviceDriver<LcusRelayApi> {
  const channels = parseInput(z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)]).default(1), options.channels, 'relay channel count');
  const channelSchema = z.number().int().min(1).max(channels);
  return {
    specificationVersion: 'v1',
    kind: 'lcus-relay',
    serial: { baudRate: 9600, dataBits: 8, stopBits: 1, parity: 'none' },
    // The boards never speak unasked; a little room for the status replies of some clones.
    maxBytesPerSecond: 256,
    create(ctx) {
      const wanted = Array.from({ length: channels }, () => false);
      return {
        api: {
          channels,
          async set(channel, on) {
            const index = parseInput(channelSchema, channel, 'relay channel');
            const value = parseInput(z.boolean(), on, 'relay state');
            wanted[index - 1] = value;
            if (!ctx.connected()) return { channel: index, on: value, applied: false };
            await ctx.write(lcusRelayFrame(index, value));
            return { channel: index, on: value, applied: true };
          },
          states: () => [...wanted],
        },
        async onConnect() {
          for (const [index, on] of wanted.entries()) await ctx.write(lcusRelayFrame(index + 1, on));
        },
      };
    },
  };
}
