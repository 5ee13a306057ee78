// DSP kernels compiled to WebAssembly (AssemblyScript): `pnpm --filter @vajra-stream/audio build:wasm` writes
// src/dsp/kernels-wasm.ts. Every pointer is a byte offset into the imported memory; sample buffers are f32.

/**
 * A steady rotor (4 f64 at `rotor`: zr, zi, wr, wi) contributes yₙ = Re(z·wⁿ). Its pairs Yₖ = (y₂ₖ, y₂ₖ₊₁)
 * follow Yₖ₊₁ = 2·Re(w²)·Yₖ − |w|⁴·Yₖ₋₁, so one f64x2 lane pair holds two consecutive samples. Writes Y₀, Y₁
 * (the first four samples) to `state` and the two coefficients, splatted, after them.
 */
function start(rotor: usize, state: usize): void {
  const zr = load<f64>(rotor);
  const zi = load<f64>(rotor, 8);
  const wr = load<f64>(rotor, 16);
  const wi = load<f64>(rotor, 24);
  const r1 = zr * wr - zi * wi;
  const i1 = zr * wi + zi * wr;
  const r2 = r1 * wr - i1 * wi;
  const i2 = r1 * wi + i1 * wr;
  const r3 = r2 * wr - i2 * wi;
  const squared = wr * wr - wi * wi;
  const modulus = wr * wr + wi * wi;
  v128.store(state, f64x2(zr, r1));
  v128.store(state, f64x2(r2, r3), 16);
  v128.store(state, f64x2.splat(2 * squared), 32);
  v128.store(state, f64x2.splat(modulus * modulus), 48);
}

/** out[0 … 4) += (lo, hi) as f64 sums rounded once to f32. */
function addFour(out: usize, lo: v128, hi: v128): void {
  const o = v128.load(out);
  const low = f32x4.demote_f64x2_zero(f64x2.add(f64x2.promote_low_f32x4(o), lo));
  const high = f32x4.demote_f64x2_zero(f64x2.add(f64x2.promote_low_f32x4(v128.shuffle<f32>(o, o, 2, 3, 0, 1)), hi));
  v128.store(out, v128.shuffle<f32>(low, high, 0, 1, 4, 5));
}

/** The last frames % 4 samples: the first lanes of (lo, hi). */
function addTail(out: usize, count: i32, lo: v128, hi: v128): void {
  if (count > 0) store<f32>(out, <f32>(<f64>load<f32>(out) + f64x2.extract_lane(lo, 0)));
  if (count > 1) store<f32>(out, <f32>(<f64>load<f32>(out, 4) + f64x2.extract_lane(lo, 1)), 4);
  if (count > 2) store<f32>(out, <f32>(<f64>load<f32>(out, 8) + f64x2.extract_lane(hi, 0)), 8);
}

/** Four rotors in one pass over out. */
function addFourRotors(out: usize, frames: i32, rotors: usize, state: usize): void {
  start(rotors, state);
  start(rotors + 32, state + 64);
  start(rotors + 64, state + 128);
  start(rotors + 96, state + 192);
  let a0 = v128.load(state);
  let a1 = v128.load(state, 16);
  const at = v128.load(state, 32);
  const as = v128.load(state, 48);
  let b0 = v128.load(state, 64);
  let b1 = v128.load(state, 80);
  const bt = v128.load(state, 96);
  const bs = v128.load(state, 112);
  let c0 = v128.load(state, 128);
  let c1 = v128.load(state, 144);
  const ct = v128.load(state, 160);
  const cs = v128.load(state, 176);
  let d0 = v128.load(state, 192);
  let d1 = v128.load(state, 208);
  const dt = v128.load(state, 224);
  const ds = v128.load(state, 240);
  const end = out + (<usize>frames & ~3) * 4;
  for (let p = out; p < end; p += 16) {
    addFour(p, f64x2.add(f64x2.add(a0, b0), f64x2.add(c0, d0)), f64x2.add(f64x2.add(a1, b1), f64x2.add(c1, d1)));
    a0 = f64x2.sub(f64x2.mul(at, a1), f64x2.mul(as, a0));
    b0 = f64x2.sub(f64x2.mul(bt, b1), f64x2.mul(bs, b0));
    c0 = f64x2.sub(f64x2.mul(ct, c1), f64x2.mul(cs, c0));
    d0 = f64x2.sub(f64x2.mul(dt, d1), f64x2.mul(ds, d0));
    a1 = f64x2.sub(f64x2.mul(at, a0), f64x2.mul(as, a1));
    b1 = f64x2.sub(f64x2.mul(bt, b0), f64x2.mul(bs, b1));
    c1 = f64x2.sub(f64x2.mul(ct, c0), f64x2.mul(cs, c1));
    d1 = f64x2.sub(f64x2.mul(dt, d0), f64x2.mul(ds, d1));
  }
  addTail(end, frames & 3, f64x2.add(f64x2.add(a0, b0), f64x2.add(c0, d0)), f64x2.add(f64x2.add(a1, b1), f64x2.add(c1, d1)));
}

