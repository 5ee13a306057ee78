import { VajraError } from '@vajra-stream/core';
import { authConfigError } from './auth-config-error';
import { createJwtVerifier, type JwtOptions } from './create-jwt-verifier';

export type { JwtAlgorithm, JwtOptions } from './create-jwt-verifier';

/**
 * Who made a request, with its scopes. API keys and JWT subjects live in separate namespaces: `id` is
 * `key:<name>` for an API key and `jwt:<sub>` for a token, so a token whose `sub` equals a key's name is
 * a different principal and owns none of that key's sessions, wheels or playback.
 *
 * @example
 * ```ts
 * const whoami = defineRoute({
 *   method: 'GET',
 *   path: '/api/v1/whoami',
 *   summary: 'Who the caller is',
 *   handler: ({ access }) => {
 *     const principal: Principal | null = access.principal; // null for an anonymous request
 *     return principal ?? { anonymous: true }; // { id: 'key:alice', name: 'alice', scopes: ['admin'], via: 'api-key' }
 *   },
 * });
 * ```
 */
export interface Principal {
  /** The owner recorded on what this principal creates: `key:<name>` or `jwt:<sub>`. */
  id: string;
  /** The API key's name or the JWT's `sub`. */
  name: string;
  scopes: string[];
  via: 'api-key' | 'jwt';
}

/**
 * One API key. The key itself is a secret and never appears in responses or logs.
 *
 * @example
 * ```ts
 * const teacher: ApiKey = { name: 'teacher', key: randomBytes(24).toString('hex'), scopes: ['admin'] };
 * const server = createServer(vajra, { auth: { apiKeys: [teacher] } });
 * ```
 */
export interface ApiKey {
  name: string;
  /** At least 16 characters (e.g. `openssl rand -hex 24`); shorter keys stop the server from starting. */
  key: string;
  /** `admin` sees and controls every principal's sessions and wheels. */
  scopes?: string[];
}

/**
 * Shortest accepted API key, in characters.
 * @example
 * ```ts
 * const key = randomBytes(MIN_API_KEY_LENGTH).toString('hex');
 * ```
 */
export const MIN_API_KEY_LENGTH = 16;

/**
 * Options of the server's authentication. Credentials the server cannot honour safely (a key shorter than
 * 16 characters, a JWT secret shorter than 32 bytes, an unusable JWT key) stop it from starting with
 * `AUTH_CONFIG_INVALID`.
 *
 * @example
 * ```ts
 * const auth: AuthOptions = {
 *   apiKeys: [{ name: 'alice', key: process.env.ALICE_KEY! }],
 *   jwt: { secret: process.env.JWT_SECRET!, maxAgeSeconds: 3600 },
 * };
 * ```
 */
export interface AuthOptions {
  apiKeys?: ApiKey[];
  jwt?: JwtOptions;
  /**
   * When writes and the WebSocket upgrade need credentials: `when-exposed` (default) unless the server
   * knows it is reachable only from this machine — its own listen helpers (`serve`, `listenExpress`,
   * `serveHono`, or `attachWebSocket` on a listening server) report a loopback bind address and the request
   * carries no proxy header (`Forwarded`, `X-Forwarded-*`, `X-Real-IP`, `Via`); `always`; or `never`
   * (the same as `auth: 'none'`, with its start-up warning).
   */
  require?: 'always' | 'when-exposed' | 'never';
}

/** Checks `Authorization: Bearer …` values. */
export interface Authenticator {
  /** The principal of a bearer token, `null` when none is given; throws `UNAUTHENTICATED` (401) when it is wrong. */
  authenticate(token: string | null): Promise<Principal | null>;
  /** Resolves once the JWT key is usable; rejects with `AUTH_CONFIG_INVALID` when it is not. */
  ready(): Promise<void>;
  readonly configured: boolean;
}

const encoder = new TextEncoder();
const digest = async (text: string): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i += 1) diff |= a[i]! ^ b[i]!;
  return diff === 0;
};

