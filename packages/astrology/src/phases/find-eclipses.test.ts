import { describe, expect, it } from 'vitest';
import { findEclipses } from './find-eclipses';
import { deltaT } from '../time/delta-t-at';

// Solar eclipses: NASA Five Millennium Catalog of Solar Eclipses (F. Espenak & J. Meeus), 2001–2100,
// column "TD of Greatest Eclipse" (to the second, Terrestrial Dynamical Time), as archived in
// cosinekitty/astronomy generate/eclipse/se2001.html. Compared in TD so the result does not depend on ΔT.
const SOLAR_TD: Array<[string, 'total' | 'annular' | 'partial' | 'hybrid']> = [
  ['2016-03-09T01:58:19Z', 'total'],
  ['2017-02-26T14:54:33Z', 'annular'],
  ['2017-08-21T18:26:40Z', 'total'],
  ['2019-07-02T19:24:08Z', 'total'],
  ['2020-06-21T06:41:15Z', 'annular'],
  ['2020-12-14T16:14:39Z', 'total'],
  ['2022-10-25T11:01:20Z', 'partial'],
  ['2024-04-08T18:18:29Z', 'total'],
  ['2024-10-02T18:46:13Z', 'annular'],
];

// Lunar eclipses: NASA catalogue of lunar eclipses 2001–2100 (F. Espenak, GSFC), greatest eclipse in UT,
// published to the minute (archived in cosinekitty/astronomy generate/eclipse/lunar_eclipses.txt).
const LUNAR_UT: Array<[string, 'total' | 'partial' | 'penumbral']> = [
  ['2018-01-31T13:30Z', 'total'],
  ['2018-07-27T20:22Z', 'total'],
  ['2019-07-16T21:31Z', 'partial'],
  ['2021-05-26T11:19Z', 'total'],
  ['2022-11-08T10:59Z', 'total'],
  ['2023-05-05T17:23Z', 'penumbral'],
  ['2024-09-18T02:44Z', 'partial'],
];

describe('findEclipses', () => {
  const found = findEclipses({ from: '2016-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' });

  it('finds the catalogued solar eclipses within 10 s of NASA greatest eclipse (TD)', () => {
    for (const [td, kind] of SOLAR_TD) {
      const expected = Date.parse(td);
      const hit = found.find((e) => e.type === 'solar' && Math.abs(e.time - expected) < 3_600_000);
      expect(hit, td).toBeDefined();
      const tdFound = hit!.time + deltaT(hit!.time) * 1000;
      expect(Math.abs(tdFound - expected), td).toBeLessThanOrEqual(10_000);
      if (kind !== 'hybrid') expect(hit!.kind, td).toBe(kind);
    }
  });

  it('finds the catalogued lunar eclipses at the published minute (±30 s rounding + 10 s)', () => {
    for (const [ut, kind] of LUNAR_UT) {
      const expected = Date.parse(ut);
      const hit = found.find((e) => e.type === 'lunar' && Math.abs(e.time - expected) < 3_600_000);
      expect(hit, ut).toBeDefined();
      expect(Math.abs(hit!.time - expected), ut).toBeLessThanOrEqual(40_000);
      expect(hit!.kind, ut).toBe(kind);
    }
  });

  it('returns events in time order and only inside the range', () => {
    const times = found.map((e) => e.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]!).toBeGreaterThanOrEqual(Date.parse('2016-01-01T00:00:00Z'));
    // The NASA solar catalogue lists 20 solar eclipses with greatest eclipse in 2016–2024
    // (2+2+3+3+2+2+2+2+2 per year).
    expect(found.filter((e) => e.type === 'solar')).toHaveLength(20);
  });
});
