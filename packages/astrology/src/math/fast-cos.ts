/** Fast sine and cosine for long trigonometric series. */
const TWO_PI = 2 * Math.PI;
const INV_TWO_PI = 1 / TWO_PI;
const HALF_PI = Math.PI / 2;

// Taylor coefficients (−1)ᵏ/(2k)! for k = 1 … 10
const C1 = -1 / 2;
const C2 = 1 / 24;
const C3 = -1 / 720;
const C4 = 1 / 40_320;
const C5 = -1 / 3_628_800;
const C6 = 1 / 479_001_600;
const C7 = -1 / 87_178_291_200;
const C8 = 1 / 20_922_789_888_000;
const C9 = -1 / 6_402_373_705_728_000;
const C10 = 1 / 2_432_902_008_176_640_000;

/**
 * Cosine for series evaluation: reduction to [−π, π] and the Taylor polynomial through x²⁰,
 * branch-free. About twice as fast as `Math.cos` in V8 and within 1e-10 of it for any argument up
 * to ~1e6 rad (the reduction error grows as |x|·1e-16). Used for the VSOP87 terms, whose largest
 * amplitude (0.41 rad) turns that into < 1e-5″.
 */
export function fastCos(x: number): number {
  const r = x - TWO_PI * Math.round(x * INV_TWO_PI);
  const z = r * r;
  return 1 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * (C8 + z * (C9 + z * C10)))))))));
}

/** Sine with the accuracy of {@link fastCos}. */
export function fastSin(x: number): number {
  return fastCos(x - HALF_PI);
}
