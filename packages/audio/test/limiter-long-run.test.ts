import { describe, expect, it } from 'vitest';
import { createLimiter } from '../src/index';

const OPTIONS = { sampleRate: 48_000, ceiling: 0.5, lookahead: 0.003, release: 0.15 };
const BLOCK = 4096;
/** The first frame a 32-bit signed frame counter cannot hold (≈ 12.4 h at 48 kHz). */
const BOUNDARY = 2 ** 31;
/** The examined span: 2^16 frames either side of the boundary. */
const BEFORE = 2 ** 16;
const SPAN = 2 * BEFORE;
/** The loud burst starts this many frames after the boundary, when the limiter has been at rest for a long time. */
const BURST = 4096;

/** A quiet tone (0.2, left in the limiter's range) throughout, and from boundary + BURST on a loud one (peaks ≈ 1.2). */
function span(): [Float32Array, Float32Array] {
  const left = new Float32Array(SPAN);
  const right = new Float32Array(SPAN);
  for (let n = 0; n < SPAN; n++) {
    const loud = n >= BEFORE + BURST ? 1 : 0;
    left[n] = 0.2 * Math.sin(n * 0.013) + loud * (0.9 * Math.sin(n * 0.031) + 0.3 * Math.sin(n * 2.7));
    right[n] = 0.2 * Math.cos(n * 0.017) + loud * 0.95 * Math.cos(n * 0.029);
  }
  return [left, right];
}

/** The limiter's output over the span, after `silence` frames of silence (processed in 4096-frame blocks). */
function limitedAfter(silence: number, [left, right]: [Float32Array, Float32Array]): [Float32Array, Float32Array] {
  const limiter = createLimiter(OPTIONS);
  const zeros = new Float32Array(BLOCK);
  const sink = [new Float32Array(BLOCK), new Float32Array(BLOCK)] as const;
  for (let done = 0; done < silence; done += BLOCK) limiter.process(zeros, zeros, sink[0], sink[1], BLOCK);
  const outLeft = new Float32Array(SPAN);
  const outRight = new Float32Array(SPAN);
  for (let done = 0; done < SPAN; done += BLOCK) {
    limiter.process(left.subarray(done, done + BLOCK), right.subarray(done, done + BLOCK), outLeft.subarray(done), outRight.subarray(done), BLOCK);
  }
  return [outLeft, outRight];
}

function samplePeak(channels: Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) for (const x of channel) peak = Math.max(peak, Math.abs(x));
  return peak;
}

describe('master limiter on long renders', () => {
  it('still limits past 2^31 frames (12.4 h at 48 kHz), exactly as it does from the start', { timeout: 240_000 }, () => {
    const input = span();
    // 2^31 − 2^16 frames of silence (2^31 frames really processed, ≈ 15 s), then the span across the boundary
    const [longLeft, longRight] = limitedAfter(BOUNDARY - BEFORE, input);
    // the same span from near the start, after 2^16 frames of silence: the same phase modulo 2^16
    const [freshLeft, freshRight] = limitedAfter(BEFORE, input);

    // from near the start the limiter holds the ceiling on the burst (the reference is a limited signal)
    expect(samplePeak([freshLeft, freshRight])).toBeLessThanOrEqual(Math.fround(OPTIONS.ceiling));
    expect(samplePeak([freshLeft.subarray(BEFORE + BURST), freshRight.subarray(BEFORE + BURST)])).toBeGreaterThan(0.49);
    // past the boundary it still does
    expect(samplePeak([longLeft.subarray(BEFORE), longRight.subarray(BEFORE)])).toBeLessThanOrEqual(Math.fround(OPTIONS.ceiling));
    // and it is the same limiter: bit for bit the output it gives from the start
    for (const [channel, long, fresh] of [
      [0, longLeft, freshLeft],
      [1, longRight, freshRight],
    ] as const) {
      for (let index = 0; index < SPAN; index++) {
        if (long[index] !== fresh[index]) throw new Error(`channel ${channel}, frame ${BOUNDARY - BEFORE + index}: ${long[index]} ≠ ${fresh[index]}`);
      }
    }
  });
});
