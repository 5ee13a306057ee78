import { chart } from '@vajra-stream/astrology';
import { describe, expect, it } from 'vitest';
import { chartWheel, flowerOfLife, metatronsCube, renderPicture, seedOfLife, spectrumPlot, sriYantra, THEMES } from '../src/index';
import { syntheticSpectrum } from './golden-cases';

describe('deterministic, well-formed SVG', () => {
  const pictures: Record<string, () => string> = {
    seed: () => seedOfLife(),
    flower: () => flowerOfLife({ rings: 3 }),
    metatron: () => metatronsCube(),
    yantra: () => sriYantra({ construction: 'concentric' }),
    wheel: () => chartWheel(chart({ date: '2000-01-01T12:00:00Z', latitude: -33.9, longitude: 151.2 })),
    spectrum: () => spectrumPlot(syntheticSpectrum([[440, -6]])),
  };

  for (const [name, draw] of Object.entries(pictures)) {
    it(`${name}: the same input gives byte-identical output, with an accessible name and description`, () => {
      const svg = draw();
      expect(draw()).toBe(svg);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+" role="img" aria-labelledby="([\w-]+)-title \1-desc"/);
      const prefix = /aria-labelledby="([\w-]+)-title/.exec(svg)![1];
      expect(svg).toContain(`<title id="${prefix}-title">`);
      expect(svg).toContain(`<desc id="${prefix}-desc">`);
      // numbers are written with at most two decimals and never as -0 or in exponent form
      const drawing = svg.replace(/<title.*<\/desc>/, '').replace(/data-residual="[^"]*"/, '');
      expect(drawing).not.toMatch(/\d\.\d{3,}|[^\w]-0[^.\d]|\de[+-]\d/);
    });
  }

  it('different pictures get different id prefixes (safe to inline several in one page)', () => {
    const ids = [flowerOfLife(), flowerOfLife({ rings: 3 }), seedOfLife()].map((svg) => /aria-labelledby="([\w-]+)-title/.exec(svg)![1]);
    expect(new Set(ids).size).toBe(3);
  });

  it('escapes text and refuses colours that are not colours', () => {
    const svg = flowerOfLife({ title: '<script>alert("om")</script> & more' });
    expect(svg).toContain('&lt;script&gt;alert(&quot;om&quot;)&lt;/script&gt; &amp; more');
    expect(svg).not.toContain('<script>');
    expect(() => flowerOfLife({ theme: { foreground: 'red" onload="x' } })).toThrow(/CSS colour/);
    expect(() => flowerOfLife({ rings: 2, nonsense: 1 } as never)).toThrow(/nonsense/);
  });

  it('applies themes and partial themes', () => {
    expect(flowerOfLife({ theme: 'dark' })).toContain(`fill="${THEMES.dark.background}"`);
    const custom = flowerOfLife({ theme: { base: 'dark', foreground: '#ff9933', background: 'none' } });
    expect(custom).toContain('stroke="#ff9933"');
    expect(custom).not.toContain(`fill="${THEMES.dark.background}"`);
  });

  it('draws every picture kind from a JSON request', () => {
    expect(renderPicture('chart-wheel', { latitude: 27.7, longitude: 85.3, date: '2025-01-01T00:00:00Z', size: 300 })).toContain('data-body="sun"');
    expect(renderPicture('sri-yantra', { size: 200 })).toContain('data-residual');
    expect(() => renderPicture('nope' as never, {} as never)).toThrow(/Unknown picture kind/);
  });
});
