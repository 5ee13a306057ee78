import { VajraError, silentLogger, systemClock, type Clock, type EventBus, type Logger, type TimerHandle } from '@vajra-stream/core';
import { HardwareErrorCodes } from '../errors/hardware-errors';
import type { BackoffOptions } from './backoff';
import { createDeviceRunner, type DeviceRunner, type QuarantineOptions } from './device-runner';
import type { DeviceDefinition, DeviceStatus } from './device-status';

/**
 * Options of {@link createHardware}.
 *
 * @example
 * ```ts
 * const options: CreateHardwareOptions<readonly DeviceDefinition[]> = {
 *   devices: [{ id: 'amplifier', transport: serialTransport({ path: '/dev/ttyUSB0' }), driver: lcusRelay() }],
 *   backoff: { maxDelayMs: 2000 },
 *   openTimeoutMs: 3000,
 *   watchdogIntervalMs: 500,
 *   heartbeatIntervalMs: 5000,
 *   heartbeatTimeoutMs: 1500,
 *   quarantine: { afterFaults: 5, durationMs: 120_000 },
 * };
 * const hardware = createHardware(options);
 * ```
 */
export interface CreateHardwareOptions<Devices extends readonly DeviceDefinition[]> {
  devices: Devices;
  /** Every timer runs on this clock (default: the system clock). */
  clock?: Clock;
  logger?: Logger;
  /** When given, every status change is emitted on it as `hardware:status`. */
  events?: Pick<EventBus, 'emit'>;
  backoff?: BackoffOptions;
  /** Limit on opening a link and on a driver's handshake (default 5000 ms). */
  openTimeoutMs?: number;
  /** How often paths are checked and absent devices looked for (default 250 ms). */
  watchdogIntervalMs?: number;
  /** Default heartbeat period of drivers that have one (default 2000 ms). */
  heartbeatIntervalMs?: number;
  /** How long a heartbeat may take before the link is called dead (default 1000 ms). */
  heartbeatTimeoutMs?: number;
  /** When a device that keeps misbehaving is left alone (defaults: 10 faults in a row, 60 s, stable after 10 s). */
  quarantine?: QuarantineOptions;
  /** Source of backoff jitter in [0, 1) (default `Math.random`; seed it in tests). */
  random?: () => number;
}

type ApiOf<Devices extends readonly DeviceDefinition[], Id> = Extract<Devices[number], { id: Id }> extends DeviceDefinition<string, infer Api> ? Api : never;

/**
 * The supervisor returned by {@link createHardware}.
 *
 * @example
 * ```ts
 * const hardware: Hardware = createHardware({ devices: [{ id: 'amplifier', transport: serialTransport({ path: '/dev/ttyUSB0' }), driver: lcusRelay() }] });
 * hardware.start();
 * await hardware.whenConnected('amplifier', { timeoutMs: 5000 });
 * console.log(hardware.devices().map((status) => `${status.deviceId}: ${status.health.state}`));
 * await hardware.stop();
 * ```
 */
export interface Hardware<Devices extends readonly DeviceDefinition[] = readonly DeviceDefinition[]> {
  /** Starts supervising: every device connects (or waits for its path) in the background. */
  start(): void;
  /** Closes every link and stops every timer. */
  stop(): Promise<void>;
  /** Status of every device, in definition order. */
  devices(): DeviceStatus[];
  status(id: Devices[number]['id']): DeviceStatus;
  /** The driver api of a device (relay channels, DMX universe, RNG readings, …). */
  device<Id extends Devices[number]['id']>(id: Id): ApiOf<Devices, Id>;
  /** Supervise a device again after {@link Hardware.disconnect}. */
  connect(id: Devices[number]['id']): DeviceStatus;
  /** Close a device's link and leave it closed until {@link Hardware.connect}. */
  disconnect(id: Devices[number]['id']): Promise<DeviceStatus>;
  /**
   * Resolves when the device is connected (at once if it is); rejects with `DEVICE_TIMEOUT` after
   * `timeoutMs` (default 10 000) on the kernel clock.
   */
  whenConnected(id: Devices[number]['id'], options?: { timeoutMs?: number }): Promise<DeviceStatus>;
  /** Listen to every status change; returns the unsubscribe function. */
  onStatus(listener: (status: DeviceStatus) => void): () => void;
}

