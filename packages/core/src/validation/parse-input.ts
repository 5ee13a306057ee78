import type { $ZodType, output } from 'zod/v4/core';
import { VajraError } from '../errors/vajra-error';
import { safeParseInput } from './safe-parse-input';

/**
 * Parse `input` with `schema`, or throw `VALIDATION_FAILED` (status 422) with the zod issues in `details`.
 *
 * @example
 * ```ts
 * const input = parseInput(createSessionSchema, body, 'session');
 * ```
 */
export function parseInput<S extends $ZodType>(schema: S, input: unknown, what: string): output<S> {
  const result = safeParseInput(schema, input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
  throw new VajraError('VALIDATION_FAILED', `Invalid ${what}: ${summary}`, { status: 422, details: { issues } });
}