const refused = (): VajraError => new VajraError('UNAUTHENTICATED', 'Invalid or expired credentials', { status: 401 });

function checkApiKeys(apiKeys: ApiKey[]): void {
  const names = new Set<string>();
  const keys = new Set<string>();
  apiKeys.forEach((apiKey, index) => {
    const where = `auth.apiKeys[${index}]`;
    if (typeof apiKey.name !== 'string' || apiKey.name.length === 0) throw authConfigError(`${where} needs a name`);
    const label = `${where} ("${apiKey.name.slice(0, 64)}")`;
    if (typeof apiKey.key !== 'string' || apiKey.key.length < MIN_API_KEY_LENGTH) {
      throw authConfigError(`${label}: the key has ${typeof apiKey.key === 'string' ? apiKey.key.length : 0} characters; use at least ${MIN_API_KEY_LENGTH} (e.g. openssl rand -hex 24)`);
    }
    if (names.has(apiKey.name)) throw authConfigError(`${label}: another key has this name`);
    if (keys.has(apiKey.key)) throw authConfigError(`${label}: the same key is given twice`);
    names.add(apiKey.name);
    keys.add(apiKey.key);
  });
}

/**
 * Build an authenticator from API keys and/or JWT settings. Throws `AUTH_CONFIG_INVALID` for credentials
 * it refuses (see {@link AuthOptions}); `ready()` rejects when a JWT key does not import.
 *
 * @example
 * ```ts
 * const auth = createAuthenticator({ apiKeys: [{ name: 'alice', key: process.env.ALICE_KEY! }] });
 * await auth.ready();
 * const principal = await auth.authenticate(process.env.ALICE_KEY!); // { id: 'key:alice', name: 'alice', scopes: [], via: 'api-key' }
 * ```
 */
export function createAuthenticator(options: AuthOptions = {}, now: () => number = Date.now): Authenticator {
  const apiKeys = options.apiKeys ?? [];
  checkApiKeys(apiKeys);
  const keys = Promise.all(apiKeys.map(async (key) => ({ name: key.name, scopes: key.scopes ?? [], hash: await digest(key.key) })));
  const jwt = options.jwt === undefined ? undefined : createJwtVerifier(options.jwt, now);
  return {
    configured: apiKeys.length > 0 || jwt !== undefined,
    ready: () => jwt?.ready() ?? Promise.resolve(),
    async authenticate(token) {
      if (token === null) return null;
      if (token.length === 0 || token.length > 8192) throw refused();
      if (jwt !== undefined && token.split('.').length === 3) {
        const payload = await jwt.verify(token);
        if (payload === null || typeof payload.sub !== 'string' || payload.sub.length === 0) throw refused();
        const scope = payload.scope ?? payload.scopes;
        const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : Array.isArray(scope) ? scope.filter((s): s is string => typeof s === 'string') : [];
        return { id: `jwt:${payload.sub}`, name: payload.sub, scopes, via: 'jwt' };
      }
      const hash = await digest(token);
      for (const key of await keys) if (sameBytes(hash, key.hash)) return { id: `key:${key.name}`, name: key.name, scopes: key.scopes, via: 'api-key' };
      throw refused();
    },
  };
}

/**
 * The bearer token of an `Authorization` header, `null` when absent; throws 401 on another scheme.
 *
 * @example
 * ```ts
 * bearerToken(request.headers.get('authorization'));
 * ```
 */
export function bearerToken(header: string | null): string | null {
  if (header === null || header === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw new VajraError('UNAUTHENTICATED', 'Use "Authorization: Bearer <token>"', { status: 401 });
  return match[1]!;
}

/**
 * True when the principal may see and act on everything.
 * @example
 * ```ts
 * const seesEverything = isAdmin(principal); // scopes include 'admin'
 * ```
 */
export const isAdmin = (principal: Principal | null): boolean => principal?.scopes.includes('admin') === true;
