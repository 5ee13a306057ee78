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

/** The dashboard's single WebSocket: topic subscriptions, commands with replies, streams. */
export interface SocketClient {
  readonly state: SocketState;
  /** Open (or reopen, e.g. after the credential changed) the connection. */
  connect(): void;
  close(): void;
  /** Subscribe to topics; remembered and renewed on every reconnect. */
  subscribe(topics: string[]): void;
  on(type: string, listener: (message: ServerMessage) => void): () => void;
  onState(listener: (state: SocketState) => void): () => void;
  /** Send a command and wait for its `result` (or `error`). */
  command<T>(message: { type: string; [key: string]: unknown }): Promise<T>;
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
  resolve?: (value: unknown) => void;
  handlers?: StreamHandlers;
  isLast?: (message: ServerMessage) => boolean;
  reject(error: ApiError): void;
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
  const state = { current: 'idle' as SocketState, socket: undefined as WebSocket | undefined, retryMs: 1000, timer: undefined as number | undefined, nextId: 1 };
  const topics = new Set<string>();
  const listeners = new Map<string, Set<(message: ServerMessage) => void>>();
  const stateListeners = new Set<(state: SocketState) => void>();
  const pending = new Map<string, Pending>();

  const setState = (next: SocketState): void => {
    state.current = next;
    stateListeners.forEach((listener) => listener(next));
  };
  const sendRaw = (message: unknown): boolean => {
    if (state.socket?.readyState !== WebSocket.OPEN) return false;
    state.socket.send(JSON.stringify(message));
    return true;
  };
  const failPending = (): void => {
    const entries = [...pending.values()];
    pending.clear();
    for (const entry of entries) entry.reject(new ApiError(0, 'DISCONNECTED', 'The connection to the server closed'));
  };

  const dispatch = (message: ServerMessage): void => {
    const key = message.id === undefined ? undefined : String(message.id);
    const entry = key === undefined ? undefined : pending.get(key);
    if (entry !== undefined && key !== undefined) {
      if (message.type === 'error') {
        pending.delete(key);
        entry.reject(new ApiError(message.status ?? 400, message.code ?? 'ERROR', message.message ?? 'The server refused the command'));
        return;
      }
      if (entry.handlers !== undefined) {
        if (message.type !== 'result') entry.handlers.onMessage(message);
        if (entry.isLast?.(message) === true) pending.delete(key);
        return;
      }
      if (message.type === 'result') {
        pending.delete(key);
        entry.resolve?.(message.data);
        return;
      }
    }
    listeners.get(message.type)?.forEach((listener) => listener(message));
  };

  function open(): void {
    window.clearTimeout(state.timer);
    const token = credentials.token;
    const protocols = [PROTOCOL];
    if (token !== null) {
      if (!canTravelInSubprotocol(token)) {
        setState('closed');
        return;
      }
      protocols.push(BEARER_PREFIX + token);
    }
    const socket = new WebSocket(url, protocols);
    state.socket = socket;
    setState('connecting');
    socket.addEventListener('open', () => {
      state.retryMs = 1000;
      setState('open');
      if (topics.size > 0) sendRaw({ type: 'subscribe', topics: [...topics] });
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      try {
        dispatch(JSON.parse(event.data) as ServerMessage);
      } catch {
        // not JSON: nothing we understand
      }
    });
    socket.addEventListener('close', () => {
      if (state.socket !== socket) return;
      state.socket = undefined;
      failPending();
      setState('closed');
      state.timer = window.setTimeout(open, state.retryMs);
      state.retryMs = Math.min(state.retryMs * 2, 15_000);
    });
  }

  const register = (message: { type: string; [key: string]: unknown }, entry: Pending): void => {
    const id = `d${state.nextId++}`;
    pending.set(id, entry);
    if (!sendRaw({ ...message, id })) {
      pending.delete(id);
      entry.reject(new ApiError(0, 'DISCONNECTED', 'Not connected to the server'));
    }
  };

  return {
    get state() {
      return state.current;
    },
    connect() {
      const previous = state.socket;
      state.socket = undefined;
      previous?.close(1000, 'reconnecting');
      failPending();
      open();
    },
    close() {
      window.clearTimeout(state.timer);
      const previous = state.socket;
      state.socket = undefined;
      previous?.close(1000, 'closing');
      failPending();
      setState('idle');
    },
    subscribe(list) {
      const added = list.filter((topic) => !topics.has(topic));
      added.forEach((topic) => topics.add(topic));
      if (added.length > 0) sendRaw({ type: 'subscribe', topics: added });
    },
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      set.add(listener);
      listeners.set(type, set);
      return () => set.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    command<T>(message: { type: string; [key: string]: unknown }) {
      return new Promise<T>((resolve, reject) => register(message, { resolve: resolve as (value: unknown) => void, reject }));
    },
    stream(message, handlers, isLast) {
      register(message, { handlers, isLast, reject: (error) => handlers.onError(error) });
    },
  };
}
