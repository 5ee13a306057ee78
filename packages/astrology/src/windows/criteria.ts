import { bodyState, ephemerisTime, positionContext, type PlanetName } from '../ephemeris/ephemeris';
import { norm360 } from '../math/angles';
import { solveBracketed, solveIncreasingAngle } from '../math/solve';
import { planetaryDayAt, type ClassicalPlanet } from '../hours/planetary-hours';
import type { RiseSetDefinition } from '../ephemeris/ephemeris';
import { selectPieces, type Interval } from './intervals';

const MS_PER_DAY = 86_400_000;

/**
 * Instants in (from, to) where a steadily increasing angle crosses any of `boundaries`, each found by
 * root-finding (secant on the angle), never by stepping.
 */
export function angleCrossings(angleAt: (ms: number) => number, boundaries: number[], meanRate: number, from: number, to: number): number[] {
  const sorted = [...new Set(boundaries.map(norm360))].sort((a, b) => a - b);
  const out: number[] = [];
  let t = from;
  for (let guard = 0; guard < 100_000; guard++) {
    const v = angleAt(t);
    let target = sorted[0]!;
    let best = Infinity;
    for (const b of sorted) {
      const d = norm360(b - v);
      if (d > 1e-9 && d < best) {
        best = d;
        target = b;
      }
    }
    const crossing = solveIncreasingAngle(angleAt, target, t, meanRate, 50);
    if (crossing >= to) break;
    if (crossing > from) out.push(crossing);
    t = Math.max(crossing, t) + 1_000;
  }
  return out;
}

/** Intervals of [from, to] where `angleAt` lies in a set of boundary-delimited sectors. */
export function angleIntervals(angleAt: (ms: number) => number, boundaries: number[], meanRate: number, from: number, to: number, keepAngle: (angle: number) => boolean): Interval[] {
  const cuts = angleCrossings(angleAt, boundaries, meanRate, from, to);
  return selectPieces(from, to, cuts, (mid) => keepAngle(angleAt(mid)));
}

/** Intervals when the planetary-hour ruler is one of `rulers`. */
export function planetaryHourIntervals(rulers: ClassicalPlanet[], from: number, to: number, latitude: number, longitude: number, definition: RiseSetDefinition): Interval[] {
  const wanted = new Set(rulers);
  const out: Interval[] = [];
  let t = from;
  for (let guard = 0; guard < 2000 && t < to; guard++) {
    const day = planetaryDayAt(t, latitude, longitude, definition);
    for (const h of day.hours) {
      const s = Math.max(h.startTime, from);
      const e = Math.min(h.endTime, to);
      if (e > s && wanted.has(h.ruler)) out.push([s, e]);
    }
    t = day.hours[23]!.endTime + 1;
  }
  return out;
}

function longitudeSpeed(body: PlanetName, ms: number): number {
  return bodyState(positionContext(ephemerisTime(ms)), body).longitudeSpeed;
}

/**
 * Intervals when none of `bodies` is retrograde. Stations are bracketed by sampling the analytic
 * speed once a day (stations of the same body are weeks apart) and then solved by regula falsi.
 */
export function directMotionIntervals(bodies: PlanetName[], from: number, to: number): Interval[] {
  const cuts: number[] = [];
  for (const body of bodies) {
    let t0 = from;
    let s0 = longitudeSpeed(body, t0);
    while (t0 < to) {
      const t1 = Math.min(t0 + MS_PER_DAY, to);
      const s1 = longitudeSpeed(body, t1);
      if (s0 * s1 < 0) cuts.push(solveBracketed((ms) => longitudeSpeed(body, ms), t0, t1, 1_000));
      t0 = t1;
      s0 = s1;
    }
  }
  cuts.sort((a, b) => a - b);
  return selectPieces(from, to, cuts, (mid) => {
    const ctx = positionContext(ephemerisTime(mid));
    return bodies.every((b) => bodyState(ctx, b).longitudeSpeed >= 0);
  });
}