/** One rotor in one pass over out. */
function addOneRotor(out: usize, frames: i32, rotor: usize, state: usize): void {
  start(rotor, state);
  let a0 = v128.load(state);
  let a1 = v128.load(state, 16);
  const at = v128.load(state, 32);
  const as = v128.load(state, 48);
  const end = out + (<usize>frames & ~3) * 4;
  for (let p = out; p < end; p += 16) {
    addFour(p, a0, a1);
    a0 = f64x2.sub(f64x2.mul(at, a1), f64x2.mul(as, a0));
    a1 = f64x2.sub(f64x2.mul(at, a0), f64x2.mul(as, a1));
  }
  addTail(end, frames & 3, a0, a1);
}

/**
 * out[0 … frames) += Σ Re(zᵣ·wᵣⁿ) over `count` rotors (4 f64 each at `rotors`), four at a time; `state` is
 * 256 bytes of scratch.
 */
export function addRotors(out: usize, frames: i32, rotors: usize, count: i32, state: usize): void {
  let index = 0;
  for (; index + 4 <= count; index += 4) addFourRotors(out, frames, rotors + ((<usize>index) << 5), state);
  for (; index < count; index++) addOneRotor(out, frames, rotors + ((<usize>index) << 5), state);
}

/** left += center and right += center over `frames` f32 samples. */
export function addCenter(left: usize, right: usize, center: usize, frames: i32): void {
  const bytes = (<usize>frames) << 2;
  const whole = bytes & ~15;
  let offset: usize = 0;
  for (; offset < whole; offset += 16) {
    const value = v128.load(center + offset);
    v128.store(left + offset, f32x4.add(v128.load(left + offset), value));
    v128.store(right + offset, f32x4.add(v128.load(right + offset), value));
  }
  for (; offset < bytes; offset += 4) {
    const value = load<f32>(center + offset);
    store<f32>(left + offset, load<f32>(left + offset) + value);
    store<f32>(right + offset, load<f32>(right + offset) + value);
  }
}

// The limiter's per-frame work (src/dsp/create-limiter.ts holds the design; these are its loops, operation for
// operation, so the output is the same bit for bit). Frame counters are int32, as JavaScript's & and >> see them.

const SEGMENT_SHIFT = 4;
const SEGMENT = 1 << SEGMENT_SHIFT;

/**
 * Peak and curvature statistics of `frames` incoming frames (f32 at inLeft/inRight), frame `received` first:
 * frame f adds |x[f]| and |Δ²x[f−1]| to segment f>>4, stored (f64, at peaks/bends, slot segment & statMask) when
 * the segment's last frame has arrived. `carry` holds 6 f64 between calls: x[f−2], x[f−1] of left, then right,
 * the open segment's peak and curvature. Returns the number of measured segments (`measured` if none completed).
 */
