import { systemClock, VajraError, type Clock } from '@vajra-stream/core';
import type { AudioSink } from '../engine/audio-sink';

/**
 * Options of {@link speakerSink}.
 *
 * @example
 * ```ts
 * const options: SpeakerSinkOptions = { bufferAhead: 0.5 }; // seconds scheduled ahead of the device clock
 * const engine = createAudioEngine({ sink: speakerSink(options) });
 * // without a sound card (CI): speakerSink({ sinkId: { type: 'none' } })
 * ```
 */
export interface SpeakerSinkOptions {
  /** Output device id, or `{ type: 'none' }` to run the audio graph without a device. */
  sinkId?: string | { type: 'none' };
  /** Audio scheduled ahead of the device clock (s, default 0.2). */
  bufferAhead?: number;
  /** Clock for the scheduling timer (default system clock). */
  clock?: Clock;
  /** Module loader (default: dynamic import of `node-web-audio-api`). */
  load?: () => Promise<unknown>;
}

interface WebAudioModule {
  AudioContext: new (
    options: Record<string, unknown>,
  ) => {
    currentTime: number;
    destination: unknown;
    createBuffer(channels: number, frames: number, sampleRate: number): { copyToChannel(data: Float32Array, channel: number): void };
    createBufferSource(): { buffer: unknown; connect(node: unknown): void; start(when: number): void };
    close(): Promise<void>;
  };
}

/**
 * Play through a sound card with the optional peer `node-web-audio-api`. The engine is paced by the
 * device clock: audio is scheduled `bufferAhead` seconds ahead. A missing module or device becomes
 * `VajraError('AUDIO_OUTPUT_UNAVAILABLE')` from `engine.play`, never a crash.
 *
 * @example
 * const engine = createAudioEngine({ sink: speakerSink() });
 * await engine.play({ duration: 30, layers: [{ kind: 'bowl', frequency: 221 }] });
 */
export function speakerSink(options: SpeakerSinkOptions = {}): AudioSink {
  const clock = options.clock ?? systemClock;
  const ahead = options.bufferAhead ?? 0.2;
  let context: InstanceType<WebAudioModule['AudioContext']> | undefined;
  let timer: unknown;
  return {
    name: 'speaker',
    async open(source) {
      let module: WebAudioModule;
      try {
        module = (await (options.load ?? (() => import('node-web-audio-api')))()) as WebAudioModule;
      } catch (error) {
        throw new VajraError(
          'AUDIO_OUTPUT_UNAVAILABLE',
          'speakerSink needs the optional peer dependency node-web-audio-api (npm i node-web-audio-api@~1.0); use nullSink() on machines without audio',
          { status: 503, cause: error },
        );
      }
      try {
        context = new module.AudioContext({
          sampleRate: source.sampleRate,
          latencyHint: 'playback',
          ...(options.sinkId !== undefined ? { sinkId: options.sinkId } : {}),
        });
      } catch (error) {
        throw new VajraError('AUDIO_OUTPUT_UNAVAILABLE', `no audio output device: ${(error as Error).message}`, {
          status: 503,
          cause: error,
        });
      }
      const ctx = context;
      let next = ctx.currentTime + 0.05;
      const chunk = Math.round(source.sampleRate * 0.05);
      const schedule = () => {
        if (next < ctx.currentTime) next = ctx.currentTime + 0.02; // underrun: resync
        while (next < ctx.currentTime + ahead) {
          const [left, right] = source.pull(chunk);
          const buffer = ctx.createBuffer(2, chunk, source.sampleRate);
          buffer.copyToChannel(left, 0);
          buffer.copyToChannel(right, 1);
          const node = ctx.createBufferSource();
          node.buffer = buffer;
          node.connect(ctx.destination);
          node.start(next);
          next += chunk / source.sampleRate;
        }
      };
      schedule();
      timer = clock.setInterval(schedule, 20);
    },
    async close() {
      if (timer !== undefined) clock.clearInterval(timer as never);
      timer = undefined;
      const ctx = context;
      context = undefined;
      await ctx?.close();
    },
  };
}
