import { z } from 'zod';
import { zeroContours } from '../math/marching-squares';
import { pictureContext } from '../options/picture-context';
import { pictureOptionsShape, sizeSchema } from '../options/picture-options';
import { element } from '../svg/element';
import { num } from '../svg/format-number';
import { polylineData } from '../svg/path-data';
import { svgDocument } from '../svg/svg-document';
import { chladniField } from './chladni-field';
import { chladniMode, chladniPlateShape, type ChladniMode } from './chladni-modes';

/**
 * Options of {@link chladniPattern}: the plate and frequency (see {@link chladniMode}) and the drawing.
 *
 * @example
 * ```ts
 * chladniOptionsSchema.parse({ frequency: 528, plate: 'circular', resolution: 300 });
 * ```
 */
export const chladniOptionsSchema = z
  .object({
    ...chladniPlateShape,
    size: sizeSchema,
    /** Grid samples across the plate for tracing the nodal lines (default 240; 32–400: about 30 ms at most). */
    resolution: z.number().int().min(32).max(400).default(240),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link chladniPattern} accepts (validated by {@link chladniOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: ChladniOptions = { frequency: 432, plate: 'circular', widthMeters: 0.3, thicknessMeters: 0.0015, material: 'brass', size: 512, resolution: 300, theme: 'dark' };
 * const svg = chladniPattern(options);
 * ```
 */
export type ChladniOptions = z.input<typeof chladniOptionsSchema>;

function describeMode(mode: ChladniMode): string {
  return mode.plate === 'square'
    ? `(${mode.n}, ${mode.m}) ${mode.combination}`
    : `(${mode.n}, ${mode.s}): ${mode.n} nodal diameter${mode.n === 1 ? '' : 's'}, ${mode.s} nodal circle${mode.s === 1 ? '' : 's'} with the rim`;
}

/**
 * A Chladni figure: the nodal lines (where sand gathers) of the plate mode nearest to a frequency,
 * traced by marching squares on the sampled mode shape. Square plate: the classical superposition
 * cos(nπx)cos(mπy) ∓ cos(mπx)cos(nπy); circular plate: J_n(j_{n,s} r)cos(nθ) with Bessel zeros computed
 * here. The frequency → mode mapping is the thin-plate dispersion stated in {@link chladniMode}; the
 * root carries `data-mode` and `data-mode-frequency`.
 *
 * @example
 * ```ts
 * import { chladniPattern } from '@vajra-stream/visuals';
 * const svg = chladniPattern({ frequency: 528, plate: 'square', theme: 'dark' });
 * ```
 */
export function chladniPattern(options: ChladniOptions): string {
  const { options: o, theme, idPrefix } = pictureContext('chladni', chladniOptionsSchema, options);
  const plateOptions = Object.fromEntries(
    Object.keys(chladniPlateShape)
      .map((key) => [key, o[key as keyof typeof o]])
      .filter(([, value]) => value !== undefined),
  );
  const mode = chladniMode(plateOptions);
  const field = chladniField(mode);
  const points = o.resolution + 1;
  const circular = mode.plate === 'circular';
  const values = new Float64Array(points * points);
  // the clamped rim is itself nodal: keep a cell and a half off it, or rounding near zero traces specks along it
  const rimLimit = 1 - 3 / o.resolution;
  for (let row = 0; row < points; row++) {
    for (let column = 0; column < points; column++) {
      const [u, v] = [column / o.resolution, row / o.resolution];
      const [x, y] = [2 * u - 1, 2 * v - 1];
      values[row * points + column] = !circular ? field(u, v) : Math.hypot(x, y) > rimLimit ? Number.NaN : field(x, y);
    }
  }
  const margin = o.size * 0.06;
  const span = o.size - 2 * margin;
  const scale = span / o.resolution;
  const contours = zeroContours(values, points, points).filter((line) => line.length > 1);
  const paths = contours.map((line) => element('path', { d: polylineData(line.map(([c, r]) => [margin + c * scale, margin + r * scale])) }));
  const plate = circular
    ? element('circle', { cx: o.size / 2, cy: o.size / 2, r: span / 2, fill: theme.grid, stroke: theme.muted, 'stroke-width': Math.max(1, o.size / 300) })
    : element('rect', { x: margin, y: margin, width: span, height: span, fill: theme.grid, stroke: theme.muted, 'stroke-width': Math.max(1, o.size / 300) });
  const size = `${(o.widthMeters * 100).toFixed(1).replace(/\.0$/, '')} cm`;
  const asked = o.frequency === undefined ? '' : ` driven at ${o.frequency} Hz`;
  const detune = o.frequency === undefined ? '' : ` (${mode.detune >= 0 ? '+' : ''}${(mode.detune * 100).toFixed(1)} %)`;
  return svgDocument({
    width: o.size,
    height: o.size,
    theme,
    idPrefix,
    title: o.title ?? `Chladni figure${asked}`,
    description:
      o.description ??
      `Chladni figure of a ${size} ${mode.plate} ${o.material} plate ${(o.thicknessMeters * 1000).toFixed(2).replace(/\.?0+$/, '')} mm thick${asked}: mode ${describeMode(mode)} at ${mode.frequency.toFixed(1)} Hz${detune}. ` +
        `Nodal lines, where sand gathers, traced by marching squares on a ${o.resolution}×${o.resolution} grid.`,
    body: [
      plate,
      element(
        'g',
        { fill: 'none', stroke: theme.foreground, 'stroke-width': Math.max(1, o.size / 170), 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'data-nodal-lines': contours.length },
        paths,
      ),
    ],
    data: { mode: mode.plate === 'square' ? `${mode.n},${mode.m},${mode.combination}` : `${mode.n},${mode.s}`, 'mode-frequency': num(mode.frequency) },
  });
}
