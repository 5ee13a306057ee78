import { VajraError } from '@vajra-stream/core';
import { programSchema, type Program, type ProgramInput } from './program-schema';

/**
 * Validate a program (JSON or object) and apply defaults; throws `VajraError('VALIDATION_FAILED')` with
 * the zod issues in `details`.
 *
 * @example
 * const program = parseProgram({ duration: 10, layers: [{ kind: 'tone', frequency: 528 }] });
 */
export function parseProgram(input: ProgramInput | Program | unknown): Program {
  const result = programSchema.safeParse(input);
  if (!result.success) {
    throw new VajraError('VALIDATION_FAILED', `invalid audio program: ${result.error.issues[0]?.message ?? ''}`, {
      status: 400,
      details: result.error.issues,
    });
  }
  return result.data;
}
