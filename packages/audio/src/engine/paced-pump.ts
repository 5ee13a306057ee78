import type { Clock } from '@vajra-stream/core';
import type { SinkSource } from './audio-sink';

/** Pull audio from a source in real time as measured by a clock. */
export interface PacedPump {
  stop(): void;
  /** Frames delivered so far. */
  readonly frames: number;
}

/**
 * Every `intervalMs`, pull exactly the frames that real time (per `clock.now()`) says are due, so the
 * engine advances at 1 s of audio per clock second (a manual clock makes it run as fast as a test wants).
 *
 * @example
 * const pump = startPacedPump(source, systemClock, 20, ([left, right]) => write(left, right));
 */
export function startPacedPump(source: SinkSource, clock: Clock, intervalMs: number, deliver: (channels: [Float32Array, Float32Array]) => void): PacedPump {
  const started = clock.now();
  let frames = 0;
  const maxChunk = Math.max(64, Math.round(source.sampleRate * 0.5));
  const tick = () => {
    const due = Math.floor(((clock.now() - started) * source.sampleRate) / 1000) - frames;
    for (let remaining = due; remaining > 0; ) {
      const chunk = Math.min(maxChunk, remaining);
      deliver(source.pull(chunk));
      frames += chunk;
      remaining -= chunk;
    }
  };
  const handle = clock.setInterval(tick, intervalMs);
  return {
    stop() {
      clock.clearInterval(handle);
    },
    get frames() {
      return frames;
    },
  };
}
