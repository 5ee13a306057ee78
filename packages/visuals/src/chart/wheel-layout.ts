/**
 * Screen angle (radians, clockwise from +x with y down) of an ecliptic longitude on a wheel whose
 * ascendant sits at the left and whose longitudes increase counter-clockwise.
 *
 * @example
 * ```ts
 * wheelAngle(ascendant, ascendant); // π (the left)
 * ```
 */
export function wheelAngle(longitude: number, ascendant: number): number {
  const turn = 2 * Math.PI;
  return (((Math.PI - ((longitude - ascendant) * Math.PI) / 180) % turn) + turn) % turn;
}

/**
 * Ring levels for glyphs at given longitudes so that glyphs closer than `separation` degrees sit on
 * different rings (greedy, in longitude order; at most `levels` rings, then they share the last).
 */
export function staggerLevels(longitudes: readonly number[], separation: number, levels: number): number[] {
  const order = longitudes.map((longitude, index) => ({ longitude, index })).sort((a, b) => a.longitude - b.longitude || a.index - b.index);
  const placed: Array<{ longitude: number; level: number }> = [];
  const result = new Array<number>(longitudes.length).fill(0);
  for (const { longitude, index } of order) {
    const close = (other: number) => Math.abs(((longitude - other + 540) % 360) - 180) < separation;
    let level = 0;
    while (level < levels - 1 && placed.some((p) => p.level === level && close(p.longitude))) level++;
    placed.push({ longitude, level });
    result[index] = level;
  }
  return result;
}
