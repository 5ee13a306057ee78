/** Pure vector and angle helpers of the ephemeris (no astronomy-engine here). */
import { DEG, RAD, norm360 } from '../math/angles';

/** Apparent geocentric ecliptic-of-date coordinates and their rates. */
export interface EclipticState {
  /** Degrees, [0, 360). */
  longitude: number;
  /** Degrees. */
  latitude: number;
  /** AU. */
  distance: number;
  /** Degrees per day. */
  longitudeSpeed: number;
  /** Degrees per day. */
  latitudeSpeed: number;
}

export type Vec3 = [number, number, number];

/** Rotation EQJ → true ecliptic of date, applied as astronomy-engine's RotateVector does. */
export function rotate(m: number[][], x: number, y: number, z: number): Vec3 {
  return [m[0]![0]! * x + m[1]![0]! * y + m[2]![0]! * z, m[0]![1]! * x + m[1]![1]! * y + m[2]![1]! * z, m[0]![2]! * x + m[1]![2]! * y + m[2]![2]! * z];
}

/** Rate of the nutation in longitude in degrees per day (main terms of IAU 1980, enough for speeds). */
export function nutationRate(tt: number): number {
  const T = tt / 36525;
  const omega = (125.04452 - 1934.136261 * T) * DEG;
  const lSun = (280.4665 + 36000.7698 * T) * DEG;
  const lMoon = (218.3165 + 481267.8813 * T) * DEG;
  const perDay = DEG / 36525;
  // d/dt of (−17.20″ sin Ω − 1.32″ sin 2L − 0.23″ sin 2L′ + 0.21″ sin 2Ω)
  const arcsec =
    -17.2 * Math.cos(omega) * (-1934.136261 * perDay) -
    1.32 * Math.cos(2 * lSun) * (2 * 36000.7698 * perDay) -
    0.23 * Math.cos(2 * lMoon) * (2 * 481267.8813 * perDay) +
    0.21 * Math.cos(2 * omega) * (2 * -1934.136261 * perDay);
  return arcsec / 3600;
}

/** Spherical ecliptic coordinates and rates from a Cartesian position and velocity. */
export function toEcliptic(p: Vec3, v: Vec3, frameRate: number): EclipticState {
  const [x, y, z] = p;
  const [vx, vy, vz] = v;
  const rho2 = x * x + y * y;
  const r2 = rho2 + z * z;
  const rho = Math.sqrt(rho2);
  return {
    longitude: norm360(Math.atan2(y, x) * RAD),
    latitude: Math.atan2(z, rho) * RAD,
    distance: Math.sqrt(r2),
    longitudeSpeed: ((x * vy - y * vx) / rho2) * RAD + frameRate,
    latitudeSpeed: ((vz * rho2 - z * (x * vx + y * vy)) / (r2 * rho)) * RAD,
  };
}

/** Gaussian gravitational constant squared: GM of the Sun in AU³/day². */
export const GM_SUN = 0.01720209895 * 0.01720209895;

/**
 * True (osculating) lunar node: the ascending node of the plane spanned by the Moon's geocentric
 * position `p` (AU) and velocity `v` (AU/day), both in the ecliptic of date. Its rate follows from
 * dh/dt = r × a with the solar tidal acceleration (the perturbation that turns the orbital plane),
 * so no extra evaluation of the Moon is needed.
 */
export function osculatingNode(p: Vec3, v: Vec3, sun: EclipticState): EclipticState {
  const hx = p[1] * v[2] - p[2] * v[1];
  const hy = p[2] * v[0] - p[0] * v[2];
  const cb = Math.cos(sun.latitude * DEG);
  const S: Vec3 = [sun.distance * cb * Math.cos(sun.longitude * DEG), sun.distance * cb * Math.sin(sun.longitude * DEG), sun.distance * Math.sin(sun.latitude * DEG)];
  const d: Vec3 = [S[0] - p[0], S[1] - p[1], S[2] - p[2]];
  const d3 = Math.hypot(...d) ** 3;
  const s3 = sun.distance ** 3;
  const a: Vec3 = [0, 1, 2].map((i) => GM_SUN * (d[i]! / d3 - S[i]! / s3)) as Vec3;
  const dhx = p[1] * a[2] - p[2] * a[1];
  const dhy = p[2] * a[0] - p[0] * a[2];
  return {
    longitude: norm360(Math.atan2(hx, -hy) * RAD),
    latitude: 0,
    distance: 0,
    longitudeSpeed: ((hx * dhy - hy * dhx) / (hx * hx + hy * hy)) * RAD,
    latitudeSpeed: 0,
  };
}
