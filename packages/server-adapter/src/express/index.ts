/**
 * Express 4 and 5 adapter. Express never sees WebSocket upgrades, so `/ws` is attached to the HTTP server.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { vajraExpress, listenExpress } from '@vajra-stream/server-adapter/express';
 * const app = express();
 * app.use(vajraExpress(server));
 * const { url } = await listenExpress(app, server, { port: 8000 });
 * ```
 * @module @vajra-stream/server-adapter/express
 */
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VajraServer } from '../create-server';
import { VajraError } from '@vajra-stream/core';
import { problemResponse, toProblem } from '../http/problem';
import { attachWebSocket, toNodeListener, writeResponse } from '../node/index';

type Next = (error?: unknown) => void;

/** A body parser (express.json(), …) already consumed the stream: hand its result over. */
const parsedBody = (req: IncomingMessage): unknown => {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  return req.readableEnded && body !== undefined ? body : undefined;
};

/**
 * Express middleware answering the server's routes; other paths go to `next()`. Mount it at the root, or
 * under the server's `basePath` (`createServer(vajra, { basePath: '/vajra' })`, then `app.use('/vajra', …)`).
 *
 * @example
 * ```ts
 * app.use(vajraExpress(server));
 * ```
 */
export function vajraExpress(server: VajraServer) {
  const listener = toNodeListener(server, parsedBody);
  let warned = false;
  /** The path as the client sent it: Express strips the mount path from `req.url`, not from `originalUrl`. */
  const fullUrl = (req: IncomingMessage): string => (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const ours = (req: IncomingMessage): boolean => {
    const mountedAt = (req as IncomingMessage & { baseUrl?: string }).baseUrl ?? '';
    if (mountedAt !== '' && mountedAt !== server.basePath && !warned) {
      warned = true;
      server.logger.warn("vajraExpress is mounted under another path than the server's basePath: give createServer the same basePath", {
        mountedAt: mountedAt.slice(0, 200),
        basePath: server.basePath,
      });
    }
    return server.handles(fullUrl(req).split('?')[0]!);
  };
  const handle = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (!ours(req)) return next();
    req.url = fullUrl(req); // the server strips its basePath itself
    listener(req, res);
  };
  // A body parser mounted before us may fail (bad JSON, too large): answer those as problems too.
  const parserErrors = (error: unknown, req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const status = (error as { status?: unknown }).status;
    if (!ours(req) || typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    const type = (error as { type?: unknown }).type;
    const code = type === 'entity.parse.failed' ? 'INVALID_JSON' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    void writeResponse(res, problemResponse({ ...toProblem(new VajraError(code, 'The request body could not be read', { status })), instance: fullUrl(req).split('?')[0]!.slice(0, 200) }));
  };
  return [handle, parserErrors];
}

/**
 * Listen with an Express app (REST through the app, `/ws` on its HTTP server). Binds `127.0.0.1` by default.
 *
 * @example
 * ```ts
 * const { url, close } = await listenExpress(app, server, { port: 0 });
 * ```
 */
export async function listenExpress(app: RequestListener, server: VajraServer, options: { port?: number; hostname?: string } = {}) {
  await server.ready();
  const httpServer = createHttpServer(app);
  const ws = attachWebSocket(httpServer, server);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 8000, options.hostname ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    httpServer,
    port,
    url: `http://${options.hostname ?? '127.0.0.1'}:${port}`,
    async close(): Promise<void> {
      ws.close();
      server.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
