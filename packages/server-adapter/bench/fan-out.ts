// WebSocket fan-out latency: `clients` sockets subscribe to `audio:spectrum` on a bench server, which then
// emits frames at 10 Hz; each frame's latency is its arrival time minus the `sentAt` the server stamped.
import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';

/** What one run of {@link fanOut} measured. */
export interface FanOutResult {
  clients: number;
  delivered: number;
  latenciesMs: number[];
}

/**
 * Connect `clients` subscribers to `ws://127.0.0.1:port/ws`, have `server` emit frames for `seconds`, collect latencies.
 *
 * @example
 * ```ts
 * const { latenciesMs } = await fanOut(server, port, 1000, 5);
 * ```
 */
export async function fanOut(server: ChildProcess, port: number, clients: number, seconds: number): Promise<FanOutResult> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < clients; i += 50) {
    const batch = await Promise.all(
      Array.from(
        { length: Math.min(50, clients - i) },
        () =>
          new Promise<WebSocket>((resolve, reject) => {
            const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
            ws.once('open', () => ws.send(JSON.stringify({ type: 'subscribe', topics: ['audio:spectrum'] })));
            const subscribed = (data: WebSocket.RawData): void => {
              if ((JSON.parse(String(data)) as { type: string }).type !== 'subscribed') return;
              ws.off('message', subscribed);
              resolve(ws);
            };
            ws.on('message', subscribed);
            ws.once('error', reject);
          }),
      ),
    );
    sockets.push(...batch);
  }
  const latenciesMs: number[] = [];
  for (const ws of sockets) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; data: { sentAt: number } };
      if (message.type === 'audio:spectrum') latenciesMs.push(performance.timeOrigin + performance.now() - message.data.sentAt);
    });
  }
  server.send({ cmd: 'frames', hz: 10 });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  server.send({ cmd: 'stop-frames' });
  await new Promise((resolve) => server.once('message', resolve));
  await new Promise((resolve) => setTimeout(resolve, 300)); // frames still in flight
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close();
        }),
    ),
  );
  return { clients, delivered: latenciesMs.length, latenciesMs };
}
