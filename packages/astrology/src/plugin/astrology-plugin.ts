import * as z from 'zod/mini';
import { definePlugin, isVajraError, VajraError, type TimerHandle } from '@vajra-stream/core';
import { chart, chartInputSchema } from '../chart/chart';
import { aspects } from '../aspects/aspects';
import { findEclipses } from '../phases/find-eclipses';
import { findMoonPhases, quarterInstants, QUARTER_NAMES, type QuarterName } from '../phases/find-moon-phases';
import { moonPhase } from '../phases/moon-phase';
import { sunTimes } from '../sun/sun-times';
import { planetaryHourAt, planetaryHours, type ClassicalPlanet } from '../hours/planetary-hours';
import { panchanga } from '../panchanga/panchanga';
import { findWindows, windowSearchSchema } from '../windows/find-windows';
import { recommendedFrequencies } from '../frequencies/recommended-frequencies';
import { gregorianFromTibetan, losar, tibetanDate } from '../tibetan/tibetan-calendar';
import { deltaT } from '../time/delta-t-at';
import { HOUSE_SYSTEMS } from '../chart/houses';

/**
 * Payload of `astro:planetary-hour-changed`.
 *
 * @example
 * ```ts
 * vajra.events.on('astro:planetary-hour-changed', (event: PlanetaryHourChangedEvent) => {
 *   console.log(`${event.isDay ? 'day' : 'night'} hour ${event.hour} of ${event.dayRuler}'s day, ruled by ${event.ruler} until ${event.end}`);
 * });
 * ```
 */
export interface PlanetaryHourChangedEvent {
  ruler: ClassicalPlanet;
  dayRuler: ClassicalPlanet;
  hour: number;
  isDay: boolean;
  start: string;
  end: string;
  latitude: number;
  longitude: number;
}

/**
 * Payload of `astro:moon-phase` (emitted at each new moon, first quarter, full moon and last quarter).
 *
 * @example
 * ```ts
 * vajra.events.on('astro:moon-phase', async ({ phase, date }: MoonPhaseChangedEvent) => {
 *   if (phase === 'full moon') await vajra.sessions.create({ intention: `full moon of ${date}`, duration: 3600 });
 * });
 * ```
 */
export interface MoonPhaseChangedEvent {
  phase: QuarterName;
  angle: 0 | 90 | 180 | 270;
  date: string;
}

/**
 * Config section `astrology` of `createVajra({ config })` (env: `VAJRA_ASTROLOGY__LATITUDE`, …).
 *
 * @example
 * ```ts
 * createVajra({ plugins: [astrologyPlugin()], config: { astrology: { latitude: 27.7, longitude: 85.3 } } });
 * ```
 */
export const astrologyConfigSchema = z.object({
  /** Default place for the kernel-clock events and for `api.now()`. */
  latitude: z.optional(z.coerce.number().check(z.gte(-90), z.lte(90))),
  longitude: z.optional(z.coerce.number().check(z.gte(-180), z.lte(180))),
  houseSystem: z._default(z.enum(HOUSE_SYSTEMS), 'placidus'),
  /** Emit `astro:planetary-hour-changed` (needs latitude/longitude) and `astro:moon-phase`. */
  events: z._default(
    z.union([
      z.boolean(),
      z.pipe(
        z.enum(['true', 'false']),
        z.transform((v) => v === 'true'),
      ),
    ]),
    true,
  ),
});

/**
 * The astrology plugin's parsed configuration, defaults applied (see {@link astrologyConfigSchema}).
 *
 * @example
 * ```ts
 * const config: AstrologyConfig = astrologyConfigSchema.parse({ latitude: '27.7', longitude: '85.3', events: 'false' }); // as read from VAJRA_ASTROLOGY__*
 * // { latitude: 27.7, longitude: 85.3, houseSystem: 'placidus', events: false }
 * ```
 */
export type AstrologyConfig = z.output<typeof astrologyConfigSchema>;

const api = {
  chart,
  aspects,
  moonPhase,
  findMoonPhases,
  findEclipses,
  sunTimes,
  planetaryHours,
  planetaryHourAt,
  panchanga,
  findWindows,
  recommendedFrequencies,
  tibetanDate,
  gregorianFromTibetan,
  losar,
  deltaT,
  /**
   * The zod schemas of {@link chart}'s and {@link findWindows}' input (servers validate and document with
   * them: house systems, zodiacs, ayanamsas, window criteria).
   */
  schemas: { chartInput: chartInputSchema, windowSearch: windowSearchSchema },
};

/**
 * The astrology plugin's api: every function of the package plus a few clock-based conveniences.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ plugins: [astrologyPlugin()], config: { astrology: { latitude: 27.7, longitude: 85.3 } } });
 * await vajra.start();
 * const astro: AstrologyApi = vajra.plugin('astrology');
 * astro.location; // { latitude: 27.7, longitude: 85.3 }
 * astro.currentMoonPhase().name; // the phase at the kernel clock's now
 * astro.chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2 }).bodies.sun.sign; // 'aries'
 * ```
 */
