import { createId, definePlugin, isVajraError, type Logger } from '@vajra-stream/core';
import { offline } from '../offline/offline';
import { createOracle, planInputSchema, type Oracle, type OracleOptions, type PlanInput } from '../oracle/create-oracle';
import type { OracleCallOptions, OracleResult } from '../oracle/oracle-types';
import { sessionPlanSchema, type SessionPlan } from '../plan/session-plan';
import { anthropic } from '../providers/anthropic';
import { openai, readEnv } from '../providers/openai';
import { openaiCompatible } from '../providers/openai-compatible';
import type { LanguageModel, LanguageModelUsage } from '../spec/language-model';
import { generateInputSchema, type GenerateInput, type TextKind } from '../spec/oracle-task';
import { cachedHealth } from './cached-health';
import { oracleConfigSchema, type OracleConfig, type OracleConfigInput } from './oracle-config-schema';

const schemas = { generateInput: generateInputSchema, planInput: planInputSchema, sessionPlan: sessionPlanSchema } as const;

/**
 * Payload of `oracle:delta`: one piece of streamed text (or, with `reset`, "discard what arrived").
 *
 * @example
 * ```ts
 * const drafts = new Map<string, string>();
 * vajra.events.on('oracle:delta', (event: OracleDeltaEvent) => {
 *   drafts.set(event.streamId, event.reset ? '' : (drafts.get(event.streamId) ?? '') + event.text);
 * });
 * ```
 */
export interface OracleDeltaEvent {
  streamId: string;
  /** Whom the stream is for (`null`: no one; servers then show it to admins only). */
  owner: string | null;
  index: number;
  text: string;
  reset?: boolean;
}

/**
 * Payload of `oracle:done`: a stream finished.
 *
 * @example
 * ```ts
 * vajra.events.on('oracle:done', (event: OracleDoneEvent) => {
 *   console.log(`${event.streamId} for ${event.owner}: ${event.kind} by ${event.provider}/${event.modelId}, ${event.usage.totalTokens} tokens`);
 * });
 * ```
 */
export interface OracleDoneEvent {
  streamId: string;
  owner: string | null;
  kind: TextKind;
  text: string;
  provider: string;
  modelId: string;
  usage: LanguageModelUsage;
}

/**
 * Payload of `oracle:failed`: a stream ended with an error.
 *
 * @example
 * ```ts
 * vajra.events.on('oracle:failed', (event: OracleFailedEvent) => {
 *   console.warn(`stream ${event.streamId} failed: ${event.code} ${event.message}`); // e.g. ALL_PROVIDERS_FAILED
 * });
 * ```
 */
export interface OracleFailedEvent {
  streamId: string;
  owner: string | null;
  code: string;
  message: string;
}

/**
 * Options of `vajra.plugin('oracle').stream()`.
 *
 * @example
 * ```ts
 * const options: OracleStreamOptions = { owner: 'key:alice', timeoutMs: 20_000 };
 * const { streamId, result } = vajra.plugin('oracle').stream({ kind: 'story', intention: 'courage' }, options);
 * ```
 */
export interface OracleStreamOptions extends OracleCallOptions {
  /**
   * The principal the text is for (e.g. a server's `key:<name>`), carried by every `oracle:*` event of the
   * stream so servers forward them to that principal (and admins) only. Omitted: `null`, for no one.
   */
  owner?: string | null;
}

/**
 * What `vajra.plugin('oracle')` returns.
 *
 * @example
 * ```ts
 * const api: OraclePluginApi = vajra.plugin('oracle');
 * const { text } = await api.generate({ kind: 'dedication', intention: 'everyone at the retreat' });
 * const checked = api.schemas.generateInput.safeParse(requestBody); // how a server validates a request
 * ```
 */
export interface OraclePluginApi {
  oracle: Oracle;
  /** The zod schemas of the oracle's inputs and of a plan (servers validate and document with them). */
  readonly schemas: typeof schemas;
  generate(input: GenerateInput, options?: OracleCallOptions): Promise<OracleResult>;
  /**
   * Streams a text, emitting `oracle:delta` for every piece and `oracle:done` (or `oracle:failed`)
   * at the end, each carrying `options.owner`; resolves with the stream id at once and the result through `result`.
   */
  stream(input: GenerateInput, options?: OracleStreamOptions): { streamId: string; result: Promise<OracleResult> };
  plan(input: PlanInput, options?: OracleCallOptions): Promise<SessionPlan>;
  /**
   * Provider health. Probes (network calls to the vendors) are shared: calls within `healthCacheMs`
   * of the last probe (30 s by default) and calls made while one is in flight get its answer.
   * `oracle.health()` always probes.
   */
  health: Oracle['health'];
  spending: Oracle['spending'];
}

/**
 * Options of {@link oraclePlugin} given in code (they win over config).
 *
 * @example
 * ```ts
 * const options: OraclePluginOptions = {
 *   providers: [openaiCompatible({ baseURL: 'http://127.0.0.1:8080/v1', model: 'qwen2.5-7b-instruct' })],
 *   spendingCap: { maxTokens: 1_000_000 },
 *   planRepairs: 1,
 * };
 * const vajra = createVajra({ plugins: [oraclePlugin(options)] });
 * ```
 */
export interface OraclePluginOptions extends Omit<OracleOptions, 'clock' | 'logger'> {}

