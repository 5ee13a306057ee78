import type { Program, ProgramInput } from '../program/program-schema';
import { aSignal, checkOptions, numberIn } from '../validation/check-options';
import { createProgramRenderer } from './create-program-renderer';
import type { RenderInfo } from './render-info';

/** One rendered block of stereo audio. */
export interface AudioBlock {
  /** [left, right], each `frames` long. */
  channels: [Float32Array, Float32Array];
  frames: number;
  /** Index of the first frame of the block in the program. */
  startFrame: number;
  sampleRate: number;
}

/** Options for {@link renderBlocks}. */
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

/** Options for {@link renderBlocksAsync}. */
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

/** A whole rendered program in memory. */
export interface AudioBuffer {
  sampleRate: number;
  frames: number;
  channels: [Float32Array, Float32Array];
}

/** A rendered program in memory with what the render left out (see `renderInfo`). */
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
