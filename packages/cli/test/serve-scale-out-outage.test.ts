// The bus or the database goes away under a running deployment and comes back. Two real `vajra serve`
// processes reach the service through a TCP proxy the test controls; cutting it drops every connection and
// refuses new ones, which is what the instances see of a restart. They must notice (/ready), reconnect on
// their own, and deliver every event announced meanwhile exactly once; a session whose end falls inside a
// database outage still completes at its exact instant.
import { afterAll, describe, expect, it } from 'vitest';
import { createDeployment, DATABASE_URL, REDIS_URL, requireServices, until, type Deployment, type Instance } from './__fixtures__/deployment';
import { startTcpProxy, type TcpProxy } from './__fixtures__/tcp-proxy';
import { connectPeer } from './__fixtures__/ws-peer';

const deployments: Deployment[] = [];
const proxies: TcpProxy[] = [];
afterAll(async () => {
  for (const deployment of deployments) await deployment.cleanup();
  for (const proxy of proxies) await proxy.close();
});

const hostOf = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (url.startsWith('redis') ? '6379' : '5432')}`;
};

const post = async <T>(instance: Instance, path: string, body: unknown): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${instance.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
};

describe.each(['postgres', 'redis'] as const)('a %s bus that restarts', (bus) => {
  it('is reconnected to, and every event announced while it was away reaches the other instance once', { timeout: 180_000 }, async () => {
    await requireServices({ redis: bus === 'redis' });
    const proxy = await startTcpProxy(hostOf(bus === 'postgres' ? DATABASE_URL : REDIS_URL));
    proxies.push(proxy);
    const deployment = createDeployment({ bus, busUrl: proxy.via(bus === 'postgres' ? DATABASE_URL : REDIS_URL) });
    deployments.push(deployment);
    const [a, b] = await Promise.all([deployment.start(), deployment.start()]);
    const watchers = await Promise.all([connectPeer(a!.url), connectPeer(b!.url)]);
    for (const peer of watchers) {
      peer.send({ type: 'subscribe', id: 'sub', topics: ['session:*'] });
      await peer.next((message) => message.type === 'subscribed');
    }
    const created = (peer: (typeof watchers)[number], id: string) =>
      peer.messages.filter((message) => message.type === 'session:created' && (message.data?.session as { id?: string } | undefined)?.id === id).length;

    const before = await post<{ id: string }>(b!, '/sessions', { intention: 'before', duration: 60 });
    await watchers[0]!.next((message) => message.type === 'session:created' && (message.data?.session as { id: string } | undefined)?.id === before.body.id);

    proxy.cut();
    await until(
      async () => (await Promise.all([a!, b!].map((instance) => deployment.ready(instance.url)))).every((state) => state.bus?.connected === false),
      'both instances to see the bus gone',
      30_000,
    );
    // The store is not behind the proxy: writes go on, their events wait for the bus.
    const during: Array<{ id: string; from: number }> = [];
    for (let index = 0; index < 20; index += 1) {
      const from = index % 2;
      const response = await post<{ id: string }>(from === 0 ? a! : b!, '/sessions', { intention: `during ${index}`, duration: 60 });
      expect(response.status).toBe(201);
      during.push({ id: response.body.id, from });
    }
    proxy.restore();
    await until(
      async () => (await Promise.all([a!, b!].map((instance) => deployment.ready(instance.url)))).every((state) => state.bus?.connected === true && (state.bus.reconnects ?? 0) >= 1),
      'both instances back on the bus',
      60_000,
    );

    // Each instance's clients hear the other instance's sessions (and their own), once each.
    for (const { id } of during) {
      for (const peer of watchers) await peer.next((message) => message.type === 'session:created' && (message.data?.session as { id: string } | undefined)?.id === id, 60_000);
    }
    const after = await post<{ id: string }>(a!, '/sessions', { intention: 'after', duration: 60 });
    for (const peer of watchers) {
      await peer.next((message) => message.type === 'session:created' && (message.data?.session as { id: string } | undefined)?.id === after.body.id, 30_000);
      await peer.flush();
      expect([before.body, ...during, after.body].map(({ id }) => created(peer, id))).toEqual(Array.from({ length: during.length + 2 }, () => 1));
    }
    await Promise.all(watchers.map((peer) => peer.close()));
  });
});

describe('a PostgreSQL restart (store, lease and bus)', () => {
  it('is survived: the instances report it, refuse writes with 503 STORE_UNAVAILABLE, reconnect, and the work goes on exactly', { timeout: 180_000 }, async () => {
    await requireServices();
    const proxy = await startTcpProxy(hostOf(DATABASE_URL));
    proxies.push(proxy);
    const deployment = createDeployment({ bus: 'postgres', databaseUrl: proxy.via(DATABASE_URL) });
    deployments.push(deployment);
    const [a, b] = await Promise.all([deployment.start(), deployment.start()]);
    const watcher = await connectPeer(a!.url);
    watcher.send({ type: 'subscribe', id: 'sub', topics: ['session:*'] });
    await watcher.next((message) => message.type === 'subscribed');

    const session = await post<{ id: string }>(b!, '/sessions', { intention: 'through the outage', duration: 4 });
    expect((await post(b!, `/sessions/${session.body.id}/start`, {})).status).toBe(200);
    proxy.cut();
    const cutAt = Date.now();
    const seen: string[] = [];
    const readyStatus = async (instance: Instance): Promise<number> => {
      const response = await fetch(`${instance.url}/ready`, { signal: AbortSignal.timeout(5000) }).catch((error: unknown) => {
        seen.push(`${instance.url}: ${String(error)}`);
        throw error;
      });
      seen.push(`${instance.url}: ${response.status} ${(await response.text()).slice(0, 400)}`);
      return response.status;
    };
    await until(async () => (await Promise.all([a!, b!].map(readyStatus))).every((status) => status === 503), 'both instances not ready', 30_000).catch((error: Error) => {
      const exits = [a!, b!].map(({ child }) => `exit ${child.child.exitCode ?? child.child.signalCode}: ${child.stderr().slice(-1500)}`);
      throw new Error(`${error.message}; last answers: ${seen.slice(-4).join(' | ')}; ${exits.join(' | ')}`);
    });
    const refused = await post<{ code: string }>(a!, '/sessions', { intention: 'refused', duration: 60 });
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('STORE_UNAVAILABLE');
    // Stay away past the session's end and the lease's expiry.
    await until(() => Date.now() - cutAt > 6000, 'the outage to last 6 s', 30_000);
    proxy.restore();

    await until(
      async () => (await Promise.all([a!, b!].map((instance) => deployment.ready(instance.url)))).every((state) => state.ready && state.bus?.connected === true),
      'both instances ready again',
      60_000,
    );
    const completed = await watcher.next((message) => message.type === 'session:completed' && (message.data?.session as { id: string } | undefined)?.id === session.body.id, 60_000);
    const done = completed.data!.session as { elapsedTime: number; startedAt: string; completedAt: string };
    expect(done.elapsedTime).toBe(4);
    expect(Date.parse(done.completedAt) - Date.parse(done.startedAt)).toBe(4000);
    await deployment.holder();
    expect(a!.child.child.exitCode).toBeNull();
    expect(b!.child.child.exitCode).toBeNull();
    await watcher.flush();
    expect(watcher.messages.filter((message) => message.type === 'session:completed')).toHaveLength(1);
    await watcher.close();
  });
});
