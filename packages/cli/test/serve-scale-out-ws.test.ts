// Three real `vajra serve` processes on one PostgreSQL schema and a bus (LISTEN/NOTIFY, then Redis):
// a WebSocket client on instance A sees a session started through instance B, and the spectrum frames of
// its playback, which runs on the work holder C — every frame crossed the bus. The ownership rules hold
// across instances: another principal on A sees none of it, an admin on C sees all of it.
import { afterAll, describe, expect, it } from 'vitest';
import { createDeployment, requireServices, type Deployment } from './__fixtures__/deployment';
import { connectPeer } from './__fixtures__/ws-peer';

const KEYS = { alice: 'alice-key-0123456789', bob: 'bob-key-0123456789', root: 'root-key-0123456789' };
const env = {
  VAJRA_API_KEYS: `alice:${KEYS.alice},bob:${KEYS.bob},root:${KEYS.root}:admin`,
  VAJRA_AUTH_REQUIRE: 'always',
  VAJRA_AUDIO__SPECTRUM_RATE: '10',
};

const deployments: Deployment[] = [];
afterAll(async () => {
  for (const deployment of deployments) await deployment.cleanup();
});

describe.each(['postgres', 'redis'] as const)('WebSocket clients of several instances (%s bus)', (bus) => {
  it('see events and spectrum frames of a session started on another instance, only when they may', { timeout: 180_000 }, async () => {
    await requireServices({ redis: bus === 'redis' });
    const deployment = createDeployment({ bus, env });
    deployments.push(deployment);
    await Promise.all([deployment.start(), deployment.start(), deployment.start()]);
    const c = await deployment.holder();
    const [a, b] = deployment.instances.filter((instance) => instance !== c);
    const call = async (url: string, who: keyof typeof KEYS, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${KEYS[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    const alice = await connectPeer(a!.url, KEYS.alice);
    const bob = await connectPeer(a!.url, KEYS.bob);
    const root = await connectPeer(c.url, KEYS.root);
    for (const peer of [alice, bob, root]) {
      peer.send({ type: 'subscribe', id: 'sub', topics: ['session:*', 'audio:spectrum'] });
      await peer.next((message) => message.type === 'subscribed');
    }

    const created = await call(b!.url, 'alice', 'POST', '/sessions', { intention: 'peace', duration: 600, frequencies: [432] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await call(b!.url, 'alice', 'POST', `/sessions/${id}/start`, {})).status).toBe(200);

    const isOurs = (message: { type: string; data?: Record<string, unknown> }) => (message.data?.session as { id?: string } | undefined)?.id === id;
    await alice.next((message) => message.type === 'session:created' && isOurs(message));
    await alice.next((message) => message.type === 'session:started' && isOurs(message));
    // The first frames may fall in the fade-in: wait for one that hears the session's 432 Hz.
    const hears432 = (message: { type: string; data?: Record<string, unknown> }) =>
      message.type === 'audio:spectrum' && message.data?.sessionId === id && (message.data.peaks as Array<{ frequency: number }>).some((peak) => Math.abs(peak.frequency - 432) < 10);
    const frame = await alice.next(hears432);
    expect(frame.data).toMatchObject({ owner: 'key:alice', sessionId: id });
    // The playback runs on the holder C, not on A: the frame came over the bus.
    expect((await call(a!.url, 'alice', 'GET', '/audio/status')).body).toMatchObject({ state: 'idle' });
    await expect.poll(async () => (await call(c.url, 'alice', 'GET', '/audio/status')).body, { timeout: 30_000 }).toMatchObject({ state: 'playing', sessionId: id });

    await root.next((message) => message.type === 'session:started' && isOurs(message));
    await root.next((message) => message.type === 'audio:spectrum' && message.data?.sessionId === id);

    expect((await call(a!.url, 'alice', 'POST', `/sessions/${id}/stop`, {})).status).toBe(200);
    await alice.next((message) => message.type === 'session:stopped' && isOurs(message));
    await root.next((message) => message.type === 'session:stopped' && isOurs(message));

    // Bob shares instance A with alice: whatever was sent to him before this pong has arrived, and none of it is hers.
    await bob.flush();
    expect(bob.messages.filter((message) => message.type.startsWith('session:') || message.type === 'audio:spectrum')).toEqual([]);
    expect((await call(b!.url, 'bob', 'GET', `/sessions/${id}`)).status).toBe(404);
    await Promise.all([alice.close(), bob.close(), root.close()]);
  });
});
