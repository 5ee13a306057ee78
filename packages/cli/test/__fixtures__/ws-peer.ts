import WebSocket from 'ws';

/** A WebSocket client of `/ws` that keeps every message and lets a test wait for one. */
export interface WsPeer {
  messages: Array<{ type: string; data?: Record<string, unknown> } & Record<string, unknown>>;
  send(message: unknown): void;
  /** Resolves with the first message (already received or to come) that matches. */
  next(predicate: (message: WsPeer['messages'][number]) => boolean, timeoutMs?: number): Promise<WsPeer['messages'][number]>;
  /** Sends a ping and waits for its pong: every message the server sent before it has arrived. */
  flush(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Open `/ws` of `url`, with `token` as bearer credentials if given.
 *
 * @example
 * ```ts
 * const peer = await connectPeer('http://127.0.0.1:8000', 'alice-key-0123456789');
 * peer.send({ type: 'subscribe', topics: ['session:*'] });
 * ```
 */
export async function connectPeer(url: string, token?: string): Promise<WsPeer> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  const messages: WsPeer['messages'] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as WsPeer['messages'][number]);
    for (const wake of [...waiters]) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
  });
  let pings = 0;
  const next: WsPeer['next'] = (predicate, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = messages.find(predicate);
        if (found === undefined) return false;
        waiters.delete(wake);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`timed out waiting for a message; last ones: ${JSON.stringify(messages.slice(-5)).slice(0, 800)}`));
      }, timeoutMs);
      if (!check()) waiters.add(wake);
    });
  return {
    messages,
    send: (message) => socket.send(JSON.stringify(message)),
    next,
    async flush(timeoutMs) {
      const id = `flush-${(pings += 1)}`;
      socket.send(JSON.stringify({ type: 'ping', id }));
      await next((message) => message.type === 'pong' && message.id === id, timeoutMs);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
