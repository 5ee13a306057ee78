import { Worker } from 'node:worker_threads';
import { VajraError, type Logger } from '@vajra-stream/core';
import type { LeasedFd } from '../../driver/device-driver';
import { HardwareErrorCodes } from '../../errors/hardware-errors';
import { FdLeaseStates } from '../../transport/fd-lease';
import { dmxRefreshWorkerSource, type RefreshWorkerData, type RefreshWorkerMessage, type RefreshWorkerReport } from './dmx-refresh-worker';
import { FRAME_TIMES, SharedSlots, type SharedDmxFrame } from './shared-dmx-frame';

/** The main thread's side of a DMX refresh worker (see `dmx-refresh-worker.ts`). */
export interface WorkerFrameWriter {
  /**
   * Hands the link's fd to the worker, which starts sending frames at once; resolves when the worker is up
   * (started on the first call: until then nothing written would go out, not even a heartbeat).
   */
  start(leased: LeasedFd): Promise<void>;
  /** Writes bytes between two frames (a heartbeat request); rejects when the lease ends first. */
  write(bytes: Uint8Array): Promise<void>;
  /** Counts the bytes the worker wrote since the last call in the device's `bytesOut`. */
  count(): void;
  /**
   * The link is going: counts the worker's bytes now and once more when the link has revoked the lease (until
   * then a frame may still go out on it).
   */
  release(): void;
  /** Stops the worker (its lease is revoked by the link before this, when the supervisor stops). */
  dispose(): void;
}

/**
 * A frame writer on a worker thread, started on the first {@link WorkerFrameWriter.start}: frames leave on
 * time whatever the main thread is doing. `deviceId` names the device in errors.
 */
export function createWorkerFrameWriter(options: { shared: SharedDmxFrame; periodMs: number; spinMs: number; realtimePriority?: number; deviceId: string; logger: Logger }): WorkerFrameWriter {
  const { shared, periodMs, spinMs, realtimePriority, deviceId, logger } = options;
  let worker: Worker | undefined;
  let leased: LeasedFd | undefined;
  let counted = Atomics.load(shared.control, SharedSlots.bytesOut);
  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let up: { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } | undefined;

  const count = (): void => {
    const total = Atomics.load(shared.control, SharedSlots.bytesOut);
    const delta = (total - counted) | 0;
    counted = total;
    if (delta !== 0) leased?.wrote(delta);
  };
  const settle = (id: number, error?: Error): void => {
    const entry = waiting.get(id);
    waiting.delete(id);
    if (error === undefined) entry?.resolve();
    else entry?.reject(error);
  };
  const notConnected = () => new VajraError(HardwareErrorCodes.DEVICE_NOT_CONNECTED, `Device "${deviceId}" went away before the bytes went out`, { status: 409 });
  const onReport = (report: RefreshWorkerReport): void => {
    count();
    if (report.type === 'ready') {
      if (report.realtimeRefused !== undefined) logger.warn('DMX refresh worker runs at ordinary priority: SCHED_FIFO refused', { deviceId, realtimePriority, reason: report.realtimeRefused });
      up?.resolve();
    } else if (report.type === 'written') settle(report.id);
    else if (report.type === 'dropped') settle(report.id, notConnected());
    else leased?.failed(Object.assign(new Error(`${report.code}: ${report.message}`), { code: report.code }));
  };
  const spawn = (): Worker => {
    const workerData: RefreshWorkerData = {
      buffer: shared.buffer,
      layout: shared.layout,
      slots: SharedSlots,
      leaseStates: FdLeaseStates,
      frameTimes: FRAME_TIMES,
      periodMs,
      spinMs,
      ...(realtimePriority === undefined ? {} : { realtimePriority }),
    };
    const started = new Worker(dmxRefreshWorkerSource, { eval: true, workerData, name: `dmx-refresh ${deviceId}` });
    const settlers = { resolve: () => undefined, reject: (_error: Error) => undefined } as { resolve(): void; reject(error: Error): void };
    const promise = new Promise<void>((resolve, reject) => Object.assign(settlers, { resolve, reject }));
    // Awaited by the connect that started it; a rejection nobody waits for must not end the process.
    promise.catch(() => undefined);
    up = { promise, ...settlers };
    // Never what keeps the process alive: the supervisor's own timers do that while it runs.
    started.unref();
    started.on('message', onReport);
    started.on('error', (error) => logger.error('DMX refresh worker failed', { deviceId, error }));
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      settlers.reject(new Error('the DMX refresh worker stopped before it was up'));
      for (const id of [...waiting.keys()]) settle(id, notConnected());
      // It writes no more: a revoke waiting for it may go on, and the link drops (reconnecting starts a new one).
      leased?.abandon();
      leased?.failed(new Error('the DMX refresh worker stopped'));
    });
    return started;
  };
  const post = (message: RefreshWorkerMessage): void => {
    worker ??= spawn();
    worker.postMessage(message);
    Atomics.add(shared.control, SharedSlots.wake, 1);
    Atomics.notify(shared.control, SharedSlots.wake);
  };

  return {
    start(lease) {
      count();
      leased = lease;
      post({ type: 'lease', fd: lease.fd, state: lease.state });
      return (up as { promise: Promise<void> }).promise;
    },
    write(bytes) {
      return new Promise((resolve, reject) => {
        nextId += 1;
        waiting.set(nextId, { resolve, reject });
        post({ type: 'write', id: nextId, bytes });
      });
    },
    count,
    release() {
      count();
      void leased?.revoked.then(count);
    },
    dispose() {
      if (worker === undefined) return;
      const stopping = worker;
      worker = undefined;
      leased = undefined;
      stopping.postMessage({ type: 'stop' } satisfies RefreshWorkerMessage);
      Atomics.add(shared.control, SharedSlots.wake, 1);
      Atomics.notify(shared.control, SharedSlots.wake);
    },
  };
}
