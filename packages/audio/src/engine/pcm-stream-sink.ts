import { systemClock } from '@vajra-stream/core';
import type { AudioSink } from './audio-sink';
import type { PacedSinkOptions } from './null-sink';
import { startPacedPump, type PacedPump } from './paced-pump';

/**
 * A chunk of live PCM delivered to subscribers.
 *
 * @example
 * ```ts
 * const sink = pcmStreamSink();
 * sink.subscribe((chunk: PcmChunk) => {
 *   const at = chunk.startFrame / chunk.sampleRate; // seconds since the sink opened
 *   socket.send(encodeWavSamples(chunk.channels, chunk.frames, 'pcm16'));
 * });
 * ```
 */
export interface PcmChunk {
  channels: [Float32Array, Float32Array];
  frames: number;
  /** Frames delivered before this chunk since the sink opened. */
  startFrame: number;
  sampleRate: number;
}

/**
 * A sink that hands real-time paced PCM chunks to subscribers.
 *
 * @example
 * ```ts
 * const sink: PcmStreamSink = pcmStreamSink({ intervalMs: 20 });
 * const off = sink.subscribe((chunk) => socket.send(chunk.channels[0]));
 * const engine = createAudioEngine({ sink });
 * await engine.play({ duration: 60, layers: [{ kind: 'tone', frequency: 528 }] });
 * ```
 */
export interface PcmStreamSink extends AudioSink {
  subscribe(listener: (chunk: PcmChunk) => void): () => void;
}

/**
 * Real-time paced PCM chunks for your own transport (WebSocket, WebRTC, a native player).
 *
 * @example
 * const sink = pcmStreamSink();
 * const off = sink.subscribe((chunk) => socket.send(chunk.channels[0]));
 * const engine = createAudioEngine({ sink });
 */
export function pcmStreamSink(options: PacedSinkOptions = {}): PcmStreamSink {
  const listeners = new Set<(chunk: PcmChunk) => void>();
  let pump: PacedPump | undefined;
  let startFrame = 0;
  return {
    name: 'pcm-stream',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open(source) {
      startFrame = 0;
      pump = startPacedPump(source, options.clock ?? systemClock, options.intervalMs ?? 20, (channels) => {
        const chunk: PcmChunk = { channels, frames: channels[0].length, startFrame, sampleRate: source.sampleRate };
        startFrame += chunk.frames;
        for (const listener of listeners) listener(chunk);
      });
    },
    close() {
      pump?.stop();
      pump = undefined;
    },
  };
}
