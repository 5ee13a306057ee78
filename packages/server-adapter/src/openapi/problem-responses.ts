import { z } from 'zod';
import type { AnyRoute } from '../routing/define-route';

/**
 * Schema of an RFC 9457 problem as this server sends it.
 * @example
 * ```ts
 * const problem = problemSchema.parse(await response.json());
 * ```
 */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable VajraError code, e.g. SESSION_NOT_FOUND' }),
    details: z.unknown().optional(),
    instance: z.string().optional(),
  })
  .meta({ id: 'Problem' });

/** The problems every route may answer, by status: component name and meaning. */
const COMMON: Readonly<Record<number, { name: string; description: string }>> = {
  400: { name: 'BadRequest', description: 'The request body is not valid JSON, nests too deep or was cut off (`INVALID_JSON`, `JSON_TOO_DEEP`, `REQUEST_ABORTED`)' },
  401: { name: 'Unauthorized', description: 'Credentials are missing where this route needs them, or are invalid (`UNAUTHENTICATED`)' },
  403: { name: 'Forbidden', description: 'The `Host` is not allowed (`HOST_NOT_ALLOWED`), or a write comes from an `Origin` that is not (`CORS_ORIGIN_DENIED`)' },
  413: { name: 'ContentTooLarge', description: 'The request body is larger than the server accepts (`PAYLOAD_TOO_LARGE`)' },
  415: { name: 'UnsupportedMediaType', description: 'Writes must declare `Content-Type: application/json` (`UNSUPPORTED_MEDIA_TYPE`)' },
  422: { name: 'UnprocessableContent', description: 'A path parameter, query parameter or body field is invalid (`VALIDATION_FAILED`, with the issues in `details`)' },
  429: { name: 'TooManyRequests', description: 'Over the per-client request budget (`RATE_LIMITED`; wait `Retry-After` seconds)' },
};

/** A documented problem response of one route. */
export type ProblemResponse = { status: number; common: { name: string; description: string } } | { status: number; description: string };

/**
 * The 4xx problems a route can answer: those every route shares (credentials, `Host`, rate limit unless
 * `rateLimited` is false), those of writes (body, content type, size), validation when the route takes
 * input, and the route's own `errors`.
 *
 * @example
 * ```ts
 * problemResponsesOf(route, true).map((problem) => problem.status); // [401, 403, 404, 422, 429]
 * ```
 */
export function problemResponsesOf(route: AnyRoute, rateLimited: boolean): ProblemResponse[] {
  const write = route.method !== 'GET';
  const statuses = new Set<number>([401, 403]);
  if (rateLimited) statuses.add(429);
  // every write reads its body (if any) as JSON within the size limit, and needs a JSON content type
  if (write) [400, 413, 415].forEach((status) => statuses.add(status));
  if (route.params !== undefined || route.query !== undefined || route.body !== undefined) statuses.add(422);
  const own = route.errors ?? {};
  for (const status of Object.keys(own)) statuses.add(Number(status));
  return [...statuses].sort((a, b) => a - b).map((status) => (own[status] !== undefined ? { status, description: own[status] } : { status, common: COMMON[status]! }));
}
