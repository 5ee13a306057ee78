import { systemClock, type Clock } from '@vajra-stream/core';
import type { AudioSink } from './audio-sink';
import { startPacedPump, type PacedPump } from './paced-pump';

/**
 * Options of the clock-paced sinks.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const engine = createAudioEngine({ sink: nullSink({ clock, intervalMs: 50 }) });
 * await engine.play({ duration: 10, layers: [{ kind: 'tone', frequency: 440 }] });
 * await clock.advance(2000); // two seconds of audio pulled, 50 ms at a time
 * engine.status().position; // 2
 * ```
 */
export interface PacedSinkOptions {
  /** Clock that paces the sink (default: system clock; use core's manual clock in tests). */
  clock?: Clock;
  /** Pull interval in ms (default 20). */
  intervalMs?: number;
}

/**
 * A sink for machines without a sound card: renders in real time (paced by a clock) and discards the
 * audio, so status, activeFrequencies and spectrum behave as if it played.
 *
 * @example
 * const engine = createAudioEngine({ sink: nullSink() });
 * await engine.play({ duration: 60, layers: [{ kind: 'tone', frequency: 528 }] });
 */
export function nullSink(options: PacedSinkOptions = {}): AudioSink {
  let pump: PacedPump | undefined;
  return {
    name: 'null',
    open(source) {
      pump = startPacedPump(source, options.clock ?? systemClock, options.intervalMs ?? 20, () => {});
    },
    close() {
      pump?.stop();
      pump = undefined;
    },
  };
}
