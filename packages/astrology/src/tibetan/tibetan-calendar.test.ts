import { describe, expect, it } from 'vitest';
import { gregorianFromTibetan, losar, tibetanDate } from './tibetan-calendar';

// Check dates: from the published Phugpa calendars
// (Losar and Saka Dawa dates as announced each year; leap/skipped days as in Janson 2014, arXiv:1401.6285).
describe('Phugpa Tibetan calendar', () => {
  it.each([
    [2019, '2019-02-05'],
    [2020, '2020-02-24'],
    [2021, '2021-02-12'],
    [2022, '2022-03-03'],
    [2023, '2023-02-21'],
    [2024, '2024-02-10'],
    [2025, '2025-02-28'],
  ])('Losar %i falls on %s', (year, iso) => {
    expect(losar(year)).toBe(iso);
    const t = tibetanDate(iso);
    expect(t.year).toBe(year);
    expect(t.day).toBe(1);
    expect(t.month).toBe(1);
  });

  it('2019 begins with a leap first month', () => {
    expect(tibetanDate('2019-02-05').leapMonth).toBe(true);
  });

  it.each([
    [2020, '2020-06-05'],
    [2021, '2021-05-26'],
    [2022, '2022-06-14'],
    [2023, '2023-06-04'],
    [2024, '2024-05-23'],
    [2025, '2025-06-11'],
  ])('Saka Dawa Düchen %i (month 4 day 15) is %s', (year, iso) => {
    expect(gregorianFromTibetan({ year, month: 4, day: 15 })).toBe(iso);
    expect(tibetanDate(iso).observances).toContain('Saka Dawa Düchen');
  });

  it('2016-05-07 is day 1 of leap month 4', () => {
    const t = tibetanDate('2016-05-07');
    expect(t).toMatchObject({ year: 2016, month: 4, leapMonth: true, day: 1 });
  });

  it('2012-02-26 is the leap (first) day 5; 2012-03-12 skips day 19; 2013-01-09 skips day 27', () => {
    expect(tibetanDate('2012-02-26')).toMatchObject({ day: 5, leapDay: true });
    expect(tibetanDate('2012-02-27')).toMatchObject({ day: 5, leapDay: false });
    const before = tibetanDate('2012-03-11');
    const after = tibetanDate('2012-03-12');
    expect([before.day, after.day]).toEqual([18, 20]);
    expect(gregorianFromTibetan({ year: after.year, month: after.month, day: 19, leapMonth: after.leapMonth })).toBeNull();
    expect(tibetanDate('2013-01-09').day).toBe(28);
    expect(tibetanDate('2013-01-08').day).toBe(26);
  });

  it('names the year: 2024 Wood Dragon, 2025 Wood Snake; royal year and rabjung', () => {
    expect(tibetanDate('2024-03-01')).toMatchObject({ element: 'Wood', animal: 'Dragon', royalYear: 2151, rabjung: 17 });
    expect(tibetanDate('2025-03-10')).toMatchObject({ element: 'Wood', animal: 'Snake', royalYear: 2152 });
  });
});
