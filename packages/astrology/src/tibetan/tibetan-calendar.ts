import * as z from 'zod/mini';
import { parseInput, VajraError } from '@vajra-stream/core';
import { instantSchema, type InstantInput } from '../schema/inputs';
import { lunarDayJdn, monthOfCount, trueMonthCount } from './phugpa';

const JDN_UNIX_EPOCH = 2440588; // 1970-01-01
const ELEMENTS = ['Wood', 'Fire', 'Earth', 'Iron', 'Water'] as const;
const ANIMALS = ['Mouse', 'Ox', 'Tiger', 'Rabbit', 'Dragon', 'Snake', 'Horse', 'Sheep', 'Monkey', 'Bird', 'Dog', 'Pig'] as const;

/**
 * Monthly practice days (lunar day → name).
 *
 * @example
 * ```ts
 * MONTHLY_PRACTICE_DAYS[10]; // 'Guru Rinpoche day'
 * ```
 */
export const MONTHLY_PRACTICE_DAYS: Readonly<Record<number, string>> = {
  8: 'Medicine Buddha day',
  10: 'Guru Rinpoche day',
  15: 'Full moon (Amitabha day)',
  25: 'Dakini day',
  30: 'New moon (Shakyamuni day)',
};

/**
 * The four great festivals (Düchen): Tibetan month and day.
 *
 * @example
 * ```ts
 * gregorianFromTibetan({ year: 2025, ...DUCHEN[1] }); // Saka Dawa Düchen
 * ```
 */
export const DUCHEN = [
  { name: 'Chotrul Düchen', month: 1, day: 15 },
  { name: 'Saka Dawa Düchen', month: 4, day: 15 },
  { name: 'Chokhor Düchen', month: 6, day: 4 },
  { name: 'Lhabab Düchen', month: 9, day: 22 },
] as const;

/**
 * A day of the Phugpa Tibetan calendar.
 *
 * @example
 * ```ts
 * const day: TibetanDate = tibetanDate('2025-06-11T06:00:00Z', { utcOffsetMinutes: 345 }); // Kathmandu
 * `${day.element} ${day.animal} year, month ${day.month} day ${day.day}: ${day.observances.join(', ')}`;
 * // 'Wood Snake year, month 4 day 15: Full moon (Amitabha day), Saka Dawa Düchen'
 * ```
 */
export interface TibetanDate {
  /** Gregorian civil date, YYYY-MM-DD. */
  gregorian: string;
  /** Tibetan year number as used here: the Gregorian year in which it begins (royal year − 127). */
  year: number;
  royalYear: number;
  rabjung: number;
  element: (typeof ELEMENTS)[number];
  animal: (typeof ANIMALS)[number];
  month: number;
  leapMonth: boolean;
  day: number;
  /** True on the first of a duplicated lunar day. */
  leapDay: boolean;
  /** Practice days and Düchen falling on this day. */
  observances: string[];
}

const jdnToIso = (jdn: number) => new Date((jdn - JDN_UNIX_EPOCH) * 86_400_000).toISOString().slice(0, 10);

function yearAttributes(year: number) {
  const y = (((year - 4) % 60) + 60) % 60;
  return {
    royalYear: year + 127,
    rabjung: Math.floor((year - 1027) / 60) + 1,
    element: ELEMENTS[Math.floor((y % 10) / 2)]!,
    animal: ANIMALS[y % 12]!,
  };
}

/** Tibetan date of a civil day given as a Julian Day Number. */
export function tibetanDateFromJdn(jdn: number): TibetanDate {
  // true month count: month n holds the civil days (jdn(n, 0), jdn(n, 30)]
  let n = Math.floor((jdn - 2015501.85) / 29.530587);
  while (lunarDayJdn(n, 0) >= jdn) n--;
  while (lunarDayJdn(n, 30) < jdn) n++;
  let day = 1;
  while (lunarDayJdn(n, day) < jdn) day++;
  const leapDay = lunarDayJdn(n, day) > jdn; // the first of a duplicated day
  const { year, month, leapMonth } = monthOfCount(n);
  const observances: string[] = [];
  const practice = MONTHLY_PRACTICE_DAYS[day];
  if (practice) observances.push(practice);
  if (!leapMonth) for (const d of DUCHEN) if (d.month === month && d.day === day) observances.push(d.name);
  return { gregorian: jdnToIso(jdn), year, ...yearAttributes(year), month, leapMonth, day, leapDay, observances };
}

/**
 * The Phugpa Tibetan calendar date of a civil day (the UTC calendar date of `date`, shifted by
 * `utcOffsetMinutes` for local dates).
 *
 * @example
 * ```ts
 * tibetanDate('2024-02-10'); // { year: 2024, element: 'Wood', animal: 'Dragon', month: 1, day: 1, … } (Losar)
 * ```
 */
export function tibetanDate(date: InstantInput, options: { utcOffsetMinutes?: number } = {}): TibetanDate {
  const ms = parseInput(instantSchema, date, 'date');
  const offset = parseInput(z._default(z.number().check(z.gte(-14 * 60), z.lte(14 * 60)), 0), options.utcOffsetMinutes, 'utcOffsetMinutes');
  const jdn = Math.floor((ms + offset * 60_000) / 86_400_000) + JDN_UNIX_EPOCH;
  return tibetanDateFromJdn(jdn);
}

/**
 * Gregorian date (YYYY-MM-DD) of a Tibetan date; `null` when that lunar day is skipped in that month.
 * For a duplicated day, `leapDay: true` gives the first of the two civil days.
 *
 * @example
 * ```ts
 * gregorianFromTibetan({ year: 2025, month: 4, day: 15 }); // '2025-06-11' (Saka Dawa Düchen)
 * ```
 */
export function gregorianFromTibetan(input: { year: number; month: number; day: number; leapMonth?: boolean; leapDay?: boolean }): string | null {
  const { year, month, day, leapMonth, leapDay } = parseInput(
    z.object({
      year: z.number().check(z.int(), z.gte(1027), z.lte(2500)),
      month: z.number().check(z.int(), z.gte(1), z.lte(12)),
      day: z.number().check(z.int(), z.gte(1), z.lte(30)),
      leapMonth: z._default(z.boolean(), false),
      leapDay: z._default(z.boolean(), false),
    }),
    input,
    'Tibetan date',
  );
  const { n, hasLeapBefore } = trueMonthCount(year, month);
  if (leapMonth && !hasLeapBefore) {
    throw new VajraError('TIBETAN_NO_LEAP_MONTH', `Tibetan year ${year} has no leap month ${month}`, { status: 422 });
  }
  const count = leapMonth ? n - 1 : n;
  const end = lunarDayJdn(count, day);
  const previous = lunarDayJdn(count, day - 1);
  if (end === previous) return null; // skipped day
  return jdnToIso(leapDay && end - previous === 2 ? end - 1 : end);
}

/**
 * Losar (Tibetan New Year) beginning Tibetan year `year`: the day after day 30 of month 12 of the
 * previous year.
 *
 * @example
 * ```ts
 * losar(2025); // '2025-02-28'
 * ```
 */
export function losar(year: number): string {
  const y = parseInput(z.number().check(z.int(), z.gte(1028), z.lte(2500)), year, 'year');
  const { n } = trueMonthCount(y - 1, 12);
  return jdnToIso(lunarDayJdn(n, 30) + 1);
}
