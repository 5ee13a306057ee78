import { parseInstant } from '../clock/iso-instant';

/**
 * Exact prayer-wheel arithmetic. Counts are decimal strings (exact beyond 2^53); the rotation count of a
 * spinning stretch is derived from elapsed time, never from counting timer callbacks.
 */

/**
 * A stretch of spinning at constant rpm.
 *
 * @example
 * ```ts
 * const { segment } = await vajra.wheels.get(id);
 * if (segment !== null) {
 *   const minutes = (Date.now() - Date.parse(segment.since)) / 60_000;
 *   const turnedSince = Math.floor(segment.phaseAtStart + segment.rpm * minutes);
 *   console.log(`${segment.rpm} rpm since ${segment.since}: about ${BigInt(segment.rotationsAtStart) + BigInt(turnedSince)} rotations`);
 * }
 * ```
 */
export interface SpinSegment {
  /** Start of the stretch (ISO). */
  since: string;
  rpm: number;
  /** Whole rotations counted before the stretch (decimal string). */
  rotationsAtStart: string;
  /** Fraction of a rotation already turned at the start, in [0, 1). */
  phaseAtStart: number;
  /** The instant the stored count was last computed for (ISO). */
  lastTickAt: string;
}

/**
 * Rotations and fractional phase of a segment at `atMs`.
 *
 * @example
 * ```ts
 * rotationsAt({ since, rpm: 33.3, rotationsAtStart: '0', phaseAtStart: 0, lastTickAt: since }, Date.parse(since) + 60_000);
 * // { rotations: '33', phase: 0.3 }
 * ```
 */
export function rotationsAt(segment: SpinSegment, atMs: number): { rotations: string; phase: number } {
  const minutes = Math.max(0, atMs - parseInstant(segment.since)) / 60_000;
  const turns = segment.phaseAtStart + segment.rpm * minutes;
  // A decimal rpm (33.3) is not exact in binary: nudge by a few ulps so a rotation completed exactly at an
  // instant (33.3 rpm × 600 min = 19980) is counted then, not one tick later.
  const whole = Math.floor(turns * (1 + 4 * Number.EPSILON));
  return { rotations: (BigInt(segment.rotationsAtStart) + BigInt(whole)).toString(), phase: Math.max(0, turns - whole) };
}

/**
 * Recitations = rotations × copies per rotation, exactly.
 *
 * @example
 * ```ts
 * recitationsOf('9007199254740993', '1000000'); // '9007199254740993000000'
 * ```
 */
export function recitationsOf(rotations: string, copiesPerRotation: string): string {
  return (BigInt(rotations) * BigInt(copiesPerRotation)).toString();
}

/**
 * Sum decimal-string counts exactly.
 *
 * @example
 * ```ts
 * addCounts('1', '9007199254740992'); // '9007199254740993'
 * ```
 */
export function addCounts(...counts: string[]): string {
  return counts.reduce((sum, count) => sum + BigInt(count), 0n).toString();
}
