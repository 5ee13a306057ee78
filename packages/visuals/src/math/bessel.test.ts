import { describe, expect, it } from 'vitest';
import { besselJ, besselZeros } from './bessel';

// Reference values: Abramowitz & Stegun, Handbook of Mathematical Functions, Table 9.1 (J0, J1) and
// Table 9.5 (zeros j_{n,s}), to the digits printed there.
describe('Bessel functions of the first kind', () => {
  it('matches tabulated values of J0 and J1', () => {
    expect(besselJ(0, 1)).toBeCloseTo(0.7651976865579666, 14);
    expect(besselJ(1, 1)).toBeCloseTo(0.4400505857449335, 14);
    expect(besselJ(0, 10)).toBeCloseTo(-0.2459357644513483, 14);
    expect(besselJ(1, 10)).toBeCloseTo(0.0434727461688614, 14);
    expect(besselJ(0, 0)).toBe(1);
    expect(besselJ(3, 0)).toBeCloseTo(0, 15);
    expect(besselJ(-1, 1)).toBeCloseTo(-0.4400505857449335, 14);
  });

  it('finds the tabulated zeros', () => {
    const table: Record<number, number[]> = {
      0: [2.4048255577, 5.5200781103, 8.6537279129, 11.7915344391, 14.9309177086],
      1: [3.8317059702, 7.0155866698, 10.1734681351, 13.3236919363],
      2: [5.1356223018, 8.4172441404, 11.6198411721],
      3: [6.3801618959, 9.76102313, 13.0152007217],
      5: [8.771483816, 12.3386041975],
    };
    for (const [order, zeros] of Object.entries(table)) {
      const found = besselZeros(Number(order), zeros.length);
      zeros.forEach((zero, index) => expect(found[index]).toBeCloseTo(zero, 9));
      for (const zero of found) expect(Math.abs(besselJ(Number(order), zero))).toBeLessThan(1e-14);
    }
  });
});
