import { useState } from 'preact/hooks';
import { formatTime } from '../format';
import { useColorScheme } from '../state/use-color-scheme';
import { useNow } from '../state/use-now';
import type { Place } from '../state/use-place';

const REFRESH_MS = 5 * 60_000;

/**
 * The sky now as a chart wheel, drawn by the server's `@vajra-stream/visuals` (`GET
 * /api/v1/visuals/chart-wheel`) in the page's colour scheme, for `place` (or the server's place), redrawn
 * every five minutes.
 *
 * @example
 * ```tsx
 * <ChartWheelImage place={place} />
 * ```
 */
export function ChartWheelImage({ place }: { place: Place | null }) {
  const scheme = useColorScheme();
  const now = useNow(REFRESH_MS);
  const [failed, setFailed] = useState<string | null>(null);
  const date = new Date(Math.floor(now / 60_000) * 60_000).toISOString();
  const query = new URLSearchParams({ date, theme: scheme, size: '480', ...(place === null ? {} : { latitude: String(place.latitude), longitude: String(place.longitude) }) });
  const src = `/api/v1/visuals/chart-wheel?${query.toString()}`;
  if (failed === src) return <p class="today__small">The chart wheel could not be drawn here.</p>;
  return (
    <figure class="today__chart">
      <img src={src} width={480} height={480} alt={`Chart wheel of the sky at ${formatTime(date)}: signs, houses, planets and their aspects`} data-chart-date={date} onError={() => setFailed(src)} />
    </figure>
  );
}
