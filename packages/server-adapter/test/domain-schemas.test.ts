// The audio, llm and astrology routes validate with the audio, oracle and astrology packages' own schemas: what those
// packages accept is what the API accepts, the OpenAPI document shows the same limits, and an input
// beyond them is a 422 naming the field (never a 5xx).
import { astrologyPlugin, HOUSE_SYSTEMS, windowSearchSchema } from '@vajra-stream/astrology';
import { audioPlugin, programSchema } from '@vajra-stream/audio';
import { generateInputSchema, oraclePlugin, planInputSchema } from '@vajra-stream/oracle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeAdapter } from './adapters';
import { call, startServer } from './harness';
import { connect } from './ws-client';

describe('routes reuse the domain packages’ schemas', () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await startServer(nodeAdapter, {}, [audioPlugin({}), oraclePlugin(), astrologyPlugin()]));
  });
  afterAll(() => close?.());

  it('documents the oracle’s and the audio program’s own limits', async () => {
    const doc = (await call(url, 'GET', '/openapi.json')).body;
    const schemas = doc.components.schemas;
    const own = (schema: z.core.$ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown>; required?: string[] };
    expect(Object.keys(schemas.PlanSession.properties).sort()).toEqual(Object.keys(own(planInputSchema).properties).sort());
    expect(schemas.PlanSession.properties.duration).toMatchObject({ maximum: 24 * 3600 });
    expect(schemas.PlanSession.required).toEqual(own(planInputSchema).required);
    expect(Object.keys(schemas.GenerateText.properties).sort()).toEqual(Object.keys(own(generateInputSchema).properties).sort());
    expect(Object.keys(schemas.GenerateAudio.properties.program.properties).sort()).toEqual(Object.keys(own(programSchema).properties).sort());
  });

  it('plans up to the oracle’s maximum and refuses more with a 422 naming the field', async () => {
    const longest = await call(url, 'POST', '/api/v1/llm/plan', { body: { intention: 'peace', duration: 24 * 3600 } });
    expect(longest.status).toBe(200);
    expect(longest.body.duration).toBe(24 * 3600);
    const tooLong = await call(url, 'POST', '/api/v1/llm/plan', { body: { intention: 'peace', duration: 24 * 3600 + 1 } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(tooLong.body.details)).toContain('duration');
    // the retired `minutes` field is refused, not ignored
    expect((await call(url, 'POST', '/api/v1/llm/plan', { body: { intention: 'peace', minutes: 10 } })).status).toBe(422);
  });

  it('honours a meditation’s duration over HTTP and over the WebSocket alike', async () => {
    const body = { kind: 'meditation', intention: 'calm', duration: 1200 };
    const viaHttp = await call(url, 'POST', '/api/v1/llm/generate', { body });
    expect(viaHttp.status).toBe(200);
    const client = await connect(url);
    client.send({ type: 'oracle.generate', id: 'm', request: body });
    const done = await client.next((m) => m.type === 'oracle:done' && m.id === 'm', 10_000);
    const seconds = (result: { script?: { totalSeconds: number } }) => result.script?.totalSeconds ?? 0;
    expect(Math.abs(seconds(viaHttp.body) - 1200)).toBeLessThanOrEqual(60);
    expect(Math.abs(seconds(done.data as never) - 1200)).toBeLessThanOrEqual(60);
    client.send({ type: 'oracle.generate', id: 'long', request: { ...body, duration: 4 * 3600 + 1 } });
    expect(await client.next((m) => m.type === 'error' && m.id === 'long')).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    await client.close();
  });

  it('validates programs with the audio package’s schema: the path of the problem, a 422', async () => {
    const bad = await call(url, 'POST', '/api/v1/audio/generate', { body: { program: { duration: 1, layers: [{ kind: 'tone', frequency: -5 }] } } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.details)).toContain('layers');
    const good = await call(url, 'POST', '/api/v1/audio/generate', { body: { format: 'json', program: { duration: 0.1, sampleRate: 8000, layers: [{ kind: 'tone', frequency: 440 }] } } });
    expect(good.status).toBe(200);
    expect(good.body.sampleRate).toBe(8000);
    const seed = await call(url, 'POST', '/api/v1/audio/generate', { body: { format: 'json', duration: 0.5, frequency: 30_000 } });
    expect(seed.status).toBe(422);
  });

  it('validates charts and window searches with the astrology package’s schemas', async () => {
    const doc = (await call(url, 'GET', '/openapi.json')).body;
    const houseSystem = doc.paths['/api/v1/astrology/chart'].get.parameters.find((p: { name: string }) => p.name === 'houseSystem');
    expect(houseSystem.schema.enum).toEqual([...HOUSE_SYSTEMS]);
    const own = z.toJSONSchema(windowSearchSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(doc.paths['/api/v1/astrology/windows'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/WindowSearch' });
    expect(Object.keys(doc.components.schemas.WindowSearch.properties.where.properties).sort()).toEqual(Object.keys(own.properties.where!.properties!).sort());

    const place = '&latitude=27.7&longitude=85.3&date=2024-04-08T18:21:00Z';
    const koch = await call(url, 'GET', `/api/v1/astrology/chart?houseSystem=koch${place}`);
    expect(koch.status).toBe(200);
    expect(koch.body.houses.system).toBe('koch');
    const unknownSystem = await call(url, 'GET', `/api/v1/astrology/chart?houseSystem=topocentric${place}`);
    expect(unknownSystem.status).toBe(422);
    expect(JSON.stringify(unknownSystem.body.details)).toContain('houseSystem');

    const search = { from: '2024-05-01T00:00:00Z', to: '2024-05-15T00:00:00Z', where: { moon: 'waxing' } };
    const found = await call(url, 'POST', '/api/v1/astrology/windows', { body: search });
    expect(found.status).toBe(200);
    expect(found.body.windows.length).toBeGreaterThan(0);
    const badCriterion = await call(url, 'POST', '/api/v1/astrology/windows', { body: { ...search, where: { moon: 'gibbous' } } });
    expect(badCriterion.status).toBe(422);
    expect(JSON.stringify(badCriterion.body.details)).toContain('moon');
    const unknownCriterion = await call(url, 'POST', '/api/v1/astrology/windows', { body: { ...search, where: { mood: 'good' } } });
    expect(unknownCriterion.status).toBe(422);
    const backwards = await call(url, 'POST', '/api/v1/astrology/windows', { body: { ...search, from: search.to, to: search.from } });
    expect(backwards.status).toBe(422);
  });
});
