import { ephemerisTime, positionContext, bodyState } from '../src/ephemeris/ephemeris';
for (const ms of [Date.UTC(2000,0,1), Date.UTC(2010,5,1), Date.UTC(2024,2,1)]) {
  const ctx = positionContext(ephemerisTime(ms));
  for (const h of [0.01, 0.1, 1]) {
    const a = bodyState(positionContext(ephemerisTime(ms - h * 864e5)), 'jupiter'), b = bodyState(positionContext(ephemerisTime(ms + h * 864e5)), 'jupiter');
    const s = bodyState(ctx, 'jupiter');
    console.log(h, ((b.longitude - a.longitude) / (2 * h) - s.longitudeSpeed).toExponential(3), ctx.frameRate.toExponential(3));
  }
}
