import { describe, expect, it } from 'vitest';
import { findMoonPhases } from './find-moon-phases';
import { moonPhase } from './moon-phase';

// Source: U.S. Naval Observatory, Astronomical Applications Dept., "Phases of the Moon" data service
// (aa.usno.navy.mil/data/MoonPhases), year 2020, as archived in cosinekitty/astronomy
// generate/moonphase/moonphases.txt (0 new, 1 first quarter, 2 full, 3 last quarter).
// USNO publishes to the minute: the true instant lies within ±30 s of each listed time.
const USNO_2020 = `1 2020-01-03T04:45 2 2020-01-10T19:21 3 2020-01-17T12:58 0 2020-01-24T21:42
1 2020-02-02T01:42 2 2020-02-09T07:33 3 2020-02-15T22:17 0 2020-02-23T15:32
1 2020-03-02T19:57 2 2020-03-09T17:48 3 2020-03-16T09:34 0 2020-03-24T09:28
1 2020-04-01T10:21 2 2020-04-08T02:35 3 2020-04-14T22:56 0 2020-04-23T02:26
1 2020-04-30T20:38 2 2020-05-07T10:45 3 2020-05-14T14:03 0 2020-05-22T17:39
1 2020-05-30T03:30 2 2020-06-05T19:12 3 2020-06-13T06:24 0 2020-06-21T06:41
1 2020-06-28T08:16 2 2020-07-05T04:44 3 2020-07-12T23:29 0 2020-07-20T17:33
1 2020-07-27T12:32 2 2020-08-03T15:59 3 2020-08-11T16:45 0 2020-08-19T02:42
1 2020-08-25T17:58 2 2020-09-02T05:22 3 2020-09-10T09:26 0 2020-09-17T11:00
1 2020-09-24T01:55 2 2020-10-01T21:05 3 2020-10-10T00:39 0 2020-10-16T19:31
1 2020-10-23T13:23 2 2020-10-31T14:49 3 2020-11-08T13:46 0 2020-11-15T05:07
1 2020-11-22T04:45 2 2020-11-30T09:30 3 2020-12-08T00:36 0 2020-12-14T16:16
1 2020-12-21T23:41 2 2020-12-30T03:28`;

const NAMES = ['new moon', 'first quarter', 'full moon', 'last quarter'];

describe('findMoonPhases', () => {
  const expected = [...USNO_2020.matchAll(/(\d) (\S+)/g)].map((m) => ({ phase: NAMES[Number(m[1])], time: Date.parse(`${m[2]}Z`) }));
  const found = findMoonPhases({ from: '2020-01-01T00:00:00Z', to: '2021-01-01T00:00:00Z' });

  it('finds every principal phase of 2020 in order', () => {
    expect(found.map((p) => p.phase)).toEqual(expected.map((e) => e.phase));
  });

  it('matches USNO instants to the published minute (±30 s rounding + 10 s)', () => {
    const worst = Math.max(...found.map((p, i) => Math.abs(p.time - expected[i]!.time)));
    expect(worst).toBeLessThanOrEqual(40_000);
  });

  it('matches the new moon of 1977 Feb 18 at 3h37m40s TD (Meeus, Astronomical Algorithms, 2nd ed., ex. 49.a, value from ELP-2000)', () => {
    // ΔT in 1977.1 ≈ 47.6 s (USNO), so 3h37m40s TD = 3h36m52.4s UT.
    const [newMoon] = findMoonPhases({ from: '1977-02-15T00:00:00Z', to: '1977-02-20T00:00:00Z' });
    expect(newMoon!.phase).toBe('new moon');
    expect(Math.abs(newMoon!.time - Date.parse('1977-02-18T03:36:52.4Z'))).toBeLessThanOrEqual(10_000);
  });

  it('reports phase angle, illumination and name consistently with the found instants', () => {
    const full = found.find((p) => p.phase === 'full moon')!;
    const p = moonPhase(full.time);
    expect(Math.abs(p.angle - 180)).toBeLessThan(1e-4);
    expect(p.name).toBe('full moon');
    expect(p.illumination).toBeGreaterThan(0.99);
    const newMoon = moonPhase(found.find((x) => x.phase === 'new moon')!.time);
    expect(newMoon.illumination).toBeLessThan(0.01);
    const firstQuarter = moonPhase(found.find((x) => x.phase === 'first quarter')!.time);
    expect(firstQuarter.illumination).toBeGreaterThan(0.45);
    expect(firstQuarter.illumination).toBeLessThan(0.55);
    expect(firstQuarter.waxing).toBe(true);
  });

  it('rejects an inverted range with VALIDATION_FAILED', () => {
    expect(() => findMoonPhases({ from: '2020-02-01T00:00:00Z', to: '2020-01-01T00:00:00Z' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
