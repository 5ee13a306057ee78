// Child process of bench/render.ts: ONE render in a fresh process, as a CLI user meets it (cold JIT).
// argv[2]: "ours" (this engine, bundled from source) or "web-audio" (node-web-audio-api's OfflineAudioContext).
// Prints ONE JSON line: CPU seconds of the render (all threads) and of the whole process so far, wall seconds.
import { renderToBuffer } from '../src/index';
import { renderWebAudio } from './web-audio-workload';
import { BENCH_BOWL_GAIN, BENCH_DURATION } from './bench-settings';
import { sustainedWorkload } from './workload';

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const engine = process.argv[2];
const wall = performance.now();
const started = cpu();
if (engine === 'ours') {
  // the whole render in memory, as OfflineAudioContext delivers it
  const { channels } = renderToBuffer(sustainedWorkload(BENCH_DURATION, BENCH_BOWL_GAIN));
  if (Number.isNaN(channels[0][channels[0].length - 1]!)) throw new Error('NaN in output');
} else if (engine === 'web-audio') {
  await renderWebAudio(BENCH_DURATION, BENCH_BOWL_GAIN);
} else throw new Error(`unknown engine ${engine}`);
const renderCpu = cpu() - started;
console.log(JSON.stringify({ engine, renderCpuSeconds: renderCpu, renderWallSeconds: (performance.now() - wall) / 1000, processCpuSeconds: cpu() }));
