import { describe, expect, it } from 'vitest';
import { mandala } from './mandala';

const circles = (svg: string) => [...svg.matchAll(/<circle cx="([^"]+)" cy="([^"]+)" r="([^"]+)"/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])] as const);

describe('intention mandala', () => {
  it('grows the same picture from the same intention, however it is spaced or composed', () => {
    const svg = mandala({ intention: 'peace for all beings' });
    expect(mandala({ intention: '  peace   for all\nbeings ' })).toBe(svg);
    // é as one code point and as e + combining accent
    expect(mandala({ intention: 'bont\u00e9' })).toBe(mandala({ intention: 'bonte\u0301' }));
  });

  it('grows different pictures from different intentions', () => {
    const intentions = ['peace for all beings', 'healing for my mother', 'om mani padme hum', 'may the rains come', 'gratitude', 'Peace for all beings'];
    const pictures = new Set(
      intentions.map((intention) =>
        mandala({ intention })
          .replace(/<title.*<\/desc>/, '')
          .replace(/id="[^"]+"|aria-labelledby="[^"]+"|data-seed="[^"]+"/g, ''),
      ),
    );
    expect(pictures.size).toBe(intentions.length);
  });

  it('has the n-fold rotational symmetry it states: every circle has its rotated twin', () => {
    for (const intention of ['peace for all beings', 'om mani padme hum', 'gratitude']) {
      const size = 600;
      const svg = mandala({ intention, size });
      const fold = Number(/data-symmetry="(\d+)"/.exec(svg)![1]);
      const all = circles(svg);
      const centre = size / 2;
      for (const [x, y, r] of all) {
        const angle = (2 * Math.PI) / fold;
        const [rx, ry] = [centre + (x - centre) * Math.cos(angle) - (y - centre) * Math.sin(angle), centre + (x - centre) * Math.sin(angle) + (y - centre) * Math.cos(angle)];
        const twin = all.some(([ox, oy, or]) => Math.hypot(ox - rx, oy - ry) < 0.02 && Math.abs(or - r) < 0.011);
        expect(twin, `${intention}: circle at ${x},${y}`).toBe(true);
      }
    }
  });

  it('honours a chosen symmetry and ring count, and refuses an empty intention', () => {
    const svg = mandala({ intention: 'metta', symmetry: 7, rings: 3 });
    expect(svg).toContain('data-symmetry="7"');
    expect(svg).toMatch(/7-fold symmetry, 3 rings/);
    expect(() => mandala({ intention: '   ' })).toThrow(/intention/);
  });
});
