/**
 * A small seeded generator of uniform numbers in [0, 1) (mulberry32): a seed gives the same sequence on
 * every machine, so simulated devices, fake device processes and randomised tests can be replayed.
 * Not for cryptography.
 *
 * @param seed Any number; it is taken as an unsigned 32-bit integer.
 * @example
 * ```ts
 * import { createSeededRandom } from '@vajra-stream/core/testing';
 *
 * const random = createSeededRandom(42);
 * const coin = random() < 0.5; // the same value on every run
 * ```
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
