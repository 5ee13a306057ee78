import { parseInput } from '@vajra-stream/core';
import * as z from 'zod/mini';
import { asind, atan2d, cosd, norm360, sind, tand } from '../math/angles';

/**
 * House systems supported by {@link computeHouses}.
 *
 * @example
 * ```ts
 * HOUSE_SYSTEMS.includes('koch'); // true
 * ```
 */
export const HOUSE_SYSTEMS = ['placidus', 'koch', 'porphyry', 'regiomontanus', 'campanus', 'equal', 'whole-sign'] as const;

/**
 * One of {@link HOUSE_SYSTEMS}.
 *
 * @example
 * ```ts
 * const houseSystem: HouseSystem = Math.abs(latitude) >= 66.56 ? 'whole-sign' : 'placidus';
 * const c = chart({ date, latitude, longitude, houseSystem });
 * ```
 */
export type HouseSystem = (typeof HOUSE_SYSTEMS)[number];

/**
 * House cusps of one chart.
 *
 * @example
 * ```ts
 * const houses: Houses = chart({ date: '2024-01-01T12:00:00Z', latitude: 69.6, longitude: 18.9 }).houses; // Tromsø
 * houses.system; // 'porphyry'
 * houses.fallback; // { requested: 'placidus', reason: 'placidus houses are undefined at latitude 69.6° (inside the polar circle, …)' }
 * houses.cusps[9] === houses.mc; // true: the 10th cusp is the MC
 * ```
 */
export interface Houses {
  /** The system actually used (differs from the requested one after a polar fallback). */
  system: HouseSystem;
  /** Set when the requested system is undefined at this latitude and another was used. */
  fallback?: { requested: HouseSystem; reason: string };
  /** Ecliptic longitudes of cusps 1–12 (index 0 is the first house), degrees. */
  cusps: number[];
  ascendant: number;
  mc: number;
}

/** The ecliptic point rising when the right ascension of the meridian is `ramc`, at pole height `pole`. */
function ascendantAt(ramc: number, eps: number, pole: number): number {
  return norm360(atan2d(cosd(ramc), -(sind(ramc) * cosd(eps) + tand(pole) * sind(eps))));
}

/** Ecliptic longitude of the ecliptic point with right ascension `ra`. */
function longitudeFromRa(ra: number, eps: number): number {
  return norm360(atan2d(sind(ra), cosd(ra) * cosd(eps)));
}

/** Placidus cusp: the point that has covered `fraction` of its semi-arc; `below` for houses 2 and 3. */
function placidusCusp(ramc: number, eps: number, lat: number, fraction: number, below: boolean): number | null {
  const tanLat = tand(lat);
  const sinEps = sind(eps);
  // One step of the classical fixed-point iteration λ → F(λ); null where the semi-arc is undefined.
  const step = (lon: number): number | null => {
    const x = tanLat * tand(asind(sinEps * sind(lon)));
    if (Math.abs(x) >= 1) return null;
    const ad = asind(x);
    const ra = below ? ramc + 180 - fraction * (90 - ad) : ramc + fraction * (90 + ad);
    return longitudeFromRa(ra, eps);
  };
  // Secant iteration on g(λ) = F(λ) − λ (superlinear; the plain fixed point needs ~40 steps at 60°).
  let x0 = longitudeFromRa(ramc + (below ? 180 - fraction * 90 : fraction * 90), eps);
  const f0 = step(x0);
  if (f0 === null) return null;
  let g0 = norm360(f0 - x0 + 180) - 180;
  let x1 = f0;
  for (let i = 0; i < 60; i++) {
    const f1 = step(x1);
    if (f1 === null) return null;
    const g1 = norm360(f1 - x1 + 180) - 180;
    if (Math.abs(g1) < 1e-11) return norm360(f1);
    const denominator = g1 - g0;
    const next = denominator === 0 ? f1 : x1 - (g1 * (x1 - x0)) / denominator;
    x0 = x1;
    g0 = g1;
    x1 = norm360(next);
  }
  return norm360(x1);
}

function fromQuadrant(asc: number, mc: number, c11: number, c12: number, c2: number, c3: number): number[] {
  return [asc, c2, c3, norm360(mc + 180), norm360(c11 + 180), norm360(c12 + 180), norm360(asc + 180), norm360(c2 + 180), norm360(c3 + 180), mc, c11, c12];
}

