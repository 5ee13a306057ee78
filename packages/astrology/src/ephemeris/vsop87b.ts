/// <reference path="./astronomia-data.d.ts" />
/**
 * Heliocentric positions and velocities of the Earth and the major planets from the complete
 * VSOP87B series (Bretagnon & Francou 1988, A&A 202, 309; the data as shipped by the MIT-licensed
 * `astronomia` package), truncated once at load time to the terms that matter between about
 * 1700 and 2300 (see `TRUNCATION`).
 *
 * astronomy-engine's own VSOP87 tables keep only 26–91 terms per planet; against Swiss Ephemeris
 * that leaves heliocentric errors up to 4″ for the Earth, 11″ for Venus and 12–18″ for Saturn,
 * Uranus and Neptune (see bench/accuracy.ts), which the geocentric view amplifies for Venus and Mars
 * near opposition / inferior conjunction. This module replaces those series for the bodies listed
 * in {@link VSOP_BODIES}; Pluto stays on astronomy-engine.
 */
import earthData from 'astronomia/data/vsop87Bearth';
import mercuryData from 'astronomia/data/vsop87Bmercury';
import venusData from 'astronomia/data/vsop87Bvenus';
import marsData from 'astronomia/data/vsop87Bmars';
import jupiterData from 'astronomia/data/vsop87Bjupiter';
import saturnData from 'astronomia/data/vsop87Bsaturn';
import uranusData from 'astronomia/data/vsop87Buranus';
import neptuneData from 'astronomia/data/vsop87Bneptune';
import type { Vec3 } from './ecliptic-math';
import { fastCos, fastSin } from '../math/fast-cos';

/** Bodies computed here. */
export type VsopBody = 'earth' | 'mercury' | 'venus' | 'mars' | 'jupiter' | 'saturn' | 'uranus' | 'neptune';

/** astronomia's layout: coordinate → power of t → [amplitude, phase, frequency] terms. */
interface VsopData {
  L: Record<string, number[][]>;
  B: Record<string, number[][]>;
  R: Record<string, number[][]>;
}

/**
 * Geometry of the geocentric view per body: `a`, the mean heliocentric distance (AU) and `near`,
 * the smallest geocentric distance at which an error of this body's series is seen (AU; for the
 * Earth that is Venus at inferior conjunction). A heliocentric error δ (rad in L/B, AU in R) is
 * magnified in the geocentric direction by up to a/near (L, B) and 1/near (R).
 */
const GEOMETRY: Record<VsopBody, { a: number; near: number }> = {
  earth: { a: 1, near: 0.27 },
  mercury: { a: 0.387, near: 0.55 },
  venus: { a: 0.723, near: 0.27 },
  mars: { a: 1.524, near: 0.37 },
  jupiter: { a: 5.2, near: 3.95 },
  saturn: { a: 9.55, near: 8 },
  uranus: { a: 19.2, near: 17.3 },
  neptune: { a: 30.1, near: 28.8 },
};

/**
 * Truncation, chosen with bench/accuracy.ts. A term A·tᵅ·cos(B + C·t) is kept for the position when
 * its largest geocentric effect over ±{@link T_SPAN} millennia, A·Tᵅ·a/near (L, B) or A·Tᵅ/near (R),
 * is at least `position` radians; its sine is also summed for the velocity when A·|C|·Tᵅ scaled
 * the same way is at least `velocity` radians per millennium (1 rad/millennium ≈ 0.56″/day).
 */
const TRUNCATION = { position: 1e-6, velocity: 0.03 };
const T_SPAN = 0.3;

/** @internal Re-tunes the truncation (accuracy experiments only). */
export function setVsopTruncation(position: number, velocity: number): void {
  TRUNCATION.position = position;
  TRUNCATION.velocity = velocity;
  models.clear();
}

/**
 * One coordinate: per power of t, the flattened kept terms [A, B, C, …], those also used for the
 * velocity first; `velocityTerms[α]` is how many of them that is.
 */
interface Coordinate {
  terms: Float64Array[];
  velocityTerms: number[];
}
interface Model {
  L: Coordinate;
  B: Coordinate;
  R: Coordinate;
  terms: number;
  velocityTerms: number;
}

