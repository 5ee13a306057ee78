import { z } from 'zod';
import { parseInput, VajraError } from '@vajra-stream/core';
import { levenbergMarquardt } from '../math/levenberg-marquardt';
import { APEX_ON, centralTriangle, concurrencyResiduals, CONCURRENCIES, TRIANGLE_NAMES, type YantraShape } from './sri-yantra-model';

/**
 * Classical positions of lines 1, 3, 7 and 9 (commentary of Kaivalyashrama on the Saundarya-lahiri): 48ths of the diameter from the top.
 *
 * @example
 * ```ts
 * solveSriYantra({ lines: { ...CLASSICAL_LINES, 1: 6.5 } });
 * ```
 */
export const CLASSICAL_LINES = { 1: 6, 3: 17, 7: 30, 9: 42 } as const;

// The rest of that construction (lines at 12, 20, 23, 27, 36; base ends rubbed off) is the starting guess.
const GUESS_HEIGHTS = [0, 18, 12, 7, 4, 1, -3, -6, -12, -18].map((units) => units / 24);
const GUESS_HALF_WIDTHS: Record<number, number> = { 1: 12.87, 2: 15.78, 4: 7.66, 5: 5.98, 6: 7.81, 8: 16.78, 9: 12.87 };

/**
 * Options of {@link solveSriYantra}.
 *
 * @example
 * ```ts
 * sriYantraGeometryOptionsSchema.parse({ construction: 'concentric' });
 * ```
 */