function porphyry(asc: number, mc: number): number[] {
  const q1 = norm360(asc - mc); // MC → ASC
  const q2 = norm360(mc + 180 - asc); // ASC → IC
  return fromQuadrant(asc, mc, norm360(mc + q1 / 3), norm360(mc + (2 * q1) / 3), norm360(asc + q2 / 3), norm360(asc + (2 * q2) / 3));
}

/**
 * House cusps from the right ascension of the meridian, the true obliquity and the geographic latitude
 * (all degrees). Placidus and Koch are undefined inside the polar circles (|latitude| ≥ 90° − ε);
 * there the result falls back to Porphyry and says so in `fallback`.
 *
 * @example
 * ```ts
 * const houses = computeHouses({ ramc: 123.4, obliquity: 23.44, latitude: 51.5, system: 'placidus' });
 * houses.cusps[0] === houses.ascendant; // true
 * ```
 */
export function computeHouses(input: { ramc: number; obliquity: number; latitude: number; system: HouseSystem }): Houses {
  return houseCusps(parseInput(housesInputSchema, input, 'house input'));
}

const housesInputSchema = z.object({
  ramc: z.number(),
  obliquity: z.number().check(z.gte(0), z.lte(45)),
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  system: z.enum(HOUSE_SYSTEMS),
});

/** {@link computeHouses} on inputs already known to be valid (the chart's own). */
export function houseCusps(input: { ramc: number; obliquity: number; latitude: number; system: HouseSystem }): Houses {
  const { obliquity: eps, latitude: lat, system } = input;
  const ramc = norm360(input.ramc);
  const mc = longitudeFromRa(ramc, eps);
  const asc = ascendantAt(ramc, eps, lat);
  const result = (cusps: number[], used: HouseSystem = system, fallback?: Houses['fallback']): Houses => ({
    system: used,
    ...(fallback ? { fallback } : {}),
    cusps,
    ascendant: asc,
    mc,
  });
  const polarFallback = (): Houses =>
    result(porphyry(asc, mc), 'porphyry', {
      requested: system,
      reason: `${system} houses are undefined at latitude ${lat}° (inside the polar circle, |latitude| ≥ ${(90 - eps).toFixed(2)}°)`,
    });

  switch (system) {
    case 'equal':
      return result(Array.from({ length: 12 }, (_, i) => norm360(asc + 30 * i)));
    case 'whole-sign': {
      const first = Math.floor(asc / 30) * 30;
      return result(Array.from({ length: 12 }, (_, i) => norm360(first + 30 * i)));
    }
    case 'porphyry':
      return result(porphyry(asc, mc));
    case 'placidus': {
      if (Math.abs(lat) >= 90 - eps) return polarFallback();
      const c11 = placidusCusp(ramc, eps, lat, 1 / 3, false);
      const c12 = placidusCusp(ramc, eps, lat, 2 / 3, false);
      const c2 = placidusCusp(ramc, eps, lat, 2 / 3, true);
      const c3 = placidusCusp(ramc, eps, lat, 1 / 3, true);
      if (c11 === null || c12 === null || c2 === null || c3 === null) return polarFallback();
      return result(fromQuadrant(asc, mc, c11, c12, c2, c3));
    }
    case 'koch': {
      if (Math.abs(lat) >= 90 - eps) return polarFallback();
      const x = tand(lat) * tand(asind(sind(eps) * sind(mc)));
      if (Math.abs(x) >= 1) return polarFallback();
      const dsa = 90 + asind(x); // diurnal semi-arc of the MC degree
      const at = (shift: number) => ascendantAt(ramc + shift, eps, lat);
      return result(fromQuadrant(asc, mc, at((-2 * dsa) / 3), at(-dsa / 3), at(dsa / 3), at((2 * dsa) / 3)));
    }
    case 'regiomontanus': {
      // Equator divided in 30° steps from the meridian; the house circle through the north and
      // south points of the horizon has pole height tan P = tan φ · sin H.
      const at = (h: number) => ascendantAt(ramc + h - 90, eps, atan2d(tand(lat) * sind(h), 1));
      return result(fromQuadrant(asc, mc, at(30), at(60), at(120), at(150)));
    }
    case 'campanus': {
      // Prime vertical divided in 30° steps: the house circle meets the equator at hour offset
      // H = atan2(sin h · cos φ, cos h) and has pole height sin P = sin φ · sin h.
      const at = (h: number) => ascendantAt(ramc + atan2d(sind(h) * cosd(lat), cosd(h)) - 90, eps, asind(sind(lat) * sind(h)));
      return result(fromQuadrant(asc, mc, at(30), at(60), at(120), at(150)));
    }
  }
}