function compileCoordinate(series: Record<string, number[][]>, scale: number): { coordinate: Coordinate; terms: number; velocity: number } {
  const coordinate: Coordinate = { terms: [], velocityTerms: [] };
  let terms = 0;
  let velocity = 0;
  const maxPower = Math.max(...Object.keys(series).map(Number));
  for (let power = 0; power <= maxPower; power++) {
    const span = T_SPAN ** power * scale;
    const all = series[String(power)] ?? [];
    const kept = all.filter(([a]) => Math.abs(a!) * span >= TRUNCATION.position);
    const isVelocityTerm = ([a, , c]: number[]) => Math.abs(a! * c!) * span >= TRUNCATION.velocity;
    const forVelocity = kept.filter(isVelocityTerm);
    const rest = kept.filter((term) => !isVelocityTerm(term));
    coordinate.terms[power] = Float64Array.from([...forVelocity, ...rest].flat());
    coordinate.velocityTerms[power] = forVelocity.length;
    terms += kept.length;
    velocity += forVelocity.length;
  }
  return { coordinate, terms, velocity };
}

function compile(data: VsopData, body: VsopBody): Model {
  const { a, near } = GEOMETRY[body];
  const L = compileCoordinate(data.L, a / near);
  const B = compileCoordinate(data.B, a / near);
  const R = compileCoordinate(data.R, 1 / near);
  return {
    L: L.coordinate,
    B: B.coordinate,
    R: R.coordinate,
    terms: L.terms + B.terms + R.terms,
    velocityTerms: L.velocity + B.velocity + R.velocity,
  };
}

const DATA: Record<VsopBody, VsopData> = {
  earth: earthData,
  mercury: mercuryData,
  venus: venusData,
  mars: marsData,
  jupiter: jupiterData,
  saturn: saturnData,
  uranus: uranusData,
  neptune: neptuneData,
};

/** Bodies this module computes. */
export const VSOP_BODIES = Object.keys(DATA) as VsopBody[];

const models = new Map<VsopBody, Model>();
function model(body: VsopBody): Model {
  let m = models.get(body);
  if (!m) {
    m = compile(DATA[body], body);
    models.set(body, m);
  }
  return m;
}

/** Number of series terms kept for a body after truncation, and how many of them enter the velocity. */
export function vsopTermCount(body: VsopBody): { position: number; velocity: number } {
  const m = model(body);
  return { position: m.terms, velocity: m.velocityTerms };
}

const DAYS_PER_MILLENNIUM = 365_250;
const TWO_PI = 2 * Math.PI;

/** Value and time derivative (per millennium) of one coordinate at t millennia. */
function evaluate(coordinate: Coordinate, t: number, out: Float64Array, index: number): void {
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
  const m = model(body);
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
  const cl = Math.cos(lon), sl = Math.sin(lon), cb = Math.cos(lat), sb = Math.sin(lat);
  const x = r * cb * cl, y = r * cb * sl, z = r * sb;
  const vx = (dR * cb * cl - r * sb * cl * dLat - r * cb * sl * dLon) / DAYS_PER_MILLENNIUM;
  const vy = (dR * cb * sl - r * sb * sl * dLat + r * cb * cl * dLon) / DAYS_PER_MILLENNIUM;
  const vz = (dR * sb + r * cb * dLat) / DAYS_PER_MILLENNIUM;
  const p = vsopRotate(x, y, z);
  const v = vsopRotate(vx, vy, vz);
  return { x: p[0], y: p[1], z: p[2], vx: v[0], vy: v[1], vz: v[2] };
}

/** VSOP87 ecliptic J2000 → EQJ, the matrix astronomy-engine uses (obliquity plus the small frame tie). */
function vsopRotate(x: number, y: number, z: number): Vec3 {
  return [
    x + 0.00000044036 * y - 0.000000190919 * z,
    -0.000000479966 * x + 0.917482137087 * y - 0.397776982902 * z,
    0.397776982902 * y + 0.917482137087 * z,
  ];
}
