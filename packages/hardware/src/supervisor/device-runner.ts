import { VajraError, type Clock, type Logger, type TimerHandle } from '@vajra-stream/core';
import type { DriverInstance, LeasedFd } from '../driver/device-driver';
import { HardwareErrorCodes } from '../errors/hardware-errors';
import { defaultSerialSettings, type Connection } from '../transport/transport';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { DeviceDefinition, DeviceError, DeviceState, DeviceStatus } from './device-status';

/** Timing shared by every device of a supervisor. */
export interface RunnerTiming {
  backoff: BackoffOptions;
  openTimeoutMs: number;
  heartbeatIntervalMs: number;
  heartbeatTimeoutMs: number;
  quarantine: Required<QuarantineOptions>;
}

/**
 * When a device that keeps misbehaving is left alone.
 *
 * @example
 * ```ts
 * const quarantine: QuarantineOptions = { afterFaults: 5, durationMs: 300_000, stableMs: 30_000 }; // ms
 * const hardware = createHardware({ devices, quarantine });
 * ```
 */
export interface QuarantineOptions {
  /** Faults in a row (garbage, a flood, an unanswered heartbeat or handshake) before quarantine (default 10). */
  afterFaults?: number;
  /** How long a quarantined device is left closed before it is tried again (default 60 000 ms). */
  durationMs?: number;
  /** A link up this long without a fault clears the count (default 10 000 ms); so does an answered heartbeat. */
  stableMs?: number;
}

/** Failures that say the device misbehaves (not that it is away): they count towards quarantine. */
const FAULTS: ReadonlySet<string> = new Set([HardwareErrorCodes.DEVICE_PROTOCOL_ERROR, HardwareErrorCodes.DEVICE_FLOODING, HardwareErrorCodes.DEVICE_TIMEOUT]);

interface Shared {
  clock: Clock;
  logger: Logger;
  random: () => number;
  timing: RunnerTiming;
  announce(status: DeviceStatus): void;
}

/** One supervised device: its driver instance, its link, and the counters behind its health. */
export interface DeviceRunner {
  readonly definition: DeviceDefinition;
  readonly instance: DriverInstance;
  status(): DeviceStatus;
  /** Wants the device connected: connects now (a no-op when it already is or is on its way). */
  begin(): void;
  /** Wants it disconnected; resolves once the link is closed. */
  end(final: 'disconnected' | 'stopped'): Promise<void>;
  /** Watchdog tick: presence of the path, reconnect of an absent device, heartbeat. */
  watch(): Promise<void>;
}

interface RunnerState {
  state: DeviceState;
  wanted: boolean;
  attempt: number;
  connections: number;
  lastError: DeviceError | null;
  bytesIn: number;
  bytesOut: number;
  connectedAt: number | null;
  connection: Connection | null;
  /** Bumped by every connect attempt and every drop: stale callbacks compare and give up. */
  generation: number;
  retryTimer: TimerHandle | undefined;
  lastHeartbeatAt: number;
  watching: boolean;
  /** The generation of the link whose heartbeat is in flight (it runs beside the watchdog, never inside it). */
  heartbeating: number | null;
  /** Faults in a row since the last stable link. */
  faults: number;
  /** Bytes received in the current one-second flood window, and when it began. */
  windowBytes: number;
  windowStart: number;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** Races `promise` with a timer on the kernel clock. */
function withTimeout<T>(clock: Clock, promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new VajraError(HardwareErrorCodes.DEVICE_TIMEOUT, message)), timeoutMs);
    promise.then(
      (value) => {
        clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        reject(asError(error));
      },
    );
  });
}

