import { createManualClock } from '@vajra-stream/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeOpenAI } from '../../test/__fixtures__/fake-openai';
import { collectStream } from '../../test/__fixtures__/collect-stream';
import { failureOf } from '../../test/__fixtures__/failure-of';
import type { FakeVendor } from '../../test/__fixtures__/fake-server';
import type { LanguageModel, LanguageModelRequest, LanguageModelStreamPart } from '../spec/language-model';
import { openai } from './openai';
import { openaiCompatible } from './openai-compatible';

const KEY = 'sk-test-0123456789abcdefSECRET';
// Real HTTP round trips take an unknown time on a loaded machine: wait for conditions, never for a duration.
const eventually = { timeout: 20_000, interval: 5 };
const ask: LanguageModelRequest = {
  messages: [
    { role: 'system', content: 'You are kind.' },
    { role: 'user', content: 'A blessing, please.' },
  ],
};

const collect = (model: LanguageModel, request: LanguageModelRequest = ask) => collectStream(model, request);

describe('openai() on the official client against a wire-format fake', () => {
  let vendor: FakeVendor;
  let model: LanguageModel;
  beforeAll(async () => {
    vendor = await startFakeOpenAI({ apiKey: KEY });
    model = openai({ apiKey: KEY, baseURL: `${vendor.url}/v1`, model: 'gpt-test', timeoutMs: 20_000 });
  });
  afterAll(() => vendor.close());
  beforeEach(() => void vendor.requests.splice(0));

  it('generates with Bearer auth and reports usage', async () => {
    vendor.queue({ type: 'ok', text: 'May you be well.', inputTokens: 17, outputTokens: 5 });
    const result = await model.generate({ ...ask, maxOutputTokens: 200, temperature: 0.7 });
    expect(result).toEqual({ text: 'May you be well.', finishReason: 'stop', usage: { inputTokens: 17, outputTokens: 5, totalTokens: 22 } });
    const [request] = vendor.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toMatchObject({ model: 'gpt-test', max_completion_tokens: 200, temperature: 0.7, messages: ask.messages });
  });

  it('streams SSE chunks to text deltas ending in a finish with usage', async () => {
    const text = 'May all beings be free from suffering and the causes of suffering.';
    vendor.queue({ type: 'ok', text, chunkSize: 7, inputTokens: 9, outputTokens: 13 });
    const parts = await collect(model);
    const deltas = parts.filter((p) => p.type === 'text-delta');
    expect(deltas.length).toBe(Math.ceil(text.length / 7));
    expect(deltas.map((p) => p.text).join('')).toBe(text);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', usage: { inputTokens: 9, outputTokens: 13, totalTokens: 22 } });
    expect(vendor.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('asks for JSON mode on JSON requests', async () => {
    vendor.queue({ type: 'json', text: '{"ok":true}' });
    await model.generate({ ...ask, responseFormat: 'json' });
    expect(vendor.requests[0]?.body).toMatchObject({ response_format: { type: 'json_object' } });
  });

  it('maps 401 to PROVIDER_AUTH_FAILED and never leaks the key', async () => {
    const wrongKey = 'sk-wrong-key-ABCDEFGHIJKLMNOP';
    const bad = openai({ apiKey: wrongKey, baseURL: `${vendor.url}/v1`, model: 'gpt-test' });
    const error = await failureOf(bad.generate(ask));
    expect(error.code).toBe('PROVIDER_AUTH_FAILED');
    expect(error.details).toMatchObject({ provider: 'openai', retryable: false, vendorStatus: 401 });
    for (const text of [error.message, error.json, error.cause]) expect(text).not.toContain(wrongKey);
    expect(error.message).toContain('[redacted]'); // the vendor did echo it
  });

  it('fails fast without a key, with no request sent', async () => {
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      const error = await failureOf(openai({ baseURL: `${vendor.url}/v1` }).generate(ask));
      expect(error.code).toBe('PROVIDER_AUTH_FAILED');
      expect(vendor.requests).toHaveLength(0);
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
  });

  it('maps 429 + retry-after to PROVIDER_RATE_LIMITED with retryAfterMs, and does not retry by itself', async () => {
    vendor.queue({ type: 'error', status: 429, retryAfter: '3' });
    const error = await failureOf(model.generate(ask));
    expect(error.code).toBe('PROVIDER_RATE_LIMITED');
    expect(error.details).toMatchObject({ retryable: true, retryAfterMs: 3000, vendorStatus: 429 });
    expect(vendor.requests).toHaveLength(1);
  });

  it('maps retry-after-ms and 500 to a retryable PROVIDER_UNAVAILABLE', async () => {
    vendor.queue({ type: 'error', status: 500, retryAfterMs: '250' });
    const error = await failureOf(model.generate(ask));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.details).toMatchObject({ retryable: true, retryAfterMs: 250, vendorStatus: 500 });
  });

  it('times out a stalled response after exactly timeoutMs of clock time, and a stream that stalls mid-way', async () => {
    const clock = createManualClock(0);
    const timed = openai({ apiKey: KEY, baseURL: `${vendor.url}/v1`, model: 'gpt-test', clock });
    vendor.queue({ type: 'stall' }); // never answers: only the timeout can end the call
    const pending = failureOf(timed.generate({ ...ask, timeoutMs: 150 }));
    await vi.waitFor(() => expect(vendor.requests).toHaveLength(1), eventually);
    await clock.advance(149);
    expect(clock.pendingTimers()).toBe(1); // still waiting
    await clock.advance(1);
    const error = await pending;
    expect(error.code).toBe('PROVIDER_TIMEOUT');
    expect(error.details).toMatchObject({ retryable: true });

    vendor.queue({ type: 'stall', afterText: 'Om Mani ' });
    const seen: string[] = [];
    const streaming = failureOf(
      (async () => {
        for await (const part of timed.stream({ ...ask, timeoutMs: 150 })) if (part.type === 'text-delta') seen.push(part.text);
      })(),
    );
    await vi.waitFor(() => expect(seen.join('')).toBe('Om Mani '), eventually);
    await clock.advance(150); // 150 ms without a byte since the text
    expect((await streaming).code).toBe('PROVIDER_TIMEOUT');
    expect(seen.join('')).toBe('Om Mani ');
  });

  it('a slow but steady stream is not timed out (the timeout counts idle time)', async () => {
    const clock = createManualClock(0);
    const timed = openai({ apiKey: KEY, baseURL: `${vendor.url}/v1`, model: 'gpt-test', clock });
    vendor.queue({ type: 'ok', text: 'abcdefghijklmnopqrstuvwx', chunkSize: 1 });
    const parts: LanguageModelStreamPart[] = [];
    for await (const part of timed.stream({ ...ask, timeoutMs: 200 })) {
      parts.push(part);
      if (part.type === 'text-delta') await clock.advance(150); // each piece 150 ms after the last: 3.6 s in all
    }
    expect(clock.now()).toBe(24 * 150);
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('maps a malformed stream and a truncated stream to PROVIDER_INVALID_RESPONSE', async () => {
    vendor.queue({ type: 'malformed' });
    expect((await failureOf(collect(model))).code).toBe('PROVIDER_INVALID_RESPONSE');
    vendor.queue({ type: 'truncated', text: 'Om Ah Hum Vajra Guru' });
    const truncated = await failureOf(collect(model));
    expect(truncated.code).toBe('PROVIDER_INVALID_RESPONSE');
    expect(truncated.message).toContain('finish_reason');
  });

  it('maps an in-stream error chunk to a retryable PROVIDER_UNAVAILABLE', async () => {
    vendor.queue({ type: 'stream-error', afterText: 'Om ' });
    expect(await failureOf(collect(model))).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', details: { retryable: true } });
  });

  it('aborts generate and stream on the caller signal with ABORTED', async () => {
    vendor.queue({ type: 'stall' });
    const controller = new AbortController();
    const pending = failureOf(model.generate({ ...ask, signal: controller.signal, timeoutMs: 60_000 }));
    await vi.waitFor(() => expect(vendor.requests).toHaveLength(1), eventually); // abort while the vendor stalls
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('ABORTED');
    expect(error.details).toMatchObject({ retryable: false });

    vendor.queue({ type: 'slow', text: 'one two three four five six seven', delayMs: 30 });
    const streamController = new AbortController();
    const streamError = await failureOf(
      (async () => {
        for await (const part of model.stream({ ...ask, signal: streamController.signal })) if (part.type === 'text-delta') streamController.abort();
      })(),
    );
    expect(streamError.code).toBe('ABORTED');
  });

  it('maps a refused connection to a retryable PROVIDER_UNAVAILABLE', async () => {
    const dead = openai({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', timeoutMs: 20_000 });
    const error = await failureOf(dead.generate(ask));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.details).toMatchObject({ retryable: true });
  });

  it('sends every request through a custom fetch when one is given', async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (url, init) => {
      seen.push(String(url));
      return fetch(url, init);
    };
    const viaFetch = openai({ apiKey: KEY, baseURL: `${vendor.url}/v1`, fetch: counting });
    await viaFetch.generate(ask);
    expect(seen).toEqual([`${vendor.url}/v1/chat/completions`]);
  });

  it('checks health by listing models', async () => {
    await expect(model.checkHealth?.()).resolves.toBeUndefined();
    expect(vendor.requests.at(-1)?.path).toBe('/v1/models');
  });
});

describe('openaiCompatible() (llama.cpp, Ollama, LM Studio)', () => {
  it('talks to a keyless server with max_tokens and no JSON mode by default', async () => {
    const vendor = await startFakeOpenAI();
    try {
      const local = openaiCompatible({ baseURL: `${vendor.url}/v1`, model: 'llama3.2', name: 'ollama' });
      expect(local.free).toBe(true);
      vendor.queue({ type: 'ok', text: '{"a":1}' });
      const result = await local.generate({ ...ask, maxOutputTokens: 64, responseFormat: 'json' });
      expect(result.text).toBe('{"a":1}');
      expect(vendor.requests[0]?.body).toMatchObject({ model: 'llama3.2', max_tokens: 64 });
      expect(vendor.requests[0]?.body).not.toHaveProperty('response_format');
      const parts = await collect(local);
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    } finally {
      await vendor.close();
    }
  });

  it('sends an optional key as Bearer (LM Studio / vLLM with --api-key)', async () => {
    const vendor = await startFakeOpenAI({ apiKey: 'lm-studio-key-123456' });
    try {
      const withKey = openaiCompatible({ baseURL: `${vendor.url}/v1`, model: 'qwen', apiKey: 'lm-studio-key-123456' });
      expect((await withKey.generate(ask)).text).toBe('May all beings be at peace.');
      const without = openaiCompatible({ baseURL: `${vendor.url}/v1`, model: 'qwen' });
      await expect(without.generate(ask)).rejects.toMatchObject({ code: 'PROVIDER_AUTH_FAILED' });
    } finally {
      await vendor.close();
    }
  });
});
