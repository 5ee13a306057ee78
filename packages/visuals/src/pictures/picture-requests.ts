import { z } from 'zod';
import { chart, HOUSE_SYSTEMS } from '@vajra-stream/astrology';
import { parseInput, VajraError } from '@vajra-stream/core';
import { chartWheel, chartWheelOptionsSchema } from '../chart/chart-wheel';
import { chladniOptionsSchema, chladniPattern } from '../chladni/chladni-pattern';
import { lunarMonthOptionsSchema, lunarMonthStrip } from '../lunar/lunar-month-strip';
import { mandala, mandalaOptionsSchema } from '../sacred/mandala';
import { flowerOfLife, flowerOfLifeOptionsSchema } from '../sacred/flower-of-life';
import { metatronsCube, metatronsCubeOptionsSchema } from '../sacred/metatrons-cube';
import { seedOfLife, seedOfLifeOptionsSchema } from '../sacred/seed-of-life';
import { sriYantra, sriYantraOptionsSchema } from '../sacred/sri-yantra';

const place = {
  /** The instant (ISO 8601); default now. */
  date: z.string().max(64).optional(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
};

/**
 * Every picture that can be asked for with one JSON object (what the server's `/api/v1/visuals/{kind}`
 * routes and the visuals plugin take): the picture's options, plus the chart's date and place for a
 * chart wheel; a chart wheel or lunar month without a date shows now.
 *
 * @example
 * ```ts
 * pictureRequestSchemas['chart-wheel'].parse({ latitude: 27.7, longitude: 85.3, size: 480 });
 * ```
 */
export const pictureRequestSchemas = {
  'seed-of-life': seedOfLifeOptionsSchema,
  'flower-of-life': flowerOfLifeOptionsSchema,
  'metatrons-cube': metatronsCubeOptionsSchema,
  'sri-yantra': sriYantraOptionsSchema,
  mandala: mandalaOptionsSchema,
  chladni: chladniOptionsSchema,
  'lunar-month': lunarMonthOptionsSchema.extend({ date: lunarMonthOptionsSchema.shape.date.optional() }).strict(),
  'chart-wheel': chartWheelOptionsSchema.extend({ ...place, houseSystem: z.enum(HOUSE_SYSTEMS).default('placidus'), zodiac: z.enum(['tropical', 'sidereal']).default('tropical') }).strict(),
} as const;

/**
 * Kinds of picture that {@link renderPicture} draws.
 *
 * @example
 * ```ts
 * const isPictureKind = (value: string): value is PictureKind => (PICTURE_KINDS as string[]).includes(value);
 * isPictureKind('sri-yantra'); // true
 * isPictureKind('tarot'); // false
 * ```
 */
export type PictureKind = keyof typeof pictureRequestSchemas;
/**
 * The request object of one kind of picture.
 *
 * @example
 * ```ts
 * const request: PictureRequest<'chart-wheel'> = { date: '2025-01-01T00:00:00Z', latitude: 27.7, longitude: 85.3, houseSystem: 'whole-sign', zodiac: 'sidereal', size: 480 };
 * const svg = renderPicture('chart-wheel', request);
 * ```
 */
export type PictureRequest<K extends PictureKind> = z.input<(typeof pictureRequestSchemas)[K]>;

/**
 * The picture kinds, in a stable order.
 *
 * @example
 * ```ts
 * PICTURE_KINDS.includes('sri-yantra'); // true
 * ```
 */
export const PICTURE_KINDS = Object.keys(pictureRequestSchemas) as PictureKind[];

/**
 * Draw a picture from its kind and request object (validated; `now` fills a missing date, default the
 * system clock).
 *
 * @example
 * ```ts
 * renderPicture('chart-wheel', { latitude: 27.7, longitude: 85.3, date: '2025-01-01T00:00:00Z', theme: 'dark' });
 * ```
 */
export function renderPicture<K extends PictureKind>(kind: K, request: PictureRequest<K>, options: { now?: number } = {}): string {
  switch (kind) {
    case 'chart-wheel': {
      const { date, latitude, longitude, houseSystem, zodiac, ...rest } = parseInput(pictureRequestSchemas['chart-wheel'], request, 'chart-wheel request');
      const when = date ?? new Date(options.now ?? Date.now()).toISOString();
      return chartWheel(chart({ date: when, latitude, longitude, houseSystem, zodiac }), rest);
    }
    case 'lunar-month': {
      const { date, ...rest } = parseInput(pictureRequestSchemas['lunar-month'], request, 'lunar-month request');
      return lunarMonthStrip({ ...rest, date: date ?? new Date(options.now ?? Date.now()).toISOString() });
    }
    case 'mandala':
      return mandala(request as PictureRequest<'mandala'>);
    case 'chladni':
      return chladniPattern(request as PictureRequest<'chladni'>);
    case 'seed-of-life':
      return seedOfLife(request as PictureRequest<'seed-of-life'>);
    case 'flower-of-life':
      return flowerOfLife(request as PictureRequest<'flower-of-life'>);
    case 'metatrons-cube':
      return metatronsCube(request as PictureRequest<'metatrons-cube'>);
    case 'sri-yantra':
      return sriYantra(request as PictureRequest<'sri-yantra'>);
    default:
      throw new VajraError('VALIDATION_FAILED', `Unknown picture kind ${String(kind)}; known: ${PICTURE_KINDS.join(', ')}`, { status: 422 });
  }
}
