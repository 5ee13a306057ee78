import OpenAI from 'openai';
import { providerError } from '../errors/provider-error';
import type { LanguageModel, LanguageModelFinishReason, LanguageModelRequest, LanguageModelStreamPart, LanguageModelUsage } from '../spec/language-model';
import { estimateTokens } from './estimate-tokens';
import { mapSdkError } from './map-sdk-error';
import { createRequestSignal, type RequestSignal } from './request-signal';

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
  /** Send `response_format: { type: 'json_object' }` for JSON requests. */
  jsonMode: boolean;
  /** Name of the output-token limit field (`max_completion_tokens` for OpenAI, `max_tokens` for most servers). */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Ask for a final usage chunk when streaming. */
  streamUsage: boolean;
  free: boolean;
  /** Fail without a network call when there is no key (the hosted OpenAI API always needs one). */
  requireKey: boolean;
}

/** Builds a {@link LanguageModel} over the official `openai` client (chat completions). */
export function createOpenAIChatModel(settings: OpenAIChatModelSettings): LanguageModel {
  const { provider, model } = settings;
  const client = new OpenAI({
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
  const secrets = [settings.apiKey];
  const classes = OpenAI;
  const checkKey = () => {
    if (settings.requireKey && !settings.apiKey) {
      throw providerError('PROVIDER_AUTH_FAILED', provider, 'no API key configured (set apiKey or OPENAI_API_KEY)', { retryable: false });
    }
  };

  const body = (request: LanguageModelRequest) => ({
    model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(request.maxOutputTokens === undefined ? {} : { [settings.maxTokensField]: request.maxOutputTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.responseFormat === 'json' && settings.jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
  });
  const open = (request: LanguageModelRequest) => {
    const timeoutMs = request.timeoutMs ?? settings.timeoutMs;
    return { timeoutMs, signal: createRequestSignal({ signal: request.signal, timeoutMs }) };
  };
  const fail = (error: unknown, signal: RequestSignal, timeoutMs: number) =>
    mapSdkError(error, { provider, classes, request: signal, secrets, timeoutMs });
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
    async generate(request) {
      checkKey();
      const { timeoutMs, signal } = open(request);
      try {
        const completion = await client.chat.completions.create({ ...body(request), stream: false }, { signal: signal.signal });
        const choice = completion.choices?.[0];
        if (!choice || typeof choice.message?.content !== 'string') {
          throw providerError('PROVIDER_INVALID_RESPONSE', provider, 'response has no message content', { retryable: false, secrets });
        }
        const text = choice.message.content;
        return { text, usage: usageOf(completion.usage, request, text), finishReason: finish(choice.finish_reason) };
      } catch (error) {
        throw fail(error, signal, timeoutMs);
      } finally {
        signal.dispose();
      }
    },
    async *stream(request): AsyncGenerator<LanguageModelStreamPart> {
      checkKey();
      const { timeoutMs, signal } = open(request);
      let text = '';
      let finishReason: LanguageModelFinishReason | undefined;
      let rawUsage: Parameters<typeof usageOf>[0];
      try {
        const chunks = await client.chat.completions.create(
          { ...body(request), stream: true, ...(settings.streamUsage ? { stream_options: { include_usage: true } } : {}) },
          { signal: signal.signal },
        );
        for await (const chunk of chunks) {
          signal.touch();
          if (chunk.usage) rawUsage = chunk.usage;
          const choice = chunk.choices?.[0];
          const delta = choice?.delta?.content;
          if (typeof delta === 'string' && delta.length > 0) {
            text += delta;
            yield { type: 'text-delta', text: delta };
          }
          if (choice?.finish_reason) finishReason = finish(choice.finish_reason);
        }
        // the SDK ends the iteration quietly when its signal aborts: find out why
        if (signal.signal.aborted) throw signal.signal.reason ?? new Error('aborted');
        if (finishReason === undefined) {
          throw providerError('PROVIDER_INVALID_RESPONSE', provider, 'stream ended without a finish_reason', { retryable: true, secrets });
        }
        yield { type: 'finish', usage: usageOf(rawUsage, request, text), finishReason };
      } catch (error) {
        throw fail(error, signal, timeoutMs);
      } finally {
        signal.dispose();
      }
    },
    async checkHealth(options = {}) {
      checkKey();
      const signal = createRequestSignal({ signal: options.signal, timeoutMs: settings.timeoutMs });
      try {
        await client.models.list({ signal: signal.signal });
      } catch (error) {
        throw fail(error, signal, settings.timeoutMs);
      } finally {
        signal.dispose();
      }
    },
  };
}

function finish(reason: string | null | undefined): LanguageModelFinishReason {
  return reason === 'stop' ? 'stop' : reason === 'length' ? 'length' : 'other';
}
