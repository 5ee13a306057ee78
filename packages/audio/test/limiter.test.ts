import { describe, expect, it } from 'vitest';
import { createLimiter, renderToBuffer } from '../src/index';
import { truePeak } from './helpers/measure';

function samplePeak(channels: Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) for (const x of channel) peak = Math.max(peak, Math.abs(x));
  return peak;
}

describe('master limiter', () => {
  it('holds the ceiling on sample peaks and on 8× oversampled true peaks', () => {
    const { channels } = renderToBuffer({
      duration: 1,
      gain: 0.5,
      layers: [
        { kind: 'tone', frequency: 11_017, gain: 0.7 },
        { kind: 'tone', frequency: 16_999, gain: 0.7 },
        { kind: 'tone', frequency: 230, gain: 0.7 },
        { kind: 'bowl', frequency: 300, strikes: { every: 0.25 }, gain: 2 },
      ],
    });
    expect(samplePeak(channels)).toBeLessThanOrEqual(0.5);
    for (const offset of [6000, 20_000, 34_000]) {
      expect(truePeak(channels[0].subarray(offset))).toBeLessThan(0.5 * 1.012); // ≤ +0.1 dB
    }
  });

  it('is transparent below the ceiling', () => {
    const { channels } = renderToBuffer({ duration: 0.3, gain: 0.8, layers: [{ kind: 'tone', frequency: 1000, gain: 0.6 }] });
    const peak = samplePeak([channels[0].subarray(2000)]);
    expect(peak).toBeGreaterThan(0.5999);
    expect(peak).toBeLessThanOrEqual(0.6000001);
  });

  it('scales a loud steady tone to the ceiling without distortion (output is still one sine)', () => {
    const { channels } = renderToBuffer({ duration: 0.5, gain: 0.25, layers: [{ kind: 'tone', frequency: 440, gain: 1, fadeIn: 0.05 }] });
    const tail = channels[0].subarray(12_000);
    expect(samplePeak([tail])).toBeGreaterThan(0.2499 * 0.999);
    expect(samplePeak([tail])).toBeLessThanOrEqual(0.25);
  });

  it('engages on a loud passage, then releases back to exact transparency', () => {
    const { channels } = renderToBuffer({
      duration: 2,
      gain: 0.5,
      layers: [
        { kind: 'tone', frequency: 300, gain: 2, start: 0, end: 0.3, fadeOut: 0.01 },
        { kind: 'tone', frequency: 500, gain: 0.3, start: 0.5 },
      ],
    });
    expect(samplePeak([channels[0].subarray(0, 14_000)])).toBeLessThanOrEqual(0.5);
    expect(samplePeak([channels[0].subarray(2000, 14_000)])).toBeGreaterThan(0.49);
    // after the release (150 ms time constant) the quiet tone comes through untouched: exactly 0.3 peak
    const tail = channels[0].subarray(72_000);
    expect(samplePeak([tail])).toBeGreaterThan(0.2999);
    expect(samplePeak([tail])).toBeLessThanOrEqual(0.3000001);
  });

  // the bench's bowl: 12 partials that stay loud + a binaural pair, peaking at 0.61 before the limiter
  const bowl = (gain: number) => ({
    duration: 3,
    gain,
    layers: [
      {
        kind: 'bowl' as const,
        frequency: 221,
        modes: [1, 2.735, 5.047, 7.829, 11.03, 14.92].map((ratio, index) => ({ ratio, split: 3, gain: 1 / (index + 1), t60: 60 })),
        strikes: [0],
        gain: 0.6,
      },
      { kind: 'binaural' as const, carrier: 200, beat: 7.83, gain: 0.15 },
    ],
  });

  it('holds a 0.3 ceiling on a loud bowl (sample and 8× true peaks) without over-limiting', () => {
    const { channels } = renderToBuffer(bowl(0.3));
    const open = renderToBuffer(bowl(1)).channels;
    expect(samplePeak(open)).toBeGreaterThan(0.45); // the limiter has work to do
    expect(samplePeak(channels)).toBeLessThanOrEqual(Math.fround(0.3)); // the float32 nearest 0.3
    expect(samplePeak(channels)).toBeGreaterThan(0.3 * 0.985);
    for (const channel of channels) {
      for (const offset of [24_000, 72_000, 120_000]) expect(truePeak(channel.subarray(offset))).toBeLessThanOrEqual(0.3 * 1.012);
    }
  });

  it('changes its gain smoothly: no step larger than a full-scale ramp over the lookahead', () => {
    const limited = renderToBuffer(bowl(0.3)).channels[0];
    const open = renderToBuffer(bowl(1)).channels[0];
    const lookaheadFrames = 0.003 * 48_000;
    let previous = NaN;
    let largest = 0;
    let steps = 0;
    for (let index = 0; index < open.length; index++) {
      // the gain applied to frame `index` (where the frame is loud enough to read it exactly)
      const gain = Math.abs(open[index]!) > 0.1 ? limited[index]! / open[index]! : NaN;
      if (!Number.isNaN(gain) && !Number.isNaN(previous)) {
        largest = Math.max(largest, Math.abs(gain - previous));
        steps++;
      }
      previous = gain;
    }
    expect(steps).toBeGreaterThan(50_000);
    expect(largest).toBeLessThanOrEqual(1 / lookaheadFrames);
  });

  it('leaves every frame it does not need to touch bit-identical to the unlimited render', () => {
    // quiet, a loud passage at 0.5–0.8 s, quiet again: at 0.3 the limiter engages only around the burst
    const program = (gain: number) => ({
      duration: 4,
      gain,
      layers: [
        { kind: 'tone' as const, frequency: 440, gain: 0.2 },
        { kind: 'tone' as const, frequency: 300, gain: 0.5, start: 0.5, end: 0.8, fadeIn: 0.01, fadeOut: 0.01 },
      ],
    });
    const limited = renderToBuffer(program(0.3)).channels;
    const open = renderToBuffer(program(1)).channels;
    for (const channel of [0, 1] as const) {
      // before the burst (minus the lookahead) and after the release (150 ms time constant: within 1e-7 of
      // unity, where it snaps to exactly 1, 2.3 s after the burst)
      for (const [from, to] of [
        [0, 0.49 * 48_000],
        [3.2 * 48_000, 4 * 48_000],
      ] as const) {
        for (let index = from; index < to; index++) {
          if (limited[channel][index] !== open[channel][index]) {
            throw new Error(`channel ${channel} frame ${index}: ${limited[channel][index]} ≠ ${open[channel][index]}`);
          }
        }
      }
      // while the burst sounds, the limiter holds 0.3
      expect(samplePeak([limited[channel].subarray(0.55 * 48_000, 0.75 * 48_000)])).toBeLessThanOrEqual(Math.fround(0.3));
      expect(samplePeak([limited[channel].subarray(0.55 * 48_000, 0.75 * 48_000)])).toBeGreaterThan(0.29);
    }
  });

  it('gives the same output whatever the sizes of the blocks it is fed (quiet, loud and mixed blocks)', () => {
    const frames = 48_000;
    const inLeft = new Float32Array(frames);
    const inRight = new Float32Array(frames);
    for (let n = 0; n < frames; n++) {
      // quiet stretches, loud bursts and bright content, so every detection path runs
      const level = n % 12_000 < 4000 ? 0.1 : n % 12_000 < 8000 ? 0.9 : 0.4;
      inLeft[n] = level * Math.sin(n * 0.031) + 0.2 * level * Math.sin(n * 2.7);
      inRight[n] = level * Math.cos(n * 0.029);
    }
    const options = { sampleRate: 48_000, ceiling: 0.5, lookahead: 0.003, release: 0.05 };
    const whole = createLimiter(options);
    const expectedLeft = new Float32Array(frames);
    const expectedRight = new Float32Array(frames);
    whole.process(inLeft, inRight, expectedLeft, expectedRight, frames);
    const pieces = createLimiter(options);
    const outLeft = new Float32Array(frames);
    const outRight = new Float32Array(frames);
    let seed = 7;
    for (let done = 0; done < frames; ) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const count = Math.min(frames - done, 1 + (seed % 700));
      pieces.process(inLeft.subarray(done, done + count), inRight.subarray(done, done + count), outLeft.subarray(done), outRight.subarray(done), count);
      done += count;
    }
    expect(outLeft).toEqual(expectedLeft);
    expect(outRight).toEqual(expectedRight);
    expect(samplePeak([expectedLeft, expectedRight])).toBeLessThanOrEqual(0.5);
    expect(samplePeak([expectedLeft.subarray(whole.latencyFrames)])).toBeGreaterThan(0.45);
  });
});
