import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import type { MoonPhase, Panchanga, PlanetaryDay, TibetanDate } from '../api/types';
import { useDashboard } from './dashboard-context';
import type { Place } from './use-place';

/** Today's sky and calendars; the place-bound parts are `null` until a place is known. */
export interface Today {
  moon: MoonPhase | null;
  tibetan: TibetanDate | null;
  planetaryDay: PlanetaryDay | null;
  panchanga: Panchanga | null;
  /** The server has no default place and none was chosen. */
  needsPlace: boolean;
  error: string | null;
}

const EMPTY: Today = { moon: null, tibetan: null, planetaryDay: null, panchanga: null, needsPlace: false, error: null };
const REFRESH_MS = 5 * 60_000;

/**
 * Load the moon phase and Tibetan date (anywhere), the planetary hours and panchanga (at `place`, or at
 * the server's configured place), refreshed every five minutes.
 *
 * @example
 * ```ts
 * const today = useToday(place);
 * ```
 */
export function useToday(place: Place | null, enabled: boolean): Today {
  const { api } = useDashboard();
  const [today, setToday] = useState<Today>(EMPTY);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const where = place === null ? {} : { latitude: place.latitude, longitude: place.longitude };
    const load = async (): Promise<void> => {
      const utcOffsetMinutes = -new Date().getTimezoneOffset();
      const [moon, tibetan, planetaryDay, panchanga] = await Promise.allSettled([
        api.get<MoonPhase>('/api/v1/astrology/moon'),
        api.get<TibetanDate>('/api/v1/astrology/tibetan', { utcOffsetMinutes }),
        api.get<PlanetaryDay>('/api/v1/astrology/planetary-hours', where),
        api.get<Panchanga>('/api/v1/astrology/panchanga', where),
      ]);
      if (cancelled) return;
      const value = <T>(result: PromiseSettledResult<T>): T | null => (result.status === 'fulfilled' ? result.value : null);
      const failure = [moon, tibetan, planetaryDay, panchanga].find((result): result is PromiseRejectedResult => result.status === 'rejected');
      const needsPlace = place === null && failure?.reason instanceof ApiError && failure.reason.status === 422;
      setToday({
        moon: value(moon),
        tibetan: value(tibetan),
        planetaryDay: value(planetaryDay),
        panchanga: value(panchanga),
        needsPlace,
        error: failure === undefined || needsPlace ? null : (failure.reason as Error).message,
      });
    };
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [api, place?.latitude, place?.longitude, enabled]);
  return today;
}
