import { programSchema } from '@vajra-stream/audio';
import { z } from 'zod';

/**
 * A session plan: what the oracle hands to a session (intention, duration, mantra, dedication and an
 * audio program valid for `@vajra-stream/audio`'s `programSchema`).
 *
 * @example
 * ```ts
 * const plan = sessionPlanSchema.parse(await oracle.plan({ intention: 'peace', duration: 600 }));
 * vajra.sessions.create({ intention: plan.intention, duration: plan.duration, program: plan.program });
 * ```
 */
export const sessionPlanSchema = z
  .object({
    intention: z.string().min(1),
    title: z.string().min(1),
    /** Seconds. */
    duration: z.number().positive(),
    tradition: z.string().nullable(),
    mantra: z.object({ deity: z.string().min(1), text: z.string().min(1), repetitions: z.number().int().positive() }),
    dedication: z.string().min(1),
    frequencies: z.array(z.number().positive()).min(1),
    phases: z.array(z.object({ name: z.string().min(1), start: z.number().min(0), end: z.number().positive(), guidance: z.string().min(1) })).min(1),
    program: programSchema,
    source: z.object({ provider: z.string(), modelId: z.string(), repairs: z.number().int().min(0) }),
  })
  .superRefine((plan, ctx) => {
    if (Math.abs(plan.program.duration - plan.duration) > 1e-6) ctx.addIssue({ code: 'custom', path: ['program', 'duration'], message: 'program duration must equal the plan duration' });
    plan.phases.forEach((phase, index) => {
      const expectedStart = index === 0 ? 0 : plan.phases[index - 1]!.end;
      if (Math.abs(phase.start - expectedStart) > 1e-6 || phase.end <= phase.start) ctx.addIssue({ code: 'custom', path: ['phases', index], message: 'phases must be contiguous and non-empty' });
    });
    if (Math.abs(plan.phases.at(-1)!.end - plan.duration) > 1e-6) ctx.addIssue({ code: 'custom', path: ['phases'], message: 'phases must cover the whole duration' });
  });

/**
 * A validated session plan (program defaults applied), from `oracle.plan()`.
 *
 * @example
 * ```ts
 * const plan: SessionPlan = await oracle.plan({ intention: 'peace', duration: 600 });
 * console.log(plan.title, plan.mantra.text, plan.phases.map((phase) => `${phase.name} ${phase.start}–${phase.end} s`));
 * await vajra.sessions.create({ intention: plan.intention, duration: plan.duration, program: plan.program });
 * ```
 */
export type SessionPlan = z.output<typeof sessionPlanSchema>;
