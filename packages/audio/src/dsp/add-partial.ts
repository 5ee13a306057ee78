const TWO_PI = 2 * Math.PI;

/**
 * The oscillator kernel: adds Σⱼ cⱼ·dⱼⁿ·cos(θ₀ + ω₀n + ½αn²) to `out[offset … offset+frames)` by complex
 * rotation (one complex multiply per sample, decay folded into the rotor when there is one amplitude
 * term). Callers re-anchor θ₀ and cⱼ from double-precision time every block, so rotation error never
 * accumulates across blocks.
 *
 * @param cycles0 phase at the first sample, in cycles (only the fraction matters)
 * @param omega0 angular increment at the first sample (rad/sample)
 * @param alpha angular acceleration (rad/sample²), 0 for a steady frequency
 * @example
 * const out = new Float32Array(128);
 * addPartial(out, 0, 128, 0.25, (2 * Math.PI * 440) / 48000, 0, 0.5, 1, 0, 1); // 0.5·sin at 440 Hz
 */
export function addPartial(
  out: Float32Array,
  offset: number,
  frames: number,
  cycles0: number,
  omega0: number,
  alpha: number,
  c1: number,
  d1: number,
  c2: number,
  d2: number,
): void {
  const theta = TWO_PI * (cycles0 - Math.floor(cycles0));
  let zr = Math.cos(theta);
  let zi = Math.sin(theta);
  const end = offset + frames;
  if (c2 === 0) {
    zr *= c1;
    zi *= c1;
    if (alpha === 0) {
      const wr = d1 * Math.cos(omega0);
      const wi = d1 * Math.sin(omega0);
      for (let index = offset; index < end; index++) {
        out[index]! += zr;
        const nr = zr * wr - zi * wi;
        zi = zr * wi + zi * wr;
        zr = nr;
      }
      return;
    }
    let wr = d1 * Math.cos(omega0 + alpha / 2);
    let wi = d1 * Math.sin(omega0 + alpha / 2);
    const qr = Math.cos(alpha);
    const qi = Math.sin(alpha);
    for (let index = offset; index < end; index++) {
      out[index]! += zr;
      const nr = zr * wr - zi * wi;
      zi = zr * wi + zi * wr;
      zr = nr;
      const mr = wr * qr - wi * qi;
      wi = wr * qi + wi * qr;
      wr = mr;
    }
    return;
  }
  let a1 = c1;
  let a2 = c2;
  let wr = Math.cos(omega0 + alpha / 2);
  let wi = Math.sin(omega0 + alpha / 2);
  const qr = Math.cos(alpha);
  const qi = Math.sin(alpha);
  for (let index = offset; index < end; index++) {
    out[index]! += (a1 + a2) * zr;
    a1 *= d1;
    a2 *= d2;
    const nr = zr * wr - zi * wi;
    zi = zr * wi + zi * wr;
    zr = nr;
    if (alpha !== 0) {
      const mr = wr * qr - wi * qi;
      wi = wr * qi + wi * qr;
      wr = mr;
    }
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
 * const out = new Float32Array(256);
 * renderPath(out, 0, 256, { constant: true, cyclesAt: (t) => 440 * t, frequencyAt: () => 440 }, 0, 48000, 1, 1, 0, 1);
 */
export function renderPath(
  out: Float32Array,
  offset: number,
  frames: number,
  path: PhasePath,
  t0: number,
  sampleRate: number,
  c1: number,
  d1: number,
  c2: number,
  d2: number,
): void {
  const cycles0 = path.cyclesAt(t0);
  const omega0 = (TWO_PI * path.frequencyAt(t0)) / sampleRate;
  let alpha = 0;
  if (!path.constant && frames > 0) {
    const delta = TWO_PI * (path.cyclesAt(t0 + frames / sampleRate) - cycles0);
    alpha = (2 * (delta - omega0 * frames)) / (frames * frames);
  }
  addPartial(out, offset, frames, cycles0, omega0, alpha, c1, d1, c2, d2);
}
