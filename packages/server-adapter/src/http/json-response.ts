/**
 * A `Response` whose body is a string known up front. It behaves as a real `Response` (it is one by
 * prototype, and materialises the real object on first use of the body), but adapters can write
 * `rawBody` directly, skipping the cost of a Fetch body stream on hot paths.
 */
export class StringResponse {
  readonly rawBody: string | null;
  readonly status: number;
  #headers: Headers | undefined;
  #init: Record<string, string>;
  /** Headers added by {@link addMissingHeaders} while there is no `Headers` object: those `#init` lacks count. */
  #extra: Record<string, string> | undefined;
  #real: Response | undefined;

  constructor(body: string | null, status: number, headers: Record<string, string>) {
    this.rawBody = body;
    this.status = status;
    this.#init = headers;
  }

  get headers(): Headers {
    if (this.#headers === undefined) {
      const headers = new Headers(this.#init);
      const extra = this.#extra;
      if (extra !== undefined) for (const name in extra) if (!headers.has(name)) headers.set(name, extra[name]!);
      this.#headers = headers;
    }
    return this.#headers;
  }
  /**
   * The headers as a new flat name/value list, while nobody asked for the `Headers` object (cheaper to
   * write); `undefined` once they did. With a `rawBody`, any `content-length` is left for the writer to
   * count; a body-less answer keeps the one it was given.
   */
  get headerList(): string[] | undefined {
    if (this.#headers !== undefined) return undefined;
    const init = this.#init;
    const extra = this.#extra;
    const counted = this.rawBody !== null;
    const list: string[] = [];
    for (const name in init) if (!(counted && isContentLength(name))) list.push(name, init[name]!);
    if (extra !== undefined) for (const name in extra) if (!(counted && isContentLength(name)) && !hasName(init, name)) list.push(name, extra[name]!);
    return list;
  }
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get statusText(): string {
    return '';
  }
  get redirected(): boolean {
    return false;
  }
  get type(): ResponseType {
    return 'default';
  }
  get url(): string {
    return '';
  }
  /**
   * Set each of `headers` this response lacks (names compared without case). While there is no `Headers`
   * object, `headers` is only kept (not copied: the caller leaves it as it is) and merged when written.
   */
  addMissingHeaders(headers: Record<string, string>): void {
    if (this.#headers !== undefined) {
      for (const name in headers) if (!this.#headers.has(name)) this.#headers.set(name, headers[name]!);
      return;
    }
    const extra = this.#extra;
    if (extra === undefined) {
      this.#extra = headers;
      return;
    }
    const merged = { ...extra };
    for (const name in headers) if (!hasName(extra, name)) merged[name] = headers[name]!;
    this.#extra = merged;
  }
  /** The equivalent real `Response` (created once). */
  get real(): Response {
    return (this.#real ??= new Response(this.rawBody, { status: this.status, headers: this.headers }));
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.real.body;
  }
  get bodyUsed(): boolean {
    return this.#real?.bodyUsed ?? false;
  }
  text(): Promise<string> {
    return this.real.text();
  }
  json(): Promise<unknown> {
    return this.real.json();
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.real.arrayBuffer();
  }
  blob(): Promise<Blob> {
    return this.real.blob();
  }
  formData(): Promise<FormData> {
    return this.real.formData();
  }
  bytes(): Promise<Uint8Array> {
    return this.real.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }
  clone(): Response {
    return this.real.clone();
  }
}
Object.setPrototypeOf(StringResponse.prototype, Response.prototype);

const isContentLength = (name: string): boolean => name.length === 14 && name.toLowerCase() === 'content-length';

/** Whether `record` has a header `name` (compared without case). */
function hasName(record: Record<string, string>, name: string): boolean {
  if (Object.hasOwn(record, name)) return true;
  const lower = name.toLowerCase();
  for (const key in record) if (key.toLowerCase() === lower) return true;
  return false;
}

/**
 * A response with a string body (cheap to build and to write; see {@link StringResponse}).
 *
 * @example
 * ```ts
 * return stringResponse(JSON.stringify({ ok: true }), 200, { 'content-type': 'application/json' });
 * ```
 */
export function stringResponse(body: string | null, status: number, headers: Record<string, string>): Response {
  return new StringResponse(body, status, headers) as unknown as Response;
}

/** The raw string body of a {@link StringResponse} whose body was never read, else `undefined`. */
export function rawBodyOf(response: Response): string | null | undefined {
  return response instanceof StringResponse && !response.bodyUsed ? response.rawBody : undefined;
}

/**
 * Set each of `headers` that `response` lacks (names compared without case); a {@link StringResponse}
 * stays cheap to write (no `Headers` object is built for it).
 *
 * @example
 * ```ts
 * addMissingHeaders(response, { vary: 'Origin' });
 * ```
 */
export function addMissingHeaders(response: Response, headers: Record<string, string>): void {
  if (isEmpty(headers)) return;
  if (response instanceof StringResponse) return response.addMissingHeaders(headers);
  for (const name in headers) if (!response.headers.has(name)) response.headers.set(name, headers[name]!);
}

function isEmpty(record: Record<string, string>): boolean {
  for (const _ in record) return false;
  return true;
}
