/**
 * `@vajra-stream/visuals`: pictures as SVG strings — sacred geometry (Seed and Flower of Life,
 * Metatron's Cube, a solved Sri Yantra, intention mandalas) and data pictures (chart wheel, spectrum,
 * spectrogram, lunar month, Chladni figures). Pure, deterministic and browser-safe; PNG through the
 * optional peer `@resvg/resvg-js` on Node.
 *
 * @example
 * ```ts
 * import { sriYantra, renderPng } from '@vajra-stream/visuals';
 * const svg = sriYantra({ size: 800, theme: 'saffron' });
 * const png = await renderPng(svg);
 * ```
 * @module @vajra-stream/visuals
 */
export { THEMES, THEME_NAMES, type Theme, type ThemeName } from './theme/themes';
export type { ThemeInput } from './theme/resolve-theme';
export { themeSchema, MAX_PICTURE_SIZE } from './options/picture-options';
export { seedOfLife, seedOfLifeOptionsSchema, type SeedOfLifeOptions } from './sacred/seed-of-life';
export { flowerOfLife, flowerOfLifeOptionsSchema, type FlowerOfLifeOptions } from './sacred/flower-of-life';
export { metatronsCube, metatronsCubeOptionsSchema, type MetatronsCubeOptions } from './sacred/metatrons-cube';
export {
  solveSriYantra,
  sriYantraGeometryOptionsSchema,
  CLASSICAL_LINES,
  type SriYantraGeometry,
  type SriYantraGeometryOptions,
  type SriYantraTriangle,
  type SriYantraTriplePoint,
  type YantraPoint,
} from './sacred/solve-sri-yantra';
export { sriYantra, sriYantraOptionsSchema, type SriYantraOptions } from './sacred/sri-yantra';
export { renderPng, isPngAvailable, renderPngOptionsSchema, type RenderPngOptions } from './png/render-png';
export { chartWheel, chartWheelOptionsSchema, type ChartWheelOptions } from './chart/chart-wheel';
export { spectrumPlot, spectrumPlotOptionsSchema, type SpectrumPlotOptions } from './spectrum/spectrum-plot';
export { spectrumDataSchema, type SpectrumData, type BinSpectrum, type BandSpectrum, type SpectrumPeakInput } from './spectrum/spectrum-data';
export { renderPicture, pictureRequestSchemas, PICTURE_KINDS, type PictureKind, type PictureRequest } from './pictures/picture-requests';
export { visualsPlugin, visualsConfigSchema, type VisualsApi, type VisualsConfig } from './plugin/visuals-plugin';
export { spectrogram, spectrogramOptionsSchema, MAX_SPECTROGRAM_FRAMES, MAX_SPECTROGRAM_CELLS, type SpectrogramOptions, type SpectrogramFrame } from './spectrum/spectrogram';
export { chladniPattern, chladniOptionsSchema, type ChladniOptions } from './chladni/chladni-pattern';
export { chladniMode, chladniModeOptionsSchema, PLATE_MATERIALS, type ChladniMode, type ChladniModeOptions } from './chladni/chladni-modes';
export { chladniField } from './chladni/chladni-field';
export { mandala, mandalaOptionsSchema, type MandalaOptions } from './sacred/mandala';
export { lunarMonthStrip, lunarMonthOptionsSchema, type LunarMonthOptions } from './lunar/lunar-month-strip';
