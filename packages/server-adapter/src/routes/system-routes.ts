import type { Vajra } from '@vajra-stream/core';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../routing/define-route';

/**
 * `/`, `/health` (liveness), `/ready` (store, bus, work lease and plugins) and `/openapi.json` (`/docs` is in `docsRoutes`).
 *
 * @example
 * ```ts
 * systemRoutes(vajra, { openapi: () => server.openapi(), authRequired: (request) => server.authRequired(request) });
 * ```
 */
const readySchema = z
  .object({
    ready: z.boolean(),
    store: z.string(),
    bus: z.object({ kind: z.string(), connected: z.boolean(), pending: z.number(), reconnects: z.number() }).nullable(),
    work: z.object({
      mode: z.enum(['solo', 'lease']),
      holder: z.boolean(),
      token: z.number().nullable(),
      acquisitions: z.number(),
      renewedAt: z.iso.datetime().nullable(),
      checkedAt: z.iso.datetime().nullable(),
      error: z.string().nullable(),
    }),
    plugins: z.record(z.string(), z.boolean()),
  })
  .meta({ id: 'Readiness' });

/** The parts of an OpenAPI 3.1 document that are always there (the rest as the specification describes). */
const openApiDocumentSchema = z
  .object({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.object({ title: z.string(), version: z.string() }).loose(),
    servers: z.array(z.object({ url: z.string() }).loose()),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.record(z.string(), z.record(z.string(), z.unknown())),
  })
  .loose()
  .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0)' });

export function systemRoutes(vajra: Vajra, deps: { basePath?: string; openapi: () => Record<string, unknown>; authRequired?: (request: Request) => boolean }): AnyRoute[] {
  const base = deps.basePath ?? '';
  return [
    defineRoute({
      method: 'GET',
      path: '/',
      summary: 'About this server',
      tags: ['system'],
      response: z.object({
        name: z.string(),
        version: z.string(),
        docs: z.string(),
        openapi: z.string(),
        websocket: z.string(),
        plugins: z.array(z.string()),
        authRequired: z.boolean().meta({ description: 'Whether writes and the WebSocket need credentials right now (clients ask for a key when true)' }),
      }),
      handler: ({ request }) => ({
        name: 'Vajra.Stream',
        version: '1',
        docs: `${base}/docs`,
        openapi: `${base}/openapi.json`,
        websocket: `${base}/ws`,
        plugins: vajra.pluginIds(),
        authRequired: deps.authRequired?.(request) ?? false,
      }),
    }),
    defineRoute({
      method: 'GET',
      path: '/health',
      summary: 'Liveness',
      tags: ['system'],
      response: z.object({ status: z.literal('ok'), kernel: z.string() }),
      handler: () => ({ status: 'ok' as const, kernel: vajra.status }),
    }),
    defineRoute({
      method: 'GET',
      path: '/ready',
      summary: 'Readiness: kernel running, store answering, bus connected, plugins started; the work lease',
      tags: ['system'],
      response: readySchema,
      alternatives: { 503: { description: 'Not ready (same fields: what is not ready yet)', schema: readySchema } },
      handler: async () => {
        const ready = await vajra.ready();
        const plugins = Object.fromEntries(vajra.pluginIds().map((id) => [id, vajra.hasPlugin(id)]));
        const all = ready && Object.values(plugins).every(Boolean);
        const bus = vajra.bus === undefined ? null : { kind: vajra.bus.kind, ...vajra.bus.health() };
        const body = { ready: all, store: vajra.store.kind, bus, work: vajra.work.health(), plugins };
        return all ? body : new Response(JSON.stringify(body), { status: 503, headers: { 'content-type': 'application/json' } });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/openapi.json',
      summary: 'This OpenAPI 3.1 document',
      tags: ['system'],
      response: openApiDocumentSchema,
      handler: () => deps.openapi() as z.input<typeof openApiDocumentSchema>,
    }),
  ];
}
