import * as z from 'zod/mini';
import { parseInput, VajraError } from '@vajra-stream/core';
import { norm360 } from '../math/angles';
import { elongationAt, MEAN_RATES, siderealMoonAt, tropicalMoonAt } from '../lunar/lunar-angles';
import { CHALDEAN_ORDER, type ClassicalPlanet } from '../hours/planetary-hours';
import { SIGNS, type Sign } from '../chart/signs';
import { instantSchema, latitudeSchema, longitudeSchema, type InstantInput } from '../schema/inputs';
import { angleIntervals, directMotionIntervals, planetaryHourIntervals } from './criteria';
import { intersect, type Interval } from './intervals';

const MAX_DAYS = 400;
const SPAN = 360 / 27;
const RETROGRADE_BODIES = ['mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto'] as const;

const whereSchema = z.strictObject({
  moon: z.optional(z.enum(['waxing', 'waning'])),
  moonPhase: z.optional(z.object({ from: z.number().check(z.gte(0), z.lte(360)), to: z.number().check(z.gte(0), z.lte(360)) })),
  planetaryHourRuler: z.optional(z.array(z.enum(CHALDEAN_ORDER)).check(z.minLength(1))),
  nakshatra: z.optional(z.array(z.number().check(z.int(), z.gte(1), z.lte(27))).check(z.minLength(1))),
  tithi: z.optional(z.array(z.number().check(z.int(), z.gte(1), z.lte(30))).check(z.minLength(1))),
  moonSign: z.optional(z.array(z.enum(SIGNS)).check(z.minLength(1))),
  moonSignZodiac: z._default(z.enum(['tropical', 'sidereal']), 'tropical'),
  noRetrograde: z.optional(z.array(z.enum(RETROGRADE_BODIES)).check(z.minLength(1))),
});

/**
 * zod schema of the input of {@link findWindows} (for servers that validate requests up front): instants,
 * an optional place, and strict criteria; the span is at most 400 days.
 *
 * @example
 * ```ts
 * windowSearchSchema.parse({ from: '2024-05-01T00:00:00Z', to: '2024-06-01T00:00:00Z', where: { moon: 'waxing' } });
 * ```
 */
export const windowSearchSchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    location: z.optional(z.object({ latitude: latitudeSchema, longitude: longitudeSchema })),
    where: whereSchema,
  })
  .check(
    z.refine((x) => x.to > x.from, { message: '`to` must be after `from`' }),
    z.refine((x) => x.to - x.from <= MAX_DAYS * 86_400_000, { message: `range must not exceed ${MAX_DAYS} days` }),
  );

/**
 * Criteria for {@link findWindows}; all given criteria must hold at once.
 *
 * @example
 * ```ts
 * // the waxing Moon in Rohini (nakshatra 4, in sidereal Taurus), Mercury and Venus direct
 * const where: WindowCriteria = { moon: 'waxing', moonSign: ['taurus'], moonSignZodiac: 'sidereal', nakshatra: [4], noRetrograde: ['mercury', 'venus'] };
 * findWindows({ from: '2024-05-01T00:00:00Z', to: '2024-08-01T00:00:00Z', where });
 * ```
 */
export interface WindowCriteria {
  /** Moon waxing (elongation 0–180°) or waning. */
  moon?: 'waxing' | 'waning';
  /** Moon–Sun elongation within [from, to) degrees (may wrap through 0). */
  moonPhase?: { from: number; to: number };
  /** Planetary hour ruled by one of these (needs `location`). */
  planetaryHourRuler?: ClassicalPlanet[];
  /** Moon in one of these nakshatras (1–27, Lahiri). */
  nakshatra?: number[];
  /** One of these tithis (1–30). */
  tithi?: number[];
  /** Moon in one of these signs. */
  moonSign?: Sign[];
  /** Zodiac for `moonSign`, default tropical. */
  moonSignZodiac?: 'tropical' | 'sidereal';
  /** None of these bodies retrograde. */
  noRetrograde?: Array<(typeof RETROGRADE_BODIES)[number]>;
}

