import * as z from 'zod/mini';
import { definePlugin, type Clock, type Session } from '@vajra-stream/core';
import { createAudioEngine, type AudioEngine, type EngineStatus } from '../engine/create-audio-engine';
import type { AudioSink } from '../engine/audio-sink';
import { nullSink } from '../engine/null-sink';
import { parseProgram } from '../program/parse-program';
import { programFromSession, seedRequestSchema } from '../presets/program-from-seed';
import { programSchema, type Program, type ProgramInput } from '../program/program-schema';
import type { ActiveFrequency } from '../render/voice';
import type { Spectrum } from '../analysis/analyze-spectrum';

/**
 * Configuration of the audio plugin (`config.audio` or `VAJRA_AUDIO__*`).
 *
 * @example
 * createVajra({ plugins: [audioPlugin()], config: { audio: { spectrumRate: 5, fadeOut: 10 } } });
 */
export const audioPluginConfigSchema = z.object({
  /** `audio:spectrum` frames per second while playing (0 = none). */
  spectrumRate: z._default(z.coerce.number().check(z.gte(0), z.lte(60)), 10),
  /** FFT size of the frames (power of two). */
  fftSize: z._default(z.coerce.number().check(z.int(), z.gte(256), z.lte(32_768)), 4096),
  /** Peaks per frame. */
  maxPeaks: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(64)), 8),
  /** Fade-out when a session stops (s). */
  fadeOut: z._default(z.coerce.number().check(z.gte(0), z.lte(60)), 3),
  /** Crossfade when another session starts while one plays (s). */
  crossfade: z._default(z.coerce.number().check(z.gte(0), z.lte(60)), 2),
});

/**
 * Parsed audio plugin configuration.
 *
 * @example
 * ```ts
 * const config: AudioPluginConfig = audioPluginConfigSchema.parse({ spectrumRate: '5' }); // as read from VAJRA_AUDIO__SPECTRUM_RATE
 * // { spectrumRate: 5, fftSize: 4096, maxPeaks: 8, fadeOut: 3, crossfade: 2 }
 * ```
 */
export type AudioPluginConfig = z.infer<typeof audioPluginConfigSchema>;

/**
 * Payload of `audio:spectrum`: a real FFT of the most recent audio, as plain JSON.
 *
 * @example
 * ```ts
 * vajra.events.on('audio:spectrum', (frame: SpectrumFrame) => {
 *   console.log(`${frame.position.toFixed(1)} s into the program: ${frame.peaks[0]?.frequency.toFixed(1)} Hz, ${frame.bands.length} bands`); // 32 bands
 * });
 * ```
 */
export interface SpectrumFrame {
  sessionId: string | null;
  /** Owner of what plays (the session's owner, or the `owner` given to `play()`; `null`: unowned), so servers can route frames to their principal. */
  owner: string | null;
  /** ISO time of the frame (kernel clock). */
  at: string;
  /** Seconds into the program. */
  position: number;
  sampleRate: number;
  fftSize: number;
  /** Strongest peaks, interpolated. */
  peaks: Array<{ frequency: number; magnitude: number }>;
  /** Levels (dB) of 32 log-spaced bands from 20 Hz to 20 kHz. */
  bands: number[];
}

/**
 * Payload of `audio:ended`: what played (or was about to) has ended and the engine is idle — the program
 * `completed` by itself, was `stopped` (after its fade-out), or was `cancelled` by a stop while it waited
 * for the room (the kernel's `beforeAudio` tasks, an amplifier's pre-roll) and never sounded. Not emitted
 * when another program or session takes over (a replacement or a crossfade: the sound goes on).
 *
 * @example
 * ```ts
 * vajra.events.on('audio:ended', (event: AudioEndedEvent) => {
 *   console.log(`${event.at}: ${event.sessionId ?? 'a play() outside sessions'} ${event.reason}`); // e.g. 'completed'
 * });
 * ```
 */
export interface AudioEndedEvent {
  /** The session whose audio ended, `null` for a `play()` outside sessions. */
  sessionId: string | null;
  /** Owner of what played (as in {@link SpectrumFrame}). */
  owner: string | null;
  reason: 'completed' | 'stopped' | 'cancelled';
  /** ISO time (kernel clock). */
  at: string;
}

const schemas = { program: programSchema, seedRequest: seedRequestSchema } as const;

/**
 * What `vajra.plugin('audio')` returns.
 *
 * @example
 * ```ts
 * const audio: AudioPluginApi = vajra.plugin('audio');
 * await audio.play({ duration: 60, layers: [{ kind: 'tone', frequency: 432 }] }, { owner: 'user_42' });
 * audio.status(); // { state: 'playing', …, sessionId: null, owner: 'user_42' }
 * audio.activeFrequencies(); // [{ layer: 0, kind: 'tone', frequency: 432, … }]
 * await audio.stop({ fadeOut: 2 });
 * ```
 */
