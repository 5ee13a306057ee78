import { z } from 'zod';
import { pictureContext } from '../options/picture-context';
import { pictureOptionsShape, sizeSchema } from '../options/picture-options';
import { element } from '../svg/element';
import { polylineData } from '../svg/path-data';
import { svgDocument } from '../svg/svg-document';
import { solveSriYantra, sriYantraGeometryOptionsSchema } from './solve-sri-yantra';
import { drawSurround, SURROUND_EXTENT } from './sri-yantra-surround';

/**
 * Options of {@link sriYantra}: the geometry options of {@link solveSriYantra} plus the drawing's.
 *
 * @example
 * ```ts
 * sriYantraOptionsSchema.parse({ construction: 'concentric', surround: 'lotus' });
 * ```
 */
export const sriYantraOptionsSchema = sriYantraGeometryOptionsSchema
  .extend({
    size: sizeSchema,
    /** What surrounds the triangles: `full` (lotuses, circles and the gated square), `lotus`, `circle` or `none` (default `full`). */
    surround: z.enum(['full', 'lotus', 'circle', 'none']).default('full'),
    /** Tint the upward and downward triangles (default true). */
    fill: z.boolean().default(true),
    /** Mark the 24 triple points (default false). */
    showTriplePoints: z.boolean().default(false),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link sriYantra} accepts (validated by {@link sriYantraOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: SriYantraOptions = { size: 800, construction: 'concentric', lines: { 3: 17, 7: 30 }, surround: 'lotus', fill: false, showTriplePoints: true, theme: 'saffron' };
 * const svg = sriYantra(options);
 * ```
 */
export type SriYantraOptions = z.input<typeof sriYantraOptionsSchema>;

/**
 * A geometrically correct Sri Yantra: the nine interlocking triangles solved by {@link solveSriYantra}
 * (all 24 triple points concurrent), the bindu, and optionally the lotuses and the gated square. The
 * root carries `data-residual` (the largest concurrency error, in radii) and the `<desc>` states it.
 *
 * @example
 * ```ts
 * import { sriYantra } from '@vajra-stream/visuals';
 * const svg = sriYantra({ size: 800, theme: 'saffron' });
 * svg.match(/data-residual="([^"]+)"/)?.[1]; // e.g. '2.22e-16'
 * ```
 */
export function sriYantra(options: SriYantraOptions = {}): string {
  const { options: o, theme, idPrefix } = pictureContext('sri-yantra', sriYantraOptionsSchema, options);
  const geometry = solveSriYantra({ construction: o.construction, ...(o.lines === undefined ? {} : { lines: o.lines }) });
  const centre = o.size / 2;
  const unit = (o.size / 2 - o.size * 0.03) / SURROUND_EXTENT[o.surround];
  const stroke = Math.max(0.5, o.size / 360);
  const at = ([x, y]: readonly [number, number]) => [centre + unit * x, centre - unit * y] as const;
  const body = drawSurround(centre, centre, unit, o.surround, theme, stroke);
  if (o.surround !== 'none') body.push(element('circle', { cx: centre, cy: centre, r: unit, fill: 'none', stroke: theme.foreground, 'stroke-width': stroke }));
  const triangles = geometry.triangles.map((t) =>
    element('path', {
      d: polylineData([at(t.apex), at(t.left), at(t.right)], { closed: true }),
      fill: o.fill ? (t.pointing === 'up' ? theme.palette[2]! : theme.palette[0]!) : 'none',
      'fill-opacity': o.fill ? 0.14 : undefined,
      'data-triangle': t.name,
    }),
  );
  body.push(element('g', { stroke: theme.foreground, 'stroke-width': stroke, 'stroke-linejoin': 'round' }, triangles));
  const [bx, by] = at(geometry.bindu);
  body.push(element('circle', { cx: bx, cy: by, r: Math.max(1, o.size / 200), fill: theme.accent }));
  if (o.showTriplePoints) {
    body.push(
      element(
        'g',
        { fill: theme.accent },
        geometry.triplePoints.map((p) => element('circle', { cx: at(p.point)[0], cy: at(p.point)[1], r: Math.max(1, o.size / 300) })),
      ),
    );
  }
  const residual = geometry.maxConcurrencyError.toExponential(2);
  return svgDocument({
    width: o.size,
    height: o.size,
    theme,
    idPrefix,
    title: o.title ?? 'Sri Yantra',
    description:
      o.description ??
      `Sri Yantra (${o.construction} construction): nine interlocking triangles, four pointing up and five down, around the bindu. ` +
        `Its 24 triple points are concurrent to within ${residual} of the circle's radius (solved by Levenberg-Marquardt in ${geometry.iterations} iterations).`,
    body,
    data: { residual, construction: o.construction },
  });
}
