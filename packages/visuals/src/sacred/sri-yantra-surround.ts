import type { Theme } from '../theme/themes';
import { element } from '../svg/element';
import { num } from '../svg/format-number';
import { polar, polylineData, type Point } from '../svg/path-data';

/** Radii of the surround, in units of the triangles' circle. */
export const SURROUND = {
  innerLotus: { base: 1.0, tip: 1.28, petals: 8 },
  outerLotus: { base: 1.32, tip: 1.62, petals: 16 },
  circles: [1.68, 1.74, 1.8],
  square: { half: 1.9, step: 0.06, gate: 0.3, depth: 0.18 },
} as const;

/** Half-extent of the picture for each surround, in units of the triangles' circle. */
export const SURROUND_EXTENT = { full: 2.2, lotus: 1.8, circle: 1.0, none: 1.0 } as const;
export type Surround = keyof typeof SURROUND_EXTENT;

function petalPath(cx: number, cy: number, base: number, tip: number, angle: number, halfAngle: number): string {
  const reach = tip - base;
  const [a, b, c, d, e, f, g] = [
    polar(cx, cy, base, angle - halfAngle),
    polar(cx, cy, base + 0.55 * reach, angle - halfAngle),
    polar(cx, cy, tip - 0.12 * reach, angle - 0.3 * halfAngle),
    polar(cx, cy, tip, angle),
    polar(cx, cy, tip - 0.12 * reach, angle + 0.3 * halfAngle),
    polar(cx, cy, base + 0.55 * reach, angle + halfAngle),
    polar(cx, cy, base, angle + halfAngle),
  ];
  const p = (point: Point) => `${num(point[0])} ${num(point[1])}`;
  return `M${p(a)}C${p(b)} ${p(c)} ${p(d)}C${p(e)} ${p(f)} ${p(g)}`;
}

function lotus(cx: number, cy: number, unit: number, ring: { base: number; tip: number; petals: number }, theme: Theme, fill: string): string {
  const paths: string[] = [];
  const halfAngle = Math.PI / ring.petals;
  for (let k = 0; k < ring.petals; k++) {
    const angle = -Math.PI / 2 + (2 * k + 1) * halfAngle;
    paths.push(element('path', { d: petalPath(cx, cy, ring.base * unit, ring.tip * unit, angle, halfAngle) }));
  }
  return element('g', { fill, 'fill-opacity': 0.18, stroke: theme.foreground }, paths);
}

/** One square line of the bhupura with a T-less gate in the middle of each side, as path data. */
function gatedSquare(cx: number, cy: number, half: number, gate: number, depth: number): string {
  const side: Point[] = [
    [-half, -half],
    [-gate, -half],
    [-gate, -half - depth],
    [gate, -half - depth],
    [gate, -half],
  ];
  const points: Point[] = [];
  for (let quarter = 0; quarter < 4; quarter++) {
    const [cos, sin] = [Math.round(Math.cos((quarter * Math.PI) / 2)), Math.round(Math.sin((quarter * Math.PI) / 2))];
    for (const [x, y] of side) points.push([cx + x * cos - y * sin, cy + x * sin + y * cos]);
  }
  return polylineData(points, { closed: true });
}

/**
 * The bhupura (three gated squares), the three circles and the two lotus rings around the triangles.
 */
export function drawSurround(cx: number, cy: number, unit: number, surround: Surround, theme: Theme, stroke: number): string[] {
  if (surround === 'none' || surround === 'circle') return [];
  const parts: string[] = [];
  if (surround === 'full') {
    const { half, step, gate, depth } = SURROUND.square;
    const squares = [0, 1, 2].map((i) => element('path', { d: gatedSquare(cx, cy, (half + i * step) * unit, (gate + i * step) * unit, (depth - i * step * 0.5) * unit) }));
    parts.push(element('g', { fill: 'none', stroke: theme.foreground, 'stroke-width': stroke, 'stroke-linejoin': 'miter' }, squares));
  }
  parts.push(
    element(
      'g',
      { fill: 'none', stroke: theme.foreground, 'stroke-width': stroke },
      SURROUND.circles.map((r) => element('circle', { cx, cy, r: r * unit })),
    ),
  );
  parts.push(element('g', { 'stroke-width': stroke }, [lotus(cx, cy, unit, SURROUND.outerLotus, theme, theme.palette[1]!), lotus(cx, cy, unit, SURROUND.innerLotus, theme, theme.palette[0]!)]));
  return parts;
}
