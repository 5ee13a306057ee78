import { z } from 'zod';
import { pictureContext } from '../options/picture-context';
import { pictureOptionsShape, sizeSchema } from '../options/picture-options';
import { drawFlower } from './flower-of-life';

/**
 * Options of {@link seedOfLife}.
 *
 * @example
 * ```ts
 * seedOfLifeOptionsSchema.parse({ size: 256 });
 * ```
 */
export const seedOfLifeOptionsSchema = z
  .object({
    size: sizeSchema,
    /** Draw the ring of arcs clipped by the enclosing circle (default false: the plain seven circles). */
    outerArcs: z.boolean().default(false),
    border: z.boolean().default(true),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link seedOfLife} accepts (validated by {@link seedOfLifeOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: SeedOfLifeOptions = { size: 256, outerArcs: true, border: false, theme: 'saffron', title: 'Seed of Life' };
 * const svg = seedOfLife(options);
 * ```
 */
export type SeedOfLifeOptions = z.input<typeof seedOfLifeOptionsSchema>;

/**
 * The Seed of Life: seven equal circles, six around one, each through the centre.
 *
 * @example
 * ```ts
 * import { seedOfLife } from '@vajra-stream/visuals';
 * const svg = seedOfLife({ size: 256, theme: 'saffron' });
 * ```
 */
export function seedOfLife(options: SeedOfLifeOptions = {}): string {
  const { options: o, theme, idPrefix } = pictureContext('seed-of-life', seedOfLifeOptionsSchema, options);
  return drawFlower({ ...o, rings: 1, kind: 'Seed of Life', theme, idPrefix });
}
