import * as z from 'zod/mini';
import { parseInput, VajraError } from '@vajra-stream/core';
import { elongationAt, MEAN_RATES } from '../lunar/lunar-angles';
import { solveIncreasingAngle } from '../math/solve';
import { instantSchema, type InstantInput } from '../schema/inputs';

/**
 * Names of the four principal phases, indexed by elongation / 90°.
 *
 * @example
 * ```ts
 * QUARTER_NAMES[2]; // 'full moon'
 * ```
 */
export const QUARTER_NAMES = ['new moon', 'first quarter', 'full moon', 'last quarter'] as const;

/**
 * One of {@link QUARTER_NAMES}.
 *
 * @example
 * ```ts
 * const observed: QuarterName[] = ['new moon', 'full moon'];
 * const practiceDays = findMoonPhases({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).filter((e) => observed.includes(e.phase));
 * ```
 */
export type QuarterName = (typeof QUARTER_NAMES)[number];

/**
 * One principal lunar phase.
 *
 * @example
 * ```ts
 * const fullMoons: MoonPhaseEvent[] = findMoonPhases({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).filter((e) => e.phase === 'full moon');
 * fullMoons.length; // 12
 * fullMoons.map((e) => e.date); // exact instants, ISO 8601 UTC
 * ```
 */
export interface MoonPhaseEvent {
  phase: QuarterName;
  /** Elongation reached: 0, 90, 180 or 270 degrees. */
  angle: 0 | 90 | 180 | 270;
  /** Exact instant, ISO 8601 UTC. */
  date: string;
  /** Milliseconds since the epoch. */
  time: number;
}

const rangeSchema = z.object({ from: instantSchema, to: instantSchema }).check(z.refine((r) => r.to >= r.from, { message: '`to` must not be before `from`' }));

const MAX_SPAN_DAYS = 366 * 20;

/** Apparent elongation crossings of 0/90/180/270° in [fromMs, toMs), as raw instants. */
export function quarterInstants(fromMs: number, toMs: number): Array<{ index: 0 | 1 | 2 | 3; time: number }> {
  const out: Array<{ index: 0 | 1 | 2 | 3; time: number }> = [];
  let t = fromMs;
  let index = (Math.floor(elongationAt(fromMs) / 90) + 1) % 4;
  for (;;) {
    const time = solveIncreasingAngle(elongationAt, index * 90, t, MEAN_RATES.elongation, 5);
    if (time >= toMs) break;
    if (time >= fromMs) out.push({ index: index as 0 | 1 | 2 | 3, time });
    t = time + 86_400_000; // quarters are ≥ 6 days apart
    index = (index + 1) % 4;
  }
  return out;
}

/**
 * New moons, first quarters, full moons and last quarters between two instants, found by solving for
 * the Moon's apparent elongation from the Sun (aberration included, unlike astronomy-engine's
 * SearchMoonPhase) to better than a second.
 *
 * @example
 * ```ts
 * const phases = findMoonPhases({ from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' });
 * phases[0]; // { phase: 'last quarter', date: '2024-01-04T03:30:…Z', … }
 * ```
 */
export function findMoonPhases(range: { from: InstantInput; to: InstantInput }): MoonPhaseEvent[] {
  const { from, to } = parseInput(rangeSchema, range, 'moon phase range');
  if (to - from > MAX_SPAN_DAYS * 86_400_000) {
    throw new VajraError('VALIDATION_FAILED', `Range longer than ${MAX_SPAN_DAYS} days`, { status: 422 });
  }
  return quarterInstants(from, to).map(({ index, time }) => ({
    phase: QUARTER_NAMES[index]!,
    angle: (index * 90) as MoonPhaseEvent['angle'],
    date: new Date(time).toISOString(),
    time,
  }));
}
