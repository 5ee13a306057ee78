import { z } from 'zod';

/** The text of a numeric query parameter as a number (the last one when repeated); anything else as is. */
export const queryNumberValue = (value: unknown): unknown => {
  const v = Array.isArray(value) ? value.at(-1) : value;
  return typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
};

/**
 * A numeric query parameter: its text converted to a number, then validated by `schema`. Unlike
 * `z.coerce.number()`, a missing parameter stays missing (so OpenAPI marks it required unless `schema`
 * is optional or has a default) and an empty one is invalid rather than 0.
 *
 * @example
 * ```ts
 * z.object({ limit: queryNumber(z.number().int().min(1).max(200).default(50)) });
 * ```
 */
export function queryNumber<T extends z.ZodType>(schema: T) {
  return z.preprocess(queryNumberValue, schema);
}
