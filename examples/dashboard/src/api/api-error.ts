/** An RFC 9457 problem answered by the server, or a network failure (`status` 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }

  /** True when the server wants (other) credentials. */
  get unauthenticated(): boolean {
    return this.status === 401;
  }
}
