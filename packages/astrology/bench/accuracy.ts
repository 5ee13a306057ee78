/**
 * Accuracy against Swiss Ephemeris (the AGPL `sweph` dev-only peer, Moshier mode, no ephemeris
 * files; never a dependency, never used in tests). Prints one JSON line.
 *
 * For N random UT instants 1950–2050 (default 1000; `tsx bench/accuracy.ts 2000`):
 * - `apparentLongitude|Latitude`, `speed`: our chart vs `swe_calc` (apparent geocentric, true
 *   ecliptic and equinox of date, SEFLG_SPEED). Like is compared with like: Swiss Ephemeris is called at the *same TT*
 *   (our UT + our ΔT), because its own ΔT model differs from our IERS table by up to ~1 s in
 *   1950–2050 (`deltaTDifference` reports by how much).
 * - `againstNoDeflection`: the same with SEFLG_NOGDEFL; Swiss Ephemeris applies the Sun's light
 *   deflection, which we leave out (< 0.1″ in position, but up to 16″/day in speed near conjunction).
 * - diagnostics of where the error comes from: `heliocentricLongitudeJ2000`, the geometric
 *   heliocentric ecliptic-J2000 longitude of each planet and of the Earth, for astronomy-engine's own
 *   `HelioVector` and for the states the charts use, vs `SEFLG_HELCTR|SEFLG_J2000|SEFLG_TRUEPOS|
 *   SEFLG_NONUT|SEFLG_NOABERR|SEFLG_NOGDEFL`; and `geometricGeocentricLongitudeJ2000` (no light
 *   time, aberration or nutation: the planetary theory alone, the Earth's included).
 *
 * Optional second argument `position,velocity`: VSOP87B truncation thresholds to try
 * (see scripts/vsop87b-truncation.ts; the series are re-trimmed from astronomia, a devDependency).
 *
 * Worst and RMS differences in arcseconds; speed differences in arcseconds per day.
 */
import { createRequire } from 'node:module';
import { AstroTime, Body, HelioVector, Rotation_EQJ_ECL, RotateVector } from 'astronomy-engine';
import { chart, CHART_BODIES } from '../src/index';
import { heliocentricEquatorialJ2000 } from '../src/ephemeris/ephemeris';
import { setVsopSeries, vsopTermCount, VSOP_BODIES } from '../src/ephemeris/vsop87b';
import { trimAllVsop87b } from '../scripts/vsop87b-truncation';

const require = createRequire(import.meta.url);
const sweph = require('sweph');
const C = sweph.constants;

const N = Number(process.argv[2] ?? 1000);
// optional tuning of the VSOP87B truncation: `tsx bench/accuracy.ts 1000 2e-7,0.2`
if (process.argv[3]) {
  const [position, velocity] = process.argv[3].split(',').map(Number);
  setVsopSeries(trimAllVsop87b({ position: position!, velocity: velocity! }));
}
let seed = 19500101;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

const IDS: Record<string, number> = {
  sun: C.SE_SUN,
  moon: C.SE_MOON,
  mercury: C.SE_MERCURY,
  venus: C.SE_VENUS,
  mars: C.SE_MARS,
  jupiter: C.SE_JUPITER,
  saturn: C.SE_SATURN,
  uranus: C.SE_URANUS,
  neptune: C.SE_NEPTUNE,
  pluto: C.SE_PLUTO,
  meanNode: C.SE_MEAN_NODE,
  trueNode: C.SE_TRUE_NODE,
};
const HELIO: Record<string, Body> = {
  earth: Body.Earth,
  mercury: Body.Mercury,
  venus: Body.Venus,
  mars: Body.Mars,
  jupiter: Body.Jupiter,
  saturn: Body.Saturn,
  uranus: Body.Uranus,
  neptune: Body.Neptune,
  pluto: Body.Pluto,
};

const arcsec = (a: number, b: number) => (((((a - b) % 360) + 540) % 360) - 180) * 3600;

class Stat {
  worst = 0;
  sum2 = 0;
  n = 0;
  add(x: number): void {
    this.worst = Math.max(this.worst, Math.abs(x));
    this.sum2 += x * x;
    this.n++;
  }
  json(digits = 2) {
    return { worst: Number(this.worst.toFixed(digits)), rms: Number(Math.sqrt(this.sum2 / this.n).toFixed(digits)) };
  }
}
const stats = () => Object.fromEntries(Object.keys(IDS).map((k) => [k, { lon: new Stat(), lat: new Stat(), speed: new Stat() }]));
const apparent = stats();
const noDeflection = stats();
const helioAe = Object.fromEntries(Object.keys(HELIO).map((k) => [k, new Stat()]));
const helioOurs = Object.fromEntries(Object.keys(HELIO).map((k) => [k, new Stat()]));
const geoGeometric = Object.fromEntries(
  Object.keys(HELIO)
    .filter((k) => k !== 'earth')
    .map((k) => [k, new Stat()]),
);
const deltaTDiff = new Stat();

