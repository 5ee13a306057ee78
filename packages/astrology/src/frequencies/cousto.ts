import { parseInput } from '@vajra-stream/core';
import * as z from 'zod/mini';

/**
 * Hans Cousto's "cosmic octave" (Die kosmische Oktave, 1984): a periodic phenomenon of period T
 * sounds at f = 2ⁿ / T, with n chosen here to bring f into [120, 240) Hz, the octave in which Cousto's
 * commonly quoted planetary tones all lie.
 */
export const COUSTO_RANGE = { min: 120, max: 240 } as const;

/**
 * Periods in seconds of the cycles used for tones.
 *
 * @example
 * ```ts
 * coustoTone(CYCLE_PERIODS.venus).frequency; // ≈ 221.23 Hz
 * ```
 */
export const CYCLE_PERIODS = {
  /** Mean solar day. */
  earthDay: 86_400,
  /** Tropical year, 365.24219 days (the Sun's apparent circuit of the zodiac). */
  earthYear: 365.24219 * 86_400,
  /** Mean synodic month, 29.530589 days. */
  synodicMonth: 29.530589 * 86_400,
  /** Sidereal month, 27.321662 days. */
  siderealMonth: 27.321662 * 86_400,
  // Sidereal orbital periods (NASA Planetary Fact Sheets), days → seconds.
  mercury: 87.969 * 86_400,
  venus: 224.701 * 86_400,
  mars: 686.98 * 86_400,
  jupiter: 4332.589 * 86_400,
  saturn: 10_759.22 * 86_400,
  uranus: 30_685.4 * 86_400,
  neptune: 60_189 * 86_400,
  pluto: 90_560 * 86_400,
} as const;

/**
 * A cycle with a period in {@link CYCLE_PERIODS}.
 *
 * @example
 * ```ts
 * const cycle: Cycle = 'synodicMonth';
 * coustoTone(CYCLE_PERIODS[cycle]); // { frequency: 210.42…, octave: 29 }
 * ```
 */
export type Cycle = keyof typeof CYCLE_PERIODS;

/** From a microsecond to 1e15 s (about 32 million years; the precession of the equinoxes is 8.1e11 s). */
const periodSchema = z.number().check(z.gte(1e-6), z.lte(1e15));

/**
 * Cousto tone of a cycle: f = 2ⁿ / period, octave n chosen to land in [120, 240) Hz.
 *
 * @example
 * ```ts
 * coustoTone(365.24219 * 86400); // { frequency: 136.10…, octave: 32 }
 * ```
 */
export function coustoTone(periodSeconds: number): { frequency: number; octave: number } {
  parseInput(periodSchema, periodSeconds, 'period (seconds)');
  let octave = Math.ceil(Math.log2(COUSTO_RANGE.min * periodSeconds));
  let frequency = 2 ** octave / periodSeconds;
  if (frequency >= COUSTO_RANGE.max) {
    octave -= 1;
    frequency /= 2;
  }
  return { frequency, octave };
}
