import workletUrl from '@vajra-stream/audio/worklet?url';

/** Where in-browser playback stands. */
export type PlayerState = 'idle' | 'starting' | 'playing' | 'suspended' | 'ended' | 'error';

/** What the analyser hears after the volume control. */
export interface PlayerMeasure {
  /** RMS level in dBFS (−Infinity when silent). */
  levelDb: number;
  /** Frequency of the strongest FFT bin, or null when silent. */
  peakHz: number | null;
}

/** In-browser playback of a program through the audio package's AudioWorklet (the same kernels as the server). */
export interface Player {
  readonly state: PlayerState;
  readonly error: string | null;
  /** The AudioContext's own state (`running`, `suspended`, …), for display and tests. */
  readonly contextState: AudioContextState | 'none';
  /** Play `program` from `startAt` seconds; call it from a click or key press the first time (autoplay rules). */
  play(program: unknown, startAt: number): Promise<void>;
  suspend(): Promise<void>;
  resume(): Promise<void>;
  stop(): void;
  /** 0–1, applied on a perceptual (squared) curve with a short ramp. */
  setVolume(volume: number): void;
  measure(): PlayerMeasure;
  onChange(listener: () => void): () => void;
}

interface Graph {
  context: AudioContext;
  node: AudioWorkletNode;
  gain: GainNode;
  analyser: AnalyserNode;
  /** Buffers the analyser fills, allocated once. */
  wave: Float32Array<ArrayBuffer>;
  spectrum: Float32Array<ArrayBuffer>;
}

const SILENT: PlayerMeasure = { levelDb: Number.NEGATIVE_INFINITY, peakHz: null };

/** worklet → gain (volume) → analyser → speakers, with the processor's messages reported to `onMessage`. */
async function buildGraph(volume: number, onMessage: (data: { type: string; message?: string }) => void, onStateChange: () => void): Promise<Graph> {
  const context = new AudioContext({ latencyHint: 'playback' });
  context.addEventListener('statechange', onStateChange);
  await context.audioWorklet.addModule(workletUrl);
  const node = new AudioWorkletNode(context, 'vajra-program', { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2] });
  const gain = context.createGain();
  gain.gain.value = volume ** 2;
  const analyser = context.createAnalyser();
  analyser.fftSize = 8192;
  analyser.smoothingTimeConstant = 0.5;
  node.connect(gain).connect(analyser).connect(context.destination);
  node.port.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => onMessage(event.data);
  return { context, node, gain, analyser, wave: new Float32Array(analyser.fftSize), spectrum: new Float32Array(analyser.frequencyBinCount) };
}

/** RMS level of the analyser's window and its strongest FFT bin, refined by parabolic interpolation over the dB bins. */
function measureOutput({ analyser, context, wave, spectrum }: Graph): PlayerMeasure {
  analyser.getFloatTimeDomainData(wave);
  let power = 0;
  for (const sample of wave) power += sample * sample;
  const levelDb = 10 * Math.log10(power / wave.length);
  if (!Number.isFinite(levelDb) || levelDb < -90) return { levelDb, peakHz: null };
  analyser.getFloatFrequencyData(spectrum);
  let best = 1;
  for (let bin = 2; bin < spectrum.length; bin++) if (spectrum[bin]! > spectrum[best]!) best = bin;
  const [a, b, c] = [spectrum[best - 1]!, spectrum[best]!, spectrum[best + 1] ?? spectrum[best]!];
  const denominator = a - 2 * b + c;
  const offset = denominator === 0 ? 0 : (0.5 * (a - c)) / denominator;
  return { levelDb, peakHz: ((best + offset) * context.sampleRate) / analyser.fftSize };
}

/**
 * Create the player. The worklet module is the built `@vajra-stream/audio/worklet`, served by the same
 * origin (no CDN); the graph is worklet → gain (volume) → analyser → speakers.
 *
 * @example
 * ```ts
 * const player = createPlayer();
 * button.onclick = () => player.play(programFromSession(session), elapsed);
 * ```
 */
export function createPlayer(): Player {
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  const self = { state: 'idle' as PlayerState, error: null as string | null, graph: undefined as Graph | undefined, volume: 0.7 };
  const set = (state: PlayerState, error: string | null = null): void => {
    self.state = state;
    self.error = error;
    changed();
  };
  // One graph per player, built on the first play (a second click while it builds waits for the same one).
  let building: Promise<Graph> | undefined;
  const onMessage = (data: { type: string; message?: string }): void => {
    if (data.type === 'ended') set('ended');
    if (data.type === 'error') set('error', data.message ?? 'The program could not be played');
  };
  const graph = (): Promise<Graph> =>
    (building ??= buildGraph(self.volume, onMessage, changed).then(
      (built) => (self.graph = built),
      (error: unknown) => {
        building = undefined;
        throw error;
      },
    ));

  return {
    get state() {
      return self.state;
    },
    get error() {
      return self.error;
    },
    get contextState() {
      return self.graph?.context.state ?? 'none';
    },
    async play(program, startAt) {
      set('starting');
      try {
        const { context, node } = await graph();
        node.port.postMessage({ type: 'play', program, startAt: Math.max(0, startAt) });
        await context.resume();
        set('playing');
      } catch (error) {
        set('error', error instanceof Error ? error.message : String(error));
      }
    },
    async suspend() {
      if (self.graph === undefined) return;
      await self.graph.context.suspend();
      set('suspended');
    },
    async resume() {
      if (self.graph === undefined) return;
      await self.graph.context.resume();
      set('playing');
    },
    stop() {
      self.graph?.node.port.postMessage({ type: 'stop' });
      void self.graph?.context.suspend();
      set('idle');
    },
    setVolume(volume) {
      self.volume = Math.min(1, Math.max(0, volume));
      const g = self.graph;
      if (g !== undefined) g.gain.gain.setTargetAtTime(self.volume ** 2, g.context.currentTime, 0.03);
    },
    measure() {
      return self.graph === undefined || self.state !== 'playing' ? SILENT : measureOutput(self.graph);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
