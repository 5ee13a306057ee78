import { describe, expect, it } from 'vitest';
import { chart, type ChartBody } from './chart';
import type { HouseSystem } from './houses';

/**
 * Published natal charts with house cusps, each from a source that computed them independently of this
 * package (Astrodienst's astro.com and the Swiss Ephemeris `swetest`/`pyswisseph`, both with their own
 * sidereal time, nutation and ΔT). Every figure is asserted at the precision it is published with.
 */

const SIGNS = ['ari', 'tau', 'gem', 'can', 'leo', 'vir', 'lib', 'sco', 'sag', 'cap', 'aqu', 'pis'] as const;
/** `'22vir17:34'` → ecliptic longitude in degrees (degrees, sign, minutes, seconds). */
function lon(text: string): number {
  const m = /^(\d+)([a-z]{3})(\d+):(\d+)$/.exec(text);
  if (!m) throw new Error(`bad longitude ${text}`);
  const sign = SIGNS.indexOf(m[2] as (typeof SIGNS)[number]);
  if (sign < 0) throw new Error(`bad sign ${text}`);
  return sign * 30 + Number(m[1]) + Number(m[3]) / 60 + Number(m[4]) / 3600;
}
/** Arc difference in arcseconds, wrapped. */
function arcsec(a: number, b: number): number {
  return Math.abs(((((a - b) % 360) + 540) % 360) - 180) * 3600;
}
const dm = (d: number, m: number) => d + m / 60;

describe('natal chart: Steve Jobs, astro.com cusps in five house systems', () => {
  // Birth data: Astro-Databank (astro.com), Steve Jobs, Rodden rating AA (birth certificate):
  // 1955-02-24 19:15 PST (UT −8 h) = 1955-02-25 03:15 UT, San Francisco CA, 37n47, 122w25.
  // Cusps: the astro.com values quoted (to the arcsecond) in the comments of the open-source
  // ZodiacPress House Systems plugin's tests, github.com/tzmt/zp-house-systems, tests/test-cusps.php
  // (e.g. "// astro.com gets 39"). Only the cusps for which that file quotes astro.com are used.
  // Published to 1″ (whether rounded or truncated is not stated): asserted within 1″.
  const at = (houseSystem: HouseSystem) => chart({ date: '1955-02-25T03:15:00Z', latitude: dm(37, 47), longitude: -dm(122, 25), houseSystem });
  const astroCom: Record<Exclude<HouseSystem, 'equal' | 'whole-sign'>, Record<number, string>> = {
    placidus: { 1: '22vir17:39', 2: '18lib14:39', 3: '18sco21:16' },
    koch: { 3: '21sco14:15', 5: '23cap28:19', 6: '22aqu49:06' },
    porphyry: { 2: '21lib58:07', 3: '21sco38:35', 5: '21cap38:35', 6: '21aqu58:07' },
    regiomontanus: { 2: '17lib18:43', 3: '16sco19:44', 5: '26cap57:33', 6: '26aqu55:20' },
    campanus: { 2: '22lib48:10', 3: '22sco18:25', 5: '20cap47:40', 6: '21aqu16:28' },
  };
  for (const [system, cusps] of Object.entries(astroCom)) {
    it(`${system}: ${Object.entries(cusps)
      .map(([n, v]) => `cusp ${n} ${v}`)
      .join(', ')} — within 1″`, () => {
      const c = at(system as HouseSystem);
      expect(c.houses.system).toBe(system);
      for (const [n, v] of Object.entries(cusps)) {
        expect(arcsec(c.houses.cusps[Number(n) - 1]!, lon(v)), `${system} cusp ${n}`).toBeLessThan(1);
      }
    });
  }
});

