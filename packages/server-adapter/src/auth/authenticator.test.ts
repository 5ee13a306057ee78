import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { MIN_API_KEY_LENGTH, bearerToken, createAuthenticator } from './authenticator';
import { DEFAULT_JWT_MAX_AGE_SECONDS, MIN_JWT_SECRET_BYTES } from './create-jwt-verifier';

const refusal = { code: 'UNAUTHENTICATED', status: 401 };

describe('createAuthenticator', () => {
  it('maps API keys to their names and scopes, and refuses others', async () => {
    const auth = createAuthenticator({
      apiKeys: [
        { name: 'alice', key: 'k-alice-0123456789' },
        { name: 'ops', key: 'k-ops-0123456789', scopes: ['admin'] },
      ],
    });
    expect(await auth.authenticate('k-alice-0123456789')).toEqual({ id: 'key:alice', name: 'alice', scopes: [], via: 'api-key' });
    expect(await auth.authenticate('k-ops-0123456789')).toMatchObject({ id: 'key:ops', name: 'ops', scopes: ['admin'] });
    expect(await auth.authenticate(null)).toBeNull();
    await expect(auth.authenticate('k-alice-012345678')).rejects.toMatchObject(refusal);
    await expect(auth.authenticate('')).rejects.toMatchObject(refusal);
  });

  it('verifies RS256 tokens against a public key, with scopes, issuer and expiry', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const auth = createAuthenticator({ jwt: { publicKey: await exportSPKI(publicKey), issuer: 'https://issuer.test' } });
    const sign = (claims: Record<string, unknown>, issuer = 'https://issuer.test', expires = '5m') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setSubject('dana').setIssuer(issuer).setExpirationTime(expires).sign(privateKey);
    expect(await auth.authenticate(await sign({ scope: 'read admin' }))).toEqual({ id: 'jwt:dana', name: 'dana', scopes: ['read', 'admin'], via: 'jwt' });
    await expect(auth.authenticate(await sign({}, 'https://other.test'))).rejects.toMatchObject(refusal);
    await expect(auth.authenticate(await sign({}, 'https://issuer.test', '-1m'))).rejects.toMatchObject(refusal);
    const other = await generateKeyPair('RS256');
    const foreign = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setSubject('dana').setIssuer('https://issuer.test').setExpirationTime('5m').sign(other.privateKey);
    await expect(auth.authenticate(foreign)).rejects.toMatchObject(refusal);
    // alg confusion: an HS256 token must not pass an RS256 verifier
    const hs = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('dana')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(auth.authenticate(hs)).rejects.toMatchObject(refusal);
  });

  it('verifies tokens against a JWKS endpoint', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    try {
      const auth = createAuthenticator({ jwt: { jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json` } });
      await auth.ready();
      const token = await new SignJWT({ scopes: ['admin'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('erin').setExpirationTime('5m').sign(privateKey);
      expect(await auth.authenticate(token)).toEqual({ id: 'jwt:erin', name: 'erin', scopes: ['admin'], via: 'jwt' });
      const noSub = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setExpirationTime('5m').sign(privateKey);
      await expect(auth.authenticate(noSub)).rejects.toMatchObject(refusal);
    } finally {
      jwks.close();
    }
  });
});

describe('credentials the authenticator refuses to start with', () => {
  const config = (message: RegExp) => expect.objectContaining({ code: 'AUTH_CONFIG_INVALID', message: expect.stringMatching(message) });
  const secret = 's'.repeat(MIN_JWT_SECRET_BYTES);

  it('refuses API keys under 16 characters, without echoing the key', () => {
    const short = 'k'.repeat(MIN_API_KEY_LENGTH - 1);
    let thrown: unknown;
    try {
      createAuthenticator({ apiKeys: [{ name: 'alice', key: short }] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toEqual(config(/apiKeys\[0\] \("alice"\).*15 characters.*at least 16/));
    expect(String((thrown as Error).message)).not.toContain(short);
    expect(() => createAuthenticator({ apiKeys: [{ name: 'alice', key: 'k'.repeat(MIN_API_KEY_LENGTH) }] })).not.toThrow();
    expect(() =>
      createAuthenticator({
        apiKeys: [
          { name: 'a', key: 'k'.repeat(20) },
          { name: 'a', key: 'j'.repeat(20) },
        ],
      }),
    ).toThrow(config(/another key has this name/));
    expect(() =>
      createAuthenticator({
        apiKeys: [
          { name: 'a', key: 'k'.repeat(20) },
          { name: 'b', key: 'k'.repeat(20) },
        ],
      }),
    ).toThrow(config(/same key/));
    expect(() => createAuthenticator({ apiKeys: [{ name: '', key: 'k'.repeat(20) }] })).toThrow(config(/needs a name/));
  });

  it('refuses a JWT secret under 32 bytes (counted in UTF-8) and impossible JWT settings', async () => {
    expect(() => createAuthenticator({ jwt: { secret: secret.slice(1) } })).toThrow(config(/31 bytes.*at least 32/));
    expect(() => createAuthenticator({ jwt: { secret: 'é'.repeat(15) } })).toThrow(config(/30 bytes/));
    expect(() => createAuthenticator({ jwt: { secret: 'é'.repeat(16) } })).not.toThrow();
    expect(() => createAuthenticator({ jwt: {} })).toThrow(config(/exactly one.*got none/));
    const pem = await exportSPKI((await generateKeyPair('RS256')).publicKey);
    const privateJwk = await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
    expect(() => createAuthenticator({ jwt: { secret, publicKey: pem } })).toThrow(config(/exactly one.*secret and publicKey/));
    expect(() => createAuthenticator({ jwt: { secret, algorithm: 'none' as never } })).toThrow(config(/"none" is not supported/));
    expect(() => createAuthenticator({ jwt: { secret, algorithm: 'RS256' } })).toThrow(config(/not RS256/));
    expect(() => createAuthenticator({ jwt: { publicKey: pem, algorithm: 'HS256' } })).toThrow(config(/HS256 needs auth.jwt.secret/));
    expect(() => createAuthenticator({ jwt: { publicKey: { kty: 'oct', k: 'c2VjcmV0' } } })).toThrow(config(/symmetric JWK/));
    expect(() => createAuthenticator({ jwt: { publicKey: privateJwk } })).toThrow(config(/private JWK/));
    expect(() => createAuthenticator({ jwt: { jwksUrl: 'not a url' } })).toThrow(config(/not a URL/));
    expect(() => createAuthenticator({ jwt: { jwksUrl: 'file:///etc/jwks.json' } })).toThrow(config(/http\(s\)/));
    expect(() => createAuthenticator({ jwt: { secret, maxAgeSeconds: 0 } })).toThrow(config(/maxAgeSeconds/));
  });

  it('rejects ready() for a key that does not import or a JWKS that does not load, and answers tokens with that error, not 401', async () => {
    const badPem = createAuthenticator({ jwt: { publicKey: '-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----' } });
    await expect(badPem.ready()).rejects.toEqual(config(/publicKey \(SPKI PEM\) could not be used/));
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('dana').setExpirationTime('5m').sign(new TextEncoder().encode(secret));
    await expect(badPem.authenticate(token)).rejects.toEqual(config(/could not be used/));
    const ecKey = await exportJWK((await generateKeyPair('ES256')).publicKey);
    await expect(createAuthenticator({ jwt: { publicKey: { ...ecKey, alg: 'RS256' } } }).ready()).rejects.toEqual(config(/JWK\) could not be used/));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(createAuthenticator({ jwt: { jwksUrl: `http://127.0.0.1:${port}/jwks.json` } }).ready()).rejects.toEqual(config(/jwksUrl \(http:\/\/127.0.0.1:\d+\/jwks.json\) could not be used/));
  });

  it('refuses tokens without exp, and tokens living longer than maxAgeSeconds (from iat or from now)', async () => {
    let now = Date.UTC(2026, 0, 1);
    const auth = createAuthenticator({ jwt: { secret, maxAgeSeconds: 3600 } }, () => now);
    const key = new TextEncoder().encode(secret);
    const at = (seconds: number) => Math.floor(now / 1000) + seconds;
    const sign = (claims: { iat?: number; exp?: number }) => {
      const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('dana');
      if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
      if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
      return jwt.sign(key);
    };
    await expect(auth.authenticate(await sign({}))).rejects.toMatchObject(refusal);
    await expect(auth.authenticate(await sign({ iat: at(0) }))).rejects.toMatchObject(refusal);
    expect(await auth.authenticate(await sign({ exp: at(3600) }))).toMatchObject({ id: 'jwt:dana' });
    await expect(auth.authenticate(await sign({ exp: at(3601) }))).rejects.toMatchObject(refusal);
    expect(await auth.authenticate(await sign({ iat: at(-100), exp: at(3500) }))).toMatchObject({ id: 'jwt:dana' });
    await expect(auth.authenticate(await sign({ iat: at(-100), exp: at(3501) }))).rejects.toMatchObject(refusal);
    const expiring = await sign({ iat: at(0), exp: at(60) });
    expect(await auth.authenticate(expiring)).toMatchObject({ id: 'jwt:dana' });
    now += 61_000; // the verifier reads the clock it was given
    await expect(auth.authenticate(expiring)).rejects.toMatchObject(refusal);
    const defaults = createAuthenticator({ jwt: { secret } }, () => now);
    expect(await defaults.authenticate(await sign({ exp: at(DEFAULT_JWT_MAX_AGE_SECONDS) }))).toMatchObject({ id: 'jwt:dana' });
    await expect(defaults.authenticate(await sign({ exp: at(DEFAULT_JWT_MAX_AGE_SECONDS + 1) }))).rejects.toMatchObject(refusal);
  });

  it('keeps API-key names and JWT subjects apart', async () => {
    const auth = createAuthenticator({ apiKeys: [{ name: 'alice', key: 'alice-key-0123456789' }], jwt: { secret } });
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').setExpirationTime('5m').sign(new TextEncoder().encode(secret));
    const viaKey = await auth.authenticate('alice-key-0123456789');
    const viaJwt = await auth.authenticate(token);
    expect([viaKey?.id, viaJwt?.id]).toEqual(['key:alice', 'jwt:alice']);
  });
});

describe('bearerToken', () => {
  it('reads the Bearer scheme only', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken(null)).toBeNull();
    expect(() => bearerToken('Basic Zm9vOmJhcg==')).toThrow(/Bearer/);
  });
});
