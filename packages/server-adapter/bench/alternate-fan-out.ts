// WebSocket fan-out of two bench servers compared in alternating slices, as alternate-slices.ts does for HTTP:
// both servers hold `clients` subscribers at once (this process, pinned to the other core, holds them all), and
// the servers emit frames in turns, A then B, then B then A, and so on; each pair gives a ratio A/B of the
// slices' p99 (and p50) latency, of the server's CPU time per message delivered and of the time its emit of a
// frame took (the synchronous fan-out to every subscriber's socket), so a change of the
// machine's load hits both sides of a pair alike.
import type { ChildProcess } from 'node:child_process';
import { type FanOutSlice, subscribeFanOut } from './fan-out';

/** A bench server whose fan-out is compared: a name for messages, its process and its port. */
export interface FanOutServer {
  name: string;
  child: ChildProcess;
  port: number;
}

/** Per-pair ratios A/B and each side's slices, in the order they ran. */
export interface FanOutPairs {
  p99Ratios: number[];
  p50Ratios: number[];
  cpuRatios: number[];
  emitRatios: number[];
  a: FanOutSlice[];
  b: FanOutSlice[];
}

/**
 * Subscribe `clients` sockets to each of `a` and `b`, warm both up with one slice each, then run `pairs` pairs of
 * `seconds`-long frame slices, A first in even pairs and B first in odd ones. Throws when a slice delivered no frame.
 *
 * @example
 * ```ts
 * const { p99Ratios } = await alternateFanOut(sdk, raw, 200, { pairs: 8, seconds: 2 });
 * const { median, quartiles } = medianAndQuartiles(p99Ratios);
 * ```
 */
export async function alternateFanOut(a: FanOutServer, b: FanOutServer, clients: number, options: { pairs: number; seconds: number }): Promise<FanOutPairs> {
  const subscribers = new Map([
    [a, await subscribeFanOut(a.child, a.port, clients)],
    [b, await subscribeFanOut(b.child, b.port, clients)],
  ]);
  const slice = async (server: FanOutServer, seconds: number): Promise<FanOutSlice> => {
    const result = await subscribers.get(server)!.slice(seconds);
    if (result.delivered === 0) throw new Error(`${server.name}: no audio:spectrum frame reached ${clients} subscribers`);
    return result;
  };
  try {
    for (const server of [a, b]) await slice(server, Math.min(1, options.seconds)); // warm-up
    const results: FanOutPairs = { p99Ratios: [], p50Ratios: [], cpuRatios: [], emitRatios: [], a: [], b: [] };
    for (let i = 0; i < options.pairs; i += 1) {
      const first = i % 2 === 0 ? a : b;
      const one = await slice(first, options.seconds);
      const other = await slice(first === a ? b : a, options.seconds);
      const [sa, sb] = first === a ? [one, other] : [other, one];
      results.a.push(sa);
      results.b.push(sb);
      results.p99Ratios.push(sa.p99Ms / sb.p99Ms);
      results.p50Ratios.push(sa.p50Ms / sb.p50Ms);
      results.cpuRatios.push(sa.cpuUsPerMessage / sb.cpuUsPerMessage);
      results.emitRatios.push(sa.emitMs / sb.emitMs);
    }
    return results;
  } finally {
    await Promise.all([...subscribers.values()].map((s) => s.close()));
  }
}
