import { describe, expect, it } from 'vitest';
import { aspects } from './aspects';
import { chart } from '../chart/chart';

describe('aspects', () => {
  it('finds the Sun–Moon conjunction at the 2024 Apr 8 total solar eclipse (NASA: greatest eclipse 18:17 UT), applying before and separating after', () => {
    const before = aspects(chart({ date: '2024-04-08T16:00:00Z', latitude: 0, longitude: 0 }));
    const conj = before.find((x) => x.a === 'sun' && x.b === 'moon' && x.aspect === 'conjunction')!;
    expect(conj).toBeDefined();
    expect(conj.orb).toBeLessThan(2);
    expect(conj.applying).toBe(true);
    const after = aspects(chart({ date: '2024-04-08T21:00:00Z', latitude: 0, longitude: 0 }));
    expect(after.find((x) => x.a === 'sun' && x.b === 'moon' && x.aspect === 'conjunction')!.applying).toBe(false);
  });

  it('respects configured orbs and the luminary bonus', () => {
    const c = chart({ date: '2024-04-08T16:00:00Z', latitude: 0, longitude: 0 });
    const tight = aspects(c, { orbs: { conjunction: 0.5, sextile: 0.5, square: 0.5, trine: 0.5, opposition: 0.5 } });
    expect(tight.every((x) => x.orb <= 0.5)).toBe(true);
    expect(tight.find((x) => x.a === 'sun' && x.b === 'moon')).toBeUndefined();
    const bonus = aspects(c, { orbs: { conjunction: 0.5 }, luminaryBonus: 2 });
    expect(bonus.find((x) => x.a === 'sun' && x.b === 'moon' && x.aspect === 'conjunction')).toBeDefined();
  });

  it('marks applying exactly when the orb shrinks over the next hour', () => {
    const t = Date.parse('2023-09-01T00:00:00Z');
    const now = aspects(chart({ date: t, latitude: 0, longitude: 0 }), { orbs: { conjunction: 10, sextile: 10, square: 10, trine: 10, opposition: 10 } });
    const later = aspects(chart({ date: t + 3_600_000, latitude: 0, longitude: 0 }), { orbs: { conjunction: 11, sextile: 11, square: 11, trine: 11, opposition: 11 } });
    expect(now.length).toBeGreaterThan(5);
    for (const x of now) {
      const y = later.find((z) => z.a === x.a && z.b === x.b && z.aspect === x.aspect)!;
      if (Math.abs(y.orb - x.orb) > 1e-6) expect(x.applying, `${x.a}-${x.b} ${x.aspect}`).toBe(y.orb < x.orb);
    }
  });
});
