import { parseInput } from '@vajra-stream/core';
import { deltaTSeconds, ephemerisTime } from '../ephemeris/ephemeris';
import { instantSchema, type InstantInput } from '../schema/inputs';

/**
 * ΔT = TT − UT in seconds used by this package at an instant (IERS table 1900–2025, documented
 * extrapolation after, Espenak–Meeus before).
 *
 * @example
 * ```ts
 * deltaT('2020-01-01T00:00:00Z'); // ≈ 69.36
 * ```
 */
export function deltaT(date: InstantInput): number {
  return deltaTSeconds(ephemerisTime(parseInput(instantSchema, date, 'date')));
}
