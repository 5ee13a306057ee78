import type { Clock } from '@vajra-stream/core';
import type Anthropic from '@anthropic-ai/sdk';
import { providerError } from '../errors/provider-error';
import type { LanguageModel, LanguageModelFinishReason, LanguageModelRequest, LanguageModelStreamPart } from '../spec/language-model';
import { apiKeyProblem } from './api-key-problem';
import { loadSdk } from './load-sdk';
import { readEnv } from './openai';
import { createSdkClient } from './sdk-client';

/**
 * Options of {@link anthropic}.
 *
 * @example
 * ```ts
 * const options: AnthropicProviderOptions = { model: 'claude-haiku-4-5', maxOutputTokens: 800, timeoutMs: 45_000 }; // key from ANTHROPIC_API_KEY
 * const oracle = createOracle({ providers: [anthropic(options)] });
 * ```
 */
export interface AnthropicProviderOptions {
  /** Defaults to `process.env.ANTHROPIC_API_KEY`. Never appears in errors or logs. */
  apiKey?: string;
  /** Defaults to `https://api.anthropic.com`. */
  baseURL?: string;
  /** Defaults to `claude-haiku-4-5`. */
  model?: string;
  fetch?: typeof globalThis.fetch;
  /** Output-token limit when the request sets none (the Messages API requires one). Default 1024. */
  maxOutputTokens?: number;
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
 * An Anthropic model on the official `@anthropic-ai/sdk` client (Messages API). The client's own
 * retries are off: the oracle retries (honouring `retry-after`) and falls back across providers.
 *
 * @example
 * ```ts
 * const oracle = createOracle({ providers: [anthropic({ model: 'claude-haiku-4-5' })] });
 * const { text } = await oracle.generate({ kind: 'blessing', intention: 'a safe journey' });
 * ```
 */
export function anthropic(options: AnthropicProviderOptions = {}): LanguageModel {
  const provider = 'anthropic';
  const model = options.model ?? 'claude-haiku-4-5';
  const apiKey = options.apiKey ?? readEnv('ANTHROPIC_API_KEY');
  const secrets = [apiKey];
  const sdk = createSdkClient<Anthropic>({
    provider,
    secrets,
    timeoutMs: options.timeoutMs ?? 60_000,
    clock: options.clock,
    check() {
      if (!apiKey) throw providerError('PROVIDER_AUTH_FAILED', provider, 'no API key configured (set apiKey or ANTHROPIC_API_KEY)', { retryable: false });
      const problem = apiKeyProblem(apiKey, { prefix: 'sk-ant-' }, options.baseURL === undefined);
      if (problem !== undefined) throw providerError('PROVIDER_MISCONFIGURED', provider, problem, { retryable: false, secrets });
    },
    load: () => loadSdk(provider, '@anthropic-ai/sdk', () => import('@anthropic-ai/sdk')).then(({ default: Client }) => ({ client: createClient(Client, apiKey, options), classes: Client })),
  });

  const body = (request: LanguageModelRequest) => {
    const system = request.messages
      .filter((m) => m.role === 'system')
      .map((m) => m.content)
      .join('\n\n');
    const messages = request.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content }));
    return {
      model,
      max_tokens: request.maxOutputTokens ?? options.maxOutputTokens ?? 1024,
      messages,
      ...(system ? { system } : {}),
      ...(request.temperature === undefined ? {} : { temperature: Math.min(1, request.temperature) }),
    };
  };

  return {
    specificationVersion: 'v1',
    provider,
    modelId: model,
    free: false,
    generate: (request) =>
      sdk.call(request, async (client, signal) => {
        const message = await client.messages.create({ ...body(request), stream: false }, { signal });
        if (!Array.isArray(message.content)) {
          throw providerError('PROVIDER_INVALID_RESPONSE', provider, 'response has no content blocks', { retryable: false, secrets });
        }
        const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
        const inputTokens = message.usage?.input_tokens ?? 0;
        const outputTokens = message.usage?.output_tokens ?? 0;
        return { text, usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }, finishReason: finish(message.stop_reason) };
      }),
    stream(request): AsyncGenerator<LanguageModelStreamPart> {
      let inputTokens = 0;
      let outputTokens = 0;
      let finishReason: LanguageModelFinishReason = 'other';
      let stopped = false;
      return sdk.stream(request, (client, signal) => client.messages.create({ ...body(request), stream: true }, { signal }), {
        *of(event): Iterable<LanguageModelStreamPart> {
          switch (event.type) {
            case 'message_start':
              inputTokens = event.message.usage?.input_tokens ?? 0;
              outputTokens = event.message.usage?.output_tokens ?? 0;
              break;
            case 'content_block_delta':
              if (event.delta.type === 'text_delta' && event.delta.text.length > 0) yield { type: 'text-delta', text: event.delta.text };
              break;
            case 'message_delta':
              if (event.delta.stop_reason) finishReason = finish(event.delta.stop_reason);
              if (typeof event.usage?.output_tokens === 'number') outputTokens = event.usage.output_tokens;
              break;
            case 'message_stop':
              stopped = true;
              break;
            default:
              break;
          }
        },
        end() {
          if (!stopped) throw providerError('PROVIDER_INVALID_RESPONSE', provider, 'stream ended without message_stop', { retryable: true, secrets });
          return { type: 'finish', usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }, finishReason };
        },
      });
    },
    async checkConfiguration() {
      await sdk.connect();
    },
    checkHealth: (healthOptions = {}) =>
      sdk.call({ signal: healthOptions.signal }, async (client, signal) => {
        await client.models.list({}, { signal });
      }),
  };
}

/** `apiKey` is set: `check()` runs before every load. */
function createClient(Client: typeof Anthropic, apiKey: string | undefined, options: AnthropicProviderOptions): Anthropic {
  return new Client({
    apiKey,
    baseURL: options.baseURL ?? 'https://api.anthropic.com',
    fetch: options.fetch,
    maxRetries: 0, // the oracle retries, honouring retry-after, across providers
    timeout: 24 * 60 * 60 * 1000, // our own signal enforces the timeout
    logLevel: 'off',
    defaultHeaders: options.headers,
  });
}

function finish(reason: string | null | undefined): LanguageModelFinishReason {
  return reason === 'end_turn' || reason === 'stop_sequence' ? 'stop' : reason === 'max_tokens' ? 'length' : 'other';
}
