import { VajraError } from '@vajra-stream/core';

/**
 * One problem of an input, located by a JavaScript-style path (`layers[1].frequency`).
 *
 * @example
 * ```ts
 * try {
 *   parseProgram({ duration: 10, layers: [{ kind: 'tone', frequency: 30000 }] });
 * } catch (error) {
 *   if (isVajraError(error) && error.code === 'VALIDATION_FAILED') {
 *     const { issues } = error.details as { issues: ValidationIssue[] };
 *     issues[0]; // { path: 'layers[0].frequency', code: 'custom', message: '30000 Hz reaches the Nyquist limit (24000 Hz at sampleRate 48000); it would alias' }
 *   }
 * }
 * ```
 */
export interface ValidationIssue {
  /** Where the problem is: `layers[1].frequency`, `options.bitDepth`, or '' for the whole input. */
  path: string;
  /** A stable kind of problem: zod's issue codes (`too_small`, `unrecognized_keys`, …; `custom` for cross-field checks such as the Nyquist limit). */
  code: string;
  message: string;
}

/**
 * Format a path of keys and indices the way JavaScript would address it.
 *
 * @example
 * issuePath(['layers', 1, 'frequency']); // 'layers[1].frequency'
 */
export function issuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/**
 * The 422 `VALIDATION_FAILED` error of this package: the message names the path of every problem, and
 * `details.issues` lists them.
 *
 * @example
 * throw validationFailed('audio program', [{ path: 'duration', code: 'too_small', message: 'must be > 0' }]);
 */
export function validationFailed(what: string, issues: ValidationIssue[]): VajraError {
  const summary = issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
  return new VajraError('VALIDATION_FAILED', `Invalid ${what}: ${summary}`, { status: 422, details: { issues } });
}
