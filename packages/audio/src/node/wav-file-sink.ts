import { open, type FileHandle } from 'node:fs/promises';
import { systemClock } from '@vajra-stream/core';
import type { AudioSink } from '../engine/audio-sink';
import type { PacedSinkOptions } from '../engine/null-sink';
import { startPacedPump, type PacedPump } from '../engine/paced-pump';
import { encodeWavSamples, wavHeader, type WavFormat } from '../wav/wav-format';

/**
 * A sink that records what the live engine plays to a WAV file, paced by a clock; the header's sizes are
 * written when the sink closes.
 *
 * @example
 * const engine = createAudioEngine({ sink: wavFileSink('live.wav', { format: 'pcm16' }) });
 */
export function wavFileSink(path: string, options: PacedSinkOptions & { format?: WavFormat } = {}): AudioSink & { flushed(): Promise<void> } {
  const format = options.format ?? 'pcm24';
  let pump: PacedPump | undefined;
  let file: FileHandle | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let frames = 0;
  let sampleRate = 48_000;
  return {
    name: 'wav-file',
    async open(source) {
      sampleRate = source.sampleRate;
      frames = 0;
      file = await open(path, 'w');
      const handle = file;
      queue = handle.write(wavHeader({ sampleRate, channels: 2, frames: 0, format }));
      pump = startPacedPump(source, options.clock ?? systemClock, options.intervalMs ?? 20, (channels) => {
        const bytes = encodeWavSamples(channels, channels[0].length, format);
        frames += channels[0].length;
        queue = queue.then(() => handle.write(bytes));
      });
    },
    async close() {
      pump?.stop();
      pump = undefined;
      const handle = file;
      file = undefined;
      if (!handle) return;
      await queue;
      const header = wavHeader({ sampleRate, channels: 2, frames, format });
      await handle.write(header, 0, header.length, 0);
      await handle.close();
    },
    flushed: () => queue.then(() => undefined),
  };
}
