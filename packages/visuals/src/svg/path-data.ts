import { num } from './format-number';

/** A point in picture coordinates (px, y down). */
export type Point = readonly [x: number, y: number];

/**
 * Path data of a polyline (`M x y L x y …`), closed with `Z` when asked.
 *
 * @example
 * ```ts
 * polylineData([[0, 0], [10, 0], [10, 10]], { closed: true }); // 'M0 0L10 0L10 10Z'
 * ```
 */
export function polylineData(points: readonly Point[], options: { closed?: boolean } = {}): string {
  let data = '';
  points.forEach(([x, y], index) => (data += `${index === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`));
  return points.length > 0 && options.closed ? `${data}Z` : data;
}

/**
 * Path data of a circular arc from angle `start` to `end` (radians, clockwise on screen when end > start).
 *
 * @example
 * ```ts
 * arcData(50, 50, 40, 0, Math.PI / 2); // 'M90 50A40 40 0 0 1 50 90'
 * ```
 */
export function arcData(cx: number, cy: number, radius: number, start: number, end: number): string {
  const [x0, y0] = polar(cx, cy, radius, start);
  const [x1, y1] = polar(cx, cy, radius, end);
  const large = Math.abs(end - start) > Math.PI ? 1 : 0;
  const sweep = end > start ? 1 : 0;
  return `M${num(x0)} ${num(y0)}A${num(radius)} ${num(radius)} 0 ${large} ${sweep} ${num(x1)} ${num(y1)}`;
}

/**
 * The point at `radius` and `angle` (radians, measured clockwise on screen from the +x axis) around a centre.
 *
 * @example
 * ```ts
 * polar(0, 0, 1, Math.PI / 2); // [0, 1] (straight down on screen)
 * ```
 */
export function polar(cx: number, cy: number, radius: number, angle: number): Point {
  return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
}
