import { z } from 'zod';
import { aspects as findAspects, CHART_BODIES, SIGNS, type Aspect, type Chart, type ChartBody } from '@vajra-stream/astrology';
import { VajraError } from '@vajra-stream/core';
import { pictureContext } from '../options/picture-context';
import { pictureOptionsShape, sizeSchema } from '../options/picture-options';
import { element, textElement } from '../svg/element';
import { num } from '../svg/format-number';
import { polar } from '../svg/path-data';
import { svgDocument } from '../svg/svg-document';
import type { Theme } from '../theme/themes';
import { BODY_GLYPHS, bodyName, RETROGRADE_MARK, SIGN_ELEMENTS, SIGN_GLYPHS, zodiacPosition } from './glyphs';
import { staggerLevels, wheelAngle } from './wheel-layout';

const DEFAULT_BODIES: ChartBody[] = ['sun', 'moon', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto', 'trueNode'];
const ASPECT_STYLE: Record<string, { color: number; dash?: string }> = {
  opposition: { color: 0 },
  square: { color: 0 },
  trine: { color: 2 },
  sextile: { color: 2, dash: '4 3' },
};

/**
 * Options of {@link chartWheel}.
 *
 * @example
 * ```ts
 * chartWheelOptionsSchema.parse({ size: 720, bodies: ['sun', 'moon'], aspects: false });
 * ```
 */
export const chartWheelOptionsSchema = z
  .object({
    size: sizeSchema.default(600),
    /** Bodies drawn (default: Sun to Pluto and the true node). */
    bodies: z.array(z.enum(CHART_BODIES)).min(1).max(CHART_BODIES.length).optional(),
    /** Draw aspect lines between the bodies (default true; conjunctions show as neighbouring glyphs). */
    aspects: z.boolean().default(true),
    /** Orbs per aspect in degrees (default: the astrology package's `DEFAULT_ORBS`). */
    orbs: z.partialRecord(z.enum(['conjunction', 'sextile', 'square', 'trine', 'opposition']), z.number().min(0).max(15)).optional(),
    /** Label each body with its degree and minute within its sign (default true). */
    degrees: z.boolean().default(true),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link chartWheel} accepts (validated by {@link chartWheelOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: ChartWheelOptions = {
 *   size: 720,
 *   bodies: ['sun', 'moon', 'mercury', 'venus', 'mars'],
 *   orbs: { conjunction: 8, opposition: 8, square: 6, trine: 6, sextile: 4 }, // degrees
 *   degrees: false,
 *   theme: 'dark',
 * };
 * const svg = chartWheel(chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2 }), options);
 * ```
 */
export type ChartWheelOptions = z.input<typeof chartWheelOptionsSchema>;

type Parsed = z.output<typeof chartWheelOptionsSchema>;
interface Wheel {
  chart: Chart;
  o: Parsed;
  theme: Theme;
  centre: number;
  radius: number;
  angle: (longitude: number) => number;
  at: (radius: number, longitude: number) => readonly [number, number];
}

/**
 * A chart wheel for a chart from `@vajra-stream/astrology`: the zodiac ring with sign glyphs (tinted by
 * element), degree ticks, house cusps and numbers, the bodies' glyphs at their longitudes (staggered
 * inwards when they crowd, with degree labels and ℞ for retrograde), the angles (AC, MC, DC, IC) and
 * aspect lines. The ascendant is at the left; longitudes run counter-clockwise.
 *
 * @example
 * ```ts
 * import { chart } from '@vajra-stream/astrology';
 * import { chartWheel } from '@vajra-stream/visuals';
 * const svg = chartWheel(chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2 }), { theme: 'dark' });
 * ```
 */
export function chartWheel(chart: Chart, options: ChartWheelOptions = {}): string {
  assertChart(chart);
  const { options: o, theme, idPrefix } = pictureContext('chart-wheel', chartWheelOptionsSchema, options, `${chart.date}${chart.latitude}${chart.longitude}${chart.houses.system}${chart.zodiac}`);
  const centre = o.size / 2;
  const radius = o.size / 2 - o.size * 0.07;
  const ascendant = chart.houses.ascendant;
  const angle = (longitude: number) => wheelAngle(longitude, ascendant);
  const wheel: Wheel = { chart, o, theme, centre, radius, angle, at: (r, longitude) => polar(centre, centre, r * radius, angle(longitude)) };
  const bodies = o.bodies ?? DEFAULT_BODIES;
  const aspectList = o.aspects ? findAspects(chart, { bodies, ...(o.orbs === undefined ? {} : { orbs: o.orbs }) }).filter((a) => a.aspect !== 'conjunction') : [];
  const body = [zodiacRing(wheel), houses(wheel), aspectLines(wheel, aspectList), bodyGlyphs(wheel, bodies), angles(wheel)];
  return svgDocument({
    width: o.size,
    height: o.size,
    theme,
    idPrefix,
    title: o.title ?? `Chart wheel, ${chart.date}`,
    description: o.description ?? describe(chart, bodies, aspectList),
    body,
    data: { ascendant: num(ascendant), mc: num(chart.houses.mc) },
  });
}

function assertChart(chart: Chart): void {
  const ok = chart && typeof chart === 'object' && chart.bodies && chart.houses && Array.isArray(chart.houses.cusps) && chart.houses.cusps.length === 12 && Number.isFinite(chart.houses.ascendant);
  if (!ok) throw new VajraError('VALIDATION_FAILED', 'chartWheel() needs a chart from chart() of @vajra-stream/astrology', { status: 422 });
}

function sector(wheel: Wheel, from: number, outer: number, inner: number): string {
  const [a0, a1] = [wheel.angle(from), wheel.angle(from) - Math.PI / 6];
  const [p0, p1, p2, p3] = [
    polar(wheel.centre, wheel.centre, outer * wheel.radius, a0),
    polar(wheel.centre, wheel.centre, outer * wheel.radius, a1),
    polar(wheel.centre, wheel.centre, inner * wheel.radius, a1),
    polar(wheel.centre, wheel.centre, inner * wheel.radius, a0),
  ];
  const [ro, ri] = [num(outer * wheel.radius), num(inner * wheel.radius)];
  return `M${num(p0[0])} ${num(p0[1])}A${ro} ${ro} 0 0 0 ${num(p1[0])} ${num(p1[1])}L${num(p2[0])} ${num(p2[1])}A${ri} ${ri} 0 0 1 ${num(p3[0])} ${num(p3[1])}Z`;
}

function zodiacRing(wheel: Wheel): string {
  const { theme, radius, centre, o } = wheel;
  const stroke = Math.max(0.5, o.size / 600);
  const sectors = SIGNS.map((sign, index) => element('path', { d: sector(wheel, index * 30, 1, 0.84), fill: theme.palette[SIGN_ELEMENTS[index]!]!, 'fill-opacity': 0.16, 'data-sign': sign }));
  const glyphs = SIGNS.map((sign, index) => {
    const [x, y] = wheel.at(0.92, index * 30 + 15);
    return textElement(SIGN_GLYPHS[index]!, { x, y, fill: theme.palette[SIGN_ELEMENTS[index]!]!, 'data-sign': sign });
  });
  const ticks: string[] = [];
  for (let degree = 0; degree < 360; degree++) {
    const length = degree % 30 === 0 ? 0.16 : degree % 5 === 0 ? 0.035 : 0.017;
    const [[x1, y1], [x2, y2]] = [wheel.at(0.84, degree), wheel.at(0.84 + length, degree)];
    ticks.push(element('line', { x1, y1, x2, y2 }));
  }
  return element('g', {}, [
    element('g', { stroke: theme.grid, 'stroke-width': stroke }, sectors),
    element('g', { fill: 'none', stroke: theme.foreground, 'stroke-width': stroke }, [
      element('circle', { cx: centre, cy: centre, r: radius }),
      element('circle', { cx: centre, cy: centre, r: 0.84 * radius }),
    ]),
    element('g', { stroke: theme.muted, 'stroke-width': stroke * 0.8 }, ticks),
    element('g', { 'font-size': radius * 0.1, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, glyphs),
  ]);
}

function houses(wheel: Wheel): string {
  const { chart, theme, o, radius, centre } = wheel;
  const stroke = Math.max(0.5, o.size / 600);
  const cusps = chart.houses.cusps;
  const lines = cusps.map((cusp, index) => {
    const [[x1, y1], [x2, y2]] = [wheel.at(0.84, cusp), wheel.at(0.36, cusp)];
    return element('line', { x1, y1, x2, y2, 'stroke-width': index % 3 === 0 ? stroke * 2.2 : stroke, 'data-cusp': index + 1 });
  });
  const numbers = cusps.map((cusp, index) => {
    const next = cusps[(index + 1) % 12]!;
    const middle = cusp + ((((next - cusp) % 360) + 360) % 360) / 2;
    const [x, y] = wheel.at(0.405, middle);
    return textElement(String(index + 1), { x, y });
  });
  return element('g', {}, [
    element('g', { fill: 'none', stroke: theme.muted, 'stroke-width': stroke }, [
      element('circle', { cx: centre, cy: centre, r: 0.45 * radius }),
      element('circle', { cx: centre, cy: centre, r: 0.36 * radius }),
    ]),
    element('g', { stroke: theme.foreground }, lines),
    element('g', { fill: theme.muted, 'font-size': radius * 0.045, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, numbers),
  ]);
}

function aspectLines(wheel: Wheel, list: readonly Aspect[]): string {
  const { chart, theme, o } = wheel;
  const lines = list.map((aspect) => {
    const style = ASPECT_STYLE[aspect.aspect]!;
    const [[x1, y1], [x2, y2]] = [wheel.at(0.36, chart.bodies[aspect.a].longitude), wheel.at(0.36, chart.bodies[aspect.b].longitude)];
    return element('line', {
      x1,
      y1,
      x2,
      y2,
      stroke: theme.palette[style.color]!,
      'stroke-dasharray': style.dash,
      'stroke-opacity': num(Math.max(0.35, 1 - aspect.orb / 10)),
      'data-aspect': `${aspect.a} ${aspect.aspect} ${aspect.b}`,
    });
  });
  return element('g', { 'stroke-width': Math.max(0.5, o.size / 500) }, lines);
}

function bodyGlyphs(wheel: Wheel, bodies: readonly ChartBody[]): string {
  const { chart, theme, o, radius } = wheel;
  const levels = staggerLevels(
    bodies.map((b) => chart.bodies[b].longitude),
    7,
    3,
  );
  const glyphRadius = [0.765, 0.645, 0.525];
  const groups = bodies.map((name, index) => {
    const position = chart.bodies[name];
    const r = glyphRadius[levels[index]!]!;
    const [x, y] = wheel.at(r, position.longitude);
    const [[tx1, ty1], [tx2, ty2]] = [wheel.at(0.84, position.longitude), wheel.at(0.81, position.longitude)];
    const parts = [element('line', { x1: tx1, y1: ty1, x2: tx2, y2: ty2, stroke: theme.accent, 'stroke-width': Math.max(1, o.size / 300) })];
    parts.push(textElement(BODY_GLYPHS[name], { x, y, 'font-size': radius * 0.075, 'data-body': name }));
    if (o.degrees) {
      const [dx, dy] = wheel.at(r - 0.085, position.longitude);
      const minutes = Math.round(position.signDegree * 60) % 1800;
      parts.push(textElement(`${Math.floor(minutes / 60)}°${String(minutes % 60).padStart(2, '0')}′`, { x: dx, y: dy, 'font-size': radius * 0.026, fill: theme.muted }));
    }
    if (position.retrograde) {
      const [rx, ry] = wheel.at(r, position.longitude);
      parts.push(textElement(RETROGRADE_MARK, { x: rx + radius * 0.045, y: ry - radius * 0.03, 'font-size': radius * 0.035, fill: theme.accent, 'data-retrograde': name }));
    }
    return element('g', { 'data-longitude': num(position.longitude) }, parts);
  });
  return element('g', { fill: theme.foreground, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, groups);
}

function angles(wheel: Wheel): string {
  const { chart, theme, radius } = wheel;
  const { ascendant, mc } = chart.houses;
  const marks: Array<[string, number]> = [
    ['AC', ascendant],
    ['DC', ascendant + 180],
    ['MC', mc],
    ['IC', mc + 180],
  ];
  return element(
    'g',
    { fill: theme.accent, 'font-size': radius * 0.045, 'font-weight': 'bold', 'text-anchor': 'middle', 'dominant-baseline': 'central' },
    marks.map(([label, longitude]) => {
      const [x, y] = wheel.at(1.07, longitude);
      return textElement(label, { x, y, 'data-angle': label });
    }),
  );
}

function describe(chart: Chart, bodies: readonly ChartBody[], list: readonly Aspect[]): string {
  const positions = bodies.map((b) => `${bodyName(b)} ${zodiacPosition(chart.bodies[b].longitude, SIGNS)}${chart.bodies[b].retrograde ? ' retrograde' : ''}`);
  const place = `${Math.abs(chart.latitude).toFixed(2)}°${chart.latitude >= 0 ? 'N' : 'S'} ${Math.abs(chart.longitude).toFixed(2)}°${chart.longitude >= 0 ? 'E' : 'W'}`;
  return (
    `Chart wheel for ${chart.date} at ${place} (${chart.zodiac}, ${chart.houses.system} houses). ` +
    `Ascendant ${zodiacPosition(chart.houses.ascendant, SIGNS)}, Midheaven ${zodiacPosition(chart.houses.mc, SIGNS)}. ` +
    `${positions.join('; ')}. ${list.length} aspect line${list.length === 1 ? '' : 's'}.`
  );
}
