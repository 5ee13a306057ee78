/**
 * Vajra.Stream astrology: apparent geocentric charts with houses and speeds, lunar phases, eclipses,
 * sun times, planetary hours, panchanga, aspects, auspicious-window search, Cousto tones and the
 * Phugpa Tibetan calendar, on astronomy-engine (MIT) with a shipped ΔT table.
 *
 * @example
 * ```ts
 * import { chart, panchanga, planetaryHourAt } from '@vajra-stream/astrology';
 * const c = chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2, houseSystem: 'placidus' });
 * console.log(c.bodies.moon.sign, c.houses.ascendant);
 * console.log(panchanga(new Date(), { latitude: 28.6, longitude: 77.2 }).tithi.name);
 * ```
 * @module @vajra-stream/astrology
 */
export { chart, CHART_BODIES, chartInputSchema, type Chart, type ChartBody, type ChartInput, type BodyPosition } from './chart/chart';
export { computeHouses, HOUSE_SYSTEMS, type HouseSystem, type Houses } from './chart/houses';
export { AYANAMSAS, meanAyanamsa, type AyanamsaDefinition, type AyanamsaName } from './chart/ayanamsa';
export { SIGNS, type Sign } from './chart/signs';
export { aspects, ASPECT_ANGLES, DEFAULT_ORBS, type Aspect, type AspectName, type AspectOptions } from './aspects/aspects';
export { moonPhase, MOON_PHASE_NAMES, type MoonPhase, type MoonPhaseName } from './phases/moon-phase';
export { findMoonPhases, QUARTER_NAMES, type MoonPhaseEvent, type QuarterName } from './phases/find-moon-phases';
export { findEclipses, type Eclipse } from './phases/find-eclipses';
export { sunTimes, type SunTimes, type SunTimesOptions } from './sun/sun-times';
export {
  planetaryHours,
  planetaryHourAt,
  CHALDEAN_ORDER,
  DAY_RULERS,
  type ClassicalPlanet,
  type PlanetaryDay,
  type PlanetaryHour,
  type PlanetaryHourLocation,
} from './hours/planetary-hours';
export { panchanga, type Panchanga } from './panchanga/panchanga';
export { findWindows, windowSearchSchema, type TimeWindow, type WindowCriteria } from './windows/find-windows';
export { recommendedFrequencies, type RecommendedFrequency } from './frequencies/recommended-frequencies';
export { coustoTone, CYCLE_PERIODS, type Cycle } from './frequencies/cousto';
export {
  tibetanDate,
  gregorianFromTibetan,
  losar,
  DUCHEN,
  MONTHLY_PRACTICE_DAYS,
  type TibetanDate,
} from './tibetan/tibetan-calendar';
export { deltaT } from './time/delta-t-at';
export type { InstantInput, GeoLocation } from './schema/inputs';
export type { RiseSetDefinition } from './ephemeris/ephemeris';
export {
  astrologyPlugin,
  astrologyConfigSchema,
  type AstrologyApi,
  type AstrologyConfig,
  type PlanetaryHourChangedEvent,
  type MoonPhaseChangedEvent,
} from './plugin/astrology-plugin';
