import { audioPlugin } from '@vajra-stream/audio';
import { describe, expect, it, vi } from 'vitest';
import { adapters } from './adapters';
import { call } from './harness';
import { serverPerTest } from './server-per-test';
import { holdRender } from './wav-client';

const keys = { a: 'alice-key-0123456789', b: 'bhumi-key-0123456789', c: 'chodr-key-0123456789' };
const apiKeys = Object.entries(keys).map(([name, key]) => ({ name, key }));

describe.each(adapters)('render bounds through $name', (adapter) => {
  const startForTest = serverPerTest(adapter);

  it('refuses a second render of one principal (429 RENDER_LIMIT), queues within the server bound, 503 RENDERS_BUSY past it, and frees slots when clients go away', async () => {
    const running = await startForTest({ auth: { apiKeys }, renders: { perClient: 1, maxActive: 1, maxQueued: 1 } }, [audioPlugin()]);
    const { url } = running;

    const first = holdRender(url, keys.a, 600);
    const started = await first.answered;
    expect(started.status).toBe(200);
    expect(started.first.subarray(0, 4).toString('latin1')).toBe('RIFF');

    const again = await call(url, 'POST', '/api/v1/audio/generate', { token: keys.a, body: { duration: 1 } });
    expect([again.status, again.body.code]).toEqual([429, 'RENDER_LIMIT']);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);

    const queued = holdRender(url, keys.b, 600); // the one running slot is taken: it waits
    await vi.waitFor(
      async () => {
        const busy = await call(url, 'POST', '/api/v1/audio/generate', { token: keys.c, body: { duration: 1 } });
        expect([busy.status, busy.body.code, busy.headers.get('retry-after')]).toEqual([503, 'RENDERS_BUSY', '5']);
      },
      { timeout: 20_000, interval: 50 },
    );

    first.abort(); // its slot goes to the queued render
    const second = await queued.answered;
    expect(second.status).toBe(200);
    queued.abort();

    // Both slots come back: a short render of A's runs to the end, whole.
    await vi.waitFor(
      async () => {
        const short = await call(url, 'POST', '/api/v1/audio/generate', { token: keys.a, body: { duration: 1, sampleFormat: 'pcm16' } });
        expect(short.status).toBe(200);
        expect(Number(short.headers.get('content-length'))).toBe(44 + 48_000 * 2 * 2);
      },
      { timeout: 20_000, interval: 50 },
    );
  });
});
