import type { Program, ProgramInput } from '../program/program-schema';
import { createProgramRenderer } from '../render/create-program-renderer';
import type { AudioBuffer } from '../render/render-blocks';
import { checkOptions } from '../validation/check-options';
import { validationFailed } from '../validation/validation-failed';
import { bytesPerSample, encodeWavSamples, wavHeader, type WavFormat } from './wav-format';
import { wavAsyncOptionRules, wavOptionRules, wavStreamOptionRules } from './wav-option-rules';

/**
 * Options for WAV output. Unknown options are refused (422 `VALIDATION_FAILED`): 16-bit is
 * `format: 'pcm16'`, there is no `bitDepth`.
 *
 * @example
 * ```ts
 * const options: WavOptions = { format: 'pcm16' };
 * const wav = renderToWav({ duration: 10, layers: [{ kind: 'tone', frequency: 528 }] }, options);
 * wav.byteLength; // 1920044: 16-bit stereo at 48 kHz and a 44-byte header
 * ```
 */
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
  checkOptions(options, wavOptionRules, 'encodeWav');
  const format = options.format ?? 'pcm24';
  const channels = buffer.channels;
  if (channels.length < 1 || channels.some((channel) => channel.length !== channels[0]!.length)) {
    throw validationFailed('encodeWav buffer', [{ path: 'channels', code: 'invalid_value', message: 'needs one or more channels of equal length' }]);
  }
  const frames = buffer.frames ?? channels[0]!.length;
  const header = wavHeader({ sampleRate: buffer.sampleRate, channels: channels.length, frames, format });
  const body = encodeWavSamples(channels, frames, format);
  const file = new Uint8Array(header.length + body.length + (body.length % 2));
  file.set(header, 0);
  file.set(body, header.length);
  return file;
}

/**
 * The byte length of a program's WAV file (for Content-Length).
 *
 * @example
 * wavByteLength({ duration: 1, layers: [] }, { format: 'pcm16' }); // 44 + 192000
 */
export function wavByteLength(program: ProgramInput | Program, options: WavOptions = {}): number {
  checkOptions(options, wavOptionRules, 'wavByteLength');
  const renderer = createProgramRenderer(program);
  const data = renderer.totalFrames * 2 * bytesPerSample(options.format ?? 'pcm24');
  return wavHeader({ sampleRate: renderer.sampleRate, channels: 2, frames: renderer.totalFrames, format: options.format ?? 'pcm24' }).length + data + (data % 2);
}

/**
 * Yield a program's WAV file as byte chunks (header first); memory stays constant.
 *
 * @example
 * for (const chunk of wavChunks(program, { format: 'float32' })) socket.write(chunk);
 */
export function* wavChunks(program: ProgramInput | Program, options: WavOptions & { blockSize?: number } = {}): Generator<Uint8Array> {
  checkOptions(options, wavStreamOptionRules, 'wavChunks');
  const format = options.format ?? 'pcm24';
  const renderer = createProgramRenderer(program);
  yield wavHeader({ sampleRate: renderer.sampleRate, channels: 2, frames: renderer.totalFrames, format });
  // the float buffers are reused; only the encoded bytes handed to the consumer are fresh
  const blockSize = Math.max(1, Math.floor(options.blockSize ?? 8192));
  const left = new Float32Array(blockSize);
  const right = new Float32Array(blockSize);
  const channels = [left, right];
  let total = 0;
  for (let frames = renderer.read(left, right, blockSize); frames > 0; frames = renderer.read(left, right, blockSize)) {
    const bytes = encodeWavSamples(channels, frames, format);
    total += bytes.length;
    yield bytes;
  }
  if (total % 2) yield new Uint8Array(1);
}

/**
 * Async form of {@link wavChunks}, yielding to the event loop every `sliceMs` (default 20); honours `signal`.
 *
 * @example
 * for await (const chunk of wavChunksAsync(program, { signal })) await write(chunk);
 */
export async function* wavChunksAsync(program: ProgramInput | Program, options: WavOptions & { blockSize?: number; signal?: AbortSignal; sliceMs?: number } = {}): AsyncGenerator<Uint8Array> {
  checkOptions(options, wavAsyncOptionRules, 'wavChunksAsync');
  const slice = options.sliceMs ?? 20;
  let sliceStart = Date.now();
  for (const chunk of wavChunks(program, { format: options.format, blockSize: options.blockSize })) {
    options.signal?.throwIfAborted();
    yield chunk;
    if (Date.now() - sliceStart >= slice) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
  }
}

/**
 * Render a program to a complete WAV file in memory.
 *
 * @example
 * const bytes = renderToWav({ duration: 5, layers: [{ kind: 'tone', frequency: 528 }] }, { format: 'pcm16' });
 */
export function renderToWav(program: ProgramInput | Program, options: WavOptions = {}): Uint8Array {
  checkOptions(options, wavOptionRules, 'renderToWav');
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
  checkOptions(options, wavStreamOptionRules, 'wavReadableStream');
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
