import * as z from 'zod/mini';
import { parseInput } from '@vajra-stream/core';
import { searchSunRiseSet } from '../ephemeris/ephemeris';
import { elongationAt, MEAN_RATES, siderealMoonAt, yogaAngleAt } from '../lunar/lunar-angles';
import { solveIncreasingAngle } from '../math/solve';
import { instantSchema, latitudeSchema, longitudeSchema, type InstantInput } from '../schema/inputs';
import { karanaName, NAKSHATRA_NAMES, tithiName, VARA_NAMES, YOGA_NAMES } from './names';

const SPAN = 360 / 27;

/**
 * The five limbs of the Hindu almanac at an instant.
 *
 * @example
 * ```ts
 * const p: Panchanga = panchanga('2024-04-23T12:00:00Z', { latitude: 28.61, longitude: 77.21 });
 * `${p.vara.name}, ${p.tithi.paksha} ${p.tithi.name}, ${p.nakshatra.name} pada ${p.nakshatra.pada} until ${p.nakshatra.end}`;
 * // 'Mangalavara, shukla Purnima, Chitra pada 4 until 2024-04-23T17:02:08.031Z'
 * ```
 */
export interface Panchanga {
  date: string;
  tithi: { number: number; name: string; paksha: 'shukla' | 'krishna'; end: string };
  nakshatra: { number: number; name: string; pada: number; end: string };
  yoga: { number: number; name: string; end: string };
  karana: { number: number; name: string; end: string };
  /** Weekday counted from sunrise (before sunrise it is still the previous day's vara). */
  vara: { number: number; name: string; sunrise: string };
  /** Lahiri (sidereal) positions used, degrees. */
  ayanamsa: 'lahiri';
}

const optionsSchema = z.object({ latitude: latitudeSchema, longitude: longitudeSchema });

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Tithi, nakshatra (with pada), yoga, karana and vara at an instant and place, each with the exact
 * instant it ends (found by root-finding on the apparent longitudes). Sidereal quantities use the
 * Lahiri ayanamsa; vara changes at sunrise (upper limb) at the given place.
 *
 * @example
 * ```ts
 * const p = panchanga('2024-04-23T12:00:00Z', { latitude: 28.61, longitude: 77.21 });
 * p.tithi; // { number: 15, name: 'Purnima', paksha: 'shukla', end: '2024-04-23T23:49:…Z' }
 * ```
 */
export function panchanga(date: InstantInput, location: { latitude: number; longitude: number }): Panchanga {
  const ms = parseInput(instantSchema, date, 'date');
  const { latitude, longitude } = parseInput(optionsSchema, location, 'location');

  const elongation = elongationAt(ms);
  const tithi = Math.floor(elongation / 12) + 1;
  const tithiEnd = solveIncreasingAngle(elongationAt, (tithi * 12) % 360, ms, MEAN_RATES.elongation);
  const karana = Math.floor(elongation / 6) + 1;
  const karanaEnd = solveIncreasingAngle(elongationAt, (karana * 6) % 360, ms, MEAN_RATES.elongation);

  const moon = siderealMoonAt(ms);
  const nakshatra = Math.floor(moon / SPAN) + 1;
  const pada = Math.floor((moon - (nakshatra - 1) * SPAN) / (SPAN / 4)) + 1;
  const nakshatraEnd = solveIncreasingAngle(siderealMoonAt, (nakshatra * SPAN) % 360, ms, MEAN_RATES.moon);

  const yogaAngle = yogaAngleAt(ms);
  const yoga = Math.floor(yogaAngle / SPAN) + 1;
  const yogaEnd = solveIncreasingAngle(yogaAngleAt, (yoga * SPAN) % 360, ms, MEAN_RATES.yoga);

  const sunrise = searchSunRiseSet(ms + 1, latitude, longitude, true, 'upper-limb', -2);
  // polar day/night: fall back to local mean midnight for the weekday
  const dayAnchor = sunrise ?? ms;
  const weekday = new Date(dayAnchor + (longitude / 360) * 86_400_000).getUTCDay();

  return {
    date: iso(ms),
    tithi: { number: tithi, name: tithiName(tithi), paksha: tithi <= 15 ? 'shukla' : 'krishna', end: iso(tithiEnd) },
    nakshatra: { number: nakshatra, name: NAKSHATRA_NAMES[nakshatra - 1]!, pada, end: iso(nakshatraEnd) },
    yoga: { number: yoga, name: YOGA_NAMES[yoga - 1]!, end: iso(yogaEnd) },
    karana: { number: karana, name: karanaName(karana), end: iso(karanaEnd) },
    vara: { number: weekday + 1, name: VARA_NAMES[weekday]!, sunrise: iso(dayAnchor) },
    ayanamsa: 'lahiri',
  };
}
