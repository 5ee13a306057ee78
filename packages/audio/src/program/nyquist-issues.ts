import { compileParam } from '../automation/compile-param';
import type { Param } from './param-schema';

/** A frequency problem found in a parsed program: where, and what. */
export interface NyquistIssue {
  path: Array<string | number>;
  message: string;
}

interface NyquistLayer {
  kind: string;
  frequency?: Param;
  carrier?: Param;
  beat?: Param;
}

/** Largest value of a parameter: keyframe values bound every segment (linear, exponential and step). */
export function paramMaximum(param: Param): number {
  return typeof param === 'number' ? param : Math.max(...param.map((frame) => frame.value));
}

/**
 * Largest value of a sum of parameters. Each segment is linear, exponential (convex) or constant, so the
 * sum is convex between the union of their keyframe times and its maximum sits on one of them (a step
 * jumps at its keyframe, so both sides of each time are checked).
 */
function sumMaximum(params: Param[]): number {
  const times = new Set<number>([0]);
  for (const param of params) if (typeof param !== 'number') for (const frame of param) times.add(frame.at);
  const compiled = params.map((param) => compileParam(param));
  let maximum = -Infinity;
  for (const t of times) {
    for (const probe of [t, t - 1e-9]) {
      if (probe < 0) continue;
      maximum = Math.max(
        maximum,
        compiled.reduce((sum, param) => sum + param.valueAt(probe), 0),
      );
    }
  }
  return maximum;
}

/**
 * The layers whose sounding frequency reaches the Nyquist limit (sampleRate / 2) at any keyframe; such a
 * tone would fold back to a different, wrong frequency, so the program is refused instead. Bowl modes
 * above the fundamental are not refused here: they are dropped at render time (see `renderInfo`).
 *
 * @example
 * nyquistIssues({ sampleRate: 44100, layers: [{ kind: 'tone', frequency: 30000 }] });
 * // [{ path: ['layers', 0, 'frequency'], message: '30000 Hz reaches the Nyquist limit …' }]
 */
export function nyquistIssues(program: { sampleRate: number; layers: readonly NyquistLayer[] }): NyquistIssue[] {
  const nyquist = program.sampleRate / 2;
  const issues: NyquistIssue[] = [];
  const tooHigh = (hz: number) => `${round(hz)} Hz reaches the Nyquist limit (${nyquist} Hz at sampleRate ${program.sampleRate}); it would alias`;
  program.layers.forEach((layer, index) => {
    const single = layer.frequency ?? layer.carrier;
    if (single === undefined) return;
    const field = layer.frequency === undefined ? 'carrier' : 'frequency';
    const highest = paramMaximum(single);
    if (highest >= nyquist) {
      issues.push({ path: ['layers', index, field], message: tooHigh(highest) });
      return;
    }
    if (layer.carrier !== undefined && layer.beat !== undefined) {
      const upper = sumMaximum([layer.carrier, layer.beat]);
      if (upper >= nyquist) issues.push({ path: ['layers', index, 'beat'], message: `carrier + beat ${tooHigh(upper)}` });
    }
  });
  return issues;
}

const round = (hz: number) => Math.round(hz * 1000) / 1000;
