import { VajraError, type Vajra } from '@vajra-stream/core';
import type { VisualsApi } from '@vajra-stream/visuals';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../routing/define-route';
import { preferredImageType, queryVersion } from './visuals-query';
import { renderSpectrogramFrames, renderSpectrumAt } from './visuals-audio';

const visualsModule = () => import('@vajra-stream/visuals');
/** Most spectrogram cells drawn per request (~40 ms of one core). */
const MAX_CELLS = 65_536;

const IMAGE_HEADERS = {
  vary: 'Accept',
  'x-content-type-options': 'nosniff',
  // a picture opened on its own may not run or fetch anything
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};
const produces = {
  'image/svg+xml': { description: 'The picture as SVG (default)', schema: z.string() },
  'image/png': { description: 'The picture as PNG, when `Accept` prefers image/png (406 when @resvg/resvg-js is not installed)', schema: z.string().meta({ format: 'binary' }) },
};

const notAcceptable = { 406: 'The `Accept` header takes neither SVG nor, where PNG can be made, PNG (`NOT_ACCEPTABLE`, `PNG_UNAVAILABLE`)' };

/** Answer with the SVG, or with a PNG when the `Accept` header prefers one and resvg is installed; 406 when nothing acceptable can be made. */
async function pictureResponse(api: VisualsApi, request: Request, svg: string, cacheControl: string): Promise<Response> {
  const accept = request.headers.get('accept');
  const pngAvailable = await api.isPngAvailable();
  const type = preferredImageType(accept, pngAvailable);
  if (type === null && !pngAvailable && preferredImageType(accept, true) === 'png') {
    throw new VajraError('PNG_UNAVAILABLE', 'PNG output needs @resvg/resvg-js installed on the server; ask for image/svg+xml', { status: 406 });
  }
  if (type === null) throw new VajraError('NOT_ACCEPTABLE', 'Pictures are image/svg+xml, or image/png where @resvg/resvg-js is installed', { status: 406 });
  if (type === 'png') {
    const png = await api.png(svg);
    return new Response(png, { headers: { ...IMAGE_HEADERS, 'content-type': 'image/png', 'content-length': String(png.byteLength), 'cache-control': cacheControl } });
  }
  return new Response(svg, { headers: { ...IMAGE_HEADERS, 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': cacheControl } });
}

/** The place of a chart wheel or lunar month defaults to the astrology plugin's configured location, when there is one. */
function withDefaultPlace(vajra: Vajra, schema: z.ZodObject<z.ZodRawShape>): z.ZodObject<z.ZodRawShape> {
  const location = vajra.hasPlugin('astrology') ? vajra.plugin('astrology').location : undefined;
  if (location === undefined) return schema;
  return schema.extend({ latitude: z.number().min(-90).max(90).default(location.latitude), longitude: z.number().min(-180).max(180).default(location.longitude) });
}

function pictureRoutes(vajra: Vajra, api: VisualsApi): AnyRoute[] {
  return api.kinds.flatMap((kind) => {
    const own = api.schemas.pictures[kind] as unknown as z.ZodObject<z.ZodRawShape>;
    const placed = kind === 'chart-wheel' || kind === 'lunar-month';
    const schema = placed ? withDefaultPlace(vajra, own) : own;
    const summary = `Picture: ${kind.replace(/-/g, ' ')}`;
    const respond = (request: Request, input: Record<string, unknown>) => {
      const svg = api.svg(kind, input);
      const clockBound = placed && input.date === undefined;
      return pictureResponse(api, request, svg, clockBound ? 'no-store' : 'public, max-age=86400');
    };
    return [
      defineRoute({
        method: 'GET',
        path: `/api/v1/visuals/${kind}`,
        summary,
        description: 'Options as query parameters (lists comma-separated); object-valued options need the POST form.',
        tags: ['visuals'],
        query: queryVersion(schema),
        produces,
        errors: notAcceptable,
        handler: ({ request, query }) => respond(request, query as Record<string, unknown>),
      }),
      defineRoute({
        method: 'POST',
        path: `/api/v1/visuals/${kind}`,
        summary: `${summary} (every option, as JSON)`,
        tags: ['visuals'],
        body: schema,
        produces,
        errors: notAcceptable,
        handler: ({ request, body }) => respond(request, body as Record<string, unknown>),
      }),
    ];
  });
}

const point = z.tuple([z.number(), z.number()]);
const geometrySchema = z
  .object({
    construction: z.enum(['classical', 'concentric']),
    lineHeights: z.array(z.number()),
    triangles: z.array(z.object({ line: z.number(), name: z.string(), pointing: z.enum(['up', 'down']), apex: point, left: point, right: point })),
    centralTriangle: z.tuple([point, point, point]),
    bindu: point,
    triplePoints: z.array(z.object({ point, lines: z.tuple([z.string(), z.string(), z.string()]), error: z.number() })),
    maxConcurrencyError: z.number(),
    iterations: z.number(),
  })
  .meta({ id: 'SriYantraGeometry', description: 'Unit circle, centre (0, 0), y up; errors in radii' });

function dataRoutes(vajra: Vajra, api: VisualsApi): AnyRoute[] {
  const { spectrumPlot, spectrogram, spectrumData } = api.schemas;
  const programSource = {
    program: z.record(z.string(), z.unknown()).optional().meta({ description: 'An audio program, rendered here (first 120 s at most)' }),
    fftSize: z.number().int().min(256).max(32_768).default(8192),
  };
  const spectrumBody = spectrumPlot
    .extend({ spectrum: spectrumData.optional(), ...programSource, at: z.number().min(0).max(120).default(0).meta({ description: 'Start of the analysed window in the program, s' }) })
    .meta({ id: 'SpectrumPictureRequest' });
  const spectrogramBody = spectrogram
    .extend({
      frames: z.array(spectrumData).min(1).max(2048).optional(),
      ...programSource,
      fftSize: z.number().int().min(256).max(16_384).default(4096),
      from: z.number().min(0).max(120).default(0),
      to: z.number().min(0).max(120).optional().meta({ description: 'End of the analysed span, s (default: the program’s end, at most 120 s)' }),
      frameCount: z.number().int().min(2).max(1024).default(240),
    })
    .meta({ id: 'SpectrogramPictureRequest' });
  const needsOne = (a: unknown, b: unknown, what: string) => {
    if ((a === undefined) === (b === undefined)) throw new VajraError('VALIDATION_FAILED', `Give either ${what} or program`, { status: 422 });
  };
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/visuals/spectrum',
      summary: 'Picture: spectrum plot of given spectrum data, or of a window of an audio program (rendered and analysed here)',
      tags: ['visuals'],
      body: spectrumBody,
      produces,
      errors: notAcceptable,
      handler: async ({ request, body, signal }) => {
        const { spectrum, program, fftSize, at, ...options } = body;
        needsOne(spectrum, program, 'spectrum');
        const data = spectrum ?? (await renderSpectrumAt(vajra, program!, { at, fftSize, signal }));
        return pictureResponse(api, request, (await visualsModule()).spectrumPlot(data, options), 'no-store');
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/visuals/spectrogram',
      summary: 'Picture: spectrogram of given spectra, or of an audio program (rendered and analysed here); frames × rows ≤ 65536',
      tags: ['visuals'],
      body: spectrogramBody,
      produces,
      errors: notAcceptable,
      handler: async ({ request, body, signal }) => {
        const { frames, program, fftSize, from, to, frameCount, ...options } = body;
        needsOne(frames, program, 'frames');
        const cells = (frames?.length ?? frameCount) * options.rows;
        if (cells > MAX_CELLS) throw new VajraError('VALIDATION_FAILED', `frames × rows may be at most ${MAX_CELLS} through the API (got ${cells})`, { status: 422 });
        const data = frames ?? (await renderSpectrogramFrames(vajra, program!, { fftSize, from, to, frameCount, signal }));
        return pictureResponse(api, request, (await visualsModule()).spectrogram(data, options), 'no-store');
      },
    }),
  ];
}

/**
 * `/api/v1/visuals`: pictures as `image/svg+xml` (or `image/png` when `Accept` prefers it and resvg is
 * installed; 406 otherwise). Every picture kind has a GET form (options as query parameters) and a
 * POST form (every option as JSON); spectra and spectrograms are drawn from posted data or from an
 * audio program rendered here. Mounted when the visuals plugin is installed.
 *
 * @example
 * ```ts
 * if (vajra.hasPlugin('visuals')) routes.push(...visualsRoutes(vajra));
 * ```
 */
export function visualsRoutes(vajra: Vajra): AnyRoute[] {
  const api = vajra.plugin('visuals');
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/visuals',
      summary: 'The picture kinds, and whether PNG output is available',
      tags: ['visuals'],
      response: z.object({ pictures: z.array(z.string()), data: z.array(z.string()), png: z.boolean() }).meta({ id: 'VisualsIndex' }),
      handler: async () => ({ pictures: [...api.kinds], data: ['spectrum', 'spectrogram'], png: await api.isPngAvailable() }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/visuals/sri-yantra/geometry',
      summary: 'The solved Sri Yantra: triangles, triple points and the residual concurrency error',
      tags: ['visuals'],
      query: z.object({ construction: z.enum(['classical', 'concentric']).default('classical') }),
      response: geometrySchema,
      handler: async ({ query }) => (await visualsModule()).solveSriYantra(query),
    }),
    ...pictureRoutes(vajra, api),
    ...dataRoutes(vajra, api),
  ];
}
