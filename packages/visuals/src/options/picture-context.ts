import type { z } from 'zod';
import { parseInput } from '@vajra-stream/core';
import { hashToken } from '../random/hash-string';
import { resolveTheme, type ThemeInput } from '../theme/resolve-theme';
import type { Theme } from '../theme/themes';

/** Parsed common options plus what every builder needs. */
export interface PictureContext<O> {
  options: O;
  theme: Theme;
  idPrefix: string;
}

/**
 * Validate a picture's options (422 `VALIDATION_FAILED` naming each bad field) and derive its theme and
 * a deterministic id prefix from the picture kind and the parsed options.
 *
 * @example
 * ```ts
 * const { options, theme, idPrefix } = pictureContext('seed-of-life', seedOfLifeOptionsSchema, input);
 * ```
 */
export function pictureContext<S extends z.ZodType>(kind: string, schema: S, input: unknown, extraKey = ''): PictureContext<z.output<S>> {
  const options = parseInput(schema, input ?? {}, `${kind} options`) as z.output<S> & { theme?: ThemeInput; idPrefix?: string };
  const idPrefix = options.idPrefix ?? `${kind}-${hashToken(`${kind}${JSON.stringify(options)}${extraKey}`)}`;
  return { options, theme: resolveTheme(options.theme), idPrefix };
}
