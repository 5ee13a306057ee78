import type { Vajra } from '@vajra-stream/core';
import type { z } from 'zod';
import type { Access } from '../auth/access';
import type { JsonText } from '../http/json-text';

/**
 * HTTP methods a route can answer.
 *
 * @example
 * ```ts
 * const method: HttpMethod = 'DELETE';
 * const forget = defineRoute({ method, path: '/api/v1/notes/{id}', summary: 'Forget a note', params: z.object({ id: z.string().max(64) }), handler: ({ params }) => ({ deleted: params.id }) });
 * ```
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type AnyObject = z.ZodObject<z.ZodRawShape>;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * What a route handler receives.
 *
 * @example
 * ```ts
 * const mine = defineRoute({
 *   method: 'GET',
 *   path: '/api/v1/my-sessions',
 *   summary: "The caller's sessions",
 *   handler: async ({ vajra, access, client, url }: RouteContext) => {
 *     const limit = Number(url.searchParams.get('limit') ?? 20);
 *     return vajra.sessions.list({ owner: access.listOwner, limit }); // client: 'key:alice' or 'address:203.0.113.7'
 *   },
 * });
 * ```
 */
export interface RouteContext<Params = unknown, Query = unknown, Body = unknown> {
  request: Request;
  url: URL;
  params: Params;
  query: Query;
  body: Body;
  vajra: Vajra;
  /** Who is asking and what they may see (ownership). */
  access: Access;
  /** Whom per-client limits count this request against: the principal's id, or `address:<remote address>` when anonymous. */
  client: string;
  signal: AbortSignal;
}

/**
 * A route declared once: the same zod schemas validate requests, optionally check responses, and
 * produce the OpenAPI document.
 *
 * @example
 * ```ts
 * const echo = defineRoute({
 *   method: 'POST',
 *   path: '/api/v1/echo',
 *   summary: 'Echo a message',
 *   tags: ['examples'],
 *   body: z.object({ message: z.string().max(200) }),
 *   response: z.object({ message: z.string(), at: z.string() }),
 *   status: 201,
 *   rateLimitWeight: 2,
 *   errors: { 409: 'The same message twice in a row' },
 *   handler: ({ body }) => ({ message: body.message, at: new Date().toISOString() }),
 * });
 * const server = createServer(vajra, { routes: [echo] });
 * ```
 */
export interface RouteDefinition<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** OpenAPI-style path: `/api/v1/sessions/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Seed-style names accepted in a JSON body and renamed before validation (`{ audio_type: 'audioType' }`). */
  bodyAliases?: Record<string, string>;
  /** Schema of the JSON response; omit when the handler returns a `Response` of its own. */
  response?: R;
  /** Success status (200 by default, 201 for creations). */
  status?: number;
  /** Content types of a handler that returns its own `Response` (documented in OpenAPI). */
  produces?: Record<string, { description: string; schema?: z.ZodType }>;
  /**
   * Tokens one call takes from the per-client rate limit (1 by default). Give expensive routes more, so a
   * client can make fewer of them per window: the built-in `POST /api/v1/astrology/windows` and
   * `POST /api/v1/audio/generate` take 20 each.
   */
  rateLimitWeight?: number;
  /** `public` routes never need credentials; `protected` ones (the default for non-GET) do when auth is required. */
  auth?: 'public' | 'protected';
  /** Name of the operation in the OpenAPI document (default: method and path, `getSessionsById`). */
  operationId?: string;
  /**
   * Problem statuses this route answers besides those every route shares (credentials, `Host`, rate
   * limit, body and validation problems), each with what it means: `{ 404: 'No such session' }`.
   */
  errors?: Readonly<Record<number, string>>;
  /** Other JSON answers of a handler that returns its own `Response`, by status (documented in OpenAPI). */
  alternatives?: Readonly<Record<number, { description: string; schema: z.ZodType }>>;
  /** The answer: a value serialised as JSON, that JSON already serialised ({@link JsonText}), or a `Response` of its own. */
  handler(
    context: RouteContext<Out<P>, Out<Q>, Out<B>>,
  ): Promise<(R extends z.ZodType ? z.input<R> : unknown) | JsonText | Response> | (R extends z.ZodType ? z.input<R> : unknown) | JsonText | Response;
}

/**
 * A route of any shape.
 *
 * @example
 * ```ts
 * const routes: AnyRoute[] = [hello, echo]; // routes with different params, bodies and responses
 * const server = createServer(vajra, { routes });
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: a route of any params/query/body/response types (handlers take them contravariantly, so unknown would not fit)
export type AnyRoute = RouteDefinition<any, any, any, any>;

/**
 * Declare a route (an identity function that keeps the types). Third-party plugins contribute routes
 * the same way through `createServer(vajra, { routes })`.
 *
 * @example
 * ```ts
 * const hello = defineRoute({
 *   method: 'GET',
 *   path: '/api/v1/hello/{name}',
 *   summary: 'Say hello',
 *   params: z.object({ name: z.string().max(64) }),
 *   response: z.object({ greeting: z.string() }),
 *   handler: ({ params }) => ({ greeting: `Tashi delek, ${params.name}` }),
 * });
 * ```
 */
export function defineRoute<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(route: RouteDefinition<P, Q, B, R>): RouteDefinition<P, Q, B, R> {
  return route;
}
