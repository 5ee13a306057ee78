import type { CommandContext } from './define-command';
import { usageError } from './usage-error';

/**
 * A string option's value, or `undefined` when absent.
 *
 * @example
 * ```ts
 * const output = stringOption(context, 'output');
 * ```
 */
export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A repeatable string option's values (empty when absent).
 *
 * @example
 * ```ts
 * const providers = listOption(context, 'provider');
 * ```
 */
export function listOption(context: CommandContext, name: string): string[] {
  const value = context.options[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** Bounds of {@link numberOption}. */
export interface NumberBounds {
  min?: number;
  max?: number;
  integer?: boolean;
  /** `min` itself is not allowed. */
  exclusiveMin?: boolean;
}

/**
 * A numeric option, checked against its bounds; a malformed value is a `USAGE` error naming the flag.
 *
 * @example
 * ```ts
 * const rpm = numberOption(context, 'rpm', { min: 0, exclusiveMin: true }) ?? 30;
 * ```
 */
export function numberOption(context: CommandContext, name: string, bounds: NumberBounds = {}): number | undefined {
  const text = stringOption(context, name);
  if (text === undefined) return undefined;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  const below = bounds.min !== undefined && (bounds.exclusiveMin ? value <= bounds.min : value < bounds.min);
  const above = bounds.max !== undefined && value > bounds.max;
  if (!Number.isFinite(value) || below || above || (bounds.integer && !Number.isInteger(value))) {
    const range = [bounds.min === undefined ? undefined : `${bounds.exclusiveMin ? '>' : '≥'} ${bounds.min}`, bounds.max === undefined ? undefined : `≤ ${bounds.max}`].filter(Boolean);
    const kind = bounds.integer ? 'a whole number' : 'a number';
    throw usageError(`--${name} must be ${kind}${range.length > 0 ? ` ${range.join(' and ')}` : ''}, got "${text}"`);
  }
  return value;
}

/**
 * A string option restricted to a closed set of values.
 *
 * @example
 * ```ts
 * const format = choiceOption(context, 'format', ['pcm16', 'pcm24', 'float32'] as const) ?? 'pcm24';
 * ```
 */
export function choiceOption<T extends string>(context: CommandContext, name: string, choices: readonly T[]): T | undefined {
  const text = stringOption(context, name);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) throw usageError(`--${name} must be one of ${choices.join(', ')}, got "${text}"`);
  return text as T;
}
