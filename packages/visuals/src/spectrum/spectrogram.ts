import { z } from 'zod';
import { parseInput, VajraError } from '@vajra-stream/core';
import { pictureContext } from '../options/picture-context';
import { dimensionSchema, pictureOptionsShape } from '../options/picture-options';
import { element, textElement } from '../svg/element';
import { num } from '../svg/format-number';
import { svgDocument } from '../svg/svg-document';
import { createColorRamp } from '../theme/color-ramp';
import { createFrequencyScale } from './frequency-scale';
import { frequencyAxis, plotArea, plotBorder, type PlotArea } from './plot-frame';
import { levelSource, spectrumDataSchema, type SpectrumData } from './spectrum-data';
import { checkRanges, spectrumKey, spectrumRangeShape } from './spectrum-plot';

/**
 * Most frames one spectrogram takes.
 *
 * @example
 * ```ts
 * spectrogram(frames.slice(-MAX_SPECTROGRAM_FRAMES));
 * ```
 */
export const MAX_SPECTROGRAM_FRAMES = 2048;
/**
 * Most cells (frames × rows) one spectrogram draws: about 0.15 s of work.
 *
 * @example
 * ```ts
 * spectrogram(frames, { rows: Math.floor(MAX_SPECTROGRAM_CELLS / frames.length) });
 * ```
 */
export const MAX_SPECTROGRAM_CELLS = 262_144;

/**
 * Options of {@link spectrogram}.
 *
 * @example
 * ```ts
 * spectrogramOptionsSchema.parse({ rows: 96, minDecibels: -90, maxFrequency: 2000 });
 * ```
 */
