import { parseInput } from '@vajra-stream/core';
import type { z } from 'zod';
import { queryNumberValue } from './query-number';

/** A query's parameters by name (a repeated one as a list), as `URLSearchParams` reads them. */
export type QueryRecord = Record<string, string | string[]>;

type Raw = string | string[] | undefined;
/** A field's answer: its value, {@link ABSENT} (the key stays out of the result) or {@link UNDECIDED} (zod decides). */
type FieldParser = (raw: Raw) => unknown;
const ABSENT = Symbol('absent');
/** What the fast path of {@link compileQuery} answers for a query it leaves to zod. */
export const UNDECIDED = Symbol('undecided');

interface Def {
  type: string;
  [key: string]: unknown;
}
interface Check {
  check: string;
  format?: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => ((def.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Characters `URLSearchParams` gives back as they are: printable ASCII but `%` (escapes) and `+` (a space). */
const PLAIN_QUERY = /^\?[ !"#$&-*,-~]*$/;
/** Number texts that `Number` reads the same whatever the surrounding whitespace rules: plain decimals. */
const DECIMAL = /^-?\d{1,300}(\.\d{1,300})?$/;

/**
 * The parameters of `search` (a URL's query, with its leading `?`, or `''`): split by hand when nothing in
 * it needs decoding, by `URLSearchParams` otherwise.
 *
 * @example
 * ```ts
 * queryObject('?limit=20&status=running&status=paused'); // { limit: '20', status: ['running', 'paused'] }
 * ```
 */
export function queryObject(search: string): QueryRecord {
  const out: QueryRecord = {};
  if (search === '') return out;
  if (PLAIN_QUERY.test(search)) {
    let start = 1;
    while (start <= search.length) {
      let end = search.indexOf('&', start);
      if (end < 0) end = search.length;
      if (end > start) {
        const eq = search.indexOf('=', start);
        if (eq < 0 || eq > end) add(out, search.slice(start, end), '');
        else add(out, search.slice(start, eq), search.slice(eq + 1, end));
      }
      start = end + 1;
    }
    return out;
  }
  for (const [key, value] of new URLSearchParams(search)) add(out, key, value);
  return out;
}

function add(out: QueryRecord, key: string, value: string): void {
  const prior = Object.hasOwn(out, key) ? out[key] : undefined; // not an inherited `constructor`
  out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
}

/**
 * The parser of a route's query schema: `search` → its validated value, or a `VALIDATION_FAILED` (422)
 * error. Fields of the usual kinds (`queryNumber` with integer and range checks, enums, strings with
 * length limits, optional and default wrappers) are read without zod when they are valid; whatever the
 * fast path does not accept as it is (an invalid value, another kind of schema) goes to zod, so errors
 * and unusual schemas behave exactly as `parseInput(schema, queryObject(search), 'query')`.
 *
 * @example
 * ```ts
 * const parse = createQueryParser(z.object({ limit: queryNumber(z.number().int().min(1).max(200).default(50)) }));
 * parse('?limit=20'); // { limit: 20 }
 * parse('?limit=0'); // throws VALIDATION_FAILED: "Invalid query: limit: …", as zod words it
 * ```
 */
export function createQueryParser(schema: z.ZodType): (search: string) => unknown {
  const fast = compileQuery(schema);
  return (search) => {
    const raw = queryObject(search);
    if (fast !== undefined) {
      const value = fast(raw);
      if (value !== UNDECIDED) return value;
    }
    return parseInput(schema, raw, 'query');
  };
}

/**
 * The fast path of {@link createQueryParser}: a function that answers the value of a query record zod
 * would accept as it is, or {@link UNDECIDED}; `undefined` for a schema it cannot read (zod reads all).
 *
 * @example
 * ```ts
 * const fast = compileQuery(z.object({ limit: queryNumber(z.number().int().min(1).max(200).default(50)) }));
 * fast?.({ limit: '20' }); // { limit: 20 }
 * fast?.({ limit: '0' }); // UNDECIDED: zod words the error
 * ```
 */
export function compileQuery(schema: z.ZodType): ((raw: QueryRecord) => unknown) | undefined {
  const def = defOf(schema);
  if (def.type !== 'object' || checksOf(def).length > 0) return undefined;
  const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
  if (catchall !== undefined && catchall !== 'never') return undefined; // a loose object keeps unknown keys
  const shape = def.shape as Record<string, unknown>;
  const keys = Object.keys(shape);
  const fields = keys.map((key) => {
    const field = defOf(shape[key]);
    return compileField(field) ?? ((raw: Raw) => (raw === undefined && field.type === 'optional' ? ABSENT : UNDECIDED));
  });
  const strict = catchall === 'never';
  return (raw) => {
    if (strict) for (const key in raw) if (!Object.hasOwn(shape, key)) return UNDECIDED;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      const own = Object.hasOwn(raw, key);
      if (!own && key in raw) return UNDECIDED; // an inherited name (`constructor`): zod sees it as present
      const value = fields[i]!(own ? raw[key] : undefined);
      if (value === UNDECIDED) return UNDECIDED;
      if (value !== ABSENT) out[key] = value;
    }
    return out;
  };
}

function compileField(def: Def): FieldParser | undefined {
  switch (def.type) {
    case 'optional': {
      const inner = compileField(defOf(def.innerType));
      return (raw) => (raw === undefined ? ABSENT : inner === undefined ? UNDECIDED : inner(raw));
    }
    case 'default': {
      const inner = compileField(defOf(def.innerType));
      if (inner === undefined) return undefined;
      return (raw) => (raw === undefined ? defaultOf(def) : inner(raw));
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (raw) => (typeof raw === 'string' && values.has(raw) ? raw : UNDECIDED);
    }
    case 'string':
      return compileString(def);
    case 'pipe':
      return defOf(def.in).type === 'transform' && defOf(def.in).transform === queryNumberValue ? compileQueryNumber(defOf(def.out)) : undefined;
    default:
      return undefined;
  }
}

/** The default of a `.default()` (read each time, as zod does: it may be a getter). */
function defaultOf(def: Def): unknown {
  const value = def.defaultValue;
  return value === undefined || (typeof value === 'object' && value !== null) ? UNDECIDED : value;
}

function compileString(def: Def): FieldParser | undefined {
  if (def.coerce === true) return undefined;
  const tests: ((value: string) => boolean)[] = [];
  for (const check of checksOf(def)) {
    if (check.check === 'min_length' && typeof check.minimum === 'number') tests.push((v) => v.length >= check.minimum!);
    else if (check.check === 'max_length' && typeof check.maximum === 'number') tests.push((v) => v.length <= check.maximum!);
    else return undefined;
  }
  return (raw) => (typeof raw === 'string' && tests.every((test) => test(raw)) ? raw : UNDECIDED);
}

/** The part of `queryNumber(schema)` after its text-to-number step: `schema` itself. */
function compileQueryNumber(def: Def): FieldParser | undefined {
  const wrapper = def.type === 'optional' || def.type === 'default' ? def : undefined;
  const number = wrapper === undefined ? compileNumber(def) : compileNumber(defOf(def.innerType));
  if (number === undefined) return undefined;
  return (raw) => {
    const text = Array.isArray(raw) ? raw.at(-1) : raw;
    if (text === undefined) return wrapper === undefined ? UNDECIDED : wrapper.type === 'optional' ? ABSENT : defaultOf(wrapper);
    return number(text);
  };
}

function compileNumber(def: Def): ((text: string) => unknown) | undefined {
  if (def.type !== 'number' || def.coerce === true) return undefined;
  const tests: ((value: number) => boolean)[] = [];
  for (const check of checksOf(def)) {
    const bound = check.value;
    if (check.check === 'number_format' && check.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (check.check === 'greater_than' && typeof bound === 'number') tests.push(check.inclusive === true ? (v) => v >= bound : (v) => v > bound);
    else if (check.check === 'less_than' && typeof bound === 'number') tests.push(check.inclusive === true ? (v) => v <= bound : (v) => v < bound);
    else return undefined;
  }
  return (text) => {
    if (!DECIMAL.test(text)) return UNDECIDED;
    const value = Number(text);
    return Number.isFinite(value) && tests.every((test) => test(value)) ? value : UNDECIDED;
  };
}
