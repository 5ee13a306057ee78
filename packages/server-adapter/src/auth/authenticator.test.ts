import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerToken, createAuthenticator } from './authenticator';

const refusal = { code: 'UNAUTHENTICATED', status: 401 };

describe('createAuthenticator', () => {
  it('maps API keys to their names and scopes, and refuses others', async () => {
    const auth = createAuthenticator({ apiKeys: [{ name: 'alice', key: 'k-alice-123' }, { name: 'ops', key: 'k-ops-456', scopes: ['admin'] }] });
    expect(await auth.authenticate('k-alice-123')).toEqual({ name: 'alice', scopes: [], via: 'api-key' });
    expect(await auth.authenticate('k-ops-456')).toMatchObject({ name: 'ops', scopes: ['admin'] });
    expect(await auth.authenticate(null)).toBeNull();
    await expect(auth.authenticate('k-alice-12')).rejects.toMatchObject(refusal);
    await expect(auth.authenticate('')).rejects.toMatchObject(refusal);
  });

  it('verifies RS256 tokens against a public key, with scopes, issuer and expiry', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const auth = createAuthenticator({ jwt: { publicKey: await exportSPKI(publicKey), issuer: 'https://issuer.test' } });
    const sign = (claims: Record<string, unknown>, issuer = 'https://issuer.test', expires = '5m') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setSubject('dana').setIssuer(issuer).setExpirationTime(expires).sign(privateKey);
    expect(await auth.authenticate(await sign({ scope: 'read admin' }))).toEqual({ name: 'dana', scopes: ['read', 'admin'], via: 'jwt' });
    await expect(auth.authenticate(await sign({}, 'https://other.test'))).rejects.toMatchObject(refusal);
    await expect(auth.authenticate(await sign({}, 'https://issuer.test', '-1m'))).rejects.toMatchObject(refusal);
    const other = await generateKeyPair('RS256');
    const foreign = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setSubject('dana').setIssuer('https://issuer.test').sign(other.privateKey);
    await expect(auth.authenticate(foreign)).rejects.toMatchObject(refusal);
    // alg confusion: an HS256 token must not pass an RS256 verifier
    const hs = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('dana').sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(auth.authenticate(hs)).rejects.toMatchObject(refusal);
  });

  it('verifies tokens against a JWKS endpoint', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    try {
      const auth = createAuthenticator({ jwt: { jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json` } });
      const token = await new SignJWT({ scopes: ['admin'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('erin').sign(privateKey);
      expect(await auth.authenticate(token)).toEqual({ name: 'erin', scopes: ['admin'], via: 'jwt' });
      const noSub = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);
      await expect(auth.authenticate(noSub)).rejects.toMatchObject(refusal);
    } finally {
      jwks.close();
    }
  });
});

describe('bearerToken', () => {
  it('reads the Bearer scheme only', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken(null)).toBeNull();
    expect(() => bearerToken('Basic Zm9vOmJhcg==')).toThrow(/Bearer/);
  });
});
