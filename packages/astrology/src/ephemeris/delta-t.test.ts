import { describe, expect, it } from 'vitest';
import { createDeltaTFunction, deltaTForYear } from './delta-t';
import { deltaT } from '../time/delta-t-at';

// Source: USNO / IERS monthly TT − UT1 ("deltat.data", maia.usno.navy.mil/ser7), as archived in
// cosinekitty/astronomy generate/delta_t/recent.txt.
const USNO: Array<[string, number]> = [
  ['1973-02-01', 43.4724],
  ['1980-07-01', 50.9761],
  ['1990-01-01', 56.8553],
  ['2000-01-01', 63.8285],
  ['2005-07-01', 64.7995],
  ['2010-07-01', 66.2409],
  ['2015-01-01', 67.6439],
  ['2018-07-01', 69.1134],
  ['2019-01-01', 69.2201],
];

describe('ΔT', () => {
  it.each(USNO)('matches USNO/IERS on %s (%f s) within 0.1 s', (day, value) => {
    expect(Math.abs(deltaT(`${day}T00:00:00Z`) - value)).toBeLessThan(0.1);
  });

  it('is continuous where the table hands over to the historical polynomial and to the extrapolation', () => {
    const f = createDeltaTFunction(() => -2.72);
    const dayOf = (year: number) => (year - 2000) * 365.2425 - 0.5;
    expect(Math.abs(f(dayOf(1900) - 1) - f(dayOf(1900) + 1))).toBeLessThan(0.05);
    expect(Math.abs(deltaTForYear(2024.999)! - deltaTForYear(2025.001)!)).toBeLessThan(0.01);
  });

  it('extrapolates after 2025 with the documented formula (0.1 s/yr + 32.5 s/cy²), far below Espenak–Meeus', () => {
    expect(deltaTForYear(2050)).toBeCloseTo(69.14 + 2.5 + 32.5 * 0.0625, 6);
    expect(deltaTForYear(2100)).toBeCloseTo(69.14 + 7.5 + 32.5 * 0.5625, 6);
  });
});
