import type { ProgramInput } from '../src/index';

/** 6 doublets = 12 partials (ratios: mean Csound bowl, splits: STK cents) + a 200 Hz / 7.83 Hz binaural pair. */
export const BOWL_FUNDAMENTAL = 221;
export const BOWL_MODES = [
  { ratio: 1, split: 13.5, gain: 1, t60: 30 },
  { ratio: 2.735, split: 8.2, gain: 0.6, t60: 11 },
  { ratio: 5.047, split: 2, gain: 0.4, t60: 5.9 },
  { ratio: 7.829, split: 3.3, gain: 0.25, t60: 3.8 },
  { ratio: 11.03, split: 3.5, gain: 0.16, t60: 2.7 },
  { ratio: 14.92, split: 3.5, gain: 0.1, t60: 2.0 },
];
export const STRIKE_EVERY = 15;
/** The workload: every partial audible for the whole minute (T60 from 120 s down to 60 s), one strike. */
export const SUSTAINED_T60 = [120, 110, 100, 80, 70, 60];
export const BOWL_GAIN = 0.6;
export const BINAURAL = { carrier: 200, beat: 7.83, gain: 0.15 };

export function workload(duration: number): ProgramInput {
  return {
    duration,
    gain: 0.8,
    layers: [
      { kind: 'bowl', frequency: BOWL_FUNDAMENTAL, modes: BOWL_MODES, strikes: { every: STRIKE_EVERY }, gain: BOWL_GAIN },
      { kind: 'binaural', ...BINAURAL },
    ],
  };
}

/**
 * 12 partials that all stay audible (T60 ≥ 60 s, struck once at 0) + the binaural pair, at the default
 * ceiling (0.8). With `bowlGain` 0.85 the mix peaks near 0.8, so the limiter works in the first seconds.
 */
export function sustainedWorkload(duration: number, bowlGain = BOWL_GAIN): ProgramInput {
  return {
    duration,
    layers: [
      {
        kind: 'bowl',
        frequency: BOWL_FUNDAMENTAL,
        modes: BOWL_MODES.map((mode, index) => ({ ...mode, t60: SUSTAINED_T60[index]! })),
        strikes: [0],
        gain: bowlGain,
      },
      { kind: 'binaural', ...BINAURAL },
    ],
  };
}
