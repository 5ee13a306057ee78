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
  if (path.constant) {
    const cycles0 = path.cyclesAt(t0);
    addPartial(out, offset, frames, cycles0, (TWO_PI * path.frequencyAt(t0)) / sampleRate, 0, c1, d1, c2, d2);
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
    addPartial(out, offset + done, count, cycles0, omega0, alpha, a1, d1, a2, d2);
    if (a1 !== 0) a1 *= Math.pow(d1, count);
    if (a2 !== 0) a2 *= Math.pow(d2, count);
    cycles0 = cycles1;
    done += count;
  }
}

const GLIDE_BLOCK = 128;

/** One steady rotor for {@link addRotors}: complex start value and complex per-sample multiplier (decay folded in). */
export interface Rotor {
  zr: number;
  zi: number;
  wr: number;
  wi: number;
}

/**
 * Add the real parts of several steady rotors at once, four per pass (one load/store of `out` per sample
 * per four partials instead of one per partial). Same arithmetic as {@link addPartial}'s fast path.
 *
 * @example
 * addRotors(out, 0, 128, [{ zr: 1, zi: 0, wr: Math.cos(0.1), wi: Math.sin(0.1) }]);
 */
export function addRotors(out: Float32Array, offset: number, frames: number, rotors: Rotor[]): void {
  const end = offset + frames;
  let index = 0;
  for (; index + 4 <= rotors.length; index += 4) {
    const a = rotors[index]!;
    const b = rotors[index + 1]!;
    const c = rotors[index + 2]!;
    const d = rotors[index + 3]!;
    let ar = a.zr, ai = a.zi, br = b.zr, bi = b.zi, cr = c.zr, ci = c.zi, dr = d.zr, di = d.zi;
    const awr = a.wr, awi = a.wi, bwr = b.wr, bwi = b.wi, cwr = c.wr, cwi = c.wi, dwr = d.wr, dwi = d.wi;
    for (let n = offset; n < end; n++) {
      out[n]! += ar + br + cr + dr;
      let t = ar * awr - ai * awi;
      ai = ar * awi + ai * awr;
      ar = t;
      t = br * bwr - bi * bwi;
      bi = br * bwi + bi * bwr;
      br = t;
      t = cr * cwr - ci * cwi;
      ci = cr * cwi + ci * cwr;
      cr = t;
      t = dr * dwr - di * dwi;
      di = dr * dwi + di * dwr;
      dr = t;
    }
  }
  for (; index + 2 <= rotors.length; index += 2) {
    const a = rotors[index]!;
    const b = rotors[index + 1]!;
    let ar = a.zr, ai = a.zi, br = b.zr, bi = b.zi;
    const awr = a.wr, awi = a.wi, bwr = b.wr, bwi = b.wi;
    for (let n = offset; n < end; n++) {
      out[n]! += ar + br;
      let t = ar * awr - ai * awi;
      ai = ar * awi + ai * awr;
      ar = t;
      t = br * bwr - bi * bwi;
      bi = br * bwi + bi * bwr;
      br = t;
    }
  }
  for (; index < rotors.length; index++) {
    const a = rotors[index]!;
    let ar = a.zr, ai = a.zi;
    for (let n = offset; n < end; n++) {
      out[n]! += ar;
      const t = ar * a.wr - ai * a.wi;
      ai = ar * a.wi + ai * a.wr;
      ar = t;
    }
  }
}

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
