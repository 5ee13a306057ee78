import { besselJ } from '../math/bessel';
import type { ChladniMode } from './chladni-modes';

/**
 * The displacement field of a mode at plate coordinates: the square spans [0, 1]², the disc is the unit
 * disc (NaN outside). Square: cos(nπx)cos(mπy) ∓ cos(mπx)cos(nπy). Circular: J_n(j_{n,s} r) cos(nθ).
 *
 * @example
 * ```ts
 * const field = chladniField(chladniMode({ plate: 'square', mode: { n: 3, m: 1 } }));
 * field(0.3, 0.3); // 0 (on the diagonal)
 * ```
 */
export function chladniField(mode: ChladniMode): (x: number, y: number) => number {
  if (mode.plate === 'square') {
    const [n, m] = [mode.n * Math.PI, mode.m! * Math.PI];
    const sign = mode.combination === 'sum' ? 1 : -1;
    return (x, y) => Math.cos(n * x) * Math.cos(m * y) + sign * Math.cos(m * x) * Math.cos(n * y);
  }
  const radial = radialTable(mode.n, mode.besselZero!);
  return (x, y) => {
    const r = Math.hypot(x, y);
    return r > 1 ? Number.NaN : radial(r) * Math.cos(mode.n * Math.atan2(y, x));
  };
}

const TABLE = 4096;

/** J_n(k r) on [0, 1] from a table of 4097 exact values, linearly interpolated (error ≲ (k/4096)²/8 of the peak). */
function radialTable(order: number, k: number): (r: number) => number {
  const values = new Float64Array(TABLE + 1);
  for (let i = 0; i <= TABLE; i++) values[i] = besselJ(order, (k * i) / TABLE);
  return (r) => {
    const position = Math.min(TABLE, r * TABLE);
    const i = Math.min(TABLE - 1, Math.floor(position));
    const t = position - i;
    return values[i]! * (1 - t) + values[i + 1]! * t;
  };
}