export const spectrogramOptionsSchema = z
  .object({
    width: dimensionSchema(720),
    height: dimensionSchema(320),
    ...spectrumRangeShape,
    minDecibels: spectrumRangeShape.minDecibels.default(-100),
    /** Frequency rows drawn (default 128). */
    rows: z.number().int().min(8).max(1024).default(128),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link spectrogram} accepts (validated by {@link spectrogramOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: SpectrogramOptions = { width: 960, height: 320, rows: 96, minFrequency: 50, maxFrequency: 2000, scale: 'log', minDecibels: -90, theme: 'dark' };
 * const svg = spectrogram(frames, options);
 * ```
 */
export type SpectrogramOptions = z.input<typeof spectrogramOptionsSchema>;

/**
 * One column of a spectrogram: a spectrum and, optionally, its time in seconds.
 *
 * @example
 * ```ts
 * const frames: SpectrogramFrame[] = [];
 * vajra.events.on('audio:spectrum', (frame) => void frames.push({ bands: frame.bands, peaks: frame.peaks, time: frame.position })); // seconds into the program
 * const svg = spectrogram(frames.slice(-MAX_SPECTROGRAM_FRAMES), { theme: 'dark' });
 * ```
 */
export type SpectrogramFrame = SpectrumData & { time?: number };

const LEVELS = 48;

/**
 * A spectrogram: time across, frequency up (log or linear), level as colour from the theme's ramp. Each
 * frame is a spectrum from `analyzeSpectrum()` (short-time windows of a render) or an `audio:spectrum`
 * frame from the live engine; frame times (`time`, or an `audio:spectrum` frame's `position`) label
 * the time axis, frame numbers otherwise.
 *
 * @example
 * ```ts
 * const frames = [];
 * for (let t = 0; t < 10; t += 0.1) frames.push({ time: t, ...analyzeSpectrum(left.subarray(t * 48000, t * 48000 + 4096), 48000, { fftSize: 4096 }) });
 * const svg = spectrogram(frames, { maxFrequency: 2000, theme: 'dark' });
 * ```
 */
export function spectrogram(frames: readonly SpectrogramFrame[], options: SpectrogramOptions = {}): string {
  if (!Array.isArray(frames) || frames.length === 0 || frames.length > MAX_SPECTROGRAM_FRAMES) {
    throw new VajraError('VALIDATION_FAILED', `A spectrogram needs 1…${MAX_SPECTROGRAM_FRAMES} frames`, { status: 422 });
  }
  const data = frames.map((frame, index) => parseInput(spectrumDataSchema, frame, `frame ${index}`) as SpectrogramFrame);
  const times = frames.map((frame) => (frame as { time?: unknown; position?: unknown }).time ?? (frame as { position?: unknown }).position);
  const timed = times.every((t) => typeof t === 'number' && Number.isFinite(t));
  const { options: o, theme, idPrefix } = pictureContext('spectrogram', spectrogramOptionsSchema, options, `${data.length}:${spectrumKey(data[0]!)}:${spectrumKey(data.at(-1)!)}`);
  checkRanges(o);
  if (data.length * o.rows > MAX_SPECTROGRAM_CELLS) {
    throw new VajraError('VALIDATION_FAILED', `frames × rows may be at most ${MAX_SPECTROGRAM_CELLS} (got ${data.length} × ${o.rows})`, { status: 422 });
  }
  const area = plotArea(o.width, o.height);
  const scale = createFrequencyScale({ ...o, start: area.bottom, end: area.top });
  const ramp = createColorRamp(theme.ramp, LEVELS);
  const columnWidth = (area.right - area.left) / data.length;
  const rowHeight = (area.bottom - area.top) / o.rows;
  // row edges in Hz, shared by every column
  const edges = Array.from({ length: o.rows + 1 }, (_, row) => scale.toFrequency(area.bottom - row * rowHeight));
  const rowY = edges.map((_, row) => num(area.bottom - row * rowHeight));
  const span = o.maxDecibels - o.minDecibels;
  const cells: string[] = [];
  data.forEach((frame, index) => {
    const source = levelSource(frame, o.minDecibels);
    const x = num(area.left + index * columnWidth);
    const width = num(columnWidth + 0.02);
    let runStart = 0;
    let runColor = '';
    for (let row = 0; row <= o.rows; row++) {
      const color = row < o.rows ? ramp((source.levelBetween(edges[row]!, edges[row + 1]!) - o.minDecibels) / span) : '';
      if (color === runColor) continue;
      // one rect per run of equal colour in the column (a hand-written element: this loop makes thousands)
      if (row > 0) cells.push(`<rect x="${x}" y="${rowY[row]}" width="${width}" height="${num((row - runStart) * rowHeight + 0.02)}" fill="${runColor}"/>`);
      [runStart, runColor] = [row, color];
    }
  });
  const [first, last] = timed ? [times[0] as number, times.at(-1) as number] : [0, data.length - 1];
  return svgDocument({
    width: o.width,
    height: o.height,
    theme,
    idPrefix,
    title: o.title ?? 'Spectrogram',
    description:
      o.description ??
      `Spectrogram of ${data.length} spectra${timed ? ` from ${first.toFixed(2)} s to ${last.toFixed(2)} s` : ''}, ${o.minFrequency}–${o.maxFrequency} Hz (${o.scale} axis), colour from ${o.minDecibels} dB to ${o.maxDecibels} dB.`,
    body: [element('g', { 'shape-rendering': 'crispEdges' }, cells), frequencyAxis(area, scale, theme, 'y'), timeAxis(area, first, last, timed, theme), plotBorder(area, theme)],
  });
}

function timeAxis(area: PlotArea, first: number, last: number, timed: boolean, theme: { muted: string }): string {
  const span = Math.max(last - first, 1e-9);
  const raw = span / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = (raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10) * power;
  const labels: string[] = [];
  for (let t = Math.ceil(first / step) * step; t <= last + step * 1e-6; t += step) {
    const x = area.left + ((t - first) / span) * (area.right - area.left);
    labels.push(textElement(Number(t.toPrecision(10)).toString(), { x, y: area.bottom + area.fontSize * 1.2, 'text-anchor': 'middle' }));
  }
  labels.push(textElement(timed ? 's' : 'frame', { x: area.right, y: area.bottom + area.fontSize * 2.4, 'text-anchor': 'end' }));
  return element('g', { fill: theme.muted, 'font-size': area.fontSize }, labels);
}
