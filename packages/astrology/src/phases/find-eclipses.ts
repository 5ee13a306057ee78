import * as z from 'zod/mini';
import { parseInput, VajraError } from '@vajra-stream/core';
import { lunarEclipses, solarEclipses } from '../ephemeris/ephemeris';
import { instantSchema, type InstantInput } from '../schema/inputs';

/**
 * A solar or lunar eclipse.
 *
 * @example
 * ```ts
 * const [first]: Eclipse[] = findEclipses({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
 * `${first.kind} ${first.type} eclipse at ${first.peak}`; // 'total lunar eclipse at 2025-03-14T06:58:47.747Z'
 * ```
 */
export interface Eclipse {
  type: 'solar' | 'lunar';
  /** Solar: partial, annular or total; lunar: penumbral, partial or total. */
  kind: 'penumbral' | 'partial' | 'annular' | 'total';
  /** Instant of greatest eclipse, ISO 8601 UTC. */
  peak: string;
  /** Milliseconds since the epoch. */
  time: number;
}

const rangeSchema = z.object({ from: instantSchema, to: instantSchema }).check(z.refine((r) => r.to >= r.from, { message: '`to` must not be before `from`' }));

/**
 * Solar (global) and lunar eclipses with greatest eclipse between two instants, in time order.
 * Greatest eclipse is the instant the shadow axis passes closest to Earth's centre (solar) or the
 * Moon passes closest to the axis of Earth's shadow (lunar), as in NASA's catalogues.
 *
 * @example
 * ```ts
 * findEclipses({ from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' });
 * // [{ type: 'lunar', kind: 'penumbral', peak: '2024-03-25T07:1…' }, { type: 'solar', kind: 'total', … }, …]
 * ```
 */
export function findEclipses(range: { from: InstantInput; to: InstantInput }): Eclipse[] {
  const { from, to } = parseInput(rangeSchema, range, 'eclipse range');
  if (to - from > 100 * 366 * 86_400_000) {
    throw new VajraError('VALIDATION_FAILED', 'Range longer than 100 years', { status: 422 });
  }
  const all: Eclipse[] = [
    ...solarEclipses(from, to).map((e) => ({ type: 'solar' as const, kind: e.kind, peak: new Date(e.peakMs).toISOString(), time: e.peakMs })),
    ...lunarEclipses(from, to).map((e) => ({ type: 'lunar' as const, kind: e.kind, peak: new Date(e.peakMs).toISOString(), time: e.peakMs })),
  ];
  return all.sort((a, b) => a.time - b.time);
}
