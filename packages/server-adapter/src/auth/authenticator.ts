import { VajraError } from '@vajra-stream/core';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type CryptoKey as JoseKey } from 'jose';

/** Who made a request: the JWT `sub` or the name of an API key, with its scopes. */
export interface Principal {
  name: string;
  scopes: string[];
  via: 'api-key' | 'jwt';
}

/** One API key. The key itself is a secret and never appears in responses or logs. */
export interface ApiKey {
  name: string;
  key: string;
  /** `admin` sees and controls every principal's sessions and wheels. */
  scopes?: string[];
}

/** JWT verification: one of `secret` (HS256), `publicKey` (SPKI PEM, RS256) or `jwksUrl`. */
export interface JwtOptions {
  secret?: string;
  publicKey?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** Options of the server's authentication. */
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
  readonly configured: boolean;
}

const encoder = new TextEncoder();
const digest = async (text: string): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i += 1) diff |= a[i]! ^ b[i]!;
  return diff === 0;
};

const refused = (): VajraError =>
  new VajraError('UNAUTHENTICATED', 'Invalid or expired credentials', { status: 401 });

/**
 * Build an authenticator from API keys and/or JWT settings.
 *
 * @example
 * ```ts
 * const auth = createAuthenticator({ apiKeys: [{ name: 'alice', key: process.env.ALICE_KEY! }] });
 * const principal = await auth.authenticate('the-key'); // { name: 'alice', scopes: [], via: 'api-key' }
 * ```
 */
export function createAuthenticator(options: AuthOptions = {}): Authenticator {
  const keys = Promise.all((options.apiKeys ?? []).map(async (key) => ({ ...key, hash: await digest(key.key) })));
  const jwt = options.jwt;
  let verifyKey: Promise<Uint8Array | JoseKey | JWTVerifyGetKey> | undefined;
  let algorithms: string[] = [];
  if (jwt?.secret !== undefined) {
    verifyKey = Promise.resolve(encoder.encode(jwt.secret));
    algorithms = ['HS256'];
  } else if (jwt?.publicKey !== undefined) {
    verifyKey = importSPKI(jwt.publicKey, 'RS256');
    algorithms = ['RS256'];
  } else if (jwt?.jwksUrl !== undefined) {
    verifyKey = Promise.resolve(createRemoteJWKSet(new URL(jwt.jwksUrl)));
    algorithms = ['RS256', 'ES256', 'EdDSA'];
  }
  return {
    configured: (options.apiKeys?.length ?? 0) > 0 || verifyKey !== undefined,
    async authenticate(token) {
      if (token === null) return null;
      if (token.length === 0 || token.length > 8192) throw refused();
      if (verifyKey !== undefined && token.split('.').length === 3) {
        try {
          const key = await verifyKey;
          const { payload } = await jwtVerify(token, key as Uint8Array, { algorithms, issuer: jwt?.issuer, audience: jwt?.audience });
          if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw refused();
          const scope = payload.scope ?? payload.scopes;
          const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : Array.isArray(scope) ? scope.filter((s): s is string => typeof s === 'string') : [];
          return { name: payload.sub, scopes, via: 'jwt' };
        } catch {
          throw refused();
        }
      }
      const hash = await digest(token);
      for (const key of await keys) if (sameBytes(hash, key.hash)) return { name: key.name, scopes: key.scopes ?? [], via: 'api-key' };
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

/** True when the principal may see and act on everything. */
export const isAdmin = (principal: Principal | null): boolean => principal?.scopes.includes('admin') === true;
