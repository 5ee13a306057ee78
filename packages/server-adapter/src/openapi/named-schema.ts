import type { z } from 'zod';

const named = new WeakMap<z.ZodType, z.ZodType>();

/**
 * A domain package's own schema under a component name of the OpenAPI document (`#/components/schemas/<id>`),
 * made once per schema so that several servers in one process share it. The schema validates exactly as
 * the package's does.
 *
 * @example
 * ```ts
 * const body = namedSchema(vajra.plugin('oracle').schemas.planInput, 'PlanSession');
 * ```
 */
export function namedSchema<T extends z.ZodType>(schema: T, id: string): T {
  let result = named.get(schema);
  if (result === undefined) {
    result = schema.meta({ id });
    named.set(schema, result);
  }
  return result as T;
}
