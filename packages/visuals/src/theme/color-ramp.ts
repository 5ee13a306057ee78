function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const toLinear = (c: number) => (c <= 10.31475 ? c / 3294.6 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const toSrgb = (l: number) => Math.round(255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055));
const hex2 = (value: number) => Math.min(255, Math.max(0, value)).toString(16).padStart(2, '0');

/**
 * A colour ramp through `anchors` (`#rrggbb`, low to high), interpolated in linear light and quantised
 * to `levels` steps: `ramp(t)` for t in [0, 1] gives `#rrggbb`.
 *
 * @example
 * ```ts
 * const heat = createColorRamp(['#000000', '#ffffff'], 3);
 * heat(0.5); // '#bcbcbc' (half the light, not half the code value)
 * ```
 */
export function createColorRamp(anchors: readonly string[], levels = 64): (t: number) => string {
  const linear = anchors.map((anchor) => channels(anchor).map(toLinear));
  const table: string[] = [];
  for (let level = 0; level < levels; level++) {
    const position = (level / (levels - 1)) * (linear.length - 1);
    const index = Math.min(linear.length - 2, Math.floor(position));
    const fraction = position - index;
    const [a, b] = [linear[index]!, linear[index + 1]!];
    table.push(`#${[0, 1, 2].map((c) => hex2(toSrgb(a[c]! + (b[c]! - a[c]!) * fraction))).join('')}`);
  }
  return (t: number) => table[Math.round(Math.min(1, Math.max(0, Number.isNaN(t) ? 0 : t)) * (levels - 1))]!;
}
