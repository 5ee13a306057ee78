/**
 * The only module that talks to astronomy-engine. Everything else in the package works on plain
 * numbers (milliseconds since the epoch, degrees, days).
 *
 * Positions are apparent geocentric, referred to the true ecliptic and equinox of date:
 * light-time, annual aberration (first order), precession and nutation (IAU 2000B) are applied.
 * Heliocentric states of the Earth and the eight planets come from the complete VSOP87B series
 * (./vsop87b, truncated to ~1,400 terms: within 4″ of Swiss Ephemeris where astronomy-engine's own
 * 466-term tables were up to 18″ off, see bench/accuracy.ts); Pluto's from astronomy-engine.
 * Planet velocities come from those state vectors (one evaluation per body); the Moon's
 * from two evaluations of its series half a second either side of the instant (a centred derivative,
 * no third evaluation). Installing our ΔT table is done lazily on first use, through
 * `SetDeltaTFunction`, which is global to the astronomy-engine module.
 */
import {
  AstroTime,
  Body,
  DeltaT_EspenakMeeus,
  EclipticGeoMoon,
  HelioState,
  MakeTime,
  NextGlobalSolarEclipse,
  NextLunarEclipse,
  Observer,
  Rotation_EQJ_ECT,
  SearchAltitude,
  SearchGlobalSolarEclipse,
  SearchLunarEclipse,
  SearchRiseSet,
  SetDeltaTFunction,
  SiderealTime,
  Equator,
  Horizon,
  SearchHourAngle,
  e_tilt,
} from 'astronomy-engine';
import { createDeltaTFunction } from './delta-t';
import { vsopHelioState, type HelioStateVector, type VsopBody } from './vsop87b';
import { DEG, norm360 } from '../math/angles';
import { nutationRate, osculatingNode, rotate, toEcliptic, GM_SUN, type EclipticState, type Vec3 } from './ecliptic-math';

export type { EclipticState } from './ecliptic-math';

let deltaTInstalled = false;
function ensureDeltaT(): void {
  if (!deltaTInstalled) {
    SetDeltaTFunction(createDeltaTFunction(DeltaT_EspenakMeeus));
    deltaTInstalled = true;
  }
}

/** Speed of light in AU per day. */
const C_AU_PER_DAY = 173.1446326846693;
/** General precession in longitude, degrees per day (IAU 2006, 5028.796″ per Julian century). */
const PRECESSION_RATE = 5028.796195 / 3600 / 36525;
const MS_PER_DAY = 86_400_000;
const J2000_MS = Date.UTC(2000, 0, 1, 12, 0, 0);

/** An instant as seen by the ephemeris (UT and TT in days since J2000). */
export interface EphemerisTime {
  /** Milliseconds since the Unix epoch (UTC ≈ UT1). */
  readonly ms: number;
  /** Days since J2000.0 in UT. */
  readonly ut: number;
  /** Days since J2000.0 in TT. */
  readonly tt: number;
  /** @internal astronomy-engine time object. */
  readonly astro: AstroTime;
}

/** Converts milliseconds since the epoch to an ephemeris time (installs the ΔT table first). */
export function ephemerisTime(ms: number): EphemerisTime {
  ensureDeltaT();
  const astro = MakeTime(new Date(ms));
  return { ms, ut: astro.ut, tt: astro.tt, astro };
}

/** Converts days since J2000 (UT) to milliseconds since the epoch. */
export function utDaysToMs(ut: number): number {
  return J2000_MS + ut * MS_PER_DAY;
}

/** ΔT = TT − UT in seconds at the given time. */
export function deltaTSeconds(time: EphemerisTime): number {
  return (time.tt - time.ut) * 86_400;
}

export interface EarthTilt {
  /** Mean obliquity of the ecliptic, degrees. */
  meanObliquity: number;
  /** True obliquity (mean + nutation in obliquity), degrees. */
  trueObliquity: number;
  /** Nutation in longitude Δψ, degrees. */
  nutationLongitude: number;
}

