import type { Logger } from '@vajra-stream/core';
import type { AuthOptions } from './auth/authenticator';
import type { CorsOptions } from './http/cors';
import type { RateLimitOptions } from './http/rate-limiter';
import type { TrustProxyOptions } from './http/trusted-proxy';
import type { RenderOptions } from './render/create-render-pool';
import type { OpenApiInfo } from './openapi/build-openapi';
import type { AnyRoute } from './routing/define-route';

/**
 * Size limits of requests and WebSocket traffic.
 *
 * @example
 * ```ts
 * // behind a reverse proxy every client has the proxy's address: lift the per-address cap
 * const limits: ServerLimits = { bodyBytes: 4 * 1024 * 1024, wsConnectionsPerAddress: Infinity, wsPingIntervalSeconds: 20, wsPongTimeoutSeconds: 5 };
 * const server = createServer(vajra, { limits });
 * ```
 */
export interface ServerLimits {
  /** Largest accepted request body (bytes, default 1 MiB). */
  bodyBytes?: number;
  /** Deepest nesting of arrays and objects in a JSON body (default 64); deeper bodies get a 400 `JSON_TOO_DEEP`. */
  jsonDepth?: number;
  /** Bytes of an unread or refused body read and dropped so the client can read the answer (default 16 MiB); past that the connection closes. */
  drainBytes?: number;
  /** Largest WebSocket message handled (bytes, default 64 KiB); larger ones get an `error` message. */
  wsMessageBytes?: number;
  /** Bytes queued for one connection before it is dropped from a topic (default 1 MiB). */
  wsQueueBytes?: number;
  /** Most topics one connection may subscribe to (default 64). */
  wsTopics?: number;
  /** Messages one connection may send per second, with bursts up to twice that (default 50). */
  wsMessagesPerSecond?: number;
  /** Open WebSocket connections at most (default 10,000); further upgrades get 503 `WS_CONNECTIONS_EXHAUSTED`. */
  wsConnections?: number;
  /**
   * Open WebSocket connections at most from one client address (default 100); further upgrades from it
   * get 429 `WS_TOO_MANY_CONNECTIONS` until one of its sockets closes. Behind a reverse proxy every client
   * has the proxy's address: name the proxy in {@link ServerOptions.trustProxy} (or raise the cap; `Infinity` turns it off).
   */
  wsConnectionsPerAddress?: number;
  /** Open WebSocket connections at most of one authenticated principal (default 50); further upgrades get 429 `WS_TOO_MANY_CONNECTIONS`. */
  wsConnectionsPerPrincipal?: number;
  /** Seconds between the server's WebSocket pings (default 30); `0` turns the heartbeat off. */
  wsPingIntervalSeconds?: number;
  /**
   * Seconds a client has to answer a ping with a pong (default 10; keep it under the ping interval).
   * A client that does not is terminated, and its subscriptions, work and connection counts are released.
   */
  wsPongTimeoutSeconds?: number;
}

/**
 * Options of {@link createServer}.
 *
 * @example
 * ```ts
 * createServer(vajra, { auth: { apiKeys: [{ name: 'alice', key: 'alice-key-0123456789' }] }, cors: { origins: ['https://app.example'] } });
 * ```
 */
export interface ServerOptions {
  /**
   * API keys and/or JWT. Writes and the WebSocket need credentials unless the server knows it is reachable
   * only from this machine (see {@link AuthOptions.require}). `'none'` turns credentials off everywhere —
   * anyone who reaches the server may write — and logs a warning at start.
   */
  auth?: AuthOptions | 'none';
  /**
   * Host names allowed in the `Host` header besides loopback names and IP literals (against DNS
   * rebinding): the names clients use to reach this server, e.g. `['vajra.example.org']`; `'*'` allows any.
   */
  hosts?: string[];
  /** CORS allowlist; the seed's `http://localhost:3000` and `http://localhost:5173` by default. */
  cors?: CorsOptions;
  /**
   * Per-client request budget: 600 tokens per minute by default; `false` turns it off. A request takes its
   * route's `rateLimitWeight` (1 by default, 20 for `POST /api/v1/astrology/windows` and `POST /api/v1/audio/generate`).
   * Requests count by address (`/health` and `/ready` are free); each WebSocket upgrade costs one token of its address,
   * failed ones included, and one of its principal's own budget when it authenticates. A spent budget
   * is a 429 `RATE_LIMITED` with `Retry-After`, for an upgrade too (before the handshake).
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Reverse proxies to believe. Without it (the default) the client address is the TCP peer's and forwarded
   * headers are ignored. With it, a request whose peer is one of `proxies` counts under the client address its
   * forwarded header names (rate limits, `wsConnectionsPerAddress`, render limits of anonymous clients); a peer
   * that is not a trusted proxy is counted under its own address whatever it sends. Forwarded headers never make
   * a request local: behind any proxy, writes and the WebSocket still need credentials under `when-exposed`.
   * A malformed address or range throws `VALIDATION_FAILED` from `createServer`.
   */
  trustProxy?: TrustProxyOptions;
  limits?: ServerLimits;
  /**
   * The path prefix the server is mounted under, e.g. `'/vajra'` for `app.use('/vajra', vajraExpress(server))`
   * or `app.route('/vajra', …)` in Hono: routes answer below it, `/openapi.json` names it as the document's
   * server, `/docs` loads from it and the WebSocket is `<basePath>/ws`. Default `''` (the root).
   */
  basePath?: string;
  /** Extra routes (third-party plugins), declared with `defineRoute`. */
  routes?: AnyRoute[];
  /** Check every JSON response against its schema (a mismatch is a 500); for tests and development. */
  validateResponses?: boolean;
  /** Log one line per request (method, path, status, duration, and the client address that counted: see `trustProxy`). */
  logRequests?: boolean;
  logger?: Logger;
  openapi?: OpenApiInfo;
  /**
   * WAV renders (`POST /api/v1/audio/generate`) and window searches (`POST /api/v1/astrology/windows`) run on
   * worker threads, never on the event loop: `threads` per kind of job (cores − 1, at least 1), `maxActive` jobs at once (4),
   * `maxQueued` waiting (16; past that 503 `RENDERS_BUSY` with `Retry-After`), `perClient` running or waiting
   * per principal, or per address when anonymous (2; past that 429 `RENDER_LIMIT`).
   */
  renders?: RenderOptions;
  /** Bounds of offline rendering by `/api/v1/audio/generate` (seconds; WAV 600, JSON 5 by default). */
  audio?: { maxWavSeconds?: number; maxJsonSeconds?: number };
}

/**
 * Default limits.
 * @example
 * ```ts
 * const server = createServer(vajra, { limits: { bodyBytes: DEFAULT_LIMITS.bodyBytes * 4 } });
 * ```
 */
export const DEFAULT_LIMITS: Required<ServerLimits> = {
  bodyBytes: 1024 * 1024,
  jsonDepth: 64,
  drainBytes: 16 * 1024 * 1024,
  wsMessageBytes: 64 * 1024,
  wsQueueBytes: 1024 * 1024,
  wsTopics: 64,
  wsMessagesPerSecond: 50,
  wsConnections: 10_000,
  wsConnectionsPerAddress: 100,
  wsConnectionsPerPrincipal: 50,
  wsPingIntervalSeconds: 30,
  wsPongTimeoutSeconds: 10,
};
