import { createNoiseGenerator } from '../dsp/noise-generator';
import type { Layer } from '../program/program-schema';
import type { Voice } from './voice';

/** Continuous noise of a colour, seeded per layer. */
export function createNoiseVoice(layer: Extract<Layer, { kind: 'noise' }>, sampleRate: number, seed: number): Voice {
  const generator = createNoiseGenerator(layer.color, sampleRate, seed);
  return {
    stereo: false,
    render(left, _right, frames) {
      generator.fill(left, 0, frames);
    },
    activeFrequencies: () => [],
  };
}