export type AstrologyApi = typeof api & {
  /** The configured default place, if any. */
  readonly location: { latitude: number; longitude: number } | undefined;
  /** Moon phase at the kernel clock's now. */
  currentMoonPhase(): ReturnType<typeof moonPhase>;
  /** Planetary hour at the kernel clock's now (needs a configured location). */
  currentPlanetaryHour(): ReturnType<typeof planetaryHourAt>;
  /** Cousto tones for the kernel clock's now (needs a configured location). */
  currentFrequencies(): ReturnType<typeof recommendedFrequencies>;
};

declare module '@vajra-stream/core' {
  interface VajraEvents {
    'astro:planetary-hour-changed': PlanetaryHourChangedEvent;
    'astro:moon-phase': MoonPhaseChangedEvent;
  }
  interface VajraPluginApis {
    astrology: AstrologyApi;
  }
  interface VajraPluginConfigs {
    astrology: z.input<typeof astrologyConfigSchema>;
  }
}

/** Stops the clock timers of one plugin instance (kept out of the public api). */
const stopTimers = new WeakMap<object, () => void>();

const RETRY_MS = 6 * 3_600_000;

/**
 * The astrology plugin: exposes charts, phases, sun times, planetary hours, panchanga, windows, tones
 * and the Tibetan calendar as `vajra.plugin('astrology')`, and, driven by the kernel clock, emits
 * `astro:planetary-hour-changed` at every planetary-hour boundary (when a location is configured) and
 * `astro:moon-phase` at every new moon, first quarter, full moon and last quarter.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ plugins: [astrologyPlugin()], config: { astrology: { latitude: 27.7, longitude: 85.3 } } });
 * await vajra.start();
 * vajra.events.on('astro:planetary-hour-changed', ({ ruler }) => console.log('hour of', ruler));
 * vajra.plugin('astrology').currentMoonPhase().name;
 * ```
 */
export function astrologyPlugin() {
  return definePlugin({
    specificationVersion: 'v1',
    id: 'astrology',
    publicEvents: ['astro:planetary-hour-changed', 'astro:moon-phase'],
    configSchema: astrologyConfigSchema,
    setup(ctx) {
      const { clock, events, logger } = ctx;
      const config = ctx.config;
      const location = config.latitude !== undefined && config.longitude !== undefined ? { latitude: config.latitude, longitude: config.longitude } : undefined;
      const needLocation = () => {
        if (!location) {
          throw new VajraError(
            'ASTROLOGY_LOCATION_REQUIRED',
            'The astrology plugin has no location: configure latitude and longitude (VAJRA_ASTROLOGY__LATITUDE / __LONGITUDE) to use the current*() helpers',
            { status: 422 },
          );
        }
        return location;
      };
      const self: AstrologyApi = {
        ...api,
        location,
        currentMoonPhase: () => moonPhase(clock.now()),
        currentPlanetaryHour: () => planetaryHourAt(clock.now(), needLocation()),
        currentFrequencies: () => recommendedFrequencies(clock.now(), needLocation()),
      };
      const timers = new Set<TimerHandle>();
      const stop = () => {
        for (const handle of timers) clock.clearTimeout(handle);
        timers.clear();
      };
      stopTimers.set(self, stop);
      ctx.signal.addEventListener('abort', stop, { once: true });
      const schedule = (fn: () => void, at: number) => {
        const handle = clock.setTimeout(
          () => {
            timers.delete(handle);
            if (!ctx.signal.aborted) fn();
          },
          Math.max(0, at - clock.now()),
        );
        timers.add(handle);
      };

      if (config.events && location) {
        const scheduleHour = () => {
          const now = clock.now();
          try {
            const current = planetaryHourAt(now, location);
            schedule(() => {
              const next = planetaryHourAt(clock.now(), location);
              events.emit('astro:planetary-hour-changed', {
                ruler: next.ruler,
                dayRuler: next.dayRuler,
                hour: next.hour,
                isDay: next.isDay,
                start: next.start,
                end: next.end,
                ...location,
              });
              scheduleHour();
            }, current.endTime + 1);
          } catch (error) {
            if (!isVajraError(error)) throw error;
            logger.warn('no planetary hours at this place and time; retrying later', { code: error.code });
            schedule(scheduleHour, now + RETRY_MS);
          }
        };
        scheduleHour();
      }
      if (config.events) {
        const scheduleQuarter = () => {
          const now = clock.now();
          const [next] = quarterInstants(now + 1, now + 10 * 86_400_000);
          if (!next) return;
          schedule(() => {
            events.emit('astro:moon-phase', {
              phase: QUARTER_NAMES[next.index]!,
              angle: (next.index * 90) as MoonPhaseChangedEvent['angle'],
              date: new Date(next.time).toISOString(),
            });
            scheduleQuarter();
          }, Math.ceil(next.time));
        };
        scheduleQuarter();
      }
      return self;
    },
    dispose(self) {
      stopTimers.get(self)?.();
    },
  });
}
