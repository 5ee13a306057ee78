import { z } from 'zod';
import { pictureContext } from '../options/picture-context';
import { pictureOptionsShape, sizeSchema } from '../options/picture-options';
import { element } from '../svg/element';
import { svgDocument } from '../svg/svg-document';
import type { Theme } from '../theme/themes';
import { hexLatticeCentres } from './flower-geometry';

/**
 * Options of {@link flowerOfLife} (validated; unknown keys are refused).
 *
 * @example
 * ```ts
 * flowerOfLifeOptionsSchema.parse({ size: 256, rings: 3 });
 * ```
 */
export const flowerOfLifeOptionsSchema = z
  .object({
    size: sizeSchema,
    /** Hexagonal rings of whole circles around the centre (default 2: the classic 19 circles). */
    rings: z.number().int().min(1).max(8).default(2),
    /** Draw the next ring as arcs clipped by the enclosing circle, as in the classic figure (default true). */
    outerArcs: z.boolean().default(true),
    /** Draw the enclosing circles (default true). */
    border: z.boolean().default(true),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link flowerOfLife} accepts (validated by {@link flowerOfLifeOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: FlowerOfLifeOptions = { size: 512, rings: 3, outerArcs: true, border: true, theme: 'dark', idPrefix: 'flower' };
 * const svg = flowerOfLife(options); // 37 whole circles in three rings around the centre
 * ```
 */
export type FlowerOfLifeOptions = z.input<typeof flowerOfLifeOptionsSchema>;

/**
 * The Flower of Life: equal circles on a hexagonal lattice, each through its neighbours' centres, in an
 * enclosing circle; with `rings: 1` it is the Seed of Life.
 *
 * @example
 * ```ts
 * import { flowerOfLife } from '@vajra-stream/visuals';
 * const svg = flowerOfLife({ size: 512, theme: 'dark' }); // 19 circles and 36 clipped arcs
 * ```
 */
export function flowerOfLife(options: FlowerOfLifeOptions = {}): string {
  const { options: o, theme, idPrefix } = pictureContext('flower-of-life', flowerOfLifeOptionsSchema, options);
  return drawFlower({ ...o, kind: o.rings === 1 ? 'Seed of Life' : 'Flower of Life', theme, idPrefix });
}

/** Shared by the Seed and Flower of Life. */
export function drawFlower(input: Omit<z.output<typeof flowerOfLifeOptionsSchema>, 'theme'> & { kind: string; theme: Theme; idPrefix: string }): string {
  const { size, rings, outerArcs, border, theme, idPrefix } = input;
  const centre = size / 2;
  const boundary = rings + 1;
  const radius = (size / 2 - size * 0.04) / boundary;
  const stroke = { fill: 'none', stroke: theme.foreground, 'stroke-width': Math.max(0.5, size / 320) };
  const whole = hexLatticeCentres(centre, centre, radius, rings);
  const body = [
    element(
      'g',
      stroke,
      whole.map(([x, y]) => element('circle', { cx: x, cy: y, r: radius })),
    ),
  ];
  let defs = '';
  if (outerArcs) {
    defs = element('clipPath', { id: `${idPrefix}-clip` }, element('circle', { cx: centre, cy: centre, r: boundary * radius }));
    const partial = hexLatticeCentres(centre, centre, radius, boundary).slice(whole.length);
    body.push(
      element(
        'g',
        { ...stroke, stroke: theme.muted, 'clip-path': `url(#${idPrefix}-clip)` },
        partial.map(([x, y]) => element('circle', { cx: x, cy: y, r: radius })),
      ),
    );
  }
  if (border) {
    body.push(
      element('g', { ...stroke, 'stroke-width': Math.max(0.75, size / 200) }, [
        element('circle', { cx: centre, cy: centre, r: boundary * radius }),
        element('circle', { cx: centre, cy: centre, r: boundary * radius + size * 0.012 }),
      ]),
    );
  }
  const count = whole.length;
  return svgDocument({
    width: size,
    height: size,
    theme,
    idPrefix,
    title: input.title ?? input.kind,
    description:
      input.description ??
      `${input.kind}: ${count} equal circles on a hexagonal lattice, each passing through the centres of its neighbours${outerArcs ? ', with the next ring as arcs clipped by the enclosing circle' : ''}.`,
    defs,
    body,
    data: { circles: count },
  });
}
