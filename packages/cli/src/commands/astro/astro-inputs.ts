import type { GeoLocation } from '@vajra-stream/astrology';
import type { CommandContext, OptionSpec } from '../../command/define-command';
import { numberOption } from '../../command/option-values';
import { usageError } from '../../command/usage-error';

/** `--date`, shared by every astro command. */
export const dateOptions: Record<string, OptionSpec> = {
  date: { type: 'string', value: '<ISO 8601>', description: 'the instant (default: now), e.g. 2024-04-23T23:49:00Z' },
};

/** `--latitude` / `--longitude`, for the commands that depend on the place. */
export const locationOptions: Record<string, OptionSpec> = {
  latitude: { type: 'string', value: '<degrees>', description: 'north positive (default: $VAJRA_LATITUDE)' },
  longitude: { type: 'string', value: '<degrees>', description: 'east positive (default: $VAJRA_LONGITUDE)' },
};

/**
 * The instant asked for: `--date` or now. A malformed date is refused by the astrology package
 * (`VALIDATION_FAILED`).
 *
 * @example
 * ```ts
 * const date = dateOf(context); // '2024-04-23T23:49:00Z'
 * ```
 */
export function dateOf(context: CommandContext): string {
  const given = context.options.date;
  return typeof given === 'string' ? given : new Date().toISOString();
}

function coordinate(context: CommandContext, name: 'latitude' | 'longitude'): number {
  const limit = name === 'latitude' ? 90 : 180;
  const variable = `VAJRA_${name.toUpperCase()}`;
  const fromFlag = numberOption(context, name, { min: -limit, max: limit });
  if (fromFlag !== undefined) return fromFlag;
  const text = context.env[variable];
  if (text === undefined || text === '') throw usageError(`${context.commandPath} needs --${name} (or ${variable})`);
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw usageError(`${variable} must be a number between -${limit} and ${limit}, got "${text}"`);
  return value;
}

/**
 * The place asked for, from `--latitude`/`--longitude` or `VAJRA_LATITUDE`/`VAJRA_LONGITUDE`.
 *
 * @example
 * ```ts
 * const { latitude, longitude } = locationOf(context);
 * ```
 */
export function locationOf(context: CommandContext): GeoLocation {
  return { latitude: coordinate(context, 'latitude'), longitude: coordinate(context, 'longitude') };
}
