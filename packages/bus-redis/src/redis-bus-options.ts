import { z } from 'zod';

/**
 * Options of {@link createRedisBus}, validated with zod.
 *
 * - `url`: `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS).
 * - `keyPrefix`: prefix of the keys the bus uses; one per deployment (default `vajra:`). The messages live
 *   in the stream `<keyPrefix>bus`.
 * - `maxLength`: about how many messages the stream keeps (older ones are trimmed), which bounds how much a
 *   listener that was disconnected can catch up on. Default 100000.
 * - `blockMs`: how long one read waits for new messages before asking again. Default 5000.
 * - `connectionName`: shown in `CLIENT LIST` (`<name>:bus` publishes, `<name>:bus-listen` reads). Default `vajra-stream`.
 *
 * @example
 * ```ts
 * const options: RedisBusOptions = { url: 'redis://127.0.0.1:6379', keyPrefix: 'studio:' };
 * ```
 */
export const redisBusOptionsSchema = z
  .object({
    url: z.string().regex(/^rediss?:\/\//, 'url must be a redis:// or rediss:// URL'),
    keyPrefix: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\s*?[\]]+$/, 'keyPrefix may not contain spaces or glob characters')
      .default('vajra:'),
    maxLength: z.number().int().min(100).max(100_000_000).default(100_000),
    blockMs: z.number().int().min(100).max(60_000).default(5000),
    connectionName: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,60}$/, 'connectionName: letters, digits, _ . : - only')
      .default('vajra-stream'),
  })
  .strict();

/**
 * Input options of {@link createRedisBus}.
 *
 * @example
 * ```ts
 * const options: RedisBusOptions = { url: process.env.VAJRA_BUS_URL ?? 'redis://127.0.0.1:6379' };
 * ```
 */
export type RedisBusOptions = z.input<typeof redisBusOptionsSchema>;
