import { z } from 'zod';
import { parseInput, VajraError } from '@vajra-stream/core';
import { MAX_PICTURE_SIZE } from '../options/picture-options';

/**
 * Options of {@link renderPng}.
 *
 * @example
 * ```ts
 * await renderPng(svg, { width: 1024, fontFiles: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'], loadSystemFonts: false });
 * ```
 */
export const renderPngOptionsSchema = z
  .object({
    /** Output width in px (height keeps the aspect ratio); default: the SVG's own width. */
    width: z.number().int().min(1).max(MAX_PICTURE_SIZE).optional(),
    /** Font files to load (TrueType/OpenType); text whose fonts are missing is not drawn. */
    fontFiles: z.array(z.string().min(1)).max(64).optional(),
    /** Also load the system's fonts (default true; slower: resvg scans them on every render). */
    loadSystemFonts: z.boolean().default(true),
    /** Family used where the SVG's families are all missing (default 'DejaVu Sans'). */
    defaultFontFamily: z.string().max(100).default('DejaVu Sans'),
  })
  .strict();

/**
 * What {@link renderPng} accepts (validated by {@link renderPngOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: RenderPngOptions = { width: 2048, fontFiles: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' };
 * const png = await renderPng(sriYantra({ size: 1024 }), options);
 * ```
 */
export type RenderPngOptions = z.input<typeof renderPngOptionsSchema>;

interface Resvg {
  renderAsync(svg: string, options?: Record<string, unknown> | null): Promise<{ asPng(): Uint8Array; width: number; height: number }>;
}

let loading: Promise<Resvg | null> | undefined;
// A computed specifier: bundlers leave it alone, so browser bundles never try to include a native module.
const RESVG = '@resvg/resvg-js';

function loadResvg(): Promise<Resvg | null> {
  loading ??= import(/* @vite-ignore */ /* webpackIgnore: true */ RESVG).then(
    (module: Resvg & { default?: Resvg }) => (typeof module.renderAsync === 'function' ? module : (module.default ?? null)),
    () => null,
  );
  return loading;
}

/**
 * True when PNG output works here: `@resvg/resvg-js` (an optional peer) is installed with a binary for
 * this platform. Loaded once, on first use.
 *
 * @example
 * ```ts
 * if (await isPngAvailable()) await writeFile('yantra.png', await renderPng(sriYantra()));
 * ```
 */
export async function isPngAvailable(): Promise<boolean> {
  return (await loadResvg()) !== null;
}

/**
 * Rasterise an SVG to PNG bytes with resvg (off the main thread: resvg renders on libuv's pool).
 * Throws `PNG_RENDERER_UNAVAILABLE` (status 501) when `@resvg/resvg-js` is not installed — it is an
 * optional peer: `npm install @resvg/resvg-js`. Node only.
 *
 * @example
 * ```ts
 * import { flowerOfLife, renderPng } from '@vajra-stream/visuals';
 * const png = await renderPng(flowerOfLife({ size: 512 }), { width: 1024 });
 * ```
 */
export async function renderPng(svg: string, options: RenderPngOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const o = parseInput(renderPngOptionsSchema, options, 'PNG options');
  const resvg = await loadResvg();
  if (resvg === null) {
    throw new VajraError('PNG_RENDERER_UNAVAILABLE', 'PNG output needs the optional peer @resvg/resvg-js (npm install @resvg/resvg-js) on Node', { status: 501 });
  }
  const rendered = await resvg.renderAsync(svg, {
    font: { loadSystemFonts: o.loadSystemFonts, fontFiles: o.fontFiles ?? [], defaultFontFamily: o.defaultFontFamily },
    ...(o.width === undefined ? {} : { fitTo: { mode: 'width', value: o.width } }),
    logLevel: 'off',
  });
  return new Uint8Array(rendered.asPng());
}