/**
 * The hardware supervisor: owns every device, connects it, reconnects it with capped exponential
 * backoff and jitter, watches its path (serialport does not always report an unplug) and its protocol
 * heartbeat, and reports health on every change.
 *
 * @example
 * ```ts
 * const hardware = createHardware({
 *   devices: [{ id: 'amplifier', transport: serialTransport({ path: '/dev/ttyUSB0' }), driver: lcusRelay() }] as const,
 * });
 * hardware.start();
 * hardware.onStatus((status) => console.log(status.deviceId, status.health.state));
 * ```
 */
export function createHardware<const Devices extends readonly DeviceDefinition[]>(options: CreateHardwareOptions<Devices>): Hardware<Devices> {
  const { clock = systemClock, logger = silentLogger, events, random = Math.random } = options;
  const listeners = new Set<(status: DeviceStatus) => void>();
  const announce = (status: DeviceStatus): void => {
    events?.emit('hardware:status', status);
    for (const listener of listeners) {
      try {
        listener(status);
      } catch (error) {
        logger.warn('hardware status listener failed', { error });
      }
    }
  };
  const timing = {
    backoff: options.backoff ?? {},
    openTimeoutMs: options.openTimeoutMs ?? 5000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 2000,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 1000,
    quarantine: { afterFaults: 10, durationMs: 60_000, stableMs: 10_000, ...options.quarantine },
  };
  const runners = new Map<string, DeviceRunner>();
  for (const definition of options.devices) {
    if (runners.has(definition.id)) throw new VajraError(HardwareErrorCodes.DEVICE_DUPLICATE, `Two devices have the id "${definition.id}"`);
    runners.set(definition.id, createDeviceRunner(definition, { clock, logger, random, timing, announce }));
  }
  let watchdog: TimerHandle | undefined;
  let stopped = false;

  const runner = (id: string): DeviceRunner => {
    const found = runners.get(id);
    if (found === undefined) throw new VajraError(HardwareErrorCodes.DEVICE_NOT_FOUND, `No device with id "${String(id)}"`, { status: 404, details: { known: [...runners.keys()] } });
    return found;
  };
  const live = (): void => {
    if (stopped) throw new VajraError(HardwareErrorCodes.HARDWARE_STOPPED, 'The hardware supervisor has stopped', { status: 409 });
  };

  return {
    start() {
      live();
      for (const each of runners.values()) each.begin();
      watchdog ??= clock.setInterval(() => {
        for (const each of runners.values()) void each.watch().catch((error: unknown) => logger.error('hardware watchdog failed', { deviceId: each.definition.id, error }));
      }, options.watchdogIntervalMs ?? 250);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clock.clearInterval(watchdog);
      watchdog = undefined;
      await Promise.all([...runners.values()].map((each) => each.end('stopped')));
      for (const each of runners.values()) each.instance.dispose?.();
      listeners.clear();
    },
    devices: () => [...runners.values()].map((each) => each.status()),
    status: (id) => runner(id).status(),
    device: (id) => runner(id).instance.api as never,
    connect(id) {
      live();
      const found = runner(id);
      found.begin();
      return found.status();
    },
    async disconnect(id) {
      live();
      const found = runner(id);
      await found.end('disconnected');
      return found.status();
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    whenConnected(id, { timeoutMs = 10_000 } = {}) {
      const found = runner(id);
      if (found.status().health.state === 'connected') return Promise.resolve(found.status());
      return new Promise((resolve, reject) => {
        const listener = (status: DeviceStatus) => {
          if (status.deviceId !== id || status.health.state !== 'connected') return;
          finish();
          resolve(status);
        };
        const timer = clock.setTimeout(() => {
          finish();
          reject(new VajraError(HardwareErrorCodes.DEVICE_TIMEOUT, `Device "${id}" did not connect within ${timeoutMs} ms`, { status: 504, details: { status: found.status() } }));
        }, timeoutMs);
        const finish = () => {
          clock.clearTimeout(timer);
          listeners.delete(listener);
        };
        listeners.add(listener);
      });
    },
  };
}
