import { createManualClock } from '@vajra-stream/core/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOracle, openai } from '../src/index';
import { startFakeOpenAI } from './__fixtures__/fake-openai';
import type { FakeVendor } from './__fixtures__/fake-server';

const KEY = 'sk-clock-0123456789SECRET';
// Real HTTP round trips take an unknown time on a loaded machine: wait for conditions, never for a duration.
const eventually = { timeout: 20_000, interval: 5 };

describe('backoff runs on the injected clock', () => {
  let vendor: FakeVendor;
  beforeAll(async () => {
    vendor = await startFakeOpenAI({ apiKey: KEY });
  });
  afterAll(() => vendor.close());

  it('waits backoffMs · 2^retry (jitter pinned to 1.0) of clock time before each retry', async () => {
    vendor.queue({ type: 'error', status: 503 }, { type: 'error', status: 503 }, { type: 'ok', text: 'done' });
    const clock = createManualClock(0);
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
    // The first failure arms the backoff timer on the clock: the only timer the oracle puts there.
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1), eventually);
    expect(vendor.requests).toHaveLength(1);
    await clock.advance(9_999);
    expect(clock.pendingTimers()).toBe(1); // still waiting: no retry before 10 s of clock time
    expect(vendor.requests).toHaveLength(1);
    await clock.advance(1);
    await vi.waitFor(() => expect(vendor.requests).toHaveLength(2), eventually);
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1), eventually);
    await clock.advance(19_999);
    expect(clock.pendingTimers()).toBe(1); // the second wait is twice as long
    expect(vendor.requests).toHaveLength(2);
    await clock.advance(1);
    const result = await pending;
    expect(result.text).toBe('done');
    expect(result.attempts.map((a) => a.code)).toEqual(['PROVIDER_UNAVAILABLE', 'PROVIDER_UNAVAILABLE', 'OK']);
    expect(vendor.requests).toHaveLength(3);
  });
});
