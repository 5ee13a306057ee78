import { VajraError, isVajraError } from '@vajra-stream/core';

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * True for a transaction that lost a race under SERIALIZABLE isolation (`40001`) or a deadlock (`40P01`):
 * running it again is the documented remedy.
 *
 * @example
 * ```ts
 * if (isSerializationFailure(error)) retry();
 * ```
 */
export function isSerializationFailure(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40001' || code === '40P01';
}

/**
 * True when the connection, not the statement, failed: the server restarted or terminated the backend
 * (`57P01`–`57P03`, class `08`), or the socket closed under node-postgres.
 *
 * @example
 * ```ts
 * if (isConnectionFailure(error)) client.release(error); // discard the broken connection
 * ```
 */
export function isConnectionFailure(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined) return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE';
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection error|Client was closed|timeout exceeded when trying to connect|not queryable/i.test(message);
}

/**
 * True for an error raised by PostgreSQL or by the connection to it (not by the caller's own code).
 *
 * @example
 * ```ts
 * throw isDatabaseError(error) ? toStoreError(error) : error;
 * ```
 */
export function isDatabaseError(error: unknown): boolean {
  return typeof (error as { severity?: unknown } | null)?.severity === 'string' || isConnectionFailure(error);
}

/**
 * The error a store operation reports: a `VajraError` passes through; a value PostgreSQL cannot hold
 * (a NUL character, `\u0000` inside JSON) is `STORE_INVALID_VALUE` (422); an unreachable database is
 * `STORE_UNAVAILABLE` (503); anything else is `STORE_FAILED` (500). Messages never carry the connection string.
 *
 * @example
 * ```ts
 * try { await client.query(sql); } catch (error) { throw toStoreError(error); }
 * ```
 */
export function toStoreError(error: unknown): Error {
  if (isVajraError(error)) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === '22P05' || code === '22021' || code === '22P02') {
    return new VajraError('STORE_INVALID_VALUE', `PostgreSQL cannot store this value: ${message}`, { status: 422, cause: error });
  }
  if (isConnectionFailure(error)) {
    return new VajraError('STORE_UNAVAILABLE', `The PostgreSQL database is unreachable: ${message}`, { status: 503, cause: error });
  }
  return new VajraError('STORE_FAILED', `PostgreSQL store operation failed${code === undefined ? '' : ` (${code})`}: ${message}`, { status: 500, cause: error });
}
