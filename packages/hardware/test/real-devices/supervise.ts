import { afterEach } from 'vitest';
import type { DeviceDriver } from '../../src/driver/device-driver';
import { createHardware } from '../../src/supervisor/create-hardware';
import { serialTransport } from '../../src/transport/serial-transport';

const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()?.stop();
});

/**
 * Supervise one real device at `path` with `driver` and wait until it is connected (handshake done).
 *
 * @example
 * ```ts
 * const rng = await superviseReal('/dev/ttyACM0', serialRng({ model: 'truerng' }));
 * ```
 */
export async function superviseReal<Api>(path: string, driver: DeviceDriver<Api>) {
  const hardware = createHardware({ devices: [{ id: 'device', transport: serialTransport({ path }), driver }] as const });
  running.push(hardware);
  hardware.start();
  await hardware.whenConnected('device', { timeoutMs: 15_000 });
  return { hardware, api: hardware.device('device') as Api };
}