/** Obliquity and nutation (IAU 2000B) at the given time. */
export function earthTilt(time: EphemerisTime): EarthTilt {
  const et = e_tilt(time.astro);
  return { meanObliquity: et.mobl, trueObliquity: et.tobl, nutationLongitude: et.dpsi / 3600 };
}

/** Greenwich apparent sidereal time in degrees. */
export function apparentSiderealTime(time: EphemerisTime): number {
  return SiderealTime(time.astro) * 15;
}

export type PlanetName = 'sun' | 'moon' | 'mercury' | 'venus' | 'mars' | 'jupiter' | 'saturn' | 'uranus' | 'neptune' | 'pluto';

/**
 * Heliocentric geometric state (EQJ): the complete-VSOP87B series of ./vsop87b for the Earth and
 * the eight planets, astronomy-engine's Pluto model for Pluto.
 */
function helioState(body: Exclude<PlanetName, 'sun' | 'moon'> | 'earth', time: EphemerisTime): HelioStateVector {
  return body === 'pluto' ? HelioState(Body.Pluto, time.astro) : vsopHelioState(body as VsopBody, time.tt);
}

/** Per-instant context shared by all bodies of one chart. */
export interface PositionContext {
  readonly time: EphemerisTime;
  /** EQJ → ecliptic of date. */
  readonly rotation: number[][];
  /** Heliocentric state of the Earth (EQJ, AU, AU/day). */
  readonly earth: HelioStateVector;
  readonly frameRate: number;
}

export function positionContext(time: EphemerisTime): PositionContext {
  return {
    time,
    rotation: Rotation_EQJ_ECT(time.astro).rot,
    earth: vsopHelioState('earth', time.tt),
    frameRate: PRECESSION_RATE + nutationRate(time.tt),
  };
}

/** Apparent geocentric state of the Sun or a planet, from one heliocentric state vector. */
function planetState(ctx: PositionContext, body: Exclude<PlanetName, 'moon'>): EclipticState {
  const e = ctx.earth;
  let px = 0,
    py = 0,
    pz = 0,
    pvx = 0,
    pvy = 0,
    pvz = 0;
  if (body !== 'sun') {
    const s = helioState(body, ctx.time);
    px = s.x;
    py = s.y;
    pz = s.z;
    pvx = s.vx;
    pvy = s.vy;
    pvz = s.vz;
  }
  // Geometric geocentric vector and relative velocity.
  const gx = px - e.x,
    gy = py - e.y,
    gz = pz - e.z;
  const vx = pvx - e.vx,
    vy = pvy - e.vy,
    vz = pvz - e.vz;
  // Light time τ: target position at t − τ, observer at t − τ as well, which adds the first-order
  // annual aberration (the observer's motion during τ). Two fixed-point steps converge to < 1 µs.
  let tau = Math.hypot(gx, gy, gz) / C_AU_PER_DAY;
  for (let i = 0; i < 2; i++) {
    tau = Math.hypot(gx - tau * vx, gy - tau * vy, gz - tau * vz) / C_AU_PER_DAY;
  }
  const ax = gx - tau * vx,
    ay = gy - tau * vy,
    az = gz - tau * vz;
  const dist = Math.hypot(ax, ay, az);
  const tauRate = (ax * vx + ay * vy + az * vz) / (dist * C_AU_PER_DAY);
  const k = 1 - tauRate;
  // d/dt of −τ·v also carries −τ·(relative acceleration); heliocentric two-body accelerations
  // are exact enough for it (the term is ~1e-4 °/day for the outer planets).
  const re3 = Math.hypot(e.x, e.y, e.z) ** 3;
  const rp3 = body === 'sun' ? 0 : Math.hypot(px, py, pz) ** 3;
  const relAx = (body === 'sun' ? 0 : (-GM_SUN * px) / rp3) + (GM_SUN * e.x) / re3;
  const relAy = (body === 'sun' ? 0 : (-GM_SUN * py) / rp3) + (GM_SUN * e.y) / re3;
  const relAz = (body === 'sun' ? 0 : (-GM_SUN * pz) / rp3) + (GM_SUN * e.z) / re3;
  const m = ctx.rotation;
  return toEcliptic(rotate(m, ax, ay, az), rotate(m, vx * k - tau * relAx, vy * k - tau * relAy, vz * k - tau * relAz), ctx.frameRate);
}

