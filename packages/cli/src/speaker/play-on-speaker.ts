import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Program } from '@vajra-stream/audio';
import { VajraError } from '@vajra-stream/core';
import type { SpeakerReport, SpeakerRequest } from './speaker-messages';

/** Options of {@link playOnSpeaker}. */
export interface PlayOnSpeakerOptions {
  device?: string;
  /** Abort to fade out and stop. */
  signal: AbortSignal;
  /** Every report of the speaker process (playing, position, …). */
  onReport?: (report: SpeakerReport) => void;
}

// Chunks and entries are all emitted at the root of dist/, next to speaker-host.js.
const hostPath = () => fileURLToPath(new URL('./speaker-host.js', import.meta.url));

/**
 * Play a program on the speakers in a child process (whose own output is discarded). Resolves with
 * how it ended: `ended` by itself or `stopped` after `signal` aborted; rejects with the speaker's
 * `VajraError` (`AUDIO_OUTPUT_UNAVAILABLE`, …), status 503.
 *
 * @example
 * ```ts
 * const how = await playOnSpeaker(program, { signal });
 * ```
 */
export function playOnSpeaker(program: Program, options: PlayOnSpeakerOptions): Promise<'ended' | 'stopped'> {
  const child = fork(hostPath(), [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  let outcome: 'ended' | 'stopped' | VajraError | undefined;
  const stop = () => child.connected && child.send({ type: 'stop' } satisfies SpeakerRequest);
  options.signal.addEventListener('abort', stop, { once: true });
  child.on('message', (report: SpeakerReport) => {
    options.onReport?.(report);
    if (report.type === 'ended' || report.type === 'stopped') outcome = report.type;
    if (report.type === 'error') outcome = new VajraError(report.code, report.message, { status: 503 });
  });
  child.send({ type: 'play', program, ...(options.device === undefined ? {} : { device: options.device }) } satisfies SpeakerRequest);
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      options.signal.removeEventListener('abort', stop);
      if (outcome === 'ended' || outcome === 'stopped') resolve(outcome);
      else reject(outcome ?? new VajraError('AUDIO_OUTPUT_FAILED', `the speaker process stopped unexpectedly (${signal ?? `exit code ${code}`})`, { status: 503 }));
    });
  });
}
