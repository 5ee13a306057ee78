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
  #real: Response | undefined;

  constructor(body: string | null, status: number, headers: Record<string, string>) {
    this.rawBody = body;
    this.status = status;
    this.#init = headers;
  }

  get headers(): Headers {
    return (this.#headers ??= new Headers(this.#init));
  }
  /** The headers as a plain record while nobody asked for the `Headers` object (cheaper to write). */
  get plainHeaders(): Record<string, string> | undefined {
    return this.#headers === undefined ? this.#init : undefined;
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
  /** Set each of `headers` this response lacks (names compared without case), keeping the plain record while there is one. */
  addMissingHeaders(headers: Record<string, string>): void {
    if (this.#headers !== undefined) {
      for (const [name, value] of Object.entries(headers)) if (!this.#headers.has(name)) this.#headers.set(name, value);
      return;
    }
    const present = new Set(Object.keys(this.#init).map((name) => name.toLowerCase()));
    const init = { ...this.#init };
    for (const [name, value] of Object.entries(headers)) if (!present.has(name.toLowerCase())) init[name] = value;
    this.#init = init;
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
  if (Object.keys(headers).length === 0) return;
  if (response instanceof StringResponse) return response.addMissingHeaders(headers);
  for (const [name, value] of Object.entries(headers)) if (!response.headers.has(name)) response.headers.set(name, value);
}
