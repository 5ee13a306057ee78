import type { AstrologyApi } from '@vajra-stream/astrology';
import { z } from 'zod';
import { classicSchema } from '../openapi/classic-schema';

// The astrology package computes; these document its answers (checked against them in tests) without
// loading the package here. Closed sets the server validates come from the package's own chart schema.
const instant = z.iso.datetime().meta({ description: 'ISO 8601 instant, UTC' });
const degrees = z.number();

const moonPhaseSchema = z
  .object({
    angle: degrees.meta({ description: 'Elongation Moon − Sun, degrees [0, 360): 0 new, 180 full' }),
    illumination: z.number().min(0).max(1),
    name: z.string(),
    waxing: z.boolean(),
    ageDays: z.number().meta({ description: 'Days since the new moon' }),
  })
  .meta({ id: 'MoonPhase' });

const sunTimesSchema = z
  .object({
    dayStart: instant,
    sunrise: instant.nullable(),
    sunset: instant.nullable(),
    solarNoon: instant,
    polar: z.enum(['day', 'night']).nullable().meta({ description: 'Midnight sun or polar night; null on ordinary days' }),
    brahmaMuhurta: z.object({ start: instant, end: instant }).nullable(),
    dayLengthHours: z.number().meta({ description: 'Hours' }),
    definition: z.enum(['upper-limb', 'center', 'hindu']),
  })
  .meta({ id: 'SunTimes' });

const planetaryDaySchema = z
  .object({
    weekday: z.string(),
    dayRuler: z.string(),
    sunrise: instant,
    sunset: instant,
    nextSunrise: instant,
    hours: z.array(
      z.object({
        hour: z.number().int().min(1).max(24),
        ruler: z.string(),
        isDay: z.boolean(),
        start: instant,
        end: instant,
        startTime: z.number().meta({ description: 'Milliseconds since the epoch' }),
        endTime: z.number(),
      }),
    ),
  })
  .meta({ id: 'PlanetaryDay' });

const limb = (extra: z.ZodRawShape = {}) => z.object({ number: z.number().int(), name: z.string(), ...extra });
const panchangaSchema = z
  .object({
    date: instant,
    tithi: limb({ paksha: z.enum(['shukla', 'krishna']), end: instant }),
    nakshatra: limb({ pada: z.number().int().min(1).max(4), end: instant }),
    yoga: limb({ end: instant }),
    karana: limb({ end: instant }),
    vara: limb({ sunrise: instant }),
    ayanamsa: z.literal('lahiri'),
  })
  .meta({ id: 'Panchanga' });

const recommendedFrequencySchema = z
  .object({
    frequency: z.number().meta({ description: 'Hz' }),
    cycle: z.string(),
    role: z.enum(['planetary-hour', 'planetary-day', 'moon-phase', 'earth-day', 'earth-year']),
    reason: z.string(),
  })
  .meta({ id: 'RecommendedFrequency' });

const tibetanDateSchema = z
  .object({
    gregorian: z.iso.date(),
    year: z.number().int(),
    royalYear: z.number().int(),
    rabjung: z.number().int(),
    element: z.string(),
    animal: z.string(),
    month: z.number().int().min(1).max(12),
    leapMonth: z.boolean(),
    day: z.number().int().min(1).max(30),
    leapDay: z.boolean(),
    observances: z.array(z.string()),
  })
  .meta({ id: 'TibetanDate' });

const timeWindowSchema = z.object({ start: instant, end: instant, startTime: z.number(), endTime: z.number(), minutes: z.number() }).meta({ id: 'TimeWindow' });

function chartSchemaOf(chartInput: AstrologyApi['schemas']['chartInput']) {
  const { shape } = classicSchema(chartInput);
  const houseSystem = shape.houseSystem.def.innerType;
  const position = z.object({
    longitude: degrees.meta({ description: 'Ecliptic longitude in the chart’s zodiac, degrees [0, 360)' }),
    latitude: degrees,
    speed: z.number().meta({ description: 'Degrees per day (negative when retrograde)' }),
    latitudeSpeed: z.number(),
    distance: z.number().meta({ description: 'AU (0 for the nodes)' }),
    sign: z.string(),
    signDegree: z.number().min(0).max(30),
    retrograde: z.boolean(),
  });
  return z
    .object({
      date: instant,
      latitude: degrees,
      longitude: degrees,
      zodiac: shape.zodiac.def.innerType,
      bodies: z.record(shape.bodies.def.innerType.def.element, position),
      houses: z.object({
        system: houseSystem,
        fallback: z.object({ requested: houseSystem, reason: z.string() }).optional().meta({ description: 'Set when the requested system is undefined at this latitude' }),
        cusps: z.array(degrees).length(12),
        ascendant: degrees,
        mc: degrees,
      }),
      ayanamsa: z.object({ name: z.string(), degrees }).optional().meta({ description: 'Sidereal charts only' }),
      deltaT: z.number().meta({ description: 'TT − UT, seconds' }),
      obliquity: degrees,
      ramc: degrees,
    })
    .meta({ id: 'AstrologyChart' });
}

const charts = new WeakMap<object, ReturnType<typeof chartSchemaOf>>();

/**
 * Schemas of the astrology routes' answers (named components of the OpenAPI document), the chart's
 * closed sets (house systems, zodiacs, bodies) taken from the package's own chart input schema.
 *
 * @example
 * ```ts
 * const { chart, query } = astrologySchemas(vajra.plugin('astrology').schemas.chartInput);
 * ```
 */
export function astrologySchemas(chartInput: AstrologyApi['schemas']['chartInput']) {
  let chart = charts.get(chartInput);
  if (chart === undefined) charts.set(chartInput, (chart = chartSchemaOf(chartInput)));
  return {
    chart,
    houseSystem: classicSchema(chartInput).shape.houseSystem,
    zodiac: classicSchema(chartInput).shape.zodiac,
    moonPhase: moonPhaseSchema,
    sunTimes: sunTimesSchema,
    planetaryDay: planetaryDaySchema,
    panchanga: panchangaSchema,
    recommendedFrequencies: z.array(recommendedFrequencySchema),
    tibetanDate: tibetanDateSchema,
    windows: z.object({ windows: z.array(timeWindowSchema) }),
  };
}
