// Plugin events cross the bus between processes with their routing intact. Two real `vajra serve` processes
// (simulated hardware, offline oracle) on one PostgreSQL schema and a bus (LISTEN/NOTIFY, then Redis):
// - `hardware:*` is public: a device disconnected through instance B reaches every authenticated client of
//   instance A, whose own device of the same id stays connected (so the event can only have come over the bus);
// - `oracle:*` is owner-routed: a stream for alice, told by a third process (a kernel in this test process that
//   joins the bus), reaches alice and the admin on A word for word, and never bob.
import { createVajra, type Bus, type Vajra } from '@vajra-stream/core';
import { createRedisBus } from '@vajra-stream/bus-redis';
import { oraclePlugin } from '@vajra-stream/oracle';
import { createPostgresBus } from '@vajra-stream/store-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeployment, DATABASE_URL, REDIS_URL, requireServices, type Deployment } from './__fixtures__/deployment';
import { connectPeer, type WsPeer } from './__fixtures__/ws-peer';

const KEYS = { alice: 'alice-key-0123456789', bob: 'bob-key-0123456789', root: 'root-key-0123456789' };
const env = { VAJRA_API_KEYS: `alice:${KEYS.alice},bob:${KEYS.bob},root:${KEYS.root}:admin`, VAJRA_AUTH_REQUIRE: 'always' };

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Message = WsPeer['messages'][number];
const deviceState = (message: Message) => message.data as { deviceId?: string; health?: { state?: string } } | undefined;

describe.each(['postgres', 'redis'] as const)('plugin events across instances (%s bus)', (bus) => {
  it('carries public hardware events to everyone and owner-routed oracle events to their owner only', { timeout: 180_000 }, async () => {
    await requireServices({ redis: bus === 'redis' });
    const deployment: Deployment = createDeployment({ bus, env });
    cleanups.push(() => deployment.cleanup());
    const [a, b] = await Promise.all([deployment.start(), deployment.start()]);
    const call = async (url: string, who: keyof typeof KEYS, method: string, path: string) => {
      const response = await fetch(`${url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${KEYS[who]}`, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) } });
      return { status: response.status, body: (await response.json()) as { health?: { state?: string } } };
    };

    const peers = { alice: await connectPeer(a!.url, KEYS.alice), bob: await connectPeer(a!.url, KEYS.bob), root: await connectPeer(a!.url, KEYS.root) };
    cleanups.push(async () => {
      await Promise.all(Object.values(peers).map((peer) => peer.close()));
    });
    for (const peer of Object.values(peers)) {
      peer.send({ type: 'subscribe', id: 'sub', topics: ['hardware:*', 'oracle:*'] });
      await peer.next((message) => message.type === 'subscribed');
    }

    // Hardware: B's DMX interface goes away and comes back; A's stays connected throughout.
    const disconnected = await call(b!.url, 'root', 'POST', '/hardware/devices/dmx/disconnect');
    expect(disconnected, JSON.stringify(disconnected)).toMatchObject({ status: 200, body: { health: { state: 'disconnected' } } });
    for (const peer of Object.values(peers)) {
      await peer.next((message) => message.type === 'hardware:status' && deviceState(message)?.deviceId === 'dmx' && deviceState(message)?.health?.state === 'disconnected');
    }
    expect((await call(a!.url, 'bob', 'GET', '/hardware/devices/dmx')).body.health?.state).toBe('connected');
    expect((await call(b!.url, 'root', 'POST', '/hardware/devices/dmx/connect')).status).toBe(200);
    for (const peer of Object.values(peers)) {
      await peer.next((message) => message.type === 'hardware:status' && deviceState(message)?.deviceId === 'dmx' && deviceState(message)?.health?.state === 'connected');
    }

    // Oracle: a third process on the same bus streams a blessing for alice.
    const teller: { bus: Bus; vajra: Vajra } = {
      bus: bus === 'redis' ? await createRedisBus({ url: REDIS_URL, keyPrefix: deployment.prefix }) : await createPostgresBus({ connectionString: DATABASE_URL, schema: deployment.schema }),
      vajra: undefined as never,
    };
    teller.vajra = createVajra({ bus: teller.bus, env: {}, config: { logLevel: 'silent' }, plugins: [oraclePlugin()] });
    await teller.vajra.start();
    cleanups.push(async () => {
      await teller.vajra.stop();
      await teller.bus.close();
    });
    const { streamId, result } = teller.vajra.plugin('oracle').stream({ kind: 'blessing', intention: 'all beings' }, { owner: 'key:alice' });
    const { text } = await result;
    expect(text.length).toBeGreaterThan(0);
    const ofStream = (message: Message) => message.type.startsWith('oracle:') && message.data?.streamId === streamId;
    for (const peer of [peers.alice, peers.root]) {
      const done = await peer.next((message) => message.type === 'oracle:done' && ofStream(message));
      expect(done.data).toMatchObject({ owner: 'key:alice', text });
      const deltas = peer.messages.filter((message) => message.type === 'oracle:delta' && ofStream(message)).map((message) => message.data as { index: number; text: string });
      expect(deltas.map((delta) => delta.index)).toEqual(deltas.map((_, index) => index));
      expect(deltas.map((delta) => delta.text).join('')).toBe(text);
    }
    // Whatever A sent bob before this pong has arrived, and none of the stream is in it.
    await peers.bob.flush();
    expect(peers.bob.messages.filter((message) => message.type.startsWith('oracle:'))).toEqual([]);
  });
});
