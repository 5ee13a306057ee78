/**
 * A body of the cosmic octave with the period its tone is computed from.
 *
 * @example
 * ```ts
 * const siderealDay: CosmicPeriod = { period: 86_164.0905, source: 'sidereal day 23 h 56 min 4.0905 s' };
 * octaveTone(siderealDay.period); // 194.71 (Hz)
 * ```
 */
export interface CosmicPeriod {
  /** Period in seconds. */
  period: number;
  /** Where the period comes from. */
  source: string;
}

const DAY = 86_400;
const JULIAN_YEAR = 365.25 * DAY;
/** Heliocentric gravitational constant GM☉ (m³/s², IAU 2015 nominal) and the speed of light (m/s). */
const GM_SUN = 1.3271244e20;
const LIGHT = 299_792_458;

/**
 * Periods behind Hans Cousto's "cosmic octave" (The Cosmic Octave, 1978/1984). Planetary sidereal periods
 * are the values of NASA's planetary fact sheets, except Pluto, for which Cousto used the older
 * 248.43-year figure (the modern 90 560 d gives 140.40 Hz). The Sun's tone follows Cousto's
 * "Berechnung des Sonnentones": the orbital period at the Sun's gravitational radius, 2π·GM☉/c³.
 *
 * @example
 * cosmicPeriods.earthYear.period / 86400; // 365.24219 days
 */
export const cosmicPeriods = {
  earthYear: { period: 365.242199 * DAY, source: 'tropical year 365.242199 d' },
  earthDay: { period: DAY, source: 'mean solar day 86 400 s' },
  platonicYear: { period: 25_920 * 365.242199 * DAY, source: 'precession of the equinoxes, 25 920 tropical years' },
  sun: { period: (2 * Math.PI * GM_SUN) / LIGHT ** 3, source: 'orbit at the gravitational radius of the Sun, 2π·GM☉/c³' },
  moon: { period: 29.530589 * DAY, source: 'mean synodic month 29.530589 d' },
  mercury: { period: 87.969 * DAY, source: 'sidereal period 87.969 d' },
  venus: { period: 224.701 * DAY, source: 'sidereal period 224.701 d' },
  mars: { period: 686.98 * DAY, source: 'sidereal period 686.980 d' },
  jupiter: { period: 4332.589 * DAY, source: 'sidereal period 4332.589 d' },
  saturn: { period: 10_759.22 * DAY, source: 'sidereal period 10 759.22 d' },
  uranus: { period: 30_685.4 * DAY, source: 'sidereal period 30 685.4 d' },
  neptune: { period: 60_189 * DAY, source: 'sidereal period 60 189 d' },
  pluto: { period: 248.43 * JULIAN_YEAR, source: "sidereal period 248.43 years (Cousto's value)" },
} as const satisfies Record<string, CosmicPeriod>;

/**
 * Name of a cosmic-octave body.
 *
 * @example
 * ```ts
 * const body: CosmicBody = 'earthYear';
 * cosmicOctave()[body]; // 136.10 (Hz)
 * cosmicPeriods[body].source; // 'tropical year 365.242199 d'
 * ```
 */
export type CosmicBody = keyof typeof cosmicPeriods;

/**
 * Transpose a period by whole octaves into the audible band [low, 2·low): f = 2ⁿ / period.
 *
 * @example
 * octaveTone(86400); // 194.18 Hz (2²⁴ / 86 400 s)
 */
export function octaveTone(periodSeconds: number, low = 125): number {
  let frequency = 1 / periodSeconds;
  const octaves = Math.floor(Math.log2(low / frequency)) + 1;
  frequency *= 2 ** octaves;
  if (frequency >= 2 * low) frequency /= 2;
  return frequency;
}

/**
 * The cosmic-octave tones, computed from the periods (never hard-coded).
 *
 * @example
 * cosmicOctave().earthYear; // ≈ 136.10 Hz ("Om")
 */
export function cosmicOctave(): Record<CosmicBody, number> {
  return Object.fromEntries(Object.entries(cosmicPeriods).map(([name, body]) => [name, octaveTone(body.period)])) as Record<CosmicBody, number>;
}
