/** Headers a reverse proxy adds; their presence means the real client may be on another machine. */
export const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via'] as const;

/**
 * True when the request carries a reverse-proxy header (`Forwarded`, `X-Forwarded-*`, `X-Real-IP`, `Via`):
 * a request that reached a loopback listener through a proxy is not a local request.
 *
 * @example
 * ```ts
 * hasProxyHeaders((name) => request.headers.get(name)); // true behind nginx with X-Forwarded-For
 * ```
 */
export function hasProxyHeaders(header: (name: string) => string | null): boolean {
  return PROXY_HEADERS.some((name) => header(name) !== null);
}
