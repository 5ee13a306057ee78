/**
 * The Sri Yantra's nine triangles as a system of equations. Coordinates: the enclosing circle has
 * radius 1 and centre (0, 0), y up. The nine horizontal lines of the classical construction are
 * numbered 1–9 from the top; triangle k has its base on line k and is isosceles about the vertical axis.
 */

/** Base line → line whose centre holds the apex (`top`/`bottom`: the circle), as in the classical construction. */
export const APEX_ON: Readonly<Record<number, number | 'top' | 'bottom'>> = { 1: 6, 2: 9, 3: 'bottom', 4: 8, 5: 7, 6: 2, 7: 'top', 8: 1, 9: 3 };

/** Traditional labels: U1–U4 upward and D1–D5 downward, U1 and D1 the two great triangles. */
export const TRIANGLE_NAMES: Readonly<Record<number, string>> = { 1: 'D5', 2: 'D2', 3: 'D1', 4: 'D3', 5: 'D4', 6: 'U3', 7: 'U1', 8: 'U2', 9: 'U4' };

/**
 * The 12 concurrency conditions of one half of the figure: the right sides of triangles `sides[0]` and
 * `sides[1]` cross base line `base` at the same point, so three lines meet there (mirrored on the left:
 * 24 triple points). Where a side is that base's own triangle, the condition puts its base corner on the
 * other triangle's side.
 */
export const CONCURRENCIES: ReadonlyArray<{ base: number; sides: readonly [number, number] }> = [
  { base: 3, sides: [7, 2] },
  { base: 7, sides: [3, 8] },
  { base: 7, sides: [2, 9] },
  { base: 8, sides: [9, 3] },
  { base: 3, sides: [8, 1] },
  { base: 2, sides: [1, 7] },
  { base: 6, sides: [6, 2] },
  { base: 6, sides: [9, 4] },
  { base: 4, sides: [4, 8] },
  { base: 4, sides: [6, 1] },
  { base: 5, sides: [1, 9] },
  { base: 5, sides: [5, 6] },
];

/** Heights (y) of lines 1–9 and half-widths of the nine bases, index 1…9 (index 0 unused). */
export interface YantraShape {
  heights: number[];
  halfWidths: number[];
}

/** Height of triangle k's apex. */
export function apexHeight(shape: YantraShape, line: number): number {
  const on = APEX_ON[line]!;
  return on === 'top' ? 1 : on === 'bottom' ? -1 : shape.heights[on]!;
}

/** x of triangle k's right side at height y. */
export function sideX(shape: YantraShape, line: number, y: number): number {
  const apex = apexHeight(shape, line);
  return (shape.halfWidths[line]! * (y - apex)) / (shape.heights[line]! - apex);
}

/** The central triangle (trikona): under the base of D4 (line 5), between D5's sides, down to D5's apex. */
export function centralTriangle(shape: YantraShape): { top: number; apex: number; halfWidth: number } {
  const top = shape.heights[5]!;
  return { top, apex: apexHeight(shape, 1), halfWidth: sideX(shape, 1, top) };
}

/** Residuals of the 12 conditions (horizontal gaps between the two crossings, in radii). */
export function concurrencyResiduals(shape: YantraShape): number[] {
  return CONCURRENCIES.map(({ base, sides }) => {
    const y = shape.heights[base]!;
    return sideX(shape, sides[0], y) - sideX(shape, sides[1], y);
  });
}
