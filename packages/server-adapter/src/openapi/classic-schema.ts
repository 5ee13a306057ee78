import * as z from 'zod';
import type * as core from 'zod/v4/core';

type Constructor = new (def: core.$ZodTypeDef) => z.ZodType;

/** The classic type of a schema: objects keep their shape (so `.extend`, `.partial` and `.shape` are typed). */
export type ClassicSchema<T extends core.$ZodType> = T extends z.ZodType
  ? T
  : T extends core.$ZodObject<infer Shape, infer Config>
    ? z.ZodObject<Shape, Config>
    : z.ZodType<core.output<T>, core.input<T>>;

const converted = new WeakMap<core.$ZodType, z.ZodType>();

const isSchema = (value: unknown): value is core.$ZodType => typeof value === 'object' && value !== null && '_zod' in value && typeof (value as core.$ZodType)._zod.def?.type === 'string';

/** The same definition with every nested schema in its classic form (`undefined` when nothing changed). */
function classicDefinition(def: core.$ZodTypeDef): core.$ZodTypeDef | undefined {
  let changed = false;
  const convert = (schema: core.$ZodType): z.ZodType => {
    const result = classicSchema(schema);
    if (result !== (schema as unknown)) changed = true;
    return result;
  };
  const next: Record<string, unknown> = { ...def };
  for (const [key, value] of Object.entries(def)) {
    if (isSchema(value)) next[key] = convert(value);
    else if (Array.isArray(value) && key !== 'checks' && value.some(isSchema)) next[key] = value.map((item) => (isSchema(item) ? convert(item) : item));
    else if (key === 'shape' && typeof value === 'object' && value !== null)
      next[key] = Object.fromEntries(Object.entries(value).map(([name, field]) => [name, isSchema(field) ? convert(field) : field]));
    else if (key === 'getter' && typeof value === 'function') {
      next[key] = () => classicSchema((value as () => core.$ZodType)());
      changed = true;
    }
  }
  return changed ? (next as unknown as core.$ZodTypeDef) : undefined;
}

/**
 * A schema in zod classic's form, for tools that call classic methods on every node (the OpenAPI
 * generator reads `.meta()`). The domain packages build their schemas with `zod/mini` so that browser
 * bundles stay small; mini and classic share zod's core, so the classic form made here from the same
 * definition (the same checks, transforms, defaults and metadata) validates exactly as the original.
 * Classic schemas without mini parts come back as they are; each schema is converted once.
 *
 * @example
 * ```ts
 * const body = classicSchema(vajra.plugin('audio').schemas.program).meta({ id: 'AudioProgram' });
 * ```
 */
export function classicSchema<T extends core.$ZodType>(schema: T): ClassicSchema<T> {
  const done = converted.get(schema);
  if (done !== undefined) return done as ClassicSchema<T>;
  const internals = schema._zod;
  const isClassic = internals.traits.has('ZodType');
  const def = classicDefinition(internals.def);
  let result: z.ZodType;
  if (isClassic && def === undefined) result = schema as unknown as z.ZodType;
  else {
    const name = (internals.constr as { name: string }).name.replace(/^ZodMini/, 'Zod');
    const Classic = (z as unknown as Record<string, Constructor | undefined>)[name];
    if (Classic === undefined) throw new Error(`classicSchema: zod classic has no ${name}`);
    result = new Classic(def ?? internals.def);
    const meta = z.globalRegistry.get(schema);
    if (meta !== undefined) z.globalRegistry.add(result, meta);
  }
  converted.set(schema, result);
  return result as ClassicSchema<T>;
}
