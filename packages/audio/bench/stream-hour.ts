// Child process of bench/render.ts: streams a 60-minute render as 24-bit WAV to /dev/null, prints peak RSS.
import { createWriteStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { wavNodeReadable } from '../src/node/index';
import { workload } from './workload';

const minutes = Number(process.argv[2] ?? 60);
const started = performance.now();
await pipeline(wavNodeReadable(workload(minutes * 60), { format: 'pcm24' }), createWriteStream('/dev/null'));
const seconds = (performance.now() - started) / 1000;
const usage = process.cpuUsage();
const cpuSeconds = (usage.user + usage.system) / 1e6;
// Peak RSS of this process: VmHWM (reset by exec). getrusage's maxRSS is NOT used: Linux preserves it across
// execve, so it would report the forking parent's RSS.
function peakRssMB(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
console.log(JSON.stringify({ minutes, seconds, cpuSeconds, maxRssMB: peakRssMB() }));
