/** A polyline in grid coordinates (column, row), possibly closed. */
export type Contour = Array<[number, number]>;

/**
 * The zero level set of a sampled field by marching squares, as polylines in grid coordinates
 * (`values[row * columns + column]`; NaN marks samples outside the domain, whose cells are skipped).
 * Edge crossings are placed by linear interpolation; saddle cells are resolved by the cell centre's
 * mean value. Segments are joined into polylines through shared edge crossings.
 *
 * @example
 * ```ts
 * const lines = zeroContours(values, 201, 201); // polylines along which the field is 0
 * ```
 */
export function zeroContours(values: Float64Array, columns: number, rows: number): Contour[] {
  // Edge ids: horizontal edge (c, r)→(c+1, r) is r·columns + c; vertical (c, r)→(c, r+1) is offset + r·columns + c.
  const offset = rows * columns;
  const point = (id: number): [number, number] => {
    const vertical = id >= offset;
    const base = vertical ? id - offset : id;
    const [column, row] = [base % columns, Math.floor(base / columns)];
    const [v0, v1] = [values[base]!, values[base + (vertical ? columns : 1)]!];
    const t = v0 / (v0 - v1);
    return vertical ? [column, row + t] : [column + t, row];
  };
  const segments: number[] = [];
  for (let row = 0; row < rows - 1; row++) {
    for (let column = 0; column < columns - 1; column++) {
      const index = row * columns + column;
      const [a, b, c, d] = [values[index]!, values[index + 1]!, values[index + columns + 1]!, values[index + columns]!];
      if (Number.isNaN(a + b + c + d)) continue;
      const [sa, sb, sc, sd] = [a > 0, b > 0, c > 0, d > 0];
      if (sa === sb && sb === sc && sc === sd) continue;
      const [top, right, bottom, left] = [index, offset + index + 1, index + columns, offset + index];
      const cut = [sa !== sb ? top : -1, sb !== sc ? right : -1, sd !== sc ? bottom : -1, sa !== sd ? left : -1].filter((edge) => edge >= 0);
      if (cut.length === 2) segments.push(cut[0]!, cut[1]!);
      else if (sa === a + b + c + d > 0) segments.push(top, right, bottom, left);
      else segments.push(top, left, right, bottom);
    }
  }
  return joinSegments(segments).map((ids) => ids.map(point));
}

/** Join segments (pairs of edge ids) that share an edge crossing into polylines of edge ids. */
function joinSegments(segments: number[]): number[][] {
  const count = segments.length / 2;
  const byEdge = new Map<number, number[]>();
  for (let s = 0; s < count; s++) {
    for (const edge of [segments[2 * s]!, segments[2 * s + 1]!]) {
      const list = byEdge.get(edge);
      if (list === undefined) byEdge.set(edge, [s]);
      else list.push(s);
    }
  }
  const used = new Uint8Array(count);
  const walk = (from: number, line: number[]) => {
    let current = from;
    for (;;) {
      const next = byEdge.get(current)!.find((s) => used[s] === 0);
      if (next === undefined) return;
      used[next] = 1;
      current = segments[2 * next] === current ? segments[2 * next + 1]! : segments[2 * next]!;
      line.push(current);
    }
  };
  const lines: number[][] = [];
  for (let s = 0; s < count; s++) {
    if (used[s]) continue;
    used[s] = 1;
    const [a, b] = [segments[2 * s]!, segments[2 * s + 1]!];
    const forward = [a, b];
    walk(b, forward);
    const backward: number[] = [];
    walk(a, backward);
    lines.push([...backward.reverse(), ...forward]);
  }
  return lines;
}
