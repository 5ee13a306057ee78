import { Rotation_EQJ_ECT, AstroTime, RotateVector, Vector, SphereFromVector } from 'astronomy-engine';
for (const tt of [0, 3804, 8825]) {
  for (const h of [0.01, 0.5]) {
    const v = new Vector(0.3, 0.8, 0.2, AstroTime.FromTerrestrialTime(tt));
    const a = SphereFromVector(RotateVector(Rotation_EQJ_ECT(AstroTime.FromTerrestrialTime(tt - h)), v));
    const b = SphereFromVector(RotateVector(Rotation_EQJ_ECT(AstroTime.FromTerrestrialTime(tt + h)), v));
    console.log(tt, h, ((b.lon - a.lon) / (2 * h)).toExponential(4));
  }
}
