import type { RequestInfo, VajraServer } from './create-server';

/** Answers a request like `VajraServer.fetch`, but synchronously when nothing on the way waits (no promise, no microtask). */
export type RequestHandler = (request: Request, info: RequestInfo) => Response | Promise<Response>;

/** Where a server from `createServer` keeps its {@link RequestHandler} (for the adapters of this package only). */
export const REQUEST_HANDLER = Symbol('vajra-stream.request-handler');

/**
 * The {@link RequestHandler} of `server`: its own when it comes from `createServer`, else one around `fetch`
 * (a server object made some other way).
 *
 * @example
 * ```ts
 * const handle = requestHandlerOf(server);
 * const response = handle(request, { remoteAddress: '127.0.0.1' });
 * ```
 */
export function requestHandlerOf(server: VajraServer): RequestHandler {
  const own = (server as { [REQUEST_HANDLER]?: RequestHandler })[REQUEST_HANDLER];
  return own ?? ((request, info) => server.fetch(request, info));
}
