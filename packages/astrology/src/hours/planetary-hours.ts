import * as z from 'zod/mini';
import { parseInput, VajraError } from '@vajra-stream/core';
import { searchSunRiseSet, type RiseSetDefinition } from '../ephemeris/ephemeris';
import { instantSchema, latitudeSchema, longitudeSchema, type InstantInput } from '../schema/inputs';

/**
 * The seven classical planets in Chaldean order (slowest to fastest).
 *
 * @example
 * ```ts
 * CHALDEAN_ORDER.indexOf('sun'); // 3
 * ```
 */
export const CHALDEAN_ORDER = ['saturn', 'jupiter', 'mars', 'sun', 'venus', 'mercury', 'moon'] as const;

/**
 * One of the seven planets of {@link CHALDEAN_ORDER}.
 *
 * @example
 * ```ts
 * const benefics: ClassicalPlanet[] = ['jupiter', 'venus'];
 * benefics.includes(planetaryHourAt(new Date(), { latitude: 27.7, longitude: 85.3 }).ruler);
 * ```
 */
export type ClassicalPlanet = (typeof CHALDEAN_ORDER)[number];

/**
 * Ruler of each weekday, Sunday first.
 *
 * @example
 * ```ts
 * DAY_RULERS[new Date().getUTCDay()];
 * ```
 */