export interface AudioPluginApi {
  readonly engine: AudioEngine;
  /** The zod schemas of a program and of a seed-style request (servers validate and document with them). */
  readonly schemas: typeof schemas;
  /** Play a program outside any session, for `owner` (the principal that started it; `null`/omitted: unowned). */
  play(program: ProgramInput | Program, options?: PlayOptions): Promise<void>;
  stop(options?: { fadeOut?: number }): Promise<void>;
  /** The engine's status, the session it plays (if any) and the owner of the playback. */
  status(): EngineStatus & { sessionId: string | null; owner: string | null };
  activeFrequencies(): ActiveFrequency[];
  spectrum(): Spectrum;
}

/**
 * Options of `vajra.plugin('audio').play()`.
 *
 * @example
 * ```ts
 * const options: PlayOptions = { owner: 'user_42' }; // only user_42 (and admins) see this playback and its spectrum frames
 * await vajra.plugin('audio').play({ duration: 60, layers: [{ kind: 'tone', frequency: 432 }] }, options);
 * ```
 */
export interface PlayOptions {
  /** The principal the playback belongs to; servers show it only to that principal (and admins). */
  owner?: string | null;
}

/**
 * Options of {@link audioPlugin}.
 *
 * @example
 * ```ts
 * const options: AudioPluginOptions = { sink: (clock) => nullSink({ clock, intervalMs: 50 }) };
 * const vajra = createVajra({ plugins: [audioPlugin(options)] });
 * // with a sound card: audioPlugin({ sink: speakerSink() }) (from '@vajra-stream/audio/node')
 * ```
 */
export interface AudioPluginOptions {
  /** Where audio goes: a sink, or a factory receiving the kernel clock. Default: `nullSink` on the kernel clock. */
  sink?: AudioSink | ((clock: Clock) => AudioSink);
}

declare module '@vajra-stream/core' {
  interface VajraEvents {
    'audio:spectrum': SpectrumFrame;
    'audio:ended': AudioEndedEvent;
  }
  interface VajraPluginApis {
    audio: AudioPluginApi;
  }
  interface VajraPluginConfigs {
    audio: z.input<typeof audioPluginConfigSchema>;
  }
}

const BANDS = 32;
function bandLevels(spectrum: Spectrum): number[] {
  const levels: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    const low = 20 * 1000 ** (band / BANDS);
    const high = 20 * 1000 ** ((band + 1) / BANDS);
    let power = 0;
    for (let bin = Math.max(1, Math.floor(low / spectrum.binWidth)); bin <= Math.min(spectrum.magnitudes.length - 1, Math.ceil(high / spectrum.binWidth)); bin++) {
      power += 10 ** (spectrum.magnitudes[bin]! / 10);
    }
    levels.push(Math.round(10 * Math.log10(Math.max(power, 1e-20)) * 10) / 10);
  }
  return levels;
}

/**
 * The audio plugin: plays a session's program when it starts (its `program`, or one derived from
 * `audioType`/`frequencies`) — never before the kernel's `beforeAudio` tasks are done (`ctx.hooks`: the
 * hardware plugin's amplifier pre-roll), for sessions and for `play()` alike — resumes recovered running sessions at their elapsed time, pauses/resumes with it, fades out when it stops, crossfades when another
 * session starts, and emits `audio:spectrum` frames (real FFT of the rendered audio) while playing.
 * In a deployment of several instances (a kernel with a bus) only the holder of the work lease plays, for
 * sessions started on any instance; another instance resumes them at their elapsed time when it takes over.
 *
 * @example
 * const vajra = createVajra({ plugins: [audioPlugin()], config: { audio: { spectrumRate: 10 } } });
 * await vajra.start();
 * vajra.events.on('audio:spectrum', (frame) => console.log(frame.peaks[0]));
 */