export function measure(inLeft: usize, inRight: usize, frames: i32, received: i32, carry: usize, peaks: usize, bends: usize, statMask: i32, gainBound: f64, ceiling: f64, measured: i32): i32 {
  let high: f64 = 0;
  let low: f64 = 0;
  const bytes = (<usize>frames) << 2;
  for (let offset: usize = 0; offset < bytes; offset += 4) {
    const l = <f64>load<f32>(inLeft + offset);
    const r = <f64>load<f32>(inRight + offset);
    if (l > high) high = l;
    if (l < low) low = l;
    if (r > high) high = r;
    if (r < low) low = r;
  }
  const chunkPeak = high > -low ? high : -low;
  if (chunkPeak * gainBound <= ceiling) {
    // a quiet chunk: upper bounds only (see the limiter)
    const before = max(max(max(abs(load<f64>(carry)), abs(load<f64>(carry, 8))), abs(load<f64>(carry, 16))), abs(load<f64>(carry, 24)));
    const bendBound = 4 * max(chunkPeak, before);
    for (let done = 0; done < frames; ) {
      const step = min(frames - done, SEGMENT - ((received + done) & (SEGMENT - 1)));
      store<f64>(carry, max(load<f64>(carry, 32), chunkPeak), 32);
      store<f64>(carry, max(load<f64>(carry, 40), bendBound), 40);
      done += step;
      if (((received + done) & (SEGMENT - 1)) == 0) {
        const segment = ((received + done) >> SEGMENT_SHIFT) - 1;
        const slot = (<usize>(segment & statMask)) << 3;
        store<f64>(peaks + slot, load<f64>(carry, 32));
        store<f64>(bends + slot, load<f64>(carry, 40));
        measured = segment + 1;
        store<f64>(carry, 0, 32);
        store<f64>(carry, 0, 40);
      }
    }
    const end = bytes - 4;
    store<f64>(carry, frames >= 2 ? <f64>load<f32>(inLeft + end - 4) : load<f64>(carry, 8));
    store<f64>(carry, <f64>load<f32>(inLeft + end), 8);
    store<f64>(carry, frames >= 2 ? <f64>load<f32>(inRight + end - 4) : load<f64>(carry, 24), 16);
    store<f64>(carry, <f64>load<f32>(inRight + end), 24);
    return measured;
  }
  let l0 = load<f64>(carry);
  let l1 = load<f64>(carry, 8);
  let r0 = load<f64>(carry, 16);
  let r1 = load<f64>(carry, 24);
  let peak = load<f64>(carry, 32);
  let bend = load<f64>(carry, 40);
  let frame = received;
  for (let index = 0; index < frames; ) {
    const stop = min(frames, index + SEGMENT - (frame & (SEGMENT - 1)));
    frame += stop - index;
    high = peak;
    low = -peak;
    let bendHigh = bend;
    let bendLow = -bend;
    for (; index < stop; index++) {
      const offset = (<usize>index) << 2;
      const l2 = <f64>load<f32>(inLeft + offset);
      const r2 = <f64>load<f32>(inRight + offset);
      if (l2 > high) high = l2;
      if (l2 < low) low = l2;
      if (r2 > high) high = r2;
      if (r2 < low) low = r2;
      const bl = l0 - 2 * l1 + l2;
      const br = r0 - 2 * r1 + r2;
      if (bl > bendHigh) bendHigh = bl;
      if (bl < bendLow) bendLow = bl;
      if (br > bendHigh) bendHigh = br;
      if (br < bendLow) bendLow = br;
      l0 = l1;
      r0 = r1;
      l1 = l2;
      r1 = r2;
    }
    peak = high > -low ? high : -low;
    bend = bendHigh > -bendLow ? bendHigh : -bendLow;
    if ((frame & (SEGMENT - 1)) == 0) {
      const segment = (frame >> SEGMENT_SHIFT) - 1;
      const slot = (<usize>(segment & statMask)) << 3;
      store<f64>(peaks + slot, peak);
      store<f64>(bends + slot, bend);
      measured = segment + 1;
      peak = 0;
      bend = 0;
    }
  }
  store<f64>(carry, l0);
  store<f64>(carry, l1, 8);
  store<f64>(carry, r0, 16);
  store<f64>(carry, r1, 24);
  store<f64>(carry, peak, 32);
  store<f64>(carry, bend, 40);
  return measured;
}

/**
 * Write `frames` delayed frames (absolute frame `first` on) of the ring (f32 at left/right, mask + 1 long) times
 * the gain into outLeft/outRight: within each segment the gain ramps linearly between its boundary gains (f64 at
 * gains, slot boundary & gainMask); runs of unity segments are copied.
 */
