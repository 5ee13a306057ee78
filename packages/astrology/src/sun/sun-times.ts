import * as z from 'zod/mini';
import { parseInput } from '@vajra-stream/core';
import { searchSunRiseSet, searchSolarNoon, sunAltitude, type RiseSetDefinition } from '../ephemeris/ephemeris';
import { instantSchema, latitudeSchema, longitudeSchema, type InstantInput } from '../schema/inputs';

const MS_PER_DAY = 86_400_000;

/**
 * Sunrise, sunset, solar noon and Brahma Muhurta of one local day.
 *
 * @example
 * ```ts
 * const times: SunTimes = sunTimes('2024-06-21T12:00:00Z', { latitude: 27.7, longitude: 85.3 }); // Kathmandu
 * times.brahmaMuhurta; // { start: '2024-06-20T21:47:47.607Z', end: '2024-06-20T22:35:47.607Z' }
 * times.dayLengthHours; // 13.89…
 * sunTimes('2024-06-21T12:00:00Z', { latitude: 78.2, longitude: 15.6 }).polar; // 'day' (Svalbard): sunrise and sunset are null
 * ```
 */
export interface SunTimes {
  /** Start of the local day searched (local mean midnight at the longitude), ISO 8601 UTC. */
  dayStart: string;
  sunrise: string | null;
  sunset: string | null;
  solarNoon: string;
  /** `'day'` when the Sun stays up all day, `'night'` when it stays down, otherwise `null`. */
  polar: 'day' | 'night' | null;
  /** The 48 minutes starting 96 minutes before sunrise; `null` without a sunrise. */
  brahmaMuhurta: { start: string; end: string } | null;
  /** Length of daylight in hours (24 in polar day, 0 in polar night). */
  dayLengthHours: number;
  definition: RiseSetDefinition;
}

export const sunTimesOptionsSchema = z.object({
  latitude: latitudeSchema,
  longitude: longitudeSchema,
  definition: z._default(z.enum(['upper-limb', 'center', 'hindu']), 'upper-limb'),
});

/**
 * Options of {@link sunTimes}: the place (degrees, north and east positive) and the sunrise definition.
 *
 * @example
 * ```ts
 * const options: SunTimesOptions = { latitude: 25.3, longitude: 83.0, definition: 'hindu' }; // Varanasi, reckoned as Indian panchangas do
 * sunTimes('2025-01-14T00:00:00Z', options).sunrise; // '2025-01-14T01:19:26.100Z'
 * ```
 */
export interface SunTimesOptions {
  latitude: number;
  longitude: number;
  /**
   * `upper-limb` (default): upper limb on the horizon with 34′ standard refraction (almanac convention);
   * `center`: the disc centre on the refracted horizon; `hindu`: the disc centre on the geometric
   * horizon, no refraction (the convention of Indian panchangas).
   */
  definition?: RiseSetDefinition;
}

/** Local mean midnight (at the given longitude) of the local mean solar day containing `ms`. */
export function localDayStart(ms: number, longitude: number): number {
  const offset = (longitude / 360) * MS_PER_DAY;
  return Math.floor((ms + offset) / MS_PER_DAY) * MS_PER_DAY - offset;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Sunrise, sunset, solar noon and Brahma Muhurta for the local day (local mean solar time at the
 * longitude) containing `date`. Inside the polar circles a day without sunrise or sunset is reported
 * as `polar: 'day'` or `'night'` with null times rather than a time from a neighbouring day.
 *
 * @example
 * ```ts
 * const t = sunTimes('2024-06-21T12:00:00Z', { latitude: 27.7, longitude: 85.3 }); // Kathmandu
 * t.sunrise; // '2024-06-20T23:…Z' (05:0x local)
 * t.brahmaMuhurta; // { start: sunrise − 96 min, end: sunrise − 48 min }
 * ```
 */
export function sunTimes(date: InstantInput, options: SunTimesOptions): SunTimes {
  const ms = parseInput(instantSchema, date, 'date');
  const { latitude, longitude, definition } = parseInput(sunTimesOptionsSchema, options, 'sun times options');
  const start = localDayStart(ms, longitude);
  const end = start + MS_PER_DAY;
  const rise = searchSunRiseSet(start, latitude, longitude, true, definition, 1);
  const set = searchSunRiseSet(start, latitude, longitude, false, definition, 1);
  const sunrise = rise !== null && rise < end ? rise : null;
  const sunset = set !== null && set < end ? set : null;
  const noon = searchSolarNoon(start, latitude, longitude);
  let polar: SunTimes['polar'] = null;
  let dayLength: number;
  if (sunrise === null && sunset === null) {
    const threshold = definition === 'hindu' ? 0 : definition === 'center' ? -34 / 60 : -50 / 60;
    polar = sunAltitude(noon, latitude, longitude) > threshold ? 'day' : 'night';
    dayLength = polar === 'day' ? 24 : 0;
  } else if (sunrise !== null && sunset !== null) {
    dayLength = (sunset > sunrise ? sunset - sunrise : MS_PER_DAY - (sunrise - sunset)) / 3_600_000;
  } else {
    // the Sun crosses the horizon only once this day (edge of polar day/night)
    dayLength = ((sunset ?? end) - (sunrise ?? start)) / 3_600_000;
  }
  return {
    dayStart: new Date(start).toISOString(),
    sunrise: iso(sunrise),
    sunset: iso(sunset),
    solarNoon: new Date(noon).toISOString(),
    polar,
    brahmaMuhurta: sunrise === null ? null : { start: iso(sunrise - 96 * 60_000)!, end: iso(sunrise - 48 * 60_000)! },
    dayLengthHours: dayLength,
    definition,
  };
}
