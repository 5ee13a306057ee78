import { z } from 'zod';
import { parseInput, VajraError } from '@vajra-stream/core';
import { pictureContext } from '../options/picture-context';
import { dimensionSchema, pictureOptionsShape } from '../options/picture-options';
import { element, textElement } from '../svg/element';
import { num } from '../svg/format-number';
import { polylineData, type Point } from '../svg/path-data';
import { svgDocument } from '../svg/svg-document';
import { createFrequencyScale } from './frequency-scale';
import { frequencyAxis, plotArea, plotBorder } from './plot-frame';
import { levelSource, spectrumDataSchema, type SpectrumData } from './spectrum-data';

/** Frequency range and level range options shared by the spectrum plot and the spectrogram. */
export const spectrumRangeShape = {
  /** Lowest frequency shown, Hz (default 20). */
  minFrequency: z.number().positive().max(96_000).default(20),
  /** Highest frequency shown, Hz (default 20 000). */
  maxFrequency: z.number().positive().max(200_000).default(20_000),
  /** Frequency axis (default `log`). */
  scale: z.enum(['log', 'linear']).default('log'),
  /** Bottom of the level range, dB (default −120). */
  minDecibels: z.number().min(-400).max(100).default(-120),
  /** Top of the level range, dB (default 0: a full-scale sine). */
  maxDecibels: z.number().min(-300).max(200).default(0),
};

/** Check the ranges make sense (an empty range is refused, not drawn blank). */
export function checkRanges(o: { minFrequency: number; maxFrequency: number; minDecibels: number; maxDecibels: number }): void {
  if (!(o.maxFrequency > o.minFrequency)) throw new VajraError('VALIDATION_FAILED', 'maxFrequency must be above minFrequency', { status: 422 });
  if (!(o.maxDecibels > o.minDecibels)) throw new VajraError('VALIDATION_FAILED', 'maxDecibels must be above minDecibels', { status: 422 });
}

/**
 * Options of {@link spectrumPlot}.
 *
 * @example
 * ```ts
 * spectrumPlotOptionsSchema.parse({ width: 800, height: 300, minFrequency: 50, maxFrequency: 2000, peaks: 3 });
 * ```
 */
export const spectrumPlotOptionsSchema = z
  .object({
    width: dimensionSchema(720),
    height: dimensionSchema(320),
    ...spectrumRangeShape,
    /** How many of the strongest peaks to mark and label (default 5). */
    peaks: z.number().int().min(0).max(32).default(5),
    ...pictureOptionsShape,
  })
  .strict();

/**
 * What {@link spectrumPlot} accepts (validated by {@link spectrumPlotOptionsSchema}).
 *
 * @example
 * ```ts
 * const options: SpectrumPlotOptions = { width: 960, height: 360, minFrequency: 100, maxFrequency: 2000, scale: 'linear', minDecibels: -90, maxDecibels: 0, peaks: 3 };
 * const svg = spectrumPlot(spectrum, options);
 * ```
 */
export type SpectrumPlotOptions = z.input<typeof spectrumPlotOptionsSchema>;

/** `432 Hz`, `7.83 Hz`, `1234 Hz`. */
export function hertzLabel(frequency: number): string {
  return `${frequency < 100 ? frequency.toFixed(2) : frequency < 1000 ? frequency.toFixed(1) : frequency.toFixed(0)} Hz`;
}

/**
 * A spectrum plot: level (dB) against frequency (log or linear) with grid and labels, the curve of
 * `analyzeSpectrum()` bins (highest bin per pixel column) or the bars of an `audio:spectrum` frame's
 * bands, and the strongest peaks marked with their frequencies.
 *
 * @example
 * ```ts
 * import { analyzeSpectrum, renderToBuffer } from '@vajra-stream/audio';
 * import { spectrumPlot } from '@vajra-stream/visuals';
 * const audio = renderToBuffer({ duration: 1, layers: [{ kind: 'tone', frequency: 528 }] });
 * const svg = spectrumPlot(analyzeSpectrum(audio.channels[0], audio.sampleRate, { fftSize: 16384 }), { maxFrequency: 4000 });
 * ```
 */
