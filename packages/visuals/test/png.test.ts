import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { flowerOfLife, isPngAvailable, renderPng } from '../src/index';
import { decodePng } from './helpers/raster';

const root = new URL('../../../', import.meta.url).pathname;
const here = new URL('./helpers/', import.meta.url).pathname;

describe('PNG through the optional resvg peer', () => {
  it('rasterises at the picture size, or at the width asked for', async () => {
    expect(await isPngAvailable()).toBe(true);
    const svg = flowerOfLife({ size: 200 });
    const png = await renderPng(svg, { loadSystemFonts: false });
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(decodePng(png).width).toBe(200);
    const wide = decodePng(await renderPng(svg, { width: 333, loadSystemFonts: false }));
    expect([wide.width, wide.height]).toEqual([333, 333]);
  });

  it('without @resvg/resvg-js installed, says so with a typed error (child process that cannot resolve it)', () => {
    const output = execFileSync(`${root}node_modules/.bin/tsx`, ['--tsconfig', `${root}tsconfig.json`, '--import', `${here}without-resvg.mjs`, `${here}png-missing-probe.ts`], {
      encoding: 'utf8',
      cwd: root,
      timeout: 60_000,
    });
    const report = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(report).toMatchObject({ available: false, rendered: false, code: 'PNG_RENDERER_UNAVAILABLE', status: 501 });
    expect(report.message).toMatch(/npm install @resvg\/resvg-js/);
  });
});
