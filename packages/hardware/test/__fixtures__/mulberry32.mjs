/**
 * mulberry32: a small seeded uniform generator on [0, 1), so the bytes a fake RNG sends and the samples a
 * statistics test draws are reproducible. Plain JavaScript because the fake device child process runs it untranspiled.
 *
 * @example
 * ```ts
 * const random = mulberry32(7);
 * const coin = random() < 0.5;
 * ```
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
