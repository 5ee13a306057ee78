import { VajraError, type Logger, type Vajra } from '@vajra-stream/core';
import { accessOf, type Access } from '../auth/access';
import { bearerToken, type Principal } from '../auth/authenticator';
import type { RequestGuard } from '../guard/create-request-guard';
import { problemResponse, toProblem, type Problem } from '../http/problem';
import { rateLimited } from '../http/rate-limited';
import type { createRateLimiter } from '../http/rate-limiter';
import type { ClientAddress } from '../http/trusted-proxy';
import type { RequestInfo, VajraServer } from '../create-server';
import type { ServerLimits } from '../server-options';
import { createConnectionSlots, type ConnectionSlot } from './connection-slots';
import { createHeartbeat } from './create-heartbeat';
import { createOwnerIndex } from './owner-index';
import { handleClientMessage } from './handle-client-message';
import { matchingTopic } from './topics';

/**
 * What an adapter gives the hooks for one open socket.
 *
 * @example
 * ```ts
 * // an adapter on the ws package, once the handshake is done
 * const peer: WsPeer = {
 *   send: (data, done) => socket.send(data, done),
 *   bufferedBytes: () => socket.bufferedAmount, // optional: then `send` is called without `done`
 *   close: (code, reason) => socket.close(code, reason),
 *   ping: () => socket.ping(),
 *   terminate: () => socket.terminate(),
 * };
 * const connection = server.websocket.open(peer, accepted.context);
 * ```
 */
export interface WsPeer {
  /**
   * Send one text frame; call `done` once it has left the process (ws: the send callback). A peer with
   * {@link WsPeer.bufferedBytes} is called without `done`.
   */
  send(data: string, done?: (error?: Error) => void): void;
  /**
   * Optional: the bytes sent that have not left the process yet (ws: `bufferedAmount`). A peer that keeps this
   * count spares the fan-out a completion callback per message; the send queue limits apply to it alike.
   */
  bufferedBytes?(): number;
  close(code?: number, reason?: string): void;
  /** Send a WebSocket ping frame (the heartbeat); report the answer with {@link WsConnection.pong}. */
  ping(): void;
  /** Drop the connection at once, without a closing handshake (a client that stopped answering). */
  terminate(): void;
}

/**
 * What the hooks give back for one open socket: feed it messages and the close.
 *
 * @example
 * ```ts
 * const connection: WsConnection = server.websocket.open(peer, accepted.context);
 * socket.on('message', (data, isBinary) => connection.message(isBinary ? (data as Buffer) : String(data), isBinary));
 * socket.on('pong', () => connection.pong());
 * socket.on('close', () => connection.close());
 * ```
 */
export interface WsConnection {
  message(data: string | Uint8Array, isBinary?: boolean): void;
  /** The client answered a ping. */
  pong(): void;
  close(): void;
}

/**
 * Result of a successful upgrade check: the subprotocol to echo and the connection's context.
 *
 * @example
 * ```ts
 * const result = await server.websocket.upgrade(request, { remoteAddress: '127.0.0.1' });
 * if (result instanceof Response) return result; // written instead of the 101
 * const accepted: UpgradeAccepted = result; // { protocol: 'vajra-stream.v1', context: { principal }, abandon }
 * socket.once('close', accepted.abandon); // the handshake did not complete: give the connection slot back
 * ```
 */
export interface UpgradeAccepted {
  protocol?: string;
  context: { principal: Principal | null };
  /**
   * The upgrade holds one of the connection slots its address and principal may use. Call this when
   * the handshake does not complete (the socket closed first), so {@link WebSocketHooks.open} is never
   * called; it does nothing once the connection opened.
   */
  abandon(): void;
}

/**
 * The WebSocket side of a server, crossws-style: `upgrade` (auth, before the 101), then `open`.
 *
 * @example
 * ```ts
 * const hooks: WebSocketHooks = server.websocket;
 * const result = await hooks.upgrade(request, { remoteAddress: '127.0.0.1' });
 * if (!(result instanceof Response)) hooks.open(peer, result.context);
 * console.log(hooks.path, hooks.stats()); // '/ws' { connections: 1, topics: {} }
 * ```
 */
export interface WebSocketHooks {
  readonly path: string;
  /**
   * Accept (`UpgradeAccepted`) or refuse (a `Response` to write instead of the 101): 429 when the
   * client's rate-limit budget is spent or it has too many connections open, 401 without required
   * credentials, 403 for a foreign origin or host, 503 when the server is full.
   */
  upgrade(request: Request, info?: RequestInfo): Promise<UpgradeAccepted | Response>;
  open(peer: WsPeer, context: UpgradeAccepted['context']): WsConnection;
  /** Open connections and subscribers per topic. */
  stats(): { connections: number; topics: Record<string, number> };
}

/** One open socket's state. */
export interface ConnectionState {
  id: number;
  peer: WsPeer;
  access: Access;
  topics: Set<string>;
  /** Bytes sent whose `done` has not come yet (for a peer without `bufferedBytes`). */
  queued: number;
  closed: boolean;
  aborts: Set<AbortController>;
  /** This connection's place in the per-address and per-principal counts. */
  slot: ConnectionSlot;
  /** Message budget (token bucket): tokens left and when they were last refilled. */
  budget: { tokens: number; at: number };
  /** Send a control message (replies, errors); bounded by a hard cap, beyond which the socket closes. */
  reply(message: Record<string, unknown>): void;
}