describe('natal chart: Steve Jobs and Michael Jackson, Swiss Ephemeris (swetest) fixtures of ZodiacPress', () => {
  // Source: github.com/tzmt/zp-house-systems, tests/helper.php (birth data), tests/helper-expected-chart.php
  // (longitudes to 1e-7°) and tests/test-cusps.php (cusps of all systems, to 1″, Jobs only). ZodiacPress
  // (github.com/ondrocks/zodiacpress, includes/class-zp-ephemeris.php) obtains them from
  // `swetest -b<UT date> -ut<UT time> -p0123456789DAt -house<lon>,<lat>,<hsys> -eswe -fls`, i.e. the Swiss
  // Ephemeris with its own files, and — its source comment says, to match astro.com — passes the geographic
  // coordinates as whole degrees and arcminutes, so the chart coordinates below are the helper's decimal degrees
  // rounded to 1′ (Jobs 37.77493, −122.41942 → 37°46′N 122°25′W; Jackson 41.59337, −87.34643 → 41°36′N 87°21′W;
  // checked: with the unrounded coordinates, or 41°35′ for Jackson, the ARMC or Ascendant would differ by 6–25″).
  // Birth data as in helper.php (Astro-Databank, both rated AA): Jobs 1955-02-24 19:15, UT offset −8 h;
  // Michael Jackson 1958-08-29 19:33 CDT, UT offset −5 h, Gary IN.
  // Tolerances: cusps 1″ (published to 1e-7°, but another program's sidereal time model may differ by a
  // fraction of an arcsecond); bodies at the accuracy targets of issue 4 (Sun 2″, Moon 5″, planets 15″,
  // Neptune 25″), since Swiss Ephemeris itself is the reference there.
  const bodyTol: Partial<Record<ChartBody, number>> = { sun: 2, moon: 5, neptune: 25, trueNode: 15 };
  const cases = [
    {
      name: 'Steve Jobs',
      date: '1955-02-25T03:15:00Z',
      latitude: dm(37, 46),
      longitude: -dm(122, 25),
      // swetest order 0–9 (Sun … Pluto) and t (true node), helper-expected-chart.php indexes 0–9 and 12
      bodies: {
        sun: 335.7481352,
        moon: 7.7473318,
        mercury: 314.361729,
        venus: 291.1718709,
        mars: 29.0904872,
        jupiter: 110.5079439,
        saturn: 231.1626621,
        uranus: 114.1348946,
        neptune: 208.0512444,
        pluto: 145.3228415,
        trueNode: 273.4098987,
      },
      signs: { sun: 'pisces', moon: 'aries', mercury: 'aquarius', venus: 'capricorn', mars: 'aries', jupiter: 'cancer', saturn: 'scorpio', uranus: 'cancer', neptune: 'libra', pluto: 'leo' },
      // Placidus cusps 1–12 (indexes 13–24) and the ARMC (index 27)
      cusps: [172.2929065, 198.2462317, 228.3570045, 261.3176341, 294.4748123, 325.2096023, 352.2929065, 18.2462317, 48.3570045, 81.3176341, 114.4748123, 145.2096023],
      armc: 80.5498363,
    },
    {
      name: 'Michael Jackson',
      date: '1958-08-30T00:33:00Z',
      latitude: dm(41, 36),
      longitude: -dm(87, 21),
      bodies: {
        sun: 156.1435386,
        moon: 344.9068847,
        mercury: 145.4145043,
        venus: 137.0706532,
        mars: 52.0368654,
        jupiter: 208.5379838,
        saturn: 259.1249107,
        uranus: 133.5047823,
        neptune: 212.5772881,
        pluto: 152.1683911,
        trueNode: 203.0844753,
      },
      signs: { sun: 'virgo', moon: 'pisces', mercury: 'leo', venus: 'leo', mars: 'taurus', jupiter: 'libra', saturn: 'sagittarius', uranus: 'leo', neptune: 'scorpio', pluto: 'virgo' },
      cusps: [340.10944, 26.7290851, 56.9998791, 79.5219779, 100.302721, 124.2701026, 160.10944, 206.7290851, 236.9998791, 259.5219779, 280.302721, 304.2701026],
      armc: 258.6030072,
    },
  ] as const;

  for (const k of cases) {
    it(`${k.name} (${k.date} UT, ${k.latitude.toFixed(4)}, ${k.longitude.toFixed(4)}): Placidus cusps, ARMC within 1″; bodies and signs`, () => {
      const c = chart({ date: k.date, latitude: k.latitude, longitude: k.longitude, houseSystem: 'placidus' });
      expect(arcsec(c.ramc, k.armc)).toBeLessThan(1);
      k.cusps.forEach((v, i) => expect(arcsec(c.houses.cusps[i]!, v), `cusp ${i + 1}`).toBeLessThan(1));
      expect(arcsec(c.houses.ascendant, k.cusps[0])).toBeLessThan(1);
      expect(arcsec(c.houses.mc, k.cusps[9])).toBeLessThan(1);
      for (const [body, v] of Object.entries(k.bodies) as [ChartBody, number][]) {
        expect(arcsec(c.bodies[body].longitude, v), body).toBeLessThan(bodyTol[body] ?? 15);
      }
      for (const [body, sign] of Object.entries(k.signs)) expect(c.bodies[body as ChartBody].sign, body).toBe(sign);
    });
  }

  it('Steve Jobs, other systems (tests/test-cusps.php, to 1″): cusps 2, 3, 11, 12 — within 1″', () => {
    const published: Record<'koch' | 'porphyry' | 'regiomontanus' | 'campanus', [string, string, string, string]> = {
      koch: ['21lib57:56', '21sco14:17', '23can28:10', '22leo48:58'],
      porphyry: ['21lib58:04', '21sco38:34', '21can38:34', '21leo58:04'],
      regiomontanus: ['17lib18:51', '16sco19:57', '26can57:16', '26leo55:05'],
      campanus: ['22lib48:00', '22sco18:17', '20can47:46', '21leo16:31'],
    };
    for (const [system, [c2, c3, c11, c12]] of Object.entries(published)) {
      const c = chart({ date: '1955-02-25T03:15:00Z', latitude: dm(37, 46), longitude: -dm(122, 25), houseSystem: system as HouseSystem });
      for (const [i, v] of [
        [1, c2],
        [2, c3],
        [10, c11],
        [11, c12],
      ] as const) {
        expect(arcsec(c.houses.cusps[i]!, lon(v)), `${system} cusp ${i + 1}`).toBeLessThan(1);
      }
    }
    // Equal: every cusp at 22°17′34″ of its sign; whole sign: 0° Virgo, 0° Libra, …
    const equal = chart({ date: '1955-02-25T03:15:00Z', latitude: dm(37, 46), longitude: -dm(122, 25), houseSystem: 'equal' });
    equal.houses.cusps.forEach((v, i) => expect(arcsec(v, lon(`22${SIGNS[(5 + i) % 12]}17:34`)), `equal cusp ${i + 1}`).toBeLessThan(1));
    const whole = chart({ date: '1955-02-25T03:15:00Z', latitude: dm(37, 46), longitude: -dm(122, 25), houseSystem: 'whole-sign' });
    expect(whole.houses.cusps).toEqual(Array.from({ length: 12 }, (_, i) => ((5 + i) % 12) * 30));
  });
});

