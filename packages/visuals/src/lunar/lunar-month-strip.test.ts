import { panchanga, sunTimes } from '@vajra-stream/astrology';
import { describe, expect, it } from 'vitest';
import { lunarMonthDays } from './lunar-month-days';
import { lunarMonthStrip } from './lunar-month-strip';

// Independent references: the U.S. Naval Observatory's phases for 2020 (new moon 2020-05-22 17:39,
// first quarter 05-30 03:30, full moon 06-05 19:12, last quarter 06-13 06:24, new moon 06-21 06:41 UTC;
// to the minute) and Saka Dawa Düchen on 2020-06-05 (domain notes, practice.md). Place: Bodh Gaya,
// India Standard Time.
const place = { latitude: 24.6961, longitude: 84.9869, utcOffsetMinutes: 330 };
const USNO = [
  ['new moon', '2020-05-22T17:39Z'],
  ['first quarter', '2020-05-30T03:30Z'],
  ['full moon', '2020-06-05T19:12Z'],
  ['last quarter', '2020-06-13T06:24Z'],
  ['new moon', '2020-06-21T06:41Z'],
] as const;

describe('lunar month strip', () => {
  const svg = lunarMonthStrip({ date: '2020-06-01T06:00:00Z', ...place, width: 1240 });

  it('runs from new moon to new moon, one column per local day', () => {
    const dates = [...svg.matchAll(/<g data-date="([\d-]+)"/g)].map((m) => m[1]);
    expect(dates[0]).toBe('2020-05-22'); // 23:09 IST
    expect(dates.at(-1)).toBe('2020-06-21');
    expect(dates).toHaveLength(31);
  });

  it('puts the four principal phases at the USNO instants on its time axis', () => {
    const columns = [...svg.matchAll(/<g data-date="([\d-]+)"[^>]*>.*?<text x="([^"]+)"/g)].map((m) => ({ date: m[1]!, x: Number(m[2]) }));
    const width = columns[1]!.x - columns[0]!.x;
    // a column's centre is its local noon: x ↔ time is linear at one column per day
    const xOf = (ms: number) => columns[0]!.x + ((ms - (Date.parse(`${columns[0]!.date}T12:00:00Z`) - 330 * 60_000)) / 86_400_000) * width;
    const marks = [...svg.matchAll(/<g data-phase="([^"]+)" data-time="([^"]+)"><line x1="([^"]+)"/g)].map((m) => ({ phase: m[1], time: Date.parse(m[2]!), x: Number(m[3]) }));
    expect(marks.map((m) => m.phase)).toEqual(USNO.map(([phase]) => phase));
    marks.forEach((mark, index) => {
      const reference = Date.parse(USNO[index]![1]);
      expect(Math.abs(mark.time - reference)).toBeLessThanOrEqual(60_000);
      expect(Math.abs(mark.x - xOf(reference))).toBeLessThan(0.1); // 0.1 px ≈ 3.6 min
    });
  });

  it('marks Saka Dawa Düchen and the monthly practice days on their Tibetan days', () => {
    expect(svg).toMatch(/<g data-date="2020-06-05" data-tibetan-day="15" data-observances="Full moon \(Amitabha day\); Saka Dawa Düchen">/);
    const practice = [...svg.matchAll(/data-tibetan-day="(\d+)" data-observances="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(practice).toEqual([30, 8, 10, 15, 25, 30]);
    expect(svg).toContain('Purnima (tithi 15)'); // Jyeshtha Purnima, 5 June 2020
  });

  it('reckons each day by the tithi at its exact sunrise (checked against panchanga() at every sunrise)', () => {
    const month = lunarMonthDays({ date: Date.parse('2020-06-01T06:00:00Z'), ...place });
    for (const day of month.days) {
      const sunrise = Date.parse(sunTimes(day.noon, place).sunrise!);
      const atSunrise = panchanga(sunrise + 1000, place).tithi;
      expect(day.tithi, day.date).toEqual({ number: atSunrise.number, name: atSunrise.name, paksha: atSunrise.paksha });
    }
  });

  it('draws the Moon waxing on the right in the north and on the left in the south', () => {
    const south = lunarMonthStrip({ date: '2020-06-01T06:00:00Z', latitude: -33.9, longitude: 151.2, utcOffsetMinutes: 600 });
    // the limb arc of a waxing crescent (27 May): sweep 1 draws it on the right, 0 on the left
    const northSweep = /data-date="2020-05-27".*?<path d="M[^A]+A[\d.]+ [\d.]+ 0 0 (\d)/.exec(svg)![1];
    const southSweep = /data-date="2020-05-27".*?<path d="M[^A]+A[\d.]+ [\d.]+ 0 0 (\d)/.exec(south)![1];
    expect(northSweep).toBe('1');
    expect(southSweep).toBe('0');
  });
});
