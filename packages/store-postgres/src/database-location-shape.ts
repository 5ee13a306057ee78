import { z } from 'zod';

/**
 * The zod fields that say where a deployment's data lives, shared by the store's and the bus's options: the
 * database (`connectionString`, a `postgres://` URL) and the schema in it (a lower-case SQL identifier,
 * default `vajra`), the same for every instance of one deployment.
 *
 * @example
 * ```ts
 * const optionsSchema = z.object({ ...databaseLocationShape, poolSize: z.number().int().default(10) }).strict();
 * ```
 */
export const databaseLocationShape = {
  connectionString: z.string().regex(/^postgres(ql)?:\/\//, 'connectionString must be a postgres:// URL'),
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'schema must be a lower-case SQL identifier (letters, digits, _; at most 63)')
    .default('vajra'),
};
