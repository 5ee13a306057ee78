const MARKER = Symbol.for('vajra-stream.error');

/**
 * Options accepted by {@link VajraError}.
 *
 * @example
 * ```ts
 * throw new VajraError('WHEEL_NOT_FOUND', `No wheel with id "${id}"`, { status: 404, details: { id }, cause: error });
 * ```
 */
export interface VajraErrorOptions {
  /** HTTP-like status a server should answer with (e.g. 404, 409, 422). */
  status?: number;
  /** Structured, JSON-serialisable details (for example zod issues). */
  details?: unknown;
  /** The underlying error, kept for logs; never serialised to clients. */
  cause?: unknown;
}

/**
 * The one error type of Vajra.Stream. `code` is stable and meant for programs; `message` is for people.
 * Recognise it with {@link isVajraError}, which works across two copies of the package.
 *
 * @example
 * ```ts
 * throw new VajraError('SESSION_NOT_FOUND', `No session ${id}`, { status: 404 });
 * ```
 */
export class VajraError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly details: unknown;
  readonly [MARKER] = true;

  constructor(code: string, message: string, options: VajraErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VajraError';
    this.code = code;
    this.status = options.status;
    this.details = options.details;
  }

  /** A JSON form without the cause or stack: safe to send to a client. */
  toJSON(): { name: string; code: string; message: string; status?: number; details?: unknown } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/**
 * True for any {@link VajraError}, including one thrown by another copy of this package.
 *
 * @example
 * ```ts
 * try { await vajra.sessions.get(id); } catch (error) { if (isVajraError(error)) console.log(error.code); }
 * ```
 */
export function isVajraError(value: unknown): value is VajraError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
}