export function emit(outLeft: usize, outRight: usize, frames: i32, first: i32, gains: usize, gainMask: i32, left: usize, right: usize, mask: i32, ceiling: f64): void {
  let frame = first;
  for (let index = 0; index < frames; ) {
    const boundary = frame >> SEGMENT_SHIFT;
    let run = min(SEGMENT - (frame - boundary * SEGMENT), frames - index);
    const from = load<f64>(gains + ((<usize>(boundary & gainMask)) << 3));
    const to = load<f64>(gains + ((<usize>((boundary + 1) & gainMask)) << 3));
    if (min(from, to) == 1) {
      while (index + run < frames && load<f64>(gains + ((<usize>((((frame + run) >> SEGMENT_SHIFT) + 1) & gainMask)) << 3)) == 1) run = min(run + SEGMENT, frames - index);
      for (let done = 0; done < run; ) {
        const source = (frame + done) & mask;
        const count = min(run - done, mask + 1 - source);
        memory.copy(outLeft + ((<usize>(index + done)) << 2), left + ((<usize>source) << 2), (<usize>count) << 2);
        memory.copy(outRight + ((<usize>(index + done)) << 2), right + ((<usize>source) << 2), (<usize>count) << 2);
        done += count;
      }
      index += run;
      frame += run;
      continue;
    }
    const slope = (to - from) / SEGMENT;
    let gain = from + slope * <f64>(frame & (SEGMENT - 1));
    for (let step = 0; step < run; step++) {
      const source = (<usize>((frame + step) & mask)) << 2;
      let l = <f64>load<f32>(left + source) * gain;
      let r = <f64>load<f32>(right + source) * gain;
      if (l > ceiling) l = ceiling;
      else if (l < -ceiling) l = -ceiling;
      if (r > ceiling) r = ceiling;
      else if (r < -ceiling) r = -ceiling;
      const target = (<usize>(index + step)) << 2;
      store<f32>(outLeft + target, <f32>l);
      store<f32>(outRight + target, <f32>r);
      gain += slope;
    }
    index += run;
    frame += run;
  }
}

const TAPS = 16;
const DETECT_DELAY = TAPS / 2;
const FRACTIONS = 7;
const BOUND_TOLERANCE = 0.01;

/** 8× estimate of the peak over [position, position+1): the sample and seven interpolated points (16-tap kernels, f64 at `kernels`), both channels. */
function intervalPeak(left: usize, right: usize, mask: i32, kernels: usize, position: i32): f64 {
  const first = position - (DETECT_DELAY - 1);
  const centre = (<usize>((first + DETECT_DELAY - 1) & mask)) << 2;
  let peak = max(abs(<f64>load<f32>(left + centre)), abs(<f64>load<f32>(right + centre)));
  for (let kernel = 0; kernel < FRACTIONS; kernel++) {
    const weights = kernels + ((<usize>(kernel * TAPS)) << 3);
    let l: f64 = 0;
    let r: f64 = 0;
    for (let tap = 0; tap < TAPS; tap++) {
      const weight = load<f64>(weights + ((<usize>tap) << 3));
      const source = (<usize>((first + tap) & mask)) << 2;
      l += weight * <f64>load<f32>(left + source);
      r += weight * <f64>load<f32>(right + source);
    }
    if (l < 0) l = -l;
    if (r < 0) r = -r;
    if (l > peak) peak = l;
    if (r > peak) peak = r;
  }
  return peak;
}

// decide()'s state, f64 at `state`: next segment, previous need, constraint slot, released, box sum, box slot, ones run
const NEXT = 0;
const PREVIOUS = 8;
const CONSTRAINT_SLOT = 16;
const RELEASED = 24;
const BOX_SUM = 32;
const BOX_SLOT = 40;
const ONES_RUN = 48;

/**
 * Gains of every segment (below `measured`) whose neighbours are measured: each segment's needed gain from
 * its statistics (peaks/bends, see measure) or, where its curvature is large, from the 8× estimates of its
 * intervals in the ring; then the sliding minimum over `segments` constraints (f64 at `constraints`), the
 * release and the box filter (f64 at `box`), giving the gain of boundary s − segments + 1 (f64 at gains).
 */
