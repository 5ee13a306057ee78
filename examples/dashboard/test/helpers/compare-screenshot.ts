import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';

const references = fileURLToPath(new URL('../__screenshots__/', import.meta.url));
/** Screenshots of the latest run (gitignored). */
export const ACTUAL_SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** How far a screenshot is from another, measured on a coarse grid. */
export interface ScreenshotDifference {
  width: number;
  height: number;
  referenceWidth: number;
  referenceHeight: number;
  /** Mean absolute difference of the RGB channels on a 64-pixel-wide downscale, 0–1. */
  meanDifference: number;
  /** Share of downscaled pixels where some channel differs by more than a quarter of its range. */
  changedCells: number;
}

/**
 * Loose tolerances: the page shows live data (clock, counts, today's sky, spectrum), so only the picture
 * as a whole is compared — layout, colours, where things sit — not its text.
 */
export const SCREENSHOT_TOLERANCE = { meanDifference: 0.06, changedCells: 0.15 };

/**
 * Save `png` as the run's screenshot `name` and measure it against the committed reference
 * (`test/__screenshots__/<name>.png`). With `VAJRA_UPDATE_SCREENSHOTS=1` the reference is rewritten instead
 * (and `null` is returned). The images are decoded and downscaled by the browser itself.
 *
 * @example
 * ```ts
 * const difference = await compareScreenshot(context, 'dashboard-dark', await page.screenshot());
 * ```
 */
export async function compareScreenshot(context: BrowserContext, name: string, png: Buffer): Promise<ScreenshotDifference | null> {
  mkdirSync(ACTUAL_SCREENSHOTS, { recursive: true });
  writeFileSync(join(ACTUAL_SCREENSHOTS, `${name}.png`), png);
  const reference = join(references, `${name}.png`);
  if (process.env.VAJRA_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(references, { recursive: true });
    writeFileSync(reference, png);
    return null;
  }
  if (!existsSync(reference)) throw new Error(`No reference screenshot ${reference}; create it with VAJRA_UPDATE_SCREENSHOTS=1 (see examples/dashboard/README.md)`);
  return differenceOf(context, png, readFileSync(reference));
}

/**
 * The difference of two PNG images, decoded and downscaled in a blank page of `context`.
 *
 * @example
 * ```ts
 * const { meanDifference } = await differenceOf(context, a, b);
 * ```
 */
export async function differenceOf(context: BrowserContext, png: Buffer, referencePng: Buffer): Promise<ScreenshotDifference> {
  const page = await context.newPage();
  try {
    return await page.evaluate(
      async ([a, b]) => {
        const decode = async (base64: string) => createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const [image, reference] = await Promise.all([decode(a), decode(b)]);
        const width = 64;
        const height = Math.max(1, Math.round((64 * image.height) / image.width));
        const pixels = (bitmap: ImageBitmap) => {
          const canvas = new OffscreenCanvas(width, height);
          const context2d = canvas.getContext('2d')!;
          context2d.imageSmoothingQuality = 'high';
          context2d.drawImage(bitmap, 0, 0, width, height);
          return context2d.getImageData(0, 0, width, height).data;
        };
        const [p, q] = [pixels(image), pixels(reference)];
        let sum = 0;
        let changed = 0;
        for (let i = 0; i < p.length; i += 4) {
          let worst = 0;
          for (let c = 0; c < 3; c++) {
            const d = Math.abs(p[i + c]! - q[i + c]!);
            sum += d;
            worst = Math.max(worst, d);
          }
          if (worst > 64) changed += 1;
        }
        const cells = p.length / 4;
        return { width: image.width, height: image.height, referenceWidth: reference.width, referenceHeight: reference.height, meanDifference: sum / (cells * 3 * 255), changedCells: changed / cells };
      },
      [png.toString('base64'), referencePng.toString('base64')] as const,
    );
  } finally {
    await page.close();
  }
}
