import type * as core from 'zod/v4/core';
import { classicSchema, type ClassicSchema } from './classic-schema';

const named = new WeakMap<core.$ZodType, core.$ZodType>();

/**
 * A domain package's own schema under a component name of the OpenAPI document (`#/components/schemas/<id>`),
 * made once per schema so that several servers in one process share it. The schema validates exactly as
 * the package's does (in zod classic's form, see {@link classicSchema}, whichever zod the package uses).
 *
 * @example
 * ```ts
 * const body = namedSchema(vajra.plugin('oracle').schemas.planInput, 'PlanSession');
 * ```
 */
export function namedSchema<T extends core.$ZodType>(schema: T, id: string): ClassicSchema<T> {
  let result = named.get(schema);
  if (result === undefined) {
    result = classicSchema(schema).meta({ id });
    named.set(schema, result);
  }
  return result as ClassicSchema<T>;
}
