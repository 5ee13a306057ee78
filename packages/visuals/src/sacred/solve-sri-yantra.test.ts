import { describe, expect, it } from 'vitest';
import { isVajraError } from '@vajra-stream/core';
import { solveSriYantra } from './solve-sri-yantra';
import { sriYantra } from './sri-yantra';

type P = [number, number];
interface Segment {
  name: string;
  p: P;
  q: P;
}

/** The nine triangles as drawn: the path data of every `data-triangle` path, back in unit-circle coordinates. */
function drawnSegments(svg: string, size: number, unit: number): Segment[] {
  const segments: Segment[] = [];
  for (const match of svg.matchAll(/<path d="M([^"]+)Z"[^>]*data-triangle="(\w+)"/g)) {
    const points = match[1]!
      .split('L')
      .map((pair) => pair.split(' ').map(Number))
      .map(([x, y]) => [(x! - size / 2) / unit, (size / 2 - y!) / unit] as P);
    for (let i = 0; i < 3; i++) segments.push({ name: `${match[2]}:${i}`, p: points[i]!, q: points[(i + 1) % 3]! });
  }
  return segments;
}

function distanceToSegment(point: P, s: Segment): number {
  const [dx, dy] = [s.q[0] - s.p[0], s.q[1] - s.p[1]];
  const t = Math.max(0, Math.min(1, ((point[0] - s.p[0]) * dx + (point[1] - s.p[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(point[0] - s.p[0] - t * dx, point[1] - s.p[1] - t * dy);
}

function crossing(a: Segment, b: Segment): P | null {
  const [d1x, d1y, d2x, d2y] = [a.q[0] - a.p[0], a.q[1] - a.p[1], b.q[0] - b.p[0], b.q[1] - b.p[1]];
  const denominator = d1x * d2y - d1y * d2x;
  if (Math.abs(denominator) < 1e-12) return null;
  const t = ((b.p[0] - a.p[0]) * d2y - (b.p[1] - a.p[1]) * d2x) / denominator;
  const u = ((b.p[0] - a.p[0]) * d1y - (b.p[1] - a.p[1]) * d1x) / denominator;
  return t >= -1e-9 && t <= 1 + 1e-9 && u >= -1e-9 && u <= 1 + 1e-9 ? [a.p[0] + t * d1x, a.p[1] + t * d1y] : null;
}

/** Points where at least three of the drawn segments pass within `tolerance` (a crossing's neighbourhood), deduplicated. */
function meetingPoints(segments: Segment[], tolerance: number): Array<{ point: P; count: number }> {
  const found: Array<{ point: P; count: number }> = [];
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const point = crossing(segments[i]!, segments[j]!);
      if (point === null) continue;
      const count = segments.filter((s) => distanceToSegment(point, s) < tolerance).length;
      if (count >= 3 && !found.some((f) => Math.hypot(f.point[0] - point[0], f.point[1] - point[1]) < 1e-3)) found.push({ point, count });
    }
  }
  return found;
}

describe('Sri Yantra geometry', () => {
  it('solves the classical construction: every one of the 24 triple points concurrent to 1e-12 radii', () => {
    const yantra = solveSriYantra();
    expect(yantra.triangles.map((t) => t.pointing).filter((p) => p === 'up')).toHaveLength(4);
    expect(yantra.triplePoints).toHaveLength(24);
    expect(yantra.maxConcurrencyError).toBeLessThan(1e-12);
    // the fixed lines are where the classical text puts them (48ths of the diameter from the top)
    expect(yantra.lineHeights[0]).toBeCloseTo(1 - 6 / 24, 14);
    expect(yantra.lineHeights[2]).toBeCloseTo(1 - 17 / 24, 14);
    expect(yantra.lineHeights[6]).toBeCloseTo(1 - 30 / 24, 14);
    expect(yantra.lineHeights[8]).toBeCloseTo(1 - 42 / 24, 14);
    // the two great triangles touch the circle with all three corners
    for (const name of ['U1', 'D1']) {
      const t = yantra.triangles.find((x) => x.name === name)!;
      for (const corner of [t.apex, t.left, t.right]) expect(Math.hypot(...corner)).toBeCloseTo(1, 12);
    }
  });

  it('finds exactly the 31 meeting points of three lines in the drawn SVG (24 triple points + 7 apexes on bases), and no near misses', () => {
    const size = 2000;
    const svg = sriYantra({ size, surround: 'none', fill: false });
    const segments = drawnSegments(svg, size, size / 2 - size * 0.03);
    expect(segments).toHaveLength(27);
    // 2 decimals at this size: coordinates are exact to 0.005 px ≈ 5e-6 radii
    const tight = meetingPoints(segments, 2e-5);
    expect(tight).toHaveLength(31);
    expect(tight.filter((m) => Math.abs(m.point[0]) < 1e-4)).toHaveLength(7);
    // a loose tolerance finds nothing more: every triple point is really concurrent, not nearly
    expect(meetingPoints(segments, 4e-3)).toHaveLength(31);
  });

  it('solves the concentric construction: bindu at the centre, central triangle equilateral', () => {
    const yantra = solveSriYantra({ construction: 'concentric' });
    expect(yantra.maxConcurrencyError).toBeLessThan(1e-12);
    expect(Math.hypot(...yantra.bindu)).toBeLessThan(1e-12);
    const [a, b, c] = yantra.centralTriangle;
    const sides = [Math.hypot(a[0] - b[0], a[1] - b[1]), Math.hypot(b[0] - c[0], b[1] - c[1]), Math.hypot(c[0] - a[0], c[1] - a[1])];
    expect(Math.max(...sides) - Math.min(...sides)).toBeLessThan(1e-12);
  });

  it('honours other classical line positions, and refuses ones that admit no Sri Yantra', () => {
    const moved = solveSriYantra({ lines: { 1: 6.5, 9: 41 } });
    expect(moved.maxConcurrencyError).toBeLessThan(1e-12);
    expect(moved.lineHeights[0]).toBeCloseTo(1 - 6.5 / 24, 14);
    expect(moved.lineHeights[8]).toBeCloseTo(1 - 41 / 24, 14);
    let error: unknown;
    try {
      solveSriYantra({ lines: { 3: 23, 7: 25 } });
    } catch (caught) {
      error = caught;
    }
    expect(isVajraError(error) && error.code).toBe('SRI_YANTRA_UNSOLVABLE');
    expect(() => solveSriYantra({ construction: 'concentric', lines: { 1: 6 } })).toThrow(/solves lines 1 and 9/);
  });

  it('states the residual in the picture', () => {
    const svg = sriYantra({ size: 300 });
    const residual = Number(/data-residual="([^"]+)"/.exec(svg)![1]);
    expect(residual).toBeLessThan(1e-12);
    expect(svg).toMatch(/<desc [^>]*>Sri Yantra \(classical construction\).*concurrent to within/);
  });
});
