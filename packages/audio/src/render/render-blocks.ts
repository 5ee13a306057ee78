import type { Program, ProgramInput } from '../program/program-schema';
import { aSignal, checkOptions, numberIn } from '../validation/check-options';
import { createProgramRenderer } from './create-program-renderer';
import type { RenderInfo } from './render-info';

/**
 * One rendered block of stereo audio.
 *
 * @example
 * ```ts
 * const peakOf = (block: AudioBlock): number => Math.max(...block.channels.map((channel) => channel.reduce((max, x) => Math.max(max, Math.abs(x)), 0)));
 * for (const block of renderBlocks(program, { blockSize: 48_000 })) console.log(`${block.startFrame / block.sampleRate} s: peak ${peakOf(block)}`);
 * ```
 */
export interface AudioBlock {
  /** [left, right], each `frames` long. */
  channels: [Float32Array, Float32Array];
  frames: number;
  /** Index of the first frame of the block in the program. */
  startFrame: number;
  sampleRate: number;
}

/**
 * Options for {@link renderBlocks}.
 *
 * @example
 * ```ts
 * const options: RenderBlocksOptions = { blockSize: 1024 }; // frames per block
 * let frames = 0;
 * for (const block of renderBlocks(program, options)) frames += block.frames; // 1024 at a time, the last block shorter
 * ```
 */
export interface RenderBlocksOptions {
  /** Frames per yielded block (default 4096). */
  blockSize?: number;
}

/**
 * Render a program as a sequence of blocks (sync generator). Memory is constant: only the current block
 * and the oscillator state are alive, whatever the program's length.
 *
 * @example
 * for (const block of renderBlocks({ duration: 2, layers: [{ kind: 'tone', frequency: 528 }] }, { blockSize: 1024 })) {
 *   console.log(block.startFrame, block.channels[0][0]);
 * }
 */
export function* renderBlocks(program: ProgramInput | Program, options: RenderBlocksOptions = {}): Generator<AudioBlock, void, undefined> {
  checkOptions(options, { blockSize: numberIn(1) }, 'renderBlocks');
  const blockSize = Math.max(1, Math.floor(options.blockSize ?? 4096));
  const renderer = createProgramRenderer(program);
  while (renderer.position < renderer.totalFrames) {
    const startFrame = renderer.position;
    const frames = Math.min(blockSize, renderer.totalFrames - startFrame);
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    renderer.read(left, right, frames);
    yield { channels: [left, right], frames, startFrame, sampleRate: renderer.sampleRate };
  }
}

/**
 * Options for {@link renderBlocksAsync}.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const options: RenderBlocksAsyncOptions = { blockSize: 4096, signal: controller.signal, sliceMs: 10 };
 * setTimeout(() => controller.abort(), 5000); // give up after 5 s
 * for await (const block of renderBlocksAsync(program, options)) await writer.write(block.channels);
 * ```
 */
export interface RenderBlocksAsyncOptions extends RenderBlocksOptions {
  /** Abort rendering; the iterator throws the signal's reason. */
  signal?: AbortSignal;
  /** Yield to the event loop after this much work (ms, default 20). */
  sliceMs?: number;
}

/**
 * Render a program as an async iterable of blocks, yielding to the event loop regularly so a UI or a
 * server stays responsive.
 *
 * @example
 * for await (const block of renderBlocksAsync(program, { blockSize: 4096 })) sink.write(block);
 */
export async function* renderBlocksAsync(program: ProgramInput | Program, options: RenderBlocksAsyncOptions = {}): AsyncGenerator<AudioBlock, void, undefined> {
  checkOptions(options, { blockSize: numberIn(1), signal: aSignal, sliceMs: numberIn(0) }, 'renderBlocksAsync');
  const slice = options.sliceMs ?? 20;
  let sliceStart = Date.now();
  for (const block of renderBlocks(program, { blockSize: options.blockSize })) {
    options.signal?.throwIfAborted();
    yield block;
    if (Date.now() - sliceStart >= slice) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
  }
}

/**
 * A whole rendered program in memory.
 *
 * @example
 * ```ts
 * const buffer: AudioBuffer = { sampleRate: 48000, frames: 48000, channels: [new Float32Array(48000), new Float32Array(48000)] };
 * for (let i = 0; i < buffer.frames; i++) buffer.channels[0][i] = 0.5 * Math.sin((2 * Math.PI * 432 * i) / buffer.sampleRate);
 * const wav = encodeWav(buffer, { format: 'float32' }); // one second: 432 Hz on the left, silence on the right
 * ```
 */
export interface AudioBuffer {
  sampleRate: number;
  frames: number;
  channels: [Float32Array, Float32Array];
}

/**
 * A rendered program in memory with what the render left out (see `renderInfo`).
 *
 * @example
 * ```ts
 * const rendered: RenderedBuffer = renderToBuffer({ sampleRate: 44100, duration: 5, layers: [{ kind: 'bowl', frequency: 1800 }] });
 * rendered.frames; // 220500
 * rendered.info.droppedModes.length; // 3: the modes above 19845 Hz are left out
 * ```
 */
export interface RenderedBuffer extends AudioBuffer {
  info: RenderInfo;
}

/**
 * Render a whole program into memory (prefer the streaming forms for long programs).
 *
 * @example
 * const { channels, sampleRate } = renderToBuffer({ duration: 1, layers: [{ kind: 'tone', frequency: 440 }] });
 */
export function renderToBuffer(program: ProgramInput | Program): RenderedBuffer {
  const renderer = createProgramRenderer(program);
  const left = new Float32Array(renderer.totalFrames);
  const right = new Float32Array(renderer.totalFrames);
  renderer.read(left, right, renderer.totalFrames);
  return { sampleRate: renderer.sampleRate, frames: renderer.totalFrames, channels: [left, right], info: renderer.info };
}
