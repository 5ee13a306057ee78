/** A half-open time interval in milliseconds. */
export type Interval = [start: number, end: number];

/** Intersection of two sorted lists of disjoint intervals. */
export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]![0], b[j]![0]);
    const end = Math.min(a[i]![1], b[j]![1]);
    if (end > start) out.push([start, end]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** Joins touching or overlapping intervals of a sorted list. */
export function merge(list: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [s, e] of list) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Splits [from, to] at sorted cut points and keeps the pieces whose midpoint satisfies `keep`. */
export function selectPieces(from: number, to: number, cuts: number[], keep: (mid: number) => boolean): Interval[] {
  const edges = [from, ...cuts.filter((c) => c > from && c < to), to];
  const pieces: Interval[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const s = edges[k]!;
    const e = edges[k + 1]!;
    if (e > s && keep((s + e) / 2)) pieces.push([s, e]);
  }
  return merge(pieces);
}
