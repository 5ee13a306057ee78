/**
 * The Bessel function of the first kind J_n(x) for integer order n, from Bessel's integral
 * J_n(x) = (1/2π) ∫₀^{2π} cos(nτ − x sin τ) dτ evaluated with the trapezoidal rule. The integrand is
 * periodic and analytic, so the rule converges geometrically: its error is the sum of J_{n±kM}(x) for
 * M points, negligible (< 1e-16) once M exceeds |x| + |n| by a margin, which is how M is chosen.
 *
 * @example
 * ```ts
 * besselJ(0, 2.404825557695773); // ≈ 0 (the first zero of J₀)
 * besselJ(1, 1); // 0.44005058574493355
 * ```
 */
export function besselJ(order: number, x: number): number {
  const n = Math.abs(order);
  // J_{-n}(x) = (−1)^n J_n(x)
  const sign = order < 0 && n % 2 === 1 ? -1 : 1;
  const points = 2 * Math.ceil((Math.abs(x) + n) / 2) + 48;
  let sum = 0;
  for (let k = 0; k < points; k++) {
    const tau = (2 * Math.PI * k) / points;
    sum += Math.cos(n * tau - x * Math.sin(tau));
  }
  return (sign * sum) / points;
}

/** dJ_n/dx = (J_{n−1} − J_{n+1}) / 2. */
export function besselJDerivative(order: number, x: number): number {
  return (besselJ(order - 1, x) - besselJ(order + 1, x)) / 2;
}

/**
 * The first `count` positive zeros j_{n,1} < j_{n,2} < … of J_n: sign changes bracketed on a 0.1 grid
 * (zeros are at least ~3 apart), then refined by Newton steps kept inside the bracket (bisection when a
 * step leaves it) to machine precision.
 *
 * @example
 * ```ts
 * besselZeros(0, 3); // [2.404825557695773, 5.520078110286311, 8.653727912911013]
 * ```
 */
export function besselZeros(order: number, count: number): number[] {
  const zeros: number[] = [];
  let a = Math.max(0.1, Math.abs(order) * 0.9);
  let fa = besselJ(order, a);
  while (zeros.length < count) {
    const b = a + 0.1;
    const fb = besselJ(order, b);
    if (fa === 0 || Math.sign(fa) !== Math.sign(fb)) zeros.push(refine(order, a, b));
    [a, fa] = [b, fb];
  }
  return zeros;
}

function refine(order: number, low: number, high: number): number {
  let [a, b] = [low, high];
  let fa = besselJ(order, a);
  let x = (a + b) / 2;
  for (let step = 0; step < 60; step++) {
    const fx = besselJ(order, x);
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(fa)) [a, fa] = [x, fx];
    else b = x;
    const newton = x - fx / besselJDerivative(order, x);
    const next = newton > a && newton < b ? newton : (a + b) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}
