import { VajraError } from '@vajra-stream/core';
import { buildProgram, type PlanPhaseTiming } from './build-program';
import type { PlanDraft } from './plan-draft';
import { sessionPlanSchema, type SessionPlan } from './session-plan';

/** Input of a plan compile. */
export interface CompilePlanInput {
  intention: string;
  /** Seconds. */
  duration: number;
  tradition?: string;
  seed: number;
  source: { provider: string; modelId: string; repairs: number };
}

/**
 * Compiles a draft into a validated {@link SessionPlan}: the draft's phase minutes are scaled to the
 * requested duration, the audio program is built and everything is checked against `sessionPlanSchema`.
 *
 * @example
 * ```ts
 * const plan = compilePlan(draft, { intention: 'peace', duration: 600, seed: 1, source: { provider: 'offline', modelId: 'grammar-v1', repairs: 0 } });
 * ```
 */
export function compilePlan(draft: PlanDraft, input: CompilePlanInput): SessionPlan {
  const duration = Math.round(input.duration * 1000) / 1000;
  const total = draft.phases.reduce((sum, p) => sum + p.minutes, 0);
  const phases: PlanPhaseTiming[] = [];
  let start = 0;
  draft.phases.forEach((phase, index) => {
    const end = index === draft.phases.length - 1 ? duration : Math.round((start + (phase.minutes / total) * duration) * 1000) / 1000;
    phases.push({ name: phase.name, start, end, guidance: phase.guidance });
    start = end;
  });
  const mantraPhase = phases.find((p) => /mantra|recit/i.test(p.name)) ?? phases.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const secondsPerRepetition = Math.max(2, draft.mantra.text.split(/\s+/).length * 0.6);
  const result = sessionPlanSchema.safeParse({
    intention: input.intention,
    title: draft.title,
    duration,
    tradition: input.tradition ?? null,
    mantra: { ...draft.mantra, repetitions: Math.max(1, Math.round((mantraPhase.end - mantraPhase.start) / secondsPerRepetition)) },
    dedication: draft.dedication,
    frequencies: draft.frequencies,
    phases,
    program: buildProgram(draft, phases, duration, input.seed),
    source: input.source,
  });
  if (!result.success) {
    throw new VajraError('VALIDATION_FAILED', `session plan failed validation: ${result.error.issues[0]?.message ?? ''}`, { status: 422, details: { issues: result.error.issues } });
  }
  return result.data;
}
