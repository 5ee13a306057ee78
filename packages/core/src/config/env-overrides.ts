import type * as z from 'zod/v4/core';
import { VajraError } from '../errors/vajra-error';

type Definition = { type: string; innerType?: z.$ZodType; shape?: Record<string, z.$ZodType>; in?: z.$ZodType };

const definitionOf = (schema: z.$ZodType): Definition => (schema as unknown as { def: Definition }).def;

/** Strip optional/default/nullable/pipe wrappers to reach the schema that decides the value's type. */
function unwrap(schema: z.$ZodType): z.$ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = definitionOf(current);
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) current = def.in;
    else break;
  }
  return current;
}

/**
 * The environment variable of a config path: `['sessions', 'maxDuration']` → `VAJRA_SESSIONS__MAX_DURATION`.
 *
 * @example
 * ```ts
 * envVariableName(['logLevel']); // 'VAJRA_LOG_LEVEL'
 * ```
 */
export const envVariableName = (path: string[]): string =>
  `VAJRA_${path
    .map((part) =>
      part
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/-/g, '_')
        .toUpperCase(),
    )
    .join('__')}`;

function coerce(raw: string, leaf: z.$ZodType, variable: string): unknown {
  const type = definitionOf(leaf).type;
  if (type === 'number' || type === 'int') {
    const value = Number(raw);
    if (raw.trim() === '' || Number.isNaN(value)) throw new VajraError('CONFIG_INVALID', `${variable}: expected a number, got "${raw}"`);
    return value;
  }
  if (type === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(raw)) return true;
    if (/^(false|0|no|off)$/i.test(raw)) return false;
    throw new VajraError('CONFIG_INVALID', `${variable}: expected true or false, got "${raw}"`);
  }
  if (type === 'array' || type === 'record' || type === 'object') {
    try {
      return JSON.parse(raw);
    } catch {
      throw new VajraError('CONFIG_INVALID', `${variable}: expected JSON, got "${raw}"`);
    }
  }
  return raw;
}

/**
 * Read the `VAJRA_*` variables that correspond to the leaves of `schema` (nested keys joined by `__`,
 * camelCase as SNAKE_CASE), coerced to each leaf's type. `prefix` is the path of the schema in the config.
 *
 * @example
 * ```ts
 * envOverrides(coreConfigSchema, process.env); // { sessions: { maxDuration: 600 } } for VAJRA_SESSIONS__MAX_DURATION=600
 * ```
 */
export function envOverrides(schema: z.$ZodType, env: Record<string, string | undefined>, prefix: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const shape = definitionOf(unwrap(schema)).shape;
  if (shape === undefined) return result;
  for (const [key, child] of Object.entries(shape)) {
    const path = [...prefix, key];
    const leaf = unwrap(child);
    if (definitionOf(leaf).type === 'object') {
      const nested = envOverrides(leaf, env, path);
      if (Object.keys(nested).length > 0) result[key] = nested;
      continue;
    }
    const variable = envVariableName(path);
    const raw = env[variable];
    if (raw !== undefined) result[key] = coerce(raw, leaf, variable);
  }
  return result;
}
