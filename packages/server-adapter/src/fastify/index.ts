/**
 * Fastify 5 adapter: a plugin answering every path of its context with the server, with raw bodies
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
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VajraServer } from '../create-server';
import { problemResponse, toProblem } from '../http/problem';
import { VajraError } from '@vajra-stream/core';
import { attachWebSocket, toNodeListener, writeResponse } from '../node/index';

/**
 * The Fastify plugin of a server. Register it without a prefix.
 *
 * @example
 * ```ts
 * await app.register(vajraFastify(server));
 * ```
 */
export function vajraFastify(server: VajraServer) {
  const listener = toNodeListener(server, (req) => (req as { vajraBody?: unknown }).vajraBody);
  return async function vajraPlugin(fastify: FastifyInstance): Promise<void> {
    await server.ready(); // an unusable JWT key fails app.register()/app.listen(), not every request
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: server.limits.bodyBytes }, (_request, body, done) => done(null, body));
    fastify.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      const problem = toProblem(status === 500 ? error : new VajraError(code, error.message, { status }), server.logger);
      reply.hijack();
      void writeResponse(reply.raw, problemResponse({ ...problem, instance: request.url.split('?')[0]!.slice(0, 200) }));
    });
    const handler = (request: FastifyRequest, reply: FastifyReply): void => {
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
