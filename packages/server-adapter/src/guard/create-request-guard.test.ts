import { describe, expect, it } from 'vitest';
import { createCors } from '../http/cors';
import { createRequestGuard } from './create-request-guard';

const guard = createRequestGuard({ hosts: ['Vajra.Example'], cors: createCors({ origins: ['https://app.example'] }) });
const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('createRequestGuard', () => {
  it('allows loopback names, IP literals and configured hosts, and refuses other names (DNS rebinding)', () => {
    for (const host of [
      'localhost:8000',
      'LOCALHOST',
      'app.localhost:5173',
      '127.0.0.1:8000',
      '127.1.2.3',
      '[::1]:8000',
      '192.168.1.20',
      '10.0.0.7:80',
      'vajra.example',
      'VAJRA.example:443',
      null,
      '',
    ]) {
      expect(() => guard.checkHost(host), String(host)).not.toThrow();
    }
    for (const host of ['rebound.attacker.example:8000', 'localhost.attacker.example', 'vajra.example.attacker.example', '999.1.1.1', 'a b', 'evil/..', 'user@localhost']) {
      expect(() => guard.checkHost(host), host).toThrow(expect.objectContaining({ code: 'HOST_NOT_ALLOWED', status: 403 }));
    }
    expect(() => createRequestGuard({ hosts: ['*'], cors: createCors() }).checkHost('anything.example')).not.toThrow();
  });

  it('keeps its verdicts when a client sends ever new Host values (the remembered verdicts are bounded, not trusted blindly)', () => {
    const fresh = createRequestGuard({ hosts: [], cors: createCors() });
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 600; i += 1) {
        expect(() => fresh.checkHost(`h${i}.attacker.example`)).toThrow(expect.objectContaining({ code: 'HOST_NOT_ALLOWED' }));
        expect(() => fresh.checkHost(`127.0.0.${i % 256}:${i}`)).not.toThrow();
      }
      expect(() => fresh.checkHost('rebound.attacker.example')).toThrow(expect.objectContaining({ code: 'HOST_NOT_ALLOWED' }));
      expect(() => fresh.checkHost('localhost:8000')).not.toThrow();
    }
  });

  it('allows CORS origins and the page origin of an allowed host, nothing else', () => {
    expect(guard.allowsOrigin('https://app.example', 'rebound.example')).toBe(true);
    expect(guard.allowsOrigin('http://127.0.0.1:8000', '127.0.0.1:8000')).toBe(true);
    expect(guard.allowsOrigin('https://vajra.example', 'vajra.example')).toBe(true);
    expect(guard.allowsOrigin('http://127.0.0.1:8000', '127.0.0.1:8001')).toBe(false);
    expect(guard.allowsOrigin('http://rebound.example:8000', 'rebound.example:8000')).toBe(false);
    expect(guard.allowsOrigin('null', '127.0.0.1:8000')).toBe(false);
    expect(guard.allowsOrigin('file:///x', '127.0.0.1')).toBe(false);
    expect(guard.allowsOrigin('http://127.0.0.1:8000', null)).toBe(false);
  });

  it('lets a write through only with an allowed Origin (or none) and a JSON content type', () => {
    const json = { host: '127.0.0.1:8000', 'content-type': 'application/json' };
    expect(() => guard.checkWrite('POST', headers(json))).not.toThrow();
    expect(() => guard.checkWrite('PATCH', headers({ ...json, 'content-type': 'application/merge-patch+json; charset=utf-8' }))).not.toThrow();
    expect(() => guard.checkWrite('POST', headers({ ...json, origin: 'http://127.0.0.1:8000' }))).not.toThrow();
    expect(() => guard.checkWrite('POST', headers({ ...json, origin: 'https://evil.example' }))).toThrow(expect.objectContaining({ code: 'CORS_ORIGIN_DENIED', status: 403 }));
    for (const type of ['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json']) {
      expect(() => guard.checkWrite('POST', headers({ host: '127.0.0.1', 'content-type': type })), type).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 }));
    }
    // DELETE cannot be sent cross-site without a CORS preflight, so it needs no content type.
    expect(() => guard.checkWrite('DELETE', headers({ host: '127.0.0.1' }))).not.toThrow();
    expect(() => guard.checkWrite('DELETE', headers({ host: '127.0.0.1', origin: 'https://evil.example' }))).toThrow(expect.objectContaining({ status: 403 }));
  });
});
