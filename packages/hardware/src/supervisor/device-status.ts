import type { DeviceDriver } from '../driver/device-driver';
import type { Transport } from '../transport/transport';

/**
 * Where a device is in its life: `connecting` (opening or handshaking), `connected`, `retrying`
 * (waiting out a backoff delay), `absent` (its path is gone; reconnects as soon as it returns),
 * `quarantined` (it misbehaved again and again: left alone for a while, see `QuarantineOptions`),
 * `disconnected` (on request) or `stopped` (the supervisor stopped).
 *
 * @example
 * ```ts
 * const state: DeviceState = hardware.status('lights').health.state;
 * if (state === 'absent') console.warn('the DMX widget is unplugged; it reconnects when it is back');
 * ```
 */
export type DeviceState = 'connecting' | 'connected' | 'retrying' | 'absent' | 'quarantined' | 'disconnected' | 'stopped';

/**
 * The last failure of a device: a stable code, a message for people, and when (ISO).
 *
 * @example
 * ```ts
 * const error: DeviceError | null = hardware.status('rng').health.lastError;
 * // { code: 'DEVICE_TIMEOUT', message: 'rng did not answer its heartbeat', at: '2026-12-02T16:40:00.000Z' }
 * ```
 */
export interface DeviceError {
  code: string;
  message: string;
  at: string;
}

/**
 * Health of one device.
 *
 * @example
 * ```ts
 * const health: DeviceHealth = hardware.status('amplifier').health;
 * // { state: 'connected', attempt: 0, reconnects: 2, lastError: null, bytesIn: 0, bytesOut: 48, uptimeMs: 93250 }
 * ```
 */
export interface DeviceHealth {
  state: DeviceState;
  /** Failed attempts since the last successful connection. */
  attempt: number;
  /** Successful connections after the first. */
  reconnects: number;
  lastError: DeviceError | null;
  bytesIn: number;
  bytesOut: number;
  /** Milliseconds the current link has been up (0 when not connected). */
  uptimeMs: number;
}

/**
 * Payload of `hardware:status`, and what `hardware.devices()` lists.
 *
 * @example
 * ```ts
 * hardware.onStatus((status: DeviceStatus) => {
 *   console.log(`${status.at} ${status.deviceId} (${status.driver} on ${status.transport.kind} ${status.transport.address}): ${status.health.state}`);
 * });
 * ```
 */
export interface DeviceStatus {
  deviceId: string;
  /** The driver's kind (`lcus-relay`, `enttec-dmx-pro`, …). */
  driver: string;
  transport: { kind: string; address: string };
  health: DeviceHealth;
  /** When this status was taken (ISO). */
  at: string;
}

/**
 * A device the supervisor owns: an id, where it is, which driver speaks to it.
 *
 * @example
 * ```ts
 * const amplifier: DeviceDefinition<'amplifier', LcusRelayApi> = { id: 'amplifier', transport: serialTransport({ path }), driver: lcusRelay() };
 * ```
 */
export interface DeviceDefinition<Id extends string = string, Api = unknown> {
  id: Id;
  transport: Transport;
  driver: DeviceDriver<Api>;
  /** Heartbeat period while connected, for drivers with a heartbeat (default: the supervisor's). */
  heartbeatIntervalMs?: number;
}

declare module '@vajra-stream/core' {
  interface VajraEvents {
    /** A device changed state or failed (see `DeviceStatus`). */
    'hardware:status': DeviceStatus;
  }
}
