/**
 * Node adapter: mount a Vajra server on `node:http` (and anything built on it) with `ws` for WebSockets.
 *
 * @example
 * ```ts
 * import { serve } from '@vajra-stream/server-adapter/node';
 * const { url, close } = await serve(createServer(vajra), { port: 8000 });
 * ```
 * @module @vajra-stream/server-adapter/node
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { VajraServer } from '../create-server';
import { requestHandlerOf } from '../request-handler';
import { createSharedEncoder } from './create-shared-encoder';
import { sendResponse, toRequest, writeUpgradeRefusal } from './node-fetch-bridge';

export { toRequest, writeResponse } from './node-fetch-bridge';

/**
 * A `(req, res)` listener for `node:http`. `getBody` lets frameworks hand over a body they already parsed.
 *
 * @example
 * ```ts
 * http.createServer(toNodeListener(server)).listen(8000, '127.0.0.1');
 * ```
 */
export function toNodeListener(server: VajraServer, getBody?: (req: IncomingMessage) => unknown) {
  const handle = requestHandlerOf(server);
  const failed = (res: ServerResponse, error: unknown): void => {
    server.logger.error('could not write a response', { error: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  };
  const send = (req: IncomingMessage, res: ServerResponse, response: Response): void => {
    // An answer before the whole body arrived (413, 404, …): do not let the client reuse this socket.
    if (bodyUnfinished(req)) res.shouldKeepAlive = false;
    const written = sendResponse(res, response);
    if (written !== undefined) written.catch((error: unknown) => failed(res, error));
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      const response = handle(toRequest(req, res, getBody?.(req)), { remoteAddress: req.socket.remoteAddress });
      if (response instanceof Promise) response.then((answer) => send(req, res, answer)).catch((error: unknown) => failed(res, error));
      else send(req, res, response);
    } catch (error) {
      failed(res, error);
    }
  };
}

/**
 * True while a request body is still on its way. An answer given synchronously, inside the `request`
 * event, comes before Node marks even a body-less request `complete`: without a body it is complete.
 */
function bodyUnfinished(req: IncomingMessage): boolean {
  if (req.complete) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

const PROTOCOL = Symbol('vajra-stream.ws-protocol');

type UpgradeRequest = IncomingMessage & { [PROTOCOL]?: string };

/**
 * Serve the server's WebSocket (`/ws`) on an existing Node HTTP server. Upgrades for other paths are
 * left to other listeners (a socket we do not own is never destroyed). Auth runs before the 101.
 *
 * @example
 * ```ts
 * const httpServer = app.listen(8000, '127.0.0.1');
 * const ws = attachWebSocket(httpServer, server);
 * ```
 */
export function attachWebSocket(httpServer: Server, server: VajraServer, options: { maxPayload?: number } = {}) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? 1024 * 1024,
    handleProtocols: (_protocols, req) => (req as UpgradeRequest)[PROTOCOL] ?? false,
  });
  const encode = createSharedEncoder();
  const onUpgrade = (req: UpgradeRequest, socket: import('node:stream').Duplex, head: Buffer): void => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== server.websocket.path) {
      // Only answer for paths nobody else may own; another upgrade listener may handle this socket.
      if (httpServer.listenerCount('upgrade') === 1) void writeUpgradeRefusal(socket, new Response(null, { status: 404 }));
      return;
    }
    socket.on('error', () => socket.destroy());
    server.websocket
      .upgrade(toRequest(req), { remoteAddress: req.socket.remoteAddress })
      .then((result) => {
        if (result instanceof Response) return writeUpgradeRefusal(socket, result);
        // The client may have gone while auth ran; until the handshake completes, a close gives its slot back.
        if (socket.destroyed) return result.abandon();
        socket.once('close', result.abandon);
        req[PROTOCOL] = result.protocol;
        wss.handleUpgrade(req, socket, head, (ws) => {
          socket.off('close', result.abandon);
          const peer = {
            // a text frame of bytes encoded once for every subscriber of the same event (ws would encode per socket),
            // sent without a completion callback: the send queue limits read ws's own count of bytes not yet written
            send: (data: string) => ws.send(encode(data), { binary: false }),
            bufferedBytes: () => ws.bufferedAmount,
            close: (code?: number, reason?: string) => ws.close(code, reason),
            ping: () => ws.ping(),
            terminate: () => ws.terminate(),
          };
          const connection = server.websocket.open(peer, result.context);
          ws.on('message', (data, isBinary) => connection.message(isBinary ? (data as Buffer) : (data as Buffer).toString('utf8'), isBinary));
          ws.on('pong', () => connection.pong());
          ws.on('close', () => connection.close());
          ws.on('error', () => connection.close());
        });
      })
      .catch(() => socket.destroy());
  };
  const report = (): void => {
    const address = httpServer.address();
    if (address !== null && typeof address === 'object') server.setListening((address as AddressInfo).address);
  };
  httpServer.on('upgrade', onUpgrade);
  httpServer.on('listening', report);
  if (httpServer.listening) report();
  return {
    wss,
    close(): void {
      httpServer.off('upgrade', onUpgrade);
      httpServer.off('listening', report);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/**
 * Listen with `node:http` on `hostname` (default `127.0.0.1`) and `port` (default 8000), REST and WebSocket.
 *
 * @example
 * ```ts
 * const { url, close } = await serve(server, { port: 0 });
 * ```
 */
export async function serve(server: VajraServer, options: { port?: number; hostname?: string } = {}) {
  await server.ready();
  const hostname = options.hostname ?? '127.0.0.1';
  const httpServer = createHttpServer(toNodeListener(server));
  const ws = attachWebSocket(httpServer, server);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 8000, hostname, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    httpServer,
    port,
    url: `http://${host}:${port}`,
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