export function spectrumPlot(spectrum: SpectrumData, options: SpectrumPlotOptions = {}): string {
  const data = parseInput(spectrumDataSchema, spectrum, 'spectrum') as SpectrumData;
  const { options: o, theme, idPrefix } = pictureContext('spectrum', spectrumPlotOptionsSchema, options, spectrumKey(data));
  checkRanges(o);
  const area = plotArea(o.width, o.height);
  const scale = createFrequencyScale({ ...o, start: area.left, end: area.right });
  const source = levelSource(data, o.minDecibels);
  const toY = (level: number) => area.bottom - ((Math.min(o.maxDecibels, Math.max(o.minDecibels, level)) - o.minDecibels) / (o.maxDecibels - o.minDecibels)) * (area.bottom - area.top);
  const body = [frequencyAxis(area, scale, theme, 'x'), levelAxis(area, o, toY, theme)];
  if (source.bands.length > 0) {
    const bars = source.bands
      .filter((band) => band.high > o.minFrequency && band.low < o.maxFrequency)
      .map((band) => {
        const [x0, x1] = [scale.toPosition(Math.max(band.low, o.minFrequency)), scale.toPosition(Math.min(band.high, o.maxFrequency))];
        const y = toY(band.level);
        return element('rect', { x: x0 + 0.5, y, width: Math.max(0.5, x1 - x0 - 1), height: area.bottom - y });
      });
    body.push(element('g', { fill: theme.accent, 'fill-opacity': 0.75 }, bars));
  } else {
    const points: Point[] = [];
    for (let x = Math.floor(area.left); x < area.right; x++) {
      const [low, high] = [scale.toFrequency(Math.max(area.left, x)), scale.toFrequency(Math.min(area.right, x + 1))];
      points.push([x + 0.5, toY(source.levelBetween(low, high))]);
    }
    const outline = polylineData(points);
    body.push(element('path', { d: `${outline}L${num(points.at(-1)![0])} ${num(area.bottom)}L${num(points[0]![0])} ${num(area.bottom)}Z`, fill: theme.accent, 'fill-opacity': 0.18 }));
    body.push(element('path', { d: outline, fill: 'none', stroke: theme.accent, 'stroke-width': 1.25, 'stroke-linejoin': 'round', 'data-series': 'spectrum' }));
  }
  const shown = source.peaks.filter((p) => p.frequency >= o.minFrequency && p.frequency <= o.maxFrequency).slice(0, o.peaks);
  body.push(peakMarks(shown, scale.toPosition, toY, area, theme));
  body.push(plotBorder(area, theme));
  return svgDocument({
    width: o.width,
    height: o.height,
    theme,
    idPrefix,
    title: o.title ?? 'Spectrum',
    description:
      o.description ??
      `Spectrum from ${o.minFrequency} Hz to ${o.maxFrequency} Hz (${o.scale} axis), levels from ${o.minDecibels} dB to ${o.maxDecibels} dB.${shown.length > 0 ? ` Strongest peaks: ${shown.map((p) => `${hertzLabel(p.frequency)} at ${p.magnitude.toFixed(1)} dB`).join(', ')}.` : ''}`,
    body,
  });
}

function levelAxis(area: ReturnType<typeof plotArea>, o: { minDecibels: number; maxDecibels: number }, toY: (level: number) => number, theme: { grid: string; muted: string }): string {
  const span = o.maxDecibels - o.minDecibels;
  const step = span > 100 ? 20 : span > 40 ? 10 : span > 15 ? 5 : span > 6 ? 2 : 1;
  const grid: string[] = [];
  const labels: string[] = [];
  for (let level = Math.ceil(o.minDecibels / step) * step; level <= o.maxDecibels; level += step) {
    const y = toY(level);
    grid.push(element('line', { x1: area.left, y1: y, x2: area.right, y2: y }));
    labels.push(textElement(String(level), { x: area.left - area.fontSize * 0.4, y, 'text-anchor': 'end', 'dominant-baseline': 'central' }));
  }
  labels.push(textElement('dB', { x: area.fontSize * 0.3, y: area.top - area.fontSize * 0.2, 'dominant-baseline': 'central' }));
  return element('g', {}, [element('g', { stroke: theme.grid, 'stroke-width': 1 }, grid), element('g', { fill: theme.muted, 'font-size': area.fontSize }, labels)]);
}

function peakMarks(
  peaks: Array<{ frequency: number; magnitude: number }>,
  toX: (f: number) => number,
  toY: (level: number) => number,
  area: ReturnType<typeof plotArea>,
  theme: { foreground: string; accent: string },
): string {
  const marks = peaks.map((peak) => {
    const [x, y] = [toX(peak.frequency), toY(peak.magnitude)];
    const labelY = Math.max(area.top + area.fontSize, y - area.fontSize * 0.8);
    return element('g', { 'data-peak': num(peak.frequency) }, [
      element('circle', { cx: x, cy: y, r: area.fontSize * 0.28, fill: theme.accent }),
      textElement(hertzLabel(peak.frequency), { x, y: labelY, 'text-anchor': 'middle' }),
    ]);
  });
  return element('g', { fill: theme.foreground, 'font-size': area.fontSize * 0.9 }, marks);
}

/** A cheap fingerprint of spectrum data for the id prefix. */
export function spectrumKey(data: SpectrumData): string {
  const values = 'bands' in data ? data.bands : data.magnitudes;
  let sum = 0;
  for (let i = 0; i < values.length; i += Math.max(1, Math.floor(values.length / 64))) sum += (values[i] ?? 0) * (i + 1);
  return `${values.length}:${sum}`;
}
