import { sunTimes } from '@vajra-stream/astrology';

/**
 * Sunrise for a run of consecutive days from three exact ones (first, middle, last day) by quadratic
 * interpolation of the sunrise's offset from local noon: within a few minutes over a month below 58° of
 * latitude. Returns `null` for a day (and the caller computes it exactly) at higher latitudes or where
 * one of the three days has no sunrise.
 */
export function sunriseEstimator(noons: readonly number[], place: { latitude: number; longitude: number }): (index: number) => number | null {
  if (Math.abs(place.latitude) > 58 || noons.length < 3) return () => null;
  const anchors = [0, Math.floor((noons.length - 1) / 2), noons.length - 1];
  const offsets = anchors.map((index) => {
    const sunrise = sunTimes(noons[index]!, place).sunrise;
    return sunrise === null ? null : Date.parse(sunrise) - noons[index]!;
  });
  if (offsets.some((value) => value === null)) return () => null;
  const [x0, x1, x2] = anchors as [number, number, number];
  const [y0, y1, y2] = offsets as [number, number, number];
  // Lagrange form of the quadratic through the three anchors
  return (index) =>
    noons[index]! +
    (y0 * (index - x1) * (index - x2)) / ((x0 - x1) * (x0 - x2)) +
    (y1 * (index - x0) * (index - x2)) / ((x1 - x0) * (x1 - x2)) +
    (y2 * (index - x0) * (index - x1)) / ((x2 - x0) * (x2 - x1));
}
