import { planDraftSchema, type PlanDraft } from './plan-draft';

/** The outcome of reading a model's reply as a plan draft. */
export type DraftParse = { ok: true; draft: PlanDraft } | { ok: false; problem: string; issues?: unknown };

/**
 * Extracts the JSON object from a reply (tolerating code fences and prose around it) and validates
 * it as a {@link PlanDraft}; the `problem` text is what the repair loop sends back to the model.
 *
 * @example
 * ```ts
 * parsePlanDraft('```json\n{"title": "x"}\n```'); // { ok: false, problem: 'mantra: …' }
 * ```
 */
export function parsePlanDraft(reply: string): DraftParse {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, problem: 'the reply contains no JSON object.' };
  let value: unknown;
  try {
    value = JSON.parse(reply.slice(start, end + 1));
  } catch (error) {
    return { ok: false, problem: `the JSON does not parse (${(error as Error).message}).` };
  }
  const result = planDraftSchema.safeParse(value);
  if (!result.success) {
    const problem = result.error.issues
      .slice(0, 6)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, problem: `the JSON does not match the required fields (${problem}).`, issues: result.error.issues };
  }
  return { ok: true, draft: result.data };
}
