import { isVajraError } from '@vajra-stream/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anthropic, createOracle, offline, openaiCompatible } from '../src/index';
import { startFakeAnthropic } from './__fixtures__/fake-anthropic';
import { startFakeOpenAI } from './__fixtures__/fake-openai';
import { codeOf } from './__fixtures__/code-of';
import type { FakeVendor } from './__fixtures__/fake-server';

const KEY = 'sk-ant-cap-0123456789SECRET';
const input = { kind: 'blessing', intention: 'courage for a new job', length: 'short' } as const;

describe('spending cap', () => {
  let vendor: FakeVendor;
  beforeAll(async () => {
    vendor = await startFakeAnthropic({ apiKey: KEY });
  });
  afterAll(() => vendor.close());
  beforeEach(() => {
    vendor.requests.splice(0);
    vendor.fallback = { type: 'ok', text: 'May your path be clear.', inputTokens: 300, outputTokens: 1500 };
  });
  const model = () => anthropic({ apiKey: KEY, baseURL: vendor.url });

  it('blocks metered calls once the token cap is reached, without sending a request', async () => {
    const oracle = createOracle({ providers: [model()], fallback: false, spendingCap: { maxTokens: 2_000 } });
    await oracle.generate(input);
    expect(oracle.spending()).toMatchObject({ tokens: 1_800, calls: 1, remainingTokens: 200 });
    expect(await codeOf(oracle.generate(input))).toBe('SPENDING_CAP_REACHED');
    expect(await codeOf(oracle.plan({ intention: 'peace', duration: 300 }))).toBe('SPENDING_CAP_REACHED');
    expect(vendor.requests).toHaveLength(1);
  });

  it('clamps the output-token limit to what is left of the budget', async () => {
    // a short text asks for 400 output tokens; the prompt alone is estimated at well over 100 tokens
    const oracle = createOracle({ providers: [model()], fallback: false, spendingCap: { maxTokens: 500 } });
    await oracle.generate(input);
    const limit = vendor.requests[0]?.body?.max_tokens as number;
    expect(limit).toBeGreaterThan(0);
    expect(limit).toBeLessThan(400);
  });

  it('blocks on a cost cap using per-model prices, and blocks unpriced models under a cost cap', async () => {
    const pricing = { anthropic: { inputPerMillion: 3, outputPerMillion: 15 } }; // 300 in + 1500 out = $0.0234
    const oracle = createOracle({ providers: [model()], fallback: false, spendingCap: { maxCostUsd: 0.0234, pricing } });
    await oracle.generate(input);
    expect(oracle.spending().costUsd).toBeCloseTo(0.0234, 10);
    expect(await codeOf(oracle.generate(input))).toBe('SPENDING_CAP_REACHED');
    const unpriced = createOracle({ providers: [model()], fallback: false, spendingCap: { maxCostUsd: 10 } });
    expect(await codeOf(unpriced.generate(input))).toBe('SPENDING_CAP_REACHED');
    expect(vendor.requests).toHaveLength(1);
  });

  it("with onReached: 'fallback' skips metered providers and answers offline", async () => {
    const oracle = createOracle({ providers: [model()], fallback: offline({ seed: 1 }), spendingCap: { maxTokens: 2_000, onReached: 'fallback' } });
    expect((await oracle.generate(input)).provider).toBe('anthropic');
    const second = await oracle.generate(input);
    expect(second.provider).toBe('offline');
    expect(second.attempts[0]).toMatchObject({ provider: 'anthropic', code: 'SPENDING_CAP_REACHED' });
    expect(vendor.requests).toHaveLength(1);
  });

  it('reserves budget for calls in flight so concurrent calls cannot overshoot together', async () => {
    vendor.fallback = { type: 'slow', text: 'May all be well.', delayMs: 40 };
    const oracle = createOracle({ providers: [model()], fallback: false, spendingCap: { maxTokens: 1_000 } });
    const results = await Promise.allSettled([oracle.generate(input), oracle.generate(input), oracle.generate(input)]);
    const blocked = results.filter((r) => r.status === 'rejected' && isVajraError(r.reason) && r.reason.code === 'SPENDING_CAP_REACHED');
    expect(blocked.length).toBeGreaterThan(0);
    const sentBudget = vendor.requests.reduce((sum, r) => sum + (r.body?.max_tokens as number), 0);
    expect(sentBudget).toBeLessThan(1_000);
  });

  it('books an estimate for a metered stream that broke after sending text', async () => {
    vendor.queue({ type: 'truncated', text: 'x'.repeat(400) });
    const oracle = createOracle({ providers: [model()], fallback: offline({ seed: 1 }), retries: 0, spendingCap: { maxTokens: 100_000 } });
    const result = await oracle.stream(input).result;
    expect(result.provider).toBe('offline');
    expect(oracle.spending().tokens).toBeGreaterThanOrEqual(100); // 400 characters ≈ 100 tokens of output, plus the prompt
    expect(oracle.spending().reservedTokens).toBe(0);
  });

  it('free (local) providers are never blocked', async () => {
    const local = await startFakeOpenAI();
    try {
      const oracle = createOracle({ providers: [openaiCompatible({ baseURL: `${local.url}/v1`, model: 'llama' })], fallback: false, spendingCap: { maxTokens: 1 } });
      expect((await oracle.generate(input)).provider).toBe('openai-compatible');
      expect((await oracle.generate(input)).provider).toBe('openai-compatible');
    } finally {
      await local.close();
    }
  });
});
