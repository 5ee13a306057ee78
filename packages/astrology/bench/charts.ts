/**
 * Full charts per second: 12 bodies (Sun … Pluto, mean and true node) with speeds + Placidus houses,
 * over 2,000 random charts (1900–2100, latitudes ±60°). If the AGPL `sweph` dev dependency loads,
 * the same workload runs with Swiss Ephemeris in Moshier mode (no ephemeris files) for a ratio.
 * Prints one JSON line.
 */
import { createRequire } from 'node:module';
import { chart } from '../src/index';

const COUNT = 2000;
let seed = 20240521;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const inputs = Array.from({ length: COUNT }, () => ({
  ms: Date.UTC(1900, 0, 1) + random() * 200 * 365.25 * 86_400_000,
  latitude: (random() * 2 - 1) * 60,
  longitude: (random() * 2 - 1) * 180,
}));

/** Charts per second of one pass over all inputs. */
function rate(run: () => void): number {
  const start = performance.now();
  run();
  return (COUNT / (performance.now() - start)) * 1000;
}

let sink = 0;
function runOurs(): void {
  for (const x of inputs) {
    const c = chart({ date: x.ms, latitude: x.latitude, longitude: x.longitude, houseSystem: 'placidus' });
    sink += c.bodies.moon.speed + c.houses.cusps[10]!;
  }
}

let runSweph: (() => void) | undefined;
let swephNote: string;
try {
  const require = createRequire(import.meta.url);
  const sweph = require('sweph');
  const C = sweph.constants;
  const ids = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, C.SE_MEAN_NODE, C.SE_TRUE_NODE];
  const flags = C.SEFLG_MOSEPH | C.SEFLG_SPEED;
  runSweph = () => {
    for (const x of inputs) {
      const jd = 2440587.5 + x.ms / 86_400_000;
      for (const id of ids) sink += sweph.calc_ut(jd, id, flags).data[3];
      sink += sweph.houses_ex(jd, C.SEFLG_MOSEPH, x.latitude, x.longitude, 'P').data.houses[10];
    }
  };
  swephNote = `sweph ${sweph.version()} Moshier (no ephemeris files), same inputs, calc_ut with SEFLG_SPEED + houses_ex`;
} catch (error) {
  swephNote = `sweph unavailable: ${(error as Error).message}`;
}

// Warm up, then alternate the two workloads for several rounds (the machine is shared and noisy)
// and report the best round of each, plus the median ratio of paired rounds.
// first (cold) pass: JIT warm-up and astronomy-engine's Pluto integration cache being filled
const coldOurs = rate(runOurs);
const coldSweph = runSweph ? rate(runSweph) : null;
const ROUNDS = 5;
const ours: number[] = [];
const theirs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  ours.push(rate(runOurs));
  if (runSweph) theirs.push(rate(runSweph));
}
const best = (xs: number[]) => Math.max(...xs);
const ratios = theirs.map((t, i) => ours[i]! / t).sort((a, b) => a - b);

console.log(
  JSON.stringify({
    bench: 'charts',
    workload: '12 bodies with speeds + Placidus houses, random instants 1900–2100, latitudes ±60°',
    charts: COUNT,
    rounds: ROUNDS,
    chartsPerSecond: Math.round(best(ours)),
    swephChartsPerSecond: theirs.length ? Math.round(best(theirs)) : null,
    ratioOfBest: theirs.length ? Number((best(ours) / best(theirs)).toFixed(2)) : null,
    coldPass: { chartsPerSecond: Math.round(coldOurs), swephChartsPerSecond: coldSweph === null ? null : Math.round(coldSweph) },
    medianPairedRatio: ratios.length ? Number(ratios[Math.floor(ratios.length / 2)]!.toFixed(2)) : null,
    swephNote,
    node: process.version,
    checksum: Number.isFinite(sink),
  }),
);
