import * as z from 'zod/mini';

/** An instant: a `Date`, an ISO 8601 string with zone, or milliseconds since the epoch. */
export const instantSchema = z.pipe(
  z.union([z.date(), z.number(), z.string()]),
  z.transform((value: Date | number | string, ctx) => {
    const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
    if (!Number.isFinite(ms)) {
      ctx.issues.push({ code: 'custom', message: 'Invalid date', input: value });
      return z.NEVER;
    }
    // astronomy-engine's models are meant for roughly 1700–2200 (VSOP87 truncation, Pluto integrator)
    if (ms < Date.UTC(1000, 0, 1) || ms > Date.UTC(3000, 0, 1)) {
      ctx.issues.push({ code: 'custom', message: 'Date must lie between the years 1000 and 3000', input: value });
      return z.NEVER;
    }
    return ms;
  }),
);

/**
 * An instant accepted by every function of this package.
 *
 * @example
 * ```ts
 * const instants: InstantInput[] = [new Date(), '2024-04-08T18:17:00Z', Date.UTC(2024, 3, 8, 18, 17)];
 * const phases = instants.map((date) => moonPhase(date));
 * ```
 */
export type InstantInput = Date | number | string;

export const latitudeSchema = z.number().check(z.gte(-90), z.lte(90));
export const longitudeSchema = z.number().check(z.gte(-180), z.lte(180));

/** A place on Earth: geographic latitude (north positive) and longitude (east positive), degrees. */
export const locationSchema = z.object({ latitude: latitudeSchema, longitude: longitudeSchema });

/**
 * A place on Earth (degrees; north and east positive).
 *
 * @example
 * ```ts
 * const kathmandu: GeoLocation = { latitude: 27.7172, longitude: 85.324 };
 * panchanga('2025-06-11T06:00:00Z', kathmandu);
 * sunTimes('2025-06-11T06:00:00Z', kathmandu);
 * ```
 */
export interface GeoLocation {
  latitude: number;
  longitude: number;
}
