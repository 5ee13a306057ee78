import { VajraError } from '@vajra-stream/core';
import type { Cors } from '../http/cors';
import { isLoopback } from '../is-loopback';

/** The Host and Origin rules of a server (against DNS rebinding and cross-site writes). */
export interface RequestGuard {
  /** Throws `HOST_NOT_ALLOWED` (403) unless `host` (a `Host` header) is allowed; a missing header passes. */
  checkHost(host: string | null): void;
  /** True when `origin` may act on this server: allowed by CORS, or the origin of the page at `host`. */
  allowsOrigin(origin: string, host: string | null): boolean;
  /**
   * Throws unless a write (`POST`, `PUT`, `PATCH`, `DELETE`) may proceed: a present `Origin` must be allowed
   * (`CORS_ORIGIN_DENIED`, 403) and `POST`/`PUT`/`PATCH` must declare a JSON content type, body or not
   * (`UNSUPPORTED_MEDIA_TYPE`, 415), so that no HTML form or simple cross-site request can drive the API.
   */
  checkWrite(method: string, header: (name: string) => string | null): void;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
/** Host values whose verdict is remembered (a client sending ever new ones only empties the memory). */
const HOST_VERDICTS = 256;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * Build the guard of a server. Allowed `Host` values: loopback names (`localhost`, `*.localhost`,
 * `127.0.0.0/8`, `[::1]`), IP literals (they cannot be re-bound by DNS) and the names in `hosts`
 * (`'*'` allows any, for servers behind a proxy that checks the host itself).
 *
 * @example
 * ```ts
 * const guard = createRequestGuard({ hosts: ['vajra.example'], cors: createCors() });
 * guard.checkHost('vajra.example:8000'); // passes
 * guard.checkHost('rebound.attacker.example'); // throws HOST_NOT_ALLOWED
 * ```
 */
export function createRequestGuard({ hosts = [], cors }: { hosts?: readonly string[]; cors: Cors }): RequestGuard {
  const configured = new Set(hosts.map((h) => h.toLowerCase()));
  const any = configured.has('*');
  const verdicts = new Map<string, boolean>(); // the few Host values a server sees, decided once each
  const allowsHost = (host: string): boolean => {
    let allowed = verdicts.get(host);
    if (allowed === undefined) {
      const name = hostnameOf(host);
      allowed = name !== undefined && (any || configured.has(name) || isLoopback(name) || name.endsWith('.localhost') || IPV4.test(name) || name.startsWith('['));
      if (verdicts.size >= HOST_VERDICTS) verdicts.clear();
      verdicts.set(host, allowed);
    }
    return allowed;
  };
  const allowsOrigin = (origin: string, host: string | null): boolean => {
    if (cors.allows(origin)) return true;
    if (host === null || !allowsHost(host)) return false;
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
    } catch {
      return false; // includes the opaque origin "null"
    }
  };
  return {
    checkHost(host) {
      if (host === null || host === '') return;
      if (!allowsHost(host)) throw new VajraError('HOST_NOT_ALLOWED', "This Host is not allowed; add it to the server's `hosts` option", { status: 403 });
    },
    allowsOrigin,
    checkWrite(method, header) {
      const origin = header('origin');
      if (origin !== null && !allowsOrigin(origin, header('host'))) throw new VajraError('CORS_ORIGIN_DENIED', 'This origin may not change anything here', { status: 403 });
      if (method !== 'DELETE' && !JSON_TYPE.test(header('content-type') ?? '')) {
        throw new VajraError('UNSUPPORTED_MEDIA_TYPE', 'Writes must declare Content-Type: application/json (even without a body)', { status: 415 });
      }
    },
  };
}

/** The lower-case host name of a `Host` value (`[::1]` keeps its brackets), `undefined` when malformed. */
function hostnameOf(host: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(:\d{1,5})?$/i.exec(host);
  return match === null ? undefined : match[1]!.toLowerCase();
}