/**
 * Half-step of the Moon's centred difference, days. Kept under 0.5e-6 d so that both evaluations
 * reuse the nutation astronomy-engine caches for the instant (its cache window is 1e-6 d); the lost
 * nutation rate (< 1e-5 °/day) is far below the speed's use.
 */
const MOON_HALF_STEP = 0.04 / 86_400;

function moonVector(time: AstroTime): Vec3 {
  const s = EclipticGeoMoon(time);
  const cb = Math.cos(s.lat * DEG);
  return [s.dist * cb * Math.cos(s.lon * DEG), s.dist * cb * Math.sin(s.lon * DEG), s.dist * Math.sin(s.lat * DEG)];
}

const moonCache = new WeakMap<PositionContext, { p: Vec3; v: Vec3 }>();

/** Moon position (ecliptic of date, Cartesian AU) and velocity (AU/day) by a centred difference. */
function moonCartesian(ctx: PositionContext): { p: Vec3; v: Vec3 } {
  const cached = moonCache.get(ctx);
  if (cached) return cached;
  // AddDays works in UT (cheap); FromTerrestrialTime would invert ΔT iteratively
  const a = moonVector(ctx.time.astro.AddDays(-MOON_HALF_STEP));
  const b = moonVector(ctx.time.astro.AddDays(+MOON_HALF_STEP));
  const h = 2 * MOON_HALF_STEP;
  const result = {
    p: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2] as Vec3,
    v: [(b[0] - a[0]) / h, (b[1] - a[1]) / h, (b[2] - a[2]) / h] as Vec3,
  };
  moonCache.set(ctx, result);
  return result;
}

/** Apparent geocentric ecliptic state of one body. */
export function bodyState(ctx: PositionContext, body: PlanetName): EclipticState {
  if (body === 'moon') {
    const { p, v } = moonCartesian(ctx);
    // EclipticGeoMoon already refers to the true equinox of date, and its derivative includes
    // the frame motion, so no frame rate is added.
    return toEcliptic(p, v, 0);
  }
  return planetState(ctx, body);
}

/** Apparent geocentric longitude of the Moon only (one series evaluation), degrees. */
export function moonLongitude(time: EphemerisTime): number {
  return norm360(EclipticGeoMoon(time.astro).lon);
}

/** Apparent geocentric longitude of the Sun only, degrees. */
export function sunLongitude(time: EphemerisTime): number {
  return planetState(sunContext(time), 'sun').longitude;
}

function sunContext(time: EphemerisTime): PositionContext {
  return { time, rotation: Rotation_EQJ_ECT(time.astro).rot, earth: vsopHelioState('earth', time.tt), frameRate: 0 };
}

/** Mean lunar node (Meeus, Astronomical Algorithms 2nd ed., eq. 47.7) referred to the true equinox. */
export function meanNode(time: EphemerisTime): EclipticState {
  const T = time.tt / 36525;
  const lon = 125.0445479 - 1934.1362891 * T + 0.0020754 * T * T + (T * T * T) / 467441 - (T * T * T * T) / 60616000;
  const rate = (-1934.1362891 + 2 * 0.0020754 * T + (3 * T * T) / 467441 - (4 * T * T * T) / 60616000) / 36525;
  const tilt = e_tilt(time.astro);
  return {
    longitude: norm360(lon + tilt.dpsi / 3600),
    latitude: 0,
    distance: 0,
    longitudeSpeed: rate + nutationRate(time.tt),
    latitudeSpeed: 0,
  };
}

/**
 * True (osculating) lunar node from the Moon's geocentric state, see {@link osculatingNode}.
 */
export function trueNode(ctx: PositionContext, sun?: EclipticState): EclipticState {
  const { p, v } = moonCartesian(ctx);
  return osculatingNode(p, v, sun ?? planetState(ctx, 'sun'));
}

