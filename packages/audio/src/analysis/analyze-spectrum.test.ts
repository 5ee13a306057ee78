import { describe, expect, it } from 'vitest';
import { analyzeSpectrum } from './analyze-spectrum';

const rate = 48_000;
function sines(parts: Array<[number, number]>, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let n = 0; n < length; n++) for (const [f, a] of parts) out[n]! += a * Math.sin((2 * Math.PI * f * n) / rate + 0.3);
  return out;
}

describe('analyzeSpectrum', () => {
  it('finds Math.sin peaks between bins with calibrated amplitude', () => {
    const signal = sines(
      [
        [440.3, 0.5],
        [1234.56, 0.1],
      ],
      16384,
    );
    const spectrum = analyzeSpectrum(signal, rate, { fftSize: 16384 });
    expect(spectrum.binWidth).toBeCloseTo(rate / 16384, 9);
    const [first, second] = spectrum.peaks;
    expect(Math.abs(first!.frequency - 440.3)).toBeLessThan(0.05 * spectrum.binWidth);
    expect(first!.amplitude).toBeCloseTo(0.5, 2);
    expect(Math.abs(second!.frequency - 1234.56)).toBeLessThan(0.05 * spectrum.binWidth);
    expect(second!.magnitude).toBeCloseTo(20 * Math.log10(0.1), 0);
  });

  it('works with the hann and rectangular windows and rejects bad sizes', () => {
    const signal = sines([[1000, 1]], 4096);
    expect(Math.abs(analyzeSpectrum(signal, rate, { window: 'hann', fftSize: 4096 }).peaks[0]!.frequency - 1000)).toBeLessThan(1);
    expect(analyzeSpectrum(signal, rate, { window: 'rectangular', fftSize: 4096 }).peaks.length).toBeGreaterThan(0);
    expect(() => analyzeSpectrum(signal, rate, { fftSize: 1000 })).toThrow(/power of two/);
  });
});
