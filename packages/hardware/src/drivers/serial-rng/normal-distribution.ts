/**
 * The complementary error function, erfc(x), by the Chebyshev-fitted exponential form of
 * Press et al. (Numerical Recipes, §6.2), fractional error below 1.2e-7 everywhere.
 *
 * @example
 * ```ts
 * erfc(0); // 1
 * ```
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

/**
 * Two-sided p-value of a standard normal score: the chance of |Z| at least this large by chance alone.
 *
 * @example
 * ```ts
 * twoSidedP(1.96); // ≈ 0.05
 * ```
 */
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
