import { describe, expect, it } from 'vitest';
import { findWindows } from './find-windows';
import { planetaryHourAt } from '../hours/planetary-hours';
import { panchanga } from '../panchanga/panchanga';
import { chart } from '../chart/chart';

const KATHMANDU = { latitude: 27.7172, longitude: 85.324 };

describe('findWindows', () => {
  it('waxing windows run from new moon to full moon (USNO 2020, to the minute)', () => {
    // USNO: new moon 2020-05-22 17:39, full moon 2020-06-05 19:12, new moon 2020-06-21 06:41 UT
    const w = findWindows({ from: '2020-05-20T00:00:00Z', to: '2020-06-25T00:00:00Z', where: { moon: 'waxing' } });
    expect(w).toHaveLength(2);
    expect(Math.abs(w[0]!.startTime - Date.parse('2020-05-22T17:39:00Z'))).toBeLessThanOrEqual(40_000);
    expect(Math.abs(w[0]!.endTime - Date.parse('2020-06-05T19:12:00Z'))).toBeLessThanOrEqual(40_000);
    expect(Math.abs(w[1]!.startTime - Date.parse('2020-06-21T06:41:00Z'))).toBeLessThanOrEqual(40_000);
    expect(w[1]!.end).toBe('2020-06-25T00:00:00.000Z');
  });

  it('finds Mercury direct outside its 2024 retrograde (NASA/almanac: stations 2024-04-01 and 2024-04-25, to the day)', () => {
    const w = findWindows({ from: '2024-03-15T00:00:00Z', to: '2024-05-15T00:00:00Z', where: { noRetrograde: ['mercury'] } });
    expect(w).toHaveLength(2);
    expect(w[0]!.end.slice(0, 10)).toBe('2024-04-01');
    expect(w[1]!.start.slice(0, 10)).toBe('2024-04-25');
    // at the station the analytic speed is zero
    expect(Math.abs(chart({ date: w[0]!.endTime, latitude: 0, longitude: 0 }).bodies.mercury.speed)).toBeLessThan(1e-5);
  });

  it('combines criteria: every window satisfies all of them and its edges are true boundaries', () => {
    const w = findWindows({
      from: '2024-05-01T00:00:00Z',
      to: '2024-05-16T00:00:00Z',
      location: KATHMANDU,
      where: { moon: 'waxing', planetaryHourRuler: ['jupiter', 'venus'], nakshatra: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13] },
    });
    expect(w.length).toBeGreaterThan(3);
    for (const win of w) {
      for (const t of [win.startTime + 1_000, (win.startTime + win.endTime) / 2, win.endTime - 1_000]) {
        expect(['jupiter', 'venus']).toContain(planetaryHourAt(t, KATHMANDU).ruler);
        const p = panchanga(t, KATHMANDU);
        expect(p.nakshatra.number).toBeGreaterThanOrEqual(4);
        expect(p.nakshatra.number).toBeLessThanOrEqual(13);
        expect(p.tithi.paksha).toBe('shukla');
      }
      // just outside each edge at least one criterion fails (edges are not arbitrary)
      for (const t of [win.startTime - 2_000, win.endTime + 2_000]) {
        if (t <= Date.parse('2024-05-01T00:00:00Z') || t >= Date.parse('2024-05-16T00:00:00Z')) continue;
        const p = panchanga(t, KATHMANDU);
        const ok = ['jupiter', 'venus'].includes(planetaryHourAt(t, KATHMANDU).ruler) && p.nakshatra.number >= 4 && p.nakshatra.number <= 13 && p.tithi.paksha === 'shukla';
        expect(ok).toBe(false);
      }
    }
  });

  it('tithi and moon-sign windows end where panchanga and chart say the tithi or sign changes', () => {
    const w = findWindows({ from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z', where: { tithi: [11, 26] } });
    expect(w.length).toBeGreaterThanOrEqual(2); // two Ekadashis a month (Shukla 11, Krishna 26)
    for (const win of w) {
      const p = panchanga(win.startTime + 60_000, KATHMANDU);
      expect([11, 26]).toContain(p.tithi.number);
      expect(p.tithi.name).toBe('Ekadashi');
      expect(Math.abs(Date.parse(p.tithi.end) - win.endTime)).toBeLessThan(1_000);
    }
    const signs = findWindows({ from: '2024-01-01T00:00:00Z', to: '2024-01-10T00:00:00Z', where: { moonSign: ['leo'] } });
    for (const win of signs) {
      expect(chart({ date: win.startTime + 60_000, latitude: 0, longitude: 0 }).bodies.moon.sign).toBe('leo');
      expect(chart({ date: win.endTime + 60_000, latitude: 0, longitude: 0 }).bodies.moon.sign).toBe('virgo');
    }
  });

  it('validates its input', () => {
    expect(() => findWindows({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', where: { moon: 'waxing' } })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => findWindows({ from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z', where: { planetaryHourRuler: ['sun'] } })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
