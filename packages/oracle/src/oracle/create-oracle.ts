import { isVajraError, parseInput, silentLogger, systemClock, type Clock, type Logger } from '@vajra-stream/core';
import { z } from 'zod';
import { providerError } from '../errors/provider-error';
import { offline } from '../offline/offline';
import { compilePlan } from '../plan/compile-plan';
import { parsePlanDraft } from '../plan/parse-plan-draft';
import type { SessionPlan } from '../plan/session-plan';
import { parseGuidedScript } from '../spec/guided-script';
import type { LanguageModel, LanguageModelMessage } from '../spec/language-model';
import { generateInputSchema, oracleContextSchema, type GenerateInput, type TextTask } from '../spec/oracle-task';
import type { HealthOptions, OracleCallOptions, OracleResult, OracleStream, OracleStreamPart, ProviderStatus } from './oracle-types';
import { createAsyncChannel } from './async-channel';
import { planMessages, repairMessage, textMessages } from './prompts';
import { ProviderChain, type AttemptRecord } from './provider-chain';
import { createSpendingLedger, type SpendingCapOptions, type SpendingSnapshot } from './spending-ledger';

/**
 * Options of {@link createOracle}.
 *
 * @example
 * ```ts
 * const options: OracleOptions = {
 *   providers: [anthropic(), openai()],
 *   fallback: offline({ seed: 7 }),
 *   timeoutMs: 30_000,
 *   retries: 1,
 *   backoffMs: 250,
 *   maxRetryAfterMs: 10_000,
 *   health: { failureThreshold: 5, cooldownMs: 120_000 },
 *   spendingCap: { maxTokens: 500_000 },
 * };
 * const oracle = createOracle(options);
 * ```
 */
export interface OracleOptions {
  /** Providers in priority order. */
  providers?: LanguageModel[];
  /** The last resort; defaults to `offline()`. `false` for none. */
  fallback?: LanguageModel | false;
  /** Per-request timeout in ms without progress (default 60 000). */
  timeoutMs?: number;
  /** Retries per provider on retryable errors (default 2). */
  retries?: number;
  /** First backoff (default 500 ms), doubled per retry with jitter, capped at `maxBackoffMs` (default 8 000). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A server's `retry-after` up to this is honoured; longer moves on to the next provider (default 30 000). */
  maxRetryAfterMs?: number;
  /** Circuit breaker: failures in a row before a provider is skipped (default 3), and for how long (default 60 000 ms). */
  health?: { failureThreshold?: number; cooldownMs?: number };
  spendingCap?: SpendingCapOptions;
  /** Repair round-trips when a model's plan JSON is invalid (default 2). */
  planRepairs?: number;
  clock?: Clock;
  logger?: Logger;
  /** Random source for backoff jitter (tests). */
  random?: () => number;
}

/**
 * Input of `oracle.plan()`.
 *
 * @example
 * ```ts
 * planInputSchema.parse({ intention: 'healing for my mother', duration: 1200, context: { lunarDay: 8 } });
 * ```
 */
