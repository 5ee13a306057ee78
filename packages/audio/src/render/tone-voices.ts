import { compileParam } from '../automation/compile-param';
import { renderPath } from '../dsp/add-partial';
import type { DspArena } from '../dsp/dsp-arena';
import type { Layer } from '../program/program-schema';
import { combinePaths, frequencyPath } from './phase-paths';
import type { Voice } from './voice';

type Of<K extends Layer['kind']> = Extract<Layer, { kind: K }>;

/** A pure sine. */
export function createToneVoice(layer: Of<'tone'>, sampleRate: number, arena: DspArena): Voice {
  const path = frequencyPath(layer.frequency);
  return {
    stereo: false,
    linear: true,
    render(left, _right, offset, frames, from, gain) {
      renderPath(arena, left, offset, frames, path, from / sampleRate, sampleRate, gain, 1, 0, 1);
    },
    activeFrequencies: (t) => [{ frequency: path.frequencyAt(t), ear: 'both', amplitude: 1 }],
  };
}

/** Binaural: left = carrier, right = carrier + beat. */
export function createBinauralVoice(layer: Of<'binaural'>, sampleRate: number, arena: DspArena): Voice {
  const carrier = frequencyPath(layer.carrier);
  const upper = combinePaths([
    [carrier, 1],
    [frequencyPath(layer.beat), 1],
  ]);
  return {
    stereo: true,
    linear: true,
    render(left, right, offset, frames, from, gainLeft, gainRight) {
      const t0 = from / sampleRate;
      renderPath(arena, left, offset, frames, carrier, t0, sampleRate, gainLeft, 1, 0, 1);
      renderPath(arena, right, offset, frames, upper, t0, sampleRate, gainRight, 1, 0, 1);
    },
    activeFrequencies: (t) => [
      { frequency: carrier.frequencyAt(t), ear: 'left', amplitude: 1 },
      { frequency: upper.frequencyAt(t), ear: 'right', amplitude: 1 },
    ],
  };
}

/** Monaural: carrier and carrier + beat, each at half amplitude, in both ears. */
export function createMonauralVoice(layer: Of<'monaural'>, sampleRate: number, arena: DspArena): Voice {
  const carrier = frequencyPath(layer.carrier);
  const upper = combinePaths([
    [carrier, 1],
    [frequencyPath(layer.beat), 1],
  ]);
  return {
    stereo: false,
    linear: true,
    render(left, _right, offset, frames, from, gain) {
      const t0 = from / sampleRate;
      renderPath(arena, left, offset, frames, carrier, t0, sampleRate, 0.5 * gain, 1, 0, 1);
      renderPath(arena, left, offset, frames, upper, t0, sampleRate, 0.5 * gain, 1, 0, 1);
    },
    activeFrequencies: (t) => [
      { frequency: carrier.frequencyAt(t), ear: 'both', amplitude: 0.5 },
      { frequency: upper.frequencyAt(t), ear: 'both', amplitude: 0.5 },
    ],
  };
}

/** Isochronic: carrier × raised-cosine pulses (`duty` of each period), pulse phase integrated from `rate`. */
export function createIsochronicVoice(layer: Of<'isochronic'>, sampleRate: number, arena: DspArena): Voice {
  const carrier = frequencyPath(layer.frequency);
  const rate = compileParam(layer.rate);
  const duty = layer.duty;
  const twoPiOverDuty = (2 * Math.PI) / duty;
  return {
    stereo: false,
    // the pulse multiplies what the buffer holds: rendered into a zeroed buffer
    linear: false,
    render(left, _right, offset, frames, from, gain) {
      const t0 = from / sampleRate;
      renderPath(arena, left, offset, frames, carrier, t0, sampleRate, gain, 1, 0, 1);
      const pulse0 = rate.integralAt(t0);
      const step = (rate.integralAt((from + frames) / sampleRate) - pulse0) / frames;
      let position = pulse0 - Math.floor(pulse0);
      for (let index = 0; index < frames; index++) {
        const envelope = position < duty ? 0.5 - 0.5 * Math.cos(position * twoPiOverDuty) : 0;
        left[offset + index]! *= envelope;
        position += step;
        if (position >= 1) position -= Math.floor(position);
      }
    },
    activeFrequencies: (t) => [{ frequency: carrier.frequencyAt(t), ear: 'both', amplitude: 1 }],
  };
}
