import type { OracleTask } from './oracle-task';

/**
 * One chat message sent to a model.
 *
 * @example
 * ```ts
 * const messages: LanguageModelMessage[] = [
 *   { role: 'system', content: 'You write short Buddhist blessings.' },
 *   { role: 'user', content: 'A blessing for a safe journey home.' },
 * ];
 * const { text } = await openai().generate({ messages, maxOutputTokens: 200 });
 * ```
 */
export interface LanguageModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Token counts of one call. Providers that cannot count report their best estimate.
 *
 * @example
 * ```ts
 * const usage: LanguageModelUsage = (await oracle.generate({ kind: 'prayer', intention: 'peace' })).usage;
 * console.log(`${usage.inputTokens} in + ${usage.outputTokens} out = ${usage.totalTokens} tokens`);
 * ```
 */
export interface LanguageModelUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

/**
 * Why the model stopped writing: `stop` (done), `length` (hit `maxOutputTokens`), `other`.
 *
 * @example
 * ```ts
 * const { finishReason } = await oracle.generate({ kind: 'story', intention: 'patience', length: 'long' });
 * const reason: LanguageModelFinishReason = finishReason;
 * if (reason === 'length') console.warn('the story was cut off at the output limit');
 * ```
 */
export type LanguageModelFinishReason = 'stop' | 'length' | 'other';

/**
 * What a caller asks a {@link LanguageModel} for.
 *
 * @example
 * ```ts
 * const request: LanguageModelRequest = {
 *   messages: [{ role: 'user', content: 'Write a two-line dedication of merit.' }],
 *   maxOutputTokens: 120,
 *   temperature: 0.7,
 *   timeoutMs: 20_000, // ms without progress
 *   signal: AbortSignal.timeout(60_000),
 * };
 * const result = await anthropic().generate(request);
 * ```
 */
export interface LanguageModelRequest {
  /** The conversation (system prompt first, if any). */
  messages: LanguageModelMessage[];
  /**
   * The structured task behind the messages. Template providers (the offline composer) write from
   * this instead of the prose prompt; network providers ignore it.
   */
  task?: OracleTask;
  /** Upper bound on the tokens the model may write. */
  maxOutputTokens?: number;
  temperature?: number;
  /** Ask for a single JSON object (JSON mode where the vendor supports it). */
  responseFormat?: 'text' | 'json';
  /** Cancels the call; the provider rejects with code `ABORTED`. */
  signal?: AbortSignal;
  /**
   * Milliseconds without progress before the call fails with `PROVIDER_TIMEOUT`: the whole response
   * for `generate`, the gap between two chunks for `stream`.
   */
  timeoutMs?: number;
}

/**
 * The result of {@link LanguageModel.generate}.
 *
 * @example
 * ```ts
 * const result: LanguageModelResult = await offline({ seed: 1 }).generate({ messages: [{ role: 'user', content: 'compassion' }] });
 * console.log(result.text, result.finishReason, result.usage.totalTokens); // a contemplation on 'compassion', 'stop', …
 * ```
 */
export interface LanguageModelResult {
  text: string;
  usage: LanguageModelUsage;
  finishReason: LanguageModelFinishReason;
}

/**
 * One part of {@link LanguageModel.stream}: text deltas, then exactly one `finish`.
 *
 * @example
 * ```ts
 * // the stream of a provider of your own
 * async function* stream(): AsyncGenerator<LanguageModelStreamPart> {
 *   yield { type: 'text-delta', text: 'May all beings ' };
 *   yield { type: 'text-delta', text: 'be at ease.' };
 *   yield { type: 'finish', usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 }, finishReason: 'stop' };
 * }
 * ```
 */
export type LanguageModelStreamPart = { type: 'text-delta'; text: string } | { type: 'finish'; usage: LanguageModelUsage; finishReason: LanguageModelFinishReason };

/**
 * The provider spec, version 1: the one small contract every text source implements (modelled on
 * the Vercel AI SDK's versioned `LanguageModel` spec). Errors are `VajraError`s whose `details`
 * carry `{ provider, retryable, retryAfterMs? }`.
 *
 * @example
 * ```ts
 * const echo: LanguageModel = {
 *   specificationVersion: 'v1', provider: 'echo', modelId: 'echo-1', free: true,
 *   async generate(request) {
 *     const text = request.messages.at(-1)?.content ?? '';
 *     return { text, finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 } };
 *   },
 *   async *stream(request) {
 *     const { text, usage } = await this.generate(request);
 *     yield { type: 'text-delta', text };
 *     yield { type: 'finish', usage, finishReason: 'stop' };
 *   },
 * };
 * ```
 */
export interface LanguageModel {
  readonly specificationVersion: 'v1';
  /** Provider name, e.g. `openai`, `anthropic`, `offline`. */
  readonly provider: string;
  readonly modelId: string;
  /** True when calls cost nothing (the offline composer); free models are never blocked by a spending cap. */
  readonly free?: boolean;
  generate(request: LanguageModelRequest): Promise<LanguageModelResult>;
  stream(request: LanguageModelRequest): AsyncIterable<LanguageModelStreamPart>;
  /**
   * Checks, without a network call, that the provider can work at all (its SDK loads, its key has a
   * possible format); rejects with a provider error (`PROVIDER_MISCONFIGURED`, `PROVIDER_AUTH_FAILED`)
   * when it cannot. The oracle runs it in `health()` and the plugin at kernel start.
   */
  checkConfiguration?(): Promise<void>;
  /** A cheap liveness probe (e.g. list models); rejects with a provider error when unreachable. */
  checkHealth?(options?: { signal?: AbortSignal }): Promise<void>;
}
