import { createVajra, silentLogger } from '@vajra-stream/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServer, defineRoute } from '../src/index';

describe('routes contributed by a third-party plugin', () => {
  it('are validated, served, protected like built-in ones, and documented', async () => {
    const vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
    const greet = defineRoute({
      method: 'POST',
      path: '/api/v1/greeter/{name}',
      summary: 'Greet someone',
      tags: ['greeter'],
      params: z.object({ name: z.string().min(1).max(20) }),
      query: z.object({ times: z.coerce.number().int().min(1).max(3).default(1) }),
      body: z.object({ language: z.enum(['en', 'bo']) }).strict(),
      response: z.object({ greeting: z.string() }),
      handler: ({ params, query, body, access }) => ({ greeting: `${(body.language === 'bo' ? 'Tashi delek ' : 'Hello ').repeat(query.times)}${params.name} from ${access.owner ?? 'anyone'}` }),
    });
    const server = createServer(vajra, { routes: [greet], validateResponses: true, auth: { require: 'always', apiKeys: [{ name: 'tenzin', key: 'tenzin-key-0123456789' }] } });
    const post = (path: string, body: unknown, key?: string) =>
      server.fetch(
        new Request(`http://x${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
          body: JSON.stringify(body),
        }),
      );
    const ok = await post('/api/v1/greeter/Pema?times=2', { language: 'bo' }, 'tenzin-key-0123456789');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ greeting: 'Tashi delek Tashi delek Pema from key:tenzin' });
    expect((await post('/api/v1/greeter/Pema', { language: 'bo' })).status).toBe(401);
    const invalid = await post('/api/v1/greeter/Pema?times=9', { language: 'fr' }, 'tenzin-key-0123456789');
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { details: { issues: Array<{ path: string }> } }).details.issues.map((i) => i.path)).toEqual(['times']);
    const doc = server.openapi() as { paths: Record<string, { post: { tags: string[]; security: unknown; parameters: Array<{ name: string }> } }> };
    const documented = doc.paths['/api/v1/greeter/{name}']!.post;
    expect(documented.tags).toEqual(['greeter']);
    expect(documented.security).toEqual([{ bearer: [] }]);
    expect(documented.parameters.map((p) => p.name).sort()).toEqual(['name', 'times']);
    await vajra.stop();
  });

  it('get an operationId, their own documented problems, and refuse a clashing operationId', async () => {
    const vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
    const find = defineRoute({
      method: 'GET',
      path: '/api/v1/greeter/{name}',
      summary: 'Find a greeter',
      tags: ['greeter'],
      params: z.object({ name: z.string().max(20) }),
      response: z.object({ name: z.string() }),
      errors: { 404: 'No such greeter (`GREETER_NOT_FOUND`)' },
      handler: ({ params }) => ({ name: params.name }),
    });
    const named = defineRoute({ method: 'POST', path: '/api/v1/greeter-hello', summary: 'Hello', operationId: 'sayHello', response: z.object({ ok: z.boolean() }), handler: () => ({ ok: true }) });
    type Op = { operationId: string; security: unknown[]; responses: Record<string, { description?: string; $ref?: string }> };
    const doc = createServer(vajra, { routes: [find, named], openapi: { tags: { greeter: 'Greeters of the sangha' } } }).openapi() as {
      paths: Record<string, Record<string, Op>>;
      tags: Array<{ name: string; description: string }>;
    };
    const get = doc.paths['/api/v1/greeter/{name}']!.get!;
    expect(get.operationId).toBe('getGreeterByName');
    expect(get.security).toEqual([]);
    expect(get.responses['404']!.description).toBe('No such greeter (`GREETER_NOT_FOUND`)');
    expect(get.responses['422']).toEqual({ $ref: '#/components/responses/UnprocessableContent' });
    expect(doc.paths['/api/v1/greeter-hello']!.post!.operationId).toBe('sayHello');
    expect(doc.tags).toContainEqual({ name: 'greeter', description: 'Greeters of the sangha' });
    // `/api/v1/greeter/hello` and `/api/v1/greeter-hello` would both be postGreeterHello
    const clash = defineRoute({ method: 'POST', path: '/api/v1/greeter/hello', summary: 'Hello again', response: z.object({ ok: z.boolean() }), handler: () => ({ ok: true }) });
    const twin = defineRoute({ ...clash, path: '/api/v1/greeter-hello' });
    expect(() => createServer(vajra, { routes: [clash, twin] }).openapi()).toThrow(/POST \/api\/v1\/greeter\/hello and POST \/api\/v1\/greeter-hello share the operationId "postGreeterHello"/);
    await vajra.stop();
  });
});