/**
 * How sunrise and sunset are reckoned: `upper-limb`, `center` or `hindu` (see {@link sunTimes}).
 *
 * @example
 * ```ts
 * const definitions: RiseSetDefinition[] = ['upper-limb', 'center', 'hindu'];
 * definitions.map((definition) => sunTimes('2025-01-14T00:00:00Z', { latitude: 25.3, longitude: 83.0, definition }).sunrise);
 * // ['2025-01-14T01:15:23.726Z', '2025-01-14T01:16:42.034Z', '2025-01-14T01:19:26.100Z']
 * ```
 */
export type RiseSetDefinition = 'upper-limb' | 'center' | 'hindu';

/**
 * Next (direction +1) or previous (−1) sunrise (+1 rise) / sunset (−1) after `startMs`, within
 * `limitDays`; `null` when the Sun does not cross the horizon in that span.
 */
export function searchSunRiseSet(startMs: number, latitude: number, longitude: number, rising: boolean, definition: RiseSetDefinition, limitDays: number): number | null {
  const time = ephemerisTime(startMs);
  const observer = new Observer(latitude, longitude, 0);
  const direction = rising ? +1 : -1;
  const found =
    definition === 'upper-limb'
      ? SearchRiseSet(Body.Sun, observer, direction, time.astro, limitDays)
      : SearchAltitude(Body.Sun, observer, direction, time.astro, limitDays, definition === 'center' ? -34 / 60 : 0);
  return found ? utDaysToMs(found.ut) : null;
}

export interface EclipseEvent {
  kind: 'penumbral' | 'partial' | 'annular' | 'total';
  /** Milliseconds since the epoch (UT). */
  peakMs: number;
}

/** Lunar eclipses with peak in [fromMs, toMs). */
export function lunarEclipses(fromMs: number, toMs: number): EclipseEvent[] {
  ensureDeltaT();
  const out: EclipseEvent[] = [];
  let e = SearchLunarEclipse(new Date(fromMs));
  while (utDaysToMs(e.peak.ut) < toMs) {
    out.push({ kind: e.kind as EclipseEvent['kind'], peakMs: utDaysToMs(e.peak.ut) });
    e = NextLunarEclipse(e.peak);
  }
  return out;
}

/** Solar eclipses (global) with peak in [fromMs, toMs). */
export function solarEclipses(fromMs: number, toMs: number): EclipseEvent[] {
  ensureDeltaT();
  const out: EclipseEvent[] = [];
  let e = SearchGlobalSolarEclipse(new Date(fromMs));
  while (utDaysToMs(e.peak.ut) < toMs) {
    out.push({ kind: e.kind as EclipseEvent['kind'], peakMs: utDaysToMs(e.peak.ut) });
    e = NextGlobalSolarEclipse(e.peak);
  }
  return out;
}

/** Next upper transit of the Sun (local apparent noon) after `startMs`. */
export function searchSolarNoon(startMs: number, latitude: number, longitude: number): number {
  const observer = new Observer(latitude, longitude, 0);
  const event = SearchHourAngle(Body.Sun, observer, 0, ephemerisTime(startMs).astro, +1);
  return utDaysToMs(event.time.ut);
}

/** Geometric (unrefracted) altitude of the Sun's centre, degrees. */
export function sunAltitude(ms: number, latitude: number, longitude: number): number {
  const time = ephemerisTime(ms);
  const observer = new Observer(latitude, longitude, 0);
  const eq = Equator(Body.Sun, time.astro, observer, true, true);
  return Horizon(time.astro, observer, eq.ra, eq.dec).altitude;
}

/** @internal Heliocentric geometric position (EQJ, AU) used by the charts, for the accuracy script. */
export function heliocentricEquatorialJ2000(body: Exclude<PlanetName, 'sun' | 'moon'> | 'earth', tt: number): Vec3 {
  ensureDeltaT();
  const s = helioState(body, { ms: NaN, ut: NaN, tt, astro: AstroTime.FromTerrestrialTime(tt) });
  return [s.x, s.y, s.z];
}
