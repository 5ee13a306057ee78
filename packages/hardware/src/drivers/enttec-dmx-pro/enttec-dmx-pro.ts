import { parseInput, systemClock, type TimerHandle } from '@vajra-stream/core';
import { z } from 'zod';
import type { DeviceDriver } from '../../driver/device-driver';
import { createDmxUniverse, type DmxUniverse } from './dmx-universe';
import { createEnttecParser, enttecDmxFrame, enttecMessage, ENTTEC_GET_SERIAL } from './enttec-frame';
import { createSharedDmxFrame, SharedSlots, type DmxFrameTime } from './shared-dmx-frame';
import { createThreadFrameWriter } from './thread-frame-writer';
import { createWorkerFrameWriter, type WorkerFrameWriter } from './worker-frame-writer';

/**
 * Options of {@link enttecDmxPro}.
 *
 * @example
 * ```ts
 * const options: EnttecDmxProOptions = { channels: 48, refreshHz: 30 }; // frames per second
 * const device = { id: 'lights', transport: serialTransport({ path: '/dev/ttyUSB1' }), driver: enttecDmxPro(options) };
 * ```
 */
export interface EnttecDmxProOptions {
  /** Channels sent in each frame, 24 to 512 (default 512). */
  channels?: number;
  /** Frames per second sent while connected (default 40). */
  refreshHz?: number;
  /**
   * Who writes the frames: `worker` (default) — a worker thread that owns the frame timing and writes on
   * the serial port's fd, so frames leave on time whatever the main thread is doing; `thread` — the main
   * thread, through the port's writes on the libuv threadpool. The worker is used only where the link lends
   * its fd (a serial port through the operating system's binding) and the kernel clock is the system
   * clock; elsewhere (TCP, a mocked binding, a manual clock) frames are written from the main thread.
   */
  writer?: 'worker' | 'thread';
  /**
   * The refresh worker sleeps until this many milliseconds before each frame's deadline, then spins on the
   * monotonic clock until the deadline (0 to 5, default 1): a sleep can wake a millisecond or more late on a
   * busy machine, a spin cannot. Each millisecond costs at most `refreshHz` ms of CPU a second (4 % of a
   * core at 40 Hz), less when the sleep itself wakes late (measured: +2.5 % of a core per millisecond).
   */
  spinMs?: number;
  /**
   * Runs the refresh worker's thread (that thread only) at `SCHED_FIFO` with this priority, 1 to 99 (default:
   * off, ordinary priority). Linux only, set through util-linux's `chrt`; needs root, `CAP_SYS_NICE` or an
   * `RLIMIT_RTPRIO` (`ulimit -r`) of at least this priority. Where it is refused the worker runs at ordinary
   * priority and the logger warns. On a busy machine it keeps the worker's writes on time (measured on
   * 2 vCPUs at load 2–5: interval jitter of the writes p99 0.3–0.4 ms against 2–25 ms without); it does not
   * speed up what comes after the write (the kernel's tty/USB path, the device). A real-time thread is not
   * preempted by ordinary work on its core: it sleeps between frames, but spins `spinMs` before each one.
   */
  realtimePriority?: number;
}

/**
 * Counters of a DMX output.
 *
 * @example
 * ```ts
 * const stats: DmxOutputStats = hardware.device('lights').stats();
 * // { framesSent: 2400, framesSkipped: 0, serialNumber: '12345678', garbageBytes: 0 } after a minute at 40 Hz
 * ```
 */
export interface DmxOutputStats {
  /** Frames handed to the operating system. */
  framesSent: number;
  /** Refresh ticks skipped because the previous frame was still being written. */
  framesSkipped: number;
  /** The widget's serial number (from its label-10 reply), once known. */
  serialNumber: string | null;
  /** Bytes from the widget that were not a valid reply. */
  garbageBytes: number;
}

/**
 * The api of an `enttec-dmx-pro` device: a universe of levels with fades, refreshed continuously.
 *
 * @example
 * ```ts
 * const lights: EnttecDmxProApi = hardware.device('lights');
 * lights.set({ 1: 255, 2: 40 });
 * await lights.fade({ 1: 0, 2: 0 }, { duration: 5 }); // seconds
 * console.log(lights.stats().framesSent);
 * ```
 */
export interface EnttecDmxProApi extends DmxUniverse {
  stats(): DmxOutputStats;
  /** When the last frames (up to 256) were written: for timing diagnostics. */
  frameTimes(): DmxFrameTime[];
}

/** Where the levels start in a label-6 frame: after 7E, the label, two length bytes and the start code. */
const LEVELS_OFFSET = 5;

const optionsSchema = z
  .object({
    channels: z.number().int().min(24).max(512).default(512),
    refreshHz: z.number().min(1).max(44).default(40),
    writer: z.enum(['worker', 'thread']).default('worker'),
    spinMs: z.number().min(0).max(5).default(1),
    realtimePriority: z.number().int().min(1).max(99).optional(),
  })
  .strict();

/**
 * Driver of the Enttec DMX USB Pro (and compatible widgets): label-6 frames `7E 06 <len> 00 <levels> E7`
 * sent continuously at `refreshHz` (DMX fixtures black out when frames stop), the wanted levels kept
 * across reconnects, and a label-10 serial-number request as heartbeat.
 *
 * @example
 * ```ts
 * const device = { id: 'lights', transport: serialTransport({ path }), driver: enttecDmxPro({ channels: 24 }) };
 * await hardware.device('lights').fade({ 1: 255, 2: 128 }, { duration: 3 });
 * ```
 */
