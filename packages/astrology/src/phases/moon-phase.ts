import { parseInput } from '@vajra-stream/core';
import { bodyState, ephemerisTime, positionContext } from '../ephemeris/ephemeris';
import { DEG, norm360 } from '../math/angles';
import { instantSchema, type InstantInput } from '../schema/inputs';

/**
 * Names of the eight lunar phases, each centred on a multiple of 45° of elongation.
 *
 * @example
 * ```ts
 * MOON_PHASE_NAMES[4]; // 'full moon'
 * ```
 */
export const MOON_PHASE_NAMES = ['new moon', 'waxing crescent', 'first quarter', 'waxing gibbous', 'full moon', 'waning gibbous', 'last quarter', 'waning crescent'] as const;

/**
 * One of {@link MOON_PHASE_NAMES}.
 *
 * @example
 * ```ts
 * const glyph: Record<MoonPhaseName, string> = {
 *   'new moon': '🌑',
 *   'waxing crescent': '🌒',
 *   'first quarter': '🌓',
 *   'waxing gibbous': '🌔',
 *   'full moon': '🌕',
 *   'waning gibbous': '🌖',
 *   'last quarter': '🌗',
 *   'waning crescent': '🌘',
 * };
 * glyph[moonPhase(new Date()).name];
 * ```
 */
export type MoonPhaseName = (typeof MOON_PHASE_NAMES)[number];

/**
 * The Moon's phase at an instant.
 *
 * @example
 * ```ts
 * const phase: MoonPhase = moonPhase('2024-04-23T23:49:00Z');
 * // { angle: 179.9998…, illumination: 0.9997…, name: 'full moon', waxing: true, ageDays: 14.77… }
 * ```
 */
export interface MoonPhase {
  /** Apparent elongation Moon − Sun in ecliptic longitude, degrees [0, 360): 0 new, 90 first quarter, 180 full. */
  angle: number;
  /** Illuminated fraction of the disc, 0–1 (from the true phase angle, Meeus ch. 48). */
  illumination: number;
  name: MoonPhaseName;
  waxing: boolean;
  /** Days since the last new moon at the mean synodic rate (approximate age). */
  ageDays: number;
}

/**
 * The Moon's phase angle, illuminated fraction and phase name at an instant.
 *
 * @example
 * ```ts
 * const p = moonPhase('2024-04-23T23:49:00Z'); // full moon
 * p.name; // 'full moon'
 * ```
 */
export function moonPhase(date: InstantInput): MoonPhase {
  const ms = parseInput(instantSchema, date, 'date');
  const ctx = positionContext(ephemerisTime(ms));
  const sun = bodyState(ctx, 'sun');
  const moon = bodyState(ctx, 'moon');
  const angle = norm360(moon.longitude - sun.longitude);
  // geocentric elongation ψ and phase angle i (Meeus 48.2, 48.3)
  const cosPsi = Math.cos(moon.latitude * DEG) * Math.cos((moon.longitude - sun.longitude) * DEG);
  const psi = Math.acos(cosPsi);
  const phaseAngle = Math.atan2(sun.distance * Math.sin(psi), moon.distance - sun.distance * Math.cos(psi));
  return {
    angle,
    illumination: (1 + Math.cos(phaseAngle)) / 2,
    name: MOON_PHASE_NAMES[Math.floor(norm360(angle + 22.5) / 45) % 8]!,
    waxing: angle < 180,
    ageDays: angle / 12.190749,
  };
}
