import { describe, expect, it } from 'vitest';
import { isVajraError } from '@vajra-stream/core';
import { besselZeros } from '../math/bessel';
import { chladniField } from './chladni-field';
import { chladniMode } from './chladni-modes';
import { chladniPattern } from './chladni-pattern';

/** Every vertex of every drawn nodal path, back in plate coordinates ([0, 1]² or the unit disc). */
function nodalPoints(svg: string, size: number, circular: boolean): Array<[number, number]> {
  const margin = size * 0.06;
  const span = size - 2 * margin;
  const group = /<g [^>]*data-nodal-lines="\d+">(.*?)<\/g>/.exec(svg)![1]!;
  const points: Array<[number, number]> = [];
  for (const path of group.matchAll(/d="M([^"]+)"/g)) {
    for (const pair of path[1]!.split('L')) {
      const [x, y] = pair.split(' ').map(Number) as [number, number];
      const [u, v] = [(x - margin) / span, (y - margin) / span];
      if (!circular) points.push([u, v]);
      else {
        // ends of diameters sit on the rim; two-decimal rounding may put them a hair outside
        const [x0, y0] = [2 * u - 1, 2 * v - 1];
        const r = Math.hypot(x0, y0);
        points.push(r > 1 ? [x0 / r, y0 / r] : [x0, y0]);
      }
    }
  }
  return points;
}

const nearest = (points: Array<[number, number]>, x: number, y: number) => Math.min(...points.map(([px, py]) => Math.hypot(px - x, py - y)));

describe('Chladni figures', () => {
  it('maps a frequency to the nearest square-plate mode by f = (πκ/2L²)(n² + m²)', () => {
    const mode = chladniMode({ frequency: 528 });
    expect([mode.n, mode.m, mode.combination]).toEqual([3, 2, 'difference']);
    // steel, 1 mm, 24 cm: κ = √(D/ρh) with D = Eh³/12(1 − ν²)
    const kappa = Math.sqrt((200e9 * 1e-9) / (12 * (1 - 0.09)) / (7850 * 1e-3));
    expect(mode.frequency).toBeCloseTo(((Math.PI * kappa) / (2 * 0.24 ** 2)) * 13, 9);
    expect(chladniMode({ frequency: mode.frequency, combination: 'sum' })).toMatchObject({ n: 3, m: 2, combination: 'sum', detune: 0 });
  });

  it('refuses a frequency no mode of the plate is near', () => {
    let error: unknown;
    try {
      chladniMode({ frequency: 7.83 });
    } catch (caught) {
      error = caught;
    }
    expect(isVajraError(error) && error.code).toBe('CHLADNI_OUT_OF_RANGE');
    // a plate 1.24 m across has its (2, 1) mode there: 41.66 Hz × (0.24 / 1.238)² × 5 ≈ 7.83 Hz
    expect(Math.abs(chladniMode({ frequency: 7.83, widthMeters: 1.238 }).detune)).toBeLessThan(0.01);
  });

  for (const [n, m, combination] of [
    [3, 1, 'difference'],
    [5, 2, 'difference'],
    [4, 1, 'sum'],
  ] as const) {
    it(`draws the nodal lines of square mode (${n}, ${m}) ${combination}: the field vanishes along every drawn path`, () => {
      const size = 600;
      const svg = chladniPattern({ mode: { n, m }, combination, size, resolution: 300 });
      const field = chladniField(chladniMode({ mode: { n, m }, combination }));
      const points = nodalPoints(svg, size, false);
      expect(points.length).toBeGreaterThan(200);
      // |u| ≤ 2 (two unit cosine products); on the drawn lines it is 0 up to interpolation error
      for (const [x, y] of points) expect(Math.abs(field(x, y))).toBeLessThan(0.01);
      if (combination === 'difference') {
        // the difference is antisymmetric about x = y: the diagonal is a nodal line, drawn all along
        for (let t = 0.02; t < 0.98; t += 0.02) expect(nearest(points, t, t)).toBeLessThan(0.006);
      }
    });
  }

  for (const [n, s] of [
    [0, 3],
    [2, 2],
    [3, 3],
  ] as const) {
    it(`draws the nodal circles and diameters of circular mode (${n}, ${s}) at the Bessel zeros`, () => {
      const size = 600;
      const svg = chladniPattern({ plate: 'circular', mode: { n, s }, size, resolution: 300 });
      const mode = chladniMode({ plate: 'circular', mode: { n, s } });
      const points = nodalPoints(svg, size, true);
      const field = chladniField(mode);
      for (const [x, y] of points) expect(Math.abs(field(x, y))).toBeLessThan(0.01);
      const zeros = besselZeros(n, s);
      // circles at r = j_{n,i} / j_{n,s} for i < s, present all round
      for (const zero of zeros.slice(0, -1)) {
        const r = zero / zeros.at(-1)!;
        for (let k = 0; k < 24; k++) {
          const angle = ((k + 0.37) / 24) * 2 * Math.PI;
          expect(nearest(points, r * Math.cos(angle), r * Math.sin(angle))).toBeLessThan(0.01);
        }
      }
      // n diameters where cos(nθ) = 0
      for (let line = 0; line < n; line++) {
        const angle = (Math.PI / 2 + line * Math.PI) / n;
        for (const r of [-0.9, -0.5, 0.3, 0.7]) expect(nearest(points, r * Math.cos(angle), r * Math.sin(angle))).toBeLessThan(0.01);
      }
      expect(svg).toContain(`data-mode="${n},${s}"`);
    });
  }

  it('states the plate, the mode and its frequency', () => {
    const svg = chladniPattern({ frequency: 528 });
    expect(svg).toMatch(/<desc [^>]*>Chladni figure of a 24 cm square steel plate 1 mm thick driven at 528 Hz: mode \(3, 2\) difference at 541\.5 Hz \(\+2\.6 %\)/);
    expect(() => chladniPattern({} as never)).toThrow(/Give a frequency or a mode/);
    expect(() => chladniPattern({ mode: { n: 2, m: 2 } })).toThrow(/n ≠ m/);
  });
});
