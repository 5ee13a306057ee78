/**
 * Hono adapter: middleware that answers the server's routes with its Fetch handler (other paths fall
 * through), and a Node helper that serves the app with `@hono/node-server` plus `/ws`.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { vajraHono, serveHono } from '@vajra-stream/server-adapter/hono';
 * const app = new Hono();
 * app.use(vajraHono(server));
 * const { url } = await serveHono(app, server, { port: 8000 });
 * ```
 * @module @vajra-stream/server-adapter/hono
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { VajraServer } from '../create-server';
import { attachWebSocket } from '../node/index';

/**
 * Hono middleware: Fetch in, Fetch out. Use it on the app, or on a sub-app mounted under the server's
 * `basePath` (`createServer(vajra, { basePath: '/vajra' })`, then `app.route('/vajra', sub)`).
 *
 * @example
 * ```ts
 * app.use(vajraHono(server));
 * ```
 */
export function vajraHono(server: VajraServer): MiddlewareHandler {
  return async (c: Context, next) => {
    if (!server.handles(c.req.path)) return next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    return server.fetch(c.req.raw, { remoteAddress: incoming?.socket.remoteAddress });
  };
}

/**
 * Serve a Hono app on Node with `@hono/node-server` (REST) and `ws` (`/ws`). Binds `127.0.0.1` by default.
 *
 * @example
 * ```ts
 * const { url, close } = await serveHono(app, server, { port: 0 });
 * ```
 */
export async function serveHono(app: { fetch: (request: Request, env: unknown) => unknown }, server: VajraServer, options: { port?: number; hostname?: string } = {}) {
  await server.ready();
  const { createAdaptorServer } = await import('@hono/node-server');
  const hostname = options.hostname ?? '127.0.0.1';
  const httpServer = createAdaptorServer({ fetch: app.fetch, hostname }) as Server;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject); // a busy port rejects, like serve() and listenExpress()
    httpServer.listen(options.port ?? 8000, hostname, () => resolve());
  });
  const ws = attachWebSocket(httpServer, server);
  const { port } = httpServer.address() as AddressInfo;
  return {
    httpServer,
    port,
    url: `http://${hostname}:${port}`,
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
