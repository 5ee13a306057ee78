// Every operation of the served OpenAPI document, driven over real HTTP on 127.0.0.1 through each adapter
// (node, Express, Fastify, Hono) with every plugin, credentials always required): each answer's status, content type and body are checked
// against the document itself with ajv (JSON Schema 2020-12, as OpenAPI 3.1) and ajv-formats. The
// operations are read from the document, so a route without fixtures fails here.
import type { Vajra } from '@vajra-stream/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { adapters } from './adapters';
import { exchange } from './exchange';
import { startEveryPlugin } from './every-plugin';
import { fixtures, KEYS, type FixtureCase, type FixtureContext, type FixtureRequest } from './openapi-fixtures';
import { createConformance, operationsOf, type DocumentedOperation } from './openapi-conformance';

describe.each(adapters)('every operation answers as the OpenAPI document says ($name)', (adapter) => {
  let vajra: Vajra;
  let url: string;
  let close: () => Promise<void>;
  let operations: Map<string, DocumentedOperation>;
  let conforms: ReturnType<typeof createConformance>;
  let context: FixtureContext;

  beforeAll(async () => {
    vajra = await startEveryPlugin();
    const server = createServer(vajra, {
      rateLimit: false,
      auth: {
        require: 'always',
        apiKeys: [
          { name: 'pema', key: KEYS.user },
          { name: 'tenzin', key: KEYS.other },
          { name: 'lama', key: KEYS.admin, scopes: ['admin'] },
        ],
      },
    });
    const listening = await adapter.start(server);
    url = listening.url;
    close = listening.close;
    const doc = (await (await fetch(`${url}/openapi.json`, { headers: { authorization: `Bearer ${KEYS.user}` } })).json()) as Parameters<typeof operationsOf>[0] & Record<string, unknown>;
    operations = new Map(operationsOf(doc).map((operation) => [operation.operationId, operation]));
    conforms = createConformance(doc);
    const send = async (method: string, path: string, body?: unknown, token: string = KEYS.user) => {
      const response = await fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`preparing ${method} ${path}: ${response.status} ${text}`);
      return JSON.parse(text) as unknown;
    };
    context = {
      send,
      async session(start = false) {
        const { id } = (await send('POST', '/api/v1/sessions', { intention: 'peace', duration: 600 })) as { id: string };
        if (start) await send('POST', `/api/v1/sessions/${id}/start`);
        return id;
      },
      async wheel() {
        return ((await send('POST', '/api/v1/prayers/wheels', { mantra: 'green-tara', copiesPerRotation: 1, rpm: 1 })) as { id: string }).id;
      },
    };
  });
  afterAll(async () => {
    await close?.();
    await vajra?.stop();
  });

  it('refuses answers and requests the document does not allow (the checkers can fail)', () => {
    const health = operations.get('getHealth')!;
    const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    expect(conforms.answer(health, { status: 200, contentType: 'application/json; charset=utf-8', bytes: json({ status: 'ok', kernel: 'running' }) })).toEqual([]);
    expect(conforms.answer(health, { status: 200, contentType: 'application/json', bytes: json({ status: 'fine', kernel: 'running' }) })).not.toEqual([]);
    expect(conforms.answer(health, { status: 200, contentType: 'text/plain', bytes: json({ status: 'ok', kernel: 'running' }) })).not.toEqual([]);
    expect(conforms.answer(health, { status: 418, contentType: 'application/problem+json', bytes: json({}) })).not.toEqual([]);
    const problem = { type: 'urn:x', title: 'Unauthorized', status: 401, detail: 'no', code: 'UNAUTHENTICATED' };
    expect(conforms.answer(health, { status: 401, contentType: 'application/problem+json', bytes: json(problem) })).toEqual([]);
    expect(conforms.answer(health, { status: 401, contentType: 'application/problem+json', bytes: json({ ...problem, code: undefined }) })).not.toEqual([]);
    const session = operations.get('getSessionsById')!;
    expect(conforms.answer(session, { status: 404, contentType: 'application/problem+json', bytes: json(problem) })).toEqual([]);
    const chart = operations.get('getAstrologyChart')!;
    expect(conforms.request(chart, { query: { latitude: '27.7', longitude: '85.3', houseSystem: 'koch' } })).toEqual([]);
    expect(conforms.request(chart, { query: { latitude: '27.7' } })).not.toEqual([]);
    expect(conforms.request(chart, { query: { latitude: '27.7', longitude: '85.3', houseSystem: 'topocentric' } })).not.toEqual([]);
    expect(conforms.request(chart, { query: { latitude: '27.7', longitude: '85.3', colour: 'red' } })).not.toEqual([]);
    const create = operations.get('postSessions')!;
    expect(conforms.request(create, { body: { intention: 'peace', duration: 600 } })).toEqual([]);
    expect(conforms.request(create, { body: { intention: 'peace', duration: 'long' } })).not.toEqual([]);
  });

  it('has fixtures for exactly the documented operations', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...operations.keys()].sort());
  });

  async function drive(operation: DocumentedOperation, request: FixtureRequest) {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? `missing-${name}`));
    const query = new URLSearchParams(request.query ?? {}).toString();
    const headers: Record<string, string> = {};
    if (request.token !== null) headers.authorization = `Bearer ${request.token ?? KEYS.user}`;
    if (operation.method !== 'GET' && operation.method !== 'DELETE') headers['content-type'] = 'application/json';
    Object.assign(headers, request.headers);
    const body = request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    return exchange(`${url}${path}${query === '' ? '' : `?${query}`}`, operation.method, headers, body);
  }

  it.each(Object.entries(fixtures))('%s', async (operationId, cases: FixtureCase[]) => {
    const operation = operations.get(operationId);
    expect(operation, `${operationId} is not in the document`).toBeDefined();
    const declared = Object.keys(operation!.responses);
    expect(
      cases.some((c) => c.status < 300),
      'a success case',
    ).toBe(true);
    if (declared.some((status) => status.startsWith('4')))
      expect(
        cases.some((c) => c.status >= 400 && c.status < 500),
        'a 4xx case',
      ).toBe(true);
    for (const fixture of cases) {
      const request = (await fixture.request?.(context)) ?? {};
      if (fixture.status < 300) expect(conforms.request(operation!, request), `${operation!.operationId} (${fixture.name}) sends what the document allows`).toEqual([]);
      const answer = await drive(operation!, request);
      const shown = `${operation!.method} ${operation!.path} (${fixture.name}): ${new TextDecoder().decode(answer.bytes.subarray(0, 300))}`;
      expect(answer.status, shown).toBe(fixture.status);
      expect(conforms.answer(operation!, answer), shown).toEqual([]);
    }
  });
});

