import { describe, expect, it } from 'vitest';
import { computeHouses, type HouseSystem } from './houses';

// The cusps are checked against the defining geometry of each system, evaluated through an
// independent route (ecliptic → equator → horizon vectors) rather than the closed formulas used in
// houses.ts. References: R. Hand, "Essays on Astrology" (house division); M. Munkasey, "A Concise Guide
// to House Systems"; Swiss Ephemeris documentation §6 (definitions only).
const D = Math.PI / 180;
type V3 = [number, number, number];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const norm = (a: V3) => Math.hypot(...a);

/** Right ascension and declination (deg) of the ecliptic point at longitude λ. */
function equatorial(lambda: number, eps: number): { ra: number; dec: number } {
  const ra = Math.atan2(Math.sin(lambda * D) * Math.cos(eps * D), Math.cos(lambda * D)) / D;
  const dec = Math.asin(Math.sin(eps * D) * Math.sin(lambda * D)) / D;
  return { ra, dec };
}
/** Horizon vector [north, east, up] of a point with hour angle and declination at latitude φ. */
function horizon(ha: number, dec: number, lat: number): V3 {
  return [
    Math.cos(lat * D) * Math.sin(dec * D) - Math.sin(lat * D) * Math.cos(dec * D) * Math.cos(ha * D),
    -Math.cos(dec * D) * Math.sin(ha * D),
    Math.sin(lat * D) * Math.sin(dec * D) + Math.cos(lat * D) * Math.cos(dec * D) * Math.cos(ha * D),
  ];
}
const wrap180 = (x: number) => ((((x + 180) % 360) + 360) % 360) - 180;
/** Distance of `v` from the great circle with normal `n`, arcseconds. */
const offCircle = (v: V3, n: V3) => (Math.abs(Math.asin(dot(v, n) / (norm(v) * norm(n)))) / D) * 3600;

const cases = [
  { ramc: 17.3, lat: 51.5 },
  { ramc: 123.4, lat: -33.9 },
  { ramc: 250.0, lat: 28.6 },
  { ramc: 301.7, lat: 60.2 },
  { ramc: 88.8, lat: 5.0 },
];
const EPS = 23.4392911;

describe('computeHouses: angles', () => {
  it('puts the ascendant on the eastern horizon and the MC on the upper meridian', () => {
    for (const { ramc, lat } of cases) {
      const h = computeHouses({ ramc, obliquity: EPS, latitude: lat, system: 'equal' });
      const asc = equatorial(h.ascendant, EPS);
      const v = horizon(ramc - asc.ra, asc.dec, lat);
      expect(Math.abs(Math.asin(v[2]) / D) * 3600).toBeLessThan(0.01); // altitude 0
      expect(v[1]).toBeGreaterThan(0); // east
      const mc = equatorial(h.mc, EPS);
      expect(Math.abs(wrap180(ramc - mc.ra)) * 3600).toBeLessThan(0.01); // hour angle 0
    }
  });
});

