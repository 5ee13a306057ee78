import { describe, expect, it } from 'vitest';
import { chart } from './chart';
import { deltaT } from '../time/delta-t-at';

/** Arc difference in arcseconds, wrapped. */
function arcsec(a: number, b: number): number {
  return Math.abs(((((a - b) % 360) + 540) % 360) - 180) * 3600;
}
/** UT instant for a TD (TT) instant, using the package's ΔT. */
function fromTD(td: string): number {
  const t = Date.parse(td);
  return t - deltaT(t) * 1000;
}
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

describe('chart: positions against published values', () => {
  it('Sun, 1992 Oct 13.0 TD: apparent λ = 199°54′21.56″, β = +0.72″ (Meeus, Astronomical Algorithms 2nd ed., ex. 25.b, VSOP87 with FK5 correction) — within 0.5″', () => {
    const c = chart({ date: fromTD('1992-10-13T00:00:00Z'), latitude: 0, longitude: 0 });
    expect(arcsec(c.bodies.sun.longitude, dms(199, 54, 21.56))).toBeLessThan(0.5);
    expect(Math.abs(c.bodies.sun.latitude * 3600 - 0.72)).toBeLessThan(0.5);
    expect(c.bodies.sun.sign).toBe('libra');
  });

  it('Venus, 1992 Dec 20.0 TD: apparent λ = 313.08102°, β = −2.08474° (Meeus ex. 33.a, VSOP87 series of his Appendix III, given to 0.00001° = 0.036″) — within 3″', () => {
    const c = chart({ date: fromTD('1992-12-20T00:00:00Z'), latitude: 0, longitude: 0 });
    expect(arcsec(c.bodies.venus.longitude, 313.08102)).toBeLessThan(3);
    expect(arcsec(c.bodies.venus.latitude, -2.08474)).toBeLessThan(3);
  });

  it("Moon, 1992 Apr 12.0 TD: apparent λ = 133.167265°, β = −3.229126° (Meeus ex. 47.a) — within 5″ plus the ≈1″ truncation of Meeus's series", () => {
    const c = chart({ date: fromTD('1992-04-12T00:00:00Z'), latitude: 0, longitude: 0 });
    expect(arcsec(c.bodies.moon.longitude, 133.167265)).toBeLessThan(6);
    expect(arcsec(c.bodies.moon.latitude, -3.229126)).toBeLessThan(6);
  });

  it('apparent sidereal time 1987 Apr 10 0h UT = 13h10m46.1351s and true obliquity 23°26′36.850″ (Meeus ex. 12.a, 22.a)', () => {
    const c = chart({ date: '1987-04-10T00:00:00Z', latitude: 0, longitude: 0 });
    const gast = (13 + 10 / 60 + 46.1351 / 3600) * 15;
    expect(arcsec(c.ramc, gast)).toBeLessThan(0.3); // 0.02 s of time
    expect(arcsec(c.obliquity, dms(23, 26, 36.85))).toBeLessThan(0.1);
  });

  it('Lahiri ayanamsa at its defining epoch 1956 Mar 21 0h: 23°15′00.658″ incl. nutation (Indian Calendar Reform Committee, 1955) — within 0.5″', () => {
    const c = chart({ date: '1956-03-21T00:00:00Z', latitude: 0, longitude: 0, zodiac: 'sidereal', ayanamsa: 'lahiri' });
    expect(arcsec(c.ayanamsa!.degrees, dms(23, 15, 0.658))).toBeLessThan(0.5);
    expect(arcsec(c.bodies.sun.longitude + c.ayanamsa!.degrees, chart({ date: '1956-03-21T00:00:00Z', latitude: 0, longitude: 0 }).bodies.sun.longitude)).toBeLessThan(1e-6);
  });

  it('uses IERS ΔT (2000 Jan 1: 63.83 s; 2020 Jan 1: 69.36 s, USNO/IERS)', () => {
    expect(chart({ date: '2000-01-01T00:00:00Z', latitude: 0, longitude: 0 }).deltaT).toBeCloseTo(63.83, 1);
    expect(chart({ date: '2020-01-01T00:00:00Z', latitude: 0, longitude: 0 }).deltaT).toBeCloseTo(69.36, 1);
  });
});

