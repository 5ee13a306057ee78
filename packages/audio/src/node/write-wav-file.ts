import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { VajraError } from '@vajra-stream/core';
import type { Program, ProgramInput } from '../program/program-schema';
import { createProgramRenderer } from '../render/create-program-renderer';
import { aFunction, aSignal, checkOptions } from '../validation/check-options';
import { wavChunks, wavChunksAsync, type WavOptions } from '../wav/encode-wav';
import { wavStreamOptionRules } from '../wav/wav-option-rules';

/**
 * Progress of a file render.
 *
 * @example
 * ```ts
 * const done: WavProgress = await writeWavFile(program, 'session.wav', { onProgress: (p: WavProgress) => process.stdout.write(`\r${Math.round(p.fraction * 100)} %`) });
 * done.frames === done.totalFrames; // true
 * ```
 */
export interface WavProgress {
  frames: number;
  totalFrames: number;
  /** 0…1 */
  fraction: number;
}

/**
 * Options of {@link writeWavFile}.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const options: WriteWavFileOptions = { format: 'float32', blockSize: 8192, signal: controller.signal, onProgress: ({ frames, totalFrames }) => console.log(`${frames}/${totalFrames}`) };
 * await writeWavFile({ duration: 3600, layers: [{ kind: 'noise', color: 'brown' }] }, 'brown-noise.wav', options);
 * ```
 */
export interface WriteWavFileOptions extends WavOptions {
  onProgress?: (progress: WavProgress) => void;
  signal?: AbortSignal;
  blockSize?: number;
}

/**
 * A Node `Readable` of a program's WAV bytes (pull-based; memory stays constant for any length).
 *
 * @example
 * wavNodeReadable(program, { format: 'pcm16' }).pipe(response);
 */
export function wavNodeReadable(program: ProgramInput | Program, options: WavOptions & { blockSize?: number } = {}): Readable {
  checkOptions(options, wavStreamOptionRules, 'wavNodeReadable');
  const chunks = wavChunks(program, options);
  const header = chunks.next(); // validate before returning a stream
  return Readable.from(
    (function* () {
      if (!header.done) yield header.value;
      yield* chunks;
    })(),
    { objectMode: false, highWaterMark: 1 << 16 },
  );
}

/**
 * Render a program straight to a WAV file with backpressure, progress callbacks and cancellation (a
 * cancelled render removes the partial file and rejects with `VajraError('ABORTED')`).
 *
 * @example
 * await writeWavFile(program, 'session.wav', { format: 'pcm24', onProgress: (p) => console.log(p.fraction) });
 */
export async function writeWavFile(program: ProgramInput | Program, path: string, options: WriteWavFileOptions = {}): Promise<WavProgress> {
  checkOptions(options, { ...wavStreamOptionRules, signal: aSignal, onProgress: aFunction }, 'writeWavFile');
  const renderer = createProgramRenderer(program);
  const totalFrames = renderer.totalFrames;
  const frameBytes = 2 * (options.format === 'pcm16' ? 2 : options.format === 'float32' ? 4 : 3);
  let bytes = 0;
  let headerBytes = -1;
  let lastReport = -1;
  const progress = (): WavProgress => {
    const frames = Math.min(totalFrames, Math.floor(Math.max(0, bytes - headerBytes) / frameBytes));
    return { frames, totalFrames, fraction: totalFrames === 0 ? 1 : frames / totalFrames };
  };
  const source = Readable.from(
    (async function* () {
      for await (const chunk of wavChunksAsync(renderer.program, { format: options.format, blockSize: options.blockSize, signal: options.signal })) {
        if (headerBytes < 0) headerBytes = chunk.length;
        bytes += chunk.length;
        const report = progress();
        if (options.onProgress && (report.fraction === 1 || report.fraction - lastReport >= 0.01)) {
          lastReport = report.fraction;
          options.onProgress(report);
        }
        yield chunk;
      }
    })(),
  );
  try {
    await pipeline(source, createWriteStream(path), { signal: options.signal });
  } catch (error) {
    await rm(path, { force: true });
    if (options.signal?.aborted) {
      throw new VajraError('ABORTED', `rendering ${path} was cancelled`, { status: 499, cause: error });
    }
    throw error;
  }
  return progress();
}
