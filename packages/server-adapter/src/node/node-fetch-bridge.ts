import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { StringResponse, rawBodyOf } from '../http/json-response';

/**
 * Build a Fetch `Request` from a Node request. `preParsed` is the body a framework already consumed
 * (Express 5 `req.body`, Fastify's parsed body): it is re-encoded instead of reading the drained stream.
 * The result is a real `Request` by prototype whose costly parts (URL, headers, signal, body) are
 * built only when used.
 *
 * @example
 * ```ts
 * const request = toRequest(req, res);
 * ```
 */
export function toRequest(req: IncomingMessage, res?: ServerResponse, preParsed?: unknown): Request {
  return new NodeRequest(req, res, preParsed) as unknown as Request;
}

class NodeRequest {
  readonly method: string;
  #req: IncomingMessage;
  #res: ServerResponse | undefined;
  #preParsed: unknown;
  #url: URL | undefined;
  #headers: Headers | undefined;
  #signal: AbortSignal | undefined;
  #real: Request | undefined;

  constructor(req: IncomingMessage, res: ServerResponse | undefined, preParsed: unknown) {
    this.method = req.method ?? 'GET';
    this.#req = req;
    this.#res = res;
    this.#preParsed = preParsed;
  }
  get url(): string {
    return this.parsedUrl.href;
  }
  /** The request target as the client sent it (`/path?query`); `requestTarget` reads it without parsing a URL. */
  get rawTarget(): string | undefined {
    return this.#req.url;
  }
  /** The URL as an object (parsed once; the Fetch core reads it instead of parsing `url` again). */
  get parsedUrl(): URL {
    if (this.#url === undefined) {
      try {
        this.#url = new URL(this.#req.url ?? '/', `http://${this.#req.headers.host ?? 'localhost'}`);
      } catch {
        this.#url = new URL(safePath(this.#req.url), 'http://localhost');
      }
    }
    return this.#url;
  }
  /** One header without building the `Headers` object (repeated headers joined with ", "). */
  headerValue(name: string): string | null {
    if (this.#headers !== undefined) return this.#headers.get(name);
    const value = this.#req.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  get headers(): Headers {
    if (this.#headers === undefined) {
      const headers = new Headers();
      const raw = this.#req.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) {
        try {
          headers.append(raw[i]!, raw[i + 1]!);
        } catch {
          // a header value Fetch refuses: leave it out
        }
      }
      this.#headers = headers;
    }
    return this.#headers;
  }
  get signal(): AbortSignal {
    if (this.#signal === undefined) {
      const abort = new AbortController();
      const res = this.#res;
      if (res !== undefined) {
        if (res.closed && !res.writableFinished) abort.abort();
        else res.once('close', () => res.writableFinished || abort.abort());
      }
      this.#signal = abort.signal;
    }
    return this.#signal;
  }
  /** The equivalent real `Request` (created once, on first use of the body). */
  get real(): Request {
    if (this.#real === undefined) {
      const init: RequestInit & { duplex?: 'half' } = { method: this.method, headers: this.headers, signal: this.signal };
      if (this.method !== 'GET' && this.method !== 'HEAD') {
        const preParsed = this.#preParsed;
        if (preParsed !== undefined) {
          init.body = typeof preParsed === 'string' ? preParsed : preParsed instanceof Uint8Array ? new Uint8Array(preParsed) : JSON.stringify(preParsed);
          this.headers.delete('content-length');
        } else if (!this.#req.readableEnded) {
          init.body = Readable.toWeb(this.#req) as ReadableStream<Uint8Array>;
          init.duplex = 'half';
        }
      }
      this.#real = new Request(this.url, init);
    }
    return this.#real;
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.method === 'GET' || this.method === 'HEAD' ? null : this.real.body;
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
  clone(): Request {
    return this.real.clone();
  }
}
Object.setPrototypeOf(NodeRequest.prototype, Request.prototype);
for (const name of ['cache', 'credentials', 'destination', 'integrity', 'keepalive', 'mode', 'redirect', 'referrer', 'referrerPolicy', 'duplex'] as const) {
  Object.defineProperty(NodeRequest.prototype, name, {
    get(this: NodeRequest) {
      return (this.real as unknown as Record<string, unknown>)[name];
    },
  });
}

function safePath(path: string | undefined): string {
  return path?.startsWith('/') && !path.startsWith('//') ? path : '/';
}

/**
 * Write a Fetch `Response` to a Node response, streaming its body with back-pressure.
 *
 * @example
 * ```ts
 * await writeResponse(res, await server.fetch(request));
 * ```
 */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  await sendResponse(res, response);
}

/**
 * Write `response` to `res`: at once (returning nothing) when its body is a string known up front, else
 * streaming it, returning the promise of the end.
 *
 * @example
 * ```ts
 * const writing = sendResponse(res, response);
 * if (writing !== undefined) await writing;
 * ```
 */
export function sendResponse(res: ServerResponse, response: Response): Promise<void> | undefined {
  if (response instanceof StringResponse && !response.bodyUsed) {
    const list = response.headerList;
    if (list !== undefined) {
      const raw = response.rawBody;
      if (raw !== null) list.push('content-length', String(Buffer.byteLength(raw)));
      res.writeHead(response.status, list).end(raw ?? undefined);
      return undefined;
    }
  }
  return streamResponse(res, response);
}

async function streamResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const raw = rawBodyOf(response);
  if (raw !== undefined) {
    if (raw !== null) headers['content-length'] = String(Buffer.byteLength(raw));
    res.writeHead(response.status, headers).end(raw ?? undefined);
    return;
  }
  if (response.body === null) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const reader = response.body.getReader();
  const first = await reader.read();
  if (first.done) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const next = await (headers['content-type'] === 'text/event-stream' ? Promise.resolve({ done: false as const, value: undefined }) : reader.read());
  if (next.done) {
    headers['content-length'] = String(first.value.byteLength);
    res.writeHead(response.status, headers).end(first.value);
    return;
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  const write = async (chunk: Uint8Array): Promise<void> => {
    if (!res.write(chunk)) await drained(res);
  };
  await write(first.value);
  if (next.value !== undefined) await write(next.value);
  try {
    while (!res.destroyed) {
      const { done, value } = await reader.read();
      if (done) break;
      await write(value);
    }
  } finally {
    if (res.destroyed) await reader.cancel().catch(() => undefined);
    res.end();
  }
}

/** Resolves on the next 'drain' or 'close' of `res`, leaving no listener behind (a large body waits many times). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/**
 * Write a refusal `Response` straight onto an upgrade socket (before any 101) and close it.
 *
 * @example
 * ```ts
 * await writeUpgradeRefusal(socket, new Response('no', { status: 401 }));
 * ```
 */
export async function writeUpgradeRefusal(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const lines = [`HTTP/1.1 ${response.status} ${response.statusText || 'Refused'}`, 'Connection: close', `Content-Length: ${body.byteLength}`];
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  if (socket.writable) socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body]));
  else socket.destroy();
}
