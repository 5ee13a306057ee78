/**
 * CORS settings: an allowlist of origins (`*` allows any).
 *
 * @example
 * ```ts
 * const cors: CorsOptions = { origins: ['https://app.example.org', 'http://localhost:5173'], maxAge: 3600 }; // seconds
 * const server = createServer(vajra, { cors });
 * ```
 */
export interface CorsOptions {
  origins?: string[];
  /** Seconds browsers may cache a preflight. */
  maxAge?: number;
}

/**
 * The seed's development origins, allowed by default.
 * @example
 * ```ts
 * const server = createServer(vajra, { cors: { origins: [...DEFAULT_CORS_ORIGINS, 'https://app.example.org'] } });
 * ```
 */
export const DEFAULT_CORS_ORIGINS = ['http://localhost:3000', 'http://localhost:5173'];

const NO_HEADERS: Record<string, string> = Object.freeze({});
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'authorization, content-type, accept';

/**
 * CORS decisions for one server.
 *
 * @example
 * ```ts
 * const cors = createCors({ origins: ['https://app.example'] });
 * cors.allows('https://app.example'); // true
 * ```
 */
export function createCors(options: CorsOptions = {}) {
  const origins = new Set(options.origins ?? DEFAULT_CORS_ORIGINS);
  const any = origins.has('*');
  const allows = (origin: string | null): boolean => origin !== null && (any || origins.has(origin));
  return {
    allows,
    /** Headers added to an actual response (none, one shared empty record, when the origin is absent or not allowed). */
    headersFor(origin: string | null): Record<string, string> {
      if (!allows(origin)) return NO_HEADERS;
      return { 'access-control-allow-origin': any ? '*' : origin!, 'access-control-expose-headers': 'retry-after, x-ratelimit-remaining', vary: 'Origin' };
    },
    /** Headers of a successful preflight. */
    preflightHeaders(origin: string): Record<string, string> {
      return {
        'access-control-allow-origin': any ? '*' : origin,
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': String(options.maxAge ?? 600),
        vary: 'Origin',
      };
    },
  };
}

/** The CORS helper built by {@link createCors}. */
export type Cors = ReturnType<typeof createCors>;
