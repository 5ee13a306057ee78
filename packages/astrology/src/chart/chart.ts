import * as z from 'zod/mini';
import { parseInput } from '@vajra-stream/core';
import { apparentSiderealTime, bodyState, deltaTSeconds, earthTilt, ephemerisTime, meanNode, positionContext, trueNode, type EclipticState, type PlanetName } from '../ephemeris/ephemeris';
import { norm360 } from '../math/angles';
import { instantSchema, latitudeSchema, longitudeSchema, type InstantInput } from '../schema/inputs';
import { AYANAMSAS, ayanamsaAt, ayanamsaDefinitionSchema, type AyanamsaDefinition, type AyanamsaName } from './ayanamsa';
import { houseCusps, HOUSE_SYSTEMS, type Houses, type HouseSystem } from './houses';
import { signOf, type Sign } from './signs';

/**
 * Bodies in a chart, in output order.
 *
 * @example
 * ```ts
 * for (const body of CHART_BODIES) console.log(body, c.bodies[body].longitude);
 * ```
 */
export const CHART_BODIES = ['sun', 'moon', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto', 'meanNode', 'trueNode'] as const;

/**
 * One of {@link CHART_BODIES}.
 *
 * @example
 * ```ts
 * const lights: ChartBody[] = ['sun', 'moon'];
 * const c = chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2, bodies: lights });
 * ```
 */
export type ChartBody = (typeof CHART_BODIES)[number];

/**
 * One body's position in a chart.
 *
 * @example
 * ```ts
 * const mercury: BodyPosition = chart({ date: '2024-04-08T18:17:00Z', latitude: 0, longitude: 0 }).bodies.mercury;
 * `${mercury.signDegree.toFixed(1)}° ${mercury.sign}${mercury.retrograde ? ' ℞' : ''}`; // '24.8° aries ℞'
 * ```
 */
export interface BodyPosition {
  /** Ecliptic longitude in the chart's zodiac, degrees [0, 360). */
  longitude: number;
  /** Ecliptic latitude, degrees. */
  latitude: number;
  /** Longitude speed, degrees per day (negative when retrograde). */
  speed: number;
  /** Latitude speed, degrees per day. */
  latitudeSpeed: number;
  /** Geocentric distance in AU (0 for the nodes). */
  distance: number;
  sign: Sign;
  /** Degrees within the sign, [0, 30). */
  signDegree: number;
  retrograde: boolean;
}

/**
 * A computed chart; `bodies` holds the bodies asked for (all of {@link CHART_BODIES} by default).
 *
 * @example
 * ```ts
 * const c: Chart<'sun' | 'moon'> = chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2, bodies: ['sun', 'moon'] });
 * c.bodies.moon.sign; // 'aries' (the day of a solar eclipse)
 * c.houses.ascendant; // 265.70… (degrees)
 * c.deltaT; // 69.17… (seconds)
 * ```
 */
export interface Chart<Body extends ChartBody = ChartBody> {
  /** The instant, ISO 8601 UTC. */
  date: string;
  latitude: number;
  longitude: number;
  zodiac: 'tropical' | 'sidereal';
  bodies: Record<Body, BodyPosition>;
  houses: Houses;
  /** True ayanamsa (mean + nutation) used, degrees; only for sidereal charts. */
  ayanamsa?: { name: string; degrees: number };
  /** ΔT = TT − UT used, seconds. */
  deltaT: number;
  /** True obliquity of the ecliptic, degrees. */
  obliquity: number;
  /** Local apparent sidereal time (right ascension of the meridian), degrees. */
  ramc: number;
}

/**
 * zod schema of the input of {@link chart} (for servers that validate requests up front).
 *
 * @example
 * ```ts
 * chartInputSchema.parse({ date: '2024-01-01T00:00:00Z', latitude: 0, longitude: 0 });
 * ```
 */
export const chartInputSchema = z.object({
  date: instantSchema,
  latitude: latitudeSchema,
  longitude: longitudeSchema,
  houseSystem: z._default(z.enum(HOUSE_SYSTEMS), 'placidus'),
  zodiac: z._default(z.enum(['tropical', 'sidereal']), 'tropical'),
  ayanamsa: z._default(z.union([z.enum(Object.keys(AYANAMSAS) as [AyanamsaName, ...AyanamsaName[]]), ayanamsaDefinitionSchema]), 'lahiri'),
  /** Bodies to compute (default all); the chart holds exactly these, in {@link CHART_BODIES} order. */
  bodies: z.optional(z.array(z.enum(CHART_BODIES)).check(z.maxLength(CHART_BODIES.length * 2))),
});

/**
 * Input of {@link chart}.
 *
 * @example
 * ```ts
 * const input: ChartInput<'sun' | 'moon' | 'saturn'> = {
 *   date: new Date('1990-06-15T12:00:00Z'),
 *   latitude: 51.5,
 *   longitude: -0.12,
 *   houseSystem: 'whole-sign',
 *   zodiac: 'sidereal',
 *   ayanamsa: 'faganBradley',
 *   bodies: ['sun', 'moon', 'saturn'],
 * };
 * chart(input).bodies.sun.sign; // 'taurus' (29.5°)
 * ```
 */
export interface ChartInput<Body extends ChartBody = ChartBody> {
  date: InstantInput;
  /** Geographic latitude, degrees, north positive. */
  latitude: number;
  /** Geographic longitude, degrees, east positive. */
  longitude: number;
  /** Default `placidus`. */
  houseSystem?: HouseSystem;
  /** Default `tropical`. */
  zodiac?: 'tropical' | 'sidereal';
  /** Used when `zodiac` is `sidereal`; default `lahiri`. */
  ayanamsa?: AyanamsaName | AyanamsaDefinition;
  /** Bodies to compute (default all of {@link CHART_BODIES}); the chart holds exactly these. */
  bodies?: readonly Body[];
}

function position(state: EclipticState, shift: number): BodyPosition {
  const longitude = norm360(state.longitude - shift);
  return {
    longitude,
    latitude: state.latitude,
    speed: state.longitudeSpeed,
    latitudeSpeed: state.latitudeSpeed,
    distance: state.distance,
    ...signOf(longitude),
    retrograde: state.longitudeSpeed < 0,
  };
}

/**
 * A horoscope: apparent geocentric positions and speeds of the Sun, Moon, planets, Pluto and both
 * lunar nodes, the house cusps, and in the sidereal zodiac the ayanamsa used.
 *
 * @example
 * ```ts
 * const c = chart({ date: '1990-06-15T12:00:00Z', latitude: 51.5, longitude: -0.12, houseSystem: 'placidus' });
 * c.bodies.sun.sign; // 'gemini'
 * c.houses.cusps.length; // 12
 * const lights = chart({ date: '1990-06-15T12:00:00Z', latitude: 51.5, longitude: -0.12, bodies: ['sun', 'moon'] });
 * Object.keys(lights.bodies); // ['sun', 'moon']
 * ```
 */
export function chart<Body extends ChartBody = ChartBody>(input: ChartInput<Body>): Chart<Body> {
  const parsed = parseInput(chartInputSchema, input, 'chart input');
  const time = ephemerisTime(parsed.date);
  const tilt = earthTilt(time);
  const ctx = positionContext(time);

  let shift = 0;
  let ayanamsa: Chart['ayanamsa'];
  if (parsed.zodiac === 'sidereal') {
    const definition = typeof parsed.ayanamsa === 'string' ? AYANAMSAS[parsed.ayanamsa] : parsed.ayanamsa;
    shift = ayanamsaAt(definition, time.tt) + tilt.nutationLongitude;
    ayanamsa = { name: definition.name, degrees: shift };
  }

  const wanted = new Set<ChartBody>(parsed.bodies ?? CHART_BODIES);
  const bodies = {} as Record<Body, BodyPosition>;
  let sun: EclipticState | undefined;
  for (const name of CHART_BODIES) {
    if (!wanted.has(name)) continue;
    let state: EclipticState;
    if (name === 'meanNode') state = meanNode(time);
    else if (name === 'trueNode') state = trueNode(ctx, sun);
    else state = bodyState(ctx, name as PlanetName);
    if (name === 'sun') sun = state;
    bodies[name as Body] = position(state, shift);
  }

  const ramc = norm360(apparentSiderealTime(time) + parsed.longitude);
  const tropicalHouses = houseCusps({ ramc, obliquity: tilt.trueObliquity, latitude: parsed.latitude, system: parsed.houseSystem });
  const houses: Houses = shift === 0 ? tropicalHouses : siderealHouses(tropicalHouses, shift, parsed.houseSystem);

  return {
    date: new Date(parsed.date).toISOString(),
    latitude: parsed.latitude,
    longitude: parsed.longitude,
    zodiac: parsed.zodiac,
    bodies,
    houses,
    ...(ayanamsa ? { ayanamsa } : {}),
    deltaT: deltaTSeconds(time),
    obliquity: tilt.trueObliquity,
    ramc,
  };
}

function siderealHouses(tropical: Houses, shift: number, system: HouseSystem): Houses {
  const ascendant = norm360(tropical.ascendant - shift);
  const mc = norm360(tropical.mc - shift);
  // whole-sign houses start at the sidereal sign of the ascendant, not the tropical one
  const cusps = system === 'whole-sign' ? Array.from({ length: 12 }, (_, i) => norm360(Math.floor(ascendant / 30) * 30 + 30 * i)) : tropical.cusps.map((c) => norm360(c - shift));
  return { ...tropical, cusps, ascendant, mc };
}
