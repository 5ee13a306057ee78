import { createRemoteJWKSet, importJWK, importSPKI, jwtVerify, type JWK, type JWTPayload, type JWTVerifyGetKey, type CryptoKey as JoseKey } from 'jose';
import { authConfigError } from './auth-config-error';

/**
 * The JWT signature algorithms the server verifies (never `none`).
 *
 * @example
 * ```ts
 * const algorithm: JwtAlgorithm = 'ES256';
 * const server = createServer(vajra, { auth: { jwt: { jwksUrl: 'https://issuer.example/.well-known/jwks.json', algorithm, audience: 'vajra' } } });
 * ```
 */
export type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';

const SHARED_SECRET: readonly JwtAlgorithm[] = ['HS256', 'HS384', 'HS512'];
const PUBLIC_KEY: readonly JwtAlgorithm[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Shortest accepted `auth.jwt.secret`, in UTF-8 bytes (RFC 7518 §3.2: a key at least as long as the HS256 hash).
 * @example
 * ```ts
 * const secret = randomBytes(MIN_JWT_SECRET_BYTES).toString('base64url');
 * ```
 */
export const MIN_JWT_SECRET_BYTES = 32;
/**
 * Default `auth.jwt.maxAgeSeconds`: 24 hours.
 * @example
 * ```ts
 * const exp = Math.floor(Date.now() / 1000) + DEFAULT_JWT_MAX_AGE_SECONDS;
 * ```
 */
export const DEFAULT_JWT_MAX_AGE_SECONDS = 86_400;

/**
 * JWT verification: exactly one of `secret` (HS256 by default), `publicKey` (SPKI PEM or a public JWK;
 * RS256 by default) or `jwksUrl` (RS256, ES256 or EdDSA by default). Every token needs `sub` and `exp`.
 *
 * @example
 * ```ts
 * const jwt: JwtOptions = { jwksUrl: 'https://issuer.example/.well-known/jwks.json', issuer: 'https://issuer.example', maxAgeSeconds: 3600 };
 * ```
 */
export interface JwtOptions {
  /** Shared secret of at least 32 bytes. */
  secret?: string;
  /** Public key as an SPKI PEM (`-----BEGIN PUBLIC KEY-----`) or a public JWK. */
  publicKey?: string | JWK;
  jwksUrl?: string;
  /** The one algorithm tokens must be signed with (default: see above). */
  algorithm?: JwtAlgorithm;
  issuer?: string;
  audience?: string;
  /**
   * Longest accepted token lifetime in seconds (default 86,400 = 24 h): a token whose `exp` is further than
   * this from its `iat`, or from now, is refused.
   */
  maxAgeSeconds?: number;
}

/** Verifies tokens once its key is ready. */
export interface JwtVerifier {
  /** Resolves once the key is imported (or the JWKS loaded); rejects with `AUTH_CONFIG_INVALID`. */
  ready(): Promise<void>;
  /** The verified claims, `null` for a token that is not valid now; throws `AUTH_CONFIG_INVALID` when the key could not be set up. */
  verify(token: string): Promise<JWTPayload | null>;
}

type VerifyKey = Uint8Array | JoseKey | JWTVerifyGetKey;

/**
 * Check JWT settings and start setting up the key. Settings that are wrong on their face (two key
 * sources, a short secret, an unknown algorithm, a secret with an RS algorithm) throw `AUTH_CONFIG_INVALID`
 * at once; a key that does not import (bad PEM or JWK) or a JWKS that does not load rejects `ready()`.
 *
 * @example
 * ```ts
 * const verifier = createJwtVerifier({ secret: process.env.JWT_SECRET! }, Date.now);
 * await verifier.ready();
 * const claims = await verifier.verify(token); // null when expired, forged or too long-lived
 * ```
 */
export function createJwtVerifier(options: JwtOptions, now: () => number): JwtVerifier {
  const sources = (['secret', 'publicKey', 'jwksUrl'] as const).filter((name) => options[name] !== undefined);
  if (sources.length !== 1) throw authConfigError(`give exactly one of auth.jwt.secret, auth.jwt.publicKey or auth.jwt.jwksUrl (got ${sources.length === 0 ? 'none' : sources.join(' and ')})`);
  const maxAge = options.maxAgeSeconds ?? DEFAULT_JWT_MAX_AGE_SECONDS;
  if (!Number.isFinite(maxAge) || maxAge <= 0) throw authConfigError('auth.jwt.maxAgeSeconds must be a positive number of seconds');
  const algorithm = options.algorithm;
  if (algorithm !== undefined && !SHARED_SECRET.includes(algorithm) && !PUBLIC_KEY.includes(algorithm)) {
    throw authConfigError(`auth.jwt.algorithm "${String(algorithm).slice(0, 20)}" is not supported; use one of ${[...SHARED_SECRET, ...PUBLIC_KEY].join(', ')}`);
  }
  const { algorithms, key } = setUp(options, algorithm);
  key.catch(() => undefined); // reported through ready() and verify(), never as an unhandled rejection

  return {
    ready: () => key.then(() => undefined),
    async verify(token) {
      const verifyKey = await key;
      const verifyOptions = { algorithms, issuer: options.issuer, audience: options.audience, requiredClaims: ['exp', 'sub'], currentDate: new Date(now()) };
      let payload: JWTPayload;
      try {
        ({ payload } = typeof verifyKey === 'function' ? await jwtVerify(token, verifyKey, verifyOptions) : await jwtVerify(token, verifyKey, verifyOptions));
      } catch {
        return null;
      }
      const exp = payload.exp!;
      if (exp - now() / 1000 > maxAge) return null;
      if (typeof payload.iat === 'number' && exp - payload.iat > maxAge) return null;
      return payload;
    },
  };
}

function setUp(options: JwtOptions, algorithm: JwtAlgorithm | undefined): { algorithms: JwtAlgorithm[]; key: Promise<VerifyKey> } {
  if (options.secret !== undefined) {
    if (algorithm !== undefined && !SHARED_SECRET.includes(algorithm))
      throw authConfigError(`auth.jwt.secret signs with ${SHARED_SECRET.join(', ')}, not ${algorithm}; use auth.jwt.publicKey for ${algorithm}`);
    const bytes = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : new Uint8Array();
    if (bytes.length < MIN_JWT_SECRET_BYTES) throw authConfigError(`auth.jwt.secret has ${bytes.length} bytes; use at least ${MIN_JWT_SECRET_BYTES} (e.g. 32 random bytes as hex or base64url)`);
    return { algorithms: [algorithm ?? 'HS256'], key: Promise.resolve(bytes) };
  }
  if (algorithm !== undefined && SHARED_SECRET.includes(algorithm)) throw authConfigError(`${algorithm} needs auth.jwt.secret, not a public key`);
  if (options.publicKey !== undefined) {
    const publicKey = options.publicKey;
    if (typeof publicKey === 'string') {
      const alg = algorithm ?? 'RS256';
      return { algorithms: [alg], key: importing('auth.jwt.publicKey (SPKI PEM)', () => importSPKI(publicKey, alg)) };
    }
    if (typeof publicKey !== 'object' || publicKey === null) throw authConfigError('auth.jwt.publicKey must be an SPKI PEM string or a public JWK');
    if (publicKey.kty === 'oct') throw authConfigError('auth.jwt.publicKey is a symmetric JWK; give it as auth.jwt.secret');
    if (publicKey.d !== undefined) throw authConfigError('auth.jwt.publicKey is a private JWK; give only its public part');
    const jwkAlg = publicKey.alg;
    if (jwkAlg !== undefined && algorithm !== undefined && jwkAlg !== algorithm) throw authConfigError(`auth.jwt.publicKey is for ${jwkAlg.slice(0, 20)}, auth.jwt.algorithm says ${algorithm}`);
    const alg = algorithm ?? jwkAlg ?? 'RS256';
    if (!PUBLIC_KEY.includes(alg as JwtAlgorithm)) throw authConfigError(`auth.jwt.publicKey has the unsupported algorithm "${alg.slice(0, 20)}"; use one of ${PUBLIC_KEY.join(', ')}`);
    return { algorithms: [alg as JwtAlgorithm], key: importing('auth.jwt.publicKey (JWK)', () => importJWK(publicKey, alg)) };
  }
  let url: URL;
  try {
    url = new URL(options.jwksUrl!);
  } catch {
    throw authConfigError('auth.jwt.jwksUrl is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw authConfigError('auth.jwt.jwksUrl must be an http(s) URL');
  const where = `${url.origin}${url.pathname}`;
  const set = createRemoteJWKSet(url);
  const key = importing(`auth.jwt.jwksUrl (${where})`, async () => {
    await set.reload();
    if ((set.jwks()?.keys.length ?? 0) === 0) throw new Error('the key set has no keys');
    return set;
  });
  return { algorithms: algorithm === undefined ? ['RS256', 'ES256', 'EdDSA'] : [algorithm], key };
}

async function importing<T extends VerifyKey>(what: string, load: () => Promise<T>): Promise<VerifyKey> {
  try {
    return await load();
  } catch (error) {
    throw authConfigError(`${what} could not be used: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`);
  }
}
