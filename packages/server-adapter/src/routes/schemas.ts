import { SESSION_STATUSES } from '@vajra-stream/core';
import { z } from 'zod';
import { queryNumber } from '../routing/query-number';

const iso = z.iso.datetime().meta({ description: 'ISO 8601 instant, UTC' });
const isoOrNull = iso.nullable();

/**
 * A session as the API returns it.
 * @example
 * ```ts
 * const session = sessionSchema.parse(await (await fetch(`${base}/api/v1/sessions/${id}`)).json());
 * ```
 */
export const sessionSchema = z
  .object({
    id: z.string(),
    intention: z.string(),
    duration: z.number().meta({ description: 'Planned length in seconds' }),
    audioType: z.string(),
    frequencies: z.array(z.number()),
    prayerBowlMode: z.boolean(),
    metadata: z.record(z.string(), z.unknown()),
    program: z.unknown().meta({ description: 'The audio program (JSON), or null' }),
    owner: z.string().nullable(),
    status: z.enum(SESSION_STATUSES),
    createdAt: iso,
    updatedAt: iso,
    startedAt: isoOrNull,
    stoppedAt: isoOrNull,
    completedAt: isoOrNull,
    elapsedTime: z.number(),
    runningSince: isoOrNull,
  })
  .meta({ id: 'Session' });

/**
 * A mantra of the wheel library.
 * @example
 * ```ts
 * const { mantras } = z.object({ mantras: z.array(mantraSchema) }).parse(await (await fetch(`${base}/api/v1/prayers/mantras`)).json());
 * ```
 */
export const mantraSchema = z.object({ id: z.string(), name: z.string(), deity: z.string(), text: z.string(), transliteration: z.string(), meaning: z.string() }).meta({ id: 'Mantra' });

/**
 * A prayer wheel as the API returns it.
 * @example
 * ```ts
 * const wheel = wheelSchema.parse(await (await fetch(`${base}/api/v1/prayers/wheels/${id}`)).json());
 * ```
 */
export const wheelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    mantra: mantraSchema,
    copiesPerRotation: z.string(),
    rpm: z.number(),
    status: z.enum(['stopped', 'spinning']),
    rotations: z.string(),
    recitations: z.string(),
    spinningSeconds: z.number(),
    phase: z.number(),
    sessionId: z.string().nullable(),
    owner: z.string().nullable(),
    dedications: z.number(),
    createdAt: iso,
    updatedAt: iso,
    startedAt: isoOrNull,
    stoppedAt: isoOrNull,
    segment: z
      .object({
        since: iso,
        rpm: z.number(),
        rotationsAtStart: z.string().meta({ description: 'Whole rotations counted before this stretch (decimal string)' }),
        phaseAtStart: z.number().meta({ description: 'Fraction of a rotation turned at the start of the stretch, [0, 1)' }),
        lastTickAt: iso,
      })
      .nullable()
      .meta({ description: 'The current stretch of spinning at one speed (null while stopped)' }),
  })
  .meta({ id: 'Wheel' });

/**
 * A dedication of merit.
 * @example
 * ```ts
 * const dedication = dedicationSchema.parse(reply);
 * ```
 */
export const dedicationSchema = z
  .object({ id: z.string(), wheelId: z.string(), text: z.string(), at: iso, rotations: z.string(), recitations: z.string(), owner: z.string().nullable() })
  .meta({ id: 'Dedication' });

/** A page of a listing. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

/** Query of a paginated listing. */
export const pageQuery = {
  limit: queryNumber(z.number().int().min(1).max(200).default(50)),
  offset: queryNumber(z.number().int().min(0).max(1_000_000_000).default(0)),
};

/** `{id}` path parameter. */
export const idParams = z.object({ id: z.string().min(1).max(200) });
