import { VajraError } from '@vajra-stream/core';
import { analyzeSpectrum, type Spectrum } from '../analysis/analyze-spectrum';
import { parseProgram } from '../program/parse-program';
import type { Program, ProgramInput } from '../program/program-schema';
import { createProgramRenderer, type ProgramRenderer } from '../render/create-program-renderer';
import type { ActiveFrequency } from '../render/voice';
import type { AudioSink, SinkSource } from './audio-sink';

/**
 * Engine state.
 *
 * @example
 * ```ts
 * const state: EngineState = engine.status().state;
 * if (state === 'playing') engine.pause();
 * ```
 */
export type EngineState = 'idle' | 'playing' | 'paused' | 'stopping';

/**
 * A snapshot of the engine.
 *
 * @example
 * ```ts
 * const status: EngineStatus = engine.status();
 * // { state: 'playing', sink: 'null', position: 2, duration: 10, sampleRate: 48000, crossfading: false }
 * const remaining = status.duration - status.position; // seconds
 * ```
 */
export interface EngineStatus {
  state: EngineState;
  sink: string;
  /** Seconds of the current program already rendered. */
  position: number;
  /** Length of the current program (s), 0 when idle. */
  duration: number;
  sampleRate: number;
  crossfading: boolean;
}

/**
 * Options of {@link createAudioEngine}.
 *
 * @example
 * ```ts
 * const options: AudioEngineOptions = {
 *   sink: nullSink(),
 *   analysisSize: 16384, // samples kept for spectrum()
 *   pauseFade: 0.05, // s
 *   onEnded: (program) => console.log(`finished ${program.duration} s`),
 * };
 * const engine = createAudioEngine(options);
 * ```
 */
export interface AudioEngineOptions {
  sink: AudioSink;
  /** Samples kept for `spectrum()` (power of two, default 8192). */
  analysisSize?: number;
  /** Fade applied by pause/resume (s, default 0.01) so they never click. */
  pauseFade?: number;
  /** Called when a program ends by itself. */
  onEnded?: (program: Program) => void;
}

/**
 * The live engine.
 *
 * @example
 * ```ts
 * const engine: AudioEngine = createAudioEngine({ sink: nullSink() });
 * await engine.play({ duration: 600, layers: [{ kind: 'bowl', frequency: 221, strikes: { every: 20 } }] });
 * engine.pause();
 * engine.resume();
 * await engine.crossfade({ duration: 600, layers: [{ kind: 'tone', frequency: 528 }] }, { duration: 5 }); // seconds
 * engine.spectrum({ fftSize: 4096 }).peaks[0];
 * await engine.stop({ fadeOut: 3 });
 * await engine.dispose();
 * ```
 */
export interface AudioEngine {
  /** Play a program, optionally from `startAt` seconds into it. */
  play(program: ProgramInput | Program, options?: { startAt?: number }): Promise<void>;
  stop(options?: { fadeOut?: number }): Promise<void>;
  pause(): void;
  resume(): void;
  crossfade(program: ProgramInput | Program, options?: { duration?: number }): Promise<void>;
  status(): EngineStatus;
  activeFrequencies(): ActiveFrequency[];
  spectrum(options?: { fftSize?: number }): Spectrum;
  dispose(): Promise<void>;
}

interface Playing {
  renderer: ProgramRenderer;
  /** gain ramp: value now, target, per-frame step */
  gain: number;
  target: number;
  step: number;
  /** 'linear' ramps, or equal-power shaping of a 0..1 progress for crossfades */
  shape: 'linear' | 'sin' | 'cos';
  progress: number;
  progressStep: number;
}

function shaped(playing: Playing): number {
  if (playing.shape === 'sin') return Math.sin((playing.progress * Math.PI) / 2);
  if (playing.shape === 'cos') return Math.cos((playing.progress * Math.PI) / 2);
  return playing.gain;
}

/**
 * Create a live engine on a sink. The sink pulls audio at its own pace; the engine renders the program
 * block by block, applies click-free fades for pause/resume/stop/crossfade and keeps the most recent
 * audio for a real FFT in `spectrum()`.
 *
 * @example
 * const engine = createAudioEngine({ sink: nullSink() });
 * await engine.play({ duration: 600, layers: [{ kind: 'bowl', frequency: 136.1, strikes: { every: 20 } }] });
 * engine.activeFrequencies();
 * await engine.stop({ fadeOut: 3 });
 */
