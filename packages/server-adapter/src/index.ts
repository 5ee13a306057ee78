/**
 * `@vajra-stream/server-adapter`: a Vajra.Stream kernel as one Fetch handler plus WebSocket hooks, with
 * the seed's REST API under `/api/v1`, an OpenAPI 3.1 document, a docs page, auth, CORS and limits.
 * Mount it with `@vajra-stream/server-adapter/node`, `/express`, `/fastify` or `/hono`.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * import { createServer } from '@vajra-stream/server-adapter';
 * import { serve } from '@vajra-stream/server-adapter/node';
 * const vajra = createVajra();
 * await vajra.start();
 * const { url } = await serve(createServer(vajra), { port: 8000 });
 * ```
 * @module @vajra-stream/server-adapter
 */
export { createServer, type VajraServer, type RequestInfo } from './create-server';
export { DEFAULT_LIMITS, type ServerOptions, type ServerLimits } from './server-options';
export { defineRoute, type RouteDefinition, type RouteContext, type AnyRoute, type HttpMethod } from './routing/define-route';
export { createRouter, type Router, type RouteMatch } from './routing/create-router';
export { buildOpenApi, problemSchema, type OpenApiInfo } from './openapi/build-openapi';
export { docsPage } from './openapi/docs-page';
export { docsAsset, DOCS_ASSET_NAMES, type DocsAssetName } from './openapi/docs-assets';
export { DOCS_CSP } from './routes/docs-routes';
export { toProblem, problemResponse, statusOfCode, type Problem } from './http/problem';
export { readJsonBody, type ReadJsonBodyOptions } from './http/read-json-body';
export { createCors, DEFAULT_CORS_ORIGINS, type Cors, type CorsOptions } from './http/cors';
export { createRateLimiter, type RateLimitOptions } from './http/rate-limiter';
export type { RenderOptions } from './render/create-render-pool';
export {
  createAuthenticator,
  bearerToken,
  isAdmin,
  MIN_API_KEY_LENGTH,
  type Authenticator,
  type AuthOptions,
  type ApiKey,
  type JwtAlgorithm,
  type JwtOptions,
  type Principal,
} from './auth/authenticator';
export { DEFAULT_JWT_MAX_AGE_SECONDS, MIN_JWT_SECRET_BYTES } from './auth/create-jwt-verifier';
export { accessOf, type Access, type AccessOptions } from './auth/access';
export { isLoopback } from './is-loopback';
export { sessionSchema, wheelSchema, mantraSchema, dedicationSchema } from './routes/schemas';
export { WS_PROTOCOL, type WebSocketHooks, type WsPeer, type WsConnection, type UpgradeAccepted } from './ws/create-websocket-hooks';
export { clientMessageSchemas, fromSeedAlias, type ClientMessageType } from './ws/ws-messages';
export { isValidTopic, matchingTopic } from './ws/topics';
