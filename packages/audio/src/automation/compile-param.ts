import type { Keyframe, Param } from '../program/param-schema';

/** A parameter ready for evaluation: its value and its exact running integral (for phase). */
export interface CompiledParam {
  /** True when the value never changes. */
  readonly constant: boolean;
  /** Value at time `t` (seconds, layer time). */
  valueAt(t: number): number;
  /** ∫₀ᵗ value dτ in double precision (cycles when the value is a frequency). */
  integralAt(t: number): number;
}

interface Segment {
  t0: number;
  t1: number;
  v0: number;
  v1: number;
  curve: 'linear' | 'exponential' | 'step';
  integral0: number;
}

function segmentValue(segment: Segment, t: number): number {
  const span = segment.t1 - segment.t0;
  if (span <= 0) return segment.v1;
  const x = (t - segment.t0) / span;
  switch (segment.curve) {
    case 'step':
      return segment.v0;
    case 'exponential':
      if (segment.v0 * segment.v1 > 0) return segment.v0 * (segment.v1 / segment.v0) ** x;
      return segment.v0 + (segment.v1 - segment.v0) * x;
    default:
      return segment.v0 + (segment.v1 - segment.v0) * x;
  }
}

function segmentIntegral(segment: Segment, t: number): number {
  const span = segment.t1 - segment.t0;
  const dt = t - segment.t0;
  if (span <= 0 || dt <= 0) return 0;
  const { v0, v1 } = segment;
  if (segment.curve === 'step') return v0 * dt;
  if (segment.curve === 'exponential' && v0 * v1 > 0) {
    const logRatio = Math.log(v1 / v0);
    if (Math.abs(logRatio) > 1e-12) return ((v0 * span) / logRatio) * Math.expm1((logRatio * dt) / span);
  }
  return v0 * dt + ((v1 - v0) * dt * dt) / (2 * span);
}

/**
 * Compile a number or keyframes into an evaluator. Keyframe `curve` describes the travel from the previous
 * keyframe; before the first keyframe the first value holds, after the last the last value holds.
 * Integrals are closed-form per segment, so glides integrate phase exactly (never sin(2π·f(t)·t)).
 *
 * @example
 * const f = compileParam([{ at: 0, value: 100 }, { at: 10, value: 200, curve: 'linear' }]);
 * f.valueAt(5); // 150
 * f.integralAt(10); // 1500 cycles
 */
export function compileParam(param: Param): CompiledParam {
  if (typeof param === 'number') {
    return { constant: true, valueAt: () => param, integralAt: (t) => param * t };
  }
  const frames: Keyframe[] = param;
  const first = frames[0]!;
  const last = frames[frames.length - 1]!;
  if (frames.every((frame) => frame.value === first.value)) {
    const value = first.value;
    return { constant: true, valueAt: () => value, integralAt: (t) => value * t };
  }
  const segments: Segment[] = [];
  let integral = first.value * first.at;
  for (let index = 1; index < frames.length; index++) {
    const previous = frames[index - 1]!;
    const frame = frames[index]!;
    const segment: Segment = {
      t0: previous.at,
      t1: frame.at,
      v0: previous.value,
      v1: frame.value,
      curve: frame.curve,
      integral0: integral,
    };
    segments.push(segment);
    integral += segmentIntegral(segment, frame.at);
  }
  const endIntegral = integral;
  let cursor = 0;
  const find = (t: number): Segment | undefined => {
    if (segments.length === 0 || t < first.at || t >= last.at) return undefined;
    // sequential access is the common case: walk from the cached cursor, fall back to binary search
    let segment = segments[cursor]!;
    if (t >= segment.t0 && t < segment.t1) return segment;
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (segments[middle]!.t0 <= t) low = middle;
      else high = middle - 1;
    }
    cursor = low;
    segment = segments[low]!;
    return segment;
  };
  return {
    constant: false,
    valueAt(t) {
      if (t < first.at) return first.value;
      if (t >= last.at) return last.value;
      return segmentValue(find(t)!, t);
    },
    integralAt(t) {
      if (t <= first.at) return first.value * t;
      if (t >= last.at) return endIntegral + last.value * (t - last.at);
      const segment = find(t)!;
      return segment.integral0 + segmentIntegral(segment, t);
    },
  };
}
