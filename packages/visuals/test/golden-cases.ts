// The pictures kept as golden PNGs under test/__fixtures__/goldens (regenerate: pnpm --filter @vajra-stream/visuals goldens).
import { chart } from '@vajra-stream/astrology';
import { chartWheel, chladniPattern, flowerOfLife, lunarMonthStrip, mandala, metatronsCube, seedOfLife, spectrogram, spectrumPlot, sriYantra } from '../src/index';

/** A spectrum with three Gaussian lines over a noise floor, in the bin form of analyzeSpectrum(). */
export function syntheticSpectrum(lines: Array<[frequency: number, level: number]>, binWidth = 2.9296875, bins = 4097) {
  const frequencies = new Float64Array(bins);
  const magnitudes = new Float32Array(bins);
  for (let bin = 0; bin < bins; bin++) {
    const frequency = bin * binWidth;
    frequencies[bin] = frequency;
    let power = 1e-10 * (1 + 0.5 * Math.sin(bin * 0.7));
    for (const [centre, level] of lines) power += 10 ** (level / 10) * Math.exp(-(((frequency - centre) / (2 * binWidth)) ** 2));
    magnitudes[bin] = 10 * Math.log10(power);
  }
  return { frequencies, magnitudes, peaks: lines.map(([frequency, magnitude]) => ({ frequency, magnitude })) };
}

const eclipse = chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2 });

export const GOLDEN_CASES: Record<string, () => string> = {
  'seed-of-life': () => seedOfLife({ size: 256 }),
  'flower-of-life': () => flowerOfLife({ size: 320, theme: 'dark' }),
  'metatrons-cube': () => metatronsCube({ size: 320, theme: 'saffron' }),
  'sri-yantra': () => sriYantra({ size: 400 }),
  'sri-yantra-concentric': () => sriYantra({ size: 320, construction: 'concentric', surround: 'circle', theme: 'dark' }),
  'chart-wheel': () => chartWheel(eclipse, { size: 480 }),
  mandala: () => mandala({ intention: 'May all beings be free from suffering', size: 360 }),
  'mandala-dark': () => mandala({ intention: 'om mani padme hum', size: 320, theme: 'dark' }),
  'chladni-square': () => chladniPattern({ frequency: 528, size: 320, resolution: 200 }),
  'chladni-circular': () => chladniPattern({ plate: 'circular', mode: { n: 3, s: 2 }, size: 320, resolution: 200, theme: 'dark' }),
  'lunar-month': () => lunarMonthStrip({ date: '2020-06-01T06:00:00Z', latitude: 24.6961, longitude: 84.9869, utcOffsetMinutes: 330, width: 800, height: 220 }),
  spectrum: () =>
    spectrumPlot(
      syntheticSpectrum([
        [221, -12],
        [528, -30],
        [1145, -48],
      ]),
      { width: 480, height: 240, maxFrequency: 4000, theme: 'dark' },
    ),
  spectrogram: () =>
    spectrogram(
      Array.from({ length: 48 }, (_, index) => ({
        time: index * 0.25,
        ...syntheticSpectrum([
          [220 + index * 10, -20],
          [880, -40 - index * 0.5],
        ]),
      })),
      { width: 480, height: 240, maxFrequency: 2000, minFrequency: 50 },
    ),
};
