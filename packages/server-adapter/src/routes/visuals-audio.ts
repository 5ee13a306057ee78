import { VajraError, type Vajra } from '@vajra-stream/core';
import type {} from '@vajra-stream/audio';

const audioModule = () => import('@vajra-stream/audio');

/** Longest stretch of a program rendered to draw a picture, s. */
const MAX_SECONDS = 120;
const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Render the left channel of a program up to `end` seconds, in slices that keep the event loop free. */
async function renderLeft(vajra: Vajra, input: unknown, end: number, signal: AbortSignal) {
  if (!vajra.hasPlugin('audio')) throw new VajraError('AUDIO_UNAVAILABLE', 'Drawing a program needs the audio plugin on this server', { status: 422 });
  const audio = await audioModule();
  const program = audio.parseProgram(input);
  const stop = Math.min(end, program.duration, MAX_SECONDS);
  const samples = new Float32Array(Math.ceil(stop * program.sampleRate));
  for await (const block of audio.renderBlocksAsync(program, { signal, sliceMs: 10 })) {
    if (block.startFrame >= samples.length) break;
    samples.set(block.channels[0].subarray(0, samples.length - block.startFrame), block.startFrame);
  }
  return { audio, samples, sampleRate: program.sampleRate, duration: Math.min(program.duration, MAX_SECONDS) };
}

/**
 * The spectrum of `fftSize` samples of a program starting at `at` seconds (rendered here, analysed
 * with the audio package's `analyzeSpectrum`).
 */
export async function renderSpectrumAt(vajra: Vajra, program: unknown, options: { at: number; fftSize: number; signal: AbortSignal }) {
  const { audio, samples, sampleRate } = await renderLeft(vajra, program, Number.POSITIVE_INFINITY, options.signal);
  const start = Math.round(options.at * sampleRate);
  if (start + options.fftSize > samples.length) {
    throw new VajraError('VALIDATION_FAILED', `The window at ${options.at} s (${options.fftSize} samples) runs past the rendered program (${(samples.length / sampleRate).toFixed(2)} s)`, {
      status: 422,
    });
  }
  return audio.analyzeSpectrum(samples.subarray(start, start + options.fftSize), sampleRate, { fftSize: options.fftSize });
}

/**
 * `frameCount` spectra evenly spaced over [from, to] seconds of a program (short-time FFT with the audio
 * package's `analyzeSpectrum`), each with its `time`.
 */
export async function renderSpectrogramFrames(vajra: Vajra, program: unknown, options: { fftSize: number; from: number; to: number | undefined; frameCount: number; signal: AbortSignal }) {
  const { audio, samples, sampleRate, duration } = await renderLeft(vajra, program, options.to ?? Number.POSITIVE_INFINITY, options.signal);
  const window = options.fftSize / sampleRate;
  const end = Math.min(options.to ?? duration, duration);
  if (!(end - options.from >= window)) {
    throw new VajraError('VALIDATION_FAILED', `The span ${options.from}–${end} s is shorter than one ${options.fftSize}-sample window`, { status: 422 });
  }
  const step = (end - window - options.from) / Math.max(1, options.frameCount - 1);
  const frames = [];
  for (let index = 0; index < options.frameCount; index++) {
    const time = options.from + index * step;
    const start = Math.min(samples.length - options.fftSize, Math.round(time * sampleRate));
    frames.push({ time, ...audio.analyzeSpectrum(samples.subarray(start, start + options.fftSize), sampleRate, { fftSize: options.fftSize, maxPeaks: 0 }) });
    if (index % 32 === 31) {
      options.signal.throwIfAborted();
      await yieldToLoop();
    }
  }
  return frames;
}
