// The served OpenAPI document against Redocly's `recommended` ruleset (an independent linter), and the
// promises the issue names that a linter does not check: typed success bodies, instants, closed sets,
// required query parameters.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { Vajra } from '@vajra-stream/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { serve } from '../src/node/index';
import { startEveryPlugin } from './every-plugin';
import { call } from './harness';

type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Record<string, unknown> }>;
  requestBody?: { required?: boolean };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> }; servers?: unknown[] };

const operations = (doc: Document) => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ where: `${method.toUpperCase()} ${path}`, operation })));

describe('the OpenAPI document', () => {
  let vajra: Vajra;
  let url: string;
  let close: () => Promise<void>;
  let doc: Document;
  beforeAll(async () => {
    vajra = await startEveryPlugin();
    const listening = await serve(createServer(vajra), { port: 0, hostname: '127.0.0.1' });
    url = listening.url;
    close = listening.close;
    doc = (await call(url, 'GET', '/openapi.json')).body;
  });
  afterAll(async () => {
    await close?.();
    await vajra?.stop();
  });

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: `${url}/openapi.json`, config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`)).toEqual([]);
  }, 60_000);

  it('names every operation once, states its security and documents its 4xx answers', () => {
    const all = operations(doc);
    expect(all.length).toBeGreaterThan(70);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, operation } of all) {
      expect(Array.isArray(operation.security), where).toBe(true);
      expect(
        Object.keys(operation.responses).some((status) => /^4\d\d$/.test(status)),
        where,
      ).toBe(true);
    }
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    const byId = Object.fromEntries(all.map(({ operation }) => [operation.operationId, operation]));
    expect(byId.getHealth!.security).toEqual([]);
    expect(byId.postSessions!.security).toEqual([{ bearer: [] }]);
    expect(byId.postSessions!.requestBody!.required).toBe(true);
    expect(byId.getSessionsById!.responses['404']).toBeDefined();
    expect(byId.getSessions!.responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    expect(byId.getHealth!.responses['429']).toBeUndefined();
    expect(byId.getOpenapiJson!.responses['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/OpenApiDocument' });
  });

  it('types every success body (no schema that allows anything)', () => {
    for (const { where, operation } of operations(doc)) {
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect(success.length, where).toBe(1);
      for (const [type, { schema }] of Object.entries(success[0]![1].content ?? {})) {
        expect(schema, `${where} ${type}`).toBeDefined();
        expect(Object.keys(schema!).length, `${where} ${type}`).toBeGreaterThan(0);
      }
    }
  });

  it('marks instants as date-time, lists house systems, and requires the place where none is configured', async () => {
    const { schemas } = doc.components;
    for (const field of ['createdAt', 'updatedAt', 'startedAt']) expect(JSON.stringify(schemas.Session!.properties![field])).toContain('"format":"date-time"');
    expect(JSON.stringify(schemas.Wheel!.properties!.createdAt)).toContain('"format":"date-time"');
    expect(JSON.stringify(schemas.AstrologyChart!.properties!.date)).toContain('"format":"date-time"');
    const chart = doc.paths['/api/v1/astrology/chart']!.get!;
    const parameter = (name: string) => chart.parameters!.find((p) => p.name === name)!;
    expect(parameter('houseSystem').schema.enum).toEqual(['placidus', 'koch', 'porphyry', 'regiomontanus', 'campanus', 'equal', 'whole-sign']);
    expect(parameter('latitude').required).toBe(true);
    expect(parameter('latitude').schema.type).toBe('number');
    expect(parameter('date').required).toBe(false);
    const limit = doc.paths['/api/v1/sessions']!.get!.parameters!.find((p) => p.name === 'limit')!;
    expect(limit).toMatchObject({ required: false, schema: { type: 'integer', default: 50 } });

    const placed = await startEveryPlugin({ latitude: 27.7, longitude: 85.3 });
    try {
      const document = createServer(placed).openapi() as Document;
      const latitude = document.paths['/api/v1/astrology/sun']!.get!.parameters!.find((p) => p.name === 'latitude')!;
      expect(latitude.required).toBe(false);
    } finally {
      await placed.stop();
    }
  });
});
