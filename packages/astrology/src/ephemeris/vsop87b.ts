/**
 * Heliocentric positions and velocities of the Earth and the major planets from the VSOP87B
 * series (Bretagnon & Francou 1988, A&A 202, 309), truncated to the ~1,400 terms that matter
 * between about 1700 and 2300. The truncated series are generated ahead of time into
 * ./vsop87b-data from the complete series shipped by the MIT-licensed `astronomia` package (a
 * devDependency only; see scripts/generate-vsop87b.ts and scripts/vsop87b-truncation.ts for the rule).
 *
 * astronomy-engine's own VSOP87 tables keep only 26–91 terms per planet; against Swiss Ephemeris
 * that leaves heliocentric errors up to 4″ for the Earth, 11″ for Venus and 12–18″ for Saturn,
 * Uranus and Neptune (see bench/accuracy.ts), which the geocentric view amplifies for Venus and Mars
 * near opposition / inferior conjunction. This module replaces those series for the bodies listed
 * in {@link VSOP_BODIES}; Pluto stays on astronomy-engine.
 */
import type { Vec3 } from './ecliptic-math';
import { VSOP87B } from './vsop87b-data';
import { fastCos, fastSin } from '../math/fast-cos';

/** Bodies computed here. */
export type VsopBody = 'earth' | 'mercury' | 'venus' | 'mars' | 'jupiter' | 'saturn' | 'uranus' | 'neptune';

/**
 * One coordinate: per power of t, the flattened kept terms [A, B, C, …], those also used for the
 * velocity first; `velocityTerms[α]` is how many of them that is.
 */
export interface VsopCoordinate {
  terms: Float64Array[];
  velocityTerms: number[];
}

/** One body's truncated series: longitude L, latitude B (rad) and radius R (AU). */
export interface VsopSeries {
  L: VsopCoordinate;
  B: VsopCoordinate;
  R: VsopCoordinate;
}

let series: Readonly<Record<VsopBody, VsopSeries>> = VSOP87B;

/**
 * @internal Replaces the shipped series (accuracy experiments with other truncations only, see
 * bench/accuracy.ts); `null` restores them.
 */
export function setVsopSeries(replacement: Readonly<Record<VsopBody, VsopSeries>> | null): void {
  series = replacement ?? VSOP87B;
}

/** Bodies this module computes. */
export const VSOP_BODIES = Object.keys(VSOP87B) as VsopBody[];

/** Number of series terms kept for a body, and how many of them enter the velocity. */
export function vsopTermCount(body: VsopBody): { position: number; velocity: number } {
  let position = 0;
  let velocity = 0;
  for (const coordinate of [series[body].L, series[body].B, series[body].R]) {
    for (const terms of coordinate.terms) position += terms.length / 3;
    for (const n of coordinate.velocityTerms) velocity += n;
  }
  return { position, velocity };
}

const DAYS_PER_MILLENNIUM = 365_250;
const TWO_PI = 2 * Math.PI;

/** Value and time derivative (per millennium) of one coordinate at t millennia. */
function evaluate(coordinate: VsopCoordinate, t: number, out: Float64Array, index: number): void {
  let value = 0;
  let rate = 0;
  let tPower = 1; // t^α
  let tPowerPrev = 0; // t^(α−1)
  const { terms: byPower, velocityTerms } = coordinate;
  for (let alpha = 0; alpha < byPower.length; alpha++) {
    const terms = byPower[alpha]!;
    const split = velocityTerms[alpha]! * 3;
    let cosSum = 0;
    let sinSum = 0;
    let i = 0;
    for (; i < split; i += 3) {
      const a = terms[i]!;
      const c = terms[i + 2]!;
      const angle = terms[i + 1]! + c * t;
      cosSum += a * fastCos(angle);
      sinSum += a * c * fastSin(angle);
    }
    for (; i < terms.length; i += 3) cosSum += terms[i]! * fastCos(terms[i + 1]! + terms[i + 2]! * t);
    value += tPower * cosSum;
    rate += alpha * tPowerPrev * cosSum - tPower * sinSum;
    tPowerPrev = tPower;
    tPower *= t;
  }
  out[index] = value;
  out[index + 1] = rate;
}

const scratch = new Float64Array(6);

/** Heliocentric geometric state in astronomy-engine's EQJ frame: position (AU), velocity (AU/day). */
export interface HelioStateVector {
  x: number;
  y: number;
  z: number;
  vx: number;
  vy: number;
  vz: number;
}

/**
 * Heliocentric position and velocity of a body at `tt` days since J2000 (TT), rotated from the
 * VSOP87 ecliptic and equinox J2000 to the equator J2000 (EQJ) exactly as astronomy-engine does,
 * so the rest of the pipeline (precession, nutation, frame) is unchanged.
 */
export function vsopHelioState(body: VsopBody, tt: number): HelioStateVector {
  const m = series[body];
  const t = tt / DAYS_PER_MILLENNIUM;
  evaluate(m.L, t, scratch, 0);
  evaluate(m.B, t, scratch, 2);
  evaluate(m.R, t, scratch, 4);
  const lon = scratch[0]! % TWO_PI;
  const dLon = scratch[1]!;
  const lat = scratch[2]!;
  const dLat = scratch[3]!;
  const r = scratch[4]!;
  const dR = scratch[5]!;
  const cl = Math.cos(lon),
    sl = Math.sin(lon),
    cb = Math.cos(lat),
    sb = Math.sin(lat);
  const x = r * cb * cl,
    y = r * cb * sl,
    z = r * sb;
  const vx = (dR * cb * cl - r * sb * cl * dLat - r * cb * sl * dLon) / DAYS_PER_MILLENNIUM;
  const vy = (dR * cb * sl - r * sb * sl * dLat + r * cb * cl * dLon) / DAYS_PER_MILLENNIUM;
  const vz = (dR * sb + r * cb * dLat) / DAYS_PER_MILLENNIUM;
  const p = vsopRotate(x, y, z);
  const v = vsopRotate(vx, vy, vz);
  return { x: p[0], y: p[1], z: p[2], vx: v[0], vy: v[1], vz: v[2] };
}

/** VSOP87 ecliptic J2000 → EQJ, the matrix astronomy-engine uses (obliquity plus the small frame tie). */
function vsopRotate(x: number, y: number, z: number): Vec3 {
  return [x + 0.00000044036 * y - 0.000000190919 * z, -0.000000479966 * x + 0.917482137087 * y - 0.397776982902 * z, 0.397776982902 * y + 0.917482137087 * z];
}
