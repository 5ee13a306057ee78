import { describe, expect, it } from 'vitest';
import { planetaryHourAt, planetaryHours } from './planetary-hours';
import { sunTimes } from '../sun/sun-times';

const LONDON = { latitude: 51.5074, longitude: -0.1278 };

describe('planetaryHours', () => {
  // 2024-06-20 was a Thursday (ruled by Jupiter); 2024-06-22 a Saturday (Saturn).
  const day = planetaryHours('2024-06-20T12:00:00Z', LONDON);

  it('starts the day at sunrise with the weekday ruler and follows the Chaldean order', () => {
    expect(day.weekday).toBe('thursday');
    expect(day.dayRuler).toBe('jupiter');
    expect(day.hours.map((h) => h.ruler).slice(0, 8)).toEqual(['jupiter', 'mars', 'sun', 'venus', 'mercury', 'moon', 'saturn', 'jupiter']);
    // hour 24 is ruled by the Sun, so hour 25 (the next sunrise) falls to Venus: Friday
    expect(day.hours[23]!.ruler).toBe('sun');
  });

  it('divides sunrise→sunset and sunset→next sunrise into 12 equal parts each, ending at the next sunrise', () => {
    const sun = sunTimes('2024-06-20T12:00:00Z', LONDON);
    // same root-finding from different starting points: agree to well under a second
    expect(Math.abs(Date.parse(day.sunrise) - Date.parse(sun.sunrise!))).toBeLessThan(500);
    expect(Math.abs(Date.parse(day.sunset) - Date.parse(sun.sunset!))).toBeLessThan(500);
    expect(day.hours[0]!.start).toBe(day.sunrise);
    expect(day.hours[11]!.end).toBe(day.sunset);
    expect(day.hours[12]!.start).toBe(day.sunset);
    expect(day.hours[23]!.end).toBe(day.nextSunrise);
    const dayHour = day.hours[0]!.endTime - day.hours[0]!.startTime;
    const nightHour = day.hours[12]!.endTime - day.hours[12]!.startTime;
    expect(dayHour).toBeGreaterThan(80 * 60_000); // ~16.6 h of daylight in London at midsummer
    expect(nightHour).toBeLessThan(40 * 60_000);
    for (let i = 1; i < 24; i++) expect(day.hours[i]!.startTime).toBeCloseTo(day.hours[i - 1]!.endTime, 0);
  });

  it('keeps the previous planetary day until sunrise (the day runs sunrise to sunrise)', () => {
    // 02:00 UT on Friday 21 June is still Thursday's night in London (sunrise ≈ 03:43 UT)
    const before = planetaryHourAt('2024-06-21T02:00:00Z', LONDON);
    expect(before.dayRuler).toBe('jupiter');
    expect(before.isDay).toBe(false);
    const after = planetaryHourAt('2024-06-21T05:00:00Z', LONDON);
    expect(after.dayRuler).toBe('venus');
    expect(after.hour).toBe(1);
    expect(after.ruler).toBe('venus');
  });

  it('throws ASTRO_NO_SUNRISE in the polar night', () => {
    expect(() => planetaryHours('2024-12-21T12:00:00Z', { latitude: 78.22, longitude: 15.65 })).toThrow(expect.objectContaining({ code: 'ASTRO_NO_SUNRISE' }));
  });
});
