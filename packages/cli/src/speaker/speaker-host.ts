/**
 * The speaker process of `vajra play` (run by the command, not by people). It plays a program on the
 * speakers and reports over IPC. Running the audio library here keeps what it prints (JACK and ALSA
 * probing messages on stdout and stderr) and any native crash out of the command's own output.
 * @module
 */
import { createAudioEngine, type AudioEngine } from '@vajra-stream/audio';
import { speakerSink } from '@vajra-stream/audio/node';
import { isVajraError } from '@vajra-stream/core';
import type { SpeakerReport, SpeakerRequest } from './speaker-messages';

const report = (message: SpeakerReport, then?: () => void) => (process.connected ? process.send!(message, undefined, {}, () => then?.()) : then?.());
let engine: AudioEngine | undefined;
let timer: NodeJS.Timeout | undefined;
let finished = false;

/** Release the device, send the last report, exit. */
async function finish(message: SpeakerReport): Promise<void> {
  if (finished) return;
  finished = true;
  clearInterval(timer);
  await engine?.dispose().catch(() => undefined);
  report(message, () => process.exit(0));
}

async function play(request: Extract<SpeakerRequest, { type: 'play' }>): Promise<void> {
  const sinkId = request.device === 'none' ? { type: 'none' as const } : request.device;
  engine = createAudioEngine({ sink: speakerSink(sinkId === undefined ? {} : { sinkId }), onEnded: () => void finish({ type: 'ended' }) });
  try {
    await engine.play(request.program);
  } catch (error) {
    await finish({ type: 'error', code: isVajraError(error) ? error.code : 'AUDIO_OUTPUT_FAILED', message: (error as Error).message });
    return;
  }
  report({ type: 'playing', duration: request.program.duration });
  timer = setInterval(() => {
    const status = engine!.status();
    report({ type: 'position', position: status.position, duration: status.duration });
  }, 250);
}

async function stop(): Promise<void> {
  const position = engine?.status().position ?? 0;
  await engine?.stop({ fadeOut: 0.3 }).catch(() => undefined);
  await finish({ type: 'stopped', position });
}

// Ctrl-C reaches the whole process group: the command decides, and sends `stop`.
process.on('SIGINT', () => undefined);
process.on('disconnect', () => void stop()); // the command went away: stop playing
process.on('message', (request: SpeakerRequest) => void (request.type === 'play' ? play(request) : stop()));
