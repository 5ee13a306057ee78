/**
 * A small seeded generator of uniform numbers in [0, 1) (mulberry32): the simulations' only source of
 * randomness, so a seed gives the same bytes every run.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // the same value on every machine
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
