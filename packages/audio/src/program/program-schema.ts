import * as z from 'zod/mini';
import { bowlModePresetNames } from '../presets/bowl-modes';
import { nyquistIssues } from './nyquist-issues';
import { nonNegativeParam, panParam, positiveParam } from './param-schema';

const seconds = z.number().check(z.gte(0));

/** Fields shared by every layer. Times are seconds; `start`/`end` are program time, keyframes are layer time. */
const layerBase = {
  /** Program time at which the layer begins (s). */
  start: z._default(seconds, 0),
  /** Program time at which the layer ends (s); defaults to the program's end. */
  end: z.optional(seconds),
  /** Raised-cosine fade-in length (s). */
  fadeIn: z.optional(seconds),
  /** Raised-cosine fade-out length (s), ending at `end`. */
  fadeOut: z.optional(seconds),
  /** Linear gain (number or keyframes). */
  gain: z._default(nonNegativeParam(), 1),
  /** Equal-power pan, -1 = left, 1 = right (number or keyframes). */
  pan: z._default(panParam(), 0),
};

/**
 * A pure sine (cosine phase, starting at the layer's start).
 *
 * @example
 * toneLayerSchema.parse({ kind: 'tone', frequency: 528, fadeIn: 2 });
 */
export const toneLayerSchema = z.strictObject({ kind: z.literal('tone'), frequency: positiveParam(), ...layerBase });

/**
 * One explicit bowl mode: ratio to the fundamental, T60 (s), gain and doublet split (cents).
 *
 * @example
 * bowlModeSchema.parse({ ratio: 2.735, t60: 11, gain: 0.6, split: 8.2 });
 */
export const bowlModeSchema = z.strictObject({
  ratio: z.number().check(z.positive()),
  t60: z.optional(z.number().check(z.positive())),
  gain: z._default(z.number().check(z.gte(0)), 1),
  split: z._default(z.number().check(z.gte(0), z.lte(200)), 0),
});

const strikeSchema = z.union([
  seconds,
  z.strictObject({
    at: seconds,
    velocity: z._default(z.number().check(z.gte(0), z.lte(4)), 1),
    /** Strike angle from the doublet axis (radians); halves ring as |cos nφ| and |sin nφ|. Absent = equal halves. */
    angle: z.optional(z.number()),
  }),
]);

/**
 * Bowl strikes: a list of times (layer time, s) or a repeat interval.
 *
 * @example
 * strikesSchema.parse({ every: 20, from: 0 });
 */
export const strikesSchema = z.union([
  z.array(strikeSchema).check(z.maxLength(100_000)),
  z.strictObject({
    every: z.number().check(z.positive()),
    from: z._default(seconds, 0),
    count: z.optional(z.number().check(z.int(), z.positive())),
    velocity: z._default(z.number().check(z.gte(0), z.lte(4)), 1),
  }),
]);

/**
 * Rim rubbing (puja): the chosen mode is driven while rubbing and rotates with the stick.
 *
 * @example
 * rimSchema.parse({ start: 0, end: 20, rate: 1.2, pressure: 0.6 });
 */
export const rimSchema = z.strictObject({
  start: z._default(seconds, 0),
  end: z.optional(seconds),
  /** Rotations of the puja per second. */
  rate: z._default(positiveParam(), 1),
  /** 0..1: sets the sung level and how fast it builds up. */
  pressure: z._default(z.number().check(z.gte(0), z.lte(1)), 0.5),
  /** Index of the excited mode (0 = the fundamental (2,0) mode). */
  mode: z._default(z.number().check(z.int(), z.gte(0)), 0),
});

/**
 * A singing bowl by modal synthesis: doublets, per-mode decay, strikes and rubbing.
 *
 * @example
 * bowlLayerSchema.parse({ kind: 'bowl', frequency: 221, modes: 'tibetan-180mm', strikes: [0, 15] });
 */
export const bowlLayerSchema = z.strictObject({
  kind: z.literal('bowl'),
  frequency: positiveParam(),
  modes: z._default(z.union([z.enum(bowlModePresetNames), z.array(bowlModeSchema).check(z.minLength(1), z.maxLength(64))]), 'tibetan-180mm'),
  /** Quality factor for modes without an explicit t60: T60 = 2.2·Q/f. */
  q: z._default(z.number().check(z.positive()), 3000),
  strikes: z.optional(strikesSchema),
  rim: z.optional(rimSchema),
  ...layerBase,
});

/**
 * Binaural beat: left = carrier, right = carrier + beat.
 *
 * @example
 * binauralLayerSchema.parse({ kind: 'binaural', carrier: 200, beat: 7.83 });
 */
export const binauralLayerSchema = z.strictObject({
  kind: z.literal('binaural'),
  carrier: positiveParam(),
  beat: positiveParam(),
  ...layerBase,
});

/**
 * Monaural beat: carrier and carrier + beat mixed into both ears.
 *
 * @example
 * monauralLayerSchema.parse({ kind: 'monaural', carrier: 200, beat: 10 });
 */
export const monauralLayerSchema = z.strictObject({
  kind: z.literal('monaural'),
  carrier: positiveParam(),
  beat: positiveParam(),
  ...layerBase,
});

