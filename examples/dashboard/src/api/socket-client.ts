import { ApiError } from './api-error';
import type { Credentials } from './credentials';

/** Where the connection stands. */
export type SocketState = 'idle' | 'connecting' | 'open' | 'closed';

/** A message from the server: an event (`audio:spectrum`, …) or a reply (`result`, `error`, `pong`, …). */
export interface ServerMessage {
  type: string;
  id?: string | number;
  data?: unknown;
  code?: string;
  message?: string;
  status?: number;
}

/** Handlers of one streamed request (`oracle.generate`). */
export interface StreamHandlers {
  onMessage(message: ServerMessage): void;
  onError(error: ApiError): void;
}

/** The dashboard's single WebSocket: topic subscriptions and streamed commands (writes go over REST). */
export interface SocketClient {
  readonly state: SocketState;
  /** Open (or reopen, e.g. after the credential changed) the connection. */
  connect(): void;
  close(): void;
  /** Subscribe to topics; remembered and renewed on every reconnect. */
  subscribe(topics: string[]): void;
  on(type: string, listener: (message: ServerMessage) => void): () => void;
  onState(listener: (state: SocketState) => void): () => void;
  /** Send a command whose replies keep coming (oracle deltas) until `isLast` says so. */
  stream(message: { type: string; [key: string]: unknown }, handlers: StreamHandlers, isLast: (message: ServerMessage) => boolean): void;
}

/** The subprotocol the server speaks; a second one carries the credential (never the URL). */
const PROTOCOL = 'vajra-stream.v1';
const BEARER_PREFIX = 'vajra-stream.bearer.';
const TOKEN_CHARACTERS = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/**
 * True when `token` can travel in `Sec-WebSocket-Protocol` (an HTTP token: letters, digits and
 * ``!#$%&'*+-.^_`|~``). JWTs and hex or base64url keys can.
 *
 * @example
 * ```ts
 * canTravelInSubprotocol('2f9c…'); // true
 * ```
 */
export const canTravelInSubprotocol = (token: string): boolean => TOKEN_CHARACTERS.test(token);

interface Pending {
  handlers: StreamHandlers;
  isLast: (message: ServerMessage) => boolean;
}

/** The state one client works on; the functions below take it. */
interface Connection {
  url: string;
  credentials: Credentials;
  state: SocketState;
  socket: WebSocket | undefined;
  retryMs: number;
  timer: number | undefined;
  nextId: number;
  topics: Set<string>;
  listeners: Map<string, Set<(message: ServerMessage) => void>>;
  stateListeners: Set<(state: SocketState) => void>;
  pending: Map<string, Pending>;
}

function setState(connection: Connection, next: SocketState): void {
  connection.state = next;
  connection.stateListeners.forEach((listener) => listener(next));
}

function sendRaw(connection: Connection, message: unknown): boolean {
  if (connection.socket?.readyState !== WebSocket.OPEN) return false;
  connection.socket.send(JSON.stringify(message));
  return true;
}

function failPending(connection: Connection): void {
  const entries = [...connection.pending.values()];
  connection.pending.clear();
  for (const entry of entries) entry.handlers.onError(new ApiError(0, 'DISCONNECTED', 'The connection to the server closed'));
}

/** Route one server message: to the stream that asked for it (by `id`), else to the listeners of its type. */
function dispatch(connection: Connection, message: ServerMessage): void {
  const key = message.id === undefined ? undefined : String(message.id);
  const entry = key === undefined ? undefined : connection.pending.get(key);
  if (entry === undefined || key === undefined) {
    connection.listeners.get(message.type)?.forEach((listener) => listener(message));
    return;
  }
  if (message.type === 'error') {
    connection.pending.delete(key);
    entry.handlers.onError(new ApiError(message.status ?? 400, message.code ?? 'ERROR', message.message ?? 'The server refused the command'));
    return;
  }
  if (message.type !== 'result') entry.handlers.onMessage(message);
  if (entry.isLast(message)) connection.pending.delete(key);
}

/** Open the socket with the current credential; on close, retry with a backoff of 1 s doubling to 15 s. */
function open(connection: Connection): void {
  window.clearTimeout(connection.timer);
  const token = connection.credentials.token;
  if (token !== null && !canTravelInSubprotocol(token)) return setState(connection, 'closed');
  const socket = new WebSocket(connection.url, token === null ? [PROTOCOL] : [PROTOCOL, BEARER_PREFIX + token]);
  connection.socket = socket;
  setState(connection, 'connecting');
  socket.addEventListener('open', () => {
    connection.retryMs = 1000;
    setState(connection, 'open');
    if (connection.topics.size > 0) sendRaw(connection, { type: 'subscribe', topics: [...connection.topics] });
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    try {
      dispatch(connection, JSON.parse(event.data) as ServerMessage);
    } catch {
      // not JSON: nothing we understand
    }
  });
  socket.addEventListener('close', () => {
    if (connection.socket !== socket) return;
    connection.socket = undefined;
    failPending(connection);
    setState(connection, 'closed');
    connection.timer = window.setTimeout(() => open(connection), connection.retryMs);
    connection.retryMs = Math.min(connection.retryMs * 2, 15_000);
  });
}

function drop(connection: Connection, reason: string): void {
  const previous = connection.socket;
  connection.socket = undefined;
  previous?.close(1000, reason);
  failPending(connection);
}

function register(connection: Connection, message: { type: string; [key: string]: unknown }, entry: Pending): void {
  const id = `d${connection.nextId++}`;
  connection.pending.set(id, entry);
  if (!sendRaw(connection, { ...message, id })) {
    connection.pending.delete(id);
    entry.handlers.onError(new ApiError(0, 'DISCONNECTED', 'Not connected to the server'));
  }
}

/**
 * Create the WebSocket client of `/ws` on this page's origin. The credential goes in the
 * `vajra-stream.bearer.<token>` subprotocol offered next to `vajra-stream.v1`; the server answers with
 * `vajra-stream.v1` only, so the token is never echoed, and it never appears in the URL.
 *
 * @example
 * ```ts
 * const socket = createSocketClient({ credentials, url: 'ws://127.0.0.1:8000/ws' });
 * socket.subscribe(['audio:spectrum']);
 * socket.on('audio:spectrum', (message) => draw(message.data));
 * socket.connect();
 * ```
 */
export function createSocketClient({ credentials, url }: { credentials: Credentials; url: string }): SocketClient {
  const connection: Connection = {
    url,
    credentials,
    state: 'idle',
    socket: undefined,
    retryMs: 1000,
    timer: undefined,
    nextId: 1,
    topics: new Set(),
    listeners: new Map(),
    stateListeners: new Set(),
    pending: new Map(),
  };
  return {
    get state() {
      return connection.state;
    },
    connect() {
      drop(connection, 'reconnecting');
      open(connection);
    },
    close() {
      window.clearTimeout(connection.timer);
      drop(connection, 'closing');
      setState(connection, 'idle');
    },
    subscribe(list) {
      const added = list.filter((topic) => !connection.topics.has(topic));
      added.forEach((topic) => connection.topics.add(topic));
      if (added.length > 0) sendRaw(connection, { type: 'subscribe', topics: added });
    },
    on(type, listener) {
      const set = connection.listeners.get(type) ?? new Set();
      set.add(listener);
      connection.listeners.set(type, set);
      return () => set.delete(listener);
    },
    onState(listener) {
      connection.stateListeners.add(listener);
      return () => connection.stateListeners.delete(listener);
    },
    stream(message, handlers, isLast) {
      register(connection, message, { handlers, isLast });
    },
  };
}
