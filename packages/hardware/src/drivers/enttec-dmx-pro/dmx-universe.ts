import { parseInput, type Clock, type TimerHandle } from '@vajra-stream/core';
import { z } from 'zod';

/**
 * Channel levels by channel number (1-based), each 0–255, e.g. `{ 1: 255, 2: 128 }`.
 *
 * @example
 * ```ts
 * const warmWhite: DmxLevels = { 1: 255, 2: 180, 3: 90 };
 * await hardware.device('lights').fade(warmWhite, { duration: 3 });
 * ```
 */
export type DmxLevels = Record<number, number>;

/**
 * What a fade resolves with: `completed: false` when another change to its channels replaced it.
 *
 * @example
 * ```ts
 * const result: FadeResult = await hardware.device('lights').fade({ 1: 0 }, { duration: 10 });
 * if (!result.completed) console.log('another command took over channel 1 before the fade ended');
 * ```
 */
export interface FadeResult {
  completed: boolean;
}

/**
 * A DMX universe: wanted levels and fades between them on the kernel clock. `render()` gives the
 * levels of this instant, as sent in the next frame. An `enttec-dmx-pro` device's api is one.
 *
 * @example
 * ```ts
 * const universe: DmxUniverse = hardware.device('lights');
 * universe.set({ 1: 255 });
 * await universe.fade({ 1: 0 }, { duration: 2 }); // seconds
 * universe.levels().slice(0, 3); // [0, 0, 0]
 * ```
 */
export interface DmxUniverse {
  readonly channels: number;
  /** Set levels at once (cancelling fades on those channels). */
  set(levels: DmxLevels): void;
  /** Fade to `levels` over `duration` seconds, linearly; resolves when done or replaced. */
  fade(levels: DmxLevels, options: { duration: number }): Promise<FadeResult>;
  /** Fade every channel to 0 (default at once). */
  blackout(options?: { duration?: number }): Promise<FadeResult>;
  /** The levels now (index 0 is channel 1). */
  levels(): number[];
  render(): Uint8Array;
  /** Bring running fades to this instant (`levels()` and `render()` do it too), without allocating. */
  advance(): void;
  dispose(): void;
}

interface Fade {
  from: number;
  to: number;
  startMs: number;
  durationMs: number;
  done: (result: FadeResult) => void;
}

const durationSchema = z.number().min(0).max(3600);

/**
 * Build a universe of `channels` levels on `clock`; `onLevel` hears of every level that changes (index 0
 * is channel 1), as a DMX output patching its frame in place does.
 * @example
 * ```ts
 * const universe = createDmxUniverse({ channels: 16, clock: systemClock });
 * ```
 */
export function createDmxUniverse({ channels, clock, onLevel }: { channels: number; clock: Clock; onLevel?: (index: number, level: number) => void }): DmxUniverse {
  const levelsSchema = z.record(
    z
      .string()
      .regex(/^[1-9][0-9]{0,2}$/)
      .refine((key) => Number(key) <= channels, { message: `channels are 1 to ${channels}` }),
    z.number().int().min(0).max(255),
  );
  const current = new Uint8Array(channels);
  /** Every change of a level goes through here, so `onLevel` hears of each one (a frame patched in place). */
  const put = (index: number, level: number): void => {
    if (current[index] === level) return;
    current[index] = level;
    onLevel?.(index, level);
  };
  const fades = new Map<number, Fade>();
  const timers = new Set<TimerHandle>();

  const parse = (levels: DmxLevels): Array<[number, number]> => Object.entries(parseInput(levelsSchema, levels, 'DMX levels')).map(([key, value]) => [Number(key) - 1, value]);

  const cancel = (index: number): void => {
    const fade = fades.get(index);
    if (fade === undefined) return;
    fades.delete(index);
    fade.done({ completed: false });
  };

  const advance = (): void => {
    const now = clock.now();
    for (const [index, fade] of fades) {
      const progress = fade.durationMs === 0 ? 1 : Math.min(1, (now - fade.startMs) / fade.durationMs);
      put(index, Math.round(fade.from + (fade.to - fade.from) * progress));
      if (progress >= 1) {
        fades.delete(index);
        fade.done({ completed: true });
      }
    }
  };

  const fade = (levels: DmxLevels, { duration }: { duration: number }): Promise<FadeResult> => {
    const seconds = parseInput(durationSchema, duration, 'fade duration');
    const targets = parse(levels);
    advance();
    if (seconds === 0 || targets.length === 0) {
      for (const [index, value] of targets) {
        cancel(index);
        put(index, value);
      }
      return Promise.resolve({ completed: true });
    }
    const startMs = clock.now();
    const parts = targets.map(([index, to]) => {
      cancel(index);
      return new Promise<FadeResult>((done) => fades.set(index, { from: current[index] as number, to, startMs, durationMs: seconds * 1000, done }));
    });
    // Fades end on time even when no frame is rendered (the widget is unplugged).
    const timer = clock.setTimeout(() => {
      timers.delete(timer);
      advance();
    }, seconds * 1000);
    timers.add(timer);
    return Promise.all(parts).then((results) => ({ completed: results.every((result) => result.completed) }));
  };

  return {
    channels,
    set(levels) {
      for (const [index, value] of parse(levels)) {
        cancel(index);
        put(index, value);
      }
    },
    fade,
    blackout: (options = {}) => fade(Object.fromEntries(Array.from({ length: channels }, (_, index) => [index + 1, 0])), { duration: options.duration ?? 0 }),
    levels() {
      advance();
      return [...current];
    },
    render() {
      advance();
      return current.slice();
    },
    advance,
    dispose() {
      for (const index of [...fades.keys()]) cancel(index);
      for (const timer of timers) clock.clearTimeout(timer);
      timers.clear();
    },
  };
}
