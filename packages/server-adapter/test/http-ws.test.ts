import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adapters } from './adapters';
import { call, startServer, type Running } from './harness';
import { connect, upgradeStatus } from './ws-client';
import { API_KEYS, KEYS } from './test-keys';

const JWT_SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const session = { intention: 'May all beings be free from suffering', duration: 600 };
const emit = (running: Running, name: string, payload: unknown): void => (running.vajra.events.emit as (n: string, p: unknown) => void)(name, payload);

describe.each(adapters)('$name adapter', (adapter) => {
  let open: Running;
  let secured: Running;
  beforeAll(async () => {
    open = await startServer(adapter, { limits: { wsQueueBytes: 128 * 1024, bodyBytes: 64 * 1024 } });
    secured = await startServer(adapter, {
      auth: {
        require: 'always',
        apiKeys: API_KEYS,
        jwt: { secret: JWT_SECRET },
      },
      rateLimit: { max: 200, windowMs: 60_000 },
    });
  });
  afterAll(async () => {
    await open?.close();
    await secured?.close();
  });

  describe('system routes', () => {
    it('serves /, /health, /ready, /openapi.json and a self-contained /docs', async () => {
      expect((await call(open.url, 'GET', '/')).body).toMatchObject({ name: 'Vajra.Stream', websocket: '/ws', authRequired: false });
      expect((await call(secured.url, 'GET', '/')).body).toMatchObject({ authRequired: true });
      expect((await call(open.url, 'GET', '/health')).body).toEqual({ status: 'ok', kernel: 'running' });
      expect((await call(open.url, 'GET', '/ready')).body).toMatchObject({ ready: true, store: 'memory', bus: null, work: { mode: 'solo', holder: true } });
      const doc = (await call(open.url, 'GET', '/openapi.json')).body;
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/sessions', '/api/v1/sessions/{id}/start', '/api/v1/prayers/wheels/{id}/dedicate']));
      expect(doc.paths['/api/v1/sessions'].post.requestBody.content['application/json'].schema).toBeDefined();
      const docs = await call(open.url, 'GET', '/docs');
      expect(docs.headers.get('content-type')).toContain('text/html');
      expect(docs.text).toContain('/openapi.json');
      expect(docs.text).not.toMatch(/https?:\/\//);
    });

    it('answers 404 and 405 as problem+json', async () => {
      const missing = await call(open.url, 'GET', '/api/v1/nothing');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(missing.body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'Not Found' });
      const wrong = await call(open.url, 'DELETE', '/api/v1/sessions');
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toContain('POST');
      expect(wrong.body.code).toBe('METHOD_NOT_ALLOWED');
    });

    // Only frameworks that share a path space with us (Express, Hono) have routes of their own to keep.
    if (adapter.passThrough) {
      it('leaves the framework its own routes', async () => {
        const other = await call(open.url, 'GET', '/other');
        expect(other.status).toBe(200);
        expect(other.text).toBe('other');
      });
    }
  });

  describe('sessions', () => {
    it('creates with seed aliases, reads, updates, lists with filters and pages, and deletes', async () => {
      const created = await call(open.url, 'POST', '/api/v1/sessions', { body: { ...session, audio_type: 'binaural', prayer_bowl_mode: true, frequencies: [7.83, 432] } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ audioType: 'binaural', prayerBowlMode: true, frequencies: [7.83, 432], status: 'created', owner: null });
      const id = created.body.id as string;
      expect((await call(open.url, 'GET', `/api/v1/sessions/${id}`)).body.intention).toBe(session.intention);
      const updated = await call(open.url, 'PUT', `/api/v1/sessions/${id}`, { body: { intention: 'compassion', audio_type: 'solfeggio' } });
      expect(updated.body).toMatchObject({ intention: 'compassion', audioType: 'solfeggio' });
      expect((await call(open.url, 'PATCH', `/api/v1/sessions/${id}`, { body: { metadata: { teacher: 'x' } } })).body).toMatchObject({ intention: 'compassion', metadata: { teacher: 'x' } });
      await call(open.url, 'POST', '/api/v1/sessions', { body: session });
      await call(open.url, 'POST', '/api/v1/sessions', { body: session });
      const started = await call(open.url, 'POST', `/api/v1/sessions/${id}/start`);
      expect(started.body.status).toBe('running');
      const page = await call(open.url, 'GET', '/api/v1/sessions?status=created&limit=1&offset=0');
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThanOrEqual(2);
      expect(page.body.items[0].status).toBe('created');
      const both = await call(open.url, 'GET', '/api/v1/sessions?status=created,running&limit=200');
      expect(both.body.items.map((s: { id: string }) => s.id)).toContain(id);
      expect((await call(open.url, 'GET', '/api/v1/sessions?status=running')).body.items.every((s: { status: string }) => s.status === 'running')).toBe(true);
      expect((await call(open.url, 'POST', `/api/v1/sessions/${id}/pause`)).body.status).toBe('paused');
      expect((await call(open.url, 'POST', `/api/v1/sessions/${id}/resume`)).body.status).toBe('running');
      const active = await call(open.url, 'DELETE', `/api/v1/sessions/${id}`);
      expect(active.status).toBe(409);
      expect(active.body.code).toBe('SESSION_ACTIVE');
      expect((await call(open.url, 'POST', `/api/v1/sessions/${id}/stop`)).body.status).toBe('stopped');
      const again = await call(open.url, 'POST', `/api/v1/sessions/${id}/start`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SESSION_INVALID_TRANSITION');
      expect((await call(open.url, 'DELETE', `/api/v1/sessions/${id}`)).status).toBe(200);
      const gone = await call(open.url, 'GET', `/api/v1/sessions/${id}`);
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('SESSION_NOT_FOUND');
    });

    it('refuses client mistakes with 4xx problems', async () => {
      const bad = await call(open.url, 'POST', '/api/v1/sessions', { raw: '{"intention": ', headers: { 'content-type': 'application/json' } });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('INVALID_JSON');
      const types = await call(open.url, 'POST', '/api/v1/sessions', { body: { intention: 42, duration: 'long' } });
      expect(types.status).toBe(422);
      expect(types.body.code).toBe('VALIDATION_FAILED');
      expect(types.body.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['intention', 'duration']));
      const unknown = await call(open.url, 'POST', '/api/v1/sessions', { body: { ...session, colour: 'red' } });
      expect(unknown.status).toBe(422);
      const twice = await call(open.url, 'POST', '/api/v1/sessions', { body: { ...session, audioType: 'a', audio_type: 'b' } });
      expect(twice.status).toBe(422);
      const media = await call(open.url, 'POST', '/api/v1/sessions', { raw: 'intention=x', headers: { 'content-type': 'text/plain' } });
      expect(media.status).toBe(415);
      const huge = await call(open.url, 'POST', '/api/v1/sessions', { body: { ...session, metadata: { blob: 'x'.repeat(70 * 1024) } } });
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      const query = await call(open.url, 'GET', '/api/v1/sessions?limit=abc&status=dancing');
      expect(query.status).toBe(422);
    });
  });

  describe('prayers', () => {
    it('lists mantras and runs a wheel: create (alias), start, rpm, dedicate, stats, stop', async () => {
      const mantras = await call(open.url, 'GET', '/api/v1/prayers/mantras');
      expect(mantras.body.mantras.map((m: { id: string }) => m.id)).toContain('chenrezig');
      const created = await call(open.url, 'POST', '/api/v1/prayers/wheels', { body: { mantra: 'chenrezig', copies_per_rotation: 1000, rpm: 600 } });
      expect(created.status).toBe(201);
      expect(created.body.copiesPerRotation).toBe('1000');
      const id = created.body.id as string;
      expect((await call(open.url, 'POST', `/api/v1/prayers/wheels/${id}/start`)).body.status).toBe('spinning');
      expect((await call(open.url, 'PUT', `/api/v1/prayers/wheels/${id}/rpm`, { body: { rpm: 1200 } })).body.rpm).toBe(1200);
      // the wheel turns on the real clock: wait until it has counted a rotation, however slow the machine
      await vi.waitFor(async () => expect(BigInt((await call(open.url, 'GET', `/api/v1/prayers/wheels/${id}/stats`)).body.rotations)).toBeGreaterThan(0n), { timeout: 20_000, interval: 20 });
      const dedication = await call(open.url, 'POST', `/api/v1/prayers/wheels/${id}/dedicate`, { body: { dedication: 'For all beings' } });
      expect(dedication.status).toBe(200);
      expect(dedication.body.text).toBe('For all beings');
      const stats = await call(open.url, 'GET', `/api/v1/prayers/wheels/${id}/stats`);
      expect(BigInt(stats.body.rotations)).toBeGreaterThan(0n);
      expect(stats.body.recitations).toBe((BigInt(stats.body.rotations) * 1000n).toString());
      expect((await call(open.url, 'POST', `/api/v1/prayers/wheels/${id}/stop`)).body.status).toBe('stopped');
      expect((await call(open.url, 'GET', `/api/v1/prayers/wheels/${id}/dedications`)).body.items).toHaveLength(1);
      expect((await call(open.url, 'GET', '/api/v1/prayers/stats')).body.wheels).toBeGreaterThanOrEqual(1);
      expect((await call(open.url, 'GET', '/api/v1/prayers/wheels')).body.items.map((w: { id: string }) => w.id)).toContain(id);
      expect((await call(open.url, 'GET', `/api/v1/prayers/wheels/${id}`)).body.rpm).toBe(1200);
      expect((await call(open.url, 'DELETE', `/api/v1/prayers/wheels/${id}`)).status).toBe(200);
      expect((await call(open.url, 'GET', `/api/v1/prayers/wheels/${id}`)).body.code).toBe('WHEEL_NOT_FOUND');
      const unknown = await call(open.url, 'POST', '/api/v1/prayers/wheels', { body: { mantra: 'nope', copiesPerRotation: 1, rpm: 1 } });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('MANTRA_NOT_FOUND');
      expect((await call(open.url, 'PUT', `/api/v1/prayers/wheels/${id}/rpm`, { body: { rpm: -1 } })).status).toBe(422);
    });
  });

  describe('security', () => {
    it('requires credentials on mutating routes, refuses wrong ones without echoing them', async () => {
      const none = await call(secured.url, 'POST', '/api/v1/sessions', { body: session });
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const wrong = await call(secured.url, 'POST', '/api/v1/sessions', { body: session, token: 'not-a-key-secret-xyz' });
      expect(wrong.status).toBe(401);
      expect(wrong.text).not.toContain('not-a-key-secret-xyz');
      const scheme = await call(secured.url, 'POST', '/api/v1/sessions', { body: session, headers: { authorization: 'Basic abc' } });
      expect(scheme.status).toBe(401);
      const ok = await call(secured.url, 'POST', '/api/v1/sessions', { body: session, token: KEYS.alice });
      expect(ok.status).toBe(201);
      expect(ok.body.owner).toBe('key:alice');
      const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('carol').setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));
      const viaJwt = await call(secured.url, 'POST', '/api/v1/sessions', { body: session, token: jwt });
      expect(viaJwt.status).toBe(201);
      expect(viaJwt.body.owner).toBe('jwt:carol');
      const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('carol').setExpirationTime('5m').sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes'));
      expect((await call(secured.url, 'POST', '/api/v1/sessions', { body: session, token: forged })).status).toBe(401);
    });

    it('keeps two principals apart over HTTP; admin sees all', async () => {
      const mine = (await call(secured.url, 'POST', '/api/v1/sessions', { body: session, token: KEYS.alice })).body.id as string;
      const wheel = (await call(secured.url, 'POST', '/api/v1/prayers/wheels', { body: { mantra: 'green-tara', copiesPerRotation: 1, rpm: 1 }, token: KEYS.alice })).body.id as string;
      const bobGet = await call(secured.url, 'GET', `/api/v1/sessions/${mine}`, { token: KEYS.bob });
      expect(bobGet.status).toBe(404);
      expect(bobGet.body.code).toBe('SESSION_NOT_FOUND');
      expect((await call(secured.url, 'POST', `/api/v1/sessions/${mine}/start`, { token: KEYS.bob })).status).toBe(404);
      expect((await call(secured.url, 'POST', `/api/v1/prayers/wheels/${wheel}/start`, { token: KEYS.bob })).status).toBe(404);
      expect((await call(secured.url, 'POST', '/api/v1/prayers/wheels', { body: { mantra: 'green-tara', copiesPerRotation: 1, rpm: 1, sessionId: mine }, token: KEYS.bob })).status).toBe(404);
      const bobList = await call(secured.url, 'GET', '/api/v1/sessions?limit=200', { token: KEYS.bob });
      expect(bobList.body.items.map((s: { id: string }) => s.id)).not.toContain(mine);
      expect((await call(secured.url, 'GET', '/api/v1/prayers/wheels', { token: KEYS.bob })).body.items).toHaveLength(0);
      const aliceList = await call(secured.url, 'GET', '/api/v1/sessions?limit=200', { token: KEYS.alice });
      expect(aliceList.body.items.every((s: { owner: string }) => s.owner === 'key:alice')).toBe(true);
      expect((await call(secured.url, 'GET', `/api/v1/sessions/${mine}`, { token: KEYS.root })).status).toBe(200);
      const rootList = await call(secured.url, 'GET', '/api/v1/sessions?limit=200', { token: KEYS.root });
      expect(rootList.body.items.map((s: { id: string }) => s.id)).toContain(mine);
      expect((await call(secured.url, 'GET', `/api/v1/sessions/${mine}`)).status).toBe(404); // anonymous
    });

    it('answers CORS preflights from the allowlist only', async () => {
      const allowed = await call(open.url, 'OPTIONS', '/api/v1/sessions', {
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      const denied = await call(open.url, 'OPTIONS', '/api/v1/sessions', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(denied.status).toBe(403);
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
      const simple = await call(open.url, 'GET', '/health', { headers: { origin: 'http://localhost:3000' } });
      expect(simple.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      expect((await call(open.url, 'GET', '/health', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
    });

    it('checks auth and origin in the upgrade, before the 101', async () => {
      const refused = await upgradeStatus(secured.url);
      expect(refused.status).toBe(401);
      expect((await upgradeStatus(secured.url, { headers: { authorization: 'Bearer wrong-key' } })).status).toBe(401);
      expect((await upgradeStatus(secured.url, { headers: { authorization: `Bearer ${KEYS.alice}`, origin: 'https://evil.example' } })).status).toBe(403);
      expect((await upgradeStatus(secured.url, { headers: { authorization: `Bearer ${KEYS.alice}` } })).status).toBe(101);
      const viaProtocol = await upgradeStatus(secured.url, { protocols: ['vajra-stream.v1', `vajra-stream.bearer.${KEYS.bob}`] });
      expect(viaProtocol).toMatchObject({ status: 101, protocol: 'vajra-stream.v1' });
      expect((await upgradeStatus(open.url)).status).toBe(101);
    });

    it('lets the pages it serves open the WebSocket (same origin on a loopback or IP-literal host), not re-bound names', async () => {
      const host = new URL(open.url).host;
      expect((await upgradeStatus(open.url, { headers: { origin: open.url } })).status).toBe(101);
      expect((await upgradeStatus(open.url, { headers: { origin: `http://localhost:${new URL(open.url).port}`, host: `localhost:${new URL(open.url).port}` } })).status).toBe(101);
      expect((await upgradeStatus(open.url, { headers: { origin: 'http://127.0.0.1:1', host } })).status).toBe(403);
      const rebound = `rebound.example:${new URL(open.url).port}`;
      expect((await upgradeStatus(open.url, { headers: { origin: `http://${rebound}`, host: rebound } })).status).toBe(403);
    });
  });

  describe('websocket', () => {
    it('answers ping, and every bad message with an error while the connection stays up', async () => {
      const client = await connect(open.url);
      client.send({ type: 'ping', id: 7 });
      expect(await client.next((m) => m.type === 'pong')).toMatchObject({ id: 7 });
      const cases: Array<[unknown, string]> = [
        ['{not json', 'INVALID_JSON'],
        ['[1,2]', 'VALIDATION_FAILED'],
        [{ kind: 'ping' }, 'VALIDATION_FAILED'],
        [{ type: 'dance' }, 'UNKNOWN_MESSAGE_TYPE'],
        [{ type: 'subscribe', topics: ['kernel:*'] }, 'INVALID_TOPIC'],
        [{ type: 'subscribe', topics: 'audio:spectrum' }, 'VALIDATION_FAILED'],
        [{ type: 'session.start' }, 'VALIDATION_FAILED'],
        [{ type: 'session.start', sessionId: 'ses_missing' }, 'SESSION_NOT_FOUND'],
        [{ type: 'session.create', session: { intention: '' } }, 'VALIDATION_FAILED'],
        [{ type: 'ping', extra: 'x'.repeat(70 * 1024) }, 'MESSAGE_TOO_LARGE'],
      ];
      for (const [message, code] of cases) {
        client.send(message);
        expect(await client.next((m) => m.type === 'error')).toMatchObject({ code });
      }
      client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
      expect(await client.next((m) => m.type === 'error')).toMatchObject({ code: 'BINARY_UNSUPPORTED' });
      client.send({ type: 'ping', id: 'still-here' });
      expect(await client.next((m) => m.type === 'pong')).toMatchObject({ id: 'still-here' });
      await client.close();
    });

    it('fans events out to every subscriber, runs commands, and accepts the seed aliases', async () => {
      const clients = await Promise.all([connect(open.url), connect(open.url), connect(open.url)]);
      for (const client of clients) {
        client.send({ type: 'subscribe', topics: ['session:*'] });
        await client.next((m) => m.type === 'subscribed');
      }
      const id = (await call(open.url, 'POST', '/api/v1/sessions', { body: session })).body.id as string;
      for (const client of clients) expect(((await client.next((m) => m.type === 'session:created')).data as { session: { id: string } }).session.id).toBe(id);
      clients[0]!.send({ type: 'session.start', sessionId: id, id: 'c1' });
      expect(await clients[0]!.next((m) => m.type === 'result')).toMatchObject({ id: 'c1', command: 'session.start', data: { status: 'running' } });
      for (const client of clients) await client.next((m) => m.type === 'session:started');
      clients[1]!.send({ type: 'stop_session', session_id: id });
      expect(await clients[1]!.next((m) => m.type === 'result')).toMatchObject({ command: 'session.stop', data: { status: 'stopped' } });
      clients[2]!.send({ type: 'subscribe_audio' });
      expect((await clients[2]!.next((m) => m.type === 'subscribed')).topics).toContain('audio:spectrum');
      const second = (await call(open.url, 'POST', '/api/v1/sessions', { body: session })).body.id as string;
      clients[2]!.send({ type: 'start_session', session_id: second });
      expect(await clients[2]!.next((m) => m.type === 'result')).toMatchObject({ command: 'session.start', data: { id: second, status: 'running' } });
      emit(open, 'audio:spectrum', { sessionId: second, bins: [1, 2, 3] });
      expect(await clients[2]!.next((m) => m.type === 'audio:spectrum')).toMatchObject({ data: { bins: [1, 2, 3] } });
      clients[0]!.send({ type: 'unsubscribe', topics: ['session:*'] });
      await clients[0]!.next((m) => m.type === 'unsubscribed');
      await call(open.url, 'POST', `/api/v1/sessions/${second}/stop`);
      await clients[1]!.next((m) => m.type === 'session:stopped' && (m.data as { session: { id: string } }).session.id === second);
      expect(clients[0]!.messages.some((m) => m.type === 'session:stopped' && (m.data as { session: { id: string } }).session.id === second)).toBe(false);
      await Promise.all(clients.map((c) => c.close()));
    });

    it('sends each event to every subscriber as a text frame of its UTF-8 JSON, then the next event and replies intact', async () => {
      const clients = await Promise.all([connect(open.url), connect(open.url)]);
      const frames = clients.map(() => [] as Array<{ text: string; isBinary: boolean }>);
      for (const [i, client] of clients.entries()) {
        client.send({ type: 'subscribe', topics: ['audio:spectrum'] });
        await client.next((m) => m.type === 'subscribed');
        client.socket.on('message', (data, isBinary) => frames[i]!.push({ text: new TextDecoder('utf-8', { fatal: true }).decode(data as Buffer), isBinary }));
      }
      const payloads = [
        { seq: 1, owner: null, label: 'ॐ मणि पद्मे हूँ 🙏' },
        { seq: 2, owner: null, label: 'Tara — སྒྲོལ་མ' },
      ];
      for (const payload of payloads) emit(open, 'audio:spectrum', payload); // in one turn, one after the other
      for (const client of clients) {
        client.send({ type: 'ping', id: 'after' });
        await client.next((m) => m.type === 'pong');
      }
      for (const received of frames) {
        expect(received.slice(0, 2)).toEqual(payloads.map((data) => ({ text: JSON.stringify({ type: 'audio:spectrum', data }), isBinary: false })));
        expect(received.length).toBe(3);
        expect(received[2]!.isBinary).toBe(false);
        expect(JSON.parse(received[2]!.text)).toMatchObject({ type: 'pong', id: 'after' });
      }
      await Promise.all(clients.map((c) => c.close()));
    });

    it('drops a slow consumer from the topic and keeps serving the others', async () => {
      const slow = await connect(open.url);
      const fast = await connect(open.url);
      for (const client of [slow, fast]) {
        client.send({ type: 'subscribe', topics: ['audio:spectrum'] });
        await client.next((m) => m.type === 'subscribed');
      }
      (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      const bins = Array.from({ length: 200 }, (_, i) => i / 7);
      let sent = 0;
      const deadline = Date.now() + 15_000;
      while (open.server.websocket.stats().topics['audio:spectrum'] === 2 && Date.now() < deadline) {
        for (let i = 0; i < 4; i += 1) emit(open, 'audio:spectrum', { seq: sent++, owner: null, bins });
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(open.server.websocket.stats().topics['audio:spectrum']).toBe(1);
      const last = sent - 1;
      expect(await fast.next((m) => m.type === 'audio:spectrum' && (m.data as { seq: number }).seq === last, 10_000)).toBeDefined();
      const fastFrames = fast.messages.filter((m) => m.type === 'audio:spectrum').length + 1;
      expect(fastFrames).toBe(sent); // the fast client missed nothing (the one awaited was removed)
      (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await slow.next((m) => m.type === 'unsubscribed' && m.reason === 'slow-consumer', 10_000)).toMatchObject({ topic: 'audio:spectrum' });
      slow.send({ type: 'ping' });
      await slow.next((m) => m.type === 'pong', 10_000);
      await Promise.all([slow.close(), fast.close()]);
    });

    it('keeps two principals apart over the WebSocket; admin sees all', async () => {
      const [alice, bob, root] = await Promise.all([KEYS.alice, KEYS.bob, KEYS.root].map((key) => connect(secured.url, { headers: { authorization: `Bearer ${key}` } })));
      for (const client of [alice!, bob!, root!]) {
        client.send({ type: 'subscribe', topics: ['session:*', 'wheel:*'] });
        await client.next((m) => m.type === 'subscribed');
      }
      const aliceSession = (await call(secured.url, 'POST', '/api/v1/sessions', { body: session, token: KEYS.alice })).body.id as string;
      const bobSession = (await call(secured.url, 'POST', '/api/v1/sessions', { body: session, token: KEYS.bob })).body.id as string;
      const idOf = (m: Record<string, unknown>) => (m.data as { session?: { id: string } }).session?.id;
      await alice!.next((m) => m.type === 'session:created' && idOf(m) === aliceSession);
      await bob!.next((m) => m.type === 'session:created' && idOf(m) === bobSession);
      await root!.next((m) => idOf(m) === aliceSession);
      await root!.next((m) => idOf(m) === bobSession);
      expect(bob!.messages.some((m) => idOf(m) === aliceSession)).toBe(false);
      expect(alice!.messages.some((m) => idOf(m) === bobSession)).toBe(false);
      bob!.send({ type: 'session.start', sessionId: aliceSession, id: 1 });
      expect(await bob!.next((m) => m.type === 'error')).toMatchObject({ id: 1, code: 'SESSION_NOT_FOUND' });
      const wheel = (await call(secured.url, 'POST', '/api/v1/prayers/wheels', { body: { mantra: 'green-tara', copiesPerRotation: 1, rpm: 6000 }, token: KEYS.alice })).body.id as string;
      alice!.send({ type: 'wheel.start', wheelId: wheel });
      await alice!.next((m) => m.type === 'wheel:rotated' && (m.data as { wheelId: string }).wheelId === wheel);
      await root!.next((m) => m.type === 'wheel:rotated' && (m.data as { wheelId: string }).wheelId === wheel);
      alice!.send({ type: 'wheel.stop', wheelId: wheel });
      await alice!.next((m) => m.type === 'wheel:stopped');
      expect(bob!.messages.some((m) => JSON.stringify(m).includes(wheel))).toBe(false);
      await Promise.all([alice!, bob!, root!].map((c) => c.close()));
    });
  });
});
