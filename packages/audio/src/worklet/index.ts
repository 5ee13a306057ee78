/**
 * AudioWorklet processor running the same kernels as the offline renderer. Load the built file with
 * `audioContext.audioWorklet.addModule(new URL('@vajra-stream/audio/worklet', import.meta.url))`, then
 * create `new AudioWorkletNode(ctx, 'vajra-program', { outputChannelCount: [2], processorOptions: { program } })`.
 * Post `{ type: 'play', program, startAt? }` or `{ type: 'stop' }` to its port to change what it plays;
 * `startAt` (seconds into the program, also accepted in `processorOptions`) joins a program already under way.
 *
 * @example
 * ```ts
 * await ctx.audioWorklet.addModule(workletUrl);
 * const node = new AudioWorkletNode(ctx, 'vajra-program', { outputChannelCount: [2], processorOptions: { program } });
 * node.connect(ctx.destination);
 * ```
 * @module @vajra-stream/audio/worklet
 */
import { createProgramRenderer, type ProgramRenderer } from '../render/create-program-renderer';

/**
 * Name under which the processor registers.
 * @example
 * ```ts
 * const node = new AudioWorkletNode(ctx, WORKLET_PROCESSOR_NAME, { outputChannelCount: [2], processorOptions: { program } });
 * ```
 */
export const WORKLET_PROCESSOR_NAME = 'vajra-program';

interface WorkletScope {
  registerProcessor?: (name: string, processor: unknown) => void;
  AudioWorkletProcessor?: new () => { port: MessagePort };
  sampleRate?: number;
}

/**
 * Options the processor accepts from `new AudioWorkletNode(…, { processorOptions })`.
 *
 * @example
 * ```ts
 * const options: ProgramProcessorOptions = { processorOptions: { program, startAt: 90 } }; // join the program 90 s in
 * const node = new AudioWorkletNode(ctx, WORKLET_PROCESSOR_NAME, { outputChannelCount: [2], ...options });
 * ```
 */
export interface ProgramProcessorOptions {
  processorOptions?: { program?: unknown; startAt?: number };
}

/**
 * The processor instance as the AudioWorklet runtime sees it.
 *
 * @example
 * ```ts
 * // outside an AudioWorklet (a test): any base class with a `port`
 * const Processor = createProgramProcessorClass(class { port = new MessageChannel().port1; });
 * const processor: ProgramProcessor = new Processor({ processorOptions: { program: { duration: 1, layers: [{ kind: 'tone', frequency: 440 }] } } });
 * const left = new Float32Array(128), right = new Float32Array(128);
 * processor.process([], [[left, right]]); // true: the next 128 frames of the tone are in left and right
 * ```
 */
export interface ProgramProcessor {
  readonly port: MessagePort;
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}

/**
 * Constructor of {@link ProgramProcessor}.
 *
 * @example
 * ```ts
 * // inside the AudioWorklet global scope
 * const ProgramProcessorClass: ProgramProcessorConstructor = createProgramProcessorClass(AudioWorkletProcessor);
 * registerProcessor(WORKLET_PROCESSOR_NAME, ProgramProcessorClass);
 * ```
 */
export type ProgramProcessorConstructor = new (options?: ProgramProcessorOptions) => ProgramProcessor;

/**
 * Build the processor class for a given AudioWorkletProcessor base (exported for tests and custom scopes).
 *
 * @example
 * registerProcessor('vajra-program', createProgramProcessorClass(AudioWorkletProcessor));
 */
export function createProgramProcessorClass(Base: new () => { port: MessagePort }): ProgramProcessorConstructor {
  return class ProgramProcessor extends Base {
    private renderer: ProgramRenderer | undefined;
    private ended = false;

    constructor(options?: ProgramProcessorOptions) {
      super();
      if (options?.processorOptions?.program) this.load(options.processorOptions.program, options.processorOptions.startAt);
      this.port.onmessage = (event: MessageEvent) => {
        const message = event.data as { type: string; program?: unknown; startAt?: number };
        if (message.type === 'play') this.load(message.program, message.startAt);
        if (message.type === 'stop') this.renderer = undefined;
      };
    }

    private load(program: unknown, startAt = 0): void {
      try {
        if (typeof startAt !== 'number' || !Number.isFinite(startAt) || startAt < 0) throw new RangeError(`startAt must be a non-negative number of seconds, got ${String(startAt)}`);
        const rate = (globalThis as unknown as WorkletScope).sampleRate;
        const input = typeof rate === 'number' ? { ...(program as object), sampleRate: rate } : program;
        this.renderer = createProgramRenderer(input as never, { maxBlock: 128, startAt });
        this.ended = false;
      } catch (error) {
        this.port.postMessage({ type: 'error', message: (error as Error).message });
      }
    }

    process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
      const output = outputs[0];
      if (!output || output.length === 0) return true;
      const left = output[0]!;
      const right = output[1] ?? new Float32Array(left.length);
      if (this.renderer) {
        const written = this.renderer.read(left, right, left.length);
        if (written < left.length) {
          left.fill(0, written);
          right.fill(0, written);
          if (!this.ended) {
            this.ended = true;
            this.port.postMessage({ type: 'ended' });
          }
        }
      }
      return true;
    }
  };
}

const scope = globalThis as unknown as WorkletScope;
if (typeof scope.registerProcessor === 'function' && scope.AudioWorkletProcessor) {
  scope.registerProcessor(WORKLET_PROCESSOR_NAME, createProgramProcessorClass(scope.AudioWorkletProcessor));
}