/**
 * Isochronic tone: a carrier gated by raised-cosine pulses at `rate` per second.
 *
 * @example
 * isochronicLayerSchema.parse({ kind: 'isochronic', frequency: 440, rate: 10, duty: 0.5 });
 */
export const isochronicLayerSchema = z.strictObject({
  kind: z.literal('isochronic'),
  frequency: positiveParam(),
  rate: positiveParam(),
  /** Fraction of each period the pulse lasts (raised-cosine shaped). */
  duty: z._default(z.number().check(z.gt(0), z.lte(1)), 0.5),
  ...layerBase,
});

/**
 * Continuously generated noise (never a looped buffer).
 *
 * @example
 * noiseLayerSchema.parse({ kind: 'noise', color: 'brown', gain: 0.2 });
 */
export const noiseLayerSchema = z.strictObject({
  kind: z.literal('noise'),
  color: z._default(z.enum(['white', 'pink', 'brown']), 'pink'),
  ...layerBase,
});

/**
 * Any layer, by `kind`.
 *
 * @example
 * layerSchema.parse({ kind: 'tone', frequency: 432 });
 */
export const layerSchema = z.discriminatedUnion('kind', [toneLayerSchema, bowlLayerSchema, binauralLayerSchema, monauralLayerSchema, isochronicLayerSchema, noiseLayerSchema]);

/**
 * The audio program: one JSON-serialisable description of what sounds. Output is always stereo.
 * `gain` is the master ceiling (the seed's MAX_VOLUME): a true-peak-safe lookahead limiter keeps every
 * sample and every inter-sample peak at or below it. Unknown fields are refused, and so is any layer whose
 * frequency (or carrier + beat) reaches the Nyquist limit, sampleRate / 2, at any keyframe.
 *
 * @example
 * const program = programSchema.parse({
 *   duration: 60,
 *   layers: [{ kind: 'binaural', carrier: 200, beat: 7.83, gain: 0.5 }, { kind: 'bowl', frequency: 221 }],
 * });
 */
export const programSchema = z
  .strictObject({
    version: z._default(z.literal(1), 1),
    sampleRate: z._default(z.number().check(z.int(), z.gte(8000), z.lte(384_000)), 48_000),
    duration: z.number().check(z.positive(), z.lte(7 * 24 * 3600)),
    gain: z._default(z.number().check(z.gte(0), z.lte(1)), 0.8),
    seed: z._default(z.number().check(z.int(), z.gte(0), z.lte(2 ** 32 - 1)), 1),
    limiter: z._default(
      z.object({
        lookahead: z._default(z.number().check(z.gte(0.0005), z.lte(0.05)), 0.003),
        release: z._default(z.number().check(z.gte(0.001), z.lte(5)), 0.15),
      }),
      { lookahead: 0.003, release: 0.15 },
    ),
    layers: z._default(z.array(layerSchema).check(z.maxLength(256)), []),
  })
  .check(
    z.superRefine((program, context) => {
      for (const issue of nyquistIssues(program)) context.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: program });
    }),
  );

/**
 * A parsed (defaults applied) program.
 *
 * @example
 * ```ts
 * const program: Program = parseProgram({ duration: 60, layers: [{ kind: 'bowl', frequency: 221 }] });
 * program.sampleRate; // 48000
 * program.gain; // 0.8
 * program.layers[0]; // { kind: 'bowl', frequency: 221, modes: 'tibetan-180mm', q: 3000, start: 0, gain: 1, pan: 0 }
 * ```
 */
export type Program = z.infer<typeof programSchema>;
/**
 * A program as written by hand or received as JSON (defaults optional).
 *
 * @example
 * ```ts
 * const program: ProgramInput = {
 *   duration: 600, // seconds
 *   gain: 0.7,
 *   layers: [
 *     { kind: 'bowl', frequency: 136.1, strikes: { every: 30 }, fadeOut: 10 },
 *     { kind: 'binaural', carrier: 200, beat: [{ at: 0, value: 10 }, { at: 300, value: 4, curve: 'exponential' }], gain: 0.3 },
 *     { kind: 'noise', color: 'pink', gain: 0.05, fadeIn: 5 },
 *   ],
 * };
 * const wav = renderToWav(program, { format: 'pcm16' });
 * ```
 */
export type ProgramInput = z.input<typeof programSchema>;
/**
 * Any parsed layer.
 *
 * @example
 * ```ts
 * const [layer]: Layer[] = parseProgram({ duration: 10, layers: [{ kind: 'noise' }] }).layers;
 * layer; // { kind: 'noise', color: 'pink', start: 0, gain: 1, pan: 0 }
 * ```
 */
export type Layer = z.infer<typeof layerSchema>;
/**
 * A parsed bowl layer.
 *
 * @example
 * ```ts
 * const bowl: BowlLayer = bowlLayerSchema.parse({ kind: 'bowl', frequency: 221, strikes: [0, { at: 15, velocity: 0.5 }], rim: { start: 20, end: 40, rate: 1.2, pressure: 0.6 } });
 * bowl.modes; // 'tibetan-180mm'
 * renderInfo({ duration: 40, layers: [bowl] }).droppedModes; // []: every mode of a 221 Hz bowl is below 21.6 kHz
 * ```
 */
export type BowlLayer = z.infer<typeof bowlLayerSchema>;
