// SVGs per CPU-second for each picture, the longest single render (how long one request holds the event
// loop), and PNG rasterisation time with resvg. Prints one JSON line.
//   pnpm --filter @vajra-stream/visuals bench
import { chart } from '@vajra-stream/astrology';
import { analyzeSpectrum, renderToBuffer } from '@vajra-stream/audio';
import { chartWheel, chladniPattern, flowerOfLife, lunarMonthStrip, mandala, metatronsCube, renderPng, seedOfLife, solveSriYantra, spectrogram, spectrumPlot, sriYantra } from '../src/index';

const eclipse = chart({ date: '2024-04-08T18:17:00Z', latitude: 28.6, longitude: 77.2 });
const audio = renderToBuffer({
  duration: 6,
  layers: [
    { kind: 'bowl', frequency: 221, strikes: { every: 2 } },
    { kind: 'tone', frequency: 528, gain: 0.3 },
  ],
});
const spectrum = analyzeSpectrum(audio.channels[0].subarray(0, 16384), audio.sampleRate, { fftSize: 16384 });
const frames = Array.from({ length: 240 }, (_, index) => {
  const start = index * 1100;
  return { time: start / audio.sampleRate, ...analyzeSpectrum(audio.channels[0].subarray(start, start + 4096), audio.sampleRate, { fftSize: 4096 }) };
});

const cases: Record<string, () => string> = {
  'seed-of-life': () => seedOfLife(),
  'flower-of-life': () => flowerOfLife(),
  'metatrons-cube': () => metatronsCube(),
  'sri-yantra': () => sriYantra({ size: 800 }),
  'sri-yantra-solve-only': () => String(solveSriYantra().maxConcurrencyError),
  'mandala (a new intention each time)': (() => {
    let count = 0;
    return () => mandala({ intention: `peace for all beings ${count++}` });
  })(),
  'chladni square 528 Hz (240² grid)': () => chladniPattern({ frequency: 528 }),
  'chladni square 5 kHz (400² grid)': () => chladniPattern({ frequency: 5000, resolution: 400 }),
  'chladni circular (3, 4) (240² grid)': () => chladniPattern({ plate: 'circular', mode: { n: 3, s: 4 } }),
  'chart-wheel (chart given)': () => chartWheel(eclipse),
  'lunar-month (31 days, Bodh Gaya)': () => lunarMonthStrip({ date: '2020-06-01T06:00:00Z', latitude: 24.7, longitude: 84.99, utcOffsetMinutes: 330 }),
  'spectrum (16384-point FFT)': () => spectrumPlot(spectrum),
  'spectrogram (240 frames × 128 rows)': () => spectrogram(frames),
};

function measure(draw: () => string) {
  for (let i = 0; i < 3; i++) draw();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  let count = 0;
  let longestMs = 0;
  let bytes = 0;
  while (performance.now() - wallStart < 400 || count < 10) {
    const t0 = performance.now();
    bytes = draw().length;
    longestMs = Math.max(longestMs, performance.now() - t0);
    count++;
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { svgPerCpuSecond: Math.round(count / cpuSeconds), longestMs: Number(longestMs.toFixed(2)), bytes };
}

const pictures: Record<string, ReturnType<typeof measure>> = {};
for (const [name, draw] of Object.entries(cases)) pictures[name] = measure(draw);

const fonts = { loadSystemFonts: false, fontFiles: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'] };
async function pngMs(svg: string, options: Parameters<typeof renderPng>[1]) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await renderPng(svg, options);
    times.push(performance.now() - t0);
  }
  return Number(times.sort((a, b) => a - b)[3]!.toFixed(1));
}
const png = {
  'sri-yantra 800 px, one font file (median ms)': await pngMs(sriYantra({ size: 800 }), fonts),
  'chart-wheel 600 px, one font file (median ms)': await pngMs(chartWheel(eclipse), fonts),
  'chart-wheel 600 px, system fonts (median ms)': await pngMs(chartWheel(eclipse), { loadSystemFonts: true }),
  'spectrogram 720×320 (median ms)': await pngMs(spectrogram(frames), fonts),
};
console.log(JSON.stringify({ benchmark: '@vajra-stream/visuals', node: process.version, pictures, png }));
