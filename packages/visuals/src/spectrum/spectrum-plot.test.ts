import { analyzeSpectrum, renderToBuffer } from '@vajra-stream/audio';
import { describe, expect, it } from 'vitest';
import { spectrogram } from './spectrogram';
import { spectrumPlot } from './spectrum-plot';

const attributes = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

/** The drawn frequency axis as a ruler: position ↔ frequency from two labelled ticks (log axis). */
function logRuler(svg: string, axis: 'x' | 'y', labels: [string, number, string, number]) {
  const at = (label: string) => {
    const tag = new RegExp(`<text [^>]*>${label}</text>`).exec(svg)![0];
    return Number(attributes(tag)[axis]);
  };
  const [p0, p1] = [at(labels[0]), at(labels[2])];
  return (position: number) => labels[1] * (labels[3] / labels[1]) ** ((position - p0) / (p1 - p0));
}

describe('spectrum plot', () => {
  const audio = renderToBuffer({
    duration: 1,
    layers: [
      { kind: 'tone', frequency: 528, gain: 0.5 },
      { kind: 'tone', frequency: 1200, gain: 0.1 },
    ],
  });
  const spectrum = analyzeSpectrum(audio.channels[0].subarray(8192, 8192 + 16384), audio.sampleRate, { fftSize: 16384 });

  it('draws the rendered tones where the axis says they are', () => {
    const svg = spectrumPlot(spectrum, { width: 900, height: 300 });
    const frequencyAt = logRuler(svg, 'x', ['100', 100, '10k', 10_000]);
    const peaks = [...svg.matchAll(/<g data-peak="([^"]+)"><circle ([^>]*)\/>/g)].map((m) => ({ label: Number(m[1]), cx: attributes(m[2]!).cx }));
    expect(peaks[0]!.label).toBeCloseTo(528, 0);
    expect(frequencyAt(Number(peaks[0]!.cx)) / 528).toBeCloseTo(1, 2);
    expect(frequencyAt(Number(peaks[1]!.cx)) / 1200).toBeCloseTo(1, 2);
    expect(svg).toContain('>528.0 Hz</text>');
    // the curve's highest point (smallest y) is at the strong tone, within a pixel
    const curve = /<path d="([^"]+)"[^>]*data-series="spectrum"/.exec(svg)![1]!;
    const points = curve
      .slice(1)
      .split('L')
      .map((pair) => pair.split(' ').map(Number) as [number, number]);
    const top = points.reduce((best, point) => (point[1] < best[1] ? point : best));
    expect(Math.abs(Math.log(frequencyAt(top[0]) / 528))).toBeLessThan(0.012);
  });

  it('draws the bands of an audio:spectrum frame as bars', () => {
    const bands = Array.from({ length: 32 }, (_, band) => (band === 16 ? -6 : -90));
    const svg = spectrumPlot({ bands, peaks: [] }, { minDecibels: -100 });
    const bars = [...svg.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="[^"]+"\/>/g)].map((m) => Number(m[1]));
    expect(bars).toHaveLength(32);
    expect(bars.indexOf(Math.min(...bars))).toBe(16);
  });

  it('refuses empty ranges and malformed data with a clear error', () => {
    expect(() => spectrumPlot(spectrum, { minFrequency: 500, maxFrequency: 100 })).toThrow(/maxFrequency must be above minFrequency/);
    expect(() => spectrumPlot({ frequencies: [0, 1], magnitudes: [0] })).toThrow(/as many magnitudes as frequencies/);
    expect(() => spectrumPlot({ nothing: true } as never)).toThrow(/Invalid spectrum/);
  });
});

describe('spectrogram', () => {
  it('follows a glide from 300 Hz to 1200 Hz over 4 s, column by column', () => {
    const audio = renderToBuffer({
      duration: 4.2,
      layers: [
        {
          kind: 'tone',
          frequency: [
            { at: 0, value: 300 },
            { at: 4.2, value: 1200 },
          ],
        },
      ],
    });
    const frames = [];
    for (let index = 0; index < 40; index++) {
      const time = index * 0.1;
      const start = Math.round(time * audio.sampleRate);
      frames.push({ time, ...analyzeSpectrum(audio.channels[0].subarray(start, start + 4096), audio.sampleRate, { fftSize: 4096 }) });
    }
    const svg = spectrogram(frames, { theme: 'dark', minFrequency: 50, maxFrequency: 4000, width: 800, height: 400 });
    const frequencyAt = logRuler(svg, 'y', ['100', 100, '2k', 2000]);
    const cells = [...svg.matchAll(/<rect x="([^"]+)" y="([^"]+)" width="[^"]+" height="([^"]+)" fill="#([0-9a-f]{6})"\/>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      height: Number(m[3]),
      brightness: [0, 2, 4].reduce((sum, i) => sum + Number.parseInt(m[4]!.slice(i, i + 2), 16), 0),
    }));
    const columns = [...new Set(cells.map((c) => c.x))].sort((a, b) => a - b);
    expect(columns).toHaveLength(40);
    columns.forEach((x, index) => {
      const hottest = cells.filter((c) => c.x === x).reduce((best, c) => (c.brightness > best.brightness ? c : best));
      const centre = (index * 0.1 + 4096 / 2 / audio.sampleRate) / 4.2;
      const expected = 300 + 900 * centre;
      expect(Math.abs(Math.log(frequencyAt(hottest.y + hottest.height / 2) / expected)), `column ${index}`).toBeLessThan(0.06);
    });
  });
});
