import type { Clock, Logger } from '@vajra-stream/core';
import type { FdLease } from '../transport/fd-lease';
import type { SerialSettings } from '../transport/transport';

/**
 * What a driver instance gets from the supervisor that owns its device.
 *
 * @example
 * ```ts
 * const driver: DeviceDriver<{ ping(): Promise<void> }> = {
 *   specificationVersion: 'v1',
 *   kind: 'pinger',
 *   create: (ctx: DriverContext) => ({
 *     api: { ping: () => ctx.write(Uint8Array.of(0x01)) },
 *     onData: (bytes) => {
 *       if (bytes[0] !== 0x06) ctx.fail(new Error(`unexpected byte ${bytes[0]} from ${ctx.deviceId}`));
 *     },
 *   }),
 * };
 * ```
 */
export interface DriverContext {
  deviceId: string;
  clock: Clock;
  logger: Logger;
  /** Sends bytes to the device; rejects with `DEVICE_NOT_CONNECTED` while it is not connected. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Changes the line speed of the open link (some devices take commands as speed changes, such as the
   * TrueRNGpro's mode "knock"); does nothing on a link without one (see {@link DriverContext.hasLineSpeed}).
   * Rejects with `DEVICE_NOT_CONNECTED` while there is no link.
   */
  setBaudRate(baudRate: number): Promise<void>;
  /** Whether the open link has a line speed to set: a serial port has, a TCP or simulated link has not. */
  hasLineSpeed(): boolean;
  /** Whether a link to the device is up now. */
  connected(): boolean;
  /**
   * Declares the link broken (garbage, a stalled frame, a flood, a failed handshake): the supervisor
   * closes it, records `error` as the device's last error and reconnects with backoff.
   */
  fail(error: Error): void;
  /**
   * The open link's file descriptor, lent for writes from another thread (a refresh worker), or
   * `undefined` where the link has none (TCP, simulated, a mocked binding). Valid for this link only: the
   * link revokes it before it closes.
   */
  leaseFd?(): LeasedFd | undefined;
}

/**
 * A link's file descriptor lent to a driver ({@link DriverContext.leaseFd}): the lease to hand to the
 * writing thread, and the device's counters and failure path, as {@link DriverContext.write} has them.
 *
 * @example
 * ```ts
 * const leased = ctx.leaseFd?.();
 * if (leased !== undefined) worker.postMessage({ fd: leased.fd, state: leased.state });
 * worker.on('message', (report) => (report.failed ? leased.failed(new Error(report.failed)) : leased.wrote(report.bytes)));
 * ```
 */
export interface LeasedFd extends Pick<FdLease, 'fd' | 'state' | 'abandon' | 'revoked'> {
  /** Counts bytes the other thread wrote in the device's `bytesOut`. */
  wrote(byteCount: number): void;
  /** A write on the fd failed (`EIO` after a hang-up, …): the link drops as `DEVICE_CLOSED`, as after a failed `write`. */
  failed(error: Error): void;
}

/**
 * One device's driver, alive as long as the device is supervised (across reconnects). Its `api` is
 * what programs call; desired state set while disconnected is applied in `onConnect`.
 *
 * @example
 * ```ts
 * const driver: DeviceDriver<{ set(on: boolean): void }> = {
 *   specificationVersion: 'v1',
 *   kind: 'lamp',
 *   create(ctx): DriverInstance<{ set(on: boolean): void }> {
 *     let wanted = false;
 *     const send = () => ctx.write(Uint8Array.of(wanted ? 1 : 0));
 *     return {
 *       api: {
 *         set(on) {
 *           wanted = on;
 *           if (ctx.connected()) void send();
 *         },
 *       },
 *       onConnect: send, // re-apply the wanted state on every (re)connect
 *     };
 *   },
 * };
 * ```
 */
export interface DriverInstance<Api = unknown> {
  api: Api;
  /** A link came up: handshake, then re-apply the desired state. A rejection fails the link. */
  onConnect?(): Promise<void>;
  /** Bytes from the device. A throw fails the link (the supervisor reports it). */
  onData?(bytes: Uint8Array): void;
  /** The link went down. */
  onDisconnect?(): void;
  /**
   * A protocol round trip proving the device is alive; resolves when it answered. Runs every
   * `heartbeatIntervalMs` while connected and must settle within `heartbeatTimeoutMs`.
   */
  heartbeat?(): Promise<void>;
  /** The supervisor stops: release timers. */
  dispose?(): void;
}

/**
 * A device driver (specification v1): serial defaults and a factory of instances.
 *
 * @example
 * ```ts
 * const echo: DeviceDriver<{ send(text: string): Promise<void> }> = {
 *   specificationVersion: 'v1',
 *   kind: 'echo',
 *   serial: { baudRate: 115200 },
 *   create: (ctx) => ({ api: { send: (text) => ctx.write(new TextEncoder().encode(text)) } }),
 * };
 * ```
 */
export interface DeviceDriver<Api = unknown> {
  specificationVersion: 'v1';
  /** `lcus-relay`, `enttec-dmx-pro`, `serial-rng`, `firmata`, … */
  kind: string;
  /** Line settings the device needs; the rest are 8N1. */
  serial?: Partial<SerialSettings>;
  /**
   * Most bytes per second the device ever sends. More within one second is a flood: the supervisor
   * closes the link with `DEVICE_FLOODING` before the bytes can pile up (default: no limit).
   */
  maxBytesPerSecond?: number;
  create(context: DriverContext): DriverInstance<Api>;
}
