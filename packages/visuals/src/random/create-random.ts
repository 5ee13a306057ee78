import { hashString } from './hash-string';

/** A seeded pseudo-random source. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  integer(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * A deterministic PRNG (SFC32, Chris Doty-Humphrey's small fast counter generator) seeded from a
 * string's hash: the same seed text gives the same sequence on every platform.
 *
 * @example
 * ```ts
 * const random = createRandom('peace for all beings');
 * random.integer(6, 12); // always the same for this text
 * ```
 */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = hashString(seed);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // mix the seed state before use
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
