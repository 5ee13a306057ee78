import { createRequire } from 'node:module';
import { ephemerisTime, positionContext, bodyState, meanNode, trueNode, deltaTSeconds } from '../src/ephemeris/ephemeris';
const require = createRequire(import.meta.url);
const sweph = require('sweph');
const C = sweph.constants;
const names = ['sun','moon','mercury','venus','mars','jupiter','saturn','uranus','neptune','pluto'] as const;
const ids = [0,1,2,3,4,5,6,7,8,9];
const worst: Record<string, number> = {};
const worstSp: Record<string, number> = {};
let rng = 12345; const rand = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = 0; i < 300; i++) {
  const ms = Date.UTC(1950, 0, 1) + rand() * (100 * 365.25 * 86400000);
  const t = ephemerisTime(ms);
  const jdUt = 2440587.5 + ms / 86400000;
  sweph.set_delta_t_userdef(deltaTSeconds(t) / 86400);
  const ctx = positionContext(t);
  names.forEach((n, k) => {
    const s = bodyState(ctx, n);
    const r = sweph.calc_ut(jdUt, ids[k], C.SEFLG_MOSEPH | C.SEFLG_SPEED);
    let d = (s.longitude - r.data[0]) * 3600; if (d > 648000) d -= 1296000; if (d < -648000) d += 1296000;
    worst[n] = Math.max(worst[n] ?? 0, Math.abs(d), Math.abs(s.latitude - r.data[1]) * 3600);
    worstSp[n] = Math.max(worstSp[n] ?? 0, Math.abs(s.longitudeSpeed - r.data[3]));
  });
  const mn = meanNode(t); const rm = sweph.calc_ut(jdUt, C.SE_MEAN_NODE, C.SEFLG_MOSEPH | C.SEFLG_SPEED);
  const tn = trueNode(ctx); const rt = sweph.calc_ut(jdUt, C.SE_TRUE_NODE, C.SEFLG_MOSEPH | C.SEFLG_SPEED);
  const w = (a: number, b: number) => { let d = (a - b) * 3600; if (d > 648000) d -= 1296000; if (d < -648000) d += 1296000; return Math.abs(d); };
  worst.meanNode = Math.max(worst.meanNode ?? 0, w(mn.longitude, rm.data[0]));
  worst.trueNode = Math.max(worst.trueNode ?? 0, w(tn.longitude, rt.data[0]));
  worstSp.meanNode = Math.max(worstSp.meanNode ?? 0, Math.abs(mn.longitudeSpeed - rm.data[3]));
  worstSp.trueNode = Math.max(worstSp.trueNode ?? 0, Math.abs(tn.longitudeSpeed - rt.data[3]));
}
console.log('worst arcsec', worst);
console.log('worst speed deg/day', worstSp);