export const planInputSchema = z
  .object({
    intention: z.string().trim().min(1).max(500),
    /** Length of the session in seconds (at most 24 hours), like a session's `duration`. */
    duration: z
      .number()
      .positive()
      .max(24 * 3600),
    tradition: z.string().trim().min(1).max(60).optional(),
    context: oracleContextSchema.optional(),
    /** Seed of the audio program (noise, jitter). */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .strict();

/**
 * Input of `oracle.plan()`.
 *
 * @example
 * ```ts
 * const input: PlanInput = { intention: 'healing for my mother', duration: 1200, tradition: 'Tibetan', context: { lunarDay: 8 }, seed: 42 };
 * const plan = await oracle.plan(input); // duration in seconds
 * ```
 */
export type PlanInput = z.input<typeof planInputSchema>;

/**
 * The oracle: texts, streams and session plans from a chain of providers, as returned by {@link createOracle}.
 *
 * @example
 * ```ts
 * const oracle: Oracle = createOracle({ providers: [openaiCompatible({ baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.2' })] });
 * const { text } = await oracle.generate({ kind: 'blessing', intention: 'a new home' });
 * const plan = await oracle.plan({ intention: 'peace', duration: 600 });
 * console.log(oracle.spending().tokens, await oracle.health({ probe: false }));
 * ```
 */
export interface Oracle {
  generate(input: GenerateInput, options?: OracleCallOptions): Promise<OracleResult>;
  stream(input: GenerateInput, options?: OracleCallOptions): OracleStream;
  plan(input: PlanInput, options?: OracleCallOptions): Promise<SessionPlan>;
  /**
   * Checks every provider: its configuration (SDK installed, key format), then, unless `probe: false`,
   * a cheap call. Failures take a provider out of rotation.
   */
  health(options?: HealthOptions): Promise<ProviderStatus[]>;
  spending(): SpendingSnapshot;
}

/**
 * Creates an oracle over a priority chain of providers with retries (honouring `retry-after`),
 * per-request timeouts, a circuit breaker, fallback to the next provider and finally to the offline
 * composer, and a spending cap that blocks metered calls once reached.
 *
 * @example
 * ```ts
 * const oracle = createOracle({
 *   providers: [anthropic({ apiKey: process.env.ANTHROPIC_API_KEY }), openai()],
 *   spendingCap: { maxTokens: 200_000 },
 * });
 * const prayer = await oracle.generate({ kind: 'prayer', intention: 'healing for my mother', context: { moonPhase: 'full' } });
 * const plan = await oracle.plan({ intention: 'calm before surgery', duration: 900 });
 * ```
 */
export function createOracle(options: OracleOptions = {}): Oracle {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const providers = options.providers ?? [];
  const fallback = options.fallback === false ? null : (options.fallback ?? offline());
  const ledger = createSpendingLedger(options.spendingCap);
  const chain = new ProviderChain(
    providers,
    fallback,
    {
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 8_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 60_000,
      failureThreshold: options.health?.failureThreshold ?? 3,
      cooldownMs: options.health?.cooldownMs ?? 60_000,
    },
    ledger,
    clock,
    logger,
    options.random,
  );
  const first = providers[0] ?? fallback;
  const repairs = options.planRepairs ?? 2;

  const finish = (task: TextTask, text: string, model: LanguageModel, usage: OracleResult['usage'], finishReason: OracleResult['finishReason'], attempts: AttemptRecord[]): OracleResult => {
    const result: OracleResult = { kind: task.kind, text, provider: model.provider, modelId: model.modelId, usage, finishReason, attempts, fellBack: model !== first };
    if (task.kind === 'meditation' || task.kind === 'contemplation') result.script = parseGuidedScript(text);
    return result;
  };
  const request = (task: TextTask, callOptions: OracleCallOptions) => ({
    messages: textMessages(task),
    task: { type: 'text' as const, ...task },
    maxOutputTokens: task.kind === 'meditation' ? 2400 : { short: 400, medium: 800, long: 1500 }[task.length ?? 'medium'],
    temperature: 0.8,
    ...(callOptions.timeoutMs === undefined ? {} : { timeoutMs: callOptions.timeoutMs }),
  });

  /** Configuration first (no network), then the provider's own probe; a failure takes it out of rotation. */
  const checkProvider = async (model: LanguageModel, healthOptions: HealthOptions): Promise<ProviderStatus> => {
    const started = clock.now();
    try {
      await model.checkConfiguration?.();
      if (healthOptions.probe !== false) await model.checkHealth?.(healthOptions.signal ? { signal: healthOptions.signal } : {});
      chain.markSuccess(model);
      return { provider: model.provider, modelId: model.modelId, ok: true, latencyMs: clock.now() - started, inRotation: true };
    } catch (error) {
      chain.markFailure(model, true);
      const code = isVajraError(error) ? error.code : 'UNKNOWN';
      const message = isVajraError(error) ? error.message : 'the provider check failed';
      return { provider: model.provider, modelId: model.modelId, ok: false, latencyMs: clock.now() - started, code, message, inRotation: model === fallback };
    }
  };

  return {
    async generate(input, callOptions = {}) {
      const task = parseInput(generateInputSchema, input, 'oracle request');
      const { value, model, attempts } = await chain.run(callOptions.signal, (_model, caller) => caller.generate(request(task, callOptions)));
      return finish(task, value.text, model, value.usage, value.finishReason, attempts);
    },

    stream(input, callOptions = {}) {
      const task = parseInput(generateInputSchema, input, 'oracle request');
      let settle!: { resolve: (r: OracleResult) => void; reject: (e: unknown) => void };
      const result = new Promise<OracleResult>((resolve, reject) => (settle = { resolve, reject }));
      result.catch(() => undefined); // also reported through iteration; avoid an unhandled rejection
      const stop = new AbortController(); // the consumer stopped iterating
      const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, stop.signal]) : stop.signal;
      const channel = createAsyncChannel<OracleStreamPart>(() => stop.abort());
      let emitted = false;
      const produce = async () => {
        try {
          const { value, model, attempts } = await chain.run(
            signal,
            async (current, caller) => {
              emitted = false;
              let text = '';
              for await (const part of caller.stream(request(task, callOptions))) {
                if (part.type === 'finish') return { text, usage: part.usage, finishReason: part.finishReason };
                text += part.text;
                emitted = true;
                channel.push({ type: 'delta', text: part.text });
              }
              throw providerError('PROVIDER_INVALID_RESPONSE', current.provider, 'stream ended without a finish part', { retryable: true });
            },
            (attempt) => {
              if (emitted) channel.push({ type: 'reset', provider: attempt.provider, code: attempt.code });
              emitted = false;
            },
          );
          const final = finish(task, value.text, model, value.usage, value.finishReason, attempts);
          settle.resolve(final);
          channel.push({ type: 'done', result: final });
          channel.close();
        } catch (error) {
          settle.reject(error);
          channel.fail(error);
        }
      };
      // production starts at the first iteration or the first look at `result`; the channel buffers
      let producing = false;
      let iterated = false;
      const start = () => {
        if (!producing) void produce();
        producing = true;
      };
      const stream: OracleStream = {
        get result() {
          start();
          return result;
        },
        [Symbol.asyncIterator]() {
          if (iterated) throw new TypeError('an oracle stream can be iterated only once');
          iterated = true;
          start();
          return channel[Symbol.asyncIterator]();
        },
        async text() {
          let text = '';
          for await (const part of stream) {
            if (part.type === 'delta') text += part.text;
            else if (part.type === 'reset') text = '';
          }
          return text;
        },
      };
      return stream;
    },

    async plan(input, callOptions = {}) {
      const task = parseInput(planInputSchema, input, 'plan request');
      const { value, model } = await chain.run(callOptions.signal, async (current, caller) => {
        const messages: LanguageModelMessage[] = planMessages(task);
        for (let round = 0; ; round++) {
          const reply = await caller.generate({
            messages: [...messages],
            task: { type: 'plan', intention: task.intention, duration: task.duration, ...(task.tradition ? { tradition: task.tradition } : {}), ...(task.context ? { context: task.context } : {}) },
            responseFormat: 'json',
            maxOutputTokens: 1500,
            temperature: 0.6,
            ...(callOptions.timeoutMs === undefined ? {} : { timeoutMs: callOptions.timeoutMs }),
          });
          const parsed = parsePlanDraft(reply.text);
          if (parsed.ok) return { draft: parsed.draft, repairs: round };
          logger.warn('oracle plan reply invalid', { provider: current.provider, round, problem: parsed.problem.slice(0, 200) });
          if (round >= repairs) {
            throw providerError('VALIDATION_FAILED', current.provider, `no valid plan after ${round + 1} replies: ${parsed.problem}`, { retryable: false });
          }
          messages.push({ role: 'assistant', content: reply.text }, repairMessage(parsed.problem));
        }
      });
      return compilePlan(value.draft, {
        intention: task.intention,
        duration: task.duration,
        ...(task.tradition ? { tradition: task.tradition } : {}),
        seed: task.seed ?? hash(task.intention),
        source: { provider: model.provider, modelId: model.modelId, repairs: value.repairs },
      });
    },

    health: (healthOptions = {}) => Promise.all([...providers, ...(fallback ? [fallback] : [])].map((model) => checkProvider(model, healthOptions))),

    spending: () => ledger.snapshot(),
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
