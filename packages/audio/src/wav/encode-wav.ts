import { VajraError } from '@vajra-stream/core';
import type { Program, ProgramInput } from '../program/program-schema';
import { createProgramRenderer } from '../render/create-program-renderer';
import { renderBlocks, renderBlocksAsync, type AudioBuffer } from '../render/render-blocks';
import { bytesPerSample, encodeWavSamples, wavHeader, type WavFormat } from './wav-format';

/** Options for WAV output. */
export interface WavOptions {
  /** Sample format (default 'pcm24'). */
  format?: WavFormat;
}

/**
 * Encode an in-memory buffer as a complete WAV file.
 *
 * @example
 * const wav = encodeWav(renderToBuffer(program), { format: 'pcm16' });
 */
export function encodeWav(buffer: Pick<AudioBuffer, 'sampleRate' | 'channels'> & { frames?: number }, options: WavOptions = {}): Uint8Array {
  const format = options.format ?? 'pcm24';
  const channels = buffer.channels;
  if (channels.length < 1 || channels.some((channel) => channel.length !== channels[0]!.length)) {
    throw new VajraError('VALIDATION_FAILED', 'encodeWav needs one or more channels of equal length', { status: 400 });
  }
  const frames = buffer.frames ?? channels[0]!.length;
  const header = wavHeader({ sampleRate: buffer.sampleRate, channels: channels.length, frames, format });
  const body = encodeWavSamples(channels, frames, format);
  const file = new Uint8Array(header.length + body.length + (body.length % 2));
  file.set(header, 0);
  file.set(body, header.length);
  return file;
}

/** The expected byte length of a program's WAV file. */
export function wavByteLength(program: ProgramInput | Program, options: WavOptions = {}): number {
  const renderer = createProgramRenderer(program);
  const data = renderer.totalFrames * 2 * bytesPerSample(options.format ?? 'pcm24');
  return wavHeader({ sampleRate: renderer.sampleRate, channels: 2, frames: 0, format: options.format ?? 'pcm24' }).length + data + (data % 2);
}

/**
 * Yield a program's WAV file as byte chunks (header first); memory stays constant.
 *
 * @example
 * for (const chunk of wavChunks(program, { format: 'float32' })) socket.write(chunk);
 */
export function* wavChunks(program: ProgramInput | Program, options: WavOptions & { blockSize?: number } = {}): Generator<Uint8Array> {
  const format = options.format ?? 'pcm24';
  const renderer = createProgramRenderer(program);
  yield wavHeader({ sampleRate: renderer.sampleRate, channels: 2, frames: renderer.totalFrames, format });
  let odd = 0;
  for (const block of renderBlocks(renderer.program, { blockSize: options.blockSize ?? 8192 })) {
    const bytes = encodeWavSamples(block.channels, block.frames, format);
    odd += bytes.length;
    yield bytes;
  }
  if (odd % 2) yield new Uint8Array(1);
}

/** Async form of {@link wavChunks}, yielding to the event loop regularly; honours `signal`. */
export async function* wavChunksAsync(
  program: ProgramInput | Program,
  options: WavOptions & { blockSize?: number; signal?: AbortSignal } = {},
): AsyncGenerator<Uint8Array> {
  const format = options.format ?? 'pcm24';
  const parsed = createProgramRenderer(program);
  yield wavHeader({ sampleRate: parsed.sampleRate, channels: 2, frames: parsed.totalFrames, format });
  let total = 0;
  for await (const block of renderBlocksAsync(parsed.program, { blockSize: options.blockSize ?? 8192, signal: options.signal })) {
    const bytes = encodeWavSamples(block.channels, block.frames, format);
    total += bytes.length;
    yield bytes;
  }
  if (total % 2) yield new Uint8Array(1);
}

/**
 * Render a program to a complete WAV file in memory.
 *
 * @example
 * const bytes = renderToWav({ duration: 5, layers: [{ kind: 'tone', frequency: 528 }] }, { format: 'pcm16' });
 */
export function renderToWav(program: ProgramInput | Program, options: WavOptions = {}): Uint8Array {
  const chunks = [...wavChunks(program, options)];
  const file = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    file.set(chunk, offset);
    offset += chunk.length;
  }
  return file;
}

/**
 * A Web `ReadableStream` of a program's WAV bytes, rendered on demand (pull-based, constant memory).
 *
 * @example
 * return new Response(wavReadableStream(program), { headers: { 'content-type': 'audio/wav' } });
 */
export function wavReadableStream(program: ProgramInput | Program, options: WavOptions & { blockSize?: number } = {}): ReadableStream<Uint8Array> {
  const iterator = wavChunks(program, options);
  const header = iterator.next(); // validates the program and the 4 GiB limit before a stream exists
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (!header.done) controller.enqueue(header.value);
      },
      pull(controller) {
        const next = iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel() {
        iterator.return(undefined);
      },
    },
    { highWaterMark: 2 },
  );
}
