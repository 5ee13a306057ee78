import { isVajraError, type Logger } from '@vajra-stream/core';
import { stringResponse } from './json-response';

/**
 * The body of an RFC 9457 `application/problem+json` response, with the `VajraError` code.
 *
 * @example
 * ```ts
 * const response = await fetch('http://127.0.0.1:8000/api/v1/sessions/ses_missing');
 * const problem = (await response.json()) as Problem;
 * // { type: 'urn:vajra-stream:problem:session-not-found', title: 'Not Found', status: 404, detail: 'No session with id "ses_missing"', code: 'SESSION_NOT_FOUND', instance: '/api/v1/sessions/ses_missing' }
 * ```
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  details?: unknown;
  instance?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * Status of a known error code when the error carries none.
 * @example
 * ```ts
 * statusOfCode('SESSION_NOT_FOUND'); // 404
 * ```
 */
export function statusOfCode(code: string): number {
  if (code === 'VALIDATION_FAILED') return 422;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.endsWith('_INVALID_TRANSITION') || code.endsWith('_INVALID_STATE') || code.endsWith('_ACTIVE')) return 409;
  if (code === 'KERNEL_NOT_STARTED' || code === 'PROVIDER_UNAVAILABLE' || code === 'STORE_CLOSED') return 503;
  return 400;
}

/**
 * Turn anything thrown by a handler into a problem. Non-Vajra errors become a 500 whose message is
 * never shown to the client (it is logged instead).
 *
 * @example
 * ```ts
 * const problem = toProblem(new VajraError('SESSION_NOT_FOUND', 'No session'), logger);
 * problem.status; // 404
 * ```
 */
export function toProblem(error: unknown, logger?: Logger): Problem {
  if (isVajraError(error)) {
    const status = error.status !== undefined && error.status >= 400 && error.status <= 599 ? error.status : statusOfCode(error.code);
    if (status >= 500) logger?.error('request failed', { code: error.code, error: error.message });
    return {
      type: `urn:vajra-stream:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail: error.message,
      code: error.code,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  logger?.error('unexpected error', { error: error instanceof Error ? error.message : String(error) });
  return { type: 'urn:vajra-stream:problem:internal-error', title: TITLES[500]!, status: 500, detail: 'Internal server error', code: 'INTERNAL_ERROR' };
}

/**
 * An `application/problem+json` response.
 *
 * @example
 * ```ts
 * return problemResponse({ ...toProblem(error), instance: url.pathname });
 * ```
 */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return stringResponse(JSON.stringify(problem), problem.status, { ...headers, 'content-type': 'application/problem+json' });
}
