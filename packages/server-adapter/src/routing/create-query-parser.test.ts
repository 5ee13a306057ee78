import { VajraError, parseInput } from '@vajra-stream/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hardwareRoutes } from '../routes/hardware-routes';
import { prayerRoutes } from '../routes/prayer-routes';
import { sessionRoutes } from '../routes/session-routes';
import { UNDECIDED, compileQuery, createQueryParser, queryObject } from './create-query-parser';
import { queryNumber } from './query-number';

/** The truth: every parameter read by `URLSearchParams`, the record validated by zod through `parseInput`. */
function reference(schema: z.ZodType, search: string): unknown {
  const record = searchParams(search);
  return outcome(() => parseInput(schema, record, 'query'));
}

/** The parameters `URLSearchParams` reads, by name (a repeated one as a list). */
function searchParams(search: string): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const prior = Object.hasOwn(record, key) ? record[key] : undefined;
    record[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return record;
}

/**
 * A value as its list of entries (the key order counts, and a key named `constructor` compares as data), or
 * the error as a client sees it (code, status, message, details).
 */
function outcome(parse: () => unknown): unknown {
  try {
    const value = parse();
    return { entries: typeof value === 'object' && value !== null ? Object.entries(value) : value };
  } catch (error) {
    if (!(error instanceof VajraError)) throw error;
    return { code: error.code, status: error.status, message: error.message, details: error.details };
  }
}

const VALUES = ['', '0', '1', '20', '50', '200', '201', '-1', '-0', '-840', '-841', '1.5', '1e2', ' 5', '5 ', '0x10', '007', 'abc', 'asc', 'desc', 'running', 'running,paused', 'spinning'];
const MORE = ['Infinity', '9'.repeat(20), '9'.repeat(400), 'a'.repeat(64), 'a'.repeat(65), '%32%30', '+5', '5%20', 'h%C3%A9', 'é', '1&', '=', '=='];

function searches(names: string[]): string[] {
  const all = [...names, 'other', 'constructor', '__proto__', 'toString'];
  const out = ['', '?', '?&', '?&&', '?=', '?=1', '??limit=1'];
  for (const name of all) {
    out.push(`?${name}`, `?${name}=`);
    for (const value of [...VALUES, ...MORE]) out.push(`?${name}=${value}`);
    out.push(`?${name}=1&${name}=2`, `?${name}=abc&${name}=2`, `?${name}=2&${name}=abc`, `?${name}=asc&${name}=desc`);
  }
  for (const a of names) for (const b of all) if (a !== b) for (const value of ['1', '20', 'desc', 'abc', '']) out.push(`?${a}=${value}&${b}=${value}`, `?${a}=20&&${b}=0&`);
  return out;
}

const queryOf = (routes: { method: string; path: string; query?: z.ZodType }[], method: string, path: string): z.ZodType => {
  const query = routes.find((r) => r.method === method && r.path === path)?.query;
  if (query === undefined) throw new Error(`no query schema on ${method} ${path}`);
  return query;
};

const SCHEMAS: Record<string, z.ZodType> = {
  'GET /api/v1/sessions': queryOf(sessionRoutes(), 'GET', '/api/v1/sessions'),
  'GET /api/v1/prayers/wheels': queryOf(prayerRoutes(), 'GET', '/api/v1/prayers/wheels'),
  'GET /api/v1/hardware/rng (strict)': queryOf(hardwareRoutes({}), 'GET', '/api/v1/hardware/rng'),
  'required numbers, optional number': z.object({ lat: queryNumber(z.number().min(-90).max(90)), n: queryNumber(z.number().int().gt(0).lt(10)), off: queryNumber(z.number().int().optional()) }),
  'strings, enums, defaults': z.object({ name: z.string().min(1).max(64), tag: z.string().optional(), order: z.enum(['asc', 'desc']).default('desc'), kind: z.enum(['a', 'b']).optional() }),
  'loose object': z.looseObject({ limit: queryNumber(z.number().int().default(5)) }),
  'refined object': z.object({ limit: queryNumber(z.number().int().default(5)) }).refine((q) => q.limit !== 7, 'not 7'),
  'coerced and refined fields': z.object({ a: z.coerce.number().optional(), b: z.string().regex(/^x/).optional(), c: queryNumber(z.number().refine((n) => n !== 3)).optional() }),
};

describe('createQueryParser', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`answers as URLSearchParams + zod do, values and errors alike: ${name}`, () => {
      const parse = createQueryParser(schema);
      const names = Object.keys((schema as z.ZodObject<z.ZodRawShape>).shape ?? {});
      const cases = searches(names.length > 0 ? names : ['limit']);
      expect(cases.length).toBeGreaterThan(250);
      for (const search of cases)
        expect(
          outcome(() => parse(search)),
          search,
        ).toStrictEqual(reference(schema, search));
    });
  }

  it('reads valid usual queries without zod, bounds included', () => {
    const valid: Record<string, string[]> = {
      'GET /api/v1/sessions': ['', '?limit=20', '?limit=1&offset=0&order=asc', '?limit=200&offset=1000000000', '?order=desc&other=x', '?limit=5&limit=20'],
      'GET /api/v1/prayers/wheels': ['?status=spinning&sessionId=ses_1&limit=20', '?sessionId=&offset=3'],
      'GET /api/v1/hardware/rng (strict)': ['?device=rng-1&windows=0', '?windows=1000'],
      'required numbers, optional number': ['?lat=-90&n=1', '?lat=90.0&n=9&off=-3', '?lat=0.5&n=5&off=0'],
      'strings, enums, defaults': ['?name=a', `?name=${'a'.repeat(64)}&tag=&order=asc&kind=b`],
    };
    for (const [name, searches] of Object.entries(valid)) {
      const fast = compileQuery(SCHEMAS[name]!);
      expect(fast, name).toBeDefined();
      for (const search of searches) {
        const value = fast!(queryObject(search));
        expect(value, `${name} ${search}`).not.toBe(UNDECIDED);
        expect({ entries: Object.entries(value as object) }).toStrictEqual(reference(SCHEMAS[name]!, search));
      }
    }
    for (const name of ['loose object', 'refined object']) expect(compileQuery(SCHEMAS[name]!), name).toBeUndefined();
  });
});

describe('queryObject', () => {
  it('reads every query as URLSearchParams does', () => {
    const cases = [...searches(['limit', 'status']), '?a=1&a=2&a=3', '?a=b=c', '?a+b=c+d', '?%zz=%4', '?a=%F0%9F%99%8F', '?\u00e9=\u00e8', '?a=\ud800', '?a=1#frag', "?a='1'&b=(2)&c=*;:@/?"];
    for (const search of cases) expect(Object.entries(queryObject(search)), search).toStrictEqual(Object.entries(searchParams(search)));
  });
});
