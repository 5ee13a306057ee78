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
