import FFT from 'fft.js';

/** Amplitude envelope of the component near `frequency`: complex demodulation with a Hann window of `windowSeconds`, every `hopSeconds`. */
export function demodulatedEnvelope(signal: Float32Array, sampleRate: number, frequency: number, windowSeconds: number, hopSeconds: number): { times: number[]; values: number[] } {
  const window = Math.round(windowSeconds * sampleRate);
  const hop = Math.round(hopSeconds * sampleRate);
  const weights = new Float64Array(window);
  let weightSum = 0;
  for (let n = 0; n < window; n++) {
    weights[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * (n + 0.5)) / window);
    weightSum += weights[n]!;
  }
  const cos = new Float64Array(signal.length);
  const sin = new Float64Array(signal.length);
  for (let n = 0; n < signal.length; n++) {
    const phase = (2 * Math.PI * frequency * n) / sampleRate;
    cos[n] = signal[n]! * Math.cos(phase);
    sin[n] = signal[n]! * Math.sin(phase);
  }
  const times: number[] = [];
  const values: number[] = [];
  for (let start = 0; start + window <= signal.length; start += hop) {
    let r = 0;
    let i = 0;
    for (let n = 0; n < window; n++) {
      r += weights[n]! * cos[start + n]!;
      i += weights[n]! * sin[start + n]!;
    }
    times.push((start + window / 2) / sampleRate);
    values.push((2 * Math.hypot(r, i)) / weightSum);
  }
  return { times, values };
}

/** Least-squares line through (x, y). */
export function fitLine(x: number[], y: number[]): { slope: number; intercept: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let index = 0; index < n; index++) {
    sxy += (x[index]! - mx) * (y[index]! - my);
    sxx += (x[index]! - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Frequency (Hz) of the strongest sinusoid in an evenly sampled series, by a fine DFT scan. */
export function dominantRate(values: number[], step: number, low: number, high: number, resolution = 0.005): number {
  // remove a linear trend so slow drifts do not masquerade as a low rate
  const line = fitLine(
    values.map((_, index) => index),
    values,
  );
  const detrended = values.map((value, index) => value - (line.intercept + line.slope * index));
  const mean = 0;
  values = detrended;
  let best = low;
  let bestPower = -1;
  for (let frequency = low; frequency <= high; frequency += resolution) {
    let re = 0;
    let im = 0;
    for (let index = 0; index < values.length; index++) {
      const phase = 2 * Math.PI * frequency * index * step;
      re += (values[index]! - mean) * Math.cos(phase);
      im += (values[index]! - mean) * Math.sin(phase);
    }
    const power = re * re + im * im;
    if (power > bestPower) {
      bestPower = power;
      best = frequency;
    }
  }
  return best;
}

/** Welch power spectral density (Hann, 50 % overlap): mean |X|² per bin. */
export function welch(signal: Float32Array, size: number): Float64Array {
  const fft = new FFT(size);
  const out = fft.createComplexArray() as number[];
  const input = new Float64Array(size);
  const psd = new Float64Array(size / 2 + 1);
  let segments = 0;
  for (let start = 0; start + size <= signal.length; start += size / 2) {
    for (let n = 0; n < size; n++) input[n] = signal[start + n]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * n) / size));
    fft.realTransform(out, input);
    for (let bin = 0; bin <= size / 2; bin++) psd[bin]! += out[2 * bin]! ** 2 + out[2 * bin + 1]! ** 2;
    segments++;
  }
  for (let bin = 0; bin <= size / 2; bin++) psd[bin]! /= segments;
  return psd;
}

/** Peak of the band-limited waveform between samples: 8× upsampling by FFT zero-padding (checks the middle half only). */
export function truePeak(signal: Float32Array, size = 8192, factor = 8): number {
  const fft = new FFT(size);
  const spectrum = fft.createComplexArray() as number[];
  fft.realTransform(spectrum, Array.from(signal.subarray(0, size)));
  fft.completeSpectrum(spectrum);
  const big = new FFT(size * factor);
  const padded = big.createComplexArray() as number[];
  padded.fill(0);
  for (let bin = 0; bin < size / 2; bin++) {
    padded[2 * bin] = spectrum[2 * bin]!;
    padded[2 * bin + 1] = spectrum[2 * bin + 1]!;
    if (bin > 0) {
      const mirror = size * factor - bin;
      padded[2 * mirror] = spectrum[2 * (size - bin)]!;
      padded[2 * mirror + 1] = spectrum[2 * (size - bin) + 1]!;
    }
  }
  const time = big.createComplexArray() as number[];
  big.inverseTransform(time, padded);
  let peak = 0;
  for (let n = (size * factor) / 4; n < (3 * size * factor) / 4; n++) peak = Math.max(peak, Math.abs(factor * time[2 * n]!));
  return peak;
}

/** Times (s) of upward zero crossings, linearly interpolated. */
export function upwardCrossings(signal: Float32Array, sampleRate: number): number[] {
  const times: number[] = [];
  for (let n = 1; n < signal.length; n++) {
    const a = signal[n - 1]!;
    const b = signal[n]!;
    if (a < 0 && b >= 0) times.push((n - 1 + a / (a - b)) / sampleRate);
  }
  return times;
}
