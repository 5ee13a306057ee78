/**
 * Colour of a noise generator.
 *
 * @example
 * ```ts
 * const color: NoiseColor = 'brown';
 * const noise = createNoiseGenerator(color, 48000, 7);
 * const wav = renderToWav({ duration: 5, layers: [{ kind: 'noise', color, gain: 0.2 }] });
 * ```
 */
export type NoiseColor = 'white' | 'pink' | 'brown';

/**
 * A continuous noise source: state carries over between calls, nothing is ever looped.
 *
 * @example
 * ```ts
 * const white: NoiseGenerator = createNoiseGenerator('white', 48000, 1);
 * const block = new Float32Array(256);
 * white.fill(block, 0, 128); // adds noise into block[0 … 127]
 * white.fill(block, 128, 128); // the same noise goes on, never a repeat
 * ```
 */
export interface NoiseGenerator {
  /** Add `frames` samples of noise to `out` starting at `offset`. */
  fill(out: Float32Array, offset: number, frames: number): void;
}

/**
 * Create a deterministic noise generator (xorshift128 PRNG seeded by `seed`). White is uniform
 * (RMS ≈ 0.29); pink uses Paul Kellet's refined 7-pole filter (−3 dB/oct within ±0.05 dB above ≈10 Hz);
 * brown is a leaky integrator with a 5 Hz corner (−6 dB/oct above it).
 *
 * @example
 * const pink = createNoiseGenerator('pink', 48000, 42);
 * const out = new Float32Array(1024);
 * pink.fill(out, 0, out.length);
 */
export function createNoiseGenerator(color: NoiseColor, sampleRate: number, seed: number): NoiseGenerator {
  // xorshift128, seeded through splitmix32 so that nearby seeds are uncorrelated
  let s = seed >>> 0;
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let x = mix() | 1;
  let y = mix();
  let z = mix();
  let w = mix();
  const next = () => {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return w / 2147483648 - 1;
  };
  if (color === 'white') {
    return {
      fill(out, offset, frames) {
        for (let index = offset; index < offset + frames; index++) out[index]! += 0.5 * next();
      },
    };
  }
  if (color === 'pink') {
    let b0 = 0,
      b1 = 0,
      b2 = 0,
      b3 = 0,
      b4 = 0,
      b5 = 0,
      b6 = 0;
    return {
      fill(out, offset, frames) {
        for (let index = offset; index < offset + frames; index++) {
          const white = next();
          b0 = 0.99886 * b0 + white * 0.0555179;
          b1 = 0.99332 * b1 + white * 0.0750759;
          b2 = 0.969 * b2 + white * 0.153852;
          b3 = 0.8665 * b3 + white * 0.3104856;
          b4 = 0.55 * b4 + white * 0.5329522;
          b5 = -0.7616 * b5 - white * 0.016898;
          out[index]! += 0.08 * (b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362);
          b6 = white * 0.115926;
        }
      },
    };
  }
  const leak = Math.exp((-2 * Math.PI * 5) / sampleRate);
  const input = (0.3 * Math.sqrt(1 - leak * leak)) / Math.sqrt(1 / 3);
  let state = 0;
  return {
    fill(out, offset, frames) {
      for (let index = offset; index < offset + frames; index++) {
        state = leak * state + input * next();
        out[index]! += state;
      }
    },
  };
}
