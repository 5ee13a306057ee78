import { createMemoryStore, createVajra, silentLogger, type Store } from '@vajra-stream/core';
import { createManualClock } from '@vajra-stream/core/testing';
import { createServer } from '@vajra-stream/server-adapter';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { malaPlugin, type MalaApi } from '../src/mala-plugin';
import { malaRoutes } from '../src/mala-routes';

const start = async (store: Store = createMemoryStore(), env: Record<string, string> = {}) => {
  const vajra = createVajra({ plugins: [malaPlugin()], store, clock: createManualClock(Date.UTC(2026, 0, 1)), logger: silentLogger, env, config: { mala: { beadsPerRound: 108 } } });
  await vajra.start();
  return vajra;
};

describe('a third-party plugin (mala counter)', () => {
  it('is typed by declaration merging, counts rounds, and announces each only after it is stored', async () => {
    const store = createMemoryStore();
    const vajra = await start(store);
    expectTypeOf(vajra.plugin('mala')).toEqualTypeOf<MalaApi>();
    const announced: Array<{ rounds: number; storedRounds: number }> = [];
    vajra.events.on('mala:round-completed', async ({ practitioner, rounds }) => {
      const stored = await store.collection<{ rounds: number }>('mala_counts').get(practitioner);
      announced.push({ rounds, storedRounds: stored?.rounds ?? -1 });
    });
    await vajra.plugin('mala').count('pema', 100);
    const after = await vajra.plugin('mala').count('pema', 230); // 330 beads = 3 rounds of 108
    expect(after).toMatchObject({ practitioner: 'pema', beads: 330, rounds: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(announced.map((a) => a.rounds)).toEqual([1, 2, 3]);
    expect(announced.every((a) => a.storedRounds >= a.rounds)).toBe(true);
    await expect(vajra.plugin('mala').count('pema', 0)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(vajra.plugin('mala').get('tenzin')).rejects.toMatchObject({ code: 'MALA_NOT_FOUND', status: 404 });
    await vajra.stop();
    // The count is in the store, so a new kernel on it carries on.
    const again = await start(store);
    expect((await again.plugin('mala').count('pema', 2)).rounds).toBe(3);
  });

  it('reads its config from VAJRA_MALA__* and refuses a bad value naming the key', async () => {
    const vajra = createVajra({ plugins: [malaPlugin()], logger: silentLogger, env: { VAJRA_MALA__BEADS_PER_ROUND: '21' } });
    await vajra.start();
    expect((await vajra.plugin('mala').count('tara', 42)).rounds).toBe(2);
    const bad = createVajra({ plugins: [malaPlugin()], logger: silentLogger, env: { VAJRA_MALA__BEADS_PER_ROUND: '0' } });
    await expect(bad.start()).rejects.toThrowError(/mala\.beadsPerRound \(from VAJRA_MALA__BEADS_PER_ROUND\)/);
  });

  it('serves its routes through the server adapter, validated and documented', async () => {
    const vajra = await start();
    // In-process fetch never passes through a listen helper, so the server counts as exposed: opt out explicitly.
    const server = createServer(vajra, { routes: malaRoutes, auth: 'none' });
    const post = await server.fetch(new Request('http://127.0.0.1/api/v1/mala/pema/beads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ beads: 108 }) }));
    expect(post.status).toBe(200);
    expect(await post.json()).toMatchObject({ beads: 108, rounds: 1 });
    const get = await server.fetch(new Request('http://127.0.0.1/api/v1/mala/pema'));
    expect(await get.json()).toMatchObject({ beads: 108 });
    const missing = await server.fetch(new Request('http://127.0.0.1/api/v1/mala/nobody'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const bad = await server.fetch(new Request('http://127.0.0.1/api/v1/mala/pema/beads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ beads: -1 }) }));
    expect(bad.status).toBe(422);
    const openapi = server.openapi() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/mala/{practitioner}', '/api/v1/mala/{practitioner}/beads']));
    await vajra.stop();
  });
});
