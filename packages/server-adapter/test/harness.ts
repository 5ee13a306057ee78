import { createVajra, silentLogger, type Clock, type CreateVajraOptions, type Vajra } from '@vajra-stream/core';
import { createServer, type ServerOptions, type VajraServer } from '../src/index';
import type { AdapterUnderTest } from './adapters';

export interface Running {
  vajra: Vajra;
  server: VajraServer;
  url: string;
  close(): Promise<void>;
}

/**
 * A fresh kernel (memory store) mounted through `adapter` on 127.0.0.1, port 0; `clock` is the kernel's (default: the system
 * clock); `config` replaces the default config's top-level sections it names.
 */
export async function startServer(
  adapter: AdapterUnderTest,
  options: ServerOptions = {},
  plugins: CreateVajraOptions['plugins'] = [],
  clock?: Clock,
  config: CreateVajraOptions['config'] = {},
): Promise<Running> {
  const vajra = createVajra({ logger: silentLogger, env: {}, plugins, config: { wheels: { tickIntervalMs: 20 }, astrology: { events: false }, ...config }, ...(clock ? { clock } : {}) });
  await vajra.start();
  const server = createServer(vajra, { validateResponses: true, rateLimit: false, ...options });
  const listener = await adapter.start(server);
  return {
    vajra,
    server,
    url: listener.url,
    async close() {
      await listener.close();
      server.close();
      await vajra.stop();
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read fields of the parsed JSON body directly
  body: any;
  text: string;
}

/** One real HTTP request; JSON bodies are encoded, JSON answers decoded. */
export async function call(base: string, method: string, path: string, options: { body?: unknown; raw?: string | Uint8Array; token?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  // Like every real client of a JSON API (and as the server requires of writes), declare JSON on writes.
  if (options.raw === undefined && (method === 'POST' || method === 'PUT' || method === 'PATCH')) headers['content-type'] ??= 'application/json';
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (options.raw !== undefined) body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(base + path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
