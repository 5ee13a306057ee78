import type { FdLeaseStates } from '../../transport/fd-lease';
import type { SharedDmxLayout, SharedSlots } from './shared-dmx-frame';

/** What the refresh worker is started with. */
export interface RefreshWorkerData {
  buffer: SharedArrayBuffer;
  layout: SharedDmxLayout;
  slots: typeof SharedSlots;
  leaseStates: typeof FdLeaseStates;
  frameTimes: number;
  periodMs: number;
  /** The last part of each wait spent spinning on the clock instead of sleeping (ms). */
  spinMs: number;
  /** SCHED_FIFO priority asked for this thread (Linux, through `chrt`), or none. */
  realtimePriority?: number;
}

/** Messages to the refresh worker (each followed by a wake: the worker never runs its event loop). */
export type RefreshWorkerMessage = { type: 'lease'; fd: number; state: Int32Array } | { type: 'write'; id: number; bytes: Uint8Array } | { type: 'stop' };

/**
 * Reports of the refresh worker: it is up (with why it runs at ordinary priority though real-time was asked
 * for), bytes written or dropped (the lease ended first), a failed write.
 */
export type RefreshWorkerReport = { type: 'ready'; realtimeRefused?: string } | { type: 'written'; id: number } | { type: 'dropped'; id: number } | { type: 'failed'; code: string; message: string };

interface Pending {
  bytes: Uint8Array;
  offset: number;
  /** A message's id (reported when written), or the time a frame's write began. */
  id?: number;
  calledAt?: number;
}

/**
 * The refresh worker: owns the frame timing of one DMX output. It sleeps with `Atomics.wait` until
 * `spinMs` before each frame's deadline (on a fixed grid of `periodMs`), spins on the monotonic clock for
 * the rest, copies the shared frame whole under its seqlock and writes it with `fs.writeSync` on the
 * leased fd. Messages (a lease, bytes to write between frames such as a heartbeat, stop) are read with
 * `receiveMessageOnPort` when the main thread wakes it. A write that would block (a full pty or USB
 * buffer: `EAGAIN`) keeps its rest for the next deadline and the frames due meanwhile are skipped, as the
 * in-thread writer skips frames while a write is in flight; any other error is reported and the lease
 * dropped. Runs as an eval'd script: it uses nothing but its arguments and globals.
 */
