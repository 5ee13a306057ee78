import { manualClock } from '@vajra-stream/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOracle, openai } from '../src/index';
import { startFakeOpenAI } from './__fixtures__/fake-openai';
import type { FakeVendor } from './__fixtures__/fake-server';

const KEY = 'sk-clock-0123456789SECRET';

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('backoff runs on the injected clock', () => {
  let vendor: FakeVendor;
  beforeAll(async () => {
    vendor = await startFakeOpenAI({ apiKey: KEY });
  });
  afterAll(() => vendor.close());

  it('waits backoffMs · 2^retry (jitter pinned to 1.0) of clock time before each retry', async () => {
    vendor.queue({ type: 'error', status: 503 }, { type: 'error', status: 503 }, { type: 'ok', text: 'done' });
    const clock = manualClock(0);
    const oracle = createOracle({
      providers: [openai({ apiKey: KEY, baseURL: `${vendor.url}/v1` })],
      fallback: false,
      retries: 2,
      backoffMs: 10_000,
      maxBackoffMs: 60_000,
      random: () => 0.5, // factor 0.75 + 0.5 · 0.5 = 1
      clock,
    });
    const pending = oracle.generate({ kind: 'prayer', intention: 'patience' });
    await until(() => vendor.requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await clock.advance(9_999);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(vendor.requests).toHaveLength(1);
    await clock.advance(1);
    await until(() => vendor.requests.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await clock.advance(19_999);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(vendor.requests).toHaveLength(2);
    await clock.advance(1);
    const result = await pending;
    expect(result.text).toBe('done');
    expect(result.attempts.map((a) => a.code)).toEqual(['PROVIDER_UNAVAILABLE', 'PROVIDER_UNAVAILABLE', 'OK']);
  });
});