export function decide(
  state: usize,
  measured: i32,
  peaks: usize,
  bends: usize,
  statMask: i32,
  constraints: usize,
  box: usize,
  segments: i32,
  gains: usize,
  gainMask: i32,
  gainBound: f64,
  curvature: f64,
  releaseStep: f64,
  ceiling: f64,
  left: usize,
  right: usize,
  mask: i32,
  kernels: usize,
): void {
  let previousNeed = load<f64>(state, PREVIOUS);
  let constraintSlot = <i32>load<f64>(state, CONSTRAINT_SLOT);
  let released = load<f64>(state, RELEASED);
  let boxSum = load<f64>(state, BOX_SUM);
  let boxSlot = <i32>load<f64>(state, BOX_SLOT);
  let onesRun = <i32>load<f64>(state, ONES_RUN);
  let segment = <i32>load<f64>(state, NEXT);
  for (; segment + 2 <= measured; segment++) {
    const before = load<f64>(peaks + ((<usize>((segment - 1) & statMask)) << 3));
    const here = load<f64>(peaks + ((<usize>(segment & statMask)) << 3));
    const after = load<f64>(peaks + ((<usize>((segment + 1) & statMask)) << 3));
    const peak = max(here, after);
    let need: f64 = 1;
    if (max(peak, before) * gainBound > ceiling) {
      const bend = max(
        max(load<f64>(bends + ((<usize>((segment - 1) & statMask)) << 3)), load<f64>(bends + ((<usize>(segment & statMask)) << 3))),
        load<f64>(bends + ((<usize>((segment + 1) & statMask)) << 3)),
      );
      const slack = curvature * bend;
      if (peak + slack > ceiling) {
        if (slack <= BOUND_TOLERANCE * peak) need = ceiling / (peak + slack);
        else {
          let exact: f64 = 0;
          const start = segment * SEGMENT;
          for (let frame = start; frame < start + SEGMENT; frame++) exact = max(exact, intervalPeak(left, right, mask, kernels, frame));
          need = exact > ceiling ? ceiling / exact : 1;
        }
      }
    }
    const constraint = need < previousNeed ? need : previousNeed;
    previousNeed = need;
    store<f64>(constraints + ((<usize>constraintSlot) << 3), constraint);
    constraintSlot = constraintSlot + 1 == segments ? 0 : constraintSlot + 1;
    let ahead: f64 = 1;
    for (let index = 0; index < segments; index++) {
      const value = load<f64>(constraints + ((<usize>index) << 3));
      if (value < ahead) ahead = value;
    }
    const recovered = released + (1 - released) * releaseStep;
    released = ahead < recovered ? ahead : recovered;
    if (released > 1 - 1e-7) released = 1;
    boxSum += released - load<f64>(box + ((<usize>boxSlot) << 3));
    store<f64>(box + ((<usize>boxSlot) << 3), released);
    boxSlot = boxSlot + 1 == segments ? 0 : boxSlot + 1;
    onesRun = released == 1 ? onesRun + 1 : 0;
    let gain: f64;
    if (onesRun >= segments) {
      boxSum = <f64>segments;
      gain = 1;
    } else gain = min(1, boxSum / <f64>segments);
    store<f64>(gains + ((<usize>((segment - segments + 1) & gainMask)) << 3), gain);
  }
  store<f64>(state, <f64>segment, NEXT);
  store<f64>(state, previousNeed, PREVIOUS);
  store<f64>(state, <f64>constraintSlot, CONSTRAINT_SLOT);
  store<f64>(state, released, RELEASED);
  store<f64>(state, boxSum, BOX_SUM);
  store<f64>(state, <f64>boxSlot, BOX_SLOT);
  store<f64>(state, <f64>onesRun, ONES_RUN);
}

/**
 * A layer into the mix: mix[offset + i] += source[i] × envelope[i] × (s0 + step·i) for each side, in f64 rounded
 * once to f32 (sources f32, envelope f64; a mono voice passes the same source twice).
 */
export function mixLayer(mixLeft: usize, mixRight: usize, left: usize, right: usize, envelope: usize, count: i32, l0: f64, lStep: f64, r0: f64, rStep: f64): void {
  for (let index = 0; index < count; index++) {
    const at = (<usize>index) << 2;
    const gain = load<f64>(envelope + ((<usize>index) << 3));
    store<f32>(mixLeft + at, <f32>(<f64>load<f32>(mixLeft + at) + <f64>load<f32>(left + at) * gain * (l0 + lStep * <f64>index)));
    store<f32>(mixRight + at, <f32>(<f64>load<f32>(mixRight + at) + <f64>load<f32>(right + at) * gain * (r0 + rStep * <f64>index)));
  }
}

/** envelope[i] ×= 0.5 − 0.5·cos θᵢ, i < count, θᵢ = θ₀ + i·Δ: cos θᵢ = Re(z·wⁱ), z = e^{iθ₀}, w = e^{iΔ}. */
export function raisedCosine(envelope: usize, count: i32, zr: f64, zi: f64, wr: f64, wi: f64): void {
  const end = envelope + ((<usize>count) << 3);
  for (let p = envelope; p < end; p += 8) {
    store<f64>(p, load<f64>(p) * (0.5 - 0.5 * zr));
    const next = zr * wr - zi * wi;
    zi = zr * wi + zi * wr;
    zr = next;
  }
}
