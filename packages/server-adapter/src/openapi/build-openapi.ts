import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { RATE_LIMIT_EXEMPT_PATHS } from '../http/rate-limit-exempt';
import type { AnyRoute } from '../routing/define-route';
import { operationIdOf } from './operation-id';
import { problemResponsesOf, problemSchema } from './problem-responses';

export { problemSchema } from './problem-responses';

/**
 * Document-level fields of the OpenAPI document.
 *
 * @example
 * ```ts
 * const openapi: OpenApiInfo = {
 *   title: 'Sangha API',
 *   version: '2.1.0',
 *   servers: [{ url: 'https://vajra.example.org', description: 'production' }],
 *   tags: { examples: 'Routes of our own plugin' },
 * };
 * const server = createServer(vajra, { openapi, routes: [echo] });
 * ```
 */
export interface OpenApiInfo {
  title?: string;
  version?: string;
  description?: string;
  /** Where clients reach the API (default: `/`, the origin that served the document). */
  servers?: Array<{ url: string; description?: string }>;
  /** License of the API (default: MIT, the license of this server software). */
  license?: { name: string; identifier?: string; url?: string };
  /** Descriptions of tags, beside those of the built-in tags (`sessions`, `audio`, …); for routes added with `routes`. */
  tags?: Record<string, string>;
}

const TAGS: Readonly<Record<string, string>> = {
  system: 'About the server: liveness, readiness, this document and its documentation page',
  sessions: 'Practice sessions: create, run through their states, list',
  prayers: 'Prayer wheels, the mantra library and dedications of merit',
  audio: 'Offline rendering and the live audio engine',
  astrology: 'Charts, moon, sun, planetary hours, panchanga, Tibetan calendar and auspicious windows',
  llm: 'Texts and session plans from the oracle',
  visuals: 'Pictures (SVG or PNG) and the solved Sri Yantra',
  hardware: 'Devices of the room: health, commands, RNG statistics, the level',
};

const problemContent = { 'application/problem+json': { schema: problemSchema } };

/** Whether a route can answer without a body (its body schema accepts `undefined`). */
const bodyRequired = (route: AnyRoute): boolean => route.body !== undefined && !(route.body as z.ZodType).safeParse(undefined).success;

/**
 * Build the OpenAPI 3.1 document of a set of routes: every operation with its `operationId`, its
 * `security` (empty for public routes), its success body and the 4xx problems it can answer (see
 * `problemResponsesOf`). Throws when two routes would share an `operationId`.
 *
 * @param options.rateLimited - Whether the server limits requests per client (documents 429; default true).
 * @example
 * ```ts
 * const document = buildOpenApi(server.routes, { title: 'My practice API', servers: [{ url: 'https://practice.example' }] });
 * ```
 */
export function buildOpenApi(routes: readonly AnyRoute[], info: OpenApiInfo = {}, options: { rateLimited?: boolean } = {}): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'API key or JWT' });
  const registered = new Set<string>();
  const operationIds = new Map<string, string>();
  const tags = new Set<string>();
  for (const route of routes) {
    const operationId = operationIdOf(route);
    const where = `${route.method} ${route.path}`;
    const earlier = operationIds.get(operationId);
    if (earlier !== undefined) throw new Error(`Routes ${earlier} and ${where} share the operationId "${operationId}"; give one an operationId`);
    operationIds.set(operationId, where);
    const responses: RouteConfig['responses'] = {};
    const status = String(route.status ?? 200);
    if (route.produces !== undefined) {
      const content: Record<string, { schema: z.ZodType }> = {};
      for (const [type, { schema }] of Object.entries(route.produces)) content[type] = { schema: schema ?? z.string() };
      responses[status] = { description: Object.values(route.produces)[0]?.description ?? 'OK', content };
    } else {
      responses[status] = route.response === undefined ? { description: 'OK' } : { description: 'OK', content: { 'application/json': { schema: route.response } } };
    }
    for (const [other, { description, schema }] of Object.entries(route.alternatives ?? {})) responses[other] = { description, content: { 'application/json': { schema } } };
    for (const problem of problemResponsesOf(route, (options.rateLimited ?? true) && !RATE_LIMIT_EXEMPT_PATHS.has(route.path))) {
      if ('description' in problem) {
        responses[String(problem.status)] = { description: problem.description, content: problemContent };
        continue;
      }
      if (!registered.has(problem.common.name)) {
        // components are plain OpenAPI: the Problem schema by reference (the operations register it)
        registry.registerComponent('responses', problem.common.name, {
          description: problem.common.description,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        });
        registered.add(problem.common.name);
      }
      responses[String(problem.status)] = { $ref: `#/components/responses/${problem.common.name}` };
    }
    responses.default = { description: 'Unexpected server error (RFC 9457 problem)', content: problemContent };
    const protectedRoute = (route.auth ?? (route.method === 'GET' ? 'public' : 'protected')) === 'protected';
    for (const tag of route.tags ?? []) tags.add(tag);
    registry.registerPath({
      method: route.method.toLowerCase() as RouteConfig['method'],
      path: route.path,
      operationId,
      summary: route.summary,
      ...(route.description === undefined ? {} : { description: route.description }),
      tags: route.tags ?? [],
      security: protectedRoute ? [{ bearer: [] }] : [],
      request: {
        ...(route.params === undefined ? {} : { params: route.params }),
        ...(route.query === undefined ? {} : { query: route.query }),
        ...(route.body === undefined ? {} : { body: { required: bodyRequired(route), content: { 'application/json': { schema: route.body } } } }),
      },
      responses,
    });
  }
  const descriptions = { ...TAGS, ...info.tags };
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: info.title ?? 'Vajra.Stream API',
      version: info.version ?? '1.0.0',
      description: info.description ?? 'REST API of a Vajra.Stream kernel. WebSocket protocol at /ws.',
      license: info.license ?? { name: 'MIT', identifier: 'MIT' },
    },
    servers: info.servers ?? [{ url: '/', description: 'The server that serves this document' }],
    tags: [...tags].sort().map((name) => ({ name, description: descriptions[name] ?? `Operations tagged ${name}` })),
  }) as unknown as Record<string, unknown>;
}