export const sriYantraGeometryOptionsSchema = z
  .object({
    /**
     * `classical`: lines 1, 3, 7 and 9 fixed (default 6, 17, 30, 42 /48 of the diameter from the top), the other
     * twelve unknowns solved from the twelve concurrency conditions. `concentric`: lines 3 and 7 fixed,
     * and two more conditions — the bindu (centroid of the central triangle) at the centre of the circle,
     * and the central triangle equilateral.
     */
    construction: z.enum(['classical', 'concentric']).default('classical'),
    /** Fixed line positions, 48ths of the diameter from the top (lines 1 and 9 only in the classical construction). */
    lines: z
      .object({ 1: z.number().gt(0).lt(12), 3: z.number().gt(10).lt(24), 7: z.number().gt(24).lt(38), 9: z.number().gt(36).lt(48) })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

/**
 * What {@link solveSriYantra} accepts (validated by {@link sriYantraGeometryOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: SriYantraGeometryOptions = { construction: 'classical', lines: { 1: 6.5, 9: 41.5 } }; // 48ths of the diameter from the top
 * const yantra = solveSriYantra(options);
 * ```
 */
export type SriYantraGeometryOptions = z.input<typeof sriYantraGeometryOptionsSchema>;

/**
 * A point of the figure: x, y in radii of the enclosing circle (y up).
 *
 * @example
 * ```ts
 * const [x, y]: YantraPoint = solveSriYantra().bindu;
 * // radii of the enclosing circle, y up → SVG pixels of a 600 px picture, y down
 * const [px, py] = [300 + x * 280, 300 - y * 280];
 * ```
 */
export type YantraPoint = [x: number, y: number];

/**
 * One of the nine triangles (unit circle, y up).
 *
 * @example
 * ```ts
 * const points = (t: SriYantraTriangle) => [t.apex, t.left, t.right].map(([x, y]) => `${300 + x * 280},${300 - y * 280}`).join(' ');
 * const polygons = solveSriYantra().triangles.map((t) => `<polygon points="${points(t)}" data-name="${t.name}" data-pointing="${t.pointing}"/>`);
 * ```
 */
export interface SriYantraTriangle {
  /** Classical line number of its base, 1 (top) … 9 (bottom). */
  line: number;
  /** Traditional label: U1–U4 upward, D1–D5 downward. */
  name: string;
  pointing: 'up' | 'down';
  apex: YantraPoint;
  left: YantraPoint;
  right: YantraPoint;
}

/**
 * A triple point: three lines that meet, and how far they miss.
 *
 * @example
 * ```ts
 * const worst = solveSriYantra().triplePoints.reduce((a: SriYantraTriplePoint, b) => (b.error > a.error ? b : a));
 * console.log(`${worst.lines.join(' × ')} meet at (${worst.point[0]}, ${worst.point[1]}) within ${worst.error} radii`);
 * ```
 */
export interface SriYantraTriplePoint {
  point: YantraPoint;
  /** The three lines: `base 3`, `side 7`, … (side k is the side of triangle k on this half). */
  lines: [string, string, string];
  /** Largest distance between the three pairwise intersections, in radii. */
  error: number;
}

/**
 * The solved figure, in units of the enclosing circle's radius (centre (0, 0), y up).
 *
 * @example
 * ```ts
 * const yantra: SriYantraGeometry = solveSriYantra({ construction: 'concentric' });
 * yantra.triangles.length; // 9
 * yantra.triplePoints.length; // 24
 * yantra.maxConcurrencyError < 1e-9; // true: every triple point is concurrent
 * ```
 */
export interface SriYantraGeometry {
  construction: 'classical' | 'concentric';
  /** Heights of the nine lines, top to bottom. */
  lineHeights: number[];
  triangles: SriYantraTriangle[];
  /** The central triangle (apex down) and its centroid, the bindu. */
  centralTriangle: [YantraPoint, YantraPoint, YantraPoint];
  bindu: YantraPoint;
  /** The 24 off-axis triple points (12 per half), each with its own concurrency error. */
  triplePoints: SriYantraTriplePoint[];
  /** Residual error: the largest concurrency error over all triple points, in radii. */
  maxConcurrencyError: number;
  /** Levenberg–Marquardt iterations used. */
  iterations: number;
}

function toHeight(fortyEighths: number): number {
  return 1 - fortyEighths / 24;
}

/**
 * Solve the Sri Yantra: nine isosceles triangles in a unit circle whose apexes touch the classical
 * lines, with all 24 off-axis triple points exactly concurrent (Levenberg–Marquardt on the free
 * heights and half-widths). The result reports every triple point's error; a configuration that does
 * not converge to a valid figure is refused with `SRI_YANTRA_UNSOLVABLE`.
 *
 * @example
 * ```ts
 * const yantra = solveSriYantra();
 * yantra.maxConcurrencyError; // ~1e-15 (radii)
 * yantra.triangles.length; // 9
 * ```
 */
export function solveSriYantra(options: SriYantraGeometryOptions = {}): SriYantraGeometry {
  const o = parseInput(sriYantraGeometryOptionsSchema, options, 'Sri Yantra options');
  const concentric = o.construction === 'concentric';
  if (concentric && (o.lines?.[1] !== undefined || o.lines?.[9] !== undefined)) {
    throw new VajraError('VALIDATION_FAILED', 'The concentric construction solves lines 1 and 9; give only lines 3 and 7', { status: 422 });
  }
  const fixed = { ...CLASSICAL_LINES, ...o.lines };
  const solvedHeights = concentric ? [1, 2, 4, 5, 6, 8, 9] : [2, 4, 5, 6, 8];
  const solvedWidths = [1, 2, 4, 5, 6, 8, 9];
  const shapeOf = (x: readonly number[]): YantraShape => {
    const heights = GUESS_HEIGHTS.slice();
    for (const line of [1, 3, 7, 9] as const) heights[line] = toHeight(fixed[line]);
    solvedHeights.forEach((line, i) => (heights[line] = x[i]!));
    const halfWidths = new Array<number>(10).fill(0);
    solvedWidths.forEach((line, i) => (halfWidths[line] = x[solvedHeights.length + i]!));
    for (const line of [3, 7]) halfWidths[line] = Math.sqrt(Math.max(0, 1 - heights[line]! ** 2));
    return { heights, halfWidths };
  };
  const equations = (x: readonly number[]) => {
    const shape = shapeOf(x);
    const residuals = concurrencyResiduals(shape);
    if (!concentric) return residuals;
    const central = centralTriangle(shape);
    return [...residuals, 2 * central.top + central.apex, central.top - central.apex - Math.sqrt(3) * central.halfWidth];
  };
  const start = [...solvedHeights.map((line) => GUESS_HEIGHTS[line]!), ...solvedWidths.map((line) => GUESS_HALF_WIDTHS[line]! / 24)];
  // polish to machine precision; accept anything below 1e-12 radii
  const solution = levenbergMarquardt(equations, start, { tolerance: 1e-15 });
  const shape = shapeOf(solution.x);
  const problem = solution.maxResidual <= 1e-12 ? invalidity(shape) : `the concurrency conditions did not converge (largest residual ${solution.maxResidual.toExponential(2)})`;
  if (problem !== null) {
    throw new VajraError('SRI_YANTRA_UNSOLVABLE', `No valid Sri Yantra for these lines: ${problem}`, { status: 422, details: { lines: fixed, construction: o.construction } });
  }
  return geometryOf(shape, o.construction, solution.iterations);
}

/** Why a solved shape is not a Sri Yantra (lines out of order, corners outside the circle), or null. */
function invalidity(shape: YantraShape): string | null {
  const { heights, halfWidths } = shape;
  for (let line = 1; line < 9; line++) if (!(heights[line]! > heights[line + 1]!)) return `line ${line} is not above line ${line + 1}`;
  for (let line = 1; line <= 9; line++) {
    if (!(halfWidths[line]! > 0)) return `triangle ${TRIANGLE_NAMES[line]} has no width`;
    if (halfWidths[line]! ** 2 + heights[line]! ** 2 > 1 + 1e-12) return `a corner of triangle ${TRIANGLE_NAMES[line]} leaves the circle`;
  }
  return null;
}

function geometryOf(shape: YantraShape, construction: SriYantraGeometry['construction'], iterations: number): SriYantraGeometry {
  const triangles: SriYantraTriangle[] = [];
  for (let line = 1; line <= 9; line++) {
    const apexLine = APEX_ON[line]!;
    const apexY = apexLine === 'top' ? 1 : apexLine === 'bottom' ? -1 : shape.heights[apexLine]!;
    const [y, w] = [shape.heights[line]!, shape.halfWidths[line]!];
    triangles.push({ line, name: TRIANGLE_NAMES[line]!, pointing: apexY > y ? 'up' : 'down', apex: [0, apexY], left: [-w, y], right: [w, y] });
  }
  const central = centralTriangle(shape);
  const centralTriangleVertices: [YantraPoint, YantraPoint, YantraPoint] = [
    [-central.halfWidth, central.top],
    [central.halfWidth, central.top],
    [0, central.apex],
  ];
  const triplePoints = measureTriplePoints(triangles);
  return {
    construction,
    lineHeights: shape.heights.slice(1),
    triangles,
    centralTriangle: centralTriangleVertices,
    bindu: [0, (2 * central.top + central.apex) / 3],
    triplePoints,
    maxConcurrencyError: Math.max(...triplePoints.map((p) => p.error)),
    iterations,
  };
}

type Line = { p: YantraPoint; q: YantraPoint };

function intersect(a: Line, b: Line): YantraPoint {
  const [d1x, d1y, d2x, d2y] = [a.q[0] - a.p[0], a.q[1] - a.p[1], b.q[0] - b.p[0], b.q[1] - b.p[1]];
  const denominator = d1x * d2y - d1y * d2x;
  const t = ((b.p[0] - a.p[0]) * d2y - (b.p[1] - a.p[1]) * d2x) / denominator;
  return [a.p[0] + t * d1x, a.p[1] + t * d1y];
}

/** Concurrency measured on the finished triangles' vertices (both halves), independently of the solver's equations. */
function measureTriplePoints(triangles: SriYantraTriangle[]): SriYantraTriplePoint[] {
  const byLine = (line: number) => triangles[line - 1]!;
  const points: SriYantraTriplePoint[] = [];
  for (const half of ['right', 'left'] as const) {
    const base = (line: number): Line => ({ p: byLine(line).left, q: byLine(line).right });
    const side = (line: number): Line => ({ p: byLine(line)[half], q: byLine(line).apex });
    for (const { base: b, sides } of CONCURRENCIES) {
      const lines = [base(b), side(sides[0]), side(sides[1])];
      const crossings = [intersect(lines[0]!, lines[1]!), intersect(lines[0]!, lines[2]!), intersect(lines[1]!, lines[2]!)];
      const error = Math.max(...crossings.map((c, i) => Math.hypot(c[0] - crossings[(i + 1) % 3]![0], c[1] - crossings[(i + 1) % 3]![1])));
      points.push({ point: crossings[2]!, lines: [`base ${b}`, `side ${sides[0]}`, `side ${sides[1]}`], error });
    }
  }
  return points;
}
