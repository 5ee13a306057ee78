import type { Clock } from '@vajra-stream/core';
import type OpenAI from 'openai';
import { providerError } from '../errors/provider-error';
import type { LanguageModel, LanguageModelFinishReason, LanguageModelRequest, LanguageModelStreamPart, LanguageModelUsage } from '../spec/language-model';
import { apiKeyProblem } from './api-key-problem';
import { estimateTokens } from './estimate-tokens';
import { loadSdk } from './load-sdk';
import { createSdkClient } from './sdk-client';

/** Settings shared by `openai()` and `openaiCompatible()`. */
export interface OpenAIChatModelSettings {
  provider: string;
  model: string;
  apiKey: string | undefined;
  baseURL: string | undefined;
  fetch: typeof globalThis.fetch | undefined;
  organization?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** Default per-request timeout (ms without progress). */
  timeoutMs: number;
  /** Clock that measures the timeout (default: the system clock). */
  clock?: Clock | undefined;
  /** Send `response_format: { type: 'json_object' }` for JSON requests. */
  jsonMode: boolean;
  /** Name of the output-token limit field (`max_completion_tokens` for OpenAI, `max_tokens` for most servers). */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Ask for a final usage chunk when streaming. */
  streamUsage: boolean;
  free: boolean;
  /** Fail without a network call when there is no key (the hosted OpenAI API always needs one). */
  requireKey: boolean;
  /** Requests go to OpenAI itself (no `baseURL`, no `OPENAI_BASE_URL`), whose keys all start with `sk-`. */
  officialEndpoint: boolean;
}

/** Builds a {@link LanguageModel} over the official `openai` client (chat completions). */
export function createOpenAIChatModel(settings: OpenAIChatModelSettings): LanguageModel {
  const { provider, model } = settings;
  const secrets = [settings.apiKey];
  const sdk = createSdkClient<OpenAI>({
    provider,
    secrets,
    timeoutMs: settings.timeoutMs,
    clock: settings.clock,
    check: () => checkKey(settings),
    load: () => loadSdk(provider, 'openai', () => import('openai')).then(({ default: Client }) => ({ client: createClient(Client, settings), classes: Client })),
  });

  const body = (request: LanguageModelRequest) => ({
    model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(request.maxOutputTokens === undefined ? {} : { [settings.maxTokensField]: request.maxOutputTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.responseFormat === 'json' && settings.jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
  });
  const usageOf = (raw: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null | undefined, request: LanguageModelRequest, text: string): LanguageModelUsage => {
    const inputTokens = raw?.prompt_tokens ?? estimateTokens(request.messages.map((m) => m.content).join('\n'));
    const outputTokens = raw?.completion_tokens ?? estimateTokens(text);
    return { inputTokens, outputTokens, totalTokens: raw?.total_tokens ?? inputTokens + outputTokens };
  };

  return {
    specificationVersion: 'v1',
    provider,
    modelId: model,
    free: settings.free,
    generate: (request) =>
      sdk.call(request, async (client, signal) => {
        const completion = await client.chat.completions.create({ ...body(request), stream: false }, { signal });
        const choice = completion.choices?.[0];
        if (!choice || typeof choice.message?.content !== 'string') {
          throw providerError('PROVIDER_INVALID_RESPONSE', provider, 'response has no message content', { retryable: false, secrets });
        }
        const text = choice.message.content;
        return { text, usage: usageOf(completion.usage, request, text), finishReason: finish(choice.finish_reason) };
      }),
    stream(request): AsyncGenerator<LanguageModelStreamPart> {
      let text = '';
      let finishReason: LanguageModelFinishReason | undefined;
      let rawUsage: Parameters<typeof usageOf>[0];
      const open = (client: OpenAI, signal: AbortSignal) =>
        client.chat.completions.create({ ...body(request), stream: true, ...(settings.streamUsage ? { stream_options: { include_usage: true } } : {}) }, { signal });
      return sdk.stream(request, open, {
        *of(chunk): Iterable<LanguageModelStreamPart> {
          if (chunk.usage) rawUsage = chunk.usage;
          const choice = chunk.choices?.[0];
          const delta = choice?.delta?.content;
          if (typeof delta === 'string' && delta.length > 0) {
            text += delta;
            yield { type: 'text-delta', text: delta };
          }
          if (choice?.finish_reason) finishReason = finish(choice.finish_reason);
        },
        end() {
          if (finishReason === undefined) {
            throw providerError('PROVIDER_INVALID_RESPONSE', provider, 'stream ended without a finish_reason', { retryable: true, secrets });
          }
          return { type: 'finish', usage: usageOf(rawUsage, request, text), finishReason };
        },
      });
    },
    async checkConfiguration() {
      await sdk.connect();
    },
    checkHealth: (options = {}) =>
      sdk.call({ signal: options.signal }, async (client, signal) => {
        await client.models.list({ signal });
      }),
  };
}

function createClient(Client: typeof OpenAI, settings: OpenAIChatModelSettings): OpenAI {
  return new Client({
    apiKey: settings.apiKey ?? 'not-needed',
    baseURL: settings.baseURL, // undefined: OPENAI_BASE_URL or the public API
    organization: settings.organization ?? null,
    project: null,
    fetch: settings.fetch,
    maxRetries: 0, // the oracle retries, honouring retry-after, across providers
    timeout: 24 * 60 * 60 * 1000, // our own signal enforces the timeout
    logLevel: 'off',
    defaultHeaders: settings.headers,
  });
}

/** Fails without a network call when the key is missing (and required) or cannot be a key. */
function checkKey(settings: OpenAIChatModelSettings): void {
  const { provider, apiKey } = settings;
  if (apiKey === undefined) {
    if (settings.requireKey) throw providerError('PROVIDER_AUTH_FAILED', provider, 'no API key configured (set apiKey or OPENAI_API_KEY)', { retryable: false });
    return;
  }
  const problem = apiKeyProblem(apiKey, { prefix: 'sk-', foreign: { prefix: 'sk-ant-', vendor: 'an Anthropic' } }, settings.officialEndpoint);
  if (problem !== undefined) throw providerError('PROVIDER_MISCONFIGURED', provider, problem, { retryable: false, secrets: [apiKey] });
}

function finish(reason: string | null | undefined): LanguageModelFinishReason {
  return reason === 'stop' ? 'stop' : reason === 'length' ? 'length' : 'other';
}
