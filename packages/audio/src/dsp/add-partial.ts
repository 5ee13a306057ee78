import type { DspArena, Rotor } from './dsp-arena';

const TWO_PI = 2 * Math.PI;

/**
 * The oscillator kernel: adds Σⱼ cⱼ·dⱼⁿ·cos(θ₀ + ω₀n + ½αn²) to `out[offset … offset+frames)` by complex
 * rotation (one complex multiply per sample, decay folded into the rotor when there is one amplitude
 * term; a steady partial with one amplitude term runs the arena's WebAssembly rotor kernel, `out` being a
 * buffer of that arena). Callers re-anchor θ₀ and cⱼ from double-precision time every block, so error never
 * accumulates across blocks.
 *
 * @param cycles0 phase at the first sample, in cycles (only the fraction matters)
 * @param omega0 angular increment at the first sample (rad/sample)
 * @param alpha angular acceleration (rad/sample²), 0 for a steady frequency
 * @example
 * const out = arena.f32(128);
 * addPartial(arena, out, 0, 128, 0.25, (2 * Math.PI * 440) / 48000, 0, 0.5, 1, 0, 1); // 0.5·sin at 440 Hz
 */
export function addPartial(arena: DspArena, out: Float32Array, offset: number, frames: number, cycles0: number, omega0: number, alpha: number, c1: number, d1: number, c2: number, d2: number): void {
  const theta = TWO_PI * (cycles0 - Math.floor(cycles0));
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  // one small kernel per case: each is compiled only if it runs, and early (few distinct hot loops)
  if (c2 === 0 && alpha === 0) arena.addRotor(out, offset, frames, c1 * cos, c1 * sin, d1 * Math.cos(omega0), d1 * Math.sin(omega0));
  else if (c2 === 0) addChirp(out, offset, frames, c1 * cos, c1 * sin, d1 * Math.cos(omega0 + alpha / 2), d1 * Math.sin(omega0 + alpha / 2), Math.cos(alpha), Math.sin(alpha));
  else addTwoTerms(out, offset, frames, cos, sin, Math.cos(omega0 + alpha / 2), Math.sin(omega0 + alpha / 2), Math.cos(alpha), Math.sin(alpha), c1, d1, c2, d2);
}

/** Add Re(z·∏w) where the multiplier w itself turns by q every sample (a linear chirp). */
function addChirp(out: Float32Array, offset: number, frames: number, zr: number, zi: number, wr: number, wi: number, qr: number, qi: number): void {
  const end = offset + frames;
  for (let index = offset; index < end; index++) {
    out[index]! += zr;
    const nr = zr * wr - zi * wi;
    zi = zr * wi + zi * wr;
    zr = nr;
    const mr = wr * qr - wi * qi;
    wi = wr * qi + wi * qr;
    wr = mr;
  }
}

/** Add (c1·d1ⁿ + c2·d2ⁿ)·Re(z·∏w), w turning by q every sample (q = 1 for a steady frequency). */
function addTwoTerms(out: Float32Array, offset: number, frames: number, zr: number, zi: number, wr: number, wi: number, qr: number, qi: number, c1: number, d1: number, c2: number, d2: number): void {
  let a1 = c1;
  let a2 = c2;
  const end = offset + frames;
  for (let index = offset; index < end; index++) {
    out[index]! += (a1 + a2) * zr;
    a1 *= d1;
    a2 *= d2;
    const nr = zr * wr - zi * wi;
    zi = zr * wi + zi * wr;
    zr = nr;
    const mr = wr * qr - wi * qi;
    wi = wr * qi + wi * qr;
    wr = mr;
  }
}

/** A phase path: cycles as an exact double-precision function of layer time, and frequency (Hz). */
export interface PhasePath {
  readonly constant: boolean;
  cyclesAt(t: number): number;
  frequencyAt(t: number): number;
}

/**
 * Render one oscillator over a span of samples, re-anchoring phase from the exact path: the chirp rate is
 * chosen so the block ends exactly on the integrated phase of the next block's start (no discontinuity).
 *
 * @example
 * const out = arena.f32(256);
 * renderPath(arena, out, 0, 256, { constant: true, cyclesAt: (t) => 440 * t, frequencyAt: () => 440 }, 0, 48000, 1, 1, 0, 1);
 */
export function renderPath(arena: DspArena, out: Float32Array, offset: number, frames: number, path: PhasePath, t0: number, sampleRate: number, c1: number, d1: number, c2: number, d2: number): void {
  if (path.constant) {
    const cycles0 = path.cyclesAt(t0);
    addPartial(arena, out, offset, frames, cycles0, (TWO_PI * path.frequencyAt(t0)) / sampleRate, 0, c1, d1, c2, d2);
    return;
  }
  // glides: re-anchor every GLIDE_BLOCK samples on the exact phase integral (cubic phase error ∝ block³)
  let a1 = c1;
  let a2 = c2;
  let cycles0 = path.cyclesAt(t0);
  for (let done = 0; done < frames; ) {
    const count = Math.min(GLIDE_BLOCK, frames - done);
    const start = t0 + done / sampleRate;
    const cycles1 = path.cyclesAt(t0 + (done + count) / sampleRate);
    const omega0 = (TWO_PI * path.frequencyAt(start)) / sampleRate;
    const delta = TWO_PI * (cycles1 - cycles0);
    const alpha = (2 * (delta - omega0 * count)) / (count * count);
    addPartial(arena, out, offset + done, count, cycles0, omega0, alpha, a1, d1, a2, d2);
    if (a1 !== 0) a1 *= d1 ** count;
    if (a2 !== 0) a2 *= d2 ** count;
    cycles0 = cycles1;
    done += count;
  }
}

const GLIDE_BLOCK = 128;

/**
 * Anchor a steady rotor at an exact phase (cycles) and amplitude, with decay factor `d` per sample.
 *
 * @example
 * const rotor = anchorRotor(440 * t, (2 * Math.PI * 440) / 48000, 0.5, 1);
 */
export function anchorRotor(cycles: number, omega: number, amplitude: number, decay: number, into?: Rotor): Rotor {
  const theta = TWO_PI * (cycles - Math.floor(cycles));
  const rotor = into ?? { zr: 0, zi: 0, wr: 0, wi: 0 };
  rotor.zr = amplitude * Math.cos(theta);
  rotor.zi = amplitude * Math.sin(theta);
  rotor.wr = decay * Math.cos(omega);
  rotor.wi = decay * Math.sin(omega);
  return rotor;
}
