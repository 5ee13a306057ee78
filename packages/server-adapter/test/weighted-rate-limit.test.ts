import { astrologyPlugin } from '@vajra-stream/astrology';
import { describe, expect, it } from 'vitest';
import { adapters } from './adapters';
import { call } from './harness';
import { serverPerTest } from './server-per-test';

const search = { from: '2024-05-01T00:00:00Z', to: '2024-05-02T00:00:00Z', where: { moon: 'waxing' } };

describe.each(adapters)('weighted rate limit through $name', (adapter) => {
  const startForTest = serverPerTest(adapter);

  it('charges a window search 20 tokens: 5 exhaust a 110-token budget, then only 10 cheap requests fit', async () => {
    const running = await startForTest({ rateLimit: { max: 110, windowMs: 60_000 } }, [astrologyPlugin()]);
    expect(running.server.routes.find((route) => route.path === '/api/v1/astrology/windows')?.rateLimitWeight).toBe(20);
    const searches: number[] = [];
    for (let i = 0; i < 6; i += 1) searches.push((await call(running.url, 'POST', '/api/v1/astrology/windows', { body: search })).status);
    expect(searches).toEqual([200, 200, 200, 200, 200, 429]);
    const cheap: number[] = [];
    for (let i = 0; i < 11; i += 1) cheap.push((await call(running.url, 'GET', '/api/v1/sessions')).status);
    expect(cheap).toEqual([...Array(10).fill(200), 429]);
    const refused = await call(running.url, 'POST', '/api/v1/astrology/windows', { body: search });
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
