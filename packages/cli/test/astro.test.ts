import { describe, expect, it } from 'vitest';
import { jsonLines, runVajra } from './__fixtures__/vajra-process';

const minutes = (iso: string, expected: string) => Math.abs(Date.parse(iso) - Date.parse(expected)) / 60_000;
const json = async <T>(args: string[]): Promise<T> => {
  const run = await runVajra([...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return jsonLines<T>(run.stdout)[0]!;
};

// Each value below is published by an independent source (the astrology package's tests cite the same ones).
describe('vajra astro (JSON against published values)', () => {
  it('moon: the next four phases of January 2020 as the U.S. Naval Observatory lists them (to the minute)', async () => {
    const moon = await json<{ upcoming: Array<{ phase: string; date: string }> }>(['astro', 'moon', '--date', '2020-01-01T00:00:00Z']);
    const usno: Array<[string, string]> = [
      ['first quarter', '2020-01-03T04:45Z'],
      ['full moon', '2020-01-10T19:21Z'],
      ['last quarter', '2020-01-17T12:58Z'],
      ['new moon', '2020-01-24T21:42Z'],
    ];
    expect(moon.upcoming.map((event) => event.phase)).toEqual(usno.map(([phase]) => phase));
    moon.upcoming.forEach((event, index) => expect(minutes(event.date, usno[index]![1]), event.phase).toBeLessThan(40 / 60));
  });

  it('moon: at the USNO full moon of 2020-01-10 19:21 UT the Moon is full', async () => {
    const moon = await json<{ name: string; angle: number; illumination: number }>(['astro', 'moon', '--date', '2020-01-10T19:21:00Z']);
    expect(moon.name).toBe('full moon');
    expect(Math.abs(moon.angle - 180)).toBeLessThan(0.3); // the Moon moves 0.5° in an hour
    expect(moon.illumination).toBeGreaterThan(0.99);
  });

  it('sun: USNO sunrise and sunset at 29° N 81° W on 2019-06-21 (to the minute)', async () => {
    const sun = await json<{ sunrise: string; sunset: string }>(['astro', 'sun', '--date', '2019-06-21T17:00:00Z', '--latitude', '29', '--longitude', '-81']);
    expect(minutes(sun.sunrise, '2019-06-21T10:26Z')).toBeLessThan(50 / 60);
    expect(minutes(sun.sunset, '2019-06-22T00:26Z')).toBeLessThan(50 / 60);
  });

  it('chart: Albert Einstein (Astro-Databank AA): Sun 23°30′ Pisces, Moon 14°31′ Sagittarius, Ascendant 11°38′ Cancer', async () => {
    const chart = await json<{ bodies: Record<string, { longitude: number; sign: string }>; houses: { ascendant: number; cusps: number[] } }>([
      'astro',
      'chart',
      '--date',
      '1879-03-14T10:50:00Z',
      '--latitude',
      '48.4',
      '--longitude',
      '10',
      '--house-system',
      'placidus',
    ]);
    const arcminutes = (value: number, expected: number) => Math.abs(value - expected) * 60;
    expect(chart.bodies.sun!.sign).toBe('pisces');
    expect(arcminutes(chart.bodies.sun!.longitude, 330 + 23.5)).toBeLessThan(1);
    expect(arcminutes(chart.bodies.moon!.longitude, 240 + 14 + 31 / 60)).toBeLessThan(1);
    expect(arcminutes(chart.houses.ascendant, 90 + 11 + 38 / 60)).toBeLessThan(1);
    expect(chart.houses.cusps).toHaveLength(12);
  });

  it('panchanga: the Purnima tithi of April 2024 ends at the USNO full moon, 2024-04-23 23:49 UT', async () => {
    const limbs = await json<{ tithi: { number: number; name: string; end: string } }>(['astro', 'panchanga', '--date', '2024-04-23T12:00:00Z', '--latitude', '28.61', '--longitude', '77.21']);
    expect(limbs.tithi).toMatchObject({ number: 15, name: 'Purnima' });
    expect(minutes(limbs.tithi.end, '2024-04-23T23:49Z')).toBeLessThan(40 / 60);
  });

  it('tibetan: Saka Dawa Düchen 2025 falls on 11 June (15th day of the 4th month)', async () => {
    const day = await json<{ month: number; day: number; observances: string[] }>(['astro', 'tibetan', '--date', '2025-06-11T12:00:00Z', '--utc-offset-minutes', '0']);
    expect(day).toMatchObject({ month: 4, day: 15 });
    expect(day.observances.join(' ')).toContain('Saka Dawa');
  });

  it('hours: 24 planetary hours from sunrise, the first ruled by the weekday (a Sunday → the Sun), the current one named', async () => {
    const hours = await json<{ weekday: string; hours: Array<{ hour: number; ruler: string }>; current: number }>([
      'astro',
      'hours',
      '--date',
      '2019-06-23T17:00:00Z',
      '--latitude',
      '29',
      '--longitude',
      '-81',
    ]);
    expect(hours.weekday).toBe('sunday');
    expect(hours.hours).toHaveLength(24);
    expect(hours.hours[0]!.ruler).toBe('sun');
    expect(hours.hours.map((hour) => hour.ruler).slice(1, 7)).toEqual(['venus', 'mercury', 'moon', 'saturn', 'jupiter', 'mars']); // Chaldean order
    expect(hours.current).toBeGreaterThanOrEqual(1);
  });

  it('prints tables for people in the local time zone (TZ)', async () => {
    const run = await runVajra(['astro', 'moon', '--date', '2020-01-01T00:00:00Z']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Waxing crescent: /);
    expect(run.stdout).toMatch(/Full moon +2020-01-10 19:2\d:\d\d/);
    expect(run.stdout).toContain('times in UTC');
    const nepal = await runVajra(['astro', 'moon', '--date', '2020-01-01T00:00:00Z'], { env: { ...process.env, TZ: 'Asia/Kathmandu' } as Record<string, string> });
    expect(nepal.stdout).toMatch(/Full moon +2020-01-11 01:0\d:\d\d/); // UTC+05:45
  });
});
