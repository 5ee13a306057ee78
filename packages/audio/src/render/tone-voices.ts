import { compileParam } from '../automation/compile-param';
import { renderPath } from '../dsp/add-partial';
import type { Layer } from '../program/program-schema';
import { combinePaths, frequencyPath } from './phase-paths';
import type { Voice } from './voice';

type Of<K extends Layer['kind']> = Extract<Layer, { kind: K }>;

/** A pure sine. */
export function createToneVoice(layer: Of<'tone'>, sampleRate: number): Voice {
  const path = frequencyPath(layer.frequency);
  return {
    stereo: false,
    render(left, _right, frames, from) {
      renderPath(left, 0, frames, path, from / sampleRate, sampleRate, 1, 1, 0, 1);
    },
    activeFrequencies: (t) => [{ frequency: path.frequencyAt(t), ear: 'both', amplitude: 1 }],
  };
}

/** Binaural: left = carrier, right = carrier + beat. */
export function createBinauralVoice(layer: Of<'binaural'>, sampleRate: number): Voice {
  const carrier = frequencyPath(layer.carrier);
  const upper = combinePaths([
    [carrier, 1],
    [frequencyPath(layer.beat), 1],
  ]);
  return {
    stereo: true,
    render(left, right, frames, from) {
      const t0 = from / sampleRate;
      renderPath(left, 0, frames, carrier, t0, sampleRate, 1, 1, 0, 1);
      renderPath(right, 0, frames, upper, t0, sampleRate, 1, 1, 0, 1);
    },
    activeFrequencies: (t) => [
      { frequency: carrier.frequencyAt(t), ear: 'left', amplitude: 1 },
      { frequency: upper.frequencyAt(t), ear: 'right', amplitude: 1 },
    ],
  };
}

/** Monaural: carrier and carrier + beat, each at half amplitude, in both ears. */
export function createMonauralVoice(layer: Of<'monaural'>, sampleRate: number): Voice {
  const carrier = frequencyPath(layer.carrier);
  const upper = combinePaths([
    [carrier, 1],
    [frequencyPath(layer.beat), 1],
  ]);
  return {
    stereo: false,
    render(left, _right, frames, from) {
      const t0 = from / sampleRate;
      renderPath(left, 0, frames, carrier, t0, sampleRate, 0.5, 1, 0, 1);
      renderPath(left, 0, frames, upper, t0, sampleRate, 0.5, 1, 0, 1);
    },
    activeFrequencies: (t) => [
      { frequency: carrier.frequencyAt(t), ear: 'both', amplitude: 0.5 },
      { frequency: upper.frequencyAt(t), ear: 'both', amplitude: 0.5 },
    ],
  };
}

/** Isochronic: carrier × raised-cosine pulses (`duty` of each period), pulse phase integrated from `rate`. */
export function createIsochronicVoice(layer: Of<'isochronic'>, sampleRate: number): Voice {
  const carrier = frequencyPath(layer.frequency);
  const rate = compileParam(layer.rate);
  const duty = layer.duty;
  const twoPiOverDuty = (2 * Math.PI) / duty;
  return {
    stereo: false,
    render(left, _right, frames, from) {
      const t0 = from / sampleRate;
      renderPath(left, 0, frames, carrier, t0, sampleRate, 1, 1, 0, 1);
      const pulse0 = rate.integralAt(t0);
      const step = (rate.integralAt((from + frames) / sampleRate) - pulse0) / frames;
      let position = pulse0 - Math.floor(pulse0);
      for (let index = 0; index < frames; index++) {
        const envelope = position < duty ? 0.5 - 0.5 * Math.cos(position * twoPiOverDuty) : 0;
        left[index]! *= envelope;
        position += step;
        if (position >= 1) position -= Math.floor(position);
      }
    },
    activeFrequencies: (t) => [{ frequency: carrier.frequencyAt(t), ear: 'both', amplitude: 1 }],
  };
}
