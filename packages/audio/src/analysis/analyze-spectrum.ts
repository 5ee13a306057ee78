import FFT from 'fft.js';
import { checkOptions, numberIn, oneOf } from '../validation/check-options';
import { validationFailed } from '../validation/validation-failed';

/**
 * Analysis window.
 *
 * @example
 * ```ts
 * const window: SpectrumWindow = 'hann'; // 'blackman-harris' (the default) leaks least, 'rectangular' resolves closest tones
 * const spectrum = analyzeSpectrum(samples, 48000, { fftSize: 4096, window });
 * ```
 */
export type SpectrumWindow = 'hann' | 'blackman-harris' | 'rectangular';

/**
 * Options for {@link analyzeSpectrum}.
 *
 * @example
 * ```ts
 * const options: AnalyzeSpectrumOptions = { fftSize: 32768, window: 'hann', maxPeaks: 4, range: 60 }; // peaks within 60 dB of the strongest
 * const { peaks } = analyzeSpectrum(buffer.channels[0], buffer.sampleRate, options);
 * ```
 */
export interface AnalyzeSpectrumOptions {
  /** Power of two, 32…262144 (default: 8192, or the next power of two ≥ the input if shorter). */
  fftSize?: number;
  /** Window (default 'blackman-harris': low leakage, accurate interpolated peaks). */
  window?: SpectrumWindow;
  /** Most peaks to return (default 16). */
  maxPeaks?: number;
  /** Peaks must be within this many dB of the strongest (default 80). */
  range?: number;
}

/**
 * One spectral peak, interpolated between bins.
 *
 * @example
 * ```ts
 * const strongest: SpectrumPeak | undefined = analyzeSpectrum(samples, 48000).peaks[0];
 * if (strongest) console.log(`${strongest.frequency.toFixed(2)} Hz at ${strongest.magnitude.toFixed(1)} dB (amplitude ${strongest.amplitude.toFixed(3)})`);
 * ```
 */
export interface SpectrumPeak {
  frequency: number;
  /** Level in dB relative to a full-scale sine (a sine of amplitude 1 reads 0 dB). */
  magnitude: number;
  /** Linear amplitude of the sinusoid. */
  amplitude: number;
}

/**
 * Result of {@link analyzeSpectrum}.
 *
 * @example
 * ```ts
 * const { channels, sampleRate } = renderToBuffer({ duration: 1, layers: [{ kind: 'tone', frequency: 528, gain: 0.5 }] });
 * const spectrum: Spectrum = analyzeSpectrum(channels[0], sampleRate, { fftSize: 16384 });
 * spectrum.binWidth; // 2.9296875 (Hz: 48000 / 16384)
 * spectrum.peaks[0]; // { frequency: 528.009…, magnitude: -6.01…, amplitude: 0.500… }
 * ```
 */
export interface Spectrum {
  sampleRate: number;
  fftSize: number;
  /** Width of one bin in Hz. */
  binWidth: number;
  /** Centre frequency of each bin 0 … fftSize/2. */
  frequencies: Float64Array;
  /** Sine-calibrated level of each bin in dB. */
  magnitudes: Float32Array;
  /** Local maxima, strongest first. */
  peaks: SpectrumPeak[];
}

const transforms = new Map<number, FFT>();

function windowValues(kind: SpectrumWindow, size: number): Float64Array {
  const values = new Float64Array(size);
  for (let index = 0; index < size; index++) {
    const x = (2 * Math.PI * index) / size;
    values[index] = kind === 'rectangular' ? 1 : kind === 'hann' ? 0.5 - 0.5 * Math.cos(x) : 0.35875 - 0.48829 * Math.cos(x) + 0.14128 * Math.cos(2 * x) - 0.01168 * Math.cos(3 * x);
  }
  return values;
}

/**
 * Windowed FFT (fft.js) of the last `fftSize` samples with sine-calibrated dB bins and peaks refined by
 * Gaussian (log-parabolic) interpolation. Works on any audio.
 *
 * @example
 * const spectrum = analyzeSpectrum(buffer.channels[0], 48000, { fftSize: 16384 });
 * spectrum.peaks[0].frequency; // ≈ 440
 */
export function analyzeSpectrum(samples: ArrayLike<number>, sampleRate: number, options: AnalyzeSpectrumOptions = {}): Spectrum {
  checkOptions(options, { fftSize: numberIn(32, 262_144), window: oneOf(['hann', 'blackman-harris', 'rectangular']), maxPeaks: numberIn(0), range: numberIn(0) }, 'analyzeSpectrum');
  const size = options.fftSize ?? Math.min(8192, Math.max(32, 2 ** Math.ceil(Math.log2(Math.max(1, samples.length)))));
  if (!Number.isInteger(Math.log2(size)) || size < 32 || size > 262_144) {
    throw validationFailed('analyzeSpectrum options', [{ path: 'fftSize', code: 'invalid_value', message: `must be a power of two in 32…262144, got ${size}` }]);
  }
  if (!(sampleRate > 0)) throw validationFailed('analyzeSpectrum arguments', [{ path: 'sampleRate', code: 'too_small', message: 'must be > 0' }]);
  const window = windowValues(options.window ?? 'blackman-harris', size);
  let windowSum = 0;
  for (let index = 0; index < size; index++) windowSum += window[index]!;
  const input = new Float64Array(size);
  const start = Math.max(0, samples.length - size);
  for (let index = 0; index < size && start + index < samples.length; index++) {
    input[index] = samples[start + index]! * window[index]!;
  }
  let transform = transforms.get(size);
  if (!transform) {
    transform = new FFT(size);
    transforms.set(size, transform);
  }
  const output = transform.createComplexArray() as number[];
  transform.realTransform(output, input);
  const bins = size / 2 + 1;
  const binWidth = sampleRate / size;
  const frequencies = new Float64Array(bins);
  const magnitudes = new Float32Array(bins);
  const logAmplitude = new Float64Array(bins);
  let strongest = -Infinity;
  for (let bin = 0; bin < bins; bin++) {
    const re = output[2 * bin]!;
    const im = output[2 * bin + 1]!;
    const amplitude = (2 * Math.hypot(re, im)) / windowSum;
    frequencies[bin] = bin * binWidth;
    logAmplitude[bin] = Math.log(Math.max(amplitude, 1e-30));
    magnitudes[bin] = 20 * Math.log10(Math.max(amplitude, 1e-15));
    if (bin > 0 && bin < bins - 1) strongest = Math.max(strongest, magnitudes[bin]!);
  }
  const floor = Math.max(strongest - (options.range ?? 80), -240);
  const peaks: SpectrumPeak[] = [];
  for (let bin = 1; bin < bins - 1; bin++) {
    const level = magnitudes[bin]!;
    if (level < floor || level <= magnitudes[bin - 1]! || level < magnitudes[bin + 1]!) continue;
    const a = logAmplitude[bin - 1]!;
    const b = logAmplitude[bin]!;
    const c = logAmplitude[bin + 1]!;
    const denominator = a - 2 * b + c;
    const delta = denominator < 0 ? (0.5 * (a - c)) / denominator : 0;
    const amplitude = Math.exp(b - 0.25 * (a - c) * delta);
    peaks.push({ frequency: (bin + delta) * binWidth, magnitude: 20 * Math.log10(amplitude), amplitude });
  }
  peaks.sort((x, y) => y.amplitude - x.amplitude);
  return { sampleRate, fftSize: size, binWidth, frequencies, magnitudes, peaks: peaks.slice(0, options.maxPeaks ?? 16) };
}