export function createAudioEngine(options: AudioEngineOptions): AudioEngine {
  const { sink } = options;
  const analysisSize = options.analysisSize ?? 8192;
  const history = new Float32Array(analysisSize);
  let historyWrite = 0;
  let current: Playing | undefined;
  let previous: Playing | undefined;
  let state: EngineState = 'idle';
  let sampleRate = 48_000;
  let open = false;
  let pauseGain = 1;
  let pauseTarget = 1;
  let stopWaiters: Array<() => void> = [];
  let left = new Float32Array(0);
  let right = new Float32Array(0);
  let scratchLeft = new Float32Array(0);
  let scratchRight = new Float32Array(0);

  const finishStop = () => {
    current = undefined;
    previous = undefined;
    state = 'idle';
    const waiters = stopWaiters;
    stopWaiters = [];
    for (const waiter of waiters) waiter();
  };

  const renderInto = (playing: Playing, frames: number): boolean => {
    const written = playing.renderer.read(scratchLeft, scratchRight, frames);
    for (let index = 0; index < written; index++) {
      const gain = shaped(playing);
      left[index]! += scratchLeft[index]! * gain;
      right[index]! += scratchRight[index]! * gain;
      if (playing.shape === 'linear') {
        if (playing.gain !== playing.target) {
          playing.gain += playing.step;
          if ((playing.step > 0 && playing.gain >= playing.target) || (playing.step < 0 && playing.gain <= playing.target)) {
            playing.gain = playing.target;
          }
        }
      } else if (playing.progress < 1) {
        playing.progress = Math.min(1, playing.progress + playing.progressStep);
      }
    }
    return written === frames;
  };

  const source: SinkSource = {
    channels: 2,
    get sampleRate() {
      return sampleRate;
    },
    pull(frames) {
      if (left.length < frames) {
        left = new Float32Array(frames);
        right = new Float32Array(frames);
        scratchLeft = new Float32Array(frames);
        scratchRight = new Float32Array(frames);
      }
      const outLeft = left.subarray(0, frames);
      const outRight = right.subarray(0, frames);
      outLeft.fill(0);
      outRight.fill(0);
      const pauseStep = 1 / Math.max(1, (options.pauseFade ?? 0.01) * sampleRate);
      if (current && !(state === 'paused' && pauseGain === 0)) {
        const live = current;
        const more = renderInto(live, frames);
        if (previous && (!renderInto(previous, frames) || (previous.shape === 'cos' && previous.progress >= 1))) previous = undefined;
        if (pauseGain !== 1 || pauseTarget !== 1) {
          for (let index = 0; index < frames; index++) {
            outLeft[index]! *= pauseGain;
            outRight[index]! *= pauseGain;
            pauseGain = pauseTarget > pauseGain ? Math.min(pauseTarget, pauseGain + pauseStep) : Math.max(pauseTarget, pauseGain - pauseStep);
          }
        }
        if (!more) {
          const ended = live.renderer.program;
          finishStop();
          options.onEnded?.(ended);
        } else if (state === 'stopping' && live.gain === 0 && live.target === 0) {
          finishStop();
        }
      }
      for (let index = 0; index < frames; index++) {
        history[historyWrite] = 0.5 * (outLeft[index]! + outRight[index]!);
        historyWrite = historyWrite + 1 === analysisSize ? 0 : historyWrite + 1;
      }
      return [outLeft.slice(), outRight.slice()];
    },
  };

  const ensureOpen = async (rate: number) => {
    if (open && rate === sampleRate) return;
    if (open) {
      open = false;
      await sink.close();
    }
    sampleRate = rate;
    history.fill(0);
    await sink.open(source);
    open = true;
  };

  const start = (program: Program, fadeIn: number, startAt = 0): Playing => {
    const frames = Math.max(1, fadeIn * program.sampleRate);
    return { renderer: createProgramRenderer(program, { startAt }), gain: 1, target: 1, step: 0, shape: fadeIn > 0 ? 'sin' : 'linear', progress: fadeIn > 0 ? 0 : 1, progressStep: 1 / frames };
  };

  return {
    async play(input, playOptions = {}) {
      const program = parseProgram(input);
      if (current) {
        finishStop();
      }
      await ensureOpen(program.sampleRate);
      current = start(program, 0, playOptions.startAt ?? 0);
      pauseGain = 1;
      pauseTarget = 1;
      state = 'playing';
    },
    async crossfade(input, crossfadeOptions = {}) {
      const program = parseProgram(input);
      const duration = crossfadeOptions.duration ?? 3;
      if (!current || state === 'stopping') return this.play(program);
      if (program.sampleRate !== sampleRate) {
        throw new VajraError('AUDIO_SAMPLE_RATE_MISMATCH', `cannot crossfade from ${sampleRate} Hz to ${program.sampleRate} Hz`, { status: 409 });
      }
      const frames = Math.max(1, duration * sampleRate);
      previous = { ...current, gain: shaped(current), shape: 'cos', progress: 0, progressStep: 1 / frames };
      if (previous.gain < 1) previous.progress = (Math.acos(Math.min(1, previous.gain)) * 2) / Math.PI;
      current = start(program, duration);
    },
    stop(stopOptions = {}) {
      if (!current) return Promise.resolve();
      const fadeOut = Math.max(0, stopOptions.fadeOut ?? 0);
      if (fadeOut === 0 || state === 'paused') {
        finishStop();
        return Promise.resolve();
      }
      const gain = shaped(current);
      current.shape = 'linear';
      current.gain = gain;
      current.target = 0;
      current.step = -gain / Math.max(1, fadeOut * sampleRate);
      previous = undefined;
      state = 'stopping';
      return new Promise<void>((resolve) => stopWaiters.push(resolve));
    },
    pause() {
      if (state !== 'playing') return;
      state = 'paused';
      pauseTarget = 0;
    },
    resume() {
      if (state !== 'paused') return;
      state = 'playing';
      pauseTarget = 1;
    },
    status() {
      return {
        state,
        sink: sink.name,
        position: current ? current.renderer.position / sampleRate : 0,
        duration: current ? current.renderer.totalFrames / sampleRate : 0,
        sampleRate,
        crossfading: previous !== undefined,
      };
    },
    activeFrequencies() {
      const scale = (playing: Playing) => playing.renderer.activeFrequencies().map((entry) => ({ ...entry, amplitude: entry.amplitude * shaped(playing) * pauseGain }));
      return [...(previous ? scale(previous) : []), ...(current ? scale(current) : [])].filter((entry) => entry.amplitude > 0);
    },
    spectrum(spectrumOptions = {}) {
      const ordered = new Float32Array(analysisSize);
      ordered.set(history.subarray(historyWrite), 0);
      ordered.set(history.subarray(0, historyWrite), analysisSize - historyWrite);
      return analyzeSpectrum(ordered, sampleRate, { fftSize: Math.min(analysisSize, spectrumOptions.fftSize ?? analysisSize) });
    },
    async dispose() {
      finishStop();
      if (open) {
        open = false;
        await sink.close();
      }
    },
  };
}
