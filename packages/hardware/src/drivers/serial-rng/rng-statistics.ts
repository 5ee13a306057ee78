import { twoSidedP } from './normal-distribution';

/**
 * Bits per trial.
 * @example
 * ```ts
 * const bytesPerTrial = BITS_PER_TRIAL / 8; // 25
 * ```
 */
export const BITS_PER_TRIAL = 200;
const BYTES_PER_TRIAL = BITS_PER_TRIAL / 8;
const EXPECTED_ONES = BITS_PER_TRIAL / 2;
const SD_ONES = Math.sqrt(BITS_PER_TRIAL / 4);
/**
 * |Z| below this is reported as consistent with chance (two-sided 5 %).
 * @example
 * ```ts
 * const byChance = Math.abs(summary.stoufferZ) < CHANCE_THRESHOLD;
 * ```
 */
export const CHANCE_THRESHOLD = 1.96;

/**
 * A label for a stretch of readings: `control` (nothing intended) or `intention` (during a session).
 *
 * @example
 * ```ts
 * const period: RngPeriod = 'intention';
 * hardware.device('rng').mark(period);
 * const summary = hardware.device('rng').summary(period);
 * ```
 */
export type RngPeriod = 'control' | 'intention';

/**
 * One 200-bit trial.
 *
 * @example
 * ```ts
 * const trial: RngTrial = { ones: 110, z: (110 - 100) / Math.sqrt(50), period: 'control' };
 * summarizeTrials([trial]).stoufferZ; // 1.414
 * ```
 */
export interface RngTrial {
  ones: number;
  /** (ones − 100) / √50. */
  z: number;
  period: RngPeriod;
}

/**
 * Statistics of a set of trials. `interpretation` is a plain reading of the numbers: a result outside
 * the 95 % range still says nothing about why; nothing here makes a causal claim.
 *
 * @example
 * ```ts
 * const summary: RngSummary = hardware.device('rng').summary('intention');
 * // { trials: 600, bits: 120000, cumulativeDeviation: -38, stoufferZ: -0.219, p: 0.826, interpretation: 'consistent with chance' }
 * ```
 */
export interface RngSummary {
  trials: number;
  bits: number;
  /** Sum of (ones − 100) over the trials. */
  cumulativeDeviation: number;
  /** Stouffer's Z: Σz / √trials (0 with no trials). */
  stoufferZ: number;
  /** Two-sided p-value of `stoufferZ`. */
  p: number;
  interpretation: 'consistent with chance' | 'outside the range expected by chance 95 % of the time' | 'no data';
}

/**
 * A completed window of trials.
 *
 * @example
 * ```ts
 * const windows: RngWindow[] = hardware.device('rng').windows(10);
 * // [{ index: 41, period: 'control', at: '2026-12-02T16:40:00.000Z', trials: 60, bits: 12000, stoufferZ: 0.31, p: 0.757, … }, …]
 * ```
 */
export interface RngWindow extends RngSummary {
  index: number;
  period: RngPeriod;
  /** When the window completed (ISO). */
  at: string;
}

const popcount = (byte: number): number => {
  let count = 0;
  for (let value = byte; value !== 0; value &= value - 1) count += 1;
  return count;
};

/**
 * Summarise trials: Stouffer Z, p-value, cumulative deviation.
 *
 * @example
 * ```ts
 * summarizeTrials([{ ones: 110, z: 1.414, period: 'control' }]).stoufferZ; // 1.414
 * ```
 */
export function summarizeTrials(trials: ReadonlyArray<Pick<RngTrial, 'ones' | 'z'>>): RngSummary {
  if (trials.length === 0) return { trials: 0, bits: 0, cumulativeDeviation: 0, stoufferZ: 0, p: 1, interpretation: 'no data' };
  let deviation = 0;
  let sumZ = 0;
  for (const trial of trials) {
    deviation += trial.ones - EXPECTED_ONES;
    sumZ += trial.z;
  }
  const stoufferZ = sumZ / Math.sqrt(trials.length);
  return {
    trials: trials.length,
    bits: trials.length * BITS_PER_TRIAL,
    cumulativeDeviation: deviation,
    stoufferZ,
    p: twoSidedP(stoufferZ),
    interpretation: Math.abs(stoufferZ) < CHANCE_THRESHOLD ? 'consistent with chance' : 'outside the range expected by chance 95 % of the time',
  };
}

/**
 * Options of {@link createRngStatistics}.
 *
 * @example
 * ```ts
 * const options: RngStatisticsOptions = { windowTrials: 60, maxRawBytes: 1 << 20, maxTrials: 100_000, now: Date.now };
 * const stats = createRngStatistics(options);
 * ```
 */
