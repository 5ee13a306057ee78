import { z } from 'zod';

const vendor = z
  .object({
    /** Never logged; prefer the environment (VAJRA_ORACLE__OPENAI__API_KEY, OPENAI_API_KEY, …). */
    apiKey: z.string().min(1).optional(),
    baseURL: z.string().url().optional(),
    model: z.string().min(1).optional(),
  })
  .strict();

/**
 * Configuration of the oracle plugin (`createVajra({ config: { oracle: {...} } })` or `VAJRA_ORACLE__*`
 * variables, e.g. `VAJRA_ORACLE__ANTHROPIC__API_KEY`, `VAJRA_ORACLE__MAX_TOKENS`).
 *
 * @example
 * ```ts
 * oracleConfigSchema.parse({ anthropic: { model: 'claude-haiku-4-5' }, maxTokens: 100000 });
 * ```
 */
export const oracleConfigSchema = z
  .object({
    openai: vendor.optional(),
    anthropic: vendor.optional(),
    /** An OpenAI-compatible local server (llama.cpp, Ollama, LM Studio). */
    compatible: z
      .object({ baseURL: z.string().url(), model: z.string().min(1), apiKey: z.string().min(1).optional() })
      .strict()
      .optional(),
    /** Priority of the configured providers. */
    order: z.array(z.enum(['anthropic', 'openai', 'compatible'])).default(['compatible', 'anthropic', 'openai']),
    timeoutMs: z.number().int().positive().default(60_000),
    retries: z.number().int().min(0).max(10).default(2),
    /** How long `health()` reuses its last probe of the providers, ms (0: every call probes; concurrent calls still share one probe). */
    healthCacheMs: z.number().int().min(0).max(3_600_000).default(30_000),
    /** Seed of the offline composer (omit for varied texts). */
    seed: z.string().min(1).optional(),
    /** Spending cap over metered providers. */
    maxTokens: z.number().int().positive().optional(),
    maxCostUsd: z.number().positive().optional(),
    onCapReached: z.enum(['error', 'fallback']).default('error'),
  })
  .strict();

/**
 * Parsed oracle plugin configuration (defaults applied).
 *
 * @example
 * ```ts
 * const config: OracleConfig = oracleConfigSchema.parse({ compatible: { baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.2' } });
 * // order ['compatible', 'anthropic', 'openai'], timeoutMs 60000, retries 2, healthCacheMs 30000, onCapReached 'error'
 * const providers = providersFromConfig(config);
 * ```
 */
export type OracleConfig = z.output<typeof oracleConfigSchema>;
/**
 * Oracle plugin configuration as written (`createVajra({ config: { oracle } })` or `VAJRA_ORACLE__*` variables).
 *
 * @example
 * ```ts
 * const oracle: OracleConfigInput = { anthropic: { model: 'claude-haiku-4-5' }, order: ['anthropic', 'openai'], maxTokens: 200_000, onCapReached: 'fallback' };
 * const vajra = createVajra({ plugins: [oraclePlugin()], config: { oracle } });
 * ```
 */
export type OracleConfigInput = z.input<typeof oracleConfigSchema>;
