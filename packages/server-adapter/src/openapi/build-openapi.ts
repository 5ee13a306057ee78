import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { AnyRoute } from '../routing/define-route';

/**
 * Schema of an RFC 9457 problem as this server sends it.
 * @example
 * ```ts
 * const problem = problemSchema.parse(await response.json());
 * ```
 */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable VajraError code, e.g. SESSION_NOT_FOUND' }),
    details: z.unknown().optional(),
    instance: z.string().optional(),
  })
  .meta({ id: 'Problem' });

/** Document-level fields of the OpenAPI document. */
export interface OpenApiInfo {
  title?: string;
  version?: string;
  description?: string;
}

/**
 * Build the OpenAPI 3.1 document of a set of routes.
 *
 * @example
 * ```ts
 * const document = buildOpenApi(server.routes, { title: 'My practice API' });
 * ```
 */
export function buildOpenApi(routes: readonly AnyRoute[], info: OpenApiInfo = {}): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'API key or JWT' });
  for (const route of routes) {
    const status = String(route.status ?? 200);
    const responses: RouteConfig['responses'] = {
      default: { description: 'Error (RFC 9457 problem)', content: { 'application/problem+json': { schema: problemSchema } } },
    };
    if (route.produces !== undefined) {
      const content: Record<string, { schema: z.ZodType }> = {};
      for (const [type, { schema }] of Object.entries(route.produces)) content[type] = { schema: schema ?? z.string() };
      responses[status] = { description: Object.values(route.produces)[0]?.description ?? 'OK', content };
    } else {
      responses[status] = route.response === undefined ? { description: 'OK' } : { description: 'OK', content: { 'application/json': { schema: route.response } } };
    }
    const protectedRoute = (route.auth ?? (route.method === 'GET' ? 'public' : 'protected')) === 'protected';
    registry.registerPath({
      method: route.method.toLowerCase() as RouteConfig['method'],
      path: route.path,
      summary: route.summary,
      ...(route.description === undefined ? {} : { description: route.description }),
      tags: route.tags ?? [],
      ...(protectedRoute ? { security: [{ bearer: [] }] } : {}),
      request: {
        ...(route.params === undefined ? {} : { params: route.params }),
        ...(route.query === undefined ? {} : { query: route.query }),
        ...(route.body === undefined ? {} : { body: { content: { 'application/json': { schema: route.body } } } }),
      },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: info.title ?? 'Vajra.Stream API', version: info.version ?? '1.0.0', description: info.description ?? 'REST API of a Vajra.Stream kernel. WebSocket protocol at /ws.' },
  }) as unknown as Record<string, unknown>;
}
