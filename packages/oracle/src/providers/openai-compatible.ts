import type { Clock } from '@vajra-stream/core';
import type { LanguageModel } from '../spec/language-model';
import { createOpenAIChatModel } from './openai-chat-model';

/**
 * Options of {@link openaiCompatible}.
 *
 * @example
 * ```ts
 * const options: OpenAICompatibleProviderOptions = { baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.2', name: 'ollama', jsonMode: true, timeoutMs: 180_000 };
 * const oracle = createOracle({ providers: [openaiCompatible(options)] });
 * ```
 */
export interface OpenAICompatibleProviderOptions {
  /** The server's OpenAI-style base URL, e.g. `http://127.0.0.1:11434/v1` (Ollama), `http://127.0.0.1:8080/v1` (llama.cpp). */
  baseURL: string;
  model: string;
  /** Most local servers need none. */
  apiKey?: string;
  /** Provider name used in errors, logs and pricing (default `openai-compatible`). */
  name?: string;
  fetch?: typeof globalThis.fetch;
  /** Default per-request timeout in ms without progress (120 000: local models can be slow). */
  timeoutMs?: number;
  /**
   * Clock that measures the per-request timeout (default: the system clock). Tests pass core's manual
   * clock to decide exactly when a stalled call times out.
   */
  clock?: Clock;
  /** Send `response_format: json_object` for plan requests (Ollama, llama.cpp and vLLM support it). Default false. */
  jsonMode?: boolean;
  /** Ask for usage in the last stream chunk (`stream_options.include_usage`). Default true. */
  streamUsage?: boolean;
  /** Calls cost nothing (a local model): the spending cap does not block it. Default true. */
  free?: boolean;
  headers?: Record<string, string>;
}

/**
 * Any server that speaks OpenAI chat completions: llama.cpp server, Ollama, LM Studio, vLLM, …
 *
 * @example
 * ```ts
 * const local = openaiCompatible({ baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.2' });
 * const oracle = createOracle({ providers: [local] });
 * ```
 */
export function openaiCompatible(options: OpenAICompatibleProviderOptions): LanguageModel {
  return createOpenAIChatModel({
    provider: options.name ?? 'openai-compatible',
    model: options.model,
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    fetch: options.fetch,
    headers: options.headers,
    clock: options.clock,
    timeoutMs: options.timeoutMs ?? 120_000,
    jsonMode: options.jsonMode ?? false,
    maxTokensField: 'max_tokens',
    streamUsage: options.streamUsage ?? true,
    requireKey: false,
    officialEndpoint: false,
    free: options.free ?? true,
  });
}
