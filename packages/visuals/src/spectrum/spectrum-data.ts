import { z } from 'zod';
import { VajraError } from '@vajra-stream/core';

const MAX_BINS = 1 << 18;
const isNumbers = (value: unknown) =>
  value instanceof Float32Array || value instanceof Float64Array ? value.length <= MAX_BINS : Array.isArray(value) && value.length <= MAX_BINS && value.every((item) => typeof item === 'number');
// typed arrays straight from analyzeSpectrum(), or plain JSON arrays
const numbers = z
  .custom<ArrayLike<number>>(isNumbers, { message: `an array of at most ${MAX_BINS} numbers (or a Float32Array / Float64Array)` })
  .meta({ type: 'array', items: { type: 'number' }, maxItems: MAX_BINS } as Record<string, unknown>);
const peaksSchema = z.array(z.looseObject({ frequency: z.number().positive(), magnitude: z.number() })).max(256);

/**
 * The spectra the plots accept: the `Spectrum` of `analyzeSpectrum()` in `@vajra-stream/audio`
 * (bin `frequencies` and sine-calibrated dB `magnitudes`, with `peaks`), or an `audio:spectrum` frame
 * (`bands`: dB levels of log-spaced bands from 20 Hz to 20 kHz, with `peaks`). Extra fields are ignored.
 *
 * @example
 * ```ts
 * spectrumDataSchema.parse({ bands: frame.bands, peaks: frame.peaks });
 * ```
 */
export const spectrumDataSchema = z.union([
  z.looseObject({ frequencies: numbers, magnitudes: numbers, peaks: peaksSchema.optional() }),
  z.looseObject({
    bands: z.array(z.number()).min(1).max(1024),
    /** Band edges in Hz (bands + 1 of them); default: log-spaced from 20 Hz to 20 kHz like `audio:spectrum` frames. */
    bandEdges: z.array(z.number().positive()).optional(),
    peaks: peaksSchema.optional(),
  }),
]);
/**
 * A peak marked on a plot.
 *
 * @example
 * ```ts
 * const peaks: SpectrumPeakInput[] = [{ frequency: 528, magnitude: -6.2 }, { frequency: 1056, magnitude: -31 }]; // Hz, dB
 * const svg = spectrumPlot({ frequencies, magnitudes, peaks });
 * ```
 */
export interface SpectrumPeakInput {
  frequency: number;
  magnitude: number;
}
/**
 * Bins of `analyzeSpectrum()`.
 *
 * @example
 * ```ts
 * const audio = renderToBuffer({ duration: 2, layers: [{ kind: 'bowl', frequency: 221 }] });
 * const bins: BinSpectrum = analyzeSpectrum(audio.channels[0]!, audio.sampleRate, { fftSize: 8192 });
 * const svg = spectrumPlot(bins, { maxFrequency: 4000 });
 * ```
 */
export interface BinSpectrum {
  frequencies: ArrayLike<number>;
  magnitudes: ArrayLike<number>;
  peaks?: SpectrumPeakInput[];
}
/**
 * Bands of an `audio:spectrum` frame.
 *
 * @example
 * ```ts
 * // three bands, 100–200, 200–400 and 400–800 Hz, with their levels in dB
 * const bands: BandSpectrum = { bands: [-30, -12, -40], bandEdges: [100, 200, 400, 800], peaks: [{ frequency: 256, magnitude: -12 }] };
 * const svg = spectrumPlot(bands, { minFrequency: 100, maxFrequency: 800 });
 * ```
 */
export interface BandSpectrum {
  bands: number[];
  bandEdges?: number[];
  peaks?: SpectrumPeakInput[];
}
/**
 * Either form of spectrum (see {@link spectrumDataSchema}).
 *
 * @example
 * ```ts
 * let latest = '';
 * vajra.events.on('audio:spectrum', (frame) => {
 *   const data: SpectrumData = { bands: frame.bands, peaks: frame.peaks };
 *   latest = spectrumPlot(data, { theme: 'dark' });
 * });
 * ```
 */
export type SpectrumData = BinSpectrum | BandSpectrum;

/** A spectrum reduced to what the plots need. */
export interface LevelSource {
  /** Highest level (dB) over [low, high] Hz; interpolated between bins when no bin falls inside. */
  levelBetween(low: number, high: number): number;
  /** Bars for band data (edges in Hz, level in dB); empty for bin data. */
  bands: Array<{ low: number; high: number; level: number }>;
  peaks: Array<{ frequency: number; magnitude: number }>;
}

const finite = (value: number, floor: number) => (Number.isFinite(value) ? value : floor);

/** Normalise either form of spectrum; non-finite levels read as `floor`. */
export function levelSource(data: SpectrumData, floor: number): LevelSource {
  const peaks = (data.peaks ?? []).map((p) => ({ frequency: p.frequency, magnitude: p.magnitude }));
  if ('bands' in data) {
    const count = data.bands.length;
    const edges = data.bandEdges ?? Array.from({ length: count + 1 }, (_, b) => 20 * 1000 ** (b / count));
    if (edges.length !== count + 1) throw new VajraError('VALIDATION_FAILED', `bandEdges needs ${count + 1} edges for ${count} bands`, { status: 422 });
    const bands = data.bands.map((level, b) => ({ low: edges[b]!, high: edges[b + 1]!, level: finite(level, floor) }));
    const levelBetween = (low: number, high: number) => bands.reduce((max, band) => (band.high > low && band.low < high ? Math.max(max, band.level) : max), floor);
    return { levelBetween, bands, peaks };
  }
  const { frequencies, magnitudes } = data;
  if (frequencies.length !== magnitudes.length || frequencies.length < 2) {
    throw new VajraError('VALIDATION_FAILED', 'A spectrum needs as many magnitudes as frequencies (at least two)', { status: 422 });
  }
  const last = frequencies.length - 1;
  const binWidth = (frequencies[last]! - frequencies[0]!) / last;
  if (!(binWidth > 0)) throw new VajraError('VALIDATION_FAILED', 'Spectrum frequencies must increase', { status: 422 });
  const levelBetween = (low: number, high: number) => {
    const first = Math.max(0, Math.ceil((low - frequencies[0]!) / binWidth));
    const end = Math.min(last, Math.floor((high - frequencies[0]!) / binWidth));
    if (end >= first) {
      let max = -Infinity;
      for (let bin = first; bin <= end; bin++) max = Math.max(max, finite(magnitudes[bin]!, floor));
      return max;
    }
    const position = Math.min(last, Math.max(0, ((low + high) / 2 - frequencies[0]!) / binWidth));
    const below = Math.min(last - 1, Math.floor(position));
    const fraction = position - below;
    return finite(magnitudes[below]!, floor) * (1 - fraction) + finite(magnitudes[below + 1]!, floor) * fraction;
  };
  return { levelBetween, bands: [], peaks };
}
