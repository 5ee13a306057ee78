import { describe, expect, it } from 'vitest';
import { analyzeSpectrum } from '../analysis/analyze-spectrum';
import { renderToBuffer } from '../render/render-blocks';
import { programFromSbagen } from './program-from-sbagen';

describe('programFromSbagen', () => {
  it('maps tone-sets and time lines; binaural ears sit at carrier ± beat/2 (measured)', () => {
    const program = programFromSbagen(`## test sequence\nalpha: 200+10/40 pink/10\noff: -\nNOW alpha\n+00:00:02 off\n`, { duration: 2, fade: 0.1 });
    expect(program.duration).toBe(2);
    const { channels } = renderToBuffer(program);
    const left = analyzeSpectrum(channels[0].subarray(24_000, 24_000 + 32_768), 48_000, { fftSize: 32_768 }).peaks[0]!;
    const right = analyzeSpectrum(channels[1].subarray(24_000, 24_000 + 32_768), 48_000, { fftSize: 32_768 }).peaks[0]!;
    expect(left.frequency).toBeCloseTo(205, 1);
    expect(right.frequency).toBeCloseTo(195, 1);
    expect(left.amplitude).toBeCloseTo(0.4, 1);
    expect(program.layers.map((layer) => layer.kind).sort()).toEqual(['noise', 'tone', 'tone']);
  });
  it('turns `->` slides into glides that reach the next tone-set at its time', () => {
    const program = programFromSbagen(`a: 300/50\nb: 400/50\nNOW a ->\n+00:00:01 b\n`, { duration: 2, fade: 0.05 });
    const tone = program.layers[0]!;
    // the slide fills the whole step; b then holds (its change-over back to a is 24 h later)
    expect(tone).toMatchObject({
      kind: 'tone',
      frequency: [
        { at: 0, value: 300 },
        { at: 1, value: 400 },
        { at: 2, value: 400 },
      ],
    });
  });
  it('refuses what does not map', () => {
    expect(() => programFromSbagen('x: bell+400/20\nNOW x')).toThrow(/supported subset/);
    expect(() => programFromSbagen('-SE\nx: 200/10\nNOW x')).toThrow(/options/);
    expect(() => programFromSbagen('NOW nothing')).toThrow(/unknown tone-set/);
  });
});
