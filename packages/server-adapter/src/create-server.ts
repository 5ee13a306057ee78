import { VajraError, parseInput, type Logger, type Vajra } from '@vajra-stream/core';
import { accessOf, type Access } from './auth/access';
import { bearerToken, createAuthenticator, type Principal } from './auth/authenticator';
import { createRequestGuard } from './guard/create-request-guard';
import { hasProxyHeaders } from './guard/has-proxy-headers';
import { createCors } from './http/cors';
import { problemResponse, toProblem } from './http/problem';
import { RATE_LIMIT_EXEMPT_PATHS } from './http/rate-limit-exempt';
import { createRateLimiter } from './http/rate-limiter';
import { createClientAddress } from './http/trusted-proxy';
import { createRenderPool, type RenderPool } from './render/create-render-pool';
import { rateLimited } from './http/rate-limited';
import { addMissingHeaders, stringResponse } from './http/json-response';
import { JsonText } from './http/json-text';
import { normalizeBasePath, pathBelow } from './http/base-path';
import { discardBody, readJsonBody } from './http/read-json-body';
import { requestHeader as header } from './http/request-header';
import { requestTarget, type RequestTarget } from './http/request-target';
import { isLoopback } from './is-loopback';
import { buildOpenApi } from './openapi/build-openapi';
import { builtInRoutes } from './routes/built-in-routes';
import type { AnyRoute, RouteContext } from './routing/define-route';
import { HandlerContext } from './routing/handler-context';
import { REQUEST_HANDLER, type RequestHandler } from './request-handler';
import { createQueryParser } from './routing/create-query-parser';
import { createRouter } from './routing/create-router';
import { DEFAULT_LIMITS, type ServerLimits, type ServerOptions } from './server-options';
import { createWebSocketHooks, type WebSocketHooks } from './ws/create-websocket-hooks';

/**
 * Facts about a request that only the adapter knows.
 *
 * @example
 * ```ts
 * // an adapter of your own passes the client's address (rate limits, the loopback rule, connection caps)
 * const info: RequestInfo = { remoteAddress: '203.0.113.7' };
 * const response = await server.fetch(new Request('http://127.0.0.1:8000/api/v1/sessions'), info);
 * ```
 */
export interface RequestInfo {
  remoteAddress?: string;
}

/**
 * A kernel as one Fetch handler plus WebSocket hooks; adapters mount it on a framework.
 *
 * @example
 * ```ts
 * const server: VajraServer = createServer(vajra, { auth: { apiKeys: [{ name: 'alice', key: process.env.ALICE_KEY! }] } });
 * await server.ready();
 * const health = await server.fetch(new Request('http://127.0.0.1:8000/health'), { remoteAddress: '127.0.0.1' });
 * console.log(health.status, server.handles('/api/v1/sessions'), server.websocket.path); // 200 true '/ws'
 * server.close();
 * ```
 */
export interface VajraServer {
  fetch(request: Request, info?: RequestInfo): Promise<Response>;
  websocket: WebSocketHooks;
  /** Every mounted route (built-in, plugin and extra ones). */
  readonly routes: readonly AnyRoute[];
  /** The OpenAPI 3.1 document. */
  openapi(): Record<string, unknown>;
  /** True when `pathname` belongs to this server (a route, `/api/*`, `/docs/*` or the WebSocket path, below `basePath`); lets adapters pass others on. */
  handles(pathname: string): boolean;
  /** The prefix the server is mounted under (`options.basePath`, `''` at the root). */
  readonly basePath: string;
  /**
   * Listen helpers report each address they bind. Until one does, or once any is beyond loopback, the
   * server counts as exposed (credentials become mandatory under the default `when-exposed` rule).
   */
  setListening(hostname: string): void;
  /** False only while every reported bind address is loopback (and at least one was reported). */
  readonly exposed: boolean;
  /**
   * Resolves once the server can honour its credentials (a JWT public key imported, a JWKS loaded);
   * rejects with `AUTH_CONFIG_INVALID` otherwise. The listen helpers wait for it before they listen;
   * call it yourself when you mount the server on your own listener.
   */
  ready(): Promise<void>;
  /** Resolve the principal of a bearer token (`null`: anonymous); throws 401 for a wrong one. */
  authenticate(token: string | null): Promise<Principal | null>;
  /** Whether writes and upgrades need credentials: for this `request` (proxy headers count), or for any request. */
  authRequired(request?: Request): boolean;
  readonly logger: Logger;
  readonly limits: Required<ServerLimits>;
  /** Close WebSocket connections, detach from the kernel's events and stop the render threads. */
  close(): void;
}

