import { createRequire } from 'node:module';
import { chart } from '../src/chart/chart';
import { AYANAMSAS, meanAyanamsa } from '../src/chart/ayanamsa';
import { ephemerisTime, deltaTSeconds } from '../src/ephemeris/ephemeris';
const require = createRequire(import.meta.url);
const sweph = require('sweph');
const C = sweph.constants;
const systems: Record<string, string> = { placidus: 'P', koch: 'K', porphyry: 'O', regiomontanus: 'R', campanus: 'C', equal: 'E', 'whole-sign': 'W' };
const w = (a: number, b: number) => { let d = (a - b) * 3600; d = ((d % 1296000) + 1296000) % 1296000; if (d > 648000) d -= 1296000; return Math.abs(d); };
const worst: Record<string, number> = {};
let rng = 99; const rand = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
let fallbacks = 0;
for (let i = 0; i < 300; i++) {
  const ms = Date.UTC(1950, 0, 1) + rand() * (100 * 365.25 * 86400000);
  const lat = (rand() * 2 - 1) * 66, lon = (rand() * 2 - 1) * 180;
  const jd = 2440587.5 + ms / 86400000;
  sweph.set_delta_t_userdef(deltaTSeconds(ephemerisTime(ms)) / 86400);
  for (const [name, code] of Object.entries(systems)) {
    const c = chart({ date: ms, latitude: lat, longitude: lon, houseSystem: name as any });
    if (c.houses.fallback) { fallbacks++; continue; }
    const r = sweph.houses_ex(jd, C.SEFLG_MOSEPH, lat, lon, code);
    let m = w(c.houses.ascendant, r.data.points[0]);
    m = Math.max(m, w(c.houses.mc, r.data.points[1]));
    c.houses.cusps.forEach((x, k) => { m = Math.max(m, w(x, r.data.houses[k])); });
    worst[name] = Math.max(worst[name] ?? 0, m);
  }
  for (const [key, mode] of [['lahiri', C.SE_SIDM_LAHIRI], ['faganBradley', C.SE_SIDM_FAGAN_BRADLEY], ['raman', C.SE_SIDM_RAMAN], ['krishnamurti', C.SE_SIDM_KRISHNAMURTI]] as const) {
    sweph.set_sid_mode(mode, 0, 0);
    const a = sweph.get_ayanamsa_ex_ut(jd, C.SEFLG_MOSEPH | C.SEFLG_NONUT).data;
    const mine = meanAyanamsa((AYANAMSAS as any)[key], ephemerisTime(ms).tt);
    worst['ayan_' + key] = Math.max(worst['ayan_' + key] ?? 0, w(mine, a));
  }
  sweph.set_sid_mode(C.SE_SIDM_LAHIRI, 0, 0);
  const cs = chart({ date: ms, latitude: lat, longitude: lon, zodiac: 'sidereal' });
  const rs = sweph.calc_ut(jd, 1, C.SEFLG_MOSEPH | C.SEFLG_SIDEREAL).data[0];
  const ct = chart({ date: ms, latitude: lat, longitude: lon });
  const rt = sweph.calc_ut(jd, 1, C.SEFLG_MOSEPH).data[0];
  worst.siderealMoonMinusTropicalErr = Math.max(worst.siderealMoonMinusTropicalErr ?? 0, Math.abs(w(cs.bodies.moon.longitude, rs) - w(ct.bodies.moon.longitude, rt)));
}
console.log(worst, 'fallbacks', fallbacks);
