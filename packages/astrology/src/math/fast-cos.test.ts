import { describe, expect, it } from 'vitest';
import { fastCos, fastSin } from './fast-cos';

describe('fastCos / fastSin', () => {
  it('agree with Math.cos / Math.sin within 1e-10 over ±1e5 rad', () => {
    let worst = 0;
    for (let i = 0; i <= 200_000; i++) {
      const x = -1e5 + i * 1.0000037; // irrational-ish step: samples every phase
      worst = Math.max(worst, Math.abs(fastCos(x) - Math.cos(x)), Math.abs(fastSin(x) - Math.sin(x)));
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('is exact at the quadrant points to 1e-10', () => {
    expect(fastCos(0)).toBe(1);
    expect(Math.abs(fastCos(Math.PI) + 1)).toBeLessThan(1e-10);
    expect(Math.abs(fastSin(Math.PI / 2) - 1)).toBeLessThan(1e-10);
    expect(Math.abs(fastSin(-Math.PI / 2) + 1)).toBeLessThan(1e-10);
  });
});
