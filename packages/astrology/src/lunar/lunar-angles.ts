import { earthTilt, ephemerisTime, moonLongitude, sunLongitude } from '../ephemeris/ephemeris';
import { norm360 } from '../math/angles';
import { AYANAMSAS, meanAyanamsa } from '../chart/ayanamsa';

/** Elongation of the Moon from the Sun in apparent ecliptic longitude, degrees [0, 360). */
export function elongationAt(ms: number): number {
  const t = ephemerisTime(ms);
  return norm360(moonLongitude(t) - sunLongitude(t));
}

/** True Lahiri ayanamsa (mean + nutation) at an instant, degrees. */
export function lahiriAt(ms: number): number {
  const t = ephemerisTime(ms);
  return meanAyanamsa(AYANAMSAS.lahiri, t.tt) + earthTilt(t).nutationLongitude;
}

/** Sidereal (Lahiri) longitude of the Moon, degrees. */
export function siderealMoonAt(ms: number): number {
  const t = ephemerisTime(ms);
  return norm360(moonLongitude(t) - meanAyanamsa(AYANAMSAS.lahiri, t.tt) - earthTilt(t).nutationLongitude);
}

/** Sum of the sidereal (Lahiri) longitudes of Sun and Moon (the yoga angle), degrees. */
export function yogaAngleAt(ms: number): number {
  const t = ephemerisTime(ms);
  const ayanamsa = meanAyanamsa(AYANAMSAS.lahiri, t.tt) + earthTilt(t).nutationLongitude;
  return norm360(moonLongitude(t) + sunLongitude(t) - 2 * ayanamsa);
}

/** Tropical apparent longitude of the Moon, degrees. */
export function tropicalMoonAt(ms: number): number {
  return moonLongitude(ephemerisTime(ms));
}

/** Mean daily rates used to seed root-finding, degrees per day. */
export const MEAN_RATES = { elongation: 12.190749, moon: 13.176358, yoga: 13.176358 + 0.985647 } as const;
