import { createEnttecParser, enttecMessage } from '../drivers/enttec-dmx-pro/enttec-frame';
import type { SimulatedDevice } from './simulated-transport';

/**
 * A simulated Enttec DMX USB Pro and the last frame it output.
 *
 * @example
 * ```ts
 * const widget: SimulatedDmxWidget = simulatedDmxWidget({ serialNumber: 0x12345678 });
 * const hardware = createHardware({ devices: [{ id: 'lights', transport: simulatedTransport(widget), driver: enttecDmxPro({ channels: 24 }) }] as const });
 * hardware.start();
 * await hardware.whenConnected('lights');
 * hardware.device('lights').set({ 1: 255 });
 * widget.levels()[0]; // 255 from the next frame on
 * widget.frames(); // frames received, 40 per second
 * ```
 */
export interface SimulatedDmxWidget extends SimulatedDevice {
  /** Levels of the last label-6 frame (channel 1 first). */
  levels(): number[];
  frames(): number;
}

/**
 * An in-process Enttec DMX USB Pro: takes label-6 frames, answers label-10 serial-number requests.
 *
 * @example
 * ```ts
 * const widget = simulatedDmxWidget({ serialNumber: 0x12345678 });
 * ```
 */
export function simulatedDmxWidget(options: { serialNumber?: number } = {}): SimulatedDmxWidget {
  const serial = options.serialNumber ?? 0x00001111;
  let parser = createEnttecParser();
  let send: ((bytes: Uint8Array) => void) | undefined;
  let levels: number[] = [];
  let frames = 0;
  return {
    kind: 'enttec-dmx-pro',
    attach(deliver) {
      send = deliver;
      parser = createEnttecParser();
    },
    detach() {
      send = undefined;
    },
    receive(bytes) {
      for (const message of parser.push(bytes).messages) {
        if (message.label === 6 && message.data[0] === 0) {
          levels = [...message.data.subarray(1)];
          frames += 1;
        } else if (message.label === 10) {
          send?.(enttecMessage(10, Uint8Array.of(serial & 0xff, (serial >> 8) & 0xff, (serial >> 16) & 0xff, (serial >>> 24) & 0xff)));
        }
      }
    },
    levels: () => [...levels],
    frames: () => frames,
  };
}
