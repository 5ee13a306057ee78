import type { ProgramInput } from '@vajra-stream/audio';
import type { PlanDraft } from './plan-draft';

/** Phase boundaries in seconds. */
export interface PlanPhaseTiming {
  name: string;
  start: number;
  end: number;
  guidance: string;
}

/**
 * Turns a draft's frequencies and phases into an audio program for `@vajra-stream/audio`: quiet
 * tones for every tone frequency, a binaural layer that glides from alpha (10 Hz) to the first beat
 * rate during settling and back before the end, optional noise, and a bowl struck at every phase
 * change and three times at the end. Every layer fades in and out (no clicks at the edges).
 *
 * @example
 * ```ts
 * const program = buildProgram(draft, phases, 600, 7);
 * programSchema.parse(program);
 * ```
 */
export function buildProgram(draft: PlanDraft, phases: readonly PlanPhaseTiming[], duration: number, seed: number): ProgramInput {
  const fade = round(Math.min(10, duration / 6));
  const tones = draft.frequencies.filter((f) => f > 40).slice(0, 3);
  const beats = draft.frequencies.filter((f) => f <= 40);
  const layers: NonNullable<ProgramInput['layers']> = [];
  tones.forEach((frequency, index) => {
    const pan = tones.length === 1 ? 0 : round(-0.3 + (0.6 * index) / (tones.length - 1));
    layers.push({ kind: 'tone', frequency, gain: round(0.12 / tones.length), pan, fadeIn: fade, fadeOut: fade });
  });
  const beat = beats[0] ?? 6;
  const settleEnd = phases.length > 1 ? phases[0]!.end : duration / 4;
  const returnStart = phases.length > 1 ? phases.at(-1)!.start : (duration * 3) / 4;
  const carrier = tones.find((f) => f >= 100 && f <= 400) ?? 200;
  layers.push({
    kind: 'binaural',
    carrier,
    beat:
      beat === 10
        ? 10
        : [
            { at: 0, value: 10, curve: 'linear' },
            { at: round(settleEnd), value: beat, curve: 'exponential' },
            { at: round(Math.max(settleEnd, returnStart)), value: beat, curve: 'linear' },
            { at: duration, value: 10, curve: 'exponential' },
          ],
    gain: 0.25,
    fadeIn: fade,
    fadeOut: fade,
  });
  if (draft.noise !== 'none') layers.push({ kind: 'noise', color: draft.noise, gain: 0.05, fadeIn: fade, fadeOut: fade });
  if (draft.bowl) {
    const strikes = new Set<number>([0, ...phases.slice(1).map((p) => round(p.start))]);
    if (duration > 20) for (const before of [12, 8, 4]) strikes.add(round(duration - before));
    layers.push({ kind: 'bowl', frequency: bowlFrequency(tones[0]), strikes: [...strikes].sort((a, b) => a - b), gain: 0.6 });
  }
  return { version: 1, duration, gain: 0.8, seed: seed >>> 0, layers };
}

/** A bowl fundamental between 110 and 330 Hz: the first tone moved by octaves, else 221 Hz (a 180 mm bowl). */
function bowlFrequency(tone: number | undefined): number {
  if (tone === undefined) return 221;
  let f = tone;
  while (f > 330) f /= 2;
  while (f < 110) f *= 2;
  return round(f);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
