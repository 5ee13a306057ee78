import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { runExample } from './run-example';

// The four server guides run as real processes on 127.0.0.1, each exercised the same way.
const KEY = randomBytes(24).toString('hex');
const json = { 'content-type': 'application/json' };
const withKey = { ...json, authorization: `Bearer ${KEY}` };

function nextMessage(socket: WebSocket, wanted: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (!wanted(message)) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.once('close', () => reject(new Error('the socket closed')));
  });
}

describe.each([
  { file: 'server-node-http.ts', ownRoute: null },
  { file: 'server-express.ts', ownRoute: 'from express' },
  { file: 'server-fastify.ts', ownRoute: 'from fastify' },
  { file: 'server-hono.ts', ownRoute: 'from hono' },
])('docs/examples/src/$file', ({ file, ownRoute }) => {
  it("serves the API with its key, the docs page and the WebSocket next to the app's own routes, and stops cleanly on SIGTERM", { timeout: 120_000 }, async () => {
    const example = runExample(file, [], { VAJRA_KEY: KEY, PORT: '0' });
    let socket: WebSocket | undefined;
    try {
      await example.until(({ stdout }) => /listening on http:\/\/127\.0\.0\.1:\d+/.test(stdout), 'the URL');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(example.output().stdout)![1]!;

      const wrongKey = await fetch(`${url}/api/v1/sessions`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${'x'.repeat(48)}` },
        body: JSON.stringify({ intention: 'peace', duration: 60 }),
      });
      expect(wrongKey.status).toBe(401);
      const created = await fetch(`${url}/api/v1/sessions`, { method: 'POST', headers: withKey, body: JSON.stringify({ intention: 'peace', duration: 60 }) });
      expect(created.status).toBe(201);
      const session = (await created.json()) as { id: string; status: string; owner: string };
      expect(session).toMatchObject({ status: 'created', owner: 'key:me' });
      expect(((await (await fetch(`${url}/api/v1/sessions/${session.id}`, { headers: withKey })).json()) as { id: string }).id).toBe(session.id);
      const docs = await fetch(`${url}/docs`);
      expect(docs.headers.get('content-type')).toContain('text/html');
      if (ownRoute !== null) expect(await (await fetch(`${url}/hello`)).json()).toEqual({ hello: ownRoute });

      socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, ['vajra-stream.v1', `vajra-stream.bearer.${KEY}`]);
      await new Promise((resolve, reject) => socket!.once('open', resolve).once('error', reject));
      const subscribed = nextMessage(socket, (message) => message.type === 'subscribed');
      socket.send(JSON.stringify({ type: 'subscribe', topics: ['session:*'] }));
      await subscribed;
      const started = nextMessage(socket, (message) => message.type === 'session:started');
      expect((await fetch(`${url}/api/v1/sessions/${session.id}/start`, { method: 'POST', headers: withKey })).status).toBe(200);
      expect(await started).toMatchObject({ type: 'session:started', data: { session: { id: session.id, status: 'running' } } });
      socket.close();

      example.child.kill('SIGTERM');
      expect(await example.exited).toBe(0);
    } finally {
      socket?.terminate();
      if (example.child.exitCode === null && example.child.signalCode === null) example.child.kill('SIGKILL');
    }
  });
});
