import { useCallback, useState } from 'preact/hooks';

/** Where "today" is computed: planetary hours, panchanga and houses depend on it. */
export interface Place {
  latitude: number;
  longitude: number;
}

const KEY = 'vajra-stream.place';

function load(): Place | null {
  try {
    const raw = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as Place | null;
    if (raw !== null && Number.isFinite(raw.latitude) && Number.isFinite(raw.longitude)) return { latitude: raw.latitude, longitude: raw.longitude };
  } catch {
    // nothing stored, or storage disabled
  }
  return null;
}

/**
 * The practitioner's place, kept in localStorage (a place is not a secret); `null` until chosen, in which
 * case the server's configured place is used when it has one.
 *
 * @example
 * ```ts
 * const [place, setPlace] = usePlace();
 * ```
 */
export function usePlace(): [Place | null, (place: Place | null) => void] {
  const [place, setPlaceState] = useState<Place | null>(load);
  const setPlace = useCallback((next: Place | null) => {
    try {
      if (next === null) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // storage disabled: the place lasts for this page only
    }
    setPlaceState(next);
  }, []);
  return [place, setPlace];
}
