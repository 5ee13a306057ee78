import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLimiter, type LimiterOptions } from '../src/index';

// SHA-256 of the limiter's output (left then right, float32 bytes) on signals computed here in closed form,
// recorded with the JavaScript limiter (commit 5bc7769, before its loops moved to WebAssembly): the WebAssembly
// kernels must give the same output bit for bit.
const RECORDED = {
  bowl: 'ea88c0f4a8f35f8c329d0ec62566864b0cebbdd2fcc7eac6e9db2acb2076d016',
  bowlOddBlocks: 'ea88c0f4a8f35f8c329d0ec62566864b0cebbdd2fcc7eac6e9db2acb2076d016',
  swelling: '23d34df05a741eceb2a9b61b5a5a214ae065ce9e0dfe724e4b3f67b6b05e09b0',
  trueHighFrequency: '5fa6223bac3dde8a764fc2e9076ca7780a6ebbdfdef7593082bbc16e08c3cfeb',
};

/** The render bench's sustained workload: 12 decaying bowl partials (struck at 0) + a 200 / 7.83 Hz binaural pair. */
function bowlAndBinaural(seconds: number, sampleRate: number): [Float32Array, Float32Array] {
  const modes = [
    [1, 13.5, 1, 120],
    [2.735, 8.2, 0.6, 110],
    [5.047, 2, 0.4, 100],
    [7.829, 3.3, 0.25, 80],
    [11.03, 3.5, 0.16, 70],
    [14.92, 3.5, 0.1, 60],
  ] as const;
  const total = modes.reduce((sum, mode) => sum + mode[2], 0);
  const frames = Math.round(seconds * sampleRate);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let n = 0; n < frames; n++) {
    const t = n / sampleRate;
    let bowl = 0;
    for (const [ratio, split, gain, t60] of modes) {
      const k = Math.log(1000) / t60;
      const envelope = (0.5 * gain * (Math.exp(-k * t) - Math.exp(-(k + 1 / 0.0015) * t))) / total;
      for (const sign of [-1, 1]) bowl += envelope * Math.sin(2 * Math.PI * 221 * ratio * 2 ** ((sign * split) / 2400) * t);
    }
    left[n] = 0.95 * bowl + 0.15 * Math.sin(2 * Math.PI * 200 * t);
    right[n] = 0.95 * bowl + 0.15 * Math.sin(2 * Math.PI * 207.83 * t);
  }
  return [left, right];
}

/** Loud content near Nyquist (inter-sample peaks well above the sample peaks) over a low tone. */
function highFrequency(seconds: number, sampleRate: number): [Float32Array, Float32Array] {
  const frames = Math.round(seconds * sampleRate);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let n = 0; n < frames; n++) {
    const t = n / sampleRate;
    const swell = 0.5 + 0.5 * Math.sin(2 * Math.PI * 0.7 * t);
    left[n] = swell * (0.7 * Math.sin(2 * Math.PI * 11_017 * t) + 0.7 * Math.sin(2 * Math.PI * 16_999 * t)) + 0.7 * Math.sin(2 * Math.PI * 230 * t);
    right[n] = swell * 0.9 * Math.sin(2 * Math.PI * 21_000 * t + 1) + 0.3 * Math.sin(2 * Math.PI * 97 * t);
  }
  return [left, right];
}

function limitedHash(options: LimiterOptions, [left, right]: [Float32Array, Float32Array], blocks: number[]): string {
  const limiter = createLimiter(options);
  const outLeft = new Float32Array(left.length);
  const outRight = new Float32Array(right.length);
  for (let offset = 0, block = 0; offset < left.length; block++) {
    const frames = Math.min(blocks[block % blocks.length]!, left.length - offset);
    const out = [new Float32Array(frames), new Float32Array(frames)] as const;
    limiter.process(left.subarray(offset, offset + frames), right.subarray(offset, offset + frames), out[0], out[1], frames);
    outLeft.set(out[0], offset);
    outRight.set(out[1], offset);
    offset += frames;
  }
  return createHash('sha256').update(new Uint8Array(outLeft.buffer)).update(new Uint8Array(outRight.buffer)).digest('hex');
}

describe('the limiter gives the same output as its JavaScript original, bit for bit', () => {
  const bowl = bowlAndBinaural(10, 48_000);
  const options = { sampleRate: 48_000, ceiling: 0.8, lookahead: 0.003, release: 0.15 };

  it('the render bench signal at the default ceiling, in 4096-frame blocks', () => {
    expect(limitedHash(options, bowl, [4096])).toBe(RECORDED.bowl);
  });

  it('the same signal in blocks of 1000, 37, 4096 and 1 frames', () => {
    expect(limitedHash(options, bowl, [1000, 37, 4096, 1])).toBe(RECORDED.bowlOddBlocks);
  });

  it('the same signal swelling from quiet (nothing to limit: chunks measured by bounds) to loud and back', () => {
    const swell = (channel: Float32Array) => channel.map((value, index) => value * (0.65 + 0.6 * Math.sin((2 * Math.PI * 0.3 * index) / 48_000)));
    expect(limitedHash(options, [swell(bowl[0]), swell(bowl[1])], [1000, 37, 4096, 1])).toBe(RECORDED.swelling);
  });

  it('loud content near Nyquist (the 8× true-peak estimate decides), 44.1 kHz, 5 ms lookahead', () => {
    expect(limitedHash({ sampleRate: 44_100, ceiling: 0.5, lookahead: 0.005, release: 0.05 }, highFrequency(3, 44_100), [128, 4096])).toBe(RECORDED.trueHighFrequency);
  });
});
