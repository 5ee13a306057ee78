import { describe, expect, it } from 'vitest';
import { isVajraError } from '@vajra-stream/core';
import { BOWL_MODE_LIMIT, analyzeSpectrum, bowlModePresets, parseProgram, renderInfo, renderToBuffer, renderToWav } from '../src/index';

const refusal = (run: () => unknown): { code?: string; status?: number; message: string; issues: Array<{ path: string }> } => {
  try {
    run();
  } catch (error) {
    expect(isVajraError(error)).toBe(true);
    const vajra = error as { code: string; status: number; message: string; details: { issues: Array<{ path: string }> } };
    return { code: vajra.code, status: vajra.status, message: vajra.message, issues: vajra.details.issues };
  }
  return expect.fail('accepted');
};

describe('nothing aliases: frequencies at the Nyquist limit are refused', () => {
  it('refuses a 30 kHz tone at 44.1 kHz, naming the layer and field', () => {
    const program = {
      sampleRate: 44_100,
      duration: 1,
      layers: [
        { kind: 'tone' as const, frequency: 440 },
        { kind: 'tone' as const, frequency: 30_000 },
      ],
    };
    const error = refusal(() => renderToWav(program));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(error.issues.map((issue) => issue.path)).toEqual(['layers[1].frequency']);
    expect(error.message).toMatch(/layers\[1\]\.frequency: 30000 Hz reaches the Nyquist limit \(22050 Hz/);
  });

  it('refuses glides that reach the limit at a keyframe, and carrier + beat above it', () => {
    const glide = refusal(() =>
      parseProgram({
        sampleRate: 48_000,
        duration: 1,
        layers: [
          {
            kind: 'isochronic',
            rate: 10,
            frequency: [
              { at: 0, value: 400 },
              { at: 5, value: 24_000, curve: 'exponential' },
            ],
          },
        ],
      }),
    );
    expect(glide.issues.map((issue) => issue.path)).toEqual(['layers[0].frequency']);
    const beat = refusal(() =>
      parseProgram({
        sampleRate: 8000,
        duration: 1,
        layers: [
          {
            kind: 'binaural',
            carrier: [
              { at: 0, value: 3800 },
              { at: 2, value: 3900 },
            ],
            beat: [
              { at: 0, value: 50 },
              { at: 1, value: 250 },
            ],
          },
        ],
      }),
    );
    // the carrier alone stays below 4000 Hz; carrier + beat reaches 4100 Hz at t = 1
    expect(beat.issues.map((issue) => issue.path)).toEqual(['layers[0].beat']);
  });

  it('accepts a sum that stays below the limit between unaligned keyframes', () => {
    // highest carrier + highest beat would be 4050 Hz, but they never coincide: the sum peaks at 3950 Hz
    expect(() =>
      parseProgram({
        sampleRate: 8000,
        duration: 1,
        layers: [
          {
            kind: 'monaural',
            carrier: [
              { at: 0, value: 3900 },
              { at: 2, value: 3000 },
            ],
            beat: [
              { at: 0, value: 50 },
              { at: 1, value: 150 },
            ],
          },
        ],
      }),
    ).not.toThrow();
    // the same 30 kHz tone is fine at 96 kHz and renders where it was asked
    const { channels } = renderToBuffer({ sampleRate: 96_000, duration: 0.5, gain: 1, layers: [{ kind: 'tone', frequency: 30_000, gain: 0.5 }] });
    expect(analyzeSpectrum(channels[0].subarray(4096, 4096 + 16384), 96_000, { fftSize: 16384 }).peaks[0]!.frequency).toBeCloseTo(30_000, 0);
  });
});

describe('nothing aliases: bowl modes above the limit are dropped and reported', () => {
  const sampleRate = 44_100;
  const frequency = 2000;
  // the tibetan-180mm ratios, every mode ringing for 20 s so the kept ones stay loud in the analysed window
  const modes = bowlModePresets['tibetan-180mm'].map((mode) => ({ ...mode, t60: 20 }));
  const program = { sampleRate, duration: 1.5, gain: 1, layers: [{ kind: 'bowl' as const, frequency, modes, gain: 0.25 }] };
  const limit = BOWL_MODE_LIMIT * sampleRate;

  it('reports the dropped modes in the render info', () => {
    const expected = modes.flatMap((mode, index) => (frequency * mode.ratio * 2 ** (mode.split / 2400) > limit ? [index] : []));
    expect(expected).toEqual([4, 5, 6]);
    const info = renderInfo(program);
    expect(info.bowlModeLimit).toBeCloseTo(19_845, 6);
    expect(info.droppedModes.map((mode) => mode.mode)).toEqual(expected);
    expect(info.droppedModes[0]).toMatchObject({ layer: 0, mode: 4 });
    expect(info.droppedModes[0]!.frequency).toBeCloseTo(frequency * 11.661 * 2 ** (3.5 / 2400), 6);
    expect(renderToBuffer(program).info).toEqual(info);
  });

  it('renders no folded energy where the dropped modes would alias, and keeps the others', () => {
    const { channels } = renderToBuffer(program);
    const size = 32_768;
    const spectrum = analyzeSpectrum(channels[0].subarray(2048, 2048 + size), sampleRate, { fftSize: size });
    const levelNear = (hz: number) => {
      const bin = Math.round(hz / spectrum.binWidth);
      let level = -Infinity;
      for (let offset = -12; offset <= 12; offset++) level = Math.max(level, spectrum.magnitudes[bin + offset]!);
      return level;
    };
    for (const mode of modes) {
      const sounding = frequency * mode.ratio;
      if (sounding > limit) {
        let folded = sounding % sampleRate;
        if (folded > sampleRate / 2) folded = sampleRate - folded;
        expect(levelNear(folded), `alias of ${sounding.toFixed(0)} Hz at ${folded.toFixed(0)} Hz`).toBeLessThan(-110);
      } else {
        expect(levelNear(sounding), `mode at ${sounding.toFixed(0)} Hz`).toBeGreaterThan(-50);
      }
    }
  });
});
