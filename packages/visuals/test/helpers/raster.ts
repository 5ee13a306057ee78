import { existsSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { renderPng } from '../../src/index';

/** The fonts goldens are drawn with (Debian's fonts-dejavu-core, installed by scripts/ensure-tools.mjs). */
export const GOLDEN_FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];

/** Rasterise with resvg using only the DejaVu fonts, so the result does not depend on the machine's other fonts. */
export async function rasterise(svg: string): Promise<Uint8Array> {
  const missing = GOLDEN_FONTS.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`Missing ${missing.join(', ')}: install Debian's fonts-dejavu-core (scripts/ensure-tools.mjs does, as root)`);
  return renderPng(svg, { loadSystemFonts: false, fontFiles: GOLDEN_FONTS });
}

/** Decoded RGBA pixels. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

export function decodePng(bytes: Uint8Array): Pixels {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

export function readPng(path: string): Pixels {
  return decodePng(readFileSync(path));
}

/** Per-pixel difference: the largest channel difference of each pixel (0–255). */
export interface PixelDifference {
  /** Mean over all pixels of the per-pixel difference. */
  mean: number;
  /** Fraction of pixels whose difference exceeds 40. */
  changedFraction: number;
}

export function comparePixels(actual: Pixels, expected: Pixels): PixelDifference {
  if (actual.width !== expected.width || actual.height !== expected.height) return { mean: 255, changedFraction: 1 };
  let total = 0;
  let changed = 0;
  for (let offset = 0; offset < actual.data.length; offset += 4) {
    let difference = 0;
    for (let channel = 0; channel < 4; channel++) difference = Math.max(difference, Math.abs(actual.data[offset + channel]! - expected.data[offset + channel]!));
    total += difference;
    if (difference > 40) changed++;
  }
  const pixels = actual.width * actual.height;
  return { mean: total / pixels, changedFraction: changed / pixels };
}
