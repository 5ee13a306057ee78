import type { AnyRoute } from '../routing/define-route';

const pascal = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/**
 * The `operationId` of a route in the OpenAPI document: its own `operationId`, or the method followed by
 * the path without `/api/v<n>`, placeholders read as `By<Name>` (`GET /api/v1/sessions/{id}` →
 * `getSessionsById`, `GET /` → `getRoot`).
 *
 * @example
 * ```ts
 * operationIdOf({ method: 'POST', path: '/api/v1/sessions/{id}/start' } as AnyRoute); // 'postSessionsByIdStart'
 * ```
 */
export function operationIdOf(route: Pick<AnyRoute, 'method' | 'path' | 'operationId'>): string {
  if (route.operationId !== undefined) return route.operationId;
  const segments = route.path
    .replace(/^\/api\/v\d+(?=\/|$)/, '')
    .split('/')
    .filter(Boolean);
  const words = segments.map((segment) => {
    const placeholder = /^\{(\w+)\}$/.exec(segment);
    return placeholder === null ? pascal(segment) : `By${pascal(placeholder[1]!)}`;
  });
  return `${route.method.toLowerCase()}${words.join('') || 'Root'}`;
}
