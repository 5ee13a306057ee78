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

function measure(run: () => void): number {
  run(); // warm-up (JIT, caches)
  const start = performance.now();
  run();
  return (COUNT / (performance.now() - start)) * 1000;
}

let sink = 0;
const ours = measure(() => {
  for (const x of inputs) {
    const c = chart({ date: x.ms, latitude: x.latitude, longitude: x.longitude, houseSystem: 'placidus' });
    sink += c.bodies.moon.speed + c.houses.cusps[10]!;
  }
});

let swephChartsPerSecond: number | null = null;
let swephNote: string | undefined;
try {
  const require = createRequire(import.meta.url);
  const sweph = require('sweph');
  const C = sweph.constants;
  const ids = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, C.SE_MEAN_NODE, C.SE_TRUE_NODE];
  const flags = C.SEFLG_MOSEPH | C.SEFLG_SPEED;
  swephChartsPerSecond = measure(() => {
    for (const x of inputs) {
      const jd = 2440587.5 + x.ms / 86_400_000;
      for (const id of ids) sink += sweph.calc_ut(jd, id, flags).data[3];
      sink += sweph.houses_ex(jd, C.SEFLG_MOSEPH, x.latitude, x.longitude, 'P').data.houses[10];
    }
  });
  swephNote = `sweph ${sweph.version()} Moshier (no ephemeris files)`;
} catch (error) {
  swephNote = `sweph unavailable: ${(error as Error).message}`;
}

console.log(
  JSON.stringify({
    bench: 'charts',
    charts: COUNT,
    chartsPerSecond: Math.round(ours),
    swephChartsPerSecond: swephChartsPerSecond === null ? null : Math.round(swephChartsPerSecond),
    ratio: swephChartsPerSecond === null ? null : Number((ours / swephChartsPerSecond).toFixed(2)),
    swephNote,
    node: process.version,
    checksum: Number.isFinite(sink),
  }),
);
