import { requestHeader } from '../http/request-header';

/** Headers a reverse proxy adds; their presence means the real client may be on another machine. */
export const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via'] as const;

/**
 * True when `request` carries a reverse-proxy header (`Forwarded`, `X-Forwarded-*`, `X-Real-IP`, `Via`):
 * a request that reached a loopback listener through a proxy is not a local request.
 *
 * @example
 * ```ts
 * hasProxyHeaders(new Request('http://127.0.0.1/', { headers: { 'x-forwarded-for': '203.0.113.7' } })); // true
 * ```
 */
export function hasProxyHeaders(request: Request): boolean {
  for (const name of PROXY_HEADERS) if (requestHeader(request, name) !== null) return true;
  return false;
}
