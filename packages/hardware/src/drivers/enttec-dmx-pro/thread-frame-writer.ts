import type { DriverContext } from '../../driver/device-driver';
import { monotonicMs, SharedSlots, type SharedDmxFrame } from './shared-dmx-frame';

/** Frames written from the main thread through `ctx.write`: the writer where the link lends no fd. */
export interface ThreadFrameWriter {
  /** Patches the frame and writes it, or marks it late while the previous write is in flight. */
  send(): void;
  /** No frame that fell due during a write goes out when it ends. */
  stop(): void;
}

/**
 * A frame writer on the main thread. `patch` brings the shared frame up to date; it runs only between
 * writes, so a write never sees a frame change under it. Not awaited by the schedule: a slow write
 * delays its own frame, never the deadlines of the next ones.
 */
export function createThreadFrameWriter(ctx: Pick<DriverContext, 'write'>, shared: SharedDmxFrame, patch: () => void): ThreadFrameWriter {
  let writing = false;
  /** A frame fell due while the previous one was still being written: it goes out when that write ends. */
  let late = false;
  let running = false;
  const written = () => {
    writing = false;
    if (!late || !running) return;
    late = false;
    send();
  };
  const send = () => {
    running = true;
    if (writing) {
      if (late) Atomics.add(shared.control, SharedSlots.framesSkipped, 1);
      late = true;
      return;
    }
    writing = true;
    patch();
    const calledAt = monotonicMs();
    ctx.write(shared.frame).then(() => {
      shared.sent(calledAt, monotonicMs());
      written();
    }, written);
  };
  return {
    send,
    stop() {
      running = false;
      late = false;
    },
  };
}
