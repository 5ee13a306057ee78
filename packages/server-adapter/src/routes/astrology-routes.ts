import { VajraError, type Vajra } from '@vajra-stream/core';
import { z } from 'zod';
import { queryNumber } from '../routing/query-number';
import { namedSchema } from '../openapi/named-schema';
import type { RenderPool } from '../render/create-render-pool';
import { defineRoute, type AnyRoute, type RouteContext } from '../routing/define-route';
import { astrologySchemas } from './astrology-schemas';

const date = z.string().max(64).optional().meta({ description: 'ISO 8601 instant; now by default', format: 'date-time' });
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
type Place = { date?: string | undefined; latitude?: number | undefined; longitude?: number | undefined };

/**
 * `/api/v1/astrology`: chart, moon, sun times, planetary hours, panchanga, Tibetan date, windows (searched on the
 * `renders` pool's worker threads), recommended frequencies.
 *
 * @example
 * ```ts
 * if (vajra.hasPlugin('astrology')) routes.push(...astrologyRoutes(vajra, () => pool));
 * ```
 */
export function astrologyRoutes(vajra: Vajra, renders: () => RenderPool): AnyRoute[] {
  const api = (kernel: Vajra) => kernel.plugin('astrology');
  const schemas = astrologySchemas(api(vajra).schemas.chartInput);
  // latitude and longitude may be left out only where a default place is configured
  const needPlace = api(vajra).location === undefined;
  const place = { date, latitude: queryNumber(needPlace ? latitude : latitude.optional()), longitude: queryNumber(needPlace ? longitude : longitude.optional()) };
  const placeQuery = z.object(place);
  const placeErrors = { 422: 'Invalid date or place, or a place with no such event (`VALIDATION_FAILED`, `ASTROLOGY_*`)' };
  const when = (vajra: Vajra, q: Place) => q.date ?? new Date(vajra.clock.now()).toISOString();
  const where = (vajra: Vajra, q: Place) => {
    const fallback = api(vajra).location;
    const latitude = q.latitude ?? fallback?.latitude;
    const longitude = q.longitude ?? fallback?.longitude;
    if (latitude === undefined || longitude === undefined) throw new VajraError('VALIDATION_FAILED', 'Give latitude and longitude (no default place is configured)', { status: 422 });
    return { latitude, longitude };
  };
  const at = (path: string, summary: string, response: z.ZodType, run: (context: RouteContext<unknown, Place>) => unknown) =>
    defineRoute({ method: 'GET', path: `/api/v1/astrology/${path}`, summary, tags: ['astrology'], query: placeQuery, response, errors: placeErrors, handler: (context) => run(context) });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/astrology/chart',
      summary: 'Horoscope: positions, speeds and houses',
      tags: ['astrology'],
      query: z.object({ ...place, houseSystem: schemas.houseSystem, zodiac: schemas.zodiac }),
      response: schemas.chart,
      errors: placeErrors,
      // The astrology package refuses bad input with typed errors (422); anything else is a bug (500).
      handler: ({ vajra, query }) => api(vajra).chart({ date: when(vajra, query), ...where(vajra, query), houseSystem: query.houseSystem, zodiac: query.zodiac }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/astrology/moon',
      summary: 'Moon phase',
      tags: ['astrology'],
      query: z.object({ date }),
      response: schemas.moonPhase,
      errors: placeErrors,
      handler: ({ vajra, query }) => api(vajra).moonPhase(when(vajra, query)),
    }),
    at('sun', 'Sunrise, sunset and twilights', schemas.sunTimes, ({ vajra, query }) => api(vajra).sunTimes(when(vajra, query), where(vajra, query))),
    at('planetary-hours', 'Planetary hours of the day', schemas.planetaryDay, ({ vajra, query }) => api(vajra).planetaryHours(when(vajra, query), where(vajra, query))),
    at('panchanga', 'Panchanga: tithi, nakshatra, yoga, karana, vara', schemas.panchanga, ({ vajra, query }) => api(vajra).panchanga(when(vajra, query), where(vajra, query))),
    at('frequencies', 'Recommended (Cousto) frequencies now', schemas.recommendedFrequencies, ({ vajra, query }) => api(vajra).recommendedFrequencies(when(vajra, query), where(vajra, query))),
    defineRoute({
      method: 'GET',
      path: '/api/v1/astrology/tibetan',
      summary: 'Phugpa Tibetan calendar date of a civil day, with its practice days and Düchen',
      description: 'The civil day of `date` (now by default) in the time zone `utcOffsetMinutes` east of UTC (0 by default).',
      tags: ['astrology'],
      query: z.object({ date, utcOffsetMinutes: queryNumber(z.number().int().min(-840).max(840).optional()) }),
      response: schemas.tibetanDate,
      errors: placeErrors,
      handler: ({ vajra, query }) => api(vajra).tibetanDate(when(vajra, query), query.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: query.utcOffsetMinutes }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/astrology/windows',
      summary: 'Find auspicious windows (at most 400 days)',
      description: 'Searched on a worker thread, within the same per-client and server-wide bounds as WAV renders (429 `RENDER_LIMIT`, 503 `RENDERS_BUSY`).',
      tags: ['astrology'],
      auth: 'public',
      rateLimitWeight: 20, // 0.1–0.5 s of CPU per call
      body: namedSchema(api(vajra).schemas.windowSearch, 'WindowSearch'),
      response: schemas.windows,
      errors: {
        422: 'Invalid span (at most 400 days), place or criteria (`VALIDATION_FAILED`)',
        429: 'Over the request budget (`RATE_LIMITED`; this route takes 20 tokens) or over the client’s renders and window searches at once (`RENDER_LIMIT`); wait `Retry-After` seconds',
        503: 'The server renders and searches at capacity (`RENDERS_BUSY`); wait `Retry-After` seconds',
      },
      handler: async ({ body, client, signal }) => ({ windows: (await renders().windows(client, body, signal)) as ReturnType<ReturnType<typeof api>['findWindows']> }),
    }),
  ];
}