export function audioPlugin(options: AudioPluginOptions = {}) {
  let timer: unknown;
  let engine: AudioEngine | undefined;
  let clock: Clock | undefined;
  return definePlugin({
    specificationVersion: 'v1',
    id: 'audio',
    configSchema: audioPluginConfigSchema,
    setup(ctx): AudioPluginApi {
      const config = ctx.config;
      clock = ctx.clock;
      const sink = typeof options.sink === 'function' ? options.sink(ctx.clock) : (options.sink ?? nullSink({ clock: ctx.clock }));
      let sessionId: string | null = null;
      let owner: string | null = null;
      /**
       * Bumped by every start of sound (a session's, a `play()`) and every stop: a start still waiting for the
       * room when it changed gives up. `waiting` is the ticket of the start that waits now, if any.
       */
      let starts = 0;
      let waiting: number | null = null;
      const ended = (what: { sessionId: string | null; owner: string | null }, reason: AudioEndedEvent['reason']) =>
        ctx.events.emit('audio:ended', { ...what, reason, at: new Date(ctx.clock.now()).toISOString() });
      const live = createAudioEngine({
        sink,
        onEnded: () => {
          const what = { sessionId, owner };
          sessionId = null;
          owner = null;
          ended(what, 'completed');
        },
      });
      /** Waits for the room (the kernel's `beforeAudio` tasks); false when a stop or another start came meanwhile. */
      const readyToSound = async (context: { sessionId: string | null; position: number }): Promise<boolean> => {
        const ticket = ++starts;
        waiting = ticket;
        try {
          await ctx.hooks.prepareAudio(context);
        } finally {
          if (waiting === ticket) waiting = null;
        }
        return ticket === starts;
      };
      /** Stop what sounds or waits to; `audio:ended` once the engine is idle, when anything sounded or waited. */
      const halt = (fadeOut: number, what: { sessionId: string | null; owner: string | null }): Promise<void> => {
        const waited = waiting !== null;
        waiting = null;
        starts += 1;
        const sounding = live.status().state !== 'idle';
        const stopped = live.stop({ fadeOut });
        if (!sounding && !waited) return stopped;
        return stopped.then(() => {
          if (live.status().state === 'idle') ended(what, sounding ? 'stopped' : 'cancelled');
        });
      };
      engine = live;
      const logger = ctx.logger;
      const guard = (what: string, task: () => unknown) => {
        Promise.resolve()
          .then(task)
          .catch((error: unknown) => logger.error(`audio: ${what} failed`, { error: (error as Error).message, code: (error as { code?: string }).code }));
      };
      const emitFrame = () => {
        if (live.status().state !== 'playing') return;
        const spectrum = live.spectrum({ fftSize: config.fftSize });
        ctx.events.emit('audio:spectrum', {
          sessionId,
          owner,
          at: new Date(ctx.clock.now()).toISOString(),
          position: live.status().position,
          sampleRate: spectrum.sampleRate,
          fftSize: spectrum.fftSize,
          peaks: spectrum.peaks.slice(0, config.maxPeaks).map((peak) => ({
            frequency: Math.round(peak.frequency * 100) / 100,
            magnitude: Math.round(peak.magnitude * 10) / 10,
          })),
          bands: bandLevels(spectrum),
        });
      };
      if (config.spectrumRate > 0) timer = ctx.clock.setInterval(emitFrame, 1000 / config.spectrumRate);

      const startSession = (session: Session, startAt = 0) =>
        guard('start', async () => {
          const program = programFromSession(session);
          sessionId = session.id;
          owner = session.owner;
          // No sound before the room is ready: the kernel's beforeAudio tasks (an amplifier's pre-roll).
          const ready = await readyToSound({ sessionId: session.id, position: startAt });
          // Stopped or replaced while the room got ready: nothing to play. Paused: it plays when resumed.
          if (!ready || sessionId !== session.id) return;
          if ((await ctx.sessions.get(session.id).catch(() => undefined))?.status !== 'running') return;
          const playing = live.status().state === 'playing';
          if (playing && config.crossfade > 0 && startAt === 0) await live.crossfade(program, { duration: config.crossfade });
          else await live.play(program, { startAt });
        });
      // A session's audio plays on one instance of a deployment: the work holder, for sessions started on any
      // instance (alone, that is this one). When another instance takes the work over it resumes the sessions.
      const offs = [
        ctx.work.on('session:started', ({ session }) => startSession(session)),
        ctx.work.on('session:recovered', ({ session }) => {
          // after a restart or a takeover, continue where the session's elapsed time says
          if (session.status === 'running') startSession(session, session.elapsedTime);
        }),
        ctx.work.on('session:paused', ({ session }) => session.id === sessionId && live.pause()),
        ctx.work.on('session:resumed', ({ session }) => {
          if (session.id !== sessionId) return;
          // Paused before its audio began (during the room's pre-roll): it begins now.
          if (live.status().state === 'idle') startSession(session, session.elapsedTime);
          else live.resume();
        }),
        ...(['session:stopped', 'session:completed', 'session:deleted'] as const).map((name) =>
          ctx.work.on(name, ({ session }) => {
            if (session.id !== sessionId) return;
            const what = { sessionId, owner };
            sessionId = null;
            owner = null;
            guard('stop', () => halt(config.fadeOut, what));
          }),
        ),
        ctx.work.onChange((holder) => {
          if (holder || sessionId === null) return;
          const what = { sessionId, owner };
          sessionId = null;
          guard('stop', () => halt(0, what));
        }),
      ];
      ctx.signal.addEventListener('abort', () => offs.forEach((off) => off()), { once: true });

      return {
        engine: live,
        schemas,
        play: async (input, playOptions) => {
          // Refused before the room is readied for it (an amplifier switched on for nothing).
          const program = parseProgram(input);
          sessionId = null;
          owner = playOptions?.owner ?? null;
          // Stopped, or replaced by another start, while the room got ready: nothing plays.
          if (!(await readyToSound({ sessionId: null, position: 0 }))) return;
          return live.play(program);
        },
        stop: (stopOptions) => halt(stopOptions?.fadeOut ?? config.fadeOut, { sessionId, owner }),
        status: () => {
          const engineStatus = live.status();
          return { ...engineStatus, sessionId, owner: engineStatus.state === 'idle' ? null : owner };
        },
        activeFrequencies: () => live.activeFrequencies(),
        spectrum: () => live.spectrum({ fftSize: config.fftSize }),
      };
    },
    async dispose() {
      if (timer !== undefined) clock?.clearInterval(timer as never);
      timer = undefined;
      await engine?.dispose();
    },
  });
}