describe('chart: a published natal chart', () => {
  it('Albert Einstein, 1879-03-14 11:30 LMT (10:50 UT), Ulm 48°24′N 10°00′E: Sun 23°30′ Pisces, Moon 14°31′ Sagittarius, Ascendant 11°38′ Cancer (Astro-Databank, rating AA, to the arcminute) — within 1′', () => {
    // Source: Astro-Databank (astro.com), as quoted in starsoverwashington.com, 2018-03 ("natal Sun @23Pis30 … Moon @14Sag31 … Rising is 11Can38").
    const c = chart({ date: '1879-03-14T10:50:00Z', latitude: 48 + 24 / 60, longitude: 10, houseSystem: 'placidus' });
    const arcmin = (a: number, b: number) => arcsec(a, b) / 60;
    expect(arcmin(c.bodies.sun.longitude, 330 + dms(23, 30, 0))).toBeLessThan(1);
    expect(arcmin(c.bodies.moon.longitude, 240 + dms(14, 31, 0))).toBeLessThan(1);
    expect(arcmin(c.houses.ascendant, 90 + dms(11, 38, 0))).toBeLessThan(1);
    expect(c.houses.cusps[0]).toBe(c.houses.ascendant);
    expect(c.bodies.sun.sign).toBe('pisces');
  });
});

describe('chart: speeds and retrograde', () => {
  it('speeds are the time derivatives of the positions (checked against a ±1 h difference)', () => {
    const t = Date.parse('2024-04-10T00:00:00Z'); // Mercury retrograde 1–25 April 2024
    const c0 = chart({ date: t, latitude: 0, longitude: 0 });
    const a = chart({ date: t - 3_600_000, latitude: 0, longitude: 0 });
    const b = chart({ date: t + 3_600_000, latitude: 0, longitude: 0 });
    for (const name of ['sun', 'moon', 'mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto', 'meanNode'] as const) {
      let d = b.bodies[name].longitude - a.bodies[name].longitude;
      if (d > 180) d -= 360;
      if (d < -180) d += 360;
      const fd = d / (2 / 24);
      expect(Math.abs(fd - c0.bodies[name].speed), name).toBeLessThan(name === 'moon' ? 2e-4 : 2e-5);
    }
    expect(c0.bodies.mercury.retrograde).toBe(true);
    expect(c0.bodies.sun.retrograde).toBe(false);
    expect(c0.bodies.meanNode.retrograde).toBe(true);
  });
});

describe('chart: input validation', () => {
  it('throws VALIDATION_FAILED with zod issues for bad input', () => {
    expect(() => chart({ date: 'not a date', latitude: 0, longitude: 0 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => chart({ date: '2024-01-01T00:00:00Z', latitude: 91, longitude: 0 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => chart({ date: '2024-01-01T00:00:00Z', latitude: 0, longitude: 0, houseSystem: 'topocentric' as never })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('returns all 12 bodies with sign and degree within sign', () => {
    const c = chart({ date: '2024-01-01T00:00:00Z', latitude: 40, longitude: -74 });
    expect(Object.keys(c.bodies)).toHaveLength(12);
    for (const body of Object.values(c.bodies)) {
      expect(body.signDegree).toBeGreaterThanOrEqual(0);
      expect(body.signDegree).toBeLessThan(30);
      expect(body.longitude).toBeCloseTo(
        ['aries', 'taurus', 'gemini', 'cancer', 'leo', 'virgo', 'libra', 'scorpio', 'sagittarius', 'capricorn', 'aquarius', 'pisces'].indexOf(body.sign) * 30 + body.signDegree,
        9,
      );
    }
  });
});