export const DAY_RULERS: readonly ClassicalPlanet[] = ['sun', 'moon', 'mars', 'mercury', 'jupiter', 'venus', 'saturn'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/**
 * One planetary hour.
 *
 * @example
 * ```ts
 * const jupiterHours: PlanetaryHour[] = planetaryHours('2024-06-20T12:00:00Z', { latitude: 51.5, longitude: -0.12 }).hours.filter((h) => h.ruler === 'jupiter' && h.isDay);
 * jupiterHours.map((h) => `${h.start} – ${h.end} (${Math.round((h.endTime - h.startTime) / 60_000)} min)`);
 * // ['2024-06-20T03:43:02.572Z – 2024-06-20T05:06:14.058Z (83 min)', '2024-06-20T13:25:22.977Z – 2024-06-20T14:48:34.463Z (83 min)']
 * ```
 */
export interface PlanetaryHour {
  /** 1–24: 1–12 from sunrise to sunset, 13–24 from sunset to the next sunrise. */
  hour: number;
  ruler: ClassicalPlanet;
  isDay: boolean;
  start: string;
  end: string;
  startTime: number;
  endTime: number;
}

/**
 * The 24 planetary hours of one planetary day (sunrise to next sunrise).
 *
 * @example
 * ```ts
 * const day: PlanetaryDay = planetaryHours('2024-06-20T12:00:00Z', { latitude: 51.5, longitude: -0.12 });
 * day.weekday; // 'thursday'
 * day.hours.filter((h) => h.ruler === day.dayRuler).map((h) => h.hour); // [1, 8, 15, 22]
 * ```
 */
export interface PlanetaryDay {
  /** Weekday of the sunrise (local mean time), which gives the day ruler. */
  weekday: (typeof WEEKDAYS)[number];
  dayRuler: ClassicalPlanet;
  sunrise: string;
  sunset: string;
  nextSunrise: string;
  hours: PlanetaryHour[];
}

const locationOptionsSchema = z.object({
  latitude: latitudeSchema,
  longitude: longitudeSchema,
  definition: z._default(z.enum(['upper-limb', 'center', 'hindu']), 'upper-limb'),
});

/**
 * Where planetary hours are reckoned: the place (degrees, north and east positive) and the sunrise definition.
 *
 * @example
 * ```ts
 * const location: PlanetaryHourLocation = { latitude: 51.5, longitude: -0.12, definition: 'center' };
 * planetaryHours('2024-06-20T12:00:00Z', location).sunrise; // '2024-06-20T03:45:16.258Z'
 * ```
 */
export interface PlanetaryHourLocation {
  latitude: number;
  longitude: number;
  /** Sunrise definition, default `upper-limb` (see {@link sunTimes}). */
  definition?: RiseSetDefinition;
}

function noSun(what: string, ms: number, latitude: number): VajraError {
  return new VajraError('ASTRO_NO_SUNRISE', `No ${what} near ${new Date(ms).toISOString()} at latitude ${latitude}° (polar day or night): planetary hours are undefined`, {
    status: 422,
    details: { latitude, instant: new Date(ms).toISOString() },
  });
}

/** Computes the planetary day (sunrise ≤ ms < next sunrise). */
export function planetaryDayAt(ms: number, latitude: number, longitude: number, definition: RiseSetDefinition): PlanetaryDay {
  const sunrise = searchSunRiseSet(ms + 1, latitude, longitude, true, definition, -2);
  if (sunrise === null) throw noSun('sunrise', ms, latitude);
  const sunset = searchSunRiseSet(sunrise, latitude, longitude, false, definition, 2);
  if (sunset === null) throw noSun('sunset', ms, latitude);
  const nextSunrise = searchSunRiseSet(sunset, latitude, longitude, true, definition, 2);
  if (nextSunrise === null) throw noSun('sunrise', ms, latitude);
  const localMs = sunrise + (longitude / 360) * 86_400_000;
  const weekdayIndex = new Date(localMs).getUTCDay();
  const dayRuler = DAY_RULERS[weekdayIndex]!;
  const first = CHALDEAN_ORDER.indexOf(dayRuler);
  const dayLength = (sunset - sunrise) / 12;
  const nightLength = (nextSunrise - sunset) / 12;
  const hours: PlanetaryHour[] = [];
  for (let i = 0; i < 24; i++) {
    const isDay = i < 12;
    const startTime = isDay ? sunrise + i * dayLength : sunset + (i - 12) * nightLength;
    const endTime = i === 11 ? sunset : i === 23 ? nextSunrise : startTime + (isDay ? dayLength : nightLength);
    hours.push({
      hour: i + 1,
      ruler: CHALDEAN_ORDER[(first + i) % 7]!,
      isDay,
      start: new Date(startTime).toISOString(),
      end: new Date(endTime).toISOString(),
      startTime,
      endTime,
    });
  }
  return {
    weekday: WEEKDAYS[weekdayIndex]!,
    dayRuler,
    sunrise: new Date(sunrise).toISOString(),
    sunset: new Date(sunset).toISOString(),
    nextSunrise: new Date(nextSunrise).toISOString(),
    hours,
  };
}

/**
 * The planetary day containing `date`: 12 unequal day hours from sunrise to sunset and 12 night hours
 * from sunset to the next sunrise, the first ruled by the weekday's planet and the rest following the
 * Chaldean order. Throws `ASTRO_NO_SUNRISE` during polar day or night.
 *
 * @example
 * ```ts
 * const day = planetaryHours('2024-06-20T12:00:00Z', { latitude: 51.5, longitude: -0.12 });
 * day.dayRuler; // 'jupiter' (a Thursday)
 * day.hours[0].ruler; // 'jupiter'
 * ```
 */
export function planetaryHours(date: InstantInput, location: PlanetaryHourLocation): PlanetaryDay {
  const ms = parseInput(instantSchema, date, 'date');
  const { latitude, longitude, definition } = parseInput(locationOptionsSchema, location, 'location');
  return planetaryDayAt(ms, latitude, longitude, definition);
}

/**
 * The planetary hour in force at an instant.
 *
 * @example
 * ```ts
 * planetaryHourAt('2024-06-20T12:00:00Z', { latitude: 51.5, longitude: -0.12 }).ruler;
 * ```
 */
export function planetaryHourAt(date: InstantInput, location: PlanetaryHourLocation): PlanetaryHour & { dayRuler: ClassicalPlanet } {
  const ms = parseInput(instantSchema, date, 'date');
  const { latitude, longitude, definition } = parseInput(locationOptionsSchema, location, 'location');
  const day = planetaryDayAt(ms, latitude, longitude, definition);
  const hour = day.hours.find((h) => ms >= h.startTime && ms < h.endTime) ?? day.hours[23]!;
  return { ...hour, dayRuler: day.dayRuler };
}
