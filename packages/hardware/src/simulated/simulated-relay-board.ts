import type { SimulatedDevice } from './simulated-transport';

/**
 * A simulated LCUS relay board and what its relays are doing.
 *
 * @example
 * ```ts
 * const board: SimulatedRelayBoard = simulatedRelayBoard({ channels: 2 });
 * const hardware = createHardware({ devices: [{ id: 'relay', transport: simulatedTransport(board), driver: lcusRelay({ channels: 2 }) }] as const });
 * hardware.start();
 * await hardware.whenConnected('relay');
 * await hardware.device('relay').set(2, true);
 * board.relays(); // [false, true] once the frame has arrived
 * board.rejected(); // 0
 * ```
 */
export interface SimulatedRelayBoard extends SimulatedDevice {
  /** Relay states (index 0 is channel 1); all off after every power-up, as on the real boards. */
  relays(): boolean[];
  /** Frames refused for a bad start byte, channel or checksum. */
  rejected(): number;
}

/**
 * An in-process LCUS relay board: decodes `A0 channel state checksum` frames, answers nothing.
 *
 * @example
 * ```ts
 * const board = simulatedRelayBoard({ channels: 2 });
 * board.relays(); // [false, false]
 * ```
 */
export function simulatedRelayBoard(options: { channels?: number } = {}): SimulatedRelayBoard {
  const channels = options.channels ?? 1;
  let relays = Array.from({ length: channels }, () => false);
  let frame: number[] = [];
  let rejected = 0;
  return {
    kind: 'lcus-relay',
    attach() {
      frame = [];
    },
    detach() {
      // Unplugged boards lose power: every relay drops.
      relays = relays.map(() => false);
    },
    receive(bytes) {
      for (const byte of bytes) {
        if (frame.length === 0 && byte !== 0xa0) {
          rejected += 1;
          continue;
        }
        frame.push(byte);
        if (frame.length < 4) continue;
        const [start, channel, state, checksum] = frame as [number, number, number, number];
        frame = [];
        if (((start + channel + state) & 0xff) !== checksum || channel < 1 || channel > channels || state > 1) {
          rejected += 1;
          continue;
        }
        relays[channel - 1] = state === 1;
      }
    },
    relays: () => [...relays],
    rejected: () => rejected,
  };
}
