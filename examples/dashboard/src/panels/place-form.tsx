import { useState } from 'preact/hooks';
import type { Place } from '../state/use-place';

/**
 * Choose the place for planetary hours, panchanga and houses: typed coordinates, or the browser's
 * location when the person allows it.
 *
 * @example
 * ```tsx
 * <PlaceForm place={place} onPlace={setPlace} />
 * ```
 */
export function PlaceForm({ place, onPlace, onDone }: { place: Place | null; onPlace: (place: Place) => void; onDone?: () => void }) {
  const [latitude, setLatitude] = useState(place === null ? '' : String(place.latitude));
  const [longitude, setLongitude] = useState(place === null ? '' : String(place.longitude));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: Event): void => {
    event.preventDefault();
    const lat = Number(latitude);
    const lon = Number(longitude);
    if (latitude.trim() === '' || !Number.isFinite(lat) || Math.abs(lat) > 90) return setProblem('Latitude is a number from −90 to 90');
    if (longitude.trim() === '' || !Number.isFinite(lon) || Math.abs(lon) > 180) return setProblem('Longitude is a number from −180 to 180 (east positive)');
    setProblem(null);
    onPlace({ latitude: lat, longitude: lon });
    onDone?.();
  };
  const locate = (): void => {
    if (!('geolocation' in navigator)) return setProblem('This browser cannot tell its location; type the coordinates');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const next = { latitude: Math.round(position.coords.latitude * 1e4) / 1e4, longitude: Math.round(position.coords.longitude * 1e4) / 1e4 };
        setLatitude(String(next.latitude));
        setLongitude(String(next.longitude));
        onPlace(next);
        onDone?.();
      },
      () => setProblem('The location was not shared; type the coordinates instead'),
      { timeout: 10_000, maximumAge: 3_600_000 },
    );
  };

  return (
    <form class="place-form" onSubmit={submit} aria-label="Your place">
      <div class="field-row">
        <label class="field field--narrow">
          <span class="field__label">Latitude</span>
          <input name="latitude" type="text" inputMode="decimal" placeholder="27.7172" value={latitude} onInput={(event) => setLatitude(event.currentTarget.value)} />
        </label>
        <label class="field field--narrow">
          <span class="field__label">Longitude</span>
          <input name="longitude" type="text" inputMode="decimal" placeholder="85.3240" value={longitude} onInput={(event) => setLongitude(event.currentTarget.value)} />
        </label>
      </div>
      {problem !== null && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button button--quiet" onClick={locate}>
          Use my location
        </button>
        <button type="submit" class="button button--accent">
          Set place
        </button>
      </div>
    </form>
  );
}
