import { safeParseInput } from '@vajra-stream/core';
import * as z from 'zod/mini';
import { issuePath, validationFailed } from '../validation/validation-failed';
import { parseProgram } from '../program/parse-program';
import type { Layer, Program, ProgramInput } from '../program/program-schema';

/**
 * The seed project's `generate()` arguments.
 *
 * @example
 * seedRequestSchema.parse({ type: 'binaural', base_frequency: 200, beat_frequency: 7.83, duration: 600 });
 */
export const seedRequestSchema = z.object({
  type: z.enum(['prayer_bowl', 'solfeggio', 'binaural']),
  frequency: z._default(z.number().check(z.positive(), z.lte(20_000)), 528),
  duration: z._default(z.number().check(z.positive(), z.lte(7 * 24 * 3600)), 60),
  pure_sine: z._default(z.boolean(), false),
  base_frequency: z._default(z.number().check(z.positive(), z.lte(20_000)), 200),
  beat_frequency: z._default(z.number().check(z.positive(), z.lte(100)), 7.83),
});

/**
 * The seed's `generate()` arguments (input form).
 *
 * @example
 * ```ts
 * const request: SeedRequest = { type: 'solfeggio', frequency: 528, duration: 600, pure_sine: true };
 * const program = programFromSeed(request); // a plain 528 Hz sine for 600 s (2 s fades), master gain 0.8
 * ```
 */
export type SeedRequest = z.input<typeof seedRequestSchema>;

/**
 * The seed's MAX_VOLUME, used as the master ceiling of mapped programs.
 *
 * @example
 * programFromSeed({ type: 'solfeggio' }).gain === SEED_MAX_VOLUME; // true
 */
export const SEED_MAX_VOLUME = 0.8;

type LayerInput = NonNullable<ProgramInput['layers']>[number];

function bowlLayer(frequency: number, duration: number): LayerInput {
  return {
    kind: 'bowl',
    frequency,
    modes: 'tibetan-180mm',
    strikes: duration > 25 ? { every: 20 } : [0],
  };
}

/**
 * Map the seed's `generate({ type, frequency, duration, pure_sine, base_frequency, beat_frequency })` onto a
 * program: `prayer_bowl` → a struck bowl (re-struck every 20 s on long sessions; `pure_sine` → a plain
 * sine instead); `solfeggio` → a sine at `frequency`, with soft 2nd/3rd harmonics unless `pure_sine`;
 * `binaural` → left = base_frequency, right = base_frequency + beat_frequency.
 *
 * @example
 * const program = programFromSeed({ type: 'binaural', base_frequency: 200, beat_frequency: 10, duration: 300 });
 */
export function programFromSeed(request: SeedRequest): Program {
  const parsed = safeParseInput(seedRequestSchema, request);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), code: issue.code, message: issue.message }));
    throw validationFailed('seed generate() request', issues);
  }
  const { type, frequency, duration, pure_sine, base_frequency, beat_frequency } = parsed.data;
  const fade = Math.min(2, duration / 10);
  let layers: ProgramInput['layers'];
  if (type === 'binaural') {
    layers = [{ kind: 'binaural', carrier: base_frequency, beat: beat_frequency, fadeIn: fade, fadeOut: fade }];
  } else if (type === 'prayer_bowl' && !pure_sine) {
    layers = [{ ...bowlLayer(frequency, duration), fadeOut: fade }];
  } else if (pure_sine || type === 'prayer_bowl') {
    layers = [{ kind: 'tone', frequency, fadeIn: fade, fadeOut: fade }];
  } else {
    layers = [
      { kind: 'tone', frequency, gain: 0.7, fadeIn: fade, fadeOut: fade },
      { kind: 'tone', frequency: 2 * frequency, gain: 0.2, fadeIn: fade, fadeOut: fade },
      { kind: 'tone', frequency: 3 * frequency, gain: 0.1, fadeIn: fade, fadeOut: fade },
    ];
  }
  return parseProgram({ duration, gain: SEED_MAX_VOLUME, layers });
}

/**
 * The session fields used to derive a program.
 *
 * @example
 * ```ts
 * const fields: SessionAudioFields = { duration: 900, audioType: 'binaural', frequencies: [7.83], prayerBowlMode: false };
 * programFromSession(fields).layers; // [{ kind: 'binaural', carrier: 200, beat: 7.83, start: 0, fadeIn: 2, fadeOut: 2, gain: 1, pan: 0 }]
 * ```
 */
export interface SessionAudioFields {
  duration: number;
  audioType: string;
  frequencies: number[];
  prayerBowlMode: boolean;
  program?: unknown;
}

/**
 * The program a session should play: its own `program` when present, else one derived from the seed-style
 * fields (`audioType` prayer_bowl | solfeggio | binaural | tone, `frequencies`, `prayerBowlMode` adds
 * bowls at each frequency). Frequencies below 20 Hz become binaural beats on a 200 Hz carrier.
 *
 * @example
 * programFromSession({ duration: 600, audioType: 'solfeggio', frequencies: [528, 7.83], prayerBowlMode: true });
 */
export function programFromSession(session: SessionAudioFields): Program {
  if (session.program !== undefined && session.program !== null) return parseProgram(session.program);
  const frequencies = session.frequencies.length > 0 ? session.frequencies : [528];
  const audible = frequencies.filter((frequency) => frequency >= 20);
  const beats = frequencies.filter((frequency) => frequency < 20);
  const layers: Layer[] = [];
  const fade = Math.min(2, session.duration / 10);
  const base = { fadeIn: fade, fadeOut: fade };
  const share = 1 / Math.max(1, audible.length + beats.length);
  for (const frequency of audible) {
    if (session.audioType === 'prayer_bowl' || session.prayerBowlMode) {
      layers.push(parseProgram({ duration: 1, layers: [{ ...bowlLayer(frequency, session.duration), gain: share, fadeOut: fade }] }).layers[0]!);
    }
    if (session.audioType !== 'prayer_bowl') {
      layers.push(parseProgram({ duration: 1, layers: [{ kind: 'tone', frequency, gain: share, ...base }] }).layers[0]!);
    }
  }
  for (const beat of beats) {
    layers.push(parseProgram({ duration: 1, layers: [{ kind: 'binaural', carrier: 200, beat, gain: share, ...base }] }).layers[0]!);
  }
  return parseProgram({ duration: session.duration, gain: SEED_MAX_VOLUME, layers });
}
