import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from '../../test/__fixtures__/fake-anthropic';
import { collectStream } from '../../test/__fixtures__/collect-stream';
import { failureOf } from '../../test/__fixtures__/failure-of';
import type { FakeVendor } from '../../test/__fixtures__/fake-server';
import type { LanguageModel, LanguageModelRequest } from '../spec/language-model';
import { anthropic } from './anthropic';

const KEY = 'sk-ant-test-0123456789SECRETKEY';
const ask: LanguageModelRequest = {
  messages: [
    { role: 'system', content: 'You are a gentle teacher.' },
    { role: 'user', content: 'A dedication.' },
  ],
};

const collect = (model: LanguageModel, request: LanguageModelRequest = ask) => collectStream(model, request);

describe('anthropic() on the official client against a wire-format fake', () => {
  let vendor: FakeVendor;
  let model: LanguageModel;
  beforeAll(async () => {
    vendor = await startFakeAnthropic({ apiKey: KEY });
    model = anthropic({ apiKey: KEY, baseURL: vendor.url, model: 'claude-test', timeoutMs: 20_000 });
  });
  afterAll(() => vendor.close());
  beforeEach(() => void vendor.requests.splice(0));

  it('generates with x-api-key auth, a separate system prompt and usage', async () => {
    vendor.queue({ type: 'ok', text: 'By this merit may all beings awaken.', inputTokens: 31, outputTokens: 9 });
    const result = await model.generate({ ...ask, maxOutputTokens: 300 });
    expect(result).toEqual({ text: 'By this merit may all beings awaken.', finishReason: 'stop', usage: { inputTokens: 31, outputTokens: 9, totalTokens: 40 } });
    const [request] = vendor.requests;
    expect(request?.path).toBe('/v1/messages');
    expect([request?.headers['x-api-key'], request?.headers.authorization]).toContain(request?.headers['x-api-key'] ? KEY : `Bearer ${KEY}`);
    expect(request?.headers['anthropic-version']).toBeTypeOf('string');
    expect(request?.body).toEqual({ model: 'claude-test', max_tokens: 300, stream: false, system: 'You are a gentle teacher.', messages: [{ role: 'user', content: 'A dedication.' }] });
  });

  it('streams message events to text deltas and a finish with usage from message_start/message_delta', async () => {
    const text = 'May the roots of virtue spread to every corner of space.';
    vendor.queue({ type: 'ok', text, chunkSize: 5, inputTokens: 12, outputTokens: 14 });
    const parts = await collect(model);
    const deltas = parts.filter((p) => p.type === 'text-delta');
    expect(deltas).toHaveLength(Math.ceil(text.length / 5));
    expect(deltas.map((p) => p.text).join('')).toBe(text);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', usage: { inputTokens: 12, outputTokens: 14, totalTokens: 26 } });
  });

  it('maps 401 to PROVIDER_AUTH_FAILED without leaking the key', async () => {
    const wrong = 'sk-ant-wrong-ZYXWVUTSRQPONMLK';
    const error = await failureOf(anthropic({ apiKey: wrong, baseURL: vendor.url }).generate(ask));
    expect(error.code).toBe('PROVIDER_AUTH_FAILED');
    for (const text of [error.message, error.json, error.cause]) expect(text).not.toContain(wrong);
  });

  it('maps 429 with retry-after and 529 overload to retryable errors', async () => {
    vendor.queue({ type: 'error', status: 429, retryAfter: '1' }, { type: 'error', status: 529, message: 'Overloaded' });
    expect(await failureOf(model.generate(ask))).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', details: { retryable: true, retryAfterMs: 1000 } });
    expect(await failureOf(collect(model))).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', details: { retryable: true, vendorStatus: 529 } });
    expect(vendor.requests).toHaveLength(2); // no hidden SDK retries
  });

  it('times out stalls, before and during the stream', async () => {
    vendor.queue({ type: 'stall' }, { type: 'stall', afterText: 'Om ' });
    expect((await failureOf(model.generate({ ...ask, timeoutMs: 120 }))).code).toBe('PROVIDER_TIMEOUT');
    expect((await failureOf(collect(model, { ...ask, timeoutMs: 120 }))).code).toBe('PROVIDER_TIMEOUT');
  });

  it('maps malformed and truncated streams to PROVIDER_INVALID_RESPONSE', async () => {
    vendor.queue({ type: 'malformed' }, { type: 'truncated', text: 'Om Tare Tuttare' });
    expect((await failureOf(collect(model))).code).toBe('PROVIDER_INVALID_RESPONSE');
    const truncated = await failureOf(collect(model));
    expect(truncated.code).toBe('PROVIDER_INVALID_RESPONSE');
    expect(truncated.message).toContain('message_stop');
  });

  it('maps an in-stream error event (overloaded) to a retryable PROVIDER_UNAVAILABLE', async () => {
    vendor.queue({ type: 'stream-error', afterText: 'Om ' });
    expect(await failureOf(collect(model))).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', details: { retryable: true } });
  });

  it('aborts on the caller signal', async () => {
    vendor.queue({ type: 'slow', text: 'Om Ami Dewa Hrih, Om Ami Dewa Hrih', delayMs: 30 });
    const controller = new AbortController();
    const error = await failureOf(
      (async () => {
        for await (const part of model.stream({ ...ask, signal: controller.signal })) if (part.type === 'text-delta') controller.abort();
      })(),
    );
    expect(error.code).toBe('ABORTED');
  });

  it('sends every request through a custom fetch when one is given', async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (url, init) => {
      seen.push(String(url));
      return fetch(url, init);
    };
    await anthropic({ apiKey: KEY, baseURL: vendor.url, fetch: counting }).generate(ask);
    expect(seen).toEqual([`${vendor.url}/v1/messages`]);
  });

  it('checks health by listing models', async () => {
    await expect(model.checkHealth?.()).resolves.toBeUndefined();
    expect(vendor.requests.at(-1)?.path).toMatch(/^\/v1\/models/);
  });
});
