import { safeParseInput } from '@vajra-stream/core';
import { issuePath, validationFailed } from '../validation/validation-failed';
import { programSchema, type Program, type ProgramInput } from './program-schema';

/**
 * Validate a program (JSON or object) and apply defaults. An invalid program throws a 422
 * `VajraError('VALIDATION_FAILED')` whose message names the path of every problem
 * (`layers[1].frequency: …`) and whose `details.issues` lists them as `{ path, code, message }`.
 *
 * @example
 * const program = parseProgram({ duration: 10, layers: [{ kind: 'tone', frequency: 528 }] });
 */
export function parseProgram(input: ProgramInput | Program | unknown): Program {
  const result = safeParseInput(programSchema, input);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issuePath(issue.path), code: issue.code, message: issue.message }));
    throw validationFailed('audio program', issues);
  }
  return result.data;
}
