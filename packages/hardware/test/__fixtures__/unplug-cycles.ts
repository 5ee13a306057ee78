import { serialTransport } from '../../src/transport/serial-transport';
import { createHardware } from '../../src/supervisor/create-hardware';
import { startFakeDevice, type FakeDevice } from './fake-device';
import { pingDriver } from './ping-driver';
import { startSocatPair, until } from './socat-pair';

/** What one unplug and replug showed. */
export interface UnplugCycle {
  /** The error code the supervisor recorded when it noticed the unplug (`DEVICE_CLOSED`, `DEVICE_ABSENT`). */
  noticedAs: string;
  /** Milliseconds from the links being back to the device announced `connected` again. */
  reconnectMs: number;
  /**
   * Connections announced after the unplug was noticed, by the end of the cycle: 1 normally, more when a
   * heartbeat answered too late on a loaded machine and the link was cut and made again.
   */
  connections: number;
  /** Bytes the fake device decoded from the host after the replug (the traffic check: 1, or more if a send had to be repeated). */
  delivered: number;
  /** Heartbeat answers received after the replug (bytes in). */
  bytesInAfter: number;
}

/** The result of {@link runUnplugCycles}. */
export interface UnplugRun {
  cycles: UnplugCycle[];
  /** Connections after the first, as the device's health counts them. */
  reconnects: number;
  lastError: string | null;
}

/**
 * Supervise a `ping` device on a socat pty pair, then `cycles` times: kill socat (the links vanish and the
 * fake device's port closes under it), wait until the supervisor notices and reports the device absent,
 * start socat again on the same links, let the fake device open its port again (one fake device process
 * for all cycles: a process start per cycle was ~80 % of each cycle's time), and wait until the device is
 * connected again and bytes flow both ways (a command decoded by the fake device, a heartbeat answered).
 * Every wait is bounded by `boundMs` so a hang fails instead of blocking. Every process started is stopped
 * before this resolves or rejects.
 *
 * @example
 * ```ts
 * const { cycles } = await runUnplugCycles({ cycles: 50 });
 * ```
 */
export async function runUnplugCycles(options: { cycles: number; boundMs?: number }): Promise<UnplugRun> {
  const { cycles: count, boundMs = 10_000 } = options;
  const socat = await startSocatPair();
  let device: FakeDevice | undefined;
  const hardware = createHardware({
    devices: [{ id: 'pinger', transport: serialTransport({ path: socat.hostPath }), driver: pingDriver(), heartbeatIntervalMs: 100 }] as const,
    watchdogIntervalMs: 50,
    // Generous: on a loaded machine a late answer would count as an extra reconnect.
    heartbeatTimeoutMs: 3000,
    backoff: { initialDelayMs: 20, maxDelayMs: 200 },
  });
  const state = () => hardware.status('pinger').health.state;
  // When each connection was announced (not when a polling wait noticed it).
  let connectedAt = 0;
  let connections = 0;
  hardware.onStatus((status) => {
    if (status.health.state !== 'connected') return;
    connectedAt = performance.now();
    connections += 1;
  });
  try {
    device = await startFakeDevice(socat.devicePath, 'ping', { reattach: true });
    const fake = device;
    hardware.start();
    await until(() => state() === 'connected', boundMs, 'the first connection');
    const cycles: UnplugCycle[] = [];
    for (let index = 0; index < count; index += 1) {
      await socat.unplug();
      await until(() => state() !== 'connected', boundMs, `cycle ${index + 1}: the unplug noticed`);
      const connectionsBefore = connections;
      const noticedAs = hardware.status('pinger').health.lastError?.code ?? 'none';
      // The device stays away until the supervisor has found its path gone (not just the link closed).
      await until(() => state() === 'absent', boundMs, `cycle ${index + 1}: the path found absent`);
      await socat.plug();
      const back = performance.now();
      await fake.reattach();
      await until(() => state() === 'connected', boundMs, `cycle ${index + 1}: reconnected`);
      const reconnectMs = connectedAt - back;
      const bytesIn = hardware.status('pinger').health.bytesIn;
      // Traffic resumes: a command reaches the fake device, and a heartbeat answer comes back.
      const marker = 1 + (index % 0x40);
      // On a loaded machine the link may be cut again (a late heartbeat answer) just as the byte goes out:
      // send again once reconnected, until one send is handed to the port.
      await until(
        () =>
          hardware
            .device('pinger')
            .send([marker])
            .then(
              () => true,
              () => false,
            ),
        boundMs,
        `cycle ${index + 1}: byte ${marker} sent`,
      );
      await until(() => fake.messages.some((message) => message.byte === marker), boundMs, `cycle ${index + 1}: byte ${marker} delivered`);
      await until(() => hardware.status('pinger').health.bytesIn > bytesIn, boundMs, `cycle ${index + 1}: a heartbeat answered`);
      cycles.push({
        noticedAs,
        reconnectMs,
        connections: connections - connectionsBefore,
        delivered: fake.messages.filter((message) => 'byte' in message).length,
        bytesInAfter: hardware.status('pinger').health.bytesIn - bytesIn,
      });
    }
    const health = hardware.status('pinger').health;
    return { cycles, reconnects: health.reconnects, lastError: health.lastError?.code ?? null };
  } finally {
    await hardware.stop();
    await device?.stop();
    await socat.dispose();
  }
}