export interface RngStatisticsOptions {
  /** Trials per window (default 60). */
  windowTrials?: number;
  /** Raw bytes kept, most recent first out (default 1 MiB). */
  maxRawBytes?: number;
  /** Trials kept for period summaries (default 100 000, oldest dropped first). */
  maxTrials?: number;
  now: () => number;
}

/**
 * Running statistics over a byte stream: 200-bit trials, z per trial, a window every
 * `windowTrials` trials, per-period summaries, and the raw bytes.
 *
 * @example
 * ```ts
 * const stats = createRngStatistics({ now: Date.now });
 * const windows = stats.push(bytes);
 * stats.summary('intention');
 * ```
 */
export function createRngStatistics(options: RngStatisticsOptions) {
  const { windowTrials = 60, maxRawBytes = 1 << 20, maxTrials = 100_000, now } = options;
  const raw = new Uint8Array(maxRawBytes);
  let rawWritten = 0;
  let received = 0;
  let partialOnes = 0;
  let partialBytes = 0;
  let period: RngPeriod = 'control';
  // Kept trials are trials[firstKept…]; dropped ones are cut off in one go (Array.shift per trial would
  // cost O(maxTrials) each once the limit is reached).
  const trials: RngTrial[] = [];
  let firstKept = 0;
  const kept = (): RngTrial[] => trials.slice(firstKept);
  let windowTrialsSoFar: RngTrial[] = [];
  const windows: RngWindow[] = [];
  let windowIndex = 0;

  const keepRaw = (bytes: Uint8Array): void => {
    const tail = bytes.length > maxRawBytes ? bytes.subarray(bytes.length - maxRawBytes) : bytes;
    for (const byte of tail) {
      raw[rawWritten % maxRawBytes] = byte;
      rawWritten += 1;
    }
  };

  return {
    /** Add bytes; returns the windows they completed. */
    push(bytes: Uint8Array): RngWindow[] {
      received += bytes.length;
      keepRaw(bytes);
      const completed: RngWindow[] = [];
      for (const byte of bytes) {
        partialOnes += popcount(byte);
        partialBytes += 1;
        if (partialBytes < BYTES_PER_TRIAL) continue;
        const trial: RngTrial = { ones: partialOnes, z: (partialOnes - EXPECTED_ONES) / SD_ONES, period };
        partialOnes = 0;
        partialBytes = 0;
        trials.push(trial);
        if (trials.length - firstKept > maxTrials) firstKept += 1;
        if (firstKept >= maxTrials) {
          trials.splice(0, firstKept);
          firstKept = 0;
        }
        windowTrialsSoFar.push(trial);
        if (windowTrialsSoFar.length < windowTrials) continue;
        const window: RngWindow = { ...summarizeTrials(windowTrialsSoFar), index: windowIndex, period, at: new Date(now()).toISOString() };
        windowIndex += 1;
        windowTrialsSoFar = [];
        windows.push(window);
        if (windows.length > 1000) windows.shift();
        completed.push(window);
      }
      return completed;
    },
    /** Label the trials from now on (a partial window is discarded so no window mixes periods). */
    mark(next: RngPeriod): void {
      if (next === period) return;
      period = next;
      windowTrialsSoFar = [];
      partialOnes = 0;
      partialBytes = 0;
    },
    period: (): RngPeriod => period,
    /** Summary of every trial kept, or of one period's. */
    summary(of?: RngPeriod): RngSummary {
      return summarizeTrials(of === undefined ? kept() : kept().filter((trial) => trial.period === of));
    },
    /** The most recent windows (up to 1000), oldest first. */
    windows: (limit = 100): RngWindow[] => windows.slice(-limit),
    /** The raw bytes kept, oldest first. */
    rawBytes(): Uint8Array {
      if (rawWritten <= maxRawBytes) return raw.slice(0, rawWritten);
      const start = rawWritten % maxRawBytes;
      const out = new Uint8Array(maxRawBytes);
      out.set(raw.subarray(start), 0);
      out.set(raw.subarray(0, start), maxRawBytes - start);
      return out;
    },
    /** Bytes received in all (also those no longer kept). */
    bytesReceived: (): number => received,
  };
}

/**
 * The statistics object of a serial RNG, as {@link createRngStatistics} returns it.
 *
 * @example
 * ```ts
 * const stats: RngStatistics = createRngStatistics({ windowTrials: 2, now: Date.now });
 * const completed = stats.push(randomBytes(50)); // 50 bytes = 2 trials of 200 bits = 1 window
 * stats.summary().trials; // 2
 * ```
 */
export type RngStatistics = ReturnType<typeof createRngStatistics>;
