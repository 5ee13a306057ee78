import { VajraError, type Vajra } from '@vajra-stream/core';
import type { AudioPluginApi, Program } from '@vajra-stream/audio';
import { z } from 'zod';
import { classicSchema } from '../openapi/classic-schema';
import { namedSchema } from '../openapi/named-schema';
import type { RenderPool } from '../render/create-render-pool';
import { defineRoute, type AnyRoute } from '../routing/define-route';
import { visiblePlayback } from './visible-playback';

/** Limits of offline rendering through the API. */
export interface AudioRouteLimits {
  /** Longest program rendered as WAV per request, seconds (default 600). */
  maxWavSeconds: number;
  /** Longest program returned as JSON samples, seconds (default 5). */
  maxJsonSeconds: number;
}

const statusSchema = z
  .object({
    state: z.enum(['idle', 'playing', 'paused', 'stopping']),
    position: z.number().meta({ description: 'Seconds into the program' }),
    duration: z.number().meta({ description: 'Length of the program (s), 0 when idle' }),
    sessionId: z.string().nullable(),
    owner: z.string().nullable().meta({ description: 'The principal the playback belongs to (null: unowned)' }),
  })
  .meta({ id: 'AudioStatus' });
const spectrumSchema = z
  .object({ sampleRate: z.number(), fftSize: z.number().int(), binWidth: z.number(), peaks: z.array(z.object({ frequency: z.number(), magnitude: z.number() })) })
  .meta({ id: 'AudioSpectrum' });
const hz = z.array(z.number());
const frequenciesSchema = z
  .object({
    solfeggio: hz,
    blessing: hz,
    intentions: z.record(z.string(), hz),
    schumann: hz,
    brainwaveBands: z.record(z.string(), z.tuple([z.number(), z.number()])),
    active: z.array(z.object({ layer: z.number().int(), kind: z.string(), frequency: z.number(), ear: z.enum(['left', 'right', 'both']), amplitude: z.number() })),
  })
  .meta({ id: 'AudioFrequencies' });

const audioModule = () => import('@vajra-stream/audio');

/** The seed's generate() arguments (`type` defaults to `prayer_bowl`), or a full program: the audio package's own schemas. */
function makeBodySchemas(schemas: AudioPluginApi['schemas']) {
  const source = classicSchema(schemas.seedRequest)
    .partial()
    .extend({ program: namedSchema(schemas.program, 'AudioProgram').optional().meta({ description: 'An audio program; when given, the seed fields are ignored' }) });
  return {
    generate: source
      .extend({ format: z.enum(['wav', 'json']).default('wav'), sampleFormat: z.enum(['pcm16', 'pcm24', 'float32']).default('pcm16') })
      .strict()
      .meta({ id: 'GenerateAudio' }),
    play: source.strict().meta({ id: 'PlayAudio' }),
  };
}

type BodySchemas = ReturnType<typeof makeBodySchemas>;
type Source = z.output<BodySchemas['play']>;
const made = new WeakMap<AudioPluginApi['schemas'], BodySchemas>();
function bodySchemas(vajra: Vajra): BodySchemas {
  const { schemas } = vajra.plugin('audio');
  let bodies = made.get(schemas);
  if (bodies === undefined) made.set(schemas, (bodies = makeBodySchemas(schemas)));
  return bodies;
}

async function programOf({ program, ...seed }: Source): Promise<Program> {
  return program ?? (await audioModule()).programFromSeed({ ...seed, type: seed.type ?? 'prayer_bowl' });
}

/**
 * `/api/v1/audio`: offline rendering (`audio/wav` by default, rendered on the `renders` pool's worker threads;
 * bounded JSON samples on request) and the live engine (play, stop, pause, resume, status, spectrum, frequencies).
 *
 * @example
 * ```ts
 * if (vajra.hasPlugin('audio')) routes.push(...audioRoutes(vajra, { maxWavSeconds: 600, maxJsonSeconds: 5 }, () => pool));
 * ```
 */
