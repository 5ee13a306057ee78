import { z } from 'zod';

/**
 * What a model (or the offline composer) writes for a session plan: the creative choices only.
 * The oracle compiles a draft into a full plan with a valid audio program, so a model never has to
 * write DSP parameters.
 *
 * @example
 * ```ts
 * planDraftSchema.parse({
 *   title: 'Ten minutes with Green Tara', mantra: { deity: 'Green Tara', text: 'Om Tare Tuttare Ture Soha' },
 *   dedication: 'May all beings be safe.', frequencies: [396, 7.83], bowl: true, noise: 'pink',
 *   phases: [{ name: 'Settling', minutes: 2, guidance: 'Sit and breathe.' }, { name: 'Mantra', minutes: 8, guidance: 'Recite softly.' }],
 * });
 * ```
 */
export const planDraftSchema = z.object({
  title: z.string().trim().min(1).max(120),
  mantra: z.object({
    /** Deity or source of the mantra ("none" for secular phrases). */
    deity: z.string().trim().min(1).max(80),
    text: z.string().trim().min(1).max(200),
  }),
  dedication: z.string().trim().min(1).max(2000),
  /** Tones (20–2000 Hz) and/or beat rates (0.5–40 Hz), 1–6 values. */
  frequencies: z
    .array(z.number().finite())
    .min(1)
    .max(6)
    .refine((values) => values.every((f) => (f >= 0.5 && f <= 40) || (f >= 20 && f <= 2000)), {
      message: 'each frequency must be a beat rate in 0.5–40 Hz or a tone in 20–2000 Hz',
    }),
  /** Strike a singing bowl at the phase changes. */
  bowl: z.boolean().default(true),
  noise: z.enum(['pink', 'brown', 'none']).default('none'),
  /** Phases in order; their minutes are scaled to the requested duration. */
  phases: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(60),
        minutes: z
          .number()
          .positive()
          .max(24 * 60),
        guidance: z.string().trim().min(1).max(1000),
      }),
    )
    .min(1)
    .max(12),
});

/**
 * A parsed plan draft (`bowl` and `noise` defaulted).
 *
 * @example
 * ```ts
 * const { text } = await offline({ seed: 7 }).generate({ messages: [{ role: 'user', content: 'Plan a session for peace.' }], task: { type: 'plan', intention: 'peace', duration: 600 } });
 * const draft: PlanDraft = planDraftSchema.parse(JSON.parse(text));
 * const minutes = draft.phases.reduce((sum, phase) => sum + phase.minutes, 0); // as written; the oracle scales them to the duration
 * ```
 */
export type PlanDraft = z.output<typeof planDraftSchema>;
