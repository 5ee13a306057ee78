/**
 * Node-only parts of `@vajra-stream/audio`: WAV files and Node streams, the recording sink and the
 * speaker sink (optional peer `node-web-audio-api`). The main entry stays browser-safe.
 *
 * @example
 * ```ts
 * import { writeWavFile } from '@vajra-stream/audio/node';
 * await writeWavFile({ duration: 60, layers: [{ kind: 'bowl', frequency: 221 }] }, 'bowl.wav');
 * ```
 * @module @vajra-stream/audio/node
 */
export { writeWavFile, wavNodeReadable, type WavProgress, type WriteWavFileOptions } from './write-wav-file';
export { wavFileSink } from './wav-file-sink';
export { speakerSink, type SpeakerSinkOptions } from './speaker-sink';
