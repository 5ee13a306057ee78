import { z } from 'zod';
import { queryNumberValue } from '../routing/query-number';

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; options?: readonly z.ZodType[] };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

function baseOf(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (['optional', 'default', 'nullable', 'prefault'].includes(defOf(current).type)) current = defOf(current).innerType!;
  return current;
}

const single = (value: unknown) => (Array.isArray(value) ? value.at(-1) : value);
const toBoolean = (value: unknown) => {
  const v = single(value);
  return v === 'true' || v === '1' || v === '' ? true : v === 'false' || v === '0' ? false : v;
};
const toList = (value: unknown) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value]
        .flat()
        .flatMap((item) => String(item).split(','))
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** The query-string form of one field: strings converted to its type; `undefined` when a query cannot carry it (objects). */
function queryField(field: z.ZodType): z.ZodType | undefined {
  const base = baseOf(field);
  const type = defOf(base).type;
  if (type === 'number') return z.preprocess(queryNumberValue, field);
  if (type === 'boolean') return z.preprocess(toBoolean, field);
  if (type === 'string' || type === 'enum') return z.preprocess(single, field);
  if (type === 'array' && ['string', 'enum'].includes(defOf(baseOf(defOf(base).element!)).type)) return z.preprocess(toList, field);
  if (type === 'union') {
    // a theme: names only in a query string
    const named = defOf(base).options!.find((option) => defOf(option).type === 'enum');
    return named === undefined ? undefined : z.preprocess(single, named.optional());
  }
  return undefined;
}

/**
 * A query-string schema from a JSON request schema of the visuals package: numbers, booleans, enums
 * and comma-separated lists are converted from text, then validated by the package's own field schemas
 * (so limits and defaults stay in one place and appear in OpenAPI); object-valued options are left to
 * the POST form.
 */
export function queryVersion(schema: z.ZodObject<z.ZodRawShape>): z.ZodObject<z.ZodRawShape> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const converted = queryField(field as z.ZodType);
    if (converted !== undefined) shape[name] = converted;
  }
  return z.object(shape).strict();
}

function quality(accept: string, type: string): number {
  let best = -1;
  let value = 0;
  for (const part of accept.split(',')) {
    const [range = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = Number(
      parameters
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2) ?? '1',
    );
    const specificity = range === type ? 2 : range === `${type.split('/')[0]}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity > best) [best, value] = [specificity, Number.isFinite(q) ? q : 0];
  }
  return value;
}

/**
 * The picture format to answer an `Accept` header with: `svg` unless it prefers `image/png` (and PNG can
 * be made here); `null` when nothing it accepts can be made.
 *
 * @example
 * ```ts
 * preferredImageType('image/png', true); // 'png'
 * preferredImageType('text/html,*\/*;q=0.8', true); // 'svg'
 * preferredImageType('image/png', false); // null (406)
 * ```
 */
export function preferredImageType(accept: string | null, pngAvailable: boolean): 'svg' | 'png' | null {
  if (accept === null || accept.trim() === '') return 'svg';
  const svg = quality(accept, 'image/svg+xml');
  const png = pngAvailable ? quality(accept, 'image/png') : 0;
  if (svg <= 0 && png <= 0) return null;
  return png > svg ? 'png' : 'svg';
}