declare module '@vajra-stream/core' {
  interface VajraEvents {
    'oracle:delta': OracleDeltaEvent;
    'oracle:done': OracleDoneEvent;
    'oracle:failed': OracleFailedEvent;
  }
  interface VajraPluginApis {
    oracle: OraclePluginApi;
  }
  interface VajraPluginConfigs {
    oracle: OracleConfigInput;
  }
}

/**
 * Providers from config: each vendor section (or its standard API-key variable) adds one, in `order`.
 *
 * @example
 * ```ts
 * providersFromConfig(oracleConfigSchema.parse({ compatible: { baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.2' } }));
 * ```
 */
export function providersFromConfig(config: OracleConfig): LanguageModel[] {
  const made: Record<'openai' | 'anthropic' | 'compatible', LanguageModel | undefined> = {
    openai: config.openai || readEnv('OPENAI_API_KEY') ? openai({ ...config.openai, timeoutMs: config.timeoutMs }) : undefined,
    anthropic: config.anthropic || readEnv('ANTHROPIC_API_KEY') ? anthropic({ ...config.anthropic, timeoutMs: config.timeoutMs }) : undefined,
    compatible: config.compatible ? openaiCompatible({ ...config.compatible, timeoutMs: config.timeoutMs }) : undefined,
  };
  return config.order.map((id) => made[id]).filter((m): m is LanguageModel => m !== undefined);
}

/**
 * The oracle as a kernel plugin: `vajra.plugin('oracle')` generates texts and plans, and streams
 * emit `oracle:delta` / `oracle:done` events (forwarded to WebSocket clients by the server). Timers
 * run on the kernel clock, logs go to the kernel logger (never with keys), and stopping the kernel
 * aborts streams in flight.
 *
 * @example
 * ```ts
 * const vajra = createVajra({ plugins: [oraclePlugin()], config: { oracle: { anthropic: { model: 'claude-haiku-4-5' } } } });
 * await vajra.start();
 * vajra.events.on('oracle:delta', ({ text }) => process.stdout.write(text));
 * const { result } = vajra.plugin('oracle').stream({ kind: 'blessing', intention: 'all beings' }, { owner: 'key:alice' });
 * await result;
 * ```
 */
export function oraclePlugin(options: OraclePluginOptions = {}) {
  return definePlugin({
    id: 'oracle',
    specificationVersion: 'v1',
    configSchema: oracleConfigSchema,
    async setup(ctx): Promise<OraclePluginApi> {
      const config = ctx.config;
      const cap =
        options.spendingCap ??
        (config.maxTokens !== undefined || config.maxCostUsd !== undefined
          ? {
              ...(config.maxTokens === undefined ? {} : { maxTokens: config.maxTokens }),
              ...(config.maxCostUsd === undefined ? {} : { maxCostUsd: config.maxCostUsd }),
              onReached: config.onCapReached,
            }
          : undefined);
      const oracle = createOracle({
        timeoutMs: config.timeoutMs,
        retries: config.retries,
        ...options,
        providers: options.providers ?? providersFromConfig(config),
        fallback: options.fallback ?? offline(config.seed === undefined ? {} : { seed: config.seed }),
        ...(cap ? { spendingCap: cap } : {}),
        clock: ctx.clock,
        logger: ctx.logger,
      });
      await reportMisconfigured(oracle, ctx.logger);
      const withKernelSignal = (callOptions: OracleCallOptions = {}): OracleCallOptions => ({
        ...callOptions,
        signal: callOptions.signal ? AbortSignal.any([callOptions.signal, ctx.signal]) : ctx.signal,
      });

      return {
        oracle,
        schemas,
        generate: (input, callOptions) => oracle.generate(input, withKernelSignal(callOptions)),
        plan: (input, callOptions) => oracle.plan(input, withKernelSignal(callOptions)),
        health: cachedHealth((healthOptions) => oracle.health(withKernelSignal(healthOptions)), { ttlMs: config.healthCacheMs, clock: ctx.clock, signal: ctx.signal }),
        spending: () => oracle.spending(),
        stream(input, { owner = null, ...callOptions } = {}) {
          const streamId = createId('ors', ctx.clock.now());
          const stream = oracle.stream(input, withKernelSignal(callOptions));
          const result = (async () => {
            let index = 0;
            try {
              for await (const part of stream) {
                if (part.type === 'delta') ctx.events.emit('oracle:delta', { streamId, owner, index: index++, text: part.text });
                else if (part.type === 'reset') ctx.events.emit('oracle:delta', { streamId, owner, index: index++, text: '', reset: true });
                else {
                  const { kind, text, provider, modelId, usage } = part.result;
                  ctx.events.emit('oracle:done', { streamId, owner, kind, text, provider, modelId, usage });
                }
              }
              return await stream.result;
            } catch (error) {
              ctx.events.emit('oracle:failed', { streamId, owner, code: isVajraError(error) ? error.code : 'UNKNOWN', message: error instanceof Error ? error.message : String(error) });
              throw error;
            }
          })();
          result.catch(() => undefined); // reported by the event; callers may still await it
          return { streamId, result };
        },
      };
    },
  });
}

/**
 * At kernel start, a provider that is configured but cannot work (SDK not installed, impossible key)
 * is logged as a warning naming the provider and the fix, and taken out of rotation; `health()`
 * keeps reporting it. No network call is made.
 */
async function reportMisconfigured(oracle: Oracle, logger: Logger): Promise<void> {
  for (const status of await oracle.health({ probe: false })) {
    if (!status.ok)
      logger.warn('oracle provider cannot work; requests fall back to the next provider', { provider: status.provider, modelId: status.modelId, code: status.code, problem: status.message });
  }
}
