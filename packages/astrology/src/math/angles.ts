/** Degrees ↔ radians and angle normalisation helpers. */
export const DEG = Math.PI / 180;
export const RAD = 180 / Math.PI;

/** Normalises an angle to [0, 360). */
export function norm360(deg: number): number {
  const r = deg % 360;
  return r < 0 ? r + 360 : r === 360 ? 0 : r;
}

/** Normalises an angle to [-180, 180). */
export function norm180(deg: number): number {
  return norm360(deg + 180) - 180;
}

export function sind(deg: number): number {
  return Math.sin(deg * DEG);
}
export function cosd(deg: number): number {
  return Math.cos(deg * DEG);
}
export function tand(deg: number): number {
  return Math.tan(deg * DEG);
}
export function atan2d(y: number, x: number): number {
  return Math.atan2(y, x) * RAD;
}
export function asind(x: number): number {
  return Math.asin(x) * RAD;
}
