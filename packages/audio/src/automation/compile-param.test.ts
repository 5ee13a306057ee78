import { describe, expect, it } from 'vitest';
import { compileParam } from './compile-param';

function numericIntegral(f: (t: number) => number, t: number): number {
  const steps = 200_000;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += f(((i + 0.5) * t) / steps);
  return (sum * t) / steps;
}

describe('compileParam', () => {
  it('holds, ramps and steps between keyframes', () => {
    const p = compileParam([
      { at: 1, value: 100, curve: 'linear' },
      { at: 3, value: 300, curve: 'linear' },
      { at: 4, value: 50, curve: 'step' },
      { at: 6, value: 200, curve: 'exponential' },
    ]);
    expect(p.valueAt(0)).toBe(100);
    expect(p.valueAt(2)).toBeCloseTo(200, 9);
    expect(p.valueAt(3.99)).toBe(300);
    expect(p.valueAt(4)).toBe(50);
    expect(p.valueAt(5)).toBeCloseTo(100, 9); // geometric mean of 50 and 200
    expect(p.valueAt(10)).toBe(200);
  });

  it('integrates exactly (matches a numeric midpoint integral)', () => {
    const p = compileParam([
      { at: 0.5, value: 100, curve: 'linear' },
      { at: 2, value: 400, curve: 'exponential' },
      { at: 3, value: 150, curve: 'linear' },
    ]);
    for (const t of [0.25, 1, 1.7, 2.5, 4]) {
      expect(p.integralAt(t)).toBeCloseTo(
        numericIntegral((x) => p.valueAt(x), t),
        3,
      );
    }
  });
});
