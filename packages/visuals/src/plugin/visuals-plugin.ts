import { z } from 'zod';
import { definePlugin } from '@vajra-stream/core';
import { PICTURE_KINDS, pictureRequestSchemas, renderPicture, type PictureKind, type PictureRequest } from '../pictures/picture-requests';
import { isPngAvailable, renderPng, type RenderPngOptions } from '../png/render-png';
import { spectrogramOptionsSchema } from '../spectrum/spectrogram';
import { spectrumDataSchema } from '../spectrum/spectrum-data';
import { spectrumPlotOptionsSchema } from '../spectrum/spectrum-plot';

const schemas = { pictures: pictureRequestSchemas, spectrumPlot: spectrumPlotOptionsSchema, spectrogram: spectrogramOptionsSchema, spectrumData: spectrumDataSchema } as const;
import { createByteCache } from './byte-cache';

const listSchema = z.union([
  z.array(z.string().min(1)),
  z.string().transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
]);

/**
 * Config section `visuals` of `createVajra({ config })` (env: `VAJRA_VISUALS__CACHE_BYTES`, …).
 *
 * @example
 * ```ts
 * createVajra({ plugins: [visualsPlugin()], config: { visuals: { cacheBytes: 64 << 20 } } });
 * ```
 */
export const visualsConfigSchema = z.object({
  /** Memory for cached pictures (SVG and PNG), bytes (default 32 MiB; 0 turns caching off). */
  cacheBytes: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(32 * 1024 * 1024),
  /** Font files for PNG text (comma-separated in the environment). */
  fontFiles: listSchema.optional(),
  /** Let resvg load the system's fonts for PNG text (default true). */
  loadSystemFonts: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(true),
});

/**
 * The visuals plugin's parsed configuration, defaults applied (see {@link visualsConfigSchema}).
 *
 * @example
 * ```ts
 * const config: VisualsConfig = visualsConfigSchema.parse({ fontFiles: '/fonts/DejaVuSans.ttf,/fonts/NotoSansSymbols.ttf' });
 * // { cacheBytes: 33554432, fontFiles: ['/fonts/DejaVuSans.ttf', '/fonts/NotoSansSymbols.ttf'], loadSystemFonts: true }
 * ```
 */
export type VisualsConfig = z.output<typeof visualsConfigSchema>;

/**
 * What `vajra.plugin('visuals')` returns.
 *
 * @example
 * ```ts
 * const visuals: VisualsApi = vajra.plugin('visuals');
 * const svg = visuals.svg('mandala', { intention: 'peace for all beings', size: 600 });
 * if (await visuals.isPngAvailable()) await writeFile('mandala.png', await visuals.png(svg, { width: 1200 }));
 * visuals.cacheStats(); // { entries: 2, bytes: …, hits: 0, misses: 2 }
 * ```
 */
export interface VisualsApi {
  /** The kinds {@link VisualsApi.svg} draws. */
  readonly kinds: readonly PictureKind[];
  /** The zod schemas of every request (servers validate and document with them). */
  readonly schemas: typeof schemas;
  /** Draw a picture (cached: the same request gives the same bytes, so it is drawn once). A missing chart date is the kernel clock's now. */
  svg<K extends PictureKind>(kind: K, request: PictureRequest<K>): string;
  /** Rasterise an SVG with resvg (cached; fonts from the plugin's config). */
  png(svg: string, options?: Pick<RenderPngOptions, 'width'>): Promise<Uint8Array<ArrayBuffer>>;
  /** Whether the optional peer `@resvg/resvg-js` is installed here. */
  isPngAvailable(): Promise<boolean>;
  /** Cache counters. */
  cacheStats(): { entries: number; bytes: number; hits: number; misses: number };
}

declare module '@vajra-stream/core' {
  interface VajraPluginApis {
    visuals: VisualsApi;
  }
  interface VajraPluginConfigs {
    visuals: z.input<typeof visualsConfigSchema>;
  }
}

/**
 * The visuals plugin: pictures by kind and JSON request with a memory-bounded cache, and PNG output
 * with the configured fonts. Installing it mounts the server's `/api/v1/visuals` routes.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ plugins: [visualsPlugin()] });
 * await vajra.start();
 * const svg = vajra.plugin('visuals').svg('sri-yantra', { size: 600, theme: 'saffron' });
 * ```
 */
export function visualsPlugin() {
  return definePlugin({
    specificationVersion: 'v1',
    id: 'visuals',
    configSchema: visualsConfigSchema,
    setup(ctx): VisualsApi {
      const cache = createByteCache<string | Uint8Array<ArrayBuffer>>(ctx.config.cacheBytes);
      const fonts = { loadSystemFonts: ctx.config.loadSystemFonts, ...(ctx.config.fontFiles ? { fontFiles: ctx.config.fontFiles } : {}) };
      return {
        kinds: PICTURE_KINDS,
        schemas,
        svg(kind, request) {
          const now = ctx.clock.now();
          const dated = { date: undefined, ...request } as { date?: string };
          // a lunar month without a date shows today: one picture per UTC minute is plenty
          const effective = kind === 'lunar-month' && dated.date === undefined ? { ...request, date: new Date(Math.floor(now / 60_000) * 60_000).toISOString() } : request;
          const key = `${kind}\u0000${JSON.stringify(effective)}`;
          const hit = cache.get(key);
          if (typeof hit === 'string') return hit;
          const svg = renderPicture(kind, effective as never, { now });
          // a chart wheel without a date is drawn for this instant: never cached
          if (kind !== 'chart-wheel' || dated.date !== undefined) cache.set(key, svg, svg.length * 2);
          return svg;
        },
        async png(svg, options = {}) {
          const key = `png\u0000${options.width ?? ''}\u0000${svg}`;
          const hit = cache.get(key);
          if (hit instanceof Uint8Array) return hit;
          const png = await renderPng(svg, { ...fonts, ...options });
          cache.set(key, png, png.byteLength);
          return png;
        },
        isPngAvailable,
        cacheStats: () => cache.stats(),
      };
    },
  });
}
