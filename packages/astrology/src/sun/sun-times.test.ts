import { describe, expect, it } from 'vitest';
import { sunTimes } from './sun-times';

// Source: U.S. Naval Observatory, "Sun or Moon Rise/Set Table for One Year" (aa.usno.navy.mil/data/RS_OneYear),
// 2019, longitude 81° W, latitude 29° N, as archived in cosinekitty/astronomy generate/riseset/riseset.txt.
// USNO publishes to the minute (upper limb, 34′ refraction): tolerance = 30 s rounding + 20 s.
const USNO_W81_N29: Array<[string, string, string]> = [
  ['2019-01-15', '2019-01-15T12:19Z', '2019-01-15T22:48Z'],
  ['2019-02-20', '2019-02-20T11:58Z', '2019-02-20T23:17Z'],
  ['2019-03-21', '2019-03-21T11:27Z', '2019-03-21T23:36Z'],
  ['2019-04-30', '2019-04-30T10:44Z', '2019-04-30T23:59Z'],
  ['2019-06-21', '2019-06-21T10:26Z', '2019-06-22T00:26Z'],
  ['2019-08-01', '2019-08-01T10:45Z', '2019-08-02T00:16Z'],
];

describe('sunTimes', () => {
  it('matches USNO sunrise and sunset within the published minute', () => {
    for (const [day, rise, set] of USNO_W81_N29) {
      // local mean noon at 81° W is 17:24 UT
      const t = sunTimes(`${day}T17:24:00Z`, { latitude: 29, longitude: -81 });
      expect(Math.abs(Date.parse(t.sunrise!) - Date.parse(rise)), `${day} rise`).toBeLessThanOrEqual(50_000);
      expect(Math.abs(Date.parse(t.sunset!) - Date.parse(set)), `${day} set`).toBeLessThanOrEqual(50_000);
      expect(t.polar).toBeNull();
    }
  });

  it('puts Brahma Muhurta at the 48 minutes starting 96 minutes before sunrise', () => {
    const t = sunTimes('2019-06-21T17:24:00Z', { latitude: 29, longitude: -81 });
    const rise = Date.parse(t.sunrise!);
    expect(Date.parse(t.brahmaMuhurta!.start)).toBe(rise - 96 * 60_000);
    expect(Date.parse(t.brahmaMuhurta!.end)).toBe(rise - 48 * 60_000);
  });

  it('orders the definitions: upper limb rises before the refracted centre, which rises before the geometric centre', () => {
    const at = (definition: 'upper-limb' | 'center' | 'hindu') => Date.parse(sunTimes('2019-03-21T17:24:00Z', { latitude: 29, longitude: -81, definition }).sunrise!);
    // at 29° N near the equinox the Sun climbs ~0.22°/min: 16′ semidiameter ≈ 1.2 min, 34′ refraction ≈ 2.6 min
    expect(at('center') - at('upper-limb')).toBeGreaterThan(50_000);
    expect(at('center') - at('upper-limb')).toBeLessThan(100_000);
    expect(at('hindu') - at('center')).toBeGreaterThan(120_000);
    expect(at('hindu') - at('center')).toBeLessThan(200_000);
  });

  it('reports polar day at Tromsø (69.65° N) at midsummer and polar night at midwinter', () => {
    // The midnight sun at Tromsø lasts from about 20 May to 22 July; polar night from about 27 Nov to 15 Jan.
    const summer = sunTimes('2024-06-21T12:00:00Z', { latitude: 69.65, longitude: 18.96 });
    expect(summer.polar).toBe('day');
    expect(summer.sunrise).toBeNull();
    expect(summer.dayLengthHours).toBe(24);
    expect(summer.brahmaMuhurta).toBeNull();
    const winter = sunTimes('2024-12-21T12:00:00Z', { latitude: 69.65, longitude: 18.96 });
    expect(winter.polar).toBe('night');
    expect(winter.dayLengthHours).toBe(0);
  });

  it('rejects an invalid latitude', () => {
    expect(() => sunTimes('2024-01-01T00:00:00Z', { latitude: 95, longitude: 0 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