/**
 * A window in which all criteria hold.
 *
 * @example
 * ```ts
 * const windows: TimeWindow[] = findWindows({ from: '2024-05-01T00:00:00Z', to: '2024-06-01T00:00:00Z', where: { moon: 'waxing', tithi: [10] } });
 * windows.map((w) => `${w.start} for ${Math.round(w.minutes)} min`); // ['2024-05-17T03:19:25.592Z for 1594 min']
 * ```
 */
export interface TimeWindow {
  start: string;
  end: string;
  startTime: number;
  endTime: number;
  /** Length in minutes. */
  minutes: number;
}

/**
 * Finds the intervals between `from` and `to` (at most 400 days) in which all the given criteria hold.
 * Every boundary is an exact instant found by root-finding on the underlying quantity (elongation,
 * sidereal or tropical lunar longitude, planetary speed, sunrise/sunset), not by stepping.
 *
 * @example
 * ```ts
 * findWindows({
 *   from: '2024-05-01T00:00:00Z', to: '2024-06-01T00:00:00Z',
 *   location: { latitude: 27.7, longitude: 85.3 },
 *   where: { moon: 'waxing', planetaryHourRuler: ['jupiter'], noRetrograde: ['mercury'] },
 * });
 * ```
 */
export function findWindows(input: { from: InstantInput; to: InstantInput; location?: { latitude: number; longitude: number }; where: WindowCriteria }): TimeWindow[] {
  const { from, to, location, where } = parseInput(windowSearchSchema, input, 'window search');
  let result: Interval[] = [[from, to]];
  const apply = (list: Interval[]) => {
    result = intersect(result, list);
  };

  if (where.moon) {
    const waxing = where.moon === 'waxing';
    apply(angleIntervals(elongationAt, [0, 180], MEAN_RATES.elongation, from, to, (a) => a < 180 === waxing));
  }
  if (where.moonPhase) {
    const { from: a, to: b } = where.moonPhase;
    apply(angleIntervals(elongationAt, [a, b], MEAN_RATES.elongation, from, to, (x) => norm360(x - a) < norm360(b - a)));
  }
  if (where.tithi) {
    const set = new Set(where.tithi);
    const boundaries = Array.from({ length: 30 }, (_, k) => k * 12);
    apply(angleIntervals(elongationAt, boundaries, MEAN_RATES.elongation, from, to, (x) => set.has(Math.floor(x / 12) + 1)));
  }
  if (where.nakshatra) {
    const set = new Set(where.nakshatra);
    const boundaries = Array.from({ length: 27 }, (_, k) => k * SPAN);
    apply(angleIntervals(siderealMoonAt, boundaries, MEAN_RATES.moon, from, to, (x) => set.has(Math.floor(x / SPAN) + 1)));
  }
  if (where.moonSign) {
    const set = new Set(where.moonSign);
    const moonAt = where.moonSignZodiac === 'sidereal' ? siderealMoonAt : tropicalMoonAt;
    const boundaries = Array.from({ length: 12 }, (_, k) => k * 30);
    apply(angleIntervals(moonAt, boundaries, MEAN_RATES.moon, from, to, (x) => set.has(SIGNS[Math.floor(x / 30)]!)));
  }
  if (where.noRetrograde) apply(directMotionIntervals([...where.noRetrograde], from, to));
  if (where.planetaryHourRuler) {
    if (!location) {
      throw new VajraError('VALIDATION_FAILED', 'planetaryHourRuler needs a location', { status: 422 });
    }
    apply(planetaryHourIntervals(where.planetaryHourRuler, from, to, location.latitude, location.longitude, 'upper-limb'));
  }

  return result.map(([s, e]) => ({
    start: new Date(s).toISOString(),
    end: new Date(e).toISOString(),
    startTime: s,
    endTime: e,
    minutes: (e - s) / 60_000,
  }));
}
