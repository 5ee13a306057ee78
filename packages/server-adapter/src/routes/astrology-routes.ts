import { VajraError, type Vajra } from '@vajra-stream/core';
import type {} from '@vajra-stream/astrology';
import { z } from 'zod';
import { defineRoute, type AnyRoute, type RouteContext } from '../routing/define-route';

const place = {
  date: z.string().max(64).optional().meta({ description: 'ISO 8601 instant; now by default' }),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
};
const placeQuery = z.object(place);
type Place = z.output<typeof placeQuery>;
const result = z.record(z.string(), z.unknown());

/**
 * `/api/v1/astrology`: chart, moon, sun times, planetary hours, panchanga, Tibetan date, windows, recommended frequencies.
 *
 * @example
 * ```ts
 * if (vajra.hasPlugin('astrology')) routes.push(...astrologyRoutes());
 * ```
 */
export function astrologyRoutes(): AnyRoute[] {
  const api = (vajra: Vajra) => vajra.plugin('astrology');
  const when = (vajra: Vajra, q: Place) => q.date ?? new Date(vajra.clock.now()).toISOString();
  const where = (vajra: Vajra, q: Place) => {
    const fallback = api(vajra).location;
    const latitude = q.latitude ?? fallback?.latitude;
    const longitude = q.longitude ?? fallback?.longitude;
    if (latitude === undefined || longitude === undefined) throw new VajraError('VALIDATION_FAILED', 'Give latitude and longitude (no default place is configured)', { status: 422 });
    return { latitude, longitude };
  };
  const placed = (path: string, summary: string, run: (context: RouteContext<unknown, Place>) => unknown) =>
    defineRoute({ method: 'GET', path: `/api/v1/astrology/${path}`, summary, tags: ['astrology'], query: placeQuery, response: z.unknown(), handler: (context) => run(context) });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/astrology/chart',
      summary: 'Horoscope: positions, speeds and houses',
      tags: ['astrology'],
      query: z.object({ ...place, houseSystem: z.string().max(40).optional(), zodiac: z.enum(['tropical', 'sidereal']).optional() }),
      response: result,
      // The astrology package refuses bad input with typed errors (422); anything else is a bug (500).
      handler: ({ vajra, query }) =>
        api(vajra).chart({ date: when(vajra, query), ...where(vajra, query), ...(query.houseSystem === undefined ? {} : { houseSystem: query.houseSystem as never }), ...(query.zodiac === undefined ? {} : { zodiac: query.zodiac }) }) as unknown as Record<string, unknown>,
    }),
    placed('moon', 'Moon phase', ({ vajra, query }) => api(vajra).moonPhase(when(vajra, query))),
    placed('sun', 'Sunrise, sunset and twilights', ({ vajra, query }) => api(vajra).sunTimes(when(vajra, query), where(vajra, query))),
    placed('planetary-hours', 'Planetary hours of the day', ({ vajra, query }) => api(vajra).planetaryHours(when(vajra, query), where(vajra, query))),
    placed('panchanga', 'Panchanga: tithi, nakshatra, yoga, karana, vara', ({ vajra, query }) => api(vajra).panchanga(when(vajra, query), where(vajra, query))),
    placed('frequencies', 'Recommended (Cousto) frequencies now', ({ vajra, query }) => api(vajra).recommendedFrequencies(when(vajra, query), where(vajra, query))),
    defineRoute({
      method: 'GET',
      path: '/api/v1/astrology/tibetan',
      summary: 'Phugpa Tibetan calendar date of a civil day, with its practice days and Düchen',
      description: 'The civil day of `date` (now by default) in the time zone `utcOffsetMinutes` east of UTC (0 by default).',
      tags: ['astrology'],
      query: z.object({ date: place.date, utcOffsetMinutes: z.coerce.number().int().min(-840).max(840).optional() }),
      response: result,
      handler: ({ vajra, query }) =>
        api(vajra).tibetanDate(when(vajra, query), query.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: query.utcOffsetMinutes }) as unknown as Record<string, unknown>,
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/astrology/windows',
      summary: 'Find auspicious windows (at most 400 days)',
      tags: ['astrology'],
      auth: 'public',
      rateLimitWeight: 20, // 0.1–0.5 s of CPU per call
      body: z.object({ from: z.string().max(64), to: z.string().max(64), location: z.object({ latitude: z.number(), longitude: z.number() }).optional(), where: z.record(z.string(), z.unknown()) }).strict(),
      response: z.object({ windows: z.array(z.unknown()) }),
      handler: ({ vajra, body }) => ({ windows: api(vajra).findWindows(body as never) }),
    }),
  ];
}