/**
 * The subprotocol this server speaks; clients may also offer `vajra-stream.bearer.<token>` to authenticate.
 * @example
 * ```ts
 * const socket = new WebSocket('ws://127.0.0.1:8000/ws', [WS_PROTOCOL, `vajra-stream.bearer.${token}`]);
 * ```
 */
export const WS_PROTOCOL = 'vajra-stream.v1';
const BEARER_PROTOCOL = 'vajra-stream.bearer.';

interface Dependencies {
  vajra: Vajra;
  server: () => VajraServer;
  logger: Logger;
  limits: Required<ServerLimits>;
  guard: RequestGuard;
  /** The server's per-client request budget; every upgrade costs one request of it. */
  limiter?: ReturnType<typeof createRateLimiter>;
  /** The client address behind trusted proxies (`trustProxy`); without it the peer's address counts. */
  clientAddress?: ClientAddress;
  /** Where the WebSocket answers (`/ws` below the server's base path). */
  path: string;
}

/**
 * Build the WebSocket hooks of a server: upgrade checks, the JSON protocol, topic fan-out from the
 * kernel's events with ownership filtering, and bounded per-connection send queues.
 *
 * @example
 * ```ts
 * const { hooks } = createWebSocketHooks({ vajra, server: () => server, logger, limits, guard, path: '/ws' });
 * ```
 */
