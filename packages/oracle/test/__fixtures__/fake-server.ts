import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fake vendor should do with the next request. */
export type Scenario =
  | { type: 'ok'; text: string; inputTokens?: number; outputTokens?: number; chunkSize?: number }
  | { type: 'json'; text: string } // alias of ok, reads better in plan tests
  | { type: 'error'; status: number; message?: string; retryAfter?: string; retryAfterMs?: string }
  | { type: 'stall'; afterText?: string } // send headers (+ optionally some text), then nothing
  | { type: 'malformed' } // a stream whose data line is not JSON
  | { type: 'stream-error'; afterText: string } // some text, then the vendor's in-stream error event
  | { type: 'truncated'; text: string } // stream that closes without the final events
  | { type: 'slow'; text: string; delayMs: number; chunkSize?: number }; // every chunk after delayMs

/** One request the fake vendor received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
  receivedAt: number;
}

/** A running fake vendor on 127.0.0.1, port 0. */
export interface FakeVendor {
  url: string;
  requests: RecordedRequest[];
  /** Scenarios consumed in order, one per request; when empty, `fallback` answers. */
  queue(...scenarios: Scenario[]): void;
  fallback: Scenario;
  close(): Promise<void>;
}

/** Vendor-specific wire format. */
export interface WireFormat {
  authorized(headers: IncomingMessage['headers']): boolean;
  unauthorized(res: ServerResponse, headers: IncomingMessage['headers']): void;
  error(res: ServerResponse, status: number, message: string, extraHeaders: Record<string, string>): void;
  json(res: ServerResponse, body: Record<string, unknown>, scenario: { text: string; inputTokens: number; outputTokens: number }): void;
  /** Stream events for the text split into pieces; `complete` false leaves out the closing events. */
  streamEvents(body: Record<string, unknown>, pieces: string[], usage: { inputTokens: number; outputTokens: number }, complete: boolean): string[];
  malformedEvents(): string[];
  /** The vendor's in-stream error event (e.g. Anthropic `event: error`, OpenAI `data: {"error": …}`). */
  errorEvent(message: string): string;
  models(res: ServerResponse): void;
  isStreamRequest(body: Record<string, unknown> | undefined): boolean;
}

/** Starts a fake vendor that speaks `wire`. */
export async function startFakeVendor(wire: WireFormat): Promise<FakeVendor> {
  const requests: RecordedRequest[] = [];
  const scenarios: Scenario[] = [];
  const sockets = new Set<Socket>();
  const state: FakeVendor = {
    url: '',
    requests,
    queue: (...more) => void scenarios.push(...more),
    fallback: { type: 'ok', text: 'May all beings be at peace.' },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, receivedAt: Date.now() });
    if (!wire.authorized(req.headers)) return wire.unauthorized(res, req.headers);
    if (req.method === 'GET' && req.url?.endsWith('/models')) return wire.models(res);
    const scenario = scenarios.shift() ?? state.fallback;
    await answer(wire, scenario, body ?? {}, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  return state;
}

async function answer(wire: WireFormat, scenario: Scenario, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
  const stream = wire.isStreamRequest(body);
  switch (scenario.type) {
    case 'error': {
      const headers: Record<string, string> = {};
      if (scenario.retryAfter !== undefined) headers['retry-after'] = scenario.retryAfter;
      if (scenario.retryAfterMs !== undefined) headers['retry-after-ms'] = scenario.retryAfterMs;
      return wire.error(res, scenario.status, scenario.message ?? `fake failure ${scenario.status}`, headers);
    }
    case 'stall':
      if (!stream) return; // never answer
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (scenario.afterText) for (const event of wire.streamEvents(body, [scenario.afterText], usage(scenario.afterText), false)) res.write(event);
      return; // keep the connection open without a byte more
    case 'malformed':
      if (!stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"id": "broken", "choices": [');
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of wire.malformedEvents()) res.write(event);
      return void res.end();
    case 'stream-error': {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of wire.streamEvents(body, [scenario.afterText], usage(scenario.afterText), false)) res.write(event);
      res.write(wire.errorEvent('Overloaded'));
      return void res.end();
    }
    case 'truncated': {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of wire.streamEvents(body, split(scenario.text, 8), usage(scenario.text), false)) res.write(event);
      return void res.end();
    }
    case 'slow':
    case 'ok':
    case 'json': {
      const tokens = usage(scenario.text, 'inputTokens' in scenario ? scenario : undefined);
      if (!stream) return wire.json(res, body, { text: scenario.text, ...tokens });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const size = 'chunkSize' in scenario && scenario.chunkSize ? scenario.chunkSize : 12;
      for (const event of wire.streamEvents(body, split(scenario.text, size), tokens, true)) {
        if (scenario.type === 'slow') await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
        if (res.destroyed) return;
        res.write(event);
      }
      return void res.end();
    }
  }
}

function usage(text: string, given?: { inputTokens?: number; outputTokens?: number }): { inputTokens: number; outputTokens: number } {
  return { inputTokens: given?.inputTokens ?? 20, outputTokens: given?.outputTokens ?? Math.max(1, text.split(/\s+/).length) };
}

function split(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}
