// Running bench servers compared two by two in short alternating slices, for a machine whose load changes by
// the second: the load generator (this process) loads A for a slice, then B, then B, then A, and so on; each pair
// gives a ratio A/B of requests/s and of server CPU per request, so a load change hits both sides of a pair
// alike. Server CPU is the sum of the server's threads' /proc/<pid>/task/*/schedstat (JS, GC helpers, libuv
// pool; nanoseconds, not 10 ms ticks). Used by ab.ts and http.ts.
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { generateLoad } from './load-generator';

/** A bench server under comparison: a name for messages, its process and its port. */
export interface SliceServer {
  name: string;
  child: ChildProcess;
  port: number;
}

/** What one slice of load on one server measured. */
export interface Slice {
  rps: number;
  cpuSecondsPer1000: number;
  latenciesMs: number[];
  /** Share of one core the load generator used during the slice. */
  generatorCpu: number;
  saturated: boolean;
}

/** Per-pair ratios A/B and each side's slices, in the order they ran. */
export interface SlicePairs {
  rpsRatios: number[];
  cpuRatios: number[];
  a: Slice[];
  b: Slice[];
}

/**
 * CPU time of every thread of `pid` from schedstat, in seconds.
 *
 * @example
 * ```ts
 * const before = cpuSeconds(child.pid!); // ... load it ...
 * const used = cpuSeconds(child.pid!) - before;
 * ```
 */
export const cpuSeconds = (pid: number): number => {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return ns / 1e9;
};

async function slice(server: SliceServer, path: string, options: { sliceMs: number; connections: number }): Promise<Slice> {
  const pid = server.child.pid!;
  const before = cpuSeconds(pid);
  const result = await generateLoad(server.port, path, { connections: options.connections, seconds: options.sliceMs / 1000 });
  if (result.errors > 0) throw new Error(`${server.name} ${path}: ${result.errors} answers were not 200`);
  return {
    rps: result.requests / result.seconds,
    cpuSecondsPer1000: ((cpuSeconds(pid) - before) / result.requests) * 1000,
    latenciesMs: result.latenciesMs,
    generatorCpu: result.generatorCpu,
    saturated: result.saturated,
  };
}

/**
 * Load `path` on the two servers of each comparison in `pairs` pairs of `sliceMs` slices, A first in even pairs
 * and B first in odd ones. The comparisons take turns pair by pair (pair 1 of each, then pair 2 of each, ...), so
 * each one's pairs spread over the whole run and its warmth and load changes alike. Gives each comparison's pairs.
 *
 * @example
 * ```ts
 * const [{ rpsRatios }] = await alternateSlices([[sdk, bare]], '/health', { pairs: 20, sliceMs: 500, connections: 50 });
 * const { median, quartiles } = medianAndQuartiles(rpsRatios);
 * ```
 */
export async function alternateSlices(
  comparisons: readonly (readonly [SliceServer, SliceServer])[],
  path: string,
  options: { pairs: number; sliceMs: number; connections: number },
): Promise<SlicePairs[]> {
  const results = comparisons.map((): SlicePairs => ({ rpsRatios: [], cpuRatios: [], a: [], b: [] }));
  for (let i = 0; i < options.pairs; i += 1) {
    for (const [k, [a, b]] of comparisons.entries()) {
      const first = i % 2 === 0 ? a : b;
      const one = await slice(first, path, options);
      const other = await slice(first === a ? b : a, path, options);
      const [sa, sb] = first === a ? [one, other] : [other, one];
      const pairs = results[k]!;
      pairs.a.push(sa);
      pairs.b.push(sb);
      pairs.rpsRatios.push(sa.rps / sb.rps);
      pairs.cpuRatios.push(sa.cpuSecondsPer1000 / sb.cpuSecondsPer1000);
    }
  }
  return results;
}

/**
 * The median (the upper one of an even count) and the first and third quartiles of `values`.
 *
 * @example
 * ```ts
 * medianAndQuartiles([1, 2, 3, 4]); // { median: 3, quartiles: [2, 4] }
 * ```
 */
export function medianAndQuartiles(values: number[]): { median: number; quartiles: [number, number] } {
  const sorted = [...values].sort((x, y) => x - y);
  return { median: sorted[Math.floor(sorted.length / 2)]!, quartiles: [sorted[Math.floor(sorted.length / 4)]!, sorted[Math.floor((3 * sorted.length) / 4)]!] };
}

/**
 * How the benches print a ratio: `{ [name]: median, [name + 'Quartiles']: [first, third] }` of `values`,
 * rounded to `digits` decimals.
 *
 * @example
 * ```ts
 * ratioFigures('p99', [1, 2, 3, 4], 2); // { p99: 3, p99Quartiles: [2, 4] }
 * ```
 */
export function ratioFigures(name: string, values: number[], digits: number): Record<string, number | number[]> {
  const round = (value: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
  const { median, quartiles } = medianAndQuartiles(values);
  return { [name]: round(median), [`${name}Quartiles`]: quartiles.map(round) };
}