/** Build the runner of one device. */
export function createDeviceRunner(definition: DeviceDefinition, shared: Shared): DeviceRunner {
  const { clock, logger, timing } = shared;
  const s: RunnerState = {
    state: 'disconnected',
    wanted: false,
    attempt: 0,
    connections: 0,
    lastError: null,
    bytesIn: 0,
    bytesOut: 0,
    connectedAt: null,
    connection: null,
    generation: 0,
    retryTimer: undefined,
    lastHeartbeatAt: 0,
    watching: false,
    heartbeating: null,
    faults: 0,
    windowBytes: 0,
    windowStart: 0,
  };

  const status = (): DeviceStatus => ({
    deviceId: definition.id,
    driver: definition.driver.kind,
    transport: { kind: definition.transport.kind, address: definition.transport.address },
    health: {
      state: s.state,
      attempt: s.attempt,
      reconnects: Math.max(0, s.connections - 1),
      lastError: s.lastError,
      bytesIn: s.bytesIn,
      bytesOut: s.bytesOut,
      uptimeMs: s.state === 'connected' && s.connectedAt !== null ? Math.max(0, clock.now() - s.connectedAt) : 0,
    },
    at: new Date(clock.now()).toISOString(),
  });

  const setState = (state: DeviceState, error?: { code: string; message: string }): void => {
    if (error !== undefined) s.lastError = { ...error, at: new Date(clock.now()).toISOString() };
    if (state === s.state && error === undefined) return;
    s.state = state;
    shared.announce(status());
  };

  const closeLink = (): Promise<void> => {
    const connection = s.connection;
    s.connection = null;
    s.connectedAt = null;
    if (connection === null) return Promise.resolve();
    try {
      instance.onDisconnect?.();
    } catch (error) {
      logger.warn('hardware driver failed on disconnect', { deviceId: definition.id, error });
    }
    // A close that never settles (a wedged port) must not hang the supervisor.
    return withTimeout(clock, connection.close(), timing.openTimeoutMs, 'close timed out').catch(() => undefined);
  };

  const retryAfter = (delay: number): void => {
    s.retryTimer = clock.setTimeout(() => {
      s.retryTimer = undefined;
      void connect();
    }, delay);
  };

  /**
   * The link failed: close it, record why, and retry after a backoff delay. A device that misbehaves
   * (faults) backs off further with every fault in a row, even when each reconnect succeeds, and after
   * `quarantine.afterFaults` of them is quarantined: left closed for `quarantine.durationMs`.
   */
  const drop = (generation: number, error: { code: string; message: string }): void => {
    if (generation !== s.generation || !s.wanted) return;
    s.generation += 1;
    void closeLink();
    s.attempt += 1;
    if (FAULTS.has(error.code)) s.faults += 1;
    logger.warn('hardware device link failed', { deviceId: definition.id, code: error.code, message: error.message, attempt: s.attempt, faults: s.faults });
    const { afterFaults, durationMs } = timing.quarantine;
    if (s.faults >= afterFaults) {
      // Tried again after the pause; one more fault before a stable link quarantines it again.
      s.faults = afterFaults - 1;
      setState('quarantined', {
        code: HardwareErrorCodes.DEVICE_QUARANTINED,
        message: `${afterFaults} faults in a row (last: ${error.code}: ${error.message}); left alone for ${durationMs} ms`,
      });
      logger.error('hardware device quarantined', { deviceId: definition.id, lastCode: error.code, durationMs });
      retryAfter(durationMs);
      return;
    }
    setState('retrying', error);
    retryAfter(backoffDelay(Math.max(s.attempt, s.faults), timing.backoff, shared.random));
  };

  const failure = (code: string, error: unknown): { code: string; message: string } => {
    const value = asError(error);
    return { code: value instanceof VajraError ? value.code : code, message: value.message };
  };

  const context = {
    deviceId: definition.id,
    clock,
    logger,
    connected: () => s.state === 'connected' || (s.state === 'connecting' && s.connection !== null),
    write: async (bytes: Uint8Array): Promise<void> => {
      const connection = s.connection;
      const generation = s.generation;
      if (connection === null) throw new VajraError(HardwareErrorCodes.DEVICE_NOT_CONNECTED, `Device "${definition.id}" is not connected`, { status: 409 });
      try {
        await connection.write(bytes);
        s.bytesOut += bytes.byteLength;
      } catch (error) {
        drop(generation, failure(HardwareErrorCodes.DEVICE_CLOSED, error));
        throw new VajraError(HardwareErrorCodes.DEVICE_NOT_CONNECTED, `Device "${definition.id}" went away during a write`, { status: 409, cause: error });
      }
    },
    setBaudRate: async (baudRate: number): Promise<void> => {
      const connection = s.connection;
      const generation = s.generation;
      if (connection === null) throw new VajraError(HardwareErrorCodes.DEVICE_NOT_CONNECTED, `Device "${definition.id}" is not connected`, { status: 409 });
      try {
        await connection.setBaudRate?.(baudRate);
      } catch (error) {
        drop(generation, failure(HardwareErrorCodes.DEVICE_CLOSED, error));
        throw new VajraError(HardwareErrorCodes.DEVICE_NOT_CONNECTED, `Device "${definition.id}" went away while its line speed changed`, { status: 409, cause: error });
      }
    },
    hasLineSpeed: () => s.connection?.setBaudRate !== undefined,
    fail: (error: Error) => drop(s.generation, failure(HardwareErrorCodes.DEVICE_PROTOCOL_ERROR, error)),
    leaseFd: (): LeasedFd | undefined => {
      const lease = s.connection?.fdLease;
      const generation = s.generation;
      if (lease === undefined) return undefined;
      return {
        fd: lease.fd,
        state: lease.state,
        abandon: lease.abandon,
        revoked: lease.revoked,
        wrote: (byteCount) => void (s.bytesOut += byteCount),
        failed: (error) => drop(generation, failure(HardwareErrorCodes.DEVICE_CLOSED, error)),
      };
    },
  };
  const instance = definition.driver.create(context);

  const connect = async (): Promise<void> => {
    if (!s.wanted || s.connection !== null || s.state === 'connecting') return;
    const generation = ++s.generation;
    setState('connecting');
    const present = await definition.transport.present().catch(() => false);
    if (generation !== s.generation) return;
    if (!present) {
      setState('absent', s.state === 'absent' ? undefined : { code: HardwareErrorCodes.DEVICE_ABSENT, message: `${definition.transport.address} is not there` });
      return;
    }
    const settings = { ...defaultSerialSettings, ...definition.driver.serial };
    let connection: Connection;
    try {
      const opening = definition.transport.open(settings);
      // An open that settles after its timeout is closed at once.
      opening.then(
        (late) => generation !== s.generation && void late.close(),
        () => undefined,
      );
      connection = await withTimeout(clock, opening, timing.openTimeoutMs, `opening ${definition.transport.address} timed out`);
    } catch (error) {
      if (generation === s.generation) drop(generation, failure(HardwareErrorCodes.DEVICE_OPEN_FAILED, error));
      return;
    }
    if (generation !== s.generation) return;
    s.connection = connection;
    connection.onClose((error) => drop(generation, failure(HardwareErrorCodes.DEVICE_CLOSED, error ?? new Error('closed'))));
    const maxBytesPerSecond = definition.driver.maxBytesPerSecond ?? Number.POSITIVE_INFINITY;
    s.windowBytes = 0;
    s.windowStart = clock.now();
    connection.onData((bytes) => {
      if (generation !== s.generation) return;
      s.bytesIn += bytes.byteLength;
      if (clock.now() - s.windowStart >= 1000) {
        s.windowStart = clock.now();
        s.windowBytes = 0;
      }
      s.windowBytes += bytes.byteLength;
      if (s.windowBytes > maxBytesPerSecond) {
        drop(generation, { code: HardwareErrorCodes.DEVICE_FLOODING, message: `more than ${maxBytesPerSecond} bytes in a second from ${definition.transport.address}` });
        return;
      }
      try {
        instance.onData?.(bytes);
      } catch (error) {
        drop(generation, failure(HardwareErrorCodes.DEVICE_PROTOCOL_ERROR, error));
      }
    });
    try {
      if (instance.onConnect) await withTimeout(clock, instance.onConnect(), timing.openTimeoutMs, `the ${definition.driver.kind} handshake timed out`);
    } catch (error) {
      drop(generation, failure(HardwareErrorCodes.DEVICE_PROTOCOL_ERROR, error));
      return;
    }
    if (generation !== s.generation) return;
    s.attempt = 0;
    s.connections += 1;
    s.connectedAt = clock.now();
    s.lastHeartbeatAt = clock.now();
    setState('connected');
  };

  /**
   * One heartbeat round trip, started by the watchdog but not awaited by it: a heartbeat in flight when
   * the device is unplugged waits out its whole timeout, and a watchdog waiting with it would not look
   * at the path meanwhile, so a device replugged during that wait reconnected up to
   * `heartbeatTimeoutMs` late. A round trip of a link that has since dropped counts for nothing.
   */
  const heartbeat = async (generation: number): Promise<void> => {
    if (instance.heartbeat === undefined || s.heartbeating === generation) return;
    const interval = definition.heartbeatIntervalMs ?? timing.heartbeatIntervalMs;
    if (clock.now() - s.lastHeartbeatAt < interval) return;
    s.lastHeartbeatAt = clock.now();
    s.heartbeating = generation;
    try {
      await withTimeout(clock, instance.heartbeat(), timing.heartbeatTimeoutMs, `${definition.id} did not answer its heartbeat`);
      // An answered heartbeat proves the device behaves: a late answer on a busy machine now and then
      // must not add up to a quarantine over hours.
      if (generation === s.generation) s.faults = 0;
    } catch (error) {
      drop(generation, failure(HardwareErrorCodes.DEVICE_TIMEOUT, error));
    } finally {
      if (s.heartbeating === generation) s.heartbeating = null;
    }
  };

  const watch = async (): Promise<void> => {
    if (!s.wanted || s.watching) return;
    s.watching = true;
    try {
      if (s.state === 'absent') {
        // Quietly poll the path; connect the moment it is back.
        if (!(await definition.transport.present().catch(() => false)) || s.state !== 'absent' || !s.wanted) return;
        s.state = 'retrying';
        await connect();
        return;
      }
      if (s.state !== 'connected') return;
      if (s.faults > 0 && s.connectedAt !== null && clock.now() - s.connectedAt >= timing.quarantine.stableMs) s.faults = 0;
      const generation = s.generation;
      const present = await definition.transport.present().catch(() => false);
      if (!present) {
        drop(generation, { code: HardwareErrorCodes.DEVICE_ABSENT, message: `${definition.transport.address} vanished` });
        return;
      }
      void heartbeat(generation);
    } finally {
      s.watching = false;
    }
  };

  return {
    definition,
    instance,
    status,
    begin() {
      if (s.state === 'quarantined') {
        // Asked for explicitly: lift the quarantine and try now.
        clock.clearTimeout(s.retryTimer);
        s.retryTimer = undefined;
        s.faults = 0;
        s.attempt = 0;
        s.state = 'retrying';
        void connect();
        return;
      }
      if (s.wanted) return;
      s.wanted = true;
      s.attempt = 0;
      s.state = 'retrying';
      void connect();
    },
    async end(final) {
      s.wanted = false;
      s.generation += 1;
      clock.clearTimeout(s.retryTimer);
      s.retryTimer = undefined;
      await closeLink();
      setState(final);
    },
    watch,
  };
}
