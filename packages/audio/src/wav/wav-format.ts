import { VajraError } from '@vajra-stream/core';

/**
 * Sample encodings of a WAV file.
 *
 * @example
 * ```ts
 * const format: WavFormat = 'float32'; // or 'pcm16', 'pcm24' (the default)
 * wavByteLength({ duration: 60, layers: [] }, { format }); // 23040058: a 58-byte header and 60 s × 48000 frames × 2 channels × 4 bytes
 * ```
 */
export type WavFormat = 'pcm16' | 'pcm24' | 'float32';

/** The layout of a WAV stream. */
export interface WavLayout {
  sampleRate: number;
  channels: number;
  frames: number;
  format: WavFormat;
}

/**
 * Bytes per sample of a format.
 *
 * @example
 * bytesPerSample('pcm24'); // 3
 */
export function bytesPerSample(format: WavFormat): number {
  return format === 'pcm16' ? 2 : format === 'pcm24' ? 3 : 4;
}

/** Largest RIFF payload: every size field is an unsigned 32-bit integer. */
const RIFF_LIMIT = 0xffff_ffff;

/**
 * The RIFF/WAVE header for a layout: `fmt ` (PCM, or IEEE float with a `fact` chunk) then the `data`
 * chunk header. Throws `VajraError('WAV_TOO_LARGE')` when the file would exceed the 4 GiB RIFF limit.
 *
 * @example
 * const header = wavHeader({ sampleRate: 48000, channels: 2, frames: 48000, format: 'pcm24' });
 */
export function wavHeader(layout: WavLayout): Uint8Array {
  const { sampleRate, channels, frames, format } = layout;
  const width = bytesPerSample(format);
  const float = format === 'float32';
  const dataBytes = frames * channels * width;
  const headerBytes = float ? 58 : 44;
  if (headerBytes - 8 + dataBytes + (dataBytes % 2) > RIFF_LIMIT) {
    throw new VajraError('WAV_TOO_LARGE', `WAV data of ${dataBytes} bytes exceeds the 4 GiB RIFF limit; shorten the program, lower the sample rate or use a smaller sample format`, {
      status: 413,
      details: { dataBytes, limit: RIFF_LIMIT },
    });
  }
  const header = new Uint8Array(headerBytes);
  const view = new DataView(header.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) header[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, headerBytes - 8 + dataBytes + (dataBytes % 2), true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, float ? 18 : 16, true);
  view.setUint16(20, float ? 3 : 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * width, true);
  view.setUint16(32, channels * width, true);
  view.setUint16(34, width * 8, true);
  let offset = 36;
  if (float) {
    view.setUint16(36, 0, true);
    ascii(38, 'fact');
    view.setUint32(42, 4, true);
    view.setUint32(46, frames, true);
    offset = 50;
  }
  ascii(offset, 'data');
  view.setUint32(offset + 4, dataBytes, true);
  return header;
}

/**
 * Interleave and encode frames of channel data as little-endian WAV samples (PCM is clamped and rounded).
 *
 * @example
 * const bytes = encodeWavSamples([left, right], left.length, 'pcm16');
 */
export function encodeWavSamples(channels: ArrayLike<number>[], frames: number, format: WavFormat): Uint8Array {
  const count = channels.length;
  const width = bytesPerSample(format);
  // one spare byte lets 24-bit samples be written as 32-bit little-endian words that the next one overwrites
  const bytes = new Uint8Array(frames * count * width + (format === 'pcm24' ? 1 : 0));
  const view = new DataView(bytes.buffer);
  for (let channel = 0; channel < count; channel++) {
    const source = channels[channel]!;
    if (format === 'float32') writeFloat32(view, source, frames, channel * 4, count * 4);
    else if (format === 'pcm16') writePcm16(view, source, frames, channel * 2, count * 2);
    else writePcm24(view, source, frames, channel * 3, count * 3);
  }
  return format === 'pcm24' ? bytes.subarray(0, frames * count * 3) : bytes;
}

function writeFloat32(view: DataView, source: ArrayLike<number>, frames: number, offset: number, stride: number): void {
  for (let frame = 0; frame < frames; frame++, offset += stride) view.setFloat32(offset, source[frame]!, true);
}

function writePcm16(view: DataView, source: ArrayLike<number>, frames: number, offset: number, stride: number): void {
  for (let frame = 0; frame < frames; frame++, offset += stride) {
    const sample = source[frame]!;
    const clamped = sample > 1 ? 1 : sample < -1 ? -1 : sample || 0;
    view.setInt16(offset, Math.round(clamped * 32767), true);
  }
}

function writePcm24(view: DataView, source: ArrayLike<number>, frames: number, offset: number, stride: number): void {
  // samples of later channels/frames sit at higher offsets, so a 4-byte write's top byte is overwritten
  // by the following sample (channel order is ascending within a frame; frames ascend)
  for (let frame = 0; frame < frames; frame++, offset += stride) {
    const sample = source[frame]!;
    const clamped = sample > 1 ? 1 : sample < -1 ? -1 : sample || 0;
    const value = Math.round(clamped * 8388607);
    const low = view.getUint8(offset + 3);
    view.setInt32(offset, value, true);
    view.setUint8(offset + 3, low);
  }
}
