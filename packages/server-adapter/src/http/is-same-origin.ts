import { isLoopback } from '../is-loopback';

/**
 * True when `origin` is the origin of the page this request's `Host` names — a page the server served
 * itself — and that host cannot be re-bound by DNS: a loopback name or an IP literal. Pages served under
 * other host names need those names in the CORS allowlist.
 *
 * @example
 * ```ts
 * isSameOrigin('http://127.0.0.1:8000', '127.0.0.1:8000'); // true
 * isSameOrigin('http://rebound.example:8000', 'rebound.example:8000'); // false (a DNS name)
 * ```
 */
export function isSameOrigin(origin: string, host: string | null): boolean {
  if (host === null || host === '') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host !== host.toLowerCase()) return false;
  return isLoopback(url.hostname) || isIpLiteral(url.hostname);
}

const isIpLiteral = (hostname: string): boolean =>
  /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(hostname) || /^\[[0-9a-f:.]+\]$/i.test(hostname);