export function createWebSocketHooks({ vajra, server, logger, limits, guard, limiter, clientAddress, path }: Dependencies) {
  const connections = new Set<ConnectionState>();
  const owners = createOwnerIndex(vajra);
  const slots = createConnectionSlots(limits);
  /** Slots of accepted upgrades whose socket has not opened yet. */
  const opening = new WeakMap<UpgradeAccepted['context'], ConnectionSlot>();
  let nextId = 1;

  /** Forget a connection: abort its work, leave its topics, give back its slot. */
  const finish = (connection: ConnectionState): void => {
    if (connection.closed) return;
    connection.closed = true;
    for (const abort of connection.aborts) abort.abort();
    connection.topics.clear();
    connections.delete(connection);
    heartbeat.forget(connection);
    connection.slot.release();
  };

  const heartbeat = createHeartbeat<ConnectionState>({
    clock: vajra.clock,
    intervalSeconds: limits.wsPingIntervalSeconds,
    timeoutSeconds: limits.wsPongTimeoutSeconds,
    ping: (connection) => connection.peer.ping(),
    silent(connection) {
      logger.info('silent WebSocket client dropped (no pong)', { connection: connection.id });
      connection.peer.terminate();
      finish(connection);
    },
  });

  const refuse = (error: unknown): Response => {
    const problem = { ...toProblem(error, logger), instance: path };
    return problemResponse(problem, refusalHeaders(problem));
  };

  /** Spend one request of `key`'s budget (an address or a principal), or refuse with 429. */
  const charge = (key: string): void => {
    const retryAfterMs = limiter?.take(key) ?? 0;
    if (retryAfterMs > 0) throw rateLimited(retryAfterMs);
  };

  const drop = (connection: ConnectionState, topic: string): void => {
    connection.topics.delete(topic);
    connection.reply({ type: 'unsubscribed', topic, reason: 'slow-consumer' });
    logger.warn('slow WebSocket client dropped from a topic', { connection: connection.id, topic });
  };

  const sendTopic = (connection: ConnectionState, topic: string, text: string): void => {
    if (connection.closed) return;
    if (backlog(connection) + text.length > limits.wsQueueBytes) return drop(connection, topic);
    push(connection, text);
  };

  /** Bytes sent to `connection` that have not left the process yet. */
  const backlog = (connection: ConnectionState): number => connection.peer.bufferedBytes?.() ?? connection.queued;

  const push = (connection: ConnectionState, text: string): void => {
    if (connection.peer.bufferedBytes !== undefined) {
      try {
        connection.peer.send(text);
      } catch {
        // a socket already closing: its close event finishes the connection
      }
      return;
    }
    connection.queued += text.length;
    try {
      connection.peer.send(text, () => {
        connection.queued -= text.length;
      });
    } catch {
      connection.queued -= text.length;
    }
  };

  const offAny = vajra.events.onAny(
    (name, payload) => {
      if (connections.size === 0) return;
      const interested: Array<[ConnectionState, string]> = [];
      for (const connection of connections) {
        const topic = matchingTopic(connection.topics, name);
        if (topic !== undefined) interested.push([connection, topic]);
      }
      owners.observe(name, payload);
      if (interested.length === 0) return;
      const text = JSON.stringify({ type: name, data: payload });
      // An event names its owner (a session, a wheel, an `owner` field) or concerns no one: then only a plugin
      // that declared it public lets everyone have it; otherwise admins only.
      const everyone = vajra.isPublicEvent(name);
      const deliver = (owner: string | null | undefined): void => {
        for (const [connection, topic] of interested) {
          if (owner === undefined ? everyone || connection.access.admin : connection.access.canSee(owner)) sendTopic(connection, topic, text);
        }
      };
      const owner = owners.ownerOf(name, payload);
      if (owner instanceof Promise) owner.then(deliver, () => undefined);
      else deliver(owner);
      // With a bus, the events other instances publish arrive here too: clients see the whole deployment.
    },
    { remote: true },
  );

  const hooks: WebSocketHooks = {
    path,
    async upgrade(request, info = {}) {
      try {
        const url = new URL(request.url);
        if (url.pathname !== path) return refuse(notFound(path));
        if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') return refuse(upgradeRequired());
        const address = clientAddress === undefined ? (info.remoteAddress ?? 'unknown') : clientAddress(info.remoteAddress, (name) => request.headers.get(name));
        charge(address); // before auth: failed attempts cost too
        const host = request.headers.get('host');
        guard.checkHost(host);
        const origin = request.headers.get('origin');
        if (origin !== null && !guard.allowsOrigin(origin, host)) return refuse(originDenied());
        const offered = (request.headers.get('sec-websocket-protocol') ?? '')
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        const fromProtocol = offered.find((p) => p.startsWith(BEARER_PROTOCOL))?.slice(BEARER_PROTOCOL.length) ?? null;
        const token = bearerToken(request.headers.get('authorization')) ?? fromProtocol;
        const principal = await server().authenticate(token);
        if (principal === null && server().authRequired(request)) return refuse(unauthenticated());
        if (principal !== null) charge(principal.id);
        const slot = slots.reserve(address, principal?.id ?? null);
        const context = { principal };
        opening.set(context, slot);
        const abandon = (): void => {
          if (opening.delete(context)) slot.release();
        };
        return { ...(offered.includes(WS_PROTOCOL) ? { protocol: WS_PROTOCOL } : {}), context, abandon };
      } catch (error) {
        return refuse(error);
      }
    },
    open(peer, context) {
      const slot = opening.get(context);
      if (slot === undefined) throw new Error('open() takes the context of an accepted upgrade, once');
      opening.delete(context);
      const connection: ConnectionState = {
        id: nextId++,
        peer,
        // anonymous only where no credentials were needed (the upgrade refuses otherwise): they see unowned records
        access: accessOf(context.principal),
        topics: new Set(),
        queued: 0,
        closed: false,
        aborts: new Set(),
        slot,
        budget: { tokens: limits.wsMessagesPerSecond * 2, at: vajra.clock.now() },
        reply(message) {
          if (connection.closed) return;
          const text = JSON.stringify(message);
          if (backlog(connection) + text.length > limits.wsQueueBytes * 4) {
            connection.peer.close(1013, 'send queue full');
            finish(connection);
            return;
          }
          push(connection, text);
        },
      };
      connections.add(connection);
      heartbeat.watch(connection);
      return {
        message: (data, isBinary = false) => {
          if (connection.closed) return;
          const now = vajra.clock.now();
          const budget = connection.budget;
          budget.tokens = Math.min(limits.wsMessagesPerSecond * 2, budget.tokens + ((now - budget.at) / 1000) * limits.wsMessagesPerSecond);
          budget.at = now;
          if (budget.tokens < 1) {
            connection.reply({ type: 'error', code: 'RATE_LIMITED', message: `At most ${limits.wsMessagesPerSecond} messages per second`, status: 429 });
            return;
          }
          budget.tokens -= 1;
          handleClientMessage({ vajra, server: server(), connection, limits, logger }, data, isBinary).catch((error: unknown) => {
            const problem = toProblem(error, logger);
            connection.reply({ type: 'error', code: problem.code, message: problem.detail });
          });
        },
        pong: () => heartbeat.pong(connection),
        close: () => finish(connection),
      };
    },
    stats() {
      const topics: Record<string, number> = {};
      for (const connection of connections) for (const topic of connection.topics) topics[topic] = (topics[topic] ?? 0) + 1;
      return { connections: connections.size, topics };
    },
  };

  return {
    hooks,
    close(): void {
      offAny();
      heartbeat.stop();
      for (const connection of [...connections]) {
        connection.peer.close(1001, 'server shutting down');
        finish(connection);
      }
    },
  };
}

function refusalHeaders(problem: Problem): Record<string, string> {
  if (problem.status === 401) return { 'www-authenticate': 'Bearer' };
  const retryAfter = (problem.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return problem.status === 429 && typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {};
}

const notFound = (path: string) => new VajraError('ROUTE_NOT_FOUND', `No WebSocket endpoint here; use ${path}`, { status: 404 });
const upgradeRequired = () => new VajraError('UPGRADE_REQUIRED', 'Send Upgrade: websocket', { status: 426 });
const originDenied = () => new VajraError('CORS_ORIGIN_DENIED', 'This origin may not open a WebSocket', { status: 403 });
const unauthenticated = () => new VajraError('UNAUTHENTICATED', 'The WebSocket needs credentials: Authorization: Bearer <token> or the vajra-stream.bearer.<token> subprotocol', { status: 401 });
