import type { Clock } from '@vajra-stream/core';
import type { LanguageModel } from '../spec/language-model';
import { createOpenAIChatModel } from './openai-chat-model';

/**
 * Options of {@link openai}.
 *
 * @example
 * ```ts
 * const options: OpenAIProviderOptions = { apiKey: process.env.OPENAI_API_KEY, model: 'gpt-4o-mini', timeoutMs: 30_000, headers: { 'x-team': 'sangha' } };
 * const oracle = createOracle({ providers: [openai(options)] });
 * ```
 */
export interface OpenAIProviderOptions {
  /** Defaults to `process.env.OPENAI_API_KEY`. Never appears in errors or logs. */
  apiKey?: string;
  /** Defaults to `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Defaults to `gpt-4o-mini`. */
  model?: string;
  organization?: string;
  /** A custom fetch (proxies, tests). */
  fetch?: typeof globalThis.fetch;
  /** Default per-request timeout in ms without progress (60 000). */
  timeoutMs?: number;
  /**
   * Clock that measures the per-request timeout (default: the system clock). Tests pass core's manual
   * clock to decide exactly when a stalled call times out.
   */
  clock?: Clock;
  headers?: Record<string, string>;
}

/**
 * An OpenAI chat model on the official `openai` client. The client's own retries are off: the
 * oracle retries (honouring `retry-after`) and falls back across providers.
 *
 * @example
 * ```ts
 * const oracle = createOracle({ providers: [openai({ model: 'gpt-4o-mini' })] });
 * const { text } = await oracle.generate({ kind: 'prayer', intention: 'peace for my family' });
 * ```
 */
export function openai(options: OpenAIProviderOptions = {}): LanguageModel {
  return createOpenAIChatModel({
    provider: 'openai',
    model: options.model ?? 'gpt-4o-mini',
    apiKey: options.apiKey ?? readEnv('OPENAI_API_KEY'),
    baseURL: options.baseURL,
    fetch: options.fetch,
    organization: options.organization,
    headers: options.headers,
    clock: options.clock,
    timeoutMs: options.timeoutMs ?? 60_000,
    jsonMode: true,
    maxTokensField: 'max_completion_tokens',
    streamUsage: true,
    requireKey: true,
    officialEndpoint: options.baseURL === undefined && readEnv('OPENAI_BASE_URL') === undefined,
    free: false,
  });
}

/** Reads an environment variable where there is a `process`. */
export function readEnv(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
