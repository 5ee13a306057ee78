import { Body, HelioState, AstroTime } from 'astronomy-engine';
for (const b of [Body.Earth, Body.Jupiter, Body.Mercury]) {
  const tt = 1234.5, h = 0.001;
  const s = HelioState(b, AstroTime.FromTerrestrialTime(tt));
  const a = HelioState(b, AstroTime.FromTerrestrialTime(tt - h)), c = HelioState(b, AstroTime.FromTerrestrialTime(tt + h));
  console.log(b, (c.x - a.x) / (2 * h) - s.vx, (c.y - a.y) / (2 * h) - s.vy, s.vx, s.vy);
}
