import { z } from 'zod';
import { pictureContext } from '../options/picture-context';
import { pictureOptionsShape, sizeSchema } from '../options/picture-options';
import { element } from '../svg/element';
import { polar, type Point } from '../svg/path-data';
import { svgDocument } from '../svg/svg-document';

/**
 * Options of {@link metatronsCube}.
 *
 * @example
 * ```ts
 * metatronsCubeOptionsSchema.parse({ circles: false });
 * ```
 */
export const metatronsCubeOptionsSchema = z
  .object({
    size: sizeSchema,
    /** Draw the 13 circles of the Fruit of Life under the lines (default true). */
    circles: z.boolean().default(true),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link metatronsCube} accepts (validated by {@link metatronsCubeOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: MetatronsCubeOptions = { size: 600, circles: false, theme: { base: 'dark', accent: '#f5b942' }, description: 'The 78 lines of Metatron’s Cube' };
 * const svg = metatronsCube(options);
 * ```
 */
export type MetatronsCubeOptions = z.input<typeof metatronsCubeOptionsSchema>;

/** The 13 centres of the Fruit of Life: the centre, six at 2r and six at 4r on the same rays (one straight up). */
function fruitCentres(centre: number, radius: number): Point[] {
  const points: Point[] = [[centre, centre]];
  for (const distance of [2 * radius, 4 * radius]) {
    for (let k = 0; k < 6; k++) points.push(polar(centre, centre, distance, -Math.PI / 2 + (k * Math.PI) / 3));
  }
  return points;
}

/**
 * Metatron's Cube: the 13 circles of the Fruit of Life and the 78 lines joining every centre to every
 * other (which trace the hexagon, both hexagrams and the projections of the Platonic solids).
 *
 * @example
 * ```ts
 * import { metatronsCube } from '@vajra-stream/visuals';
 * const svg = metatronsCube({ size: 600, theme: 'dark' });
 * ```
 */
export function metatronsCube(options: MetatronsCubeOptions = {}): string {
  const { options: o, theme, idPrefix } = pictureContext('metatrons-cube', metatronsCubeOptionsSchema, options);
  const centre = o.size / 2;
  const radius = (o.size / 2 - o.size * 0.04) / 5;
  const centres = fruitCentres(centre, radius);
  const lines: string[] = [];
  for (let i = 0; i < centres.length; i++) {
    for (let j = i + 1; j < centres.length; j++) {
      const [[x1, y1], [x2, y2]] = [centres[i]!, centres[j]!];
      lines.push(element('line', { x1, y1, x2, y2 }));
    }
  }
  const body = [];
  if (o.circles)
    body.push(
      element(
        'g',
        { fill: 'none', stroke: theme.muted, 'stroke-width': Math.max(0.5, o.size / 320) },
        centres.map(([cx, cy]) => element('circle', { cx, cy, r: radius })),
      ),
    );
  body.push(element('g', { stroke: theme.foreground, 'stroke-width': Math.max(0.5, o.size / 400), 'stroke-linecap': 'round' }, lines));
  body.push(
    element(
      'g',
      { fill: theme.accent },
      centres.map(([cx, cy]) => element('circle', { cx, cy, r: Math.max(1, o.size / 160) })),
    ),
  );
  return svgDocument({
    width: o.size,
    height: o.size,
    theme,
    idPrefix,
    title: o.title ?? "Metatron's Cube",
    description: o.description ?? "Metatron's Cube: the 13 circles of the Fruit of Life with all 78 lines joining their centres.",
    body,
    data: { lines: lines.length },
  });
}
