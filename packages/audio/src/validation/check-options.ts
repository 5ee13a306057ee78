import { validationFailed, type ValidationIssue } from './validation-failed';

/** How one option is checked: a predicate and the phrase saying what it must be. */
export type OptionRule = readonly [accepts: (value: unknown) => boolean, expected: string];

/** Rules for the options of one function, by option name. */
export type OptionRules = Readonly<Record<string, OptionRule>>;

/**
 * Refuse (422 `VALIDATION_FAILED`) an options object with keys the function does not know or values of
 * the wrong kind, so a JavaScript caller's `{ bitDepth: 16 }` never passes silently. `undefined` values
 * count as absent.
 *
 * @example
 * checkOptions({ format: 'pcm16' }, { format: [(v) => v === 'pcm16' || v === 'pcm24', "'pcm16' or 'pcm24'"] }, 'renderToWav');
 */
export function checkOptions(options: unknown, rules: OptionRules, where: string): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw validationFailed(`${where} options`, [{ path: '', code: 'invalid_type', message: 'options must be an object' }]);
  }
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(options)) {
    const rule = rules[key];
    if (!rule) {
      const known = Object.keys(rules);
      issues.push({ path: key, code: 'unrecognized_keys', message: `unknown option${known.length ? ` (known: ${known.join(', ')})` : ''}` });
    } else if (value !== undefined && !rule[0](value)) {
      issues.push({ path: key, code: 'invalid_value', message: `must be ${rule[1]}` });
    }
  }
  if (issues.length > 0) throw validationFailed(`${where} options`, issues);
}

/** Rule: a finite number within [min, max]. */
export const numberIn = (min: number, max = Infinity): OptionRule => [
  (value) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max,
  max === Infinity ? `a number ≥ ${min}` : `a number in ${min}…${max}`,
];

/** Rule: one of the listed strings. */
export const oneOf = (values: readonly string[]): OptionRule => [(value) => typeof value === 'string' && values.includes(value), values.map((value) => `'${value}'`).join(', ')];

/** Rule: a function. */
export const aFunction: OptionRule = [(value) => typeof value === 'function', 'a function'];

/** Rule: an AbortSignal (anything with `aborted` and `throwIfAborted`). */
export const aSignal: OptionRule = [(value) => typeof value === 'object' && value !== null && typeof (value as AbortSignal).throwIfAborted === 'function', 'an AbortSignal'];
