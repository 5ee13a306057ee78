import { createRequire } from 'node:module';
import { Body, Ecliptic, GeoVector } from 'astronomy-engine';
import { ephemerisTime, positionContext, bodyState, deltaTSeconds } from '../src/ephemeris/ephemeris';
const require = createRequire(import.meta.url);
const sweph = require('sweph');
const C = sweph.constants;
const names = ['mercury','venus','mars','jupiter','saturn','uranus','neptune'] as const;
const bodies = [Body.Mercury, Body.Venus, Body.Mars, Body.Jupiter, Body.Saturn, Body.Uranus, Body.Neptune];
const ids = [2,3,4,5,6,7,8];
const w = (a: number, b: number) => { let d = (a - b) * 3600; if (d > 648000) d -= 1296000; if (d < -648000) d += 1296000; return Math.abs(d); };
const worstMine: Record<string, number> = {}, worstAE: Record<string, number> = {}, worstFD: Record<string, number> = {}, worstSw: Record<string, number> = {};
let rng = 777; const rand = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = 0; i < 200; i++) {
  const ms = Date.UTC(1950, 0, 1) + rand() * (100 * 365.25 * 86400000);
  const t = ephemerisTime(ms);
  sweph.set_delta_t_userdef(deltaTSeconds(t) / 86400);
  const jdUt = 2440587.5 + ms / 86400000;
  const ctx = positionContext(t);
  const h = 0.01;
  const ctxA = positionContext(ephemerisTime(ms - h * 86400000)), ctxB = positionContext(ephemerisTime(ms + h * 86400000));
  names.forEach((n, k) => {
    const s = bodyState(ctx, n);
    const r = sweph.calc_ut(jdUt, ids[k], C.SEFLG_MOSEPH | C.SEFLG_SPEED);
    const ae = Ecliptic(GeoVector(bodies[k]!, t.astro, true));
    worstMine[n] = Math.max(worstMine[n] ?? 0, w(s.longitude, r.data[0]));
    worstAE[n] = Math.max(worstAE[n] ?? 0, w(ae.elon, r.data[0]));
    let fd = bodyState(ctxB, n).longitude - bodyState(ctxA, n).longitude; if (fd > 180) fd -= 360; if (fd < -180) fd += 360; fd /= 2 * h;
    worstFD[n] = Math.max(worstFD[n] ?? 0, Math.abs(fd - s.longitudeSpeed));
    worstSw[n] = Math.max(worstSw[n] ?? 0, Math.abs(fd - r.data[3]));
  });
}
console.log('mine vs sweph ″', worstMine); console.log('AE GeoVector vs sweph ″', worstAE);
console.log('my speed vs FD of my positions', worstFD); console.log('sweph speed vs FD of my positions', worstSw);
