import { describe, expect, it } from 'vitest';
import { panchanga } from './panchanga';
import { elongationAt, siderealMoonAt, yogaAngleAt } from '../lunar/lunar-angles';
import { norm180 } from '../math/angles';

const DELHI = { latitude: 28.6139, longitude: 77.209 };

describe('panchanga', () => {
  it('ends Purnima (tithi 15) at the full moon and Amavasya (tithi 30) at the new moon (USNO, to the minute)', () => {
    // USNO "Phases of the Moon" 2020 (see find-moon-phases.test.ts): full moon 2020-06-05 19:12, new moon 2020-06-21 06:41 UT.
    const full = panchanga('2020-06-05T12:00:00Z', DELHI);
    expect(full.tithi.number).toBe(15);
    expect(full.tithi.name).toBe('Purnima');
    expect(full.tithi.paksha).toBe('shukla');
    expect(Math.abs(Date.parse(full.tithi.end) - Date.parse('2020-06-05T19:12:00Z'))).toBeLessThanOrEqual(40_000);
    const dark = panchanga('2020-06-21T02:00:00Z', DELHI);
    expect(dark.tithi.number).toBe(30);
    expect(dark.tithi.name).toBe('Amavasya');
    expect(Math.abs(Date.parse(dark.tithi.end) - Date.parse('2020-06-21T06:41:00Z'))).toBeLessThanOrEqual(40_000);
    // the second half of Amavasya is the fixed karana Naga (karana 60)
    expect(dark.karana.number).toBe(60);
    expect(dark.karana.name).toBe('Naga');
  });

  it('places end instants exactly on the defining boundaries (tithi 12°, karana 6°, nakshatra and yoga 13°20′)', () => {
    const p = panchanga('2024-03-10T06:00:00Z', DELHI);
    const span = 360 / 27;
    expect(Math.abs(norm180(elongationAt(Date.parse(p.tithi.end)) - p.tithi.number * 12))).toBeLessThan(1e-4);
    expect(Math.abs(norm180(elongationAt(Date.parse(p.karana.end)) - p.karana.number * 6))).toBeLessThan(1e-4);
    expect(Math.abs(norm180(siderealMoonAt(Date.parse(p.nakshatra.end)) - p.nakshatra.number * span))).toBeLessThan(1e-4);
    expect(Math.abs(norm180(yogaAngleAt(Date.parse(p.yoga.end)) - p.yoga.number * span))).toBeLessThan(1e-4);
    // every end lies in the future, within one span of the fastest mover
    for (const end of [p.tithi.end, p.karana.end, p.nakshatra.end, p.yoga.end]) {
      const dt = Date.parse(end) - Date.parse(p.date);
      expect(dt).toBeGreaterThan(0);
      expect(dt).toBeLessThan(1.5 * 86_400_000);
    }
  });

  it('counts karanas from the new moon: Kimstughna first, then the seven movable ones', () => {
    // just after the new moon of 2020-06-21 06:41 UT
    const p = panchanga('2020-06-21T08:00:00Z', DELHI);
    expect(p.tithi.number).toBe(1);
    expect(p.karana.number).toBe(1);
    expect(p.karana.name).toBe('Kimstughna');
    const later = panchanga(Date.parse(p.karana.end) + 60_000, DELHI);
    expect(later.karana.name).toBe('Bava');
  });

  it('changes vara at local sunrise, not at midnight', () => {
    // 2024-06-21 was a Friday; sunrise in Delhi ≈ 05:23 IST = 23:53 UT on 20 June.
    const beforeSunrise = panchanga('2024-06-20T23:00:00Z', DELHI); // 04:30 IST Friday, before sunrise
    expect(beforeSunrise.vara.name).toBe('Guruvara'); // still Thursday's vara
    const afterSunrise = panchanga('2024-06-21T01:00:00Z', DELHI);
    expect(afterSunrise.vara.name).toBe('Shukravara');
  });

  it('gives padas 1–4 within the nakshatra', () => {
    const p = panchanga('2024-01-01T00:00:00Z', DELHI);
    expect(p.nakshatra.pada).toBeGreaterThanOrEqual(1);
    expect(p.nakshatra.pada).toBeLessThanOrEqual(4);
    const start = (p.nakshatra.number - 1) * (360 / 27);
    const expectedPada = Math.floor((siderealMoonAt(Date.parse(p.date)) - start) / (360 / 108)) + 1;
    expect(p.nakshatra.pada).toBe(expectedPada);
  });
});
