import { systemClock, type Clock } from '@vajra-stream/core';
import type { Connection, SerialSettings, Transport } from '../transport/transport';

/**
 * The device side of a simulation: what it does with bytes from the host, and how it talks back.
 *
 * @example
 * ```ts
 * // a device of your own that answers every byte with its complement
 * let reply: ((bytes: Uint8Array) => void) | undefined;
 * const inverter: SimulatedDevice = {
 *   kind: 'inverter',
 *   attach(send) {
 *     reply = send;
 *   },
 *   receive: (bytes) => reply?.(bytes.map((byte) => byte ^ 0xff)),
 *   detach() {
 *     reply = undefined;
 *   },
 * };
 * const transport = simulatedTransport(inverter);
 * ```
 */
export interface SimulatedDevice {
  /** `lcus-relay`, `enttec-dmx-pro`, `serial-rng`, `firmata`. */
  readonly kind: string;
  /** A host opened the link; `send` delivers bytes to it (asynchronously, like a wire). */
  attach(send: (bytes: Uint8Array) => void, settings: SerialSettings, clock: Clock): void;
  receive(bytes: Uint8Array): void;
  /** The link closed. */
  detach(): void;
}

/**
 * A {@link Transport} to an in-process simulated device, with a plug you can pull.
 *
 * @example
 * ```ts
 * const transport: SimulatedTransport = simulatedTransport(simulatedRelayBoard({ channels: 2 }));
 * const hardware = createHardware({ devices: [{ id: 'relay', transport, driver: lcusRelay({ channels: 2 }) }] as const });
 * hardware.start();
 * transport.unplug(); // the link closes with an error and the device is absent…
 * transport.plug(); // …until it is plugged back in; the supervisor reconnects it
 * ```
 */
export interface SimulatedTransport extends Transport {
  readonly device: SimulatedDevice;
  /** Pull the plug: the link closes with an error and the device is absent until {@link plug}. */
  unplug(): void;
  plug(): void;
}

/**
 * A transport to a simulated device: the driver under it runs unchanged, byte for byte.
 *
 * @example
 * ```ts
 * const board = simulatedRelayBoard({ channels: 2 });
 * const device = { id: 'amplifier', transport: simulatedTransport(board), driver: lcusRelay({ channels: 2 }) };
 * ```
 */
export function simulatedTransport(device: SimulatedDevice, options: { clock?: Clock; name?: string } = {}): SimulatedTransport {
  const { clock = systemClock, name = device.kind } = options;
  let present = true;
  let close: ((error?: Error) => void) | undefined;
  return {
    kind: 'simulated',
    address: `simulated:${name}`,
    device,
    present: () => Promise.resolve(present),
    unplug() {
      present = false;
      close?.(new Error('unplugged'));
    },
    plug() {
      present = true;
    },
    open(settings) {
      if (!present) return Promise.reject(new Error(`simulated:${name} is unplugged`));
      if (close !== undefined) return Promise.reject(new Error(`simulated:${name} is busy`));
      const dataListeners: Array<(bytes: Uint8Array) => void> = [];
      const closeListeners: Array<(error?: Error) => void> = [];
      let open = true;
      const end = (error?: Error) => {
        if (!open) return;
        open = false;
        close = undefined;
        device.detach();
        for (const listener of closeListeners) listener(error);
      };
      close = end;
      device.attach(
        (bytes) => {
          const copy = bytes.slice();
          queueMicrotask(() => {
            if (open) for (const listener of dataListeners) listener(copy);
          });
        },
        settings,
        clock,
      );
      const connection: Connection = {
        write: async (bytes) => {
          if (!open) throw new Error('the simulated link is closed');
          device.receive(bytes.slice());
        },
        onData: (listener) => void dataListeners.push(listener),
        onClose: (listener) => void closeListeners.push(listener),
        close: async () => end(),
      };
      return Promise.resolve(connection);
    },
  };
}
