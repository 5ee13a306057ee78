import * as z from 'zod';

/**
 * The kernel's own configuration. Every key can also be set from the environment:
 * `logLevel` ← `VAJRA_LOG_LEVEL`, `sessions.maxDuration` ← `VAJRA_SESSIONS__MAX_DURATION`.
 *
 * @example
 * ```ts
 * createVajra({ config: { sessions: { maxDuration: 3600 }, wheels: { tickIntervalMs: 250 } } });
 * ```
 */
export const coreConfigSchema = /* @__PURE__ */ z.object({
  logLevel: /* @__PURE__ */ z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  sessions: /* @__PURE__ */ z
    .object({
      /** Longest allowed session, in seconds (default 7 days). */
      maxDuration: z
        .number()
        .positive()
        .max(366 * 86_400)
        .default(7 * 86_400),
      /** Recover running sessions from the store at start-up. */
      recover: z.boolean().default(true),
    })
    .prefault({}),
  wheels: /* @__PURE__ */ z
    .object({
      /** How often spinning wheels are counted and persisted, in milliseconds (an unknown key such as the former `tickInterval` is refused). */
      tickIntervalMs: z.number().int().min(10).max(60_000).default(1000),
      /** Highest allowed rotation speed. */
      maxRpm: z.number().positive().max(1e9).default(100_000),
    })
    .strict()
    .prefault({}),
});

/**
 * The kernel's parsed configuration.
 *
 * @example
 * ```ts
 * await vajra.start();
 * const { sessions, wheels }: CoreConfig = vajra.config;
 * sessions.maxDuration; // 604800 (seconds, the default of 7 days)
 * wheels.tickIntervalMs; // 1000
 * ```
 */
export type CoreConfig = z.output<typeof coreConfigSchema>;
/**
 * What `createVajra({ config })` accepts for the kernel's keys.
 *
 * @example
 * ```ts
 * const config: CoreConfigInput = { logLevel: 'debug', sessions: { maxDuration: 3600, recover: false }, wheels: { tickIntervalMs: 250, maxRpm: 1000 } };
 * const vajra = createVajra({ config });
 * ```
 */
export type CoreConfigInput = z.input<typeof coreConfigSchema>;
