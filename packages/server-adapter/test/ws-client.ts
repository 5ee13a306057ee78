import WebSocket from 'ws';

/** A real `ws` client that records every message and lets a test wait for one. */
export interface TestClient {
  socket: WebSocket;
  messages: Array<Record<string, unknown>>;
  send(message: unknown): void;
  next(predicate: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** How a test client connects: extra headers, subprotocols, a loopback source address (`127.0.0.2` looks like another client). */
export interface ConnectOptions {
  headers?: Record<string, string>;
  protocols?: string[];
  localAddress?: string;
  /** `false`: never answer the server's pings (a client that went silent). */
  autoPong?: boolean;
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<TestClient> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, options.protocols ?? [], {
    headers: options.headers,
    autoPong: options.autoPong ?? true,
    ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
  });
  const messages: Array<Record<string, unknown>> = [];
  const waiters = new Set<{ predicate: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void; seen: number }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    messages.push(message);
    for (const waiter of waiters)
      if (waiter.predicate(message)) {
        waiters.delete(waiter);
        waiter.resolve(message);
      }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })));
      res.on('error', reject);
    });
  });
  return {
    socket,
    messages,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next(predicate, timeoutMs = 20_000) {
      // generous: a loaded machine may take seconds; only a failing test waits it out
      const found = messages.find(predicate);
      if (found !== undefined) {
        messages.splice(messages.indexOf(found), 1);
        return Promise.resolve(found);
      }
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          seen: 0,
          resolve: (m: Record<string, unknown>) => {
            clearTimeout(timer);
            messages.splice(messages.indexOf(m), 1);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out waiting for a message; got ${JSON.stringify(messages).slice(0, 500)}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

/** Try to open a socket and report the refusal status (or 101 when it opened). */
export async function upgradeStatus(url: string, options: ConnectOptions = {}): Promise<{ status: number; protocol?: string; headers?: Record<string, unknown>; body?: string }> {
  try {
    const client = await connect(url, options);
    const protocol = client.socket.protocol;
    await client.close();
    return { status: 101, protocol };
  } catch (error) {
    const e = error as { status?: number; headers?: Record<string, unknown>; body?: string };
    if (e.status === undefined) throw error;
    return { status: e.status, headers: e.headers, body: e.body };
  }
}
