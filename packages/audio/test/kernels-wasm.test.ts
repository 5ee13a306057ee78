import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernels, KERNELS_MODULE, kernelsModuleText } from '../scripts/build-wasm';
import { DspArena, type Rotor } from '../src/dsp/dsp-arena';
import { KERNELS_WASM } from '../src/dsp/kernels-wasm';

describe('the WebAssembly kernels', () => {
  it('the committed module is a fresh compile of assembly/kernels.ts (run `pnpm --filter @vajra-stream/audio build:wasm`)', async () => {
    const binary = await compileKernels();
    expect(Buffer.from(KERNELS_WASM, 'base64').equals(Buffer.from(binary))).toBe(true);
    expect(readFileSync(new URL(`../${KERNELS_MODULE}`, import.meta.url), 'utf8')).toBe(kernelsModuleText(binary));
  });

  it('stay small enough for a synchronous compile on any browser main thread (4 KB)', () => {
    expect(Buffer.from(KERNELS_WASM, 'base64').length).toBeLessThanOrEqual(4096);
  });

  it('add Σ Re(z·wⁿ) of any number of rotors at any offset and length, as the closed form says', () => {
    const rotors: Rotor[] = Array.from({ length: 7 }, (_, index) => {
      const amplitude = 0.1 + 0.05 * index;
      const phase = 0.7 * index + 0.3;
      const omega = (2 * Math.PI * (97 + 211 * index)) / 48_000;
      const decay = 1 - 1e-5 * index;
      return { zr: amplitude * Math.cos(phase), zi: amplitude * Math.sin(phase), wr: decay * Math.cos(omega), wi: decay * Math.sin(omega) };
    });
    const arena = new DspArena(DspArena.bytesFor(1, 5000));
    const out = arena.f32(5000);
    for (const [offset, frames, count] of [
      [0, 4096, 7],
      [3, 1001, 4],
      [1, 2, 1],
      [5, 3, 5],
      [0, 0, 7],
    ] as const) {
      out.fill(0.25);
      arena.addRotors(out, offset, frames, rotors.slice(0, count));
      let error = 0;
      for (let index = 0; index < out.length; index++) {
        const n = index - offset;
        let expected = 0.25;
        if (n >= 0 && n < frames) {
          for (const { zr, zi, wr, wi } of rotors.slice(0, count)) {
            const radius = Math.hypot(wr, wi) ** n;
            const angle = Math.atan2(zi, zr) + n * Math.atan2(wi, wr);
            expected += Math.hypot(zr, zi) * radius * Math.cos(angle);
          }
        }
        error = Math.max(error, Math.abs(out[index]! - expected));
      }
      expect(error).toBeLessThan(1e-6);
    }
  });

  it('add the centre bus into both sides, float32 sums as JavaScript rounds them', () => {
    const arena = new DspArena(DspArena.bytesFor(3, 37));
    const [left, right, center] = [arena.f32(37), arena.f32(37), arena.f32(37)];
    for (let index = 0; index < 37; index++) [left[index], right[index], center[index]] = [Math.sin(index), Math.cos(3 * index), 1 / (index + 1)];
    const expectedLeft = left.map((value, index) => Math.fround(value + center[index]!));
    const expectedRight = right.map((value, index) => Math.fround(value + center[index]!));
    arena.addCenter(left, right, center, 37);
    expect(left).toEqual(expectedLeft);
    expect(right).toEqual(expectedRight);
  });

  it('mix a layer with its gain envelope and balance ramps, float32 sums of the float64 products as JavaScript rounds them', () => {
    const arena = new DspArena(DspArena.bytesFor(6, 101));
    const [mixLeft, mixRight, left, right] = [arena.f32(101), arena.f32(101), arena.f32(101), arena.f32(101)];
    const envelope = arena.f64(101);
    for (let index = 0; index < 101; index++) {
      [mixLeft[index], mixRight[index], left[index], right[index]] = [Math.sin(index), Math.cos(index), Math.sin(7 * index), Math.cos(5 * index)];
      envelope[index] = 0.5 - 0.5 * Math.cos(index / 30);
    }
    const [l0, lStep, r0, rStep] = [0.9, -0.001, 0.4, 0.003];
    const expectedLeft = mixLeft.map((value, index) => (index < 3 ? value : Math.fround(value + left[index - 3]! * envelope[index - 3]! * (l0 + lStep * (index - 3)))));
    const expectedRight = mixRight.map((value, index) => (index < 3 ? value : Math.fround(value + right[index - 3]! * envelope[index - 3]! * (r0 + rStep * (index - 3)))));
    arena.mixLayer(mixLeft, mixRight, 3, left, right, envelope, 98, l0, lStep, r0, rStep);
    expect(mixLeft).toEqual(expectedLeft);
    expect(mixRight).toEqual(expectedRight);
  });

  it('scale an envelope by a raised cosine, as Math.cos gives it', () => {
    const arena = new DspArena(DspArena.bytesFor(2, 3000));
    const envelope = arena.f64(3000).fill(0.7);
    arena.raisedCosine(envelope, 5, 2900, 0.25, -Math.PI / 2400);
    let error = 0;
    for (let index = 0; index < 3000; index++) {
      const expected = index < 5 || index >= 2905 ? 0.7 : 0.7 * (0.5 - 0.5 * Math.cos(0.25 - ((index - 5) * Math.PI) / 2400));
      error = Math.max(error, Math.abs(envelope[index]! - expected));
    }
    expect(error).toBeLessThan(1e-12);
  });

  it('refuse a buffer from outside the arena', () => {
    const arena = new DspArena(DspArena.bytesFor(0, 0));
    expect(() => arena.addRotors(new Float32Array(8), 0, 8, [{ zr: 1, zi: 0, wr: 1, wi: 0 }])).toThrow(/another arena/);
  });
});
