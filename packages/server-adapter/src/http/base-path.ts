import { VajraError } from '@vajra-stream/core';

/**
 * A mount prefix in canonical form: `''` for the root, otherwise `/segment[/segment…]` without a trailing
 * slash. Throws `VALIDATION_FAILED` for anything else (a query, a fragment, `..`, spaces).
 *
 * @example
 * ```ts
 * normalizeBasePath('/vajra/'); // '/vajra'
 * normalizeBasePath('/'); // ''
 * ```
 */
export function normalizeBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed) || trimmed.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new VajraError('VALIDATION_FAILED', `basePath must look like "/vajra" (path segments of letters, digits, ".", "_", "~", "-"), not ${JSON.stringify(String(basePath).slice(0, 100))}`, {
      status: 422,
    });
  }
  return trimmed;
}

/**
 * The path of `pathname` below `basePath` (`/vajra/api/v1/sessions` → `/api/v1/sessions`, `/vajra` → `/`),
 * or `undefined` when it lies outside.
 *
 * @example
 * ```ts
 * pathBelow('/vajra', '/vajra/health'); // '/health'
 * pathBelow('/vajra', '/health'); // undefined
 * ```
 */
export function pathBelow(basePath: string, pathname: string): string | undefined {
  if (basePath === '') return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}
