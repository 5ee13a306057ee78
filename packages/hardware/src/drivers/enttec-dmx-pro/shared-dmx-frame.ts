/** Int32 words at the start of a {@link SharedDmxFrame}'s buffer, each changed only with `Atomics`. */
export const SharedSlots = {
  /** Seqlock of the frame bytes: odd while the main thread edits them. */
  sequence: 0,
  /** Bumped (and notified) to wake the refresh worker: a message is waiting for it. */
  wake: 1,
  framesSent: 2,
  framesSkipped: 3,
  /** Bytes the refresh worker wrote (wraps at 2³¹; read as differences). */
  bytesOut: 4,
} as const;

/** How many frames' write times {@link SharedDmxFrame.times} keeps. */
export const FRAME_TIMES = 256;

/** Where each part of the shared buffer is (the refresh worker builds the same views from it). */
export interface SharedDmxLayout {
  controlWords: number;
  timesOffset: number;
  frameOffset: number;
  frameLength: number;
}

/**
 * When one frame was written, in milliseconds on the monotonic clock every process of the machine
 * shares (`process.hrtime`): the write call and its completion. `frame` counts frames sent since the
 * driver was created, from 0.
 *
 * @example
 * ```ts
 * const times: DmxFrameTime[] = hardware.device('lights').frameTimes();
 * const late = times.slice(1).map((time, index) => time.calledAt - times[index].calledAt - 25);
 * ```
 */
export interface DmxFrameTime {
  frame: number;
  calledAt: number;
  doneAt: number;
}

/**
 * A DMX frame on a SharedArrayBuffer with the output's counters: the main thread edits the frame under a
 * seqlock, a refresh worker copies it whole (retrying a copy an edit overlapped), so no frame it sends is
 * torn between two edits.
 */
export interface SharedDmxFrame {
  readonly buffer: SharedArrayBuffer;
  readonly layout: SharedDmxLayout;
  readonly control: Int32Array;
  /** Write call and completion times of the last {@link FRAME_TIMES} frames, in pairs, by frame number. */
  readonly times: Float64Array;
  /** The frame's bytes: edit them only inside {@link SharedDmxFrame.edit}. */
  readonly frame: Uint8Array;
  edit(change: (frame: Uint8Array) => void): void;
  /** Counts a frame sent (written from this thread) with its times. */
  sent(calledAt: number, doneAt: number): void;
  frameTimes(): DmxFrameTime[];
}

/** Milliseconds on the monotonic clock every process of the machine shares. */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** A shared frame holding `initial` (a label-6 message). */
export function createSharedDmxFrame(initial: Uint8Array): SharedDmxFrame {
  const controlWords = 8;
  const timesOffset = controlWords * Int32Array.BYTES_PER_ELEMENT;
  const frameOffset = timesOffset + FRAME_TIMES * 2 * Float64Array.BYTES_PER_ELEMENT;
  const layout: SharedDmxLayout = { controlWords, timesOffset, frameOffset, frameLength: initial.length };
  const buffer = new SharedArrayBuffer(frameOffset + initial.length);
  const control = new Int32Array(buffer, 0, controlWords);
  const times = new Float64Array(buffer, timesOffset, FRAME_TIMES * 2);
  const frame = new Uint8Array(buffer, frameOffset, initial.length);
  frame.set(initial);
  return {
    buffer,
    layout,
    control,
    times,
    frame,
    edit(change) {
      Atomics.add(control, SharedSlots.sequence, 1);
      try {
        change(frame);
      } finally {
        Atomics.add(control, SharedSlots.sequence, 1);
      }
    },
    sent(calledAt, doneAt) {
      const slot = (Atomics.load(control, SharedSlots.framesSent) % FRAME_TIMES) * 2;
      times[slot] = calledAt;
      times[slot + 1] = doneAt;
      Atomics.add(control, SharedSlots.framesSent, 1);
    },
    frameTimes() {
      const sent = Atomics.load(control, SharedSlots.framesSent);
      const result: DmxFrameTime[] = [];
      for (let frame = Math.max(0, sent - FRAME_TIMES); frame < sent; frame += 1) {
        const slot = (frame % FRAME_TIMES) * 2;
        result.push({ frame, calledAt: times[slot] as number, doneAt: times[slot + 1] as number });
      }
      return result;
    },
  };
}
