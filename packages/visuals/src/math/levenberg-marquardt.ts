import { solveLinear } from './solve-linear';

/** Result of {@link levenbergMarquardt}. */
export interface LeastSquaresResult {
  x: number[];
  /** Residual vector at `x`. */
  residuals: number[];
  /** Largest |residual| at `x`. */
  maxResidual: number;
  iterations: number;
  converged: boolean;
}

/**
 * Levenberg–Marquardt minimisation of ‖f(x)‖² with a central-difference Jacobian: Gauss–Newton steps
 * damped by λ·diag(JᵀJ), λ shrinking after a successful step and growing after a failed one. Stops
 * when every residual is below `tolerance` or no step reduces the cost.
 *
 * @example
 * ```ts
 * levenbergMarquardt(([x, y]) => [x * x - 2, y - x], [1, 0]).x; // [√2, √2]
 * ```
 */
export function levenbergMarquardt(f: (x: readonly number[]) => number[], start: readonly number[], options: { tolerance?: number; maxIterations?: number } = {}): LeastSquaresResult {
  const tolerance = options.tolerance ?? 1e-14;
  const maxIterations = options.maxIterations ?? 200;
  let x = start.slice();
  let r = f(x);
  let cost = sumOfSquares(r);
  let lambda = 1e-3;
  let iterations = 0;
  while (iterations < maxIterations && maxAbs(r) > tolerance) {
    iterations++;
    const jacobian = centralJacobian(f, x);
    const { normal, gradient } = normalEquations(jacobian, r);
    let improved = false;
    while (lambda < 1e12) {
      const damped = normal.map((row, i) => row.map((value, k) => (i === k ? value * (1 + lambda) + 1e-300 : value)));
      const step = solveLinear(damped, gradient);
      if (step !== null) {
        const candidate = x.map((value, i) => value - step[i]!);
        const next = f(candidate);
        const nextCost = sumOfSquares(next);
        if (Number.isFinite(nextCost) && nextCost < cost) {
          [x, r, cost] = [candidate, next, nextCost];
          lambda = Math.max(lambda / 10, 1e-15);
          improved = true;
          break;
        }
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  return { x, residuals: r, maxResidual: maxAbs(r), iterations, converged: maxAbs(r) <= tolerance };
}

function centralJacobian(f: (x: readonly number[]) => number[], x: readonly number[]): number[][] {
  const columns: number[][] = [];
  for (let k = 0; k < x.length; k++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[k]!));
    const plus = x.slice();
    const minus = x.slice();
    plus[k]! += h;
    minus[k]! -= h;
    const [fp, fm] = [f(plus), f(minus)];
    columns.push(fp.map((value, i) => (value - fm[i]!) / (2 * h)));
  }
  return columns[0]!.map((_, i) => columns.map((column) => column[i]!));
}

function normalEquations(jacobian: number[][], r: number[]): { normal: number[][]; gradient: number[] } {
  const n = jacobian[0]!.length;
  const normal = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const gradient = new Array<number>(n).fill(0);
  jacobian.forEach((row, i) => {
    for (let a = 0; a < n; a++) {
      gradient[a]! += row[a]! * r[i]!;
      for (let b = 0; b < n; b++) normal[a]![b]! += row[a]! * row[b]!;
    }
  });
  return { normal, gradient };
}

const sumOfSquares = (values: readonly number[]) => values.reduce((sum, value) => sum + value * value, 0);
const maxAbs = (values: readonly number[]) => values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
