// Benchmark: speed as a user meets it. 60 s stereo 48 kHz of a 12-partial bowl whose partials all stay audible
// for the minute (T60 120…60 s) plus a 200 Hz / 7.83 Hz binaural pair, at the default 0.8 ceiling with the
// mix peaking above it (the limiter works), rendered by this engine and by node-web-audio-api's
// OfflineAudioContext (OscillatorNodes with gain envelopes, no limiter): in fresh processes (the first
// render, cold JIT, as a CLI user sees it) and warm (best of runs in one process). Also: peak RSS of a
// 60-minute streaming WAV render. Prints ONE JSON line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { renderToBuffer } from '../src/index';
import { BENCH_BOWL_GAIN, BENCH_DURATION } from './bench-settings';
import { renderWebAudio } from './web-audio-workload';
import { sustainedWorkload } from './workload';

const WARM_RUNS = 5;
const FRESH_RUNS = 9;

const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

interface Timing {
  cpu: number;
  wall: number;
}

async function timed(render: () => unknown): Promise<Timing> {
  const wall = performance.now();
  const started = cpuSeconds();
  await render();
  return { cpu: cpuSeconds() - started, wall: (performance.now() - wall) / 1000 };
}

function renderOurs(): void {
  // the whole render in memory, as OfflineAudioContext delivers it
  const { channels } = renderToBuffer(sustainedWorkload(BENCH_DURATION, BENCH_BOWL_GAIN));
  if (Number.isNaN(channels[0][channels[0].length - 1]!)) throw new Error('NaN in output');
}

// children run plain `node` on bundles (not the TypeScript loader), from a folder where node-web-audio-api resolves
const here = fileURLToPath(new URL('.', import.meta.url));
mkdirSync(join(here, '../node_modules/.cache'), { recursive: true });
const scratch = mkdtempSync(join(here, '../node_modules/.cache/vajra-audio-bench-'));
const bundle = async (entry: string) => {
  const outfile = join(scratch, entry.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['node-web-audio-api'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
};
const child = (file: string, argument: string) =>
  JSON.parse(
    execFileSync(process.execPath, [file, argument], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
      .trim()
      .split('\n')
      .at(-1)!,
  );

const loadBefore = loadavg()[0]!;
const firstRender = await bundle('first-render.ts');
const fresh = { ours: [] as Timing[], webAudio: [] as Timing[] };
const freshTiming = (engine: string): Timing => {
  const result = child(firstRender, engine) as { renderCpuSeconds: number; renderWallSeconds: number };
  return { cpu: result.renderCpuSeconds, wall: result.renderWallSeconds };
};
// alternating, so a change of load on the shared machine hits both engines alike
for (let run = 0; run < FRESH_RUNS; run++) {
  fresh.ours.push(freshTiming('ours'));
  fresh.webAudio.push(freshTiming('web-audio'));
}

const warm = { ours: [] as Timing[], webAudio: [] as Timing[] };
renderOurs();
await renderWebAudio(BENCH_DURATION, BENCH_BOWL_GAIN);
for (let run = 0; run < WARM_RUNS; run++) {
  warm.ours.push(await timed(renderOurs));
  // node-web-audio-api renders on its own thread: process CPU counts all threads
  warm.webAudio.push(await timed(() => renderWebAudio(BENCH_DURATION, BENCH_BOWL_GAIN)));
}

// how much the limiter does: frames that differ from the same render with the ceiling lifted to 1
const limited = renderToBuffer(sustainedWorkload(BENCH_DURATION, BENCH_BOWL_GAIN)).channels;
const open = renderToBuffer({ ...sustainedWorkload(BENCH_DURATION, BENCH_BOWL_GAIN), gain: 1 }).channels;
let touched = 0;
let peak = 0;
for (const channel of [0, 1] as const) {
  for (let index = 0; index < open[channel].length; index++) {
    if (open[channel][index] !== limited[channel][index]) touched++;
    peak = Math.max(peak, Math.abs(open[channel][index]!));
  }
}

const hour = child(await bundle('stream-hour.ts'), '60') as { seconds: number; cpuSeconds: number; maxRssMB: number };
rmSync(scratch, { recursive: true, force: true });

const best = (timings: Timing[], key: keyof Timing = 'cpu') => Math.min(...timings.map((timing) => timing[key]));
const median = (timings: Timing[], key: keyof Timing = 'cpu') => timings.map((timing) => timing[key]).sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
const round = (value: number, digits = 4) => Number(value.toFixed(digits));
console.log(
  JSON.stringify({
    bench: 'render',
    workload: '60 s stereo 48 kHz: bowl 12 partials (6 doublets, T60 120…60 s, struck at 0) + 200/7.83 Hz binaural, default ceiling 0.8',
    timing: 'CPU seconds (user+system, all threads; wall seconds alongside); fresh = first render in a new process (median of alternating runs), warm = best of runs in one process',
    loadAverage: [round(loadBefore, 2), round(loadavg()[0]!, 2)],
    preLimiterPeak: round(peak, 3),
    limitedFramesPercent: round((100 * touched) / (2 * open[0].length), 1),
    freshOursSeconds: round(median(fresh.ours)),
    freshNodeWebAudioSeconds: round(median(fresh.webAudio)),
    freshOursWallSeconds: round(median(fresh.ours, 'wall')),
    freshNodeWebAudioWallSeconds: round(median(fresh.webAudio, 'wall')),
    freshSpeedupVsNodeWebAudio: round(median(fresh.webAudio) / median(fresh.ours), 2),
    freshRealTimeFactor: Math.round(BENCH_DURATION / median(fresh.ours)),
    warmOursSeconds: round(best(warm.ours)),
    warmNodeWebAudioSeconds: round(best(warm.webAudio)),
    warmOursWallSeconds: round(best(warm.ours, 'wall')),
    warmNodeWebAudioWallSeconds: round(best(warm.webAudio, 'wall')),
    warmSpeedupVsNodeWebAudio: round(best(warm.webAudio) / best(warm.ours), 2),
    warmRealTimeFactor: Math.round(BENCH_DURATION / best(warm.ours)),
    hourStreamCpuSeconds: round(hour.cpuSeconds, 2),
    hourStreamRealTimeFactor: Math.round(3600 / hour.cpuSeconds),
    hourStreamPeakRssMB: round(hour.maxRssMB, 1),
    freshRuns: FRESH_RUNS,
    warmRuns: WARM_RUNS,
    node: process.version,
  }),
);