const ecl = Rotation_EQJ_ECL();
function eclLon(v: { x: number; y: number; z: number }): number {
  const e = RotateVector(ecl, v as never);
  return (Math.atan2(e.y, e.x) * 180) / Math.PI;
}
const GEOMETRIC_J2000 = C.SEFLG_MOSEPH | C.SEFLG_J2000 | C.SEFLG_TRUEPOS | C.SEFLG_NONUT | C.SEFLG_NOABERR | C.SEFLG_NOGDEFL;

for (let i = 0; i < N; i++) {
  const ms = Date.UTC(1950, 0, 1) + random() * 100 * 365.25 * 86_400_000;
  const c = chart({ date: ms, latitude: 0, longitude: 0 });
  const jdUt = 2440587.5 + ms / 86_400_000;
  const jdTt = jdUt + c.deltaT / 86_400;
  deltaTDiff.add(sweph.deltat(jdUt) * 86_400 - c.deltaT);
  for (const name of CHART_BODIES) {
    const r = sweph.calc(jdTt, IDS[name], C.SEFLG_MOSEPH | C.SEFLG_SPEED);
    const b = c.bodies[name];
    apparent[name]!.lon.add(arcsec(b.longitude, r.data[0]));
    apparent[name]!.lat.add(arcsec(b.latitude, r.data[1]));
    apparent[name]!.speed.add((b.speed - r.data[3]) * 3600);
    const n = sweph.calc(jdTt, IDS[name], C.SEFLG_MOSEPH | C.SEFLG_SPEED | C.SEFLG_NOGDEFL);
    noDeflection[name]!.lon.add(arcsec(b.longitude, n.data[0]));
    noDeflection[name]!.speed.add((b.speed - n.data[3]) * 3600);
  }
  const t = AstroTime.FromTerrestrialTime(jdTt - 2451545);
  for (const [name, body] of Object.entries(HELIO)) {
    const r = sweph.calc(jdTt, name === 'earth' ? C.SE_EARTH : IDS[name], GEOMETRIC_J2000 | C.SEFLG_HELCTR);
    helioAe[name]!.add(arcsec(eclLon(HelioVector(body, t)), r.data[0]));
    const p = heliocentricEquatorialJ2000(name as never, jdTt - 2451545);
    helioOurs[name]!.add(arcsec(eclLon({ x: p[0], y: p[1], z: p[2] }), r.data[0]));
    if (name !== 'earth') {
      const g = sweph.calc(jdTt, IDS[name], GEOMETRIC_J2000);
      const e = heliocentricEquatorialJ2000('earth', jdTt - 2451545);
      geoGeometric[name]!.add(arcsec(eclLon({ x: p[0] - e[0], y: p[1] - e[1], z: p[2] - e[2] }), g.data[0]));
    }
  }
}

const table = (s: Record<string, Stat>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.json()]));
console.log(
  JSON.stringify({
    bench: 'accuracy',
    against: `sweph ${sweph.version()} Moshier, swe_calc at our TT (UT + our ΔT)`,
    instants: N,
    range: '1950–2050 UT',
    unit: 'arcsec (speed: arcsec/day)',
    apparentLongitude: Object.fromEntries(Object.entries(apparent).map(([k, v]) => [k, v.lon.json()])),
    apparentLatitude: Object.fromEntries(Object.entries(apparent).map(([k, v]) => [k, v.lat.json()])),
    speed: Object.fromEntries(Object.entries(apparent).map(([k, v]) => [k, v.speed.json(3)])),
    againstNoDeflection: {
      note: 'sweph with SEFLG_NOGDEFL (no solar light deflection): longitude, speed',
      longitude: Object.fromEntries(Object.entries(noDeflection).map(([k, v]) => [k, v.lon.json()])),
      speed: Object.fromEntries(Object.entries(noDeflection).map(([k, v]) => [k, v.speed.json(3)])),
    },
    heliocentricLongitudeJ2000: { astronomyEngine: table(helioAe), ours: table(helioOurs) },
    geometricGeocentricLongitudeJ2000: table(geoGeometric),
    vsopTerms: Object.fromEntries(VSOP_BODIES.map((b) => [b, vsopTermCount(b)])),
    deltaTDifference: { note: 'sweph ΔT − ours, seconds (not used: sweph is called at our TT)', ...deltaTDiff.json() },
  }),
);
