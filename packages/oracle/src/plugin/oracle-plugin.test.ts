import { createVajra, silentLogger } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../../test/__fixtures__/fake-openai';
import type { FakeVendor } from '../../test/__fixtures__/fake-server';
import { offline } from '../offline/offline';
import type { OracleDeltaEvent, OracleDoneEvent } from './oracle-plugin';
import { oraclePlugin } from './oracle-plugin';

describe('oraclePlugin', () => {
  let vendor: FakeVendor;
  beforeAll(async () => {
    vendor = await startFakeOpenAI();
  });
  afterAll(() => vendor.close());

  it('builds providers from config and streams oracle:delta then oracle:done events', async () => {
    const text = 'Om Mani Padme Hum. May all beings be happy.';
    vendor.queue({ type: 'ok', text, chunkSize: 5, inputTokens: 10, outputTokens: 11 });
    const vajra = createVajra({
      plugins: [oraclePlugin()],
      logger: silentLogger,
      env: {},
      config: { oracle: { compatible: { baseURL: `${vendor.url}/v1`, model: 'llama-test' }, seed: 'k' } },
    });
    await vajra.start();
    try {
      const deltas: OracleDeltaEvent[] = [];
      const done: OracleDoneEvent[] = [];
      vajra.events.on('oracle:delta', (event) => void deltas.push(event));
      vajra.events.on('oracle:done', (event) => void done.push(event));
      const api = vajra.plugin('oracle');
      const { streamId, result } = api.stream({ kind: 'blessing', intention: 'all beings' }, { owner: 'key:alice' });
      const final = await result;
      expect(final.provider).toBe('openai-compatible');
      expect(deltas.map((d) => d.text).join('')).toBe(text);
      expect(deltas.map((d) => d.index)).toEqual(deltas.map((_, i) => i));
      expect(deltas.every((d) => d.streamId === streamId && d.owner === 'key:alice')).toBe(true);
      expect(done).toEqual([
        { streamId, owner: 'key:alice', kind: 'blessing', text, provider: 'openai-compatible', modelId: 'llama-test', usage: { inputTokens: 10, outputTokens: 11, totalTokens: 21 } },
      ]);
      expect(vendor.requests.at(-1)?.body?.model).toBe('llama-test');
    } finally {
      await vajra.stop();
    }
  });

  it('falls back to the offline composer with no providers and emits oracle:failed on errors', async () => {
    const vajra = createVajra({ plugins: [oraclePlugin({ fallback: offline({ seed: 1 }) })], logger: silentLogger, env: {} });
    await vajra.start();
    try {
      const api = vajra.plugin('oracle');
      expect((await api.generate({ kind: 'dedication', intention: 'peace' })).provider).toBe('offline');
      const plan = await api.plan({ intention: 'peace', duration: 300 });
      expect(plan.duration).toBe(300);
      const failures: unknown[] = [];
      vajra.events.on('oracle:failed', (event) => void failures.push(event));
      const controller = new AbortController();
      controller.abort();
      const { streamId, result } = api.stream({ kind: 'prayer', intention: 'peace' }, { signal: controller.signal });
      await expect(result).rejects.toMatchObject({ code: 'ABORTED' });
      expect(failures).toEqual([expect.objectContaining({ streamId, owner: null, code: 'ABORTED' })]);
    } finally {
      await vajra.stop();
    }
  });

  it('reads the spending cap and keys from VAJRA_ORACLE__* variables', async () => {
    const vajra = createVajra({
      plugins: [oraclePlugin()],
      logger: silentLogger,
      env: { VAJRA_ORACLE__MAX_TOKENS: '1234', VAJRA_ORACLE__COMPATIBLE__BASE_URL: `${vendor.url}/v1`, VAJRA_ORACLE__COMPATIBLE__MODEL: 'env-model' },
    });
    await vajra.start();
    try {
      expect(vajra.plugin('oracle').spending().remainingTokens).toBe(1234);
      vendor.queue({ type: 'ok', text: 'ok' });
      expect((await vajra.plugin('oracle').generate({ kind: 'prayer', intention: 'x' })).modelId).toBe('env-model');
    } finally {
      await vajra.stop();
    }
  });

  it('probes the providers once per healthCacheMs, however many calls come (concurrent ones share the probe)', async () => {
    const clock = createManualClock();
    const vajra = createVajra({
      plugins: [oraclePlugin()],
      logger: silentLogger,
      env: {},
      clock,
      config: { oracle: { compatible: { baseURL: `${vendor.url}/v1`, model: 'llama-test' }, healthCacheMs: 10_000 } },
    });
    await vajra.start();
    const probes = () => vendor.requests.filter((r) => r.method === 'GET' && r.path === '/v1/models').length;
    const before = probes();
    try {
      const api = vajra.plugin('oracle');
      const first = await Promise.all(Array.from({ length: 20 }, () => api.health()));
      expect(probes() - before).toBe(1);
      expect(first.every((statuses) => statuses[0]?.provider === 'openai-compatible' && statuses[0].ok)).toBe(true);
      for (let i = 0; i < 20; i++) await api.health();
      await clock.advance(9_999);
      await api.health();
      expect(probes() - before).toBe(1);
      expect((await api.health({ probe: false }))[0]?.ok).toBe(true); // configuration only: no network
      expect(probes() - before).toBe(1);
      await clock.advance(1);
      await Promise.all([api.health(), api.health()]);
      expect(probes() - before).toBe(2);
      await api.oracle.health(); // the oracle itself always probes
      expect(probes() - before).toBe(3);
    } finally {
      await vajra.stop();
    }
  });

  it('lets a caller stop waiting for a shared probe without failing it for the others', async () => {
    const vajra = createVajra({ plugins: [oraclePlugin()], logger: silentLogger, env: {}, config: { oracle: { compatible: { baseURL: `${vendor.url}/v1`, model: 'llama-test' } } } });
    await vajra.start();
    try {
      const api = vajra.plugin('oracle');
      const controller = new AbortController();
      const waiting = api.health({ signal: controller.signal });
      const other = api.health();
      controller.abort();
      await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
      expect((await other)[0]).toMatchObject({ provider: 'openai-compatible', ok: true });
    } finally {
      await vajra.stop();
    }
  });
});
