import { describe, expect, it } from 'vitest';
import { renderToBuffer } from '../src/index';
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
});