/**
 * Turn a started kernel into a Fetch handler and WebSocket hooks, with no framework import. Throws
 * `AUTH_CONFIG_INVALID` for credentials it will not start with (an API key under 16 characters, a JWT
 * secret under 32 bytes, two JWT key sources, an unsupported algorithm); a JWT key that does not import
 * rejects {@link VajraServer.ready}, which the listen helpers await.
 *
 * @example
 * ```ts
 * import { createServer } from '@vajra-stream/server-adapter';
 * import { serve } from '@vajra-stream/server-adapter/node';
 * const server = createServer(vajra, { auth: { apiKeys: [{ name: 'me', key: process.env.KEY! }] } });
 * await serve(server, { port: 8000 }); // rejects with AUTH_CONFIG_INVALID before listening when the JWT key is unusable
 * ```
 */
export function createServer(vajra: Vajra, options: ServerOptions = {}): VajraServer {
  const logger = options.logger ?? vajra.logger.child({ component: 'server' });
  const basePath = normalizeBasePath(options.basePath);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const authOptions = options.auth === 'none' ? { require: 'never' as const } : (options.auth ?? {});
  const authenticator = createAuthenticator(authOptions, () => vajra.clock.now());
  const cors = createCors(options.cors);
  const guard = createRequestGuard({ hosts: options.hosts, cors });
  const limiter = options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? { max: 600, windowMs: 60_000 }, () => vajra.clock.now());
  const bound = new Set<string>();
  const proxied = createClientAddress(options.trustProxy); // undefined: the peer's address counts, as it is
  let pool: RenderPool | undefined; // started on the first render or window search
  const renders = (): RenderPool => (pool ??= createRenderPool(options.renders ?? {}, logger));
  let document: Record<string, unknown> | undefined;

  const routes: AnyRoute[] = [
    ...builtInRoutes(vajra, { basePath, openapi: () => server.openapi(), renders, authRequired: (request) => authRequired(request), audio: options.audio }),
    ...(options.routes ?? []),
  ];
  const router = createRouter(routes);
  const queryParsers = new Map(routes.flatMap((route) => (route.query === undefined ? [] : [[route, createQueryParser(route.query)] as const])));
  const requirement = authOptions.require ?? 'when-exposed';
  if (requirement === 'never') logger.warn('auth is off (auth: "none"): anyone who can reach this server may change sessions, wheels and audio');
  let beyondLoopback = false; // some reported bind address is not loopback
  const exposed = (): boolean => bound.size === 0 || beyondLoopback;
  const authRequired = (request?: Request): boolean => requirement === 'always' || (requirement === 'when-exposed' && (exposed() || (request !== undefined && hasProxyHeaders(request))));

  const authenticate = (token: string | null): Promise<Principal | null> => authenticator.authenticate(token);

  /** The access of a request: unowned records are for anonymous callers only while the server asks no credentials of it. */
  const accessFor = (request: Request, principal: Principal | null): Access => {
    const needsCredentials = authRequired(request);
    return principal === null ? (needsCredentials ? ANONYMOUS_BLIND : ANONYMOUS) : accessOf(principal, { unownedVisible: !needsCredentials });
  };

  // The stages of a request each return a Response, or a promise of one only where something is awaited
  // (a bearer token to check, a body to read, a handler that returns a promise): a synchronous route is
  // answered without a single microtask.
  function run(request: Request, target: RequestTarget, info: RequestInfo): Response | Promise<Response> {
    const method = request.method.toUpperCase();
    guard.checkHost(header(request, 'host'));
    if (method === 'OPTIONS') {
      const origin = request.headers.get('origin');
      if (origin !== null && request.headers.has('access-control-request-method')) {
        if (!cors.allows(origin)) throw new VajraError('CORS_ORIGIN_DENIED', 'This origin is not allowed', { status: 403 });
        return stringResponse(null, 204, cors.preflightHeaders(origin));
      }
    }
    const path = pathBelow(basePath, target.pathname);
    const match = path === undefined ? NOT_FOUND : router.match(method, path);
    if (limiter !== undefined && !RATE_LIMIT_EXEMPT_PATHS.has(path ?? '')) {
      const retryAfterMs = limiter.take(info.remoteAddress ?? 'unknown', match.kind === 'found' ? (match.route.rateLimitWeight ?? 1) : 1);
      if (retryAfterMs > 0) throw rateLimited(retryAfterMs);
    }
    if (match.kind === 'not-found') throw new VajraError('ROUTE_NOT_FOUND', `No route ${target.pathname.slice(0, 200)}`, { status: 404 });
    if (match.kind === 'method-not-allowed') {
      const allow = match.allow.includes('GET') ? [...match.allow, 'HEAD'] : match.allow;
      throw new VajraError('METHOD_NOT_ALLOWED', `Use ${allow.join(', ')} on this route`, { status: 405, details: { allow } });
    }
    if (method !== 'GET' && method !== 'HEAD') guard.checkWrite(method, (name) => header(request, name));
    const token = bearerToken(header(request, 'authorization'));
    if (token === null) return authorized(request, target, info, method, match.route, match.params, null);
    return authenticate(token).then((principal) => authorized(request, target, info, method, match.route, match.params, principal));
  }

  function authorized(
    request: Request,
    target: RequestTarget,
    info: RequestInfo,
    method: string,
    route: AnyRoute,
    rawParams: Record<string, string>,
    principal: Principal | null,
  ): Response | Promise<Response> {
    const isProtected = (route.auth ?? (route.method === 'GET' ? 'public' : 'protected')) === 'protected';
    if (isProtected && principal === null && authRequired(request)) {
      throw new VajraError('UNAUTHENTICATED', 'This route needs credentials: Authorization: Bearer <api key or JWT>', { status: 401 });
    }
    const params = route.params === undefined ? undefined : parseInput(route.params, rawParams, 'path parameters');
    const query = route.query === undefined ? undefined : queryParsers.get(route)!(target.search);
    if (route.body !== undefined) {
      return readJsonBody(request, limits.bodyBytes, { maxDepth: limits.jsonDepth }).then((raw) =>
        invoke(request, target, info, method, route, params, query, parseInput(route.body, applyAliases(raw, route.bodyAliases), 'request body'), principal),
      );
    }
    if (request.body !== null && method !== 'GET' && method !== 'HEAD') {
      // enforce the limit even where the body is ignored
      return readJsonBody(request, limits.bodyBytes, { maxDepth: limits.jsonDepth }).then(() => invoke(request, target, info, method, route, params, query, undefined, principal));
    }
    return invoke(request, target, info, method, route, params, query, undefined, principal);
  }

  function invoke(
    request: Request,
    target: RequestTarget,
    info: RequestInfo,
    method: string,
    route: AnyRoute,
    params: unknown,
    query: unknown,
    body: unknown,
    principal: Principal | null,
  ): Response | Promise<Response> {
    const context = new HandlerContext(request, target, params, query, body, vajra, principal, accessFor, info.remoteAddress);
    const result: unknown = route.handler(context as RouteContext);
    if (isThenable(result)) return Promise.resolve(result).then((value) => respond(route, method, value));
    return respond(route, method, result);
  }

  function respond(route: AnyRoute, method: string, result: unknown): Response {
    if (result instanceof Response) return result;
    const serialised = result instanceof JsonText;
    if (options.validateResponses === true && route.response !== undefined) checkResponse(route, serialised ? JSON.parse(result.text) : result);
    const status = route.status ?? 200;
    if (status === 204) return stringResponse(null, status, NO_HEADERS);
    return stringResponse(method === 'HEAD' ? null : serialised ? result.text : JSON.stringify(result), status, JSON_HEADERS);
  }

  /** The problem+json answer to `error`. */
  const failure = (error: unknown, target: RequestTarget): Response => {
    const problem = { ...toProblem(error, logger), instance: target.pathname.slice(0, 200) };
    const headers: Record<string, string> = {};
    if (problem.status === 401) headers['www-authenticate'] = 'Bearer';
    if (problem.status === 405) headers.allow = ((problem.details as { allow?: string[] })?.allow ?? []).join(', ');
    if (problem.status === 429) headers['retry-after'] = String((problem.details as { retryAfterSeconds?: number })?.retryAfterSeconds ?? 1);
    const retryAfter = (problem.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (problem.status === 503 && typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
    return problemResponse(problem, headers);
  };

  /** The last steps of every answer: drain an unread body, add the CORS headers, log. */
  const finish = (request: Request, target: RequestTarget, corsHeaders: Record<string, string>, started: number, client: RequestInfo, response: Response): Response | Promise<Response> => {
    if (request.body !== null) return discardBody(request, limits.drainBytes).then(() => decorate(request, target, corsHeaders, started, client, response));
    return decorate(request, target, corsHeaders, started, client, response);
  };
  const decorate = (request: Request, target: RequestTarget, corsHeaders: Record<string, string>, started: number, client: RequestInfo, response: Response): Response => {
    addMissingHeaders(response, corsHeaders);
    if (options.logRequests === true) {
      logger.info('request', { method: request.method, path: target.pathname.slice(0, 200), status: response.status, ms: Date.now() - started, address: client.remoteAddress ?? 'unknown' });
    }
    return response;
  };

  const handle: RequestHandler = (request, info) => {
    const started = options.logRequests === true ? Date.now() : 0;
    const corsHeaders = cors.headersFor(header(request, 'origin'));
    const target = requestTarget(request);
    // Behind a trusted proxy the forwarded client is the address that counts (rate limit, render limits, the log).
    const client = proxied === undefined ? info : { remoteAddress: proxied(info.remoteAddress, (name) => header(request, name)) };
    let response: Response | Promise<Response>;
    try {
      response = run(request, target, client);
    } catch (error) {
      response = failure(error, target);
    }
    if (response instanceof Promise) {
      return response.then(undefined, (error: unknown) => failure(error, target)).then((answer) => finish(request, target, corsHeaders, started, client, answer));
    }
    return finish(request, target, corsHeaders, started, client, response);
  };

  const websocket = createWebSocketHooks({ vajra, server: () => server, logger, limits, guard, limiter, clientAddress: proxied, path: `${basePath}/ws` });

  const server: VajraServer = {
    logger,
    limits,
    routes,
    basePath,
    get exposed() {
      return exposed();
    },
    setListening(host) {
      bound.add(host);
      if (!isLoopback(host)) beyondLoopback = true;
      if (authRequired() && !authenticator.configured) logger.warn('listening beyond loopback without API keys or JWT: every write will be refused', { hostname: host });
    },
    authRequired,
    authenticate,
    ready: () => authenticator.ready(),
    handles(fullPath) {
      const pathname = pathBelow(basePath, fullPath);
      if (pathname === undefined) return false;
      return pathname === '/ws' || pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/docs/') || router.match('GET', pathname).kind !== 'not-found';
    },
    openapi() {
      // Paths stay as declared; a mount prefix is the document's server URL.
      const info =
        basePath === '' || options.openapi?.servers !== undefined ? options.openapi : { ...options.openapi, servers: [{ url: basePath, description: 'This server, mounted under its base path' }] };
      document ??= buildOpenApi(routes, info, { rateLimited: options.rateLimit !== false });
      return document;
    },
    fetch(request, info = {}) {
      try {
        return Promise.resolve(handle(request, info));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    websocket: websocket.hooks,
    close() {
      websocket.close();
      pool?.close();
    },
  };
  (server as { [REQUEST_HANDLER]?: RequestHandler })[REQUEST_HANDLER] = handle;
  return server;
}

/** The access of every anonymous request, while unowned records are visible to it and once they are not. */
const ANONYMOUS = Object.freeze(accessOf(null, { unownedVisible: true }));
const ANONYMOUS_BLIND = Object.freeze(accessOf(null, { unownedVisible: false }));

const NOT_FOUND = { kind: 'not-found' } as const;
const NO_HEADERS: Record<string, string> = Object.freeze({});
const JSON_HEADERS: Record<string, string> = Object.freeze({ 'content-type': 'application/json; charset=utf-8' });

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

function applyAliases(raw: unknown, aliases: Record<string, string> | undefined): unknown {
  if (aliases === undefined || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [alias, name] of Object.entries(aliases)) {
    if (!(alias in out)) continue;
    if (name in out) throw new VajraError('VALIDATION_FAILED', `Invalid request body: give either "${alias}" or "${name}", not both`, { status: 422 });
    out[name] = out[alias];
    delete out[alias];
  }
  return out;
}

function checkResponse(route: AnyRoute, value: unknown): void {
  const result = route.response!.safeParse(value);
  if (!result.success) throw new Error(`Response of ${route.method} ${route.path} does not match its schema: ${result.error.message}`);
}
