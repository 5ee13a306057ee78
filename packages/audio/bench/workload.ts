import type { ProgramInput } from '../src/index';

/** 6 doublets = 12 decaying partials (ratios: mean Csound bowl, splits: STK cents) + a 200 Hz / 7.83 Hz binaural pair. */
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

export function workload(duration: number): ProgramInput {
  return {
    duration,
    gain: 0.8,
    layers: [
      { kind: 'bowl', frequency: BOWL_FUNDAMENTAL, modes: BOWL_MODES, strikes: { every: STRIKE_EVERY }, gain: 0.6 },
      { kind: 'binaural', carrier: 200, beat: 7.83, gain: 0.15 },
    ],
  };
}

/** Same partials with 120 s T60 and one strike: every partial stays audible (no silent-partial skipping). */
export function sustainedWorkload(duration: number): ProgramInput {
  const program = workload(duration);
  const [bowl, binaural] = program.layers!;
  return { ...program, layers: [{ ...bowl!, modes: BOWL_MODES.map((mode) => ({ ...mode, t60: 120 })), strikes: [0] } as never, binaural!] };
}
