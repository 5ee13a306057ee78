import { VajraError, type Vajra } from '@vajra-stream/core';
import type { AudioPluginApi, Program } from '@vajra-stream/audio';
import { z } from 'zod';
import { namedSchema } from '../openapi/named-schema';
import { defineRoute, type AnyRoute } from '../routing/define-route';

/** Limits of offline rendering through the API. */
export interface AudioRouteLimits {
  /** Longest program rendered as WAV per request, seconds (default 600). */
  maxWavSeconds: number;
  /** Longest program returned as JSON samples, seconds (default 5). */
  maxJsonSeconds: number;
}

const statusSchema = z.object({ state: z.string(), position: z.number(), duration: z.number(), sessionId: z.string().nullable() }).meta({ id: 'AudioStatus' });

const audioModule = () => import('@vajra-stream/audio');

/** The seed's generate() arguments (`type` defaults to `prayer_bowl`), or a full program: the audio package's own schemas. */
function makeBodySchemas(schemas: AudioPluginApi['schemas']) {
  const source = schemas.seedRequest.partial().extend({ program: namedSchema(schemas.program, 'AudioProgram').optional().meta({ description: 'An audio program; when given, the seed fields are ignored' }) });
  return {
    generate: source.extend({ format: z.enum(['wav', 'json']).default('wav'), sampleFormat: z.enum(['pcm16', 'pcm24', 'float32']).default('pcm16') }).strict().meta({ id: 'GenerateAudio' }),
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
 * `/api/v1/audio`: offline rendering (`audio/wav` by default, bounded JSON samples on request) and the
 * live engine (play, stop, pause, resume, status, spectrum, frequencies).
 *
 * @example
 * ```ts
 * if (vajra.hasPlugin('audio')) routes.push(...audioRoutes(vajra));
 * ```
 */
export function audioRoutes(vajra: Vajra, limits: AudioRouteLimits = { maxWavSeconds: 600, maxJsonSeconds: 5 }): AnyRoute[] {
  const api = (kernel: Vajra) => kernel.plugin('audio');
  const bodies = bodySchemas(vajra);
  const status = (vajra: Vajra) => api(vajra).status();
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/audio/generate',
      summary: 'Render audio offline: a WAV file, or JSON samples (`format: "json"`, short programs only)',
      tags: ['audio'],
      body: bodies.generate,
      produces: { 'audio/wav': { description: 'WAV file' }, 'application/json': { description: 'Samples per channel', schema: z.object({ sampleRate: z.number(), channels: z.array(z.array(z.number())) }) } },
      handler: async ({ body }) => {
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
        return new Response(audio.wavReadableStream(program, { format: sampleFormat }), {
          headers: { 'content-type': 'audio/wav', 'content-length': String(length), 'content-disposition': 'inline; filename="vajra.wav"' },
        });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/audio/play',
      summary: 'Play a program (or seed-style request) on the live engine, outside any session',
      tags: ['audio'],
      body: bodies.play,
      response: statusSchema,
      handler: async ({ vajra, body }) => {
        await api(vajra).play(await programOf(body));
        return status(vajra);
      },
    }),
    ...(['stop', 'pause', 'resume'] as const).map((action) =>
      defineRoute({
        method: 'POST',
        path: `/api/v1/audio/${action}`,
        summary: `${action[0]!.toUpperCase()}${action.slice(1)} the live engine`,
        tags: ['audio'],
        response: statusSchema,
        handler: async ({ vajra }) => {
          const engine = api(vajra);
          if (action === 'stop') await engine.stop();
          else if (engine.engine.status().state === 'idle') throw new VajraError('AUDIO_NOT_PLAYING', 'Nothing is playing', { status: 409 });
          else engine.engine[action]();
          return status(vajra);
        },
      }),
    ),
    defineRoute({
      method: 'GET',
      path: '/api/v1/audio/status',
      summary: 'Live engine status',
      tags: ['audio'],
      response: statusSchema,
      handler: ({ vajra }) => status(vajra),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/audio/spectrum',
      summary: 'Spectrum of what the engine plays now (real FFT): strongest peaks',
      tags: ['audio'],
      response: z.object({ sampleRate: z.number(), fftSize: z.number(), binWidth: z.number(), peaks: z.array(z.object({ frequency: z.number(), magnitude: z.number() })) }),
      handler: ({ vajra }) => {
        const spectrum = api(vajra).spectrum();
        return { sampleRate: spectrum.sampleRate, fftSize: spectrum.fftSize, binWidth: spectrum.binWidth, peaks: spectrum.peaks.slice(0, 32) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/audio/frequencies',
      summary: 'Frequency sets (solfeggio, blessing, intentions, Schumann, brainwave bands) and what plays now',
      tags: ['audio'],
      response: z.record(z.string(), z.unknown()),
      handler: async ({ vajra }) => {
        const audio = await audioModule();
        return {
          solfeggio: audio.solfeggioFrequencies,
          blessing: audio.blessingFrequencies,
          intentions: audio.intentionFrequencies,
          schumann: audio.schumannResonances,
          brainwaveBands: audio.brainwaveBands,
          active: api(vajra).activeFrequencies(),
        };
      },
    }),
  ];
}
