import { config, safeParse, type $ZodType, type output, type util } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

let english: ReturnType<typeof en> | undefined;

/**
 * `safeParse` for schemas of either zod flavour (classic or mini) with English messages. Classic zod
 * installs its English messages globally when imported; zod mini leaves that to the app, so unless the
 * app chose a locale or an error map of its own (`z.config(...)`), the messages here are zod's English.
 *
 * @example
 * ```ts
 * const result = safeParseInput(programSchema, json);
 * ```
 */
export function safeParseInput<S extends $ZodType>(schema: S, input: unknown): util.SafeParseResult<output<S>> {
  const { localeError, customError } = config();
  if (localeError !== undefined || customError !== undefined) return safeParse(schema, input);
  english ??= en();
  return safeParse(schema, input, { error: english.localeError });
}
