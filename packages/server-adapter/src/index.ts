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
export { buildOpenApi, problemSchema, type OpenApiInfo } from './openapi/build-openapi';
export type { Problem } from './http/problem';
export { JsonText, jsonText } from './http/json-text';
export { DEFAULT_CORS_ORIGINS, type CorsOptions } from './http/cors';
export type { RateLimitOptions } from './http/rate-limiter';
export { trustProxySchema, type TrustProxyOptions } from './http/trusted-proxy';
export type { RenderOptions } from './render/create-render-pool';
export { MIN_API_KEY_LENGTH, type AuthOptions, type ApiKey, type JwtAlgorithm, type JwtOptions, type Principal } from './auth/authenticator';
export { DEFAULT_JWT_MAX_AGE_SECONDS, MIN_JWT_SECRET_BYTES } from './auth/create-jwt-verifier';
export type { Access } from './auth/access';
export { sessionSchema, wheelSchema, mantraSchema, dedicationSchema } from './routes/schemas';
export { WS_PROTOCOL, type WebSocketHooks, type WsPeer, type WsConnection, type UpgradeAccepted } from './ws/create-websocket-hooks';
export { clientMessageSchemas, type ClientMessageType } from './ws/ws-messages';