describe('computeHouses: intermediate cusps by definition', () => {
  const cusp = (h: { cusps: number[] }, n: number) => h.cusps[n - 1]!;
  /**
   * Cusps 11, 12, 2 and 3 of `system` lie, within 0.5″, on the great circles through the north and south points and
   * the horizon-frame point `through(k, lat)`, k = 1, 2, 4, 5.
   */
  const expectCuspsOnCirclesThroughNorth = (system: 'regiomontanus' | 'campanus', through: (k: number, lat: number) => V3): void => {
    for (const { ramc, lat } of cases) {
      const h = computeHouses({ ramc, obliquity: EPS, latitude: lat, system });
      const north: V3 = [1, 0, 0];
      for (const [n, k] of [
        [11, 1],
        [12, 2],
        [2, 4],
        [3, 5],
      ] as const) {
        const { ra, dec } = equatorial(cusp(h, n), EPS);
        expect(offCircle(horizon(ramc - ra, dec, lat), cross(north, through(k, lat))), `cusp ${n}`).toBeLessThan(0.5);
      }
    }
  };

  it('Placidus: cusps 11/12 at 1/3 and 2/3 of the diurnal semi-arc, cusps 2/3 at 1/3 and 2/3 of the nocturnal one', () => {
    for (const { ramc, lat } of cases) {
      const h = computeHouses({ ramc, obliquity: EPS, latitude: lat, system: 'placidus' });
      const check = (n: number, expectedHa: (dsa: number) => number) => {
        const { ra, dec } = equatorial(cusp(h, n), EPS);
        const dsa = Math.acos(-Math.tan(lat * D) * Math.tan(dec * D)) / D;
        expect(Math.abs(wrap180(ramc - ra - expectedHa(dsa))) * 3600, `cusp ${n}`).toBeLessThan(0.5);
      };
      check(11, (dsa) => -dsa / 3);
      check(12, (dsa) => (-2 * dsa) / 3);
      check(2, (dsa) => -dsa - (180 - dsa) / 3);
      check(3, (dsa) => -dsa - (2 * (180 - dsa)) / 3);
    }
  });

  it('Koch: cusps 11/12/2/3 rise when the MC degree has covered 1/3, 2/3, 4/3, 5/3 of its diurnal semi-arc in time', () => {
    for (const { ramc, lat } of cases) {
      const h = computeHouses({ ramc, obliquity: EPS, latitude: lat, system: 'koch' });
      const mc = equatorial(h.mc, EPS);
      const dsaMc = Math.acos(-Math.tan(lat * D) * Math.tan(mc.dec * D)) / D;
      for (const [n, shift] of [
        [11, (-2 * dsaMc) / 3],
        [12, -dsaMc / 3],
        [2, dsaMc / 3],
        [3, (2 * dsaMc) / 3],
      ] as const) {
        const { ra, dec } = equatorial(cusp(h, n), EPS);
        const v = horizon(ramc + shift - ra, dec, lat);
        expect(Math.abs(Math.asin(v[2]) / D) * 3600, `cusp ${n}`).toBeLessThan(0.5);
        expect(v[1]).toBeGreaterThan(0);
      }
    }
  });

  it('Regiomontanus: cusps lie on the great circles through the north and south points that cut the equator every 30°', () => {
    expectCuspsOnCirclesThroughNorth('regiomontanus', (k, lat) => horizon(-30 * k, 0, lat)); // the equator every 30°
  });

  it('Campanus: cusps lie on the great circles through the north and south points that cut the prime vertical every 30°', () => {
    expectCuspsOnCirclesThroughNorth('campanus', (k) => [0, Math.sin(30 * k * D), Math.cos(30 * k * D)]); // the prime vertical every 30°
  });

  it('Porphyry trisects the quadrants; equal and whole-sign step 30° from the ascendant or its sign', () => {
    const { ramc, lat } = cases[0]!;
    const p = computeHouses({ ramc, obliquity: EPS, latitude: lat, system: 'porphyry' });
    const q1 = (p.ascendant - p.mc + 360) % 360;
    expect(((p.cusps[10]! - p.mc + 360) % 360) * 3).toBeCloseTo(q1, 9);
    const e = computeHouses({ ramc, obliquity: EPS, latitude: lat, system: 'equal' });
    e.cusps.forEach((c, i) => expect((c - e.ascendant - 30 * i + 720) % 360).toBeCloseTo(0, 9));
    const w = computeHouses({ ramc, obliquity: EPS, latitude: lat, system: 'whole-sign' });
    expect(w.cusps[0]).toBe(Math.floor(w.ascendant / 30) * 30);
    expect(w.cusps.every((c) => c % 30 === 0)).toBe(true);
  });
});

describe('computeHouses: polar latitudes', () => {
  it.each<HouseSystem>(['placidus', 'koch'])('%s falls back to porphyry above the polar circle and says so', (system) => {
    const h = computeHouses({ ramc: 100, obliquity: EPS, latitude: 70, system });
    expect(h.system).toBe('porphyry');
    expect(h.fallback?.requested).toBe(system);
    expect(h.cusps).toEqual(computeHouses({ ramc: 100, obliquity: EPS, latitude: 70, system: 'porphyry' }).cusps);
  });

  it('keeps regiomontanus at polar latitudes', () => {
    const h = computeHouses({ ramc: 100, obliquity: EPS, latitude: 70, system: 'regiomontanus' });
    expect(h.system).toBe('regiomontanus');
    expect(h.fallback).toBeUndefined();
  });
});
