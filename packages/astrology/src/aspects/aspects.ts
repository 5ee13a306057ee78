import * as z from 'zod/mini';
import { parseInput, VajraError } from '@vajra-stream/core';
import { norm180 } from '../math/angles';
import { CHART_BODIES, type Chart, type ChartBody } from '../chart/chart';

/**
 * Aspect angles, degrees.
 *
 * @example
 * ```ts
 * ASPECT_ANGLES.trine; // 120
 * ```
 */
export const ASPECT_ANGLES = { conjunction: 0, sextile: 60, square: 90, trine: 120, opposition: 180 } as const;

/**
 * One of the aspects of {@link ASPECT_ANGLES}.
 *
 * @example
 * ```ts
 * const hard: AspectName[] = ['square', 'opposition'];
 * const tense = aspects(c).filter((x) => hard.includes(x.aspect));
 * ```
 */
export type AspectName = keyof typeof ASPECT_ANGLES;

/**
 * Default orbs (degrees) as used by common astrology software.
 *
 * @example
 * ```ts
 * aspects(c, { orbs: { ...DEFAULT_ORBS, sextile: 4 } });
 * ```
 */
export const DEFAULT_ORBS: Record<AspectName, number> = { conjunction: 8, sextile: 6, square: 8, trine: 8, opposition: 8 };

/**
 * One aspect between two bodies of a chart.
 *
 * @example
 * ```ts
 * const [closest]: Aspect[] = aspects(chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2 })).sort((x, y) => x.orb - y.orb);
 * // { a: 'sun', b: 'moon', aspect: 'conjunction', angle: 0, separation: 0.038…, orb: 0.038…, applying: true }
 * ```
 */
export interface Aspect {
  a: ChartBody;
  b: ChartBody;
  aspect: AspectName;
  /** Exact aspect angle, degrees. */
  angle: number;
  /** Current angular separation, degrees [0, 180]. */
  separation: number;
  /** |separation − angle|, degrees. */
  orb: number;
  /** True when the orb is shrinking (from the bodies' current speeds). */
  applying: boolean;
}

const optionsSchema = z._default(
  z.object({
    orbs: z.optional(z.partialRecord(z.enum(Object.keys(ASPECT_ANGLES) as [AspectName, ...AspectName[]]), z.number().check(z.gte(0), z.lte(30)))),
    /** Extra orb added when the Sun or the Moon takes part. */
    luminaryBonus: z._default(z.number().check(z.gte(0), z.lte(10)), 0),
    bodies: z.optional(z.array(z.enum(CHART_BODIES))),
  }),
  { luminaryBonus: 0 },
);

/**
 * Options of {@link aspects}.
 *
 * @example
 * ```ts
 * const options: AspectOptions = { orbs: { conjunction: 10, sextile: 4 }, luminaryBonus: 2, bodies: ['sun', 'moon', 'venus', 'mars'] }; // degrees
 * const found = aspects(c, options);
 * ```
 */
export interface AspectOptions {
  /** Orb per aspect in degrees; missing aspects use {@link DEFAULT_ORBS}. */
  orbs?: Partial<Record<AspectName, number>>;
  /** Added to the orb when the Sun or Moon is involved (common practice: 2°). Default 0. */
  luminaryBonus?: number;
  /** Bodies to consider (each must be in the chart); default the chart's bodies except the true node (it would duplicate the mean node). */
  bodies?: ChartBody[];
}

/**
 * Aspects between the bodies of a chart, with configurable orbs, marked applying (orb shrinking) or
 * separating from the bodies' speeds.
 *
 * @example
 * ```ts
 * const c = chart({ date: '2024-04-08T18:18:00Z', latitude: 0, longitude: 0 });
 * aspects(c, { orbs: { conjunction: 10 } }).find((x) => x.a === 'sun' && x.b === 'moon');
 * // { aspect: 'conjunction', orb: 0.0…, applying: … }
 * ```
 */
export function aspects<Body extends ChartBody>(chart: Chart<Body>, options: AspectOptions = {}): Aspect[] {
  if (!chart || typeof chart !== 'object' || !chart.bodies) {
    throw new VajraError('VALIDATION_FAILED', 'aspects() needs a chart from chart()', { status: 422 });
  }
  const parsed = parseInput(optionsSchema, options, 'aspect options');
  const orbs = { ...DEFAULT_ORBS, ...parsed.orbs };
  const computed = chart.bodies as Partial<Record<ChartBody, Chart['bodies'][ChartBody]>>;
  const missing = (parsed.bodies ?? []).filter((b) => computed[b] === undefined);
  if (missing.length > 0) {
    throw new VajraError('VALIDATION_FAILED', `aspects(): the chart has no ${missing.join(', ')} (compute it with chart({ bodies }))`, {
      status: 422,
      details: { issues: [{ path: 'bodies', code: 'invalid_value', message: `not in the chart: ${missing.join(', ')}` }] },
    });
  }
  const names = (parsed.bodies ?? CHART_BODIES.filter((b) => b !== 'trueNode')).filter((b) => computed[b] !== undefined);
  const out: Aspect[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = computed[names[i]!]!;
      const b = computed[names[j]!]!;
      const signed = norm180(a.longitude - b.longitude);
      const separation = Math.abs(signed);
      // d(separation)/dt
      const rate = Math.sign(signed) * (a.speed - b.speed);
      const bonus = [names[i], names[j]].some((n) => n === 'sun' || n === 'moon') ? parsed.luminaryBonus : 0;
      for (const [aspect, angle] of Object.entries(ASPECT_ANGLES) as Array<[AspectName, number]>) {
        const orb = Math.abs(separation - angle);
        if (orb <= orbs[aspect] + bonus) {
          const orbRate = Math.sign(separation - angle) * rate;
          out.push({ a: names[i]!, b: names[j]!, aspect, angle, separation, orb, applying: orbRate < 0 });
        }
      }
    }
  }
  return out.sort((x, y) => x.orb - y.orb);
}
