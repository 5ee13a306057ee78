import { describe, expect, it } from 'vitest';
import { vsopHelioState, vsopTermCount, VSOP_BODIES, type VsopBody } from './vsop87b';

/**
 * Reference: JPL Horizons, heliocentric GEOMETRIC cartesian states, ICRF, AU and AU/day, ephemeris
 * DE438 (Horizons run of 2021-11-14), as archived in the astronomy-engine repository
 * (github.com/cosinekitty/astronomy, generate/heliostate/<Body>.txt). Rows copied verbatim:
 * [JD (TDB), X, Y, Z]. TDB − TT < 2 ms, negligible here.
 */
const HORIZONS: Record<string, Array<[number, number, number, number]>> = {
  earth: [
    [2443859.5, 8.604871347208479e-2, 8.993730075267544e-1, 3.899790960193393e-1], // 1978-Dec-17
    [2443955.5, -9.959617368285812e-1, -3.28669474219963e-2, -1.425947300716871e-2], // 1979-Mar-23
    [2444139.5, 1.003567880861106, -5.348435391261865e-3, -2.315660522893979e-3], // 1979-Sep-23
    [2444243.5, -2.391584663838111e-1, 8.750153930763117e-1, 3.794127179355644e-1], // 1980-Jan-05
  ],
  venus: [
    [2444243.5, 7.238362205602569e-1, 5.631643120842266e-2, -2.049031789024406e-2], // 1980-Jan-05
    [2444411.5, 4.606557453956973e-2, -6.60755403048207e-1, -3.001369970262173e-1], // 1980-Jun-21
    [2444547.5, -4.70917294709456e-1, 4.83019239832887e-1, 2.470831969283261e-1], // 1980-Nov-04
    [2444683.5, 7.114014034488645e-1, -1.156886768222633e-1, -9.707377034292254e-2], // 1981-Mar-20
  ],
  saturn: [
    [2461120.5, 9.460569036097944, 7.940064156914971e-1, -7.944058698098727e-2], // 2026-Mar-21
    [2462520.5, 5.418486375323357, 6.859643338278699, 2.599900266022239], // 2030-Jan-19
    [2463520.5, -9.055390047780085e-2, 8.33049947951595, 3.44484324959673], // 2032-Oct-15
    [2464720.5, -6.466014853649758, 5.871954775239353, 2.70405157285478], // 2036-Jan-28
  ],
  uranus: [
    [2449420.5, 7.667575405291737, -1.652643398773868e1, -7.346537306156755], // 1994-Mar-09
    [2451570.5, 1.449996971407368e1, -1.24433355492647e1, -5.655091243109814], // 2000-Jan-27
    [2453070.5, 1.783616941884369e1, -8.27747528622292, -3.877587259858367], // 2004-Mar-06
  ],
  neptune: [
    [2442420.5, -1.040535933163725e1, -2.642917918735957e1, -1.055870778100717e1], // 1975-Jan-08
    [2444270.5, -4.842924577014137, -2.770500600669043e1, -1.121928517476826e1], // 1980-Feb-01
    [2446070.5, 7.583743844789967e-1, -2.798690959685812e1, -1.147422051119628e1], // 1985-Jan-05
  ],
};

/** Angle between two vectors in arcseconds. */
function angle(a: number[], b: number[]): number {
  const cross = Math.hypot(a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!);
  const dot = a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  return (Math.atan2(cross, dot) * 180 * 3600) / Math.PI;
}

/**
 * Tolerances: direction (arcsec) and relative distance. astronomy-engine's truncated VSOP87 misses
 * these rows by up to 0.9″ (Earth), 2.3″ (Venus), 15.7″ (Saturn), 13.1″ (Uranus), 15.5″ (Neptune).
 */
const TOLERANCE: Record<string, { angle: number; distance: number }> = {
  earth: { angle: 0.3, distance: 1.5e-6 },
  venus: { angle: 0.3, distance: 1.5e-6 },
  saturn: { angle: 1.5, distance: 1e-5 },
  uranus: { angle: 1, distance: 1e-5 },
  neptune: { angle: 1, distance: 1e-5 },
};

describe('VSOP87B heliocentric positions against JPL Horizons (DE438)', () => {
  for (const [body, rows] of Object.entries(HORIZONS)) {
    const tolerance = TOLERANCE[body]!;
    it(`${body}: direction within ${tolerance.angle}″, distance within ${tolerance.distance} relative`, () => {
      for (const [jd, x, y, z] of rows) {
        const s = vsopHelioState(body as VsopBody, jd - 2451545);
        const ours = [s.x, s.y, s.z];
        const ref = [x, y, z];
        expect(angle(ours, ref), `${body} JD ${jd}`).toBeLessThan(tolerance.angle);
        expect(Math.abs(Math.hypot(...ours) / Math.hypot(...ref) - 1), `${body} JD ${jd}`).toBeLessThan(tolerance.distance);
      }
    });
  }
});

describe('VSOP87B velocities', () => {
  it('are the time derivatives of the positions (centred difference over ±0.05 day)', () => {
    for (const body of VSOP_BODIES) {
      for (const tt of [-10_000.25, 3_000.5, 12_345.75]) {
        const s = vsopHelioState(body, tt);
        const a = vsopHelioState(body, tt - 0.05);
        const b = vsopHelioState(body, tt + 0.05);
        const r = Math.hypot(s.x, s.y, s.z);
        const fd = [(b.x - a.x) / 0.1, (b.y - a.y) / 0.1, (b.z - a.z) / 0.1];
        const err = Math.hypot(fd[0]! - s.vx, fd[1]! - s.vy, fd[2]! - s.vz);
        // as an angular rate seen from the Sun, arcsec/day: the sine terms left out of the
        // velocity plus the O(h²) error of the difference stay well under 0.1″/day
        expect((err / r) * 206_264.8, `${body} ${tt}`).toBeLessThan(0.1);
      }
    }
  });

  it('keeps a few hundred terms per body, not the full series', () => {
    for (const body of VSOP_BODIES) expect(vsopTermCount(body).position).toBeLessThan(400);
  });
});
