// Benchmark: the cost of limiting. The sustained bench workload (every partial audible, peak ≈ 0.61) rendered with
// master ceiling 1.0 (limiter at rest) and 0.3 (limiting for as long as the decaying mix is above 0.3). Prints ONE JSON line.
import { renderBlocks, type ProgramInput } from '../src/index';
import { sustainedWorkload } from './workload';

const DURATION = 60;
const RUNS = 5;

function cpuSeconds(program: ProgramInput): { seconds: number; peak: number } {
  const started = process.cpuUsage();
  let peak = 0;
  for (const block of renderBlocks(program, { blockSize: 4096 })) {
    for (const channel of block.channels) for (const x of channel) peak = Math.max(peak, Math.abs(x));
  }
  const usage = process.cpuUsage(started);
  return { seconds: (usage.user + usage.system) / 1e6, peak };
}

const open: number[] = [];
const limited: number[] = [];
let peaks = { open: 0, limited: 0 };
for (let run = 0; run < RUNS; run++) {
  const a = cpuSeconds({ ...sustainedWorkload(DURATION), gain: 1 });
  const b = cpuSeconds({ ...sustainedWorkload(DURATION), gain: 0.3 });
  open.push(a.seconds);
  limited.push(b.seconds);
  peaks = { open: a.peak, limited: b.peak };
}
const best = (values: number[]) => Math.min(...values);
console.log(
  JSON.stringify({
    bench: 'limiter',
    workload: '60 s stereo 48 kHz: bowl 12 partials (T60 120…60 s, struck at 0) + 200/7.83 Hz binaural, pre-limiter peak ≈ 0.61',
    timing: 'best of runs, process CPU seconds (user+system), including a peak scan of the output',
    ceiling1Seconds: Number(best(open).toFixed(4)),
    ceiling03Seconds: Number(best(limited).toFixed(4)),
    limitedOverUnlimited: Number((best(limited) / best(open)).toFixed(2)),
    peakAtCeiling1: Number(peaks.open.toFixed(4)),
    peakAtCeiling03: Number(peaks.limited.toFixed(4)),
    runs: RUNS,
    node: process.version,
  }),
);
