import type { $ZodType, output } from 'zod/v4/core';
import { VajraError } from '../errors/vajra-error';
import { safeParseInput } from '../validation/safe-parse-input';
import { envOverrides, envVariableName } from './env-overrides';

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Deep-merge plain objects; later sources win; arrays and scalars are replaced, not merged.
 *
 * @example
 * ```ts
 * mergeConfig({ a: { b: 1, c: 2 } }, { a: { c: 3 } }); // { a: { b: 1, c: 3 } }
 * ```
 */
export function mergeConfig(...sources: Array<Record<string, unknown> | undefined>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source ?? {})) {
      if (value === undefined) continue;
      const existing = result[key];
      result[key] = isPlainObject(existing) && isPlainObject(value) ? mergeConfig(existing, value) : value;
    }
  }
  return result;
}

/**
 * Resolve one config section: schema defaults < `VAJRA_*` environment < explicit options.
 * An invalid value throws `CONFIG_INVALID` naming the key (and the variable it came from) and the reason.
 *
 * @example
 * ```ts
 * const config = resolveConfig(coreConfigSchema, { logLevel: 'debug' }, process.env);
 * ```
 */
export function resolveConfig<S extends $ZodType>(schema: S, explicit: unknown, env: Record<string, string | undefined>, prefix: string[] = []): output<S> {
  const fromEnv = envOverrides(schema, env, prefix);
  const merged = mergeConfig(fromEnv, isPlainObject(explicit) ? explicit : undefined);
  const result = safeParseInput(schema, merged);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    const key = path.join('.') || '(root)';
    const explicitValue = path.slice(prefix.length).reduce<unknown>((node, part) => (isPlainObject(node) ? node[part] : undefined), explicit);
    const source = explicitValue === undefined && path.length > 0 ? ` (from ${envVariableName(path)})` : '';
    return { key, message: issue.message, source };
  });
  const summary = problems.map((p) => `${p.key}${p.source}: ${p.message}`).join('; ');
  throw new VajraError('CONFIG_INVALID', `Invalid configuration: ${summary}`, {
    details: { issues: problems.map(({ key, message }) => ({ key, message })) },
  });
}