describe('natal chart: Swiss Ephemeris "birthday" chart of the pyswisseph tutorial', () => {
  // Source: pyswisseph documentation by sailorfe, "Angles and Houses" and "Printing a Chart" tutorials
  // (sailorfe.github.io/pyswisseph/tutorials/angles_and_houses.html, …/printing_a_chart.html): the first
  // release of the Swiss Ephemeris, 1997-09-30 16:00 CEST = 14:00 UTC, Zollikon 47.33°N 8.58°E, Placidus.
  // The tutorial converts with swe.utc_to_jd(), which returns (TT, UT1); its variable named `jd_tt` therefore
  // holds UT1 = JD 2450722.0833377214 (printed there), i.e. 14:00:00.379 UT — that is the instant used.
  // Published: cusps 1–12 to 0.01° (rounded: asserted within 0.005° + 1″), Ascendant 290.4375225094583° and
  // Midheaven 230.37565140999195° (asserted within 1″, the house-cusp accuracy this package targets is 20″).
  // biome-ignore lint/correctness/noPrecisionLoss: 17 digits are the shortest form of this double (it prints back unchanged)
  const ut1 = Date.UTC(1997, 8, 30, 14, 0, 0) + (2450722.0833377214 - 2450722.0833333333) * 86_400_000;
  const c = chart({ date: ut1, latitude: 47.33, longitude: 8.58, houseSystem: 'placidus' });

  it('Placidus cusps [290.44, 341.06, 22.92, 50.38, 70.82, 89.30, 110.44, 161.06, 202.92, 230.38, 250.82, 269.30]', () => {
    const published = [290.44, 341.06, 22.92, 50.38, 70.82, 89.3, 110.44, 161.06, 202.92, 230.38, 250.82, 269.3];
    published.forEach((v, i) => expect(arcsec(c.houses.cusps[i]!, v), `cusp ${i + 1}`).toBeLessThan(0.005 * 3600 + 1));
  });

  it('Ascendant 290.4375225° and Midheaven 230.3756514° — within 1″', () => {
    expect(arcsec(c.houses.ascendant, 290.4375225094583)).toBeLessThan(1);
    expect(arcsec(c.houses.mc, 230.37565140999195)).toBeLessThan(1);
    expect(c.houses.cusps[0]).toBe(c.houses.ascendant);
    expect(c.houses.cusps[9]).toBe(c.houses.mc);
  });
});
