import { parseInput } from '@vajra-stream/core';
import * as z from 'zod/mini';

/**
 * Ayanamsas as data: each is the mean (nutation-free) distance of the equinox from the sidereal zero
 * point at a reference epoch; at other times the general precession in longitude p_A (IAU 2006,
 * Capitaine et al. 2003) is added. The true ayanamsa adds the nutation in longitude.
 *
 * @example
 * ```ts
 * const raman: AyanamsaDefinition = {
 *   name: 'Raman',
 *   epochJd: 2415020, // J1900
 *   valueAtEpoch: 21.01444,
 *   source: 'B. V. Raman (after Robert Hand), as defined in the Swiss Ephemeris',
 * };
 * chart({ date: '2024-01-01T00:00:00Z', latitude: 0, longitude: 0, zodiac: 'sidereal', ayanamsa: raman }).ayanamsa; // { name: 'Raman', degrees: 22.74… }
 * ```
 */
export interface AyanamsaDefinition {
  /** Display name. */
  name: string;
  /** Reference epoch, Julian Day (TT). */
  epochJd: number;
  /** Mean ayanamsa at the epoch, degrees. */
  valueAtEpoch: number;
  /** Where the definition comes from. */
  source: string;
}

/**
 * Built-in ayanamsas. Add your own by passing an {@link AyanamsaDefinition} instead of a name.
 *
 * @example
 * ```ts
 * chart({ date: '2024-01-01T00:00:00Z', latitude: 0, longitude: 0, zodiac: 'sidereal', ayanamsa: AYANAMSAS.lahiri });
 * ```
 */
export const AYANAMSAS = {
  lahiri: {
    name: 'Lahiri (Chitrapaksha)',
    epochJd: 2435553.5,
    // 23°15′00.658″ on 1956-03-21 0h as published by the Indian Calendar Reform Committee
    // (that value includes nutation, −16.77″ then); mean value = 23.250182778° − 0.004658035°.
    valueAtEpoch: 23.250182778 - 0.004658035,
    source: 'Indian Astronomical Ephemeris / Calendar Reform Committee (1955)',
  },
  faganBradley: {
    name: 'Fagan/Bradley',
    epochJd: 2433282.42346,
    valueAtEpoch: 24.042044444,
    source: 'Fagan & Bradley: 24°02′31.36″ on 1950-01-01 (synetic vernal point)',
  },
} as const satisfies Record<string, AyanamsaDefinition>;

/**
 * The name of a built-in ayanamsa (a key of {@link AYANAMSAS}).
 *
 * @example
 * ```ts
 * const ayanamsa: AyanamsaName = 'faganBradley';
 * chart({ date: '2024-01-01T00:00:00Z', latitude: 0, longitude: 0, zodiac: 'sidereal', ayanamsa }).ayanamsa; // { name: 'Fagan/Bradley', degrees: 25.07… }
 * ```
 */
export type AyanamsaName = keyof typeof AYANAMSAS;

/** General precession in longitude since J2000 (IAU 2006), degrees; `tt` in days since J2000. */
function generalPrecession(tt: number): number {
  const T = tt / 36525;
  return (5028.796195 * T + 1.1054348 * T * T + 0.00007964 * T * T * T) / 3600;
}

/**
 * Mean ayanamsa (no nutation) in degrees at `tt` (days since J2000, TT).
 *
 * @example
 * ```ts
 * meanAyanamsa(AYANAMSAS.lahiri, 0); // ≈ 23.857 (J2000)
 * ```
 */
export function meanAyanamsa(definition: AyanamsaDefinition, tt: number): number {
  return ayanamsaAt(parseInput(ayanamsaDefinitionSchema, definition, 'ayanamsa definition'), parseInput(z.number(), tt, 'tt'));
}

/** Schema of an {@link AyanamsaDefinition} given by the caller. */
export const ayanamsaDefinitionSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  epochJd: z.number(),
  valueAtEpoch: z.number().check(z.gte(-360), z.lte(360)),
  source: z.string().check(z.maxLength(500)),
});

/** {@link meanAyanamsa} on inputs already known to be valid (the chart's own). */
export function ayanamsaAt(definition: AyanamsaDefinition, tt: number): number {
  return definition.valueAtEpoch + generalPrecession(tt) - generalPrecession(definition.epochJd - 2451545.0);
}