export function enttecDmxPro(options: EnttecDmxProOptions = {}): DeviceDriver<EnttecDmxProApi> {
  const { channels, refreshHz, writer, spinMs, realtimePriority } = parseInput(optionsSchema, options, 'DMX options');
  return {
    specificationVersion: 'v1',
    kind: 'enttec-dmx-pro',
    serial: { baudRate: 57600 },
    // The widget only answers requests (a 9-byte serial number per heartbeat).
    maxBytesPerSecond: 4096,
    create(ctx) {
      // One label-6 frame for the driver's life, shared with the refresh worker: a level that changes is
      // patched into it on the next refresh tick, all changes of a tick in one edit (the worker never sends a
      // frame torn between two edits; the main thread's writer never patches while a write is in flight).
      const shared = createSharedDmxFrame(enttecDmxFrame(new Uint8Array(channels)));
      const pending = new Uint8Array(channels);
      const marked = new Uint8Array(channels);
      const changed = new Uint16Array(channels);
      let changes = 0;
      const universe = createDmxUniverse({
        channels,
        clock: ctx.clock,
        onLevel(index, level) {
          pending[index] = level;
          if (marked[index] === 1) return;
          marked[index] = 1;
          changed[changes] = index;
          changes += 1;
        },
      });
      const patch = () => {
        universe.advance();
        if (changes === 0) return;
        shared.edit((frame) => {
          for (let at = 0; at < changes; at += 1) {
            const index = changed[at] as number;
            frame[LEVELS_OFFSET + index] = pending[index] as number;
            marked[index] = 0;
          }
        });
        changes = 0;
      };
      let parser = createEnttecParser();
      const counters = { serialNumber: null as string | null, garbageBytes: 0 };
      const periodMs = 1000 / refreshHz;
      // Deadlines on a monotonic clock (the wall clock can be stepped); the kernel's own when it is a test clock.
      const now = ctx.clock === systemClock ? () => performance.now() : () => ctx.clock.now();
      const thread = createThreadFrameWriter(ctx, shared, patch);
      const worker = writer === 'worker' && ctx.clock === systemClock ? createWorkerFrameWriter({ shared, periodMs, spinMs, realtimePriority, deviceId: ctx.deviceId, logger: ctx.logger }) : undefined;
      /** The worker while it has this link's fd; frames go from the main thread otherwise. */
      let working: WorkerFrameWriter | undefined;
      let refresh: TimerHandle | undefined;
      let due = 0;
      let answered: (() => void) | undefined;
      const stopRefresh = () => {
        ctx.clock.clearTimeout(refresh);
        refresh = undefined;
        thread.stop();
        working?.release();
        working = undefined;
      };
      // Ticks fall on a fixed grid (connect time + n × period), not 'period after the last one': a timer
      // re-armed from each callback drifts by every callback's lateness and would fall short of refreshHz.
      // A tick more than a period late skips the frames it missed and starts a new grid. With the worker
      // writing, a tick only patches the shared frame (and counts the worker's bytes): its timing is the
      // worker's own.
      const tick = () => {
        if (working === undefined) thread.send();
        else {
          patch();
          working.count();
        }
        due += periodMs;
        const lateness = now() - due;
        if (lateness > periodMs) {
          if (working === undefined) Atomics.add(shared.control, SharedSlots.framesSkipped, Math.floor(lateness / periodMs));
          due = now();
        }
        refresh = ctx.clock.setTimeout(tick, Math.max(0, due - now()));
      };
      return {
        api: {
          ...universe,
          stats: () => ({ framesSent: Atomics.load(shared.control, SharedSlots.framesSent), framesSkipped: Atomics.load(shared.control, SharedSlots.framesSkipped), ...counters }),
          frameTimes: () => shared.frameTimes(),
        },
        async onConnect() {
          // Half a reply left by the previous link would swallow the first reply of this one.
          parser = createEnttecParser();
          stopRefresh();
          const leased = worker === undefined ? undefined : ctx.leaseFd?.();
          if (worker === undefined || leased === undefined) {
            due = now();
            tick();
            return;
          }
          patch();
          working = worker;
          // Connected once the worker is up (the first link waits for it to start), so the first heartbeat
          // does not wait out a worker's start-up on a busy machine.
          await worker.start(leased);
          // The link dropped meanwhile: its disconnect stopped the refresh.
          if (working !== worker) return;
          // The patch ticks fall half a period after the worker's deadlines: the main thread never wakes just
          // when a frame goes out, taking a core from the frame's way to the device (the pty, socat, a reader).
          due = now() + periodMs / 2;
          refresh = ctx.clock.setTimeout(tick, periodMs / 2);
        },
        onDisconnect: stopRefresh,
        onData(bytes) {
          const { messages, garbage } = parser.push(bytes);
          counters.garbageBytes += garbage;
          for (const message of messages) {
            if (message.label !== ENTTEC_GET_SERIAL || message.data.length !== 4) continue;
            // The serial number is four BCD bytes, least significant first.
            counters.serialNumber = [...message.data]
              .reverse()
              .map((byte) => byte.toString(16).padStart(2, '0'))
              .join('');
            answered?.();
          }
          if (garbage > 64) throw new Error(`${garbage} bytes of garbage from the DMX widget`);
        },
        heartbeat: () =>
          new Promise<void>((resolve, reject) => {
            answered = resolve;
            // While the worker has the fd, everything written on it goes through the worker (between frames).
            const request = enttecMessage(ENTTEC_GET_SERIAL, new Uint8Array(0));
            (working === undefined ? ctx.write(request) : working.write(request)).catch(reject);
          }),
        dispose() {
          stopRefresh();
          worker?.dispose();
          universe.dispose();
        },
      };
    },
  };
}
