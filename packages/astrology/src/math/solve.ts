import { norm180, norm360 } from './angles';

const MS_PER_DAY = 86_400_000;

/**
 * Instant (ms) at which a steadily increasing angle `angleAt(ms)` next reaches `target` degrees after
 * `startMs`. Secant iteration on the wrapped difference, seeded with the mean rate; converges to
 * `toleranceMs` in 3–5 evaluations for the Moon-driven angles used here.
 */
export function solveIncreasingAngle(angleAt: (ms: number) => number, target: number, startMs: number, meanRatePerDay: number, toleranceMs = 50): number {
  let t = startMs + (norm360(target - angleAt(startMs)) / meanRatePerDay) * MS_PER_DAY;
  let err = norm180(angleAt(t) - target);
  let slope = meanRatePerDay / MS_PER_DAY; // degrees per ms
  for (let i = 0; i < 30; i++) {
    const step = err / slope;
    const next = t - step;
    if (Math.abs(step) < toleranceMs) return next;
    const nextErr = norm180(angleAt(next) - target);
    if (nextErr !== err) slope = (nextErr - err) / (next - t);
    t = next;
    err = nextErr;
  }
  return t;
}

/** Root of a continuous function with f(a)·f(b) ≤ 0 by Illinois-modified regula falsi, to `toleranceMs`. */
export function solveBracketed(f: (ms: number) => number, a: number, b: number, toleranceMs = 500): number {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  let side = 0;
  for (let i = 0; i < 100 && b - a > toleranceMs; i++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (fc === 0) return c;
    if (fc * fb > 0) {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}
