/**
 * Fastify 4 and 5 adapter: a plugin answering every path of its context with the server, with raw bodies
 * (Fastify's own JSON parsing is replaced inside the plugin only) and `/ws` on `fastify.server`.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { vajraFastify } from '@vajra-stream/server-adapter/fastify';
 * const app = Fastify();
 * await app.register(vajraFastify(server));
 * await app.listen({ port: 8000, host: '127.0.0.1' });
 * ```
 * @module @vajra-stream/server-adapter/fastify
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { VajraServer } from '../create-server';
import { problemResponse, toProblem } from '../http/problem';
import { VajraError } from '@vajra-stream/core';
import { attachWebSocket, toNodeListener, writeResponse } from '../node/index';

/** What the plugin needs of a Fastify request and reply (the same in Fastify 4 and 5). */
interface FastifyRequestLike {
  url: string;
  body?: unknown;
  raw: IncomingMessage;
}
interface FastifyReplyLike {
  raw: ServerResponse;
  hijack(): unknown;
}

/**
 * What the plugin uses of a Fastify instance: the members Fastify 4 and 5 share, so an app of either
 * version registers it with its own types.
 *
 * @example
 * ```ts
 * // what vajraFastify's plugin is called with; a Fastify 4 or 5 app passes itself when it registers it
 * const plugin: (fastify: FastifyInstanceLike) => Promise<void> = vajraFastify(server);
 * await Fastify().register(plugin);
 * ```
 */
export interface FastifyInstanceLike {
  server: Server;
  removeAllContentTypeParsers(): unknown;
  addContentTypeParser(
    contentType: string,
    options: { parseAs: 'buffer'; bodyLimit: number },
    parser: (request: FastifyRequestLike, body: Buffer, done: (error: null, body: Buffer) => void) => void,
  ): unknown;
  setErrorHandler(handler: (error: { statusCode?: number; message: string }, request: FastifyRequestLike, reply: FastifyReplyLike) => void): unknown;
  route(options: { method: Array<'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'>; url: string; handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => void }): unknown;
  addHook(name: 'onClose', hook: () => Promise<void>): unknown;
}

/**
 * The Fastify plugin of a server. Register it without a prefix, or with the server's `basePath` as the
 * prefix: the server answers below its base path either way, and with the prefix the app's own routes
 * outside it stay the app's.
 *
 * @example
 * ```ts
 * await app.register(vajraFastify(server));
 * // or, for createServer(vajra, { basePath: '/vajra' }):
 * await app.register(vajraFastify(server), { prefix: '/vajra' });
 * ```
 */
export function vajraFastify(server: VajraServer) {
  const listener = toNodeListener(server, (req) => (req as { vajraBody?: unknown }).vajraBody);
  return async function vajraPlugin(fastify: FastifyInstanceLike): Promise<void> {
    await server.ready(); // an unusable JWT key fails app.register()/app.listen(), not every request
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: server.limits.bodyBytes }, (_request, body, done) => done(null, body));
    fastify.setErrorHandler((error, request, reply) => {
      const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      const problem = toProblem(status === 500 ? error : new VajraError(code, error.message, { status }), server.logger);
      reply.hijack();
      void writeResponse(reply.raw, problemResponse({ ...problem, instance: request.url.split('?')[0]!.slice(0, 200) }));
    });
    const handler = (request: FastifyRequestLike, reply: FastifyReplyLike): void => {
      reply.hijack();
      if (request.body !== undefined) (request.raw as { vajraBody?: unknown }).vajraBody = request.body;
      listener(request.raw, reply.raw);
    };
    const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
    fastify.route({ method: [...methods], url: '/', handler });
    fastify.route({ method: [...methods], url: '/*', handler });
    const ws = attachWebSocket(fastify.server, server);
    fastify.addHook('onClose', async () => ws.close());
  };
}
