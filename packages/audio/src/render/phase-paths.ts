import { compileParam } from '../automation/compile-param';
import type { PhasePath } from '../dsp/add-partial';
import type { Param } from '../program/param-schema';

/**
 * A phase path from a frequency parameter, optionally scaled (bowl mode ratios, doublet detune).
 *
 * @example
 * const path = frequencyPath([{ at: 0, value: 100 }, { at: 1, value: 200 }]);
 * path.cyclesAt(1); // 150
 */
export function frequencyPath(param: Param, scale = 1): PhasePath {
  const compiled = compileParam(param);
  return {
    constant: compiled.constant,
    cyclesAt: (t) => scale * compiled.integralAt(t),
    frequencyAt: (t) => scale * compiled.valueAt(t),
  };
}

/** Sum of phase paths with weights: cycles = Σ wᵢ·pathᵢ. */
export function combinePaths(parts: Array<[PhasePath, number]>): PhasePath {
  return {
    constant: parts.every(([path]) => path.constant),
    cyclesAt: (t) => parts.reduce((sum, [path, weight]) => sum + weight * path.cyclesAt(t), 0),
    frequencyAt: (t) => parts.reduce((sum, [path, weight]) => sum + weight * path.frequencyAt(t), 0),
  };
}
