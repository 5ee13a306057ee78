import type { Point } from '../svg/path-data';

/**
 * Centres of the circles of a hexagonal Flower-of-Life lattice: every lattice point (spacing
 * `radius`) within `rings` hexagonal steps of the centre, in a stable order (by ring, then angle).
 */
export function hexLatticeCentres(cx: number, cy: number, radius: number, rings: number): Point[] {
  const centres: Array<{ point: Point; ring: number; angle: number }> = [];
  for (let q = -rings; q <= rings; q++) {
    for (let r = Math.max(-rings, -q - rings); r <= Math.min(rings, -q + rings); r++) {
      const ring = Math.max(Math.abs(q), Math.abs(r), Math.abs(q + r));
      // axial (q, r) → screen, with a vertex of the first ring straight up
      const x = radius * (Math.sqrt(3) / 2) * q;
      const y = radius * (r + q / 2);
      const angle = ring === 0 ? 0 : (Math.atan2(x, -y) + 2 * Math.PI) % (2 * Math.PI);
      centres.push({ point: [cx + x, cy + y], ring, angle: Math.round(angle * 1e9) });
    }
  }
  centres.sort((a, b) => a.ring - b.ring || a.angle - b.angle);
  return centres.map((c) => c.point);
}