export function audioRoutes(vajra: Vajra, limits: AudioRouteLimits, renders: () => RenderPool): AnyRoute[] {
  const api = (kernel: Vajra) => kernel.plugin('audio');
  const bodies = bodySchemas(vajra);
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/audio/generate',
      summary: 'Render audio offline: a WAV file, or JSON samples (`format: "json"`, short programs only)',
      description:
        'WAV files render on worker threads and stream as they are made. A client may have a few renders or window searches running or waiting at once (429 `RENDER_LIMIT` past that); a server at capacity answers 503 `RENDERS_BUSY` with `Retry-After`.',
      tags: ['audio'],
      rateLimitWeight: 20, // up to minutes of CPU per call
      body: bodies.generate,
      errors: {
        422: 'Invalid program or request, or longer than the server renders as this format (`VALIDATION_FAILED`, `AUDIO_TOO_LONG`)',
        429: 'Over the request budget (`RATE_LIMITED`; this route takes 20 tokens) or over the client’s renders and window searches at once (`RENDER_LIMIT`); wait `Retry-After` seconds',
        503: 'The server renders and searches at capacity (`RENDERS_BUSY`); wait `Retry-After` seconds',
      },
      produces: {
        'audio/wav': { description: 'WAV file', schema: z.string().meta({ format: 'binary' }) },
        'application/json': { description: 'Samples per channel', schema: z.object({ sampleRate: z.number(), channels: z.array(z.array(z.number())) }) },
      },
      handler: async ({ body, client, signal }) => {
        const audio = await audioModule();
        const { format, sampleFormat, ...source } = body;
        const program = await programOf(source);
        const duration = program.duration;
        const limit = format === 'json' ? limits.maxJsonSeconds : limits.maxWavSeconds;
        if (duration > limit) {
          throw new VajraError('AUDIO_TOO_LONG', `Programs rendered as ${format} are limited to ${limit} s through the API`, { status: 422, details: { duration, limit } });
        }
        if (format === 'json') {
          const buffer = audio.renderToBuffer(program);
          const channels = buffer.channels.map((channel) => Array.from(channel, (sample) => Math.round(sample * 1e5) / 1e5));
          return new Response(JSON.stringify({ sampleRate: buffer.sampleRate, channels }), { headers: { 'content-type': 'application/json; charset=utf-8' } });
        }
        const length = audio.wavByteLength(program, { format: sampleFormat });
        return new Response(renders().wav(client, program, sampleFormat, signal), {
          headers: { 'content-type': 'audio/wav', 'content-length': String(length), 'content-disposition': 'inline; filename="vajra.wav"' },
        });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/audio/play',
      summary: 'Play a program (or seed-style request) on the live engine, outside any session',
      description: 'The playback belongs to the caller. While another principal’s audio plays, the engine is busy (409 AUDIO_BUSY).',
      tags: ['audio'],
      body: bodies.play,
      response: statusSchema,
      errors: { 409: 'The engine plays for someone else (`AUDIO_BUSY`)' },
      handler: async ({ vajra, access, body }) => {
        if (!visiblePlayback(api(vajra), access).visible) throw new VajraError('AUDIO_BUSY', 'The engine is playing for someone else', { status: 409 });
        await api(vajra).play(await programOf(body), { owner: access.owner });
        return visiblePlayback(api(vajra), access).status;
      },
    }),
    ...(['stop', 'pause', 'resume'] as const).map((action) =>
      defineRoute({
        method: 'POST',
        path: `/api/v1/audio/${action}`,
        summary: `${action[0]!.toUpperCase()}${action.slice(1)} the live engine`,
        description: 'Acts only on the caller’s own playback (or any, for admins); someone else’s playback looks idle.',
        tags: ['audio'],
        response: statusSchema,
        ...(action === 'stop' ? {} : { errors: { 409: 'Nothing of yours is playing (`AUDIO_NOT_PLAYING`)' } }),
        handler: async ({ vajra, access }) => {
          const engine = api(vajra);
          const playback = visiblePlayback(engine, access);
          if (action === 'stop') {
            if (playback.visible) await engine.stop();
          } else if (playback.status.state === 'idle') throw new VajraError('AUDIO_NOT_PLAYING', 'Nothing is playing', { status: 409 });
          else engine.engine[action]();
          return visiblePlayback(engine, access).status;
        },
      }),
    ),
    defineRoute({
      method: 'GET',
      path: '/api/v1/audio/status',
      summary: 'Live engine status (someone else’s playback looks idle)',
      tags: ['audio'],
      response: statusSchema,
      handler: ({ vajra, access }) => visiblePlayback(api(vajra), access).status,
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/audio/spectrum',
      summary: 'Spectrum of what the engine plays now (real FFT): strongest peaks (none for someone else’s playback)',
      tags: ['audio'],
      response: spectrumSchema,
      handler: ({ vajra, access }) => {
        const spectrum = api(vajra).spectrum();
        const peaks = visiblePlayback(api(vajra), access).visible ? spectrum.peaks.slice(0, 32) : [];
        return { sampleRate: spectrum.sampleRate, fftSize: spectrum.fftSize, binWidth: spectrum.binWidth, peaks };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/audio/frequencies',
      summary: 'Frequency sets (solfeggio, blessing, intentions, Schumann, brainwave bands) and what plays now',
      tags: ['audio'],
      response: frequenciesSchema,
      handler: async ({ vajra, access }) => {
        const audio = await audioModule();
        return {
          solfeggio: [...audio.solfeggioFrequencies],
          blessing: [...audio.blessingFrequencies],
          intentions: Object.fromEntries(Object.entries(audio.intentionFrequencies).map(([name, set]) => [name, [...set]])),
          schumann: [...audio.schumannResonances],
          brainwaveBands: Object.fromEntries(Object.entries(audio.brainwaveBands).map(([band, [low, high]]) => [band, [low, high] as [number, number]])),
          active: visiblePlayback(api(vajra), access).visible ? api(vajra).activeFrequencies() : [],
        };
      },
    }),
  ];
}
