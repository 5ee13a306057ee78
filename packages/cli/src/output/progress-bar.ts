import { formatDuration } from './format-duration';
import type { OutputStream } from './terminal';

/** A one-line progress bar with an ETA. */
export interface ProgressBar {
  /** Report progress as a fraction 0…1 (redrawn at most every `redrawMs`). */
  update(fraction: number): void;
  /** Clear the line (the caller prints the result). */
  clear(): void;
}

/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  /** The bar is drawn only when this stream is a terminal. */
  stream: OutputStream;
  /** Text before the bar. */
  label: string;
  /** Milliseconds since some origin (default `performance.now`). */
  now?: () => number;
  /** Minimum time between redraws (default 100 ms). */
  redrawMs?: number;
}

const WIDTH = 24;

/**
 * A progress bar on stderr that draws only on a terminal (pipes and files get nothing), with the time
 * left estimated from the rate so far.
 *
 * @example
 * ```ts
 * const bar = createProgressBar({ stream: process.stderr, label: 'rendering' });
 * bar.update(0.5);
 * bar.clear();
 * ```
 */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const { stream, label } = options;
  const now = options.now ?? (() => performance.now());
  const redrawMs = options.redrawMs ?? 100;
  const started = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const active = stream.isTTY === true;
  return {
    update(fraction) {
      const at = now();
      if (!active || (at - lastDraw < redrawMs && fraction < 1)) return;
      lastDraw = at;
      const done = Math.min(1, Math.max(0, fraction));
      const filled = Math.round(done * WIDTH);
      const elapsed = (at - started) / 1000;
      const left = done > 0.01 && elapsed > 0.5 ? ` · ${formatDuration((elapsed * (1 - done)) / done)} left` : '';
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      stream.write(`\r\u001b[2K${label} ${bar} ${(done * 100).toFixed(0).padStart(3)}%${left}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
