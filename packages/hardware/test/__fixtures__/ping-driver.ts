import type { DeviceDriver } from '../../src/driver/device-driver';

/**
 * A test driver for the fake device's `ping` protocol: heartbeat = send 0x50, expect 0x70. Bytes other
 * than 0x70 are kept in `received`; 0xEE is garbage that makes it throw.
 */
export function pingDriver(): DeviceDriver<{ received: number[]; send(bytes: number[]): Promise<void> }> {
  return {
    specificationVersion: 'v1',
    kind: 'ping',
    serial: { baudRate: 115200 },
    create(ctx) {
      const received: number[] = [];
      let pending: (() => void) | undefined;
      return {
        api: { received, send: (bytes) => ctx.write(Uint8Array.from(bytes)) },
        onData(bytes) {
          for (const byte of bytes) {
            if (byte === 0xee) throw new Error('garbage from the device');
            if (byte === 0x70) pending?.();
            else received.push(byte);
          }
        },
        heartbeat: () =>
          new Promise<void>((resolve, reject) => {
            pending = resolve;
            ctx.write(Uint8Array.of(0x50)).catch(reject);
          }),
      };
    },
  };
}
