import { describe, expect, it } from 'vitest';
import { renderToBuffer } from '../render/render-blocks';
import { analyzeSpectrum } from '../analysis/analyze-spectrum';
import { bowlModePresets } from './bowl-modes';
import { cosmicOctave, octaveTone } from './cosmic-octave';
import { programFromSeed, programFromSession } from './program-from-seed';

describe('cosmic octave', () => {
  it('computes Cousto’s published tones from the periods', () => {
    // Published values: H. Cousto, "The Cosmic Octave" (1984)
    const published = {
      earthYear: 136.1,
      earthDay: 194.18,
      platonicYear: 172.06,
      sun: 126.22,
      moon: 210.42,
      mercury: 141.27,
      venus: 221.23,
      mars: 144.72,
      jupiter: 183.58,
      saturn: 147.85,
      uranus: 207.36,
      neptune: 211.44,
      pluto: 140.25,
    };
    const computed = cosmicOctave();
    for (const [body, value] of Object.entries(published)) {
      expect(Math.abs(computed[body as keyof typeof published] - value), body).toBeLessThan(0.015);
    }
  });
  it('transposes by whole octaves only', () => {
    const tone = octaveTone(86_400);
    expect(Math.log2(tone * 86_400) % 1).toBeCloseTo(0, 12);
  });
});

describe('bowl mode presets', () => {
  it('reproduce the measured Csound bowl frequencies from the ratios (180 mm bowl at 221 Hz)', () => {
    const measured = [221, 614, 1145, 1804, 2577, 3456, 4419];
    bowlModePresets['tibetan-180mm'].forEach((mode, index) => expect(Math.abs(mode.ratio * 221 - measured[index]!)).toBeLessThan(1.5));
  });
  it('thin-ring preset follows n(n²−1)/√(n²+1)', () => {
    expect(bowlModePresets['thin-ring'].map((mode) => Number(mode.ratio.toFixed(2)))).toEqual([1, 2.83, 5.42, 8.77, 12.87]);
  });
});

describe('programFromSeed', () => {
  it('binaural: left = base, right = base + beat (measured)', () => {
    const program = programFromSeed({ type: 'binaural', base_frequency: 180, beat_frequency: 6, duration: 1 });
    const { channels } = renderToBuffer(program);
    expect(analyzeSpectrum(channels[0].subarray(4000, 4000 + 32768), 48_000, { fftSize: 32768 }).peaks[0]!.frequency).toBeCloseTo(180, 1);
    expect(analyzeSpectrum(channels[1].subarray(4000, 4000 + 32768), 48_000, { fftSize: 32768 }).peaks[0]!.frequency).toBeCloseTo(186, 1);
  });
  it('solfeggio pure_sine is one sine; without it soft harmonics are added; the seed ceiling is kept', () => {
    const pure = renderToBuffer(programFromSeed({ type: 'solfeggio', frequency: 528, pure_sine: true, duration: 0.6 }));
    const peaks = analyzeSpectrum(pure.channels[0].subarray(2000, 2000 + 16384), 48_000, { fftSize: 16384, range: 90 }).peaks;
    expect(peaks).toHaveLength(1);
    expect(peaks[0]!.frequency).toBeCloseTo(528, 1);
    const rich = programFromSeed({ type: 'solfeggio', frequency: 528, duration: 10 });
    expect(rich.layers.map((layer) => (layer.kind === 'tone' ? layer.frequency : 0))).toEqual([528, 1056, 1584]);
    expect(rich.gain).toBe(0.8);
  });
  it('prayer_bowl becomes a struck bowl, re-struck on long sessions', () => {
    const program = programFromSeed({ type: 'prayer_bowl', frequency: 136.1, duration: 600 });
    expect(program.layers[0]).toMatchObject({ kind: 'bowl', frequency: 136.1, strikes: { every: 20 } });
    expect(() => programFromSeed({ type: 'gong' as never })).toThrow(/Invalid seed generate\(\) request: type: /);
  });
  it('programFromSession derives layers from seed-style session fields', () => {
    const program = programFromSession({ duration: 60, audioType: 'solfeggio', frequencies: [528, 7.83], prayerBowlMode: true });
    expect(program.layers.map((layer) => layer.kind).sort()).toEqual(['binaural', 'bowl', 'tone']);
  });
});
