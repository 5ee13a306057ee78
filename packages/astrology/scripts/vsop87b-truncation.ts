/// <reference path="./astronomia-data.d.ts" />
/**
 * The truncation of the complete VSOP87B series (Bretagnon & Francou 1988, A&A 202, 309; the data
 * as shipped by the MIT-licensed `astronomia` package, a devDependency) to the terms that matter
 * for geocentric positions between about 1700 and 2300. Used by generate-vsop87b.ts to write
 * src/ephemeris/vsop87b-data.ts, by bench/accuracy.ts to try other thresholds, and by the test that
 * checks the shipped data against it. Never imported by the package's runtime code.
 */
import earthData from 'astronomia/data/vsop87Bearth';
import mercuryData from 'astronomia/data/vsop87Bmercury';
import venusData from 'astronomia/data/vsop87Bvenus';
import marsData from 'astronomia/data/vsop87Bmars';
import jupiterData from 'astronomia/data/vsop87Bjupiter';
import saturnData from 'astronomia/data/vsop87Bsaturn';
import uranusData from 'astronomia/data/vsop87Buranus';
import neptuneData from 'astronomia/data/vsop87Bneptune';
import type { VsopBody, VsopCoordinate, VsopSeries } from '../src/ephemeris/vsop87b';

/** astronomia's layout: coordinate → power of t → [amplitude, phase, frequency] terms. */
interface VsopData {
  L: Record<string, number[][]>;
  B: Record<string, number[][]>;
  R: Record<string, number[][]>;
}

/** The complete series, as astronomia ships them. */
export const VSOP87B_FULL: Record<VsopBody, VsopData> = {
  earth: earthData,
  mercury: mercuryData,
  venus: venusData,
  mars: marsData,
  jupiter: jupiterData,
  saturn: saturnData,
  uranus: uranusData,
  neptune: neptuneData,
};

/**
 * Geometry of the geocentric view per body: `a`, the mean heliocentric distance (AU) and `near`,
 * the smallest geocentric distance at which an error of this body's series is seen (AU; for the
 * Earth that is Venus at inferior conjunction). A heliocentric error δ (rad in L/B, AU in R) is
 * magnified in the geocentric direction by up to a/near (L, B) and 1/near (R).
 */
export const GEOMETRY: Record<VsopBody, { a: number; near: number }> = {
  earth: { a: 1, near: 0.27 },
  mercury: { a: 0.387, near: 0.55 },
  venus: { a: 0.723, near: 0.27 },
  mars: { a: 1.524, near: 0.37 },
  jupiter: { a: 5.2, near: 3.95 },
  saturn: { a: 9.55, near: 8 },
  uranus: { a: 19.2, near: 17.3 },
  neptune: { a: 30.1, near: 28.8 },
};

/** Truncation thresholds: see {@link TRUNCATION}. */
export interface Truncation {
  position: number;
  velocity: number;
}

/**
 * Truncation, chosen with bench/accuracy.ts. A term A·tᵅ·cos(B + C·t) is kept for the position when
 * its largest geocentric effect over ±{@link T_SPAN} millennia, A·Tᵅ·a/near (L, B) or A·Tᵅ/near (R),
 * is at least `position` radians; its sine is also summed for the velocity when A·|C|·Tᵅ scaled
 * the same way is at least `velocity` radians per millennium (1 rad/millennium ≈ 0.56″/day).
 */
export const TRUNCATION: Readonly<Truncation> = { position: 1e-6, velocity: 0.03 };
export const T_SPAN = 0.3;

function trimCoordinate(series: Record<string, number[][]>, scale: number, truncation: Truncation): VsopCoordinate {
  const coordinate: VsopCoordinate = { terms: [], velocityTerms: [] };
  const maxPower = Math.max(...Object.keys(series).map(Number));
  for (let power = 0; power <= maxPower; power++) {
    const span = T_SPAN ** power * scale;
    const all = series[String(power)] ?? [];
    const kept = all.filter(([a]) => Math.abs(a!) * span >= truncation.position);
    const isVelocityTerm = ([a, , c]: number[]) => Math.abs(a! * c!) * span >= truncation.velocity;
    const forVelocity = kept.filter(isVelocityTerm);
    const rest = kept.filter((term) => !isVelocityTerm(term));
    coordinate.terms[power] = Float64Array.from([...forVelocity, ...rest].flat());
    coordinate.velocityTerms[power] = forVelocity.length;
  }
  return coordinate;
}

/**
 * One body's series truncated by `truncation`: per coordinate and power of t the kept terms
 * flattened as [A, B, C, …], those also used for the velocity first.
 */
export function trimVsop87b(body: VsopBody, truncation: Truncation = TRUNCATION): VsopSeries {
  const data = VSOP87B_FULL[body];
  const { a, near } = GEOMETRY[body];
  return {
    L: trimCoordinate(data.L, a / near, truncation),
    B: trimCoordinate(data.B, a / near, truncation),
    R: trimCoordinate(data.R, 1 / near, truncation),
  };
}

/** All bodies truncated by `truncation`. */
export function trimAllVsop87b(truncation: Truncation = TRUNCATION): Record<VsopBody, VsopSeries> {
  return Object.fromEntries((Object.keys(VSOP87B_FULL) as VsopBody[]).map((body) => [body, trimVsop87b(body, truncation)])) as Record<VsopBody, VsopSeries>;
}
