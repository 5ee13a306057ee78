import { z } from 'zod';
import { databaseLocationShape } from '../database-location-shape';

/**
 * Options of {@link createPostgresBus}, validated with zod.
 *
 * - `connectionString`, `schema`: the database and schema shared by the instances (the same as the store's).
 * - `replayWindowSeconds`: after a reconnect, messages published up to this long before the last one
 *   received are looked at again (those already delivered are skipped) — covers publishes whose commit
 *   raced the disconnect. Default 10.
 * - `retentionSeconds`: how long the outbox keeps a message, which bounds how long a listener may be
 *   disconnected and still receive everything. Default 300.
 * - `maxPending`: messages waiting for an unreachable database before `publish` refuses (`BUS_OVERLOADED`). Default 10000.
 * - `applicationName`: shown in `pg_stat_activity` (`<name>:bus-listen` for the listening connection). Default `vajra-stream`.
 *
 * @example
 * ```ts
 * const options: PostgresBusOptions = { connectionString: 'postgres://postgres@127.0.0.1/vajra', schema: 'studio' };
 * ```
 */
export const postgresBusOptionsSchema = z
  .object({
    ...databaseLocationShape,
    replayWindowSeconds: z.number().min(1).max(3600).default(10),
    retentionSeconds: z
      .number()
      .min(10)
      .max(7 * 86_400)
      .default(300),
    maxPending: z.number().int().min(1).max(1_000_000).default(10_000),
    applicationName: z.string().min(1).max(50).default('vajra-stream'),
  })
  .strict();

/**
 * Input options of {@link createPostgresBus}.
 *
 * @example
 * ```ts
 * const options: PostgresBusOptions = { connectionString: process.env.VAJRA_BUS_URL ?? '' };
 * ```
 */
export type PostgresBusOptions = z.input<typeof postgresBusOptionsSchema>;
