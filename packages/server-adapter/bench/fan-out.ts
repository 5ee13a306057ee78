// WebSocket fan-out latency: `clients` sockets subscribe to `audio:spectrum` on a bench server, which then
// emits frames at 10 Hz for a slice; each frame's latency is its arrival time minus the `sentAt` the server
// stamped. The subscribers stay connected from slice to slice, so two servers can be measured in turns
// (alternate-fan-out.ts) without reconnecting 1,000 sockets each time.
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { cpuSeconds } from './alternate-slices';
import { nextMessage } from './launch-bench-server';

/** What one slice of frames measured on one server. */
export interface FanOutSlice {
  p50Ms: number;
  p99Ms: number;
  /** Frames that reached a subscriber, counted once per subscriber. */
  delivered: number;
  /** Frames the server emitted during the slice times the subscribers. */
  expected: number;
  /** The server's CPU time (all its threads) during the slice per message delivered, in µs. */
  cpuUsPerMessage: number;
  /** Median time the server's emit of a frame took (serialising and handing it to every subscriber's socket), in ms. */
  emitMs: number;
}

/** Subscribers connected to one server: measure slices of frames on it, then close them. */
export interface FanOutSubscribers {
  slice(seconds: number): Promise<FanOutSlice>;
  close(): Promise<void>;
}

/** The fan-outs the benches measure, by the name a bench's route list gives them: their subscriber counts. */
export const FAN_OUTS: Readonly<Record<string, number>> = { ws200: 200, ws1000: 1000 };

const DRAIN_TIMEOUT_MS = 2000;

const quantile = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * Connect `clients` subscribers of `audio:spectrum` to `ws://127.0.0.1:port/ws` of the bench server `server`.
 * Each `slice(seconds)` has the server emit frames at 10 Hz for `seconds`, waits until every frame it emitted
 * reached every subscriber (or 2 s more), and gives the latencies' p50/p99, the frames delivered/expected and
 * the server's CPU time per message delivered and the median time its emit of a frame took.
 *
 * @example
 * ```ts
 * const subscribers = await subscribeFanOut(server, port, 1000);
 * const { p99Ms, delivered, expected } = await subscribers.slice(2);
 * await subscribers.close();
 * ```
 */
export async function subscribeFanOut(server: ChildProcess, port: number, clients: number): Promise<FanOutSubscribers> {
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
  let latenciesMs: number[] = [];
  let awaited = Infinity;
  let drained: (() => void) | undefined;
  for (const ws of sockets) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; data: { sentAt: number } };
      if (message.type !== 'audio:spectrum') return;
      latenciesMs.push(performance.timeOrigin + performance.now() - message.data.sentAt);
      if (latenciesMs.length >= awaited) drained?.();
    });
  }
  return {
    async slice(seconds) {
      latenciesMs = [];
      awaited = Infinity;
      const cpuBefore = cpuSeconds(server.pid!);
      server.send({ cmd: 'frames', hz: 10 });
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const stopped = nextMessage<{ frames: number; emitMs: number[] }>(server, 'stopped');
      server.send({ cmd: 'stop-frames' });
      const { frames, emitMs } = await stopped;
      const expected = frames * clients;
      if (latenciesMs.length < expected) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          awaited = expected;
          drained = resolve;
          timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
        });
        clearTimeout(timer);
        drained = undefined;
      }
      const cpuUsPerMessage = ((cpuSeconds(server.pid!) - cpuBefore) * 1e6) / latenciesMs.length;
      const sorted = Float64Array.from(latenciesMs).sort();
      const emitSorted = Float64Array.from(emitMs).sort();
      return { p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), delivered: latenciesMs.length, expected, cpuUsPerMessage, emitMs: quantile(emitSorted, 0.5) };
    },
    async close() {
      const closed = sockets.map((ws) => once(ws, 'close'));
      for (const ws of sockets) ws.close();
      await Promise.all(closed);
    },
  };
}
