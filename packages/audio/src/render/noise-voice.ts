import { createNoiseGenerator } from '../dsp/noise-generator';
import type { Layer } from '../program/program-schema';
import type { Voice } from './voice';

/** Continuous noise of a colour, seeded per layer. */
export function createNoiseVoice(layer: Extract<Layer, { kind: 'noise' }>, sampleRate: number, seed: number): Voice {
  const generator = createNoiseGenerator(layer.color, sampleRate, seed);
  return {
    stereo: false,
    // the generator writes (not adds): rendered into a zeroed buffer
    linear: false,
    render(left, _right, offset, frames, _from, gain) {
      generator.fill(left, offset, frames);
      if (gain !== 1) for (let index = offset; index < offset + frames; index++) left[index]! *= gain;
    },
    activeFrequencies: () => [],
  };
}
