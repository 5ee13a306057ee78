import { afterAll, describe, expect, it } from 'vitest';
import { createDeployment, requireServices, until, type Deployment } from './__fixtures__/deployment';

let deployment: Deployment | undefined;
afterAll(async () => {
  await deployment?.cleanup();
});

describe('vajra serve as several instances (PostgreSQL store and LISTEN/NOTIFY bus)', () => {
  it('shares sessions, holds the work on one instance, and moves it within the lease bound when that instance is killed', { timeout: 240_000 }, async () => {
    await requireServices();
    deployment = createDeployment({ bus: 'postgres' });
    const d = deployment;
    const instances = [await d.start(), await d.start(), await d.start()];
    const states = await Promise.all(instances.map(({ url }) => d.ready(url)));
    expect(states.map((s) => [s.ready, s.store, s.bus?.kind, s.bus?.connected, s.work.mode])).toEqual(Array.from({ length: 3 }, () => [true, 'postgres', 'postgres', true, 'lease']));
    expect(states.filter((s) => s.work.holder)).toHaveLength(1);

    // Created and started through the second instance, read through the third.
    const [, b, c] = instances;
    const created = (await (
      await fetch(`${b!.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ intention: 'peace', duration: 12 }) })
    ).json()) as { id: string };
    expect((await fetch(`${b!.url}/api/v1/sessions/${created.id}/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    expect(((await (await fetch(`${c!.url}/api/v1/sessions/${created.id}`)).json()) as { status: string }).status).toBe('running');

    // SIGKILL the holder: another instance takes the work over and completes the session on time, exactly.
    const holderIndex = states.findIndex((s) => s.work.holder);
    const holder = instances[holderIndex]!;
    holder.child.child.kill('SIGKILL');
    await holder.child.exited;
    const killedAt = Date.now();
    const survivors = instances.filter((_, index) => index !== holderIndex);
    await until(async () => (await Promise.all(survivors.map(({ url }) => d.ready(url)))).some((s) => s.work.holder), 'a new holder');
    const takeoverMs = Date.now() - killedAt;
    console.info(JSON.stringify({ takeoverMs }));
    await until(async () => ((await (await fetch(`${survivors[0]!.url}/api/v1/sessions/${created.id}`)).json()) as { status: string }).status === 'completed', 'the completion');
    const done = (await (await fetch(`${survivors[1]!.url}/api/v1/sessions/${created.id}`)).json()) as { elapsedTime: number; startedAt: string; completedAt: string };
    expect(done.elapsedTime).toBe(12);
    expect(Date.parse(done.completedAt) - Date.parse(done.startedAt)).toBe(12_000);
  });
});