describe('a rate-limited server documents and answers 429 as a problem', () => {
  it('429 conforms where documented; /health and /ready document none and are never limited', async () => {
    const vajra = await startEveryPlugin();
    const server = createServer(vajra, { rateLimit: { max: 3, windowMs: 60_000 } });
    const listening = await adapters[0]!.start(server);
    try {
      const doc = server.openapi() as Parameters<typeof operationsOf>[0] & Record<string, unknown>;
      const operations = new Map(operationsOf(doc).map((operation) => [operation.operationId, operation]));
      const conforms = createConformance(doc);
      expect(Object.keys(operations.get('getPrayersMantras')!.responses)).toContain('429');
      expect(Object.keys(operations.get('getHealth')!.responses)).not.toContain('429');
      expect(Object.keys(operations.get('getReady')!.responses)).not.toContain('429');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const answer = await exchange(`${listening.url}/api/v1/prayers/mantras`, 'GET', {});
        statuses.push(answer.status);
        expect(conforms.answer(operations.get('getPrayersMantras')!, answer)).toEqual([]);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      for (let i = 0; i < 5; i++) expect((await exchange(`${listening.url}/health`, 'GET', {})).status).toBe(200);
    } finally {
      await listening.close();
      server.close();
      await vajra.stop();
    }
  });
});