function refreshWorker(threads: typeof import('node:worker_threads'), fs: typeof import('node:fs'), child: typeof import('node:child_process')): void {
  const { workerData, receiveMessageOnPort } = threads;
  const port = threads.parentPort as import('node:worker_threads').MessagePort;
  const { buffer, layout, slots, leaseStates, frameTimes, periodMs, spinMs, realtimePriority } = workerData as RefreshWorkerData;
  const control = new Int32Array(buffer, 0, layout.controlWords);
  const times = new Float64Array(buffer, layout.timesOffset, frameTimes * 2);
  const shared = new Uint8Array(buffer, layout.frameOffset, layout.frameLength);
  const snapshot = new Uint8Array(layout.frameLength);
  // Frame times are on the clock every process shares (process.hrtime); deadlines on performance.now(),
  // which allocates nothing in the spin.
  const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
  let lease: { fd: number; state: Int32Array } | null = null;
  let backlog: Pending | null = null;
  const queue: Pending[] = [];
  let due = 0;

  const report = (message: RefreshWorkerReport): void => port.postMessage(message);
  const dropAll = (): void => {
    for (const pending of backlog === null ? queue : [backlog, ...queue]) if (pending.id !== undefined) report({ type: 'dropped', id: pending.id });
    backlog = null;
    queue.length = 0;
  };
  /** Writes `bytes` from `offset` while holding the lease; the new offset, or -1 when the lease is gone. */
  const put = (bytes: Uint8Array, offset: number): number => {
    const held = lease;
    if (held === null) return -1;
    if (Atomics.compareExchange(held.state, 0, leaseStates.free, leaseStates.writing) !== leaseStates.free) {
      lease = null;
      return -1;
    }
    let at = offset;
    try {
      while (at < bytes.length) {
        const written = fs.writeSync(held.fd, bytes, at, bytes.length - at);
        at += written;
        Atomics.add(control, slots.bytesOut, written);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') {
        report({ type: 'failed', code, message: (error as Error).message });
        lease = null;
        at = -1;
      }
    } finally {
      if (Atomics.compareExchange(held.state, 0, leaseStates.writing, leaseStates.free) !== leaseStates.writing) {
        // Revoked during the write: hand the fd back.
        Atomics.store(held.state, 0, leaseStates.revoked);
        Atomics.notify(held.state, 0);
        lease = null;
      }
    }
    return lease === null ? -1 : at;
  };
  /** Writes what waits (the rest of a blocked write, then queued messages); false while the fd would block. */
  const flush = (): boolean => {
    for (;;) {
      if (backlog === null) backlog = queue.shift() ?? null;
      if (backlog === null) return true;
      const offset = put(backlog.bytes, backlog.offset);
      if (offset < 0) {
        dropAll();
        return true;
      }
      backlog.offset = offset;
      if (offset < backlog.bytes.length) return false;
      if (backlog.id !== undefined) report({ type: 'written', id: backlog.id });
      if (backlog.calledAt !== undefined) {
        const slot = (Atomics.load(control, slots.framesSent) % frameTimes) * 2;
        times[slot] = backlog.calledAt;
        times[slot + 1] = monotonicMs();
        Atomics.add(control, slots.framesSent, 1);
      }
      backlog = null;
    }
  };
  /** Copies the shared frame whole: retried while an edit of the main thread overlapped the copy. */
  const snap = (): boolean => {
    for (let tries = 0; tries < 100_000; tries += 1) {
      const before = Atomics.load(control, slots.sequence);
      if ((before & 1) === 1) continue;
      snapshot.set(shared);
      if (Atomics.load(control, slots.sequence) === before) return true;
    }
    return false;
  };
  const frame = (): void => {
    const calledAt = monotonicMs();
    if (!flush() || lease === null || !snap()) Atomics.add(control, slots.framesSkipped, 1);
    else {
      backlog = { bytes: snapshot, offset: 0, calledAt };
      flush();
    }
    // A fixed grid; a deadline more than a period late skips the frames it missed and starts a new grid.
    due += periodMs;
    const lateness = performance.now() - due;
    if (lateness > periodMs) {
      Atomics.add(control, slots.framesSkipped, Math.floor(lateness / periodMs));
      due = performance.now();
    }
  };
  const receive = (): boolean => {
    for (let received = receiveMessageOnPort(port); received !== undefined; received = receiveMessageOnPort(port)) {
      const message = received.message as RefreshWorkerMessage;
      if (message.type === 'stop') return false;
      if (message.type === 'lease') {
        dropAll();
        lease = { fd: message.fd, state: message.state };
        due = performance.now();
      } else if (lease === null) report({ type: 'dropped', id: message.id });
      else queue.push({ bytes: message.bytes, offset: 0, id: message.id });
    }
    return true;
  };

  // This thread only (not the process) at SCHED_FIFO: Node has no call for it, chrt sets it by thread id.
  let realtimeRefused: string | undefined;
  if (realtimePriority !== undefined) {
    try {
      const thread = fs.readlinkSync('/proc/thread-self').split('/').at(-1) as string;
      child.execFileSync('chrt', ['-f', '-p', String(realtimePriority), thread], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      realtimeRefused = stderr === '' ? (error as Error).message : stderr;
    }
  }
  report(realtimeRefused === undefined ? { type: 'ready' } : { type: 'ready', realtimeRefused });
  for (;;) {
    const wake = Atomics.load(control, slots.wake);
    if (!receive()) break;
    if (backlog === null && queue.length > 0) flush();
    if (lease === null) {
      dropAll();
      Atomics.wait(control, slots.wake, wake);
      continue;
    }
    const sleep = due - spinMs - performance.now();
    if (sleep > 0) {
      Atomics.wait(control, slots.wake, wake, sleep);
      continue;
    }
    // The last stretch (at most spinMs) on the clock: Atomics.wait wakes up late by up to a millisecond or more.
    while (performance.now() < due);
    frame();
  }
  dropAll();
  process.exit(0);
}

/**
 * The refresh worker's script, for `new Worker(source, { eval: true, workerData })`. A build that keeps
 * function names (esbuild's `keepNames`, as tsx runs TypeScript) wraps the inner functions in calls of a
 * module helper `__name`, which the script's own scope lacks: it gets one that does the same.
 */
export const dmxRefreshWorkerSource = `var __name = (target, value) => Object.defineProperty(target, 'name', { value, configurable: true });
(${refreshWorker.toString()})(require('node:worker_threads'), require('node:fs'), require('node:child_process'));`;
