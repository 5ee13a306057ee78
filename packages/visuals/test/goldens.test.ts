import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES } from './golden-cases';
import { comparePixels, decodePng, rasterise, readPng } from './helpers/raster';

// Each picture, rasterised by resvg with only the DejaVu fonts, must match its committed golden PNG:
// mean per-pixel difference (largest channel difference, 0–255) at most 1.5, and at most 0.5 % of pixels
// off by more than 40 — room for anti-aliasing changes between resvg builds, none for a moved line.
describe('golden pictures', () => {
  for (const [name, draw] of Object.entries(GOLDEN_CASES)) {
    it(`${name} matches its golden PNG`, async () => {
      const golden = new URL(`./__fixtures__/goldens/${name}.png`, import.meta.url);
      expect(existsSync(golden), `missing golden ${name}.png: run pnpm --filter @vajra-stream/visuals goldens`).toBe(true);
      const difference = comparePixels(decodePng(await rasterise(draw())), readPng(golden.pathname));
      expect(difference.mean).toBeLessThanOrEqual(1.5);
      expect(difference.changedFraction).toBeLessThanOrEqual(0.005);
    });
  }

  it('notices a changed picture (the comparison can fail)', async () => {
    const golden = readPng(new URL('./__fixtures__/goldens/sri-yantra.png', import.meta.url).pathname);
    const moved = decodePng(
      await rasterise(
        GOLDEN_CASES['sri-yantra']!()
          .replace('<svg ', '<svg style="transform: translate(3px, 0)" ')
          .replace(/<g stroke=/, '<g transform="translate(3 0)" stroke='),
      ),
    );
    expect(comparePixels(moved, golden).changedFraction).toBeGreaterThan(0.005);
  });
});
