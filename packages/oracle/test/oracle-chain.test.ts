import type { Logger } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { anthropic, createOracle, offline, openai, openaiCompatible, type OracleStreamPart } from '../src/index';
import { startFakeAnthropic } from './__fixtures__/fake-anthropic';
import { startFakeOpenAI } from './__fixtures__/fake-openai';
import { codeOf } from './__fixtures__/code-of';
import type { FakeVendor } from './__fixtures__/fake-server';

const OPENAI_KEY = 'sk-openai-chain-0123456789SECRET';
const ANTHROPIC_KEY = 'sk-ant-chain-0123456789SECRET';
const input = { kind: 'prayer', intention: 'healing for my sister' } as const;
// Real HTTP round trips take an unknown time on a loaded machine: wait for conditions, never for a duration.
const eventually = { timeout: 20_000, interval: 5 };

function recordingLogger(lines: string[]): Logger {
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, message, ...fields }));
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: () => logger };
  return logger;
}

describe('createOracle: priority chain over real clients and wire-format fakes', () => {
  let oa: FakeVendor;
  let an: FakeVendor;
  beforeAll(async () => {
    [oa, an] = await Promise.all([startFakeOpenAI({ apiKey: OPENAI_KEY }), startFakeAnthropic({ apiKey: ANTHROPIC_KEY })]);
  });
  afterAll(() => Promise.all([oa.close(), an.close()]));
  beforeEach(() => {
    oa.requests.splice(0);
    an.requests.splice(0);
    oa.fallback = { type: 'ok', text: 'From OpenAI: may you be well.' };
    an.fallback = { type: 'ok', text: 'From Anthropic: may you be well.' };
  });
  const chain = (extra: Parameters<typeof createOracle>[0] = {}) =>
    createOracle({
      providers: [anthropic({ apiKey: ANTHROPIC_KEY, baseURL: an.url }), openai({ apiKey: OPENAI_KEY, baseURL: `${oa.url}/v1` })],
      fallback: offline({ seed: 1 }),
      timeoutMs: 20_000, // generous: only the tests that stall a vendor ask for a short one
      backoffMs: 10,
      retries: 1,
      ...extra,
    });

  it('answers from the first provider when it is healthy', async () => {
    const result = await chain().generate(input);
    expect(result).toMatchObject({ provider: 'anthropic', text: 'From Anthropic: may you be well.', fellBack: false });
    expect(oa.requests).toHaveLength(0);
    expect(an.requests[0]?.body?.messages).toBeDefined();
  });

  it('retries a 500 with backoff, then succeeds on the same provider', async () => {
    an.queue({ type: 'error', status: 500 });
    const result = await chain().generate(input);
    expect(result.provider).toBe('anthropic');
    expect(result.attempts.map((a) => a.code)).toEqual(['PROVIDER_UNAVAILABLE', 'OK']);
    expect(an.requests).toHaveLength(2);
  });

  it('honours retry-after between retries', async () => {
    oa.queue({ type: 'error', status: 429, retryAfterMs: '300' });
    const clock = createManualClock(0);
    const oracle = createOracle({ providers: [openai({ apiKey: OPENAI_KEY, baseURL: `${oa.url}/v1` })], fallback: false, backoffMs: 1, retries: 1, clock });
    const pending = oracle.generate(input);
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1), eventually); // the wait the vendor asked for
    await clock.advance(299);
    expect(clock.pendingTimers()).toBe(1);
    expect(oa.requests).toHaveLength(1);
    await clock.advance(1);
    const result = await pending;
    expect(result.attempts.map((a) => a.code)).toEqual(['PROVIDER_RATE_LIMITED', 'OK']);
    expect(oa.requests).toHaveLength(2);
  });

  it('moves on instead of waiting when retry-after is longer than maxRetryAfterMs', async () => {
    an.queue({ type: 'error', status: 429, retryAfter: '120' });
    // A clock that never moves: had the chain waited for the 120 s, the call could not finish.
    const clock = createManualClock(0);
    const result = await chain({ maxRetryAfterMs: 1_000, clock }).generate(input);
    expect(clock.now()).toBe(0);
    expect(result.provider).toBe('openai');
    expect(an.requests).toHaveLength(1);
  });

  it('falls back in priority order: anthropic → openai → offline', async () => {
    an.fallback = { type: 'error', status: 503 };
    const viaOpenAI = await chain().generate(input);
    expect(viaOpenAI).toMatchObject({ provider: 'openai', fellBack: true });
    expect(an.requests).toHaveLength(2); // first try + one retry

    oa.fallback = { type: 'error', status: 500 };
    const viaOffline = await chain().generate(input);
    expect(viaOffline.provider).toBe('offline');
    expect(viaOffline.attempts.map((a) => `${a.provider}:${a.code}`)).toEqual([
      'anthropic:PROVIDER_UNAVAILABLE',
      'anthropic:PROVIDER_UNAVAILABLE',
      'openai:PROVIDER_UNAVAILABLE',
      'openai:PROVIDER_UNAVAILABLE',
      'offline:OK',
    ]);
    expect(viaOffline.text).toMatch(/Medicine Buddha|Bekandze/);
  });

  it('does not retry non-retryable errors (auth) and never logs the key', async () => {
    const lines: string[] = [];
    const wrong = 'sk-ant-wrong-key-XYZXYZXYZXYZ';
    const oracle = createOracle({
      providers: [anthropic({ apiKey: wrong, baseURL: an.url }), openai({ apiKey: OPENAI_KEY, baseURL: `${oa.url}/v1` })],
      fallback: false,
      retries: 2,
      backoffMs: 1,
      logger: recordingLogger(lines),
    });
    const result = await oracle.generate(input);
    expect(result.provider).toBe('openai');
    expect(an.requests).toHaveLength(1);
    expect(result.attempts[0]?.code).toBe('PROVIDER_AUTH_FAILED');
    expect(lines.length).toBeGreaterThan(0);
    const everything = [...lines, JSON.stringify(result)].join('\n');
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(OPENAI_KEY);
  });

  it('times out a stalled provider per request and falls back', async () => {
    an.queue({ type: 'stall' }, { type: 'stall' });
    // The stalled vendor never answers: only the per-request timeout can end these two attempts. The
    // fallback is offline, which no timeout can cut short however loaded the machine is.
    const oracle = createOracle({ providers: [anthropic({ apiKey: ANTHROPIC_KEY, baseURL: an.url })], fallback: offline({ seed: 1 }), timeoutMs: 150, backoffMs: 10, retries: 1 });
    const result = await oracle.generate(input);
    expect(result.provider).toBe('offline');
    expect(result.attempts.map((a) => `${a.provider}:${a.code}`)).toEqual(['anthropic:PROVIDER_TIMEOUT', 'anthropic:PROVIDER_TIMEOUT', 'offline:OK']);
  });

  it('throws ALL_PROVIDERS_FAILED with the attempts when there is no fallback', async () => {
    oa.fallback = { type: 'error', status: 500 };
    const oracle = createOracle({ providers: [openai({ apiKey: OPENAI_KEY, baseURL: `${oa.url}/v1` })], fallback: false, retries: 1, backoffMs: 1 });
    expect(await codeOf(oracle.generate(input))).toBe('ALL_PROVIDERS_FAILED');
  });

  it('takes a failing provider out of rotation (circuit breaker) until the cooldown ends', async () => {
    an.fallback = { type: 'error', status: 500 };
    const oracle = chain({ retries: 0, health: { failureThreshold: 2, cooldownMs: 60_000 } });
    await oracle.generate(input);
    await oracle.generate(input);
    expect(an.requests).toHaveLength(2);
    const third = await oracle.generate(input);
    expect(third.provider).toBe('openai');
    expect(an.requests).toHaveLength(2); // skipped
  });

  it('health() probes every provider and reports failures', async () => {
    const oracle = createOracle({
      providers: [anthropic({ apiKey: ANTHROPIC_KEY, baseURL: an.url }), openaiCompatible({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 20_000 })],
    });
    const statuses = await oracle.health();
    expect(statuses.map((s) => [s.provider, s.ok, s.code])).toEqual([
      ['anthropic', true, undefined],
      ['openai-compatible', false, 'PROVIDER_UNAVAILABLE'],
      ['offline', true, undefined],
    ]);
    expect(statuses[1]?.inRotation).toBe(false);
  });

  it('aborts the whole chain on the caller signal, without falling back', async () => {
    an.queue({ type: 'stall' });
    const controller = new AbortController();
    const pending = codeOf(chain({ timeoutMs: 60_000 }).generate(input, { signal: controller.signal }));
    await vi.waitFor(() => expect(an.requests).toHaveLength(1), eventually); // abort while the vendor stalls
    controller.abort();
    expect(await pending).toBe('ABORTED');
    expect(oa.requests).toHaveLength(0);
  });

  it('rejects invalid input with VALIDATION_FAILED', async () => {
    expect(await codeOf(chain().generate({ kind: 'sermon' as never, intention: 'x' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(chain().generate({ kind: 'prayer', intention: '   ' }))).toBe('VALIDATION_FAILED');
  });
});

describe('oracle.stream', () => {
  let an: FakeVendor;
  beforeAll(async () => {
    an = await startFakeAnthropic({ apiKey: ANTHROPIC_KEY });
  });
  afterAll(() => an.close());

  it('yields text deltas then the final result, with usage', async () => {
    const text = 'May the light of Amitabha reach every corner of your heart.';
    an.queue({ type: 'ok', text, chunkSize: 6, inputTokens: 40, outputTokens: 12 });
    const oracle = createOracle({ providers: [anthropic({ apiKey: ANTHROPIC_KEY, baseURL: an.url })], fallback: false });
    const parts: OracleStreamPart[] = [];
    const stream = oracle.stream({ kind: 'blessing', intention: 'my late grandmother' });
    for await (const part of stream) parts.push(part);
    const deltas = parts.filter((p) => p.type === 'delta');
    expect(deltas.length).toBe(Math.ceil(text.length / 6));
    const done = parts.at(-1);
    expect(done?.type).toBe('done');
    const result = await stream.result;
    expect(result).toMatchObject({ text, provider: 'anthropic', usage: { inputTokens: 40, outputTokens: 12, totalTokens: 52 } });
    expect(oracle.spending()).toMatchObject({ tokens: 52, calls: 1 });
  });

  it('announces a reset and falls back to offline when a stream breaks mid-way', async () => {
    an.queue({ type: 'truncated', text: 'By the merit of this practice, may' });
    const oracle = createOracle({ providers: [anthropic({ apiKey: ANTHROPIC_KEY, baseURL: an.url })], fallback: offline({ seed: 'stream' }), retries: 0 });
    const parts: OracleStreamPart[] = [];
    for await (const part of oracle.stream({ kind: 'dedication', intention: 'all beings' })) parts.push(part);
    const resetAt = parts.findIndex((p) => p.type === 'reset');
    expect(resetAt).toBeGreaterThan(0); // text had arrived before the break
    expect(parts[resetAt]).toMatchObject({ provider: 'anthropic', code: 'PROVIDER_INVALID_RESPONSE' });
    const after = parts
      .slice(resetAt + 1)
      .filter((p) => p.type === 'delta')
      .map((p) => (p as { text: string }).text)
      .join('');
    const done = parts.at(-1) as Extract<OracleStreamPart, { type: 'done' }>;
    expect(done.result.provider).toBe('offline');
    expect(after).toBe(done.result.text);
  });

  it('stream.text() concatenates deltas; breaking out of the loop aborts the request', async () => {
    an.queue({ type: 'slow', text: 'one two three four five six seven eight nine ten', delayMs: 40, chunkSize: 4 });
    const oracle = createOracle({ providers: [anthropic({ apiKey: ANTHROPIC_KEY, baseURL: an.url })], fallback: false });
    const stream = oracle.stream({ kind: 'prayer', intention: 'peace' });
    for await (const part of stream) if (part.type === 'delta') break;
    expect(await codeOf(stream.result)).toBe('ABORTED');
    an.queue({ type: 'ok', text: 'Om Ami Dewa Hrih.' });
    expect(await oracle.stream({ kind: 'prayer', intention: 'peace' }).text()).toBe('Om Ami Dewa Hrih.');
  });
});
